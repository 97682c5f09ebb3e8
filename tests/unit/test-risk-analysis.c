/* Unit tests of the risk analysis rules (app/risk-analysis.h): scenario
 * status transitions, when retaining records a risk, which scenarios may
 * be deleted, how a scenario and its risk differ, the field keys the sync
 * takes, and scenario scores and levels (the register's). */
#include <string.h>

#include "enums.h"
#include "risk-analysis.h"
#include "risks.h"
#include "tap.h"

int
main(void)
{
	static const int statuses[] = { RP_RA_DRAFT, RP_RA_RETAINED, RP_RA_DISCARDED };

	/* The status keys are those of the table the database and the
	 * language files share. */
	is_str(rp_enum_key(&rp_ra_statuses, RP_RA_DRAFT), "draft", "draft is index 0");
	is_str(rp_enum_key(&rp_ra_statuses, RP_RA_RETAINED), "retained", "retained is index 1");
	is_str(rp_enum_key(&rp_ra_statuses, RP_RA_DISCARDED), "discarded", "discarded is index 2");

	/* Transitions: from any status, retain → retained, discard →
	 * discarded (again: the same status, nothing to do). */
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		int s = statuses[i];
		is_int(rp_ra_next(s, RP_RA_RETAIN), RP_RA_RETAINED, "retain from any status");
		is_int(rp_ra_next(s, RP_RA_DISCARD), RP_RA_DISCARDED, "discard from any status");
	}
	is_int(rp_ra_next(-1, RP_RA_RETAIN), -1, "unknown status refused");
	is_int(rp_ra_next(3, RP_RA_DISCARD), -1, "status out of range refused");
	is_int(rp_ra_next(RP_RA_DRAFT, 7), -1, "unknown verb refused");

	/* A risk is recorded only by retaining a scenario that has none:
	 * twice, or again after a discard, finds the risk it had. */
	ok(rp_ra_needs_risk(RP_RA_RETAINED, false), "retained without a risk: record one");
	ok(!rp_ra_needs_risk(RP_RA_RETAINED, true), "retained with its risk: none more");
	ok(!rp_ra_needs_risk(RP_RA_DISCARDED, false), "discarding records nothing");
	ok(!rp_ra_needs_risk(RP_RA_DISCARDED, true), "discarding keeps the risk as it is");
	ok(!rp_ra_needs_risk(RP_RA_DRAFT, false), "a draft has no risk");

	/* A retained scenario is never deleted (its risk would lose where it
	 * comes from); drafts and discarded ones are. */
	ok(rp_ra_may_delete(RP_RA_DRAFT), "a draft may be deleted");
	ok(rp_ra_may_delete(RP_RA_DISCARDED), "a discarded scenario may be deleted");
	ok(!rp_ra_may_delete(RP_RA_RETAINED), "a retained scenario may not");
	ok(!rp_ra_may_delete(-1), "nor an unknown status");

	/* Differences between a scenario and its risk. */
	struct rp_ra_values s = { "Payroll encrypted", "Phishing", 3, 4 };
	struct rp_ra_values r = s;
	is_int(rp_ra_diff(&s, &r), 0, "the same values: no difference");
	r.likelihood = 5;
	is_int(rp_ra_diff(&s, &r), RP_RA_BIT(RP_RA_F_LIKELIHOOD), "re-scored likelihood");
	r.impact = 1;
	is_int(rp_ra_diff(&s, &r), RP_RA_SYNC_DEFAULT, "both scores: what the sync copies by default");
	r = s;
	r.title = "Payroll leaked";
	r.description = NULL;
	is_int(rp_ra_diff(&s, &r), RP_RA_BIT(RP_RA_F_TITLE) | RP_RA_BIT(RP_RA_F_DESCRIPTION),
	    "texts compared");
	s.description = "";
	is_int(rp_ra_diff(&s, &r), RP_RA_BIT(RP_RA_F_TITLE), "NULL reads as the empty text");
	ok(!(RP_RA_SYNC_DEFAULT & (RP_RA_BIT(RP_RA_F_TITLE) | RP_RA_BIT(RP_RA_F_DESCRIPTION))),
	    "by default the sync leaves the risk's texts alone");

	/* The field keys of sync-risk's `fields`. */
	for (int f = 0; f < RP_RA__FIELDS; f++)
		is_int(rp_ra_field_parse(rp_ra_field_key(f)), f, "field keys round-trip");
	is_str(rp_ra_field_key(RP_RA_F_LIKELIHOOD), "likelihood", "likelihood's key");
	ok(rp_ra_field_key(RP_RA__FIELDS) == NULL && rp_ra_field_key(-1) == NULL, "no other field");
	is_int(rp_ra_field_parse("owner_id"), -1, "a risk field the sync never copies");
	is_int(rp_ra_field_parse(NULL), -1, "NULL key refused");

	/* A scenario is scored as a risk of the register is. */
	is_int(rp_risk_score(3, 4), 12, "3 × 4 = 12");
	is_str(rp_risk_level_key(rp_risk_level(rp_risk_score(3, 4))), "high", "12 is high");
	is_str(rp_risk_level_key(rp_risk_level(rp_risk_score(1, 4))), "low", "4 is low");
	is_str(rp_risk_level_key(rp_risk_level(rp_risk_score(3, 5))), "critical", "15 is critical");
	is_int(rp_risk_score(0, 3), -1, "likelihood 0 has no score");

	/* Kinds: their names in paths and in the audit log. */
	is_str(rp_ra_kind_path(RP_RA_BUSINESS), "business-assets", "business assets' path");
	is_str(rp_ra_kind_key(RP_RA_SCENARIO), "scenario", "scenarios' key");
	ok(rp_ra_kind_path(RP_RA__KINDS) == NULL && rp_ra_kind_key(-1) == NULL, "no other kind");
	is_str(rp_ra_links_key(RP_RA_SUPPORTING), "business_asset_ids", "supporting assets set their links");
	ok(rp_ra_links_key(RP_RA_BUSINESS) == NULL, "business assets' links are read only");
	is_str(rp_ra_field_name(RP_RA_THREAT, 2), "resources", "threat sources' third field");
	ok(rp_ra_field_name(RP_RA_THREAT, 3) == NULL, "and no fourth");
	return done_testing();
}
