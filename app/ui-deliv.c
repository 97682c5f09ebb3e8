/* Pages of the portfolio, assessment cycles and the SoA: they show the
 * JSON of the API (app/portfolio.c, app/cycles.c) through rp_set_json. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "authz.h"
#include "clients.h"
#include "compliance.h"
#include "cycles.h"
#include "portfolio.h"
#include "report.h"
#include "request.h"
#include "response.h"
#include "tmpl.h"
#include "ui-deliv.h"
#include "ui-pilot.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)
/* A page of the portfolio: as many clients as the client list's page. */
#define PORTFOLIO_PAGE	50

/* ------------------------------------------------------------ portfolio --- */

/* Publish the filters for the form, the sort links and the pager; the
 * query string of the filters (for links) in *q. */
static const char *
portfolio_filters(struct rp_req *req, const struct rp_portfolio_filter *f)
{
	struct rp_buf q;
	const char *keys[] = { "q", "mission_type", "plan", "status" };
	const char *vals[] = { f->q, f->mission_type, f->plan, f->status };

	rp_buf_init(&q, req->arena);
	for (size_t i = 0; i < RP_NELEM(keys); i++) {
		if (vals[i] == NULL || *vals[i] == '\0')
			continue;
		rp_set(req, P("Filter.%s", keys[i]), vals[i]);
		rp_buf_printf(&q, "&%s=%s", keys[i], rp_url_arg_escape(req->arena, vals[i]));
		rp_set(req, "Filter.any", "1");
	}
	rp_set(req, "Search.arg", rp_buf_str(&q));
	rp_set(req, "Sort.key", f->sort);
	rp_set(req, "Sort.dir", f->desc ? "desc" : "asc");
	return rp_buf_str(&q);
}

int
rp_ui_portfolio(struct rp_req *req)
{
	struct rp_portfolio_filter f;
	long long limit, offset, page, total;

	if (rp_ui_page_args(req, &limit, &offset, &page) != 0 ||
	    rp_portfolio_filter(req, &f, false) != 0)
		return -1;
	limit = PORTFOLIO_PAGE;
	offset = (page - 1) * limit;
	struct json_object *items = rp_portfolio_list(req, &f, limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_set_json(req, "Portfolio", items);
	json_object_put(items);
	if (req->user->role != RP_ROLE_ESTABLISHMENT_MANAGER)
		rp_set(req, "Page.full", "1");
	const char *q = portfolio_filters(req, &f);
	rp_ui_pager(req, page, total, limit, P("sort=%s&dir=%s%s", f.sort,
	    f.desc ? "desc" : "asc", q));
	rp_setf(req, "Page.total", "%lld", total);
	return rp_page(req, "portfolio", "Lang.deliv.portfolio");
}

static int
portfolio_export(struct rp_req *req, enum rp_export_format fmt)
{
	struct rp_portfolio_filter f;

	if (rp_portfolio_filter(req, &f, false) != 0)
		return -1;
	return rp_portfolio_export(req, &f, fmt);
}

int
rp_ui_portfolio_csv(struct rp_req *req)
{
	return portfolio_export(req, RP_EXPORT_CSV);
}

int
rp_ui_portfolio_xlsx(struct rp_req *req)
{
	return portfolio_export(req, RP_EXPORT_XLSX);
}

/* --------------------------------------------------------------- cycles --- */

/* The adopted framework of the path's second id, as the summary shows it
 * (Framework.*); 404 when not adopted. */
static int
framework_hdf(struct rp_req *req, const struct rp_client *c, long long fw)
{
	struct json_object *all = rp_compliance_summary(req, c);
	bool found = false;

	if (all == NULL)
		return -1;
	for (size_t i = 0; i < json_object_array_length(all); i++) {
		struct json_object *a = json_object_array_get_idx(all, i), *id;
		json_object_object_get_ex(a, "framework_id", &id);
		if (json_object_get_int64(id) == fw) {
			rp_set_json(req, "Framework", a);
			found = true;
		}
	}
	json_object_put(all);
	if (!found)
		return rp_fail(req, 404, "not_found", "framework_id",
		    "This client has not adopted this framework.");
	return 0;
}

static int
cycles_page(struct rp_req *req, const struct rp_client *c)
{
	long long fw = req->args[1];
	struct json_object *cycles;

	if (framework_hdf(req, c, fw) != 0 || (cycles = rp_cycles_list(req, c, fw)) == NULL)
		return -1;
	rp_set_json(req, "Cycles", cycles);
	json_object_put(cycles);
	return rp_page(req, "cycles", "Lang.deliv.cycles");
}

int
rp_ui_cycles(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	return cycles_page(req, &c);
}

int
rp_ui_cycles_start(struct rp_req *req)
{
	struct rp_client c;
	long long number;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	if (rp_cycles_start(req, &c, req->args[1], &number) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return cycles_page(req, &c);
	}
	return rp_ui_done(req, P("/clients/%lld/frameworks/%lld/cycles/%lld/compare/%lld",
	    c.id, req->args[1], number - 1, number), "cycle_started");
}

int
rp_ui_cycle(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;

	if (rp_ui_pilot_client(req, &c) != 0 || framework_hdf(req, &c, req->args[1]) != 0 ||
	    (o = rp_cycles_get(req, &c, req->args[1], req->args[2])) == NULL)
		return -1;
	rp_set_json(req, "Cycle", o);
	json_object_put(o);
	return rp_page(req, "cycle", "Lang.deliv.cycle_title");
}

int
rp_ui_cycles_compare(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;

	if (rp_ui_pilot_client(req, &c) != 0 || framework_hdf(req, &c, req->args[1]) != 0 ||
	    (o = rp_cycles_compare(req, &c, req->args[1], req->args[2], req->args[3])) == NULL)
		return -1;
	rp_set_json(req, "Compare", o);
	json_object_put(o);
	return rp_page(req, "cycle-compare", "Lang.deliv.compare");
}

/* ------------------------------------------------------------------ SoA --- */

int
rp_ui_soa(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;

	if (rp_ui_pilot_client(req, &c) != 0 || (o = rp_soa(req, &c, req->args[1])) == NULL)
		return -1;
	rp_set_json(req, "Soa", o);
	json_object_put(o);
	return rp_page(req, "soa", "Lang.deliv.soa");
}

static int
soa_export(struct rp_req *req, enum rp_export_format fmt)
{
	struct rp_client c;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	return rp_soa_export(req, &c, req->args[1], fmt);
}

int
rp_ui_soa_csv(struct rp_req *req)
{
	return soa_export(req, RP_EXPORT_CSV);
}

int
rp_ui_soa_xlsx(struct rp_req *req)
{
	return soa_export(req, RP_EXPORT_XLSX);
}

/* The SoA as a PDF, built by rempart-render as the mission report is. */
int
rp_ui_soa_pdf(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	return rp_report_soa_send(req, &c, req->args[1]);
}
