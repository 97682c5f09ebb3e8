/* The mission report and the SoA's PDF (report.h): data from the Pilot's
 * own queries, the renderer run in a child process, a cap on reports built
 * at once. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "actions.h"
#include "arena.h"
#include "branding.h"
#include "clients.h"
#include "compliance.h"
#include "config.h"
#include "cycles.h"
#include "json.h"
#include "log.h"
#include "report.h"
#include "request.h"
#include "response.h"
#include "pilot.h"
#include "risks.h"
#include "subproc.h"
#include "tmpl.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)

/* Rows in the report's lists: the worst risks, the actions. */
#define TOP_RISKS	20
#define MAX_ACTIONS	100
/* The largest document accepted back from the renderer. */
#define MAX_OUTPUT	(64u << 20)

/* The renderer's labels (keys of its input) and where the language files
 * hold them: it has no language logic of its own. */
static const struct { const char *key, *lang; } labels[] = {
	{ "title", "Lang.deliv.title" }, { "date", "Lang.deliv.date" },
	{ "vciso", "Lang.deliv.vciso" }, { "firm", "Lang.deliv.firm" },
	{ "mission", "Lang.deliv.mission" }, { "none", "Lang.deliv.none" },
	{ "page", "Lang.deliv.page" }, { "summary", "Lang.deliv.summary" },
	{ "fig_frameworks", "Lang.deliv.fig_frameworks" }, { "fig_risks", "Lang.deliv.fig_risks" },
	{ "fig_open", "Lang.deliv.fig_open" }, { "fig_overdue", "Lang.deliv.fig_overdue" },
	{ "compliance", "Lang.deliv.compliance" }, { "no_frameworks", "Lang.deliv.no_frameworks" },
	{ "framework", "Lang.deliv.framework" }, { "compliance_pct", "Lang.deliv.compliance_pct" },
	{ "assessed_col", "Lang.deliv.assessed_col" }, { "assessed", "Lang.deliv.assessed" },
	{ "heat_title", "Lang.deliv.heat_title" }, { "heat_inherent", "Lang.risks.heat_inherent" },
	{ "heat_residual", "Lang.risks.heat_residual" }, { "likelihood", "Lang.risks.likelihood" },
	{ "impact", "Lang.risks.impact" }, { "level_low", "Lang.risks.levels.low" },
	{ "level_medium", "Lang.risks.levels.medium" }, { "level_high", "Lang.risks.levels.high" },
	{ "level_critical", "Lang.risks.levels.critical" }, { "top_risks", "Lang.deliv.top_risks" },
	{ "no_risks", "Lang.deliv.no_risks" }, { "risk", "Lang.risks.risk" },
	{ "score", "Lang.risks.score" }, { "level", "Lang.risks.level" },
	{ "residual", "Lang.risks.residual" }, { "treatment", "Lang.risks.treatment" },
	{ "owner", "Lang.risks.owner" }, { "open_actions", "Lang.deliv.open_actions" },
	{ "overdue_actions", "Lang.deliv.overdue_actions" },
	{ "no_open_actions", "Lang.deliv.no_open_actions" },
	{ "no_overdue_actions", "Lang.deliv.no_overdue_actions" },
	{ "action", "Lang.deliv.action" }, { "due", "Lang.deliv.due" },
	{ "priority", "Lang.deliv.priority" }, { "status", "Lang.deliv.status" },
	{ "progress", "Lang.deliv.progress" },
};

static const char *
str_of(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || v == NULL)
		return NULL;
	return json_object_get_string(v);
}

static void
add_str(struct json_object *o, const char *key, const char *v)
{
	json_object_object_add(o, key, json_object_new_string(v ? v : ""));
}

/* The label of enum value `key` of Lang.<set>, or the key itself. */
static const char *
enum_text(struct rp_req *req, const char *set, const char *key)
{
	const char *t;

	if (key == NULL)
		return "";
	t = rp_lang_text(req, P("Lang.%s.%s", set, key));
	return *t ? t : key;
}

static struct json_object *
frameworks(struct rp_req *req, const struct rp_client *c)
{
	struct json_object *all = rp_compliance_summary(req, c), *out;

	if (all == NULL)
		return NULL;
	out = json_object_new_array();
	for (size_t i = 0; i < json_object_array_length(all); i++) {
		struct json_object *f = json_object_array_get_idx(all, i), *pct, *o;
		o = json_object_new_object();
		add_str(o, "name", str_of(f, "name"));
		json_object_object_get_ex(f, "compliance_pct", &pct);
		rp_jadd(o, "pct", json_object_get(pct));
		/* The Pilot's figure, as it shows it (one decimal). */
		add_str(o, "pct_text", pct ? P("%s %%", json_object_get_string(pct)) : "—");
		long long assessed = json_object_get_int64(json_object_object_get(f, "assessed"));
		long long total = json_object_get_int64(json_object_object_get(f, "total"));
		rp_jadd(o, "assessed", json_object_new_int64(assessed));
		rp_jadd(o, "total", json_object_new_int64(total));
		add_str(o, "assessed_text", P("%lld / %lld", assessed, total));
		json_object_array_add(out, o);
	}
	json_object_put(all);
	return out;
}

static struct json_object *
top_risks(struct rp_req *req, const struct rp_client *c)
{
	struct rp_risk_filter f = { .sort = "score", .desc = true };
	long long total;
	struct json_object *list = rp_risks_list(req, c, &f, 200, 0, &total), *out;

	if (list == NULL)
		return NULL;
	out = json_object_new_array();
	for (size_t i = 0; i < json_object_array_length(list) &&
	    json_object_array_length(out) < TOP_RISKS; i++) {
		struct json_object *r = json_object_array_get_idx(list, i), *o;
		const char *status = str_of(r, "status");
		if (status != NULL && strcmp(status, "closed") == 0)
			continue;
		o = json_object_new_object();
		add_str(o, "title", str_of(r, "title"));
		add_str(o, "score", str_of(r, "score"));
		add_str(o, "level", enum_text(req, "risks.levels", str_of(r, "level")));
		add_str(o, "residual", str_of(r, "residual_score"));
		add_str(o, "treatment", enum_text(req, "enums.risk_treatment", str_of(r, "treatment")));
		const char *owner = str_of(r, "owner_name");
		add_str(o, "owner", owner ? owner : rp_lang_text(req, "Lang.risks.no_owner"));
		json_object_array_add(out, o);
	}
	json_object_put(list);
	return out;
}

/* Open actions (todo, in progress) soonest due first, or the overdue. */
static struct json_object *
actions(struct rp_req *req, const struct rp_client *c, bool overdue)
{
	struct rp_action_filter f = { .sort = "due_date", .overdue = overdue, .open = true };
	long long total;
	struct json_object *list = rp_actions_list(req, c, &f, MAX_ACTIONS, 0, &total), *out;

	if (list == NULL)
		return NULL;
	out = json_object_new_array();
	/* Open ones only, at most MAX_ACTIONS: the statement's filter. */
	for (size_t i = 0; i < json_object_array_length(list); i++) {
		struct json_object *a = json_object_array_get_idx(list, i), *o;
		o = json_object_new_object();
		add_str(o, "title", str_of(a, "title"));
		add_str(o, "due", str_of(a, "due_date"));
		add_str(o, "priority", enum_text(req, "enums.action_priority", str_of(a, "priority")));
		add_str(o, "status", enum_text(req, "enums.action_status", str_of(a, "status")));
		add_str(o, "progress", P("%s %%", str_of(a, "progress")));
		rp_jadd(o, "overdue", json_object_new_boolean(json_object_get_boolean(
		    json_object_object_get(a, "overdue"))));
		json_object_array_add(out, o);
	}
	json_object_put(list);
	return out;
}


/* The firm (name, accent colour) and both logos, as every document shows
 * them, into r. 0 or -1 after rp_fail. */
static int
add_brand(struct rp_req *req, const struct rp_client *c, struct json_object *r)
{
	const char *accent, *logo;
	struct json_object *o = json_object_new_object();

	if (rp_brand_accent(req, c->firm_id, &accent) != 0) {
		json_object_put(o);
		return -1;
	}
	add_str(o, "name", req->user->firm_name);
	if (accent != NULL)
		add_str(o, "accent", accent);
	rp_jadd(r, "firm", o);
	o = json_object_new_object();
	rp_jadd(r, "logos", o);
	if (rp_brand_logo(req, c->firm_id, 0, &logo) != 0)
		return -1;
	if (logo != NULL)
		add_str(o, "firm", logo);
	if (rp_brand_logo(req, c->firm_id, c->id, &logo) != 0)
		return -1;
	if (logo != NULL)
		add_str(o, "client", logo);
	return 0;
}

struct json_object *
rp_report_data(struct rp_req *req, const struct rp_client *c)
{
	struct json_object *r = json_object_new_object(), *o, *v;
	struct rp_team_member *team;
	size_t n;
	char today[11];
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	add_str(r, "lang", rp_lang_code(req->lang));
	add_str(r, "date", today);
	add_str(r, "doc_title", P("%s · %s", rp_lang_text(req, "Lang.deliv.title"), c->name));
	o = json_object_new_object();
	for (size_t i = 0; i < RP_NELEM(labels); i++)
		add_str(o, labels[i].key, rp_lang_text(req, labels[i].lang));
	rp_jadd(r, "labels", o);

	o = json_object_new_object();
	add_str(o, "name", c->name);
	add_str(o, "mission", enum_text(req, "enums.mission_type", c->mission_type));
	rp_jadd(r, "client", o);

	if (add_brand(req, c, r) != 0)
		goto fail;

	if (rp_clients_team(req, c, &team, &n) != 0)
		goto fail;
	o = json_object_new_array();
	for (size_t i = 0; i < n; i++)
		json_object_array_add(o, json_object_new_string(team[i].name));
	rp_jadd(r, "vcisos", o);

	if ((v = frameworks(req, c)) == NULL)
		goto fail;
	rp_jadd(r, "frameworks", v);
	struct rp_pilot_figures f;
	if (rp_pilot_figures(req, c, &f) != 0)
		goto fail;
	json_object_put(f.docs);
	rp_jadd(r, "risks", rp_risk_heat_json(&f.heat));
	rp_jadd(r, "actions", rp_actions_figures_json(f.open, f.done, f.overdue));
	if ((v = top_risks(req, c)) == NULL)
		goto fail;
	rp_jadd(r, "top_risks", v);
	if ((v = actions(req, c, false)) == NULL)
		goto fail;
	rp_jadd(r, "open_actions", v);
	if ((v = actions(req, c, true)) == NULL)
		goto fail;
	rp_jadd(r, "overdue_actions", v);
	return r;
fail:
	json_object_put(r);
	return NULL;
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Where the slots' lock files live: report.lock_dir, or the socket's
 * directory (the master's run directory, writable by the workers). */
static const char *
lock_dir(struct rp_req *req)
{
	const struct rp_config *cfg = rp_worker_config;

	if (cfg->report_lock_dir != NULL && cfg->report_lock_dir[0] != '\0')
		return cfg->report_lock_dir;
	char *d = rp_strdup(req->arena, cfg->fcgi_socket), *slash = strrchr(d, '/');
	if (slash == NULL)
		return ".";
	if (slash == d)
		return "/";
	*slash = '\0';
	return d;
}

/* Take one of the report.max_concurrent slots: an flock on its lock file,
 * which the kernel releases whatever way the worker ends. Waits up to
 * report.wait_ms. Returns the locked descriptor, or -1 after rp_fail. */
static int
slot_take(struct rp_req *req)
{
	const struct rp_config *cfg = rp_worker_config;
	const char *dir = lock_dir(req);
	long long deadline = now_ms() + cfg->report_wait_ms;

	for (;;) {
		bool opened = false;
		for (long long i = 0; i < cfg->report_max_concurrent; i++) {
			int fd = open(P("%s/rempart-report.%lld.lock", dir, i),
			    O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0660);
			if (fd < 0)
				continue;
			opened = true;
			if (flock(fd, LOCK_EX | LOCK_NB) == 0)
				return fd;
			close(fd);
		}
		if (!opened) {
			rp_err("%s: cannot open report lock files in %s: %s", __func__, dir,
			    strerror(errno));
			return rp_fail(req, 500, "internal", NULL, "Reports are unavailable.");
		}
		if (now_ms() >= deadline)
			break;
		usleep(50 * 1000);
	}
	rp_resp_header(req, "Retry-After", "5");
	return rp_fail(req, 503, "busy", NULL,
	    "Other reports are being built: try again in a few seconds.");
}

/* Run rempart-render `mode` on the JSON `data` (released here) within one
 * of the report.max_concurrent slots, and make its output the response as
 * an attachment called `filename`. `what` names the document in the log. */
static int
render_send(struct rp_req *req, struct json_object *data, const char *mode, const char *ctype,
    const char *filename, const char *what)
{
	const struct rp_config *cfg = rp_worker_config;
	char err[256];
	const char *in = rp_strdup(req->arena, json_object_to_json_string_ext(data,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));

	json_object_put(data);
	int slot = slot_take(req);
	if (slot < 0)
		return -1;
	struct rp_buf *out = &req->resp.body;
	out->len = 0;
	long long t0 = now_ms();
	int rc = rp_subproc_run(rp_render_path(), mode, in, strlen(in), out, MAX_OUTPUT,
	    (int)cfg->report_timeout * 1000, err, sizeof(err));
	close(slot);
	if (rc != 0) {
		out->len = 0;
		rp_err("%s: rempart-render %s for %s: status %d: %s", __func__, mode, what, rc, err);
		return rp_fail(req, rc == RP_SUBPROC_TIMEOUT ? 503 : 500,
		    rc == RP_SUBPROC_TIMEOUT ? "timeout" : "internal", NULL,
		    "The report could not be built.");
	}
	rp_debug("%s: %zu bytes in %lld ms", what, out->len, now_ms() - t0);
	req->resp.status = 200;
	req->resp.ctype = ctype;
	rp_resp_header(req, "Content-Disposition", P("attachment; filename=\"%s\"", filename));
	return 0;
}

static const char *
today(char day[11])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(day, 11, "%Y-%m-%d", &tm);
	return day;
}

int
rp_report_send(struct rp_req *req, const struct rp_client *c, const char *format)
{
	bool pdf = strcmp(format, "pdf") == 0;
	char day[11];
	struct json_object *data = rp_report_data(req, c);

	if (data == NULL)
		return -1;
	return render_send(req, data, format, pdf ? "application/pdf" :
	    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	    P("report-%lld-%s.%s", c->id, today(day), format),
	    P("report %s of client %lld", format, c->id));
}

/* ------------------------------------------------------------- SoA --- */

/* The SoA document's labels, as labels[] above. */
static const struct { const char *key, *lang; } soa_labels[] = {
	{ "title", "Lang.deliv.soa" }, { "client", "Lang.deliv.client" },
	{ "version", "Lang.deliv.version" }, { "cycle", "Lang.deliv.cycle" },
	{ "date", "Lang.deliv.date" }, { "firm", "Lang.deliv.firm" },
	{ "page", "Lang.deliv.page" }, { "ref", "Lang.export.col.ref" },
	{ "req_title", "Lang.export.col.title" }, { "applicable", "Lang.deliv.applicable" },
	{ "justification", "Lang.deliv.justification" }, { "status", "Lang.deliv.status" },
	{ "resources", "Lang.deliv.resources" }, { "actions", "Lang.deliv.actions" },
	{ "none", "Lang.deliv.none" },
};

/* The titles of a list of linked objects, one a line. */
static const char *
titles(struct rp_req *req, struct json_object *list)
{
	struct rp_buf b;

	rp_buf_init(&b, req->arena);
	for (size_t i = 0; list != NULL && i < json_object_array_length(list); i++) {
		const char *t = str_of(json_object_array_get_idx(list, i), "title");
		rp_buf_printf(&b, "%s%s", i ? "\n" : "", t ? t : "");
	}
	return rp_buf_str(&b);
}

/* The renderer's input for the SoA of framework fw of c: the page's data
 * (rp_soa) with every value already text in the caller's language. */
static struct json_object *
soa_data(struct rp_req *req, const struct rp_client *c, long long fw)
{
	struct json_object *soa = rp_soa(req, c, fw), *r, *o, *items, *counts;
	char day[11];

	if (soa == NULL)
		return NULL;
	r = json_object_new_object();
	add_str(r, "lang", rp_lang_code(req->lang));
	add_str(r, "date", today(day));
	add_str(r, "doc_title", P("%s · %s · %s", rp_lang_text(req, "Lang.deliv.soa"),
	    str_of(soa, "name"), c->name));
	o = json_object_new_object();
	for (size_t i = 0; i < RP_NELEM(soa_labels); i++)
		add_str(o, soa_labels[i].key, rp_lang_text(req, soa_labels[i].lang));
	rp_jadd(r, "labels", o);

	o = json_object_new_object();
	add_str(o, "name", c->name);
	rp_jadd(r, "client", o);
	o = json_object_new_object();
	add_str(o, "name", str_of(soa, "name"));
	add_str(o, "version", str_of(soa, "version"));
	add_str(o, "cycle", str_of(soa, "cycle"));
	rp_jadd(r, "framework", o);

	if (add_brand(req, c, r) != 0)
		goto fail;

	/* The counts the SoA page shows, in its order, as "label: n". */
	static const struct { const char *key, *lang; } figs[] = {
		{ "total", "Lang.deliv.requirements" }, { "applicable", "Lang.deliv.applicable" },
		{ "not_applicable", "Lang.deliv.not_applicable" },
		{ "compliant", "Lang.pilot.statuses.compliant" },
		{ "partial", "Lang.pilot.statuses.partial" },
		{ "non_compliant", "Lang.pilot.statuses.non_compliant" },
		{ "not_assessed", "Lang.pilot.statuses.not_assessed" },
	};
	counts = json_object_object_get(soa, "counts");
	struct rp_buf b;
	rp_buf_init(&b, req->arena);
	/* French puts a space before the colon, English none. */
	const char *colon = strcmp(rp_lang_code(req->lang), "fr") == 0 ? " : " : ": ";
	for (size_t i = 0; i < RP_NELEM(figs); i++)
		rp_buf_printf(&b, "%s%s%s%s", i ? "  ·  " : "", rp_lang_text(req, figs[i].lang),
		    colon, str_of(counts, figs[i].key));
	add_str(r, "counts", rp_buf_str(&b));
	long long missing = json_object_get_int64(json_object_object_get(counts,
	    "justification_missing"));
	if (missing > 0)
		add_str(r, "warning", P("%lld %s", missing,
		    rp_lang_text(req, "Lang.deliv.justification_missing")));

	items = json_object_object_get(soa, "items");
	struct json_object *rows = json_object_new_array();
	rp_jadd(r, "rows", rows);
	for (size_t i = 0; i < json_object_array_length(items); i++) {
		struct json_object *it = json_object_array_get_idx(items, i);
		bool yes = json_object_get_boolean(json_object_object_get(it, "applicable"));
		o = json_object_new_object();
		add_str(o, "ref", str_of(it, "ref"));
		add_str(o, "title", str_of(it, "title"));
		add_str(o, "applicable", rp_lang_text(req, yes ? "Lang.deliv.yes" : "Lang.deliv.no"));
		add_str(o, "justification", str_of(it, "justification"));
		add_str(o, "status", enum_text(req, "pilot.statuses", str_of(it, "status")));
		add_str(o, "resources", titles(req, json_object_object_get(it, "resources")));
		add_str(o, "actions", titles(req, json_object_object_get(it, "actions")));
		json_object_array_add(rows, o);
	}
	json_object_put(soa);
	return r;
fail:
	json_object_put(soa);
	json_object_put(r);
	return NULL;
}

int
rp_report_soa_send(struct rp_req *req, const struct rp_client *c, long long fw)
{
	struct json_object *data = soa_data(req, c, fw);

	if (data == NULL)
		return -1;
	return render_send(req, data, "soa", "application/pdf",
	    P("soa-%lld-%lld.pdf", c->id, fw), P("SoA of client %lld, framework %lld", c->id, fw));
}
