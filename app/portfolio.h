/* The portfolio (issue 14): every client in the caller's scope with its
 * mission type, plan, status and last activity, and, for the clients the
 * caller is declared vCISO of (and only those: the Pilot's rule), the
 * Pilot's figures: compliance per adopted framework (current cycle), risks
 * by level, open and overdue actions, exposure (feature monitoring) and
 * usage score (feature feedback). Read from counters kept on write
 * (sql/018-portfolio.sql, sql/007, sql/009). */
#ifndef RP_PORTFOLIO_H
#define RP_PORTFOLIO_H

#include "export.h"

#include <stdbool.h>

struct json_object;
struct rp_req;

struct rp_portfolio_filter {
	const char	*q;		/* name contains; NULL for any */
	const char	*mission_type;	/* keys of app/enums.h, NULL for any */
	const char	*plan;
	const char	*status;
	const char	*sort;		/* a key of rp_portfolio_sorts */
	bool		 desc;
};

extern const char *const rp_portfolio_sorts[];
extern const unsigned long rp_portfolio_nsorts;

/* Read the filters and the order from the query string (strict: 400
 * naming the parameter). 0 or -1. */
int rp_portfolio_filter(struct rp_req *, struct rp_portfolio_filter *, bool strict);
/* One page of the portfolio: [{id, name, mission_type, plan, status,
 * last_activity_at, vciso, figures}] where figures is null unless vciso:
 * {compliance_pct, frameworks:[{framework_id, name, code, cycle,
 * compliance_pct}], risks:{low, medium, high, critical}, actions:{open,
 * overdue}, exposure (null without the feature and module):
 * {scanned, findings_by_severity}, usage (likewise): {score, answers}}.
 * *total: the matching clients. NULL after rp_fail. */
struct json_object *rp_portfolio_list(struct rp_req *, const struct rp_portfolio_filter *,
    long long limit, long long offset, long long *total);

/* The portfolio matching f (at most 10,000 clients) as a CSV or XLSX
 * attachment in the response (app/export.h: one flat row per client; a
 * client's frameworks in one cell, "Name: 45.0 %"). 0 or -1 after rp_fail. */
int rp_portfolio_export(struct rp_req *, const struct rp_portfolio_filter *f,
    enum rp_export_format fmt);

#endif
