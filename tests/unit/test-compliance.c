/* Unit tests of the compliance rule (SPEC §1): compliant + half of
 * partial, over applicable requirements assessed or not. */
#include "compliance.h"
#include "tap.h"

static void
pct_is(long long total, long long comp, long long part, long long na, double want,
    const char *name)
{
	double got;

	ok(rp_compliance_pct(total, comp, part, na, &got), "%s: defined", name);
	ok(got > want - 1e-9 && got < want + 1e-9, "%s: %.4f (want %.4f)", name, got, want);
}

int
main(void)
{
	double pct;

	pct_is(42, 0, 0, 0, 0.0, "nothing assessed");
	pct_is(42, 42, 0, 0, 100.0, "all compliant");
	pct_is(4, 2, 0, 0, 50.0, "half compliant");
	pct_is(4, 0, 4, 0, 50.0, "all partial count half");
	pct_is(4, 1, 1, 0, 37.5, "one compliant, one partial, two not assessed");
	pct_is(4, 1, 1, 2, 75.0, "not applicable leave the denominator");
	pct_is(42, 1, 1, 1, 100.0 * 1.5 / 41, "1.5 over 41");
	pct_is(3, 3, 0, 0, 100.0, "three of three");
	pct_is(106, 0, 1, 105, 50.0, "one partial among not applicable");
	ok(!rp_compliance_pct(5, 0, 0, 5, &pct), "all not applicable: undefined");
	ok(pct == 0.0, "undefined reads 0");
	ok(!rp_compliance_pct(0, 0, 0, 0, &pct), "no requirement: undefined");
	ok(!rp_compliance_pct(2, 0, 0, 3, &pct), "inconsistent counters: undefined");
	return done_testing();
}
