/* Monthly billing statements, prorated by the day. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "arena.h"
#include "config.h"
#include "csv.h"
#include "db.h"
#include "enums.h"
#include "json.h"
#include "request.h"
#include "statement.h"
#include "util.h"

#define DAY	86400LL

size_t
rp_statement_lines(const struct rp_period *p, size_t n, long long month_start, int days,
    const long long prices[RP_PRICES], struct rp_statement_line out[RP_PRICES])
{
	size_t nout = 0, k = 0;
	int active = rp_enum_parse(&rp_client_statuses, "active");

	for (int d = 0; d < days; d++) {
		long long t = month_start + d * DAY;
		/* The state in force at the start of the day: the last period
		 * begun by then (periods are sorted). */
		while (k < n && p[k].start <= t)
			k++;
		if (k == 0 || p[k - 1].status != active)
			continue;
		const struct rp_period *s = &p[k - 1];
		size_t i;
		for (i = 0; i < nout; i++)
			if (out[i].plan == s->plan && out[i].mission == s->mission)
				break;
		if (i == nout) {
			if (nout == RP_PRICES)
				continue;	/* unreachable: 6 combinations */
			out[nout++] = (struct rp_statement_line){ s->plan, s->mission, 0, 0 };
		}
		out[i].days++;
	}
	for (size_t i = 0; i < nout; i++) {
		int idx = out[i].mission * 3 + out[i].plan;
		long long price = idx >= 0 && idx < RP_PRICES ? prices[idx] : 0;
		/* Rounded half up, in integers: no floating point in money. */
		out[i].cents = (2 * price * out[i].days + days) / (2LL * days);
	}
	return nout;
}

int
rp_statement_month(const char *s, long long *start, int *days)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long long y, m;
	char ys[5], ms[3];

	if (s == NULL || strlen(s) != 7 || s[4] != '-')
		return -1;
	memcpy(ys, s, 4);
	ys[4] = '\0';
	memcpy(ms, s + 5, 2);
	ms[2] = '\0';
	if (rp_strtonum(ys, 2000, 9999, &y) != 0 || rp_strtonum(ms, 1, 12, &m) != 0 ||
	    ms[0] == '+' || ys[0] == '+')
		return -1;
	struct tm tm = { .tm_year = (int)y - 1900, .tm_mon = (int)m - 1, .tm_mday = 1 };
	*start = (long long)timegm(&tm);
	*days = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	return 0;
}

/* Every period begun before the month's end, grouped by firm then client. */
static struct rp_stmt q_periods = RP_STMT(
    "SELECT c.firm_id, f.name, c.id, c.name, c.billing_mode, c.billing_email,"
    " TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', p.starts_at),"
    " p.plan + 0 - 1, p.mission_type + 0 - 1, p.status + 0 - 1"
    " FROM client_periods p JOIN clients c ON c.id = p.client_id AND c.firm_id = p.firm_id"
    " JOIN firms f ON f.id = c.firm_id"
    " WHERE p.starts_at < TIMESTAMP('1970-01-01 00:00:00') + INTERVAL ? SECOND"
    " ORDER BY f.name, f.id, c.name, c.id, p.starts_at, p.id");

struct party {
	const char	*to;		/* "firm" or "client" */
	const char	*email;
	long long	 cents;
};

static struct json_object *
line_json(char **row, const struct rp_statement_line *l)
{
	struct json_object *o = json_object_new_object();
	bool direct = strcmp(row[4], "direct") == 0;

	rp_jadd(o, "client_id", json_object_new_int64(strtoll(row[2], NULL, 10)));
	rp_jadd(o, "client_name", json_object_new_string(row[3]));
	rp_jadd(o, "plan", json_object_new_string(rp_enum_key(&rp_plans, l->plan)));
	rp_jadd(o, "mission_type", json_object_new_string(
	    rp_enum_key(&rp_mission_types, l->mission)));
	rp_jadd(o, "days_active", json_object_new_int(l->days));
	rp_jadd(o, "amount_cents", json_object_new_int64(l->cents));
	rp_jadd(o, "billed_to", json_object_new_string(direct ? "client" : "firm"));
	rp_jadd(o, "billed_email", direct && row[5] ?
	    json_object_new_string(row[5]) : NULL);
	return o;
}

/* Close a firm: its totals per billed party, then its total. */
static void
firm_close(struct json_object *firm, struct party *parties, size_t np, long long total)
{
	struct json_object *totals = json_object_new_array();

	for (size_t i = 0; i < np; i++) {
		struct json_object *t = json_object_new_object();
		rp_jadd(t, "billed_to", json_object_new_string(parties[i].to));
		rp_jadd(t, "billed_email", parties[i].email ?
		    json_object_new_string(parties[i].email) : NULL);
		rp_jadd(t, "amount_cents", json_object_new_int64(parties[i].cents));
		json_object_array_add(totals, t);
	}
	rp_jadd(firm, "totals", totals);
	rp_jadd(firm, "total_cents", json_object_new_int64(total));
}

static void
add_party(struct party *parties, size_t *np, size_t cap, const char *to, const char *email,
    long long cents)
{
	for (size_t i = 0; i < *np; i++)
		if (strcmp(parties[i].to, to) == 0 && strcmp(parties[i].email ? parties[i].email : "",
		    email ? email : "") == 0) {
			parties[i].cents += cents;
			return;
		}
	if (*np < cap)
		parties[(*np)++] = (struct party){ to, email, cents };
}

struct json_object *
rp_statement(struct rp_req *req, const char *month)
{
	long long start, total = 0, ftotal = 0;
	int days;
	struct rp_dbres res;

	if (rp_statement_month(month, &start, &days) != 0) {
		rp_fail(req, 400, "invalid", "month", "Give the month as YYYY-MM.");
		return NULL;
	}
	struct rp_dbarg a = RP_AINT(start + days * DAY);
	if (rp_db_do(req, &q_periods, &a, 1, &res) != 0)
		return NULL;
	struct json_object *o = json_object_new_object(), *firms = json_object_new_array();
	struct json_object *firm = NULL, *lines = NULL;
	struct rp_period *per = rp_calloc(req->arena, res.nrows ? res.nrows : 1, sizeof(*per));
	/* Each client's billed parties: at most one per client, so a firm has
	 * at most as many as it has rows. */
	struct party *parties = rp_calloc(req->arena, res.nrows + 1, sizeof(*parties));
	size_t np = 0;

	for (size_t i = 0; i < res.nrows;) {
		char **row = res.rows[i];
		/* A new firm: close the previous one. */
		if (firm == NULL || strcmp(row[0], res.rows[i - 1][0]) != 0) {
			if (firm != NULL) {
				firm_close(firm, parties, np, ftotal);
				json_object_array_add(firms, firm);
			}
			firm = json_object_new_object();
			lines = json_object_new_array();
			rp_jadd(firm, "firm_id", json_object_new_int64(strtoll(row[0], NULL, 10)));
			rp_jadd(firm, "firm_name", json_object_new_string(row[1]));
			rp_jadd(firm, "lines", lines);
			np = 0;
			ftotal = 0;
		}
		/* The client's periods. */
		size_t j = i, n = 0;
		for (; j < res.nrows && strcmp(res.rows[j][2], row[2]) == 0; j++, n++) {
			per[n].start = strtoll(res.rows[j][6], NULL, 10);
			per[n].plan = atoi(res.rows[j][7]);
			per[n].mission = atoi(res.rows[j][8]);
			per[n].status = atoi(res.rows[j][9]);
		}
		struct rp_statement_line out[RP_PRICES];
		size_t nl = rp_statement_lines(per, n, start, days, rp_worker_config->billing_price, out);
		bool direct = strcmp(row[4], "direct") == 0;
		for (size_t l = 0; l < nl; l++) {
			json_object_array_add(lines, line_json(row, &out[l]));
			add_party(parties, &np, res.nrows + 1, direct ? "client" : "firm",
			    direct ? row[5] : NULL, out[l].cents);
			ftotal += out[l].cents;
			total += out[l].cents;
		}
		i = j;
	}
	if (firm != NULL) {
		firm_close(firm, parties, np, ftotal);
		json_object_array_add(firms, firm);
	}
	rp_jadd(o, "month", json_object_new_string(month));
	rp_jadd(o, "days_in_month", json_object_new_int(days));
	rp_jadd(o, "currency", json_object_new_string("EUR"));
	rp_jadd(o, "firms", firms);
	rp_jadd(o, "total_cents", json_object_new_int64(total));
	return o;
}

static const char *
str(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) && v ? json_object_get_string(v) : "";
}

int
rp_statement_csv(struct rp_req *req, const char *month, struct rp_buf *out)
{
	static const char *const head[] = { "firm", "client", "plan", "mission_type",
	    "days_active", "amount_eur", "billed_to", "billed_email" };
	struct json_object *st = rp_statement(req, month), *firms, *v;

	if (st == NULL)
		return -1;
	rp_buf_puts(out, "\xef\xbb\xbf");
	for (size_t i = 0; i < RP_NELEM(head); i++)
		rp_buf_printf(out, "%s%s", i ? ";" : "", head[i]);
	rp_buf_puts(out, "\r\n");
	json_object_object_get_ex(st, "firms", &firms);
	for (size_t f = 0; f < json_object_array_length(firms); f++) {
		struct json_object *firm = json_object_array_get_idx(firms, f), *lines;
		json_object_object_get_ex(firm, "lines", &lines);
		for (size_t l = 0; l < json_object_array_length(lines); l++) {
			struct json_object *line = json_object_array_get_idx(lines, l);
			json_object_object_get_ex(line, "amount_cents", &v);
			long long c = json_object_get_int64(v);
			const char *cells[] = { str(firm, "firm_name"), str(line, "client_name"),
			    str(line, "plan"), str(line, "mission_type"), str(line, "days_active"),
			    rp_printf(req->arena, "%lld.%02lld", c / 100, c % 100),
			    str(line, "billed_to"), str(line, "billed_email") };
			for (size_t i = 0; i < RP_NELEM(cells); i++) {
				if (i)
					rp_buf_puts(out, ";");
				rp_csv_cell(out, cells[i], ';');
			}
			rp_buf_puts(out, "\r\n");
		}
	}
	json_object_put(st);
	return 0;
}
