/* Unit tests of the risk rules (SPEC §1 "Risk register"): score =
 * likelihood × impact, the level thresholds, and heat-map cells. */
#include <string.h>

#include "risks.h"
#include "tap.h"

int
main(void)
{
	static const struct { long long score; const char *level; } cases[] = {
		{ 1, "low" }, { 4, "low" }, { 5, "medium" }, { 9, "medium" },
		{ 10, "high" }, { 14, "high" }, { 15, "critical" }, { 25, "critical" },
	};
	struct rp_risk_heat h;
	int min, max;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *k = rp_risk_level_key(rp_risk_level(cases[i].score));
		ok(k && strcmp(k, cases[i].level) == 0, "score %lld is %s", cases[i].score,
		    cases[i].level);
	}
	ok(rp_risk_level(0) == -1, "score 0 has no level");
	ok(rp_risk_level(26) == -1, "score 26 has no level");
	/* Every score a 5×5 grid makes has exactly one level, and the
	 * ranges tile 1..25 without gap or overlap. */
	int next = 1;
	for (int l = 0; l < RP_RISK__LEVELS; l++) {
		ok(rp_risk_level_range(l, &min, &max) && min == next && max >= min,
		    "level %s starts at %d", rp_risk_level_key(l), next);
		ok(rp_risk_level_parse(rp_risk_level_key(l)) == l, "level %d round-trips", l);
		next = max + 1;
	}
	ok(next == 26, "levels end at 25");
	ok(!rp_risk_level_range(RP_RISK__LEVELS, &min, &max), "no fifth level");
	ok(rp_risk_level_parse("severe") == -1 && rp_risk_level_parse(NULL) == -1,
	    "unknown level names refused");

	ok(rp_risk_score(3, 4) == 12, "3 × 4 = 12");
	ok(rp_risk_score(5, 5) == 25, "5 × 5 = 25");
	ok(rp_risk_score(1, 1) == 1, "1 × 1 = 1");
	ok(rp_risk_score(0, 3) == -1 && rp_risk_score(3, 6) == -1, "scales run 1..5");
	ok(rp_risk_level(rp_risk_score(2, 2)) == RP_RISK_LOW, "2 × 2 is low");
	ok(rp_risk_level(rp_risk_score(3, 3)) == RP_RISK_MEDIUM, "3 × 3 is medium");
	ok(rp_risk_level(rp_risk_score(2, 5)) == RP_RISK_HIGH, "2 × 5 is high");
	ok(rp_risk_level(rp_risk_score(3, 5)) == RP_RISK_CRITICAL, "3 × 5 is critical");

	memset(&h, 0, sizeof(h));
	/* likelihood 2, impact 5: row impact - 1, column likelihood - 1. */
	ok(rp_risk_heat_add(&h, 2, 5, 1, 3, 4), "a risk counted");
	ok(h.inherent[4][1] == 4, "inherent cell [impact 5][likelihood 2]");
	ok(h.residual[2][0] == 4, "residual cell [impact 3][likelihood 1]");
	ok(h.by_level[RP_RISK_HIGH] == 4, "2 × 5 = 10 counts as high");
	ok(h.residual_by_level[RP_RISK_LOW] == 4, "residual 1 × 3 = 3 counts as low");
	ok(rp_risk_heat_add(&h, 4, 4, 0, 0, 1), "no residual values");
	ok(h.residual[3][3] == 1 && h.inherent[3][3] == 1, "residual falls back on inherent");
	ok(rp_risk_heat_add(&h, 5, 5, 2, 0, 1), "residual likelihood only");
	ok(h.residual[4][1] == 1, "residual impact falls back on its inherent value");
	ok(!rp_risk_heat_add(&h, 6, 1, 0, 0, 1) && !rp_risk_heat_add(&h, 1, 1, 6, 0, 1) &&
	    !rp_risk_heat_add(&h, 0, 1, 0, 0, 1), "out-of-range values refused");
	ok(h.total == 6, "six risks counted, none refused");
	long long sum = 0;
	for (int i = 0; i < RP_RISK_SCALE; i++)
		for (int l = 0; l < RP_RISK_SCALE; l++)
			sum += h.inherent[i][l];
	ok(sum == h.total, "the inherent map sums to the total");
	return done_testing();
}
