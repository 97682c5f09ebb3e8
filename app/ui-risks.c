/* Risk register pages: the list with its filters, sort and heat maps, the
 * CSV export, the creation and edit forms, deletion. They show the JSON
 * of risks.c (the API's answers) through rp_set_json. */
#include <stdbool.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "clients.h"
#include "request.h"
#include "response.h"
#include "risks.h"
#include "tmpl.h"
#include "ui-clients.h"
#include "ui-risks.h"
#include "ui-shared.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

/* The form fields of a risk, echoed back when a post fails. */
static const char *const form_fields[] = { "title", "description", "asset", "threat",
	"likelihood", "impact", "treatment", "status", "owner_id", "residual_likelihood",
	"residual_impact" };

/* A heat map's table (Heat.inherent_html, Heat.residual_html): rows by
 * impact from 5 down, columns by likelihood, each cell its level (CSS
 * class heat-<level>), its count and a link to the risks it counts.
 * Written here rather than by a template loop: 25 cells through the HDF
 * and the template took 300,000 instructions a map. Every text goes
 * through rp_html_text, the templates' own escaping;
 * tests/http/heat-maps.mjs holds the HTML. */
static const char *
heat_html(struct rp_req *req, long long client, const long long m[RP_RISK_SCALE][RP_RISK_SCALE],
    bool residual)
{
	const char *impact = rp_lang_text(req, "Lang.risks.impact"),
	    *likelihood = rp_lang_text(req, "Lang.risks.likelihood");
	struct rp_buf b;

	rp_buf_init(&b, req->arena);
	rp_buf_puts(&b, "<div class=\"table-wrap\"><table class=\"heat\">\n<caption>");
	rp_html_text(&b, rp_lang_text(req, residual ? "Lang.risks.heat_residual" :
	    "Lang.risks.heat_inherent"));
	rp_buf_puts(&b, "</caption>\n<thead><tr><th scope=\"col\">");
	rp_html_text(&b, impact);
	rp_buf_puts(&b, " \\ ");
	rp_html_text(&b, likelihood);
	rp_buf_puts(&b, "</th>");
	for (int l = 1; l <= RP_RISK_SCALE; l++) {
		rp_buf_puts(&b, "<th scope=\"col\">");
		rp_buf_putll(&b, l);
		rp_buf_puts(&b, "</th>");
	}
	rp_buf_puts(&b, "</tr></thead>\n<tbody>");
	for (int i = RP_RISK_SCALE; i >= 1; i--) {
		rp_buf_puts(&b, "<tr><th scope=\"row\">");
		rp_buf_putll(&b, i);
		rp_buf_puts(&b, "</th>");
		for (int l = 1; l <= RP_RISK_SCALE; l++) {
			rp_buf_puts(&b, "<td class=\"heat-");
			rp_buf_puts(&b, rp_risk_level_key(rp_risk_level(rp_risk_score(l, i))));
			rp_buf_puts(&b, "\"><a href=\"/clients/");
			rp_buf_putll(&b, client);
			rp_buf_puts(&b, "/risks?likelihood=");
			rp_buf_putll(&b, l);
			rp_buf_puts(&b, "&amp;impact=");
			rp_buf_putll(&b, i);
			if (residual)
				rp_buf_puts(&b, "&amp;residual=1");
			rp_buf_puts(&b, "\">");
			rp_buf_putll(&b, m[i - 1][l - 1]);
			rp_buf_puts(&b, "<span class=\"visually-hidden\"> \u2014 ");
			rp_html_text(&b, likelihood);
			rp_buf_puts(&b, " ");
			rp_buf_putll(&b, l);
			rp_buf_puts(&b, ", ");
			rp_html_text(&b, impact);
			rp_buf_puts(&b, " ");
			rp_buf_putll(&b, i);
			rp_buf_puts(&b, "</span></a></td>");
		}
		rp_buf_puts(&b, "</tr>");
	}
	rp_buf_puts(&b, "</tbody>\n</table></div>");
	return rp_buf_str(&b);
}

void
rp_ui_risks_heat_set(struct rp_req *req, long long client, const struct rp_risk_heat *h)
{
	rp_set(req, "Heat.inherent_html", heat_html(req, client, h->inherent, false));
	rp_set(req, "Heat.residual_html", heat_html(req, client, h->residual, true));
	for (int l = 0; l < RP_RISK__LEVELS; l++) {
		rp_setf(req, P("Heat.by_level.%s", rp_risk_level_key(l)), "%lld", h->by_level[l]);
		rp_setf(req, P("Heat.residual_by_level.%s", rp_risk_level_key(l)), "%lld",
		    h->residual_by_level[l]);
	}
	rp_setf(req, "Heat.total", "%lld", h->total);
}

int
rp_ui_risks_heat(struct rp_req *req, const struct rp_client *c)
{
	struct rp_risk_heat h;

	if (rp_risks_heat(req, c, &h) != 0)
		return -1;
	rp_ui_risks_heat_set(req, c->id, &h);
	return 0;
}

/* The client of the path, in scope (404) with the caller its vCISO (403),
 * and the client chrome. */
static int
pilot_client(struct rp_req *req, struct rp_client *c)
{
	if (rp_clients_pilot(req, req->args[0], c) != 0)
		return -1;
	rp_ui_client_chrome(req, c);
	return 0;
}

/* The same through a risk's client. */
static int
risk_client(struct rp_req *req, struct rp_client *c)
{
	if (rp_risks_of(req, req->args[0], c) != 0)
		return -1;
	rp_ui_client_chrome(req, c);
	return 0;
}

/* The filters as a query string ("" or "a=b&c=d"), for links. */
static const char *
filter_query(struct rp_req *req, const struct rp_risk_filter *f)
{
	struct rp_buf q;

	rp_buf_init(&q, req->arena);
	if (f->q)
		rp_buf_printf(&q, "&q=%s", rp_url_arg_escape(req->arena, f->q));
	if (f->status)
		rp_buf_printf(&q, "&status=%s", f->status);
	if (f->treatment)
		rp_buf_printf(&q, "&treatment=%s", f->treatment);
	if (f->level)
		rp_buf_printf(&q, "&level=%s", f->level);
	if (f->likelihood)
		rp_buf_printf(&q, "&likelihood=%lld", f->likelihood);
	if (f->impact)
		rp_buf_printf(&q, "&impact=%lld", f->impact);
	if (f->residual)
		rp_buf_puts(&q, "&residual=1");
	return q.len ? rp_buf_str(&q) + 1 : "";
}

/* The register's rows, written here rather than by an each: loop of the
 * template, for the same reason as the heat maps: the same HTML, every
 * text through rp_html_text. tests/http/risk-rows.mjs holds it. */
static void
risk_badge(struct rp_buf *b, const char *score, const char *level, struct _hdf *levels)
{
	rp_buf_puts(b, "<td><span class=\"badge heat-");
	rp_html_text(b, level);
	rp_buf_puts(b, "\">");
	rp_html_text(b, score);
	rp_buf_puts(b, " \u00b7 ");
	rp_html_text(b, *level ? rp_lang_in(levels, level) : "");
	rp_buf_puts(b, "</span></td>\n");
}

static const char *
risk_rows(struct rp_req *req, struct json_object *items)
{
	struct _hdf *levels = rp_lang_node(req, "Lang.risks.levels"),
	    *treatments = rp_lang_node(req, "Lang.enums.risk_treatment"),
	    *statuses = rp_lang_node(req, "Lang.enums.risk_status");
	struct rp_buf b;

	rp_buf_init(&b, req->arena);
	for (size_t i = 0; i < json_object_array_length(items); i++) {
		struct json_object *r = json_object_array_get_idx(items, i);
		const char *asset = rp_json_text(r, "asset"), *owner = rp_json_text(r, "owner_name"),
		    *updated = rp_json_text(r, "updated_at");
		rp_buf_puts(&b, "<tr>\n<td><a href=\"/risks/");
		rp_html_text(&b, rp_json_text(r, "id"));
		rp_buf_puts(&b, "\">");
		rp_html_text(&b, rp_json_text(r, "title"));
		rp_buf_puts(&b, "</a>");
		if (rp_cs_true(asset)) {
			rp_buf_puts(&b, "<br><span class=\"small muted\">");
			rp_html_text(&b, asset);
			rp_buf_puts(&b, "</span>");
		}
		rp_buf_puts(&b, "</td>\n");
		risk_badge(&b, rp_json_text(r, "score"), rp_json_text(r, "level"), levels);
		risk_badge(&b, rp_json_text(r, "residual_score"), rp_json_text(r, "residual_level"),
		    levels);
		rp_buf_puts(&b, "<td>");
		rp_html_text(&b, rp_lang_in(treatments, rp_json_text(r, "treatment")));
		rp_buf_puts(&b, "</td>\n<td>");
		rp_html_text(&b, rp_lang_in(statuses, rp_json_text(r, "status")));
		rp_buf_puts(&b, "</td>\n<td>");
		if (rp_cs_true(owner))
			rp_html_text(&b, owner);
		else
			rp_buf_puts(&b, "\u2014");
		rp_buf_puts(&b, "</td>\n<td><time datetime=\"");
		rp_html_text(&b, updated);
		rp_buf_puts(&b, "\">");
		rp_html_text(&b, rp_strndup(req->arena, updated, strnlen(updated, 10)));
		rp_buf_puts(&b, "</time></td>\n</tr>");
	}
	return rp_buf_str(&b);
}

int
rp_ui_risks(struct rp_req *req)
{
	struct rp_client c;
	struct rp_risk_filter f;
	long long limit, offset, page, total;

	if (pilot_client(req, &c) != 0 || rp_risks_filter(req, &f) != 0 ||
	    rp_ui_page_args(req, &limit, &offset, &page) != 0)
		return -1;
	struct json_object *items = rp_risks_list(req, &c, &f, limit, offset, &total);
	if (items == NULL)
		return -1;
	rp_setf(req, "Risks.count", "%zu", json_object_array_length(items));
	rp_set(req, "Risks.rows", risk_rows(req, items));
	json_object_put(items);
	if (rp_ui_risks_heat(req, &c) != 0)
		return -1;
	rp_set(req, "Filter.q", f.q);
	rp_set(req, "Filter.status", f.status);
	rp_set(req, "Filter.treatment", f.treatment);
	rp_set(req, "Filter.level", f.level);
	if (f.likelihood)
		rp_setf(req, "Filter.likelihood", "%lld", f.likelihood);
	if (f.impact)
		rp_setf(req, "Filter.impact", "%lld", f.impact);
	if (f.residual)
		rp_set(req, "Filter.residual", "1");
	const char *fq = filter_query(req, &f);
	if (*fq)
		rp_set(req, "Filter.any", "1");
	rp_set(req, "Search.arg", *fq ? P("&%s", fq) : "");
	rp_set(req, "Sort.key", f.sort);
	rp_set(req, "Sort.dir", f.desc ? "desc" : "asc");
	rp_set(req, "Page.base", P("/clients/%lld/risks", c.id));
	rp_set(req, "Page.csv", P("/clients/%lld/risks.csv%s%s", c.id, *fq ? "?" : "", fq));
	rp_set(req, "Page.xlsx", P("/clients/%lld/risks.xlsx%s%s", c.id, *fq ? "?" : "", fq));
	rp_ui_pager(req, page, total, limit, P("sort=%s&dir=%s%s%s", f.sort,
	    f.desc ? "desc" : "asc", *fq ? "&" : "", fq));
	return rp_page(req, "risks", "Lang.risks.title");
}

static int
risks_export(struct rp_req *req, enum rp_export_format fmt)
{
	struct rp_client c;
	struct rp_risk_filter f;

	if (rp_clients_pilot(req, req->args[0], &c) != 0 || rp_risks_filter(req, &f) != 0)
		return -1;
	return rp_risks_export(req, &c, &f, fmt);
}

int
rp_ui_risks_csv(struct rp_req *req)
{
	return risks_export(req, RP_EXPORT_CSV);
}

int
rp_ui_risks_xlsx(struct rp_req *req)
{
	return risks_export(req, RP_EXPORT_XLSX);
}

/* What the form offers: owners and requirements. */
static int
form_choices(struct rp_req *req, const struct rp_client *c)
{
	struct json_object *owners = rp_risks_owners(req, c), *reqs;

	if (owners == NULL)
		return -1;
	rp_set_json(req, "Owners", owners);
	json_object_put(owners);
	if ((reqs = rp_risks_requirements(req, c)) == NULL)
		return -1;
	rp_set_json(req, "Reqs", reqs);
	json_object_put(reqs);
	return 0;
}

/* Form.* from what was posted, after a refusal. */
static void
form_echo(struct rp_req *req)
{
	for (size_t i = 0; i < RP_NELEM(form_fields); i++)
		rp_set(req, P("Form.%s", form_fields[i]), rp_param(&req->form, form_fields[i]));
	for (size_t i = 0; i < req->form.n; i++)
		if (strcmp(req->form.v[i].key, "requirement_ids") == 0)
			rp_set(req, P("Form.req.%s", req->form.v[i].val), "1");
}

static int
form_page(struct rp_req *req, const struct rp_client *c, const char *title_key)
{
	if (form_choices(req, c) != 0)
		return -1;
	return rp_page(req, "risk", title_key);
}

int
rp_ui_risks_new(struct rp_req *req)
{
	struct rp_client c;

	if (pilot_client(req, &c) != 0)
		return -1;
	rp_set(req, "Form.action", P("/clients/%lld/risks", c.id));
	/* Whoever records a risk follows it until told otherwise. */
	rp_setf(req, "Form.owner_id", "%lld", req->user->id);
	rp_set(req, "Form.treatment", "reduce");
	rp_set(req, "Form.status", "open");
	return form_page(req, &c, "Lang.risks.new");
}

int
rp_ui_risks_create(struct rp_req *req)
{
	struct rp_client c;
	long long id;

	if (pilot_client(req, &c) != 0)
		return -1;
	if (rp_risks_create(req, &c, &id) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		rp_set(req, "Form.action", P("/clients/%lld/risks", c.id));
		form_echo(req);
		return form_page(req, &c, "Lang.risks.new");
	}
	return rp_ui_done(req, P("/clients/%lld/risks", c.id), "risk_created");
}

/* The edit page of risk args[0]; `echo` keeps what was posted. */
static int
edit_page(struct rp_req *req, const struct rp_client *c, bool echo)
{
	struct json_object *r = rp_risk_get(req, c, req->args[0]), *v;

	if (r == NULL)
		return -1;
	rp_set_json(req, "Risk", r);
	if (echo) {
		form_echo(req);
	} else {
		rp_set_json(req, "Form", r);
		if (json_object_object_get_ex(r, "requirement_ids", &v))
			for (size_t i = 0; i < json_object_array_length(v); i++)
				rp_set(req, P("Form.req.%s", json_object_get_string(
				    json_object_array_get_idx(v, i))), "1");
	}
	json_object_put(r);
	rp_set(req, "Form.action", P("/risks/%lld", req->args[0]));
	return form_page(req, c, "Lang.risks.edit");
}

int
rp_ui_risk(struct rp_req *req)
{
	struct rp_client c;

	if (risk_client(req, &c) != 0)
		return -1;
	return edit_page(req, &c, false);
}

int
rp_ui_risk_update(struct rp_req *req)
{
	struct rp_client c;

	if (risk_client(req, &c) != 0)
		return -1;
	if (rp_risks_update(req, &c, req->args[0]) != 0) {
		if (!rp_ui_take_error(req))
			return -1;
		return edit_page(req, &c, true);
	}
	return rp_ui_done(req, P("/risks/%lld", req->args[0]), "risk_saved");
}

int
rp_ui_risk_delete(struct rp_req *req)
{
	struct rp_client c;

	if (risk_client(req, &c) != 0 || rp_risks_delete(req, &c, req->args[0]) != 0)
		return -1;
	return rp_ui_done(req, P("/clients/%lld/risks", c.id), "risk_deleted");
}
