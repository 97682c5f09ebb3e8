/* Unit tests of the action plan's rules: due dates as YYYY-MM-DD calendar
 * dates, and which actions are overdue. */
#include "actions.h"
#include "tap.h"

int
main(void)
{
	static const char *const good[] = { "2026-01-31", "2024-02-29", "2000-02-29",
		"1900-01-01", "9999-12-31", "2026-12-01" };
	static const char *const bad[] = { "", "2026-1-31", "2026-01-32", "2026-02-29",
		"1900-02-29", "2100-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
		"2026-01-00", "1899-12-31", "26-01-31", "2026/01/31", "2026-01-31 ",
		" 2026-01-31", "2026-01-3a", "+026-01-31", "2026-01-31T00:00:00Z",
		"２０２６-01-31" };

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ok(rp_action_date_valid(good[i]), "date %s accepted", good[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok(!rp_action_date_valid(bad[i]), "date \"%s\" refused", bad[i]);
	ok(!rp_action_date_valid(NULL), "no date refused");

	ok(rp_action_open("todo") && rp_action_open("in_progress"), "todo, in_progress open");
	ok(!rp_action_open("done") && !rp_action_open("cancelled") && !rp_action_open(NULL),
	    "done, cancelled not open");

	const char *today = "2026-11-24";
	ok(rp_action_overdue("2026-11-23", "todo", today), "due yesterday, todo: overdue");
	ok(rp_action_overdue("2025-12-31", "in_progress", today), "due last year, in progress: overdue");
	ok(!rp_action_overdue("2026-11-24", "todo", today), "due today: not yet overdue");
	ok(!rp_action_overdue("2026-11-25", "todo", today), "due tomorrow: not overdue");
	ok(!rp_action_overdue("2026-11-01", "done", today), "done: never overdue");
	ok(!rp_action_overdue("2026-11-01", "cancelled", today), "cancelled: never overdue");
	ok(!rp_action_overdue(NULL, "todo", today), "no due date: never overdue");
	ok(!rp_action_overdue("", "todo", today), "empty due date: never overdue");
	ok(!rp_action_overdue("2026-11-01", "todo", NULL), "unknown today: not overdue");
	ok(rp_action_overdue("2026-09-30", "todo", "2026-10-01"), "across a month");
	return done_testing();
}
