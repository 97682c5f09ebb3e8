/* Monthly billing statements: each client's days of a month on each plan
 * and mission type, prorated from its periods (plan, mission type, status
 * over time), priced from the configuration, grouped per firm and per
 * billed party. */
#ifndef RP_STATEMENT_H
#define RP_STATEMENT_H

#include <stddef.h>

struct json_object;
struct rp_buf;
struct rp_req;

/* One state of a client from `start` (seconds since the epoch, UTC) until
 * the next; plan, mission and status are indexes in app/enums.c's sets. */
struct rp_period {
	long long	 start;
	int		 plan;
	int		 mission;
	int		 status;
};

/* Billed days of one plan and mission type in a month, and their price. */
struct rp_statement_line {
	int		 plan;
	int		 mission;
	int		 days;
	long long	 cents;
};

#define RP_PRICES	6	/* mission types × plans */

/* The lines of one client for the month of `days` days starting at
 * month_start: a day counts for the state in force at its start, and only
 * when that state is active. One line per plan and mission type billed, in
 * the order of their first day; cents = round(price × days / days in the
 * month), prices[] indexed by mission × 3 + plan. periods[] is sorted by
 * start. Returns the number of lines (at most RP_PRICES). */
size_t rp_statement_lines(const struct rp_period *periods, size_t n,
    long long month_start, int days, const long long prices[RP_PRICES],
    struct rp_statement_line out[RP_PRICES]);

/* Parse "YYYY-MM" (2000..9999): 0 with the month's first second (UTC) and
 * its number of days, or -1. */
int rp_statement_month(const char *s, long long *start, int *days);

/* The statement of a month, every firm, as JSON (the API's shape); NULL
 * after rp_fail. */
struct json_object *rp_statement(struct rp_req *, const char *month);
/* The same as CSV (UTF-8 with BOM, ';', amounts in euros); 0 or -1. */
int rp_statement_csv(struct rp_req *, const char *month, struct rp_buf *out);

#endif
