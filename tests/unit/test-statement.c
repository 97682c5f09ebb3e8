/* Unit tests of statement arithmetic: months, days counted for the state
 * in force at their start, active days only, one line per plan and
 * mission type, prices prorated and rounded half up. */
#include "statement.h"
#include "tap.h"

#define DAY 86400LL
/* Indexes of app/enums.c: plans essential, standard, premium; missions
 * diagnostic, permanent; statuses active, suspended, closed. */
enum { ESS, STD, PRE };
enum { DIAG, PERM };
enum { ACTIVE, SUSPENDED, CLOSED };

static const long long prices[RP_PRICES] = {
	29000, 49000, 79000,	/* diagnostic */
	39000, 69000, 119000,	/* permanent */
};

static void
months(void)
{
	long long start;
	int days;

	ok(rp_statement_month("2026-11", &start, &days) == 0, "2026-11 parses");
	is_int(start, 1793491200LL, "2026-11-01T00:00:00Z");
	is_int(days, 30, "November has 30 days");
	ok(rp_statement_month("2026-12", &start, &days) == 0 && days == 31, "December: 31");
	ok(rp_statement_month("2028-02", &start, &days) == 0 && days == 29, "2028-02: leap");
	ok(rp_statement_month("2100-02", &start, &days) == 0 && days == 28, "2100-02: no leap");
	ok(rp_statement_month("2000-02", &start, &days) == 0 && days == 29, "2000-02: leap");
	ok(rp_statement_month("2026-13", &start, &days) != 0, "month 13 refused");
	ok(rp_statement_month("2026-00", &start, &days) != 0, "month 0 refused");
	ok(rp_statement_month("1999-12", &start, &days) != 0, "before 2000 refused");
	ok(rp_statement_month("2026-1", &start, &days) != 0, "one digit refused");
	ok(rp_statement_month("2026/11", &start, &days) != 0, "slash refused");
	ok(rp_statement_month("+026-11", &start, &days) != 0, "sign refused");
	ok(rp_statement_month(NULL, &start, &days) != 0, "NULL refused");
}

static void
prorating(void)
{
	struct rp_statement_line out[RP_PRICES];
	long long m;
	int days;
	size_t n;

	rp_statement_month("2026-11", &m, &days);

	/* Created before the month, active all month. */
	struct rp_period whole[] = { { m - 40 * DAY, STD, PERM, ACTIVE } };
	n = rp_statement_lines(whole, 1, m, days, prices, out);
	is_int(n, 1, "whole month: one line");
	is_int(out[0].days, 30, "whole month: 30 days");
	is_int(out[0].cents, 69000, "whole month: the full price");

	/* Plan change from standard to premium at 15:00 on the 16th: the
	 * 16th still counts as standard (its state at 00:00). */
	struct rp_period change[] = {
		{ m - 10 * DAY, STD, PERM, ACTIVE },
		{ m + 15 * DAY + 15 * 3600, PRE, PERM, ACTIVE },
	};
	n = rp_statement_lines(change, 2, m, days, prices, out);
	is_int(n, 2, "plan change: two lines");
	is_int(out[0].plan, STD, "first line: the old plan");
	is_int(out[0].days, 16, "old plan: days 1 to 16");
	is_int(out[0].cents, 36800, "69000 x 16 / 30");
	is_int(out[1].plan, PRE, "second line: the new plan");
	is_int(out[1].days, 14, "new plan: days 17 to 30");
	is_int(out[1].cents, 55533, "119000 x 14 / 30 = 55533.33");

	/* Suspended from the 10th (00:00) to the 20th (00:00): 10 days
	 * unbilled, one line. */
	struct rp_period pause[] = {
		{ m - DAY, ESS, DIAG, ACTIVE },
		{ m + 9 * DAY, ESS, DIAG, SUSPENDED },
		{ m + 19 * DAY, ESS, DIAG, ACTIVE },
	};
	n = rp_statement_lines(pause, 3, m, days, prices, out);
	is_int(n, 1, "suspension: one line");
	is_int(out[0].days, 20, "suspension: 20 active days");
	is_int(out[0].cents, 19333, "29000 x 20 / 30 = 19333.33");

	/* Created at noon on the 21st: billed from the 22nd. */
	struct rp_period late[] = { { m + 20 * DAY + 12 * 3600, PRE, DIAG, ACTIVE } };
	n = rp_statement_lines(late, 1, m, days, prices, out);
	is_int(out[0].days, 9, "created mid-day: from the next day");
	is_int(out[0].cents, 23700, "79000 x 9 / 30");

	/* Created at midnight on the 21st: that day counts. */
	struct rp_period midnight[] = { { m + 20 * DAY, PRE, DIAG, ACTIVE } };
	n = rp_statement_lines(midnight, 1, m, days, prices, out);
	is_int(out[0].days, 10, "created at 00:00: that day counts");

	/* Closed on the 6th: five days. */
	struct rp_period closed[] = {
		{ m - DAY, STD, DIAG, ACTIVE },
		{ m + 5 * DAY, STD, DIAG, CLOSED },
	};
	n = rp_statement_lines(closed, 2, m, days, prices, out);
	is_int(n, 1, "closed: one line");
	is_int(out[0].days, 5, "closed on the 6th: 5 days");

	/* Suspended all month, or created after it: no line. */
	struct rp_period idle[] = { { m - DAY, STD, PERM, SUSPENDED } };
	is_int(rp_statement_lines(idle, 1, m, days, prices, out), 0, "suspended: no line");
	struct rp_period after[] = { { m + 31 * DAY, STD, PERM, ACTIVE } };
	is_int(rp_statement_lines(after, 1, m, days, prices, out), 0, "next month: no line");
	is_int(rp_statement_lines(NULL, 0, m, days, prices, out), 0, "no period: no line");

	/* Back to an earlier plan: its days add up on its first line. */
	struct rp_period back[] = {
		{ m - DAY, ESS, PERM, ACTIVE },
		{ m + 10 * DAY, STD, PERM, ACTIVE },
		{ m + 20 * DAY, ESS, PERM, ACTIVE },
	};
	n = rp_statement_lines(back, 3, m, days, prices, out);
	is_int(n, 2, "back to a plan: two lines");
	is_int(out[0].days, 20, "essential: 10 + 10 days");
	is_int(out[1].days, 10, "standard: 10 days");

	/* Half a cent rounds up: 1 cent x 15 / 30 = 0.5. */
	const long long tiny[RP_PRICES] = { 1, 1, 1, 1, 1, 1 };
	struct rp_period half[] = { { m + 15 * DAY, ESS, DIAG, ACTIVE } };
	rp_statement_lines(half, 1, m, days, tiny, out);
	is_int(out[0].cents, 1, "0.5 cent rounds up");
}

int
main(void)
{
	months();
	prorating();
	return done_testing();
}
