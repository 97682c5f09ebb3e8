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
#include "csv.h"
#include "cycles.h"
#include "portfolio.h"
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
/* The CSV's rows at most (the firm's whole portfolio, filtered). */
#define PORTFOLIO_CSV_MAX 10000

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

static struct json_object *
get(struct json_object *o, const char *path)
{
	char key[64];

	while (o != NULL && *path != '\0') {
		size_t n = strcspn(path, ".");
		snprintf(key, sizeof(key), "%.*s", (int)n, path);
		if (!json_object_object_get_ex(o, key, &o))
			return NULL;
		path += n + (path[n] == '.');
	}
	return o;
}

static const char *
text(struct json_object *o, const char *path)
{
	struct json_object *v = get(o, path);

	return v != NULL ? json_object_get_string(v) : "";
}

int
rp_ui_portfolio_csv(struct rp_req *req)
{
	static const char *const cols[] = { "name", "mission_type", "plan", "status",
		"last_activity_at", "vciso", "compliance_pct", "frameworks", "risks_critical",
		"risks_high", "risks_medium", "risks_low", "actions_open", "actions_overdue",
		"exposure_high", "exposure_medium", "usage_score" };
	static const char *const paths[] = { "name", "mission_type", "plan", "status",
		"last_activity_at", NULL, "figures.compliance_pct", NULL, "figures.risks.critical",
		"figures.risks.high", "figures.risks.medium", "figures.risks.low",
		"figures.actions.open", "figures.actions.overdue",
		"figures.exposure.findings_by_severity.high",
		"figures.exposure.findings_by_severity.medium", "figures.usage.score" };
	struct rp_portfolio_filter f;
	long long total;

	if (rp_portfolio_filter(req, &f, false) != 0)
		return -1;
	struct json_object *items = rp_portfolio_list(req, &f, PORTFOLIO_CSV_MAX, 0, &total);
	if (items == NULL)
		return -1;
	struct rp_buf *b = &req->resp.body;
	b->len = 0;
	rp_buf_puts(b, "\xef\xbb\xbf");
	for (size_t i = 0; i < RP_NELEM(cols); i++)
		rp_buf_printf(b, "%s%s", i ? ";" : "", cols[i]);
	rp_buf_puts(b, "\r\n");
	for (size_t r = 0; r < json_object_array_length(items); r++) {
		struct json_object *it = json_object_array_get_idx(items, r);
		for (size_t i = 0; i < RP_NELEM(cols); i++) {
			const char *v;
			if (i)
				rp_buf_puts(b, ";");
			if (strcmp(cols[i], "vciso") == 0) {
				v = json_object_get_boolean(get(it, "vciso")) ? "yes" : "no";
			} else if (strcmp(cols[i], "frameworks") == 0) {
				/* "Name: 45.0 %" per adopted framework. */
				struct json_object *fws = get(it, "figures.frameworks");
				struct rp_buf t;
				rp_buf_init(&t, req->arena);
				for (size_t k = 0; fws != NULL && k < json_object_array_length(fws); k++) {
					struct json_object *fw = json_object_array_get_idx(fws, k);
					const char *pct = text(fw, "compliance_pct");
					rp_buf_printf(&t, "%s%s: %s", k ? " | " : "", text(fw, "name"),
					    *pct ? P("%s %%", pct) : "-");
				}
				v = rp_buf_str(&t);
			} else
				v = text(it, paths[i]);
			rp_csv_cell(b, v, ';');
		}
		rp_buf_puts(b, "\r\n");
	}
	json_object_put(items);
	req->resp.status = 200;
	req->resp.ctype = "text/csv; charset=utf-8";
	rp_resp_header(req, "Content-Disposition", "attachment; filename=\"portfolio.csv\"");
	return 0;
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

int
rp_ui_soa_csv(struct rp_req *req)
{
	struct rp_client c;

	if (rp_ui_pilot_client(req, &c) != 0)
		return -1;
	return rp_soa_csv(req, &c, req->args[1]);
}
