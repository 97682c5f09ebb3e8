/* The risk analysis module (SPEC §1 "Modules": risk_analysis), a guided
 * analysis in the spirit of EBIOS RM, simplified: a client's business
 * assets, the supporting assets they rest on, the threat sources that
 * target them, and scenarios (a threat source reaching a business asset
 * through supporting assets, scored likelihood × impact) that are drafted,
 * then retained or discarded. Retaining a scenario records it in the risk
 * register (app/risks.h) in the same transaction, linked both ways;
 * re-scoring it afterwards never touches that risk until the vCISO asks
 * for it (sync). Shared by the API and the HTML pages. */
#ifndef RP_RISK_ANALYSIS_H
#define RP_RISK_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_client;
struct rp_req;

#define RP_RA_MODULE	"risk_analysis"	/* its key in rp_modules */

/* The kinds of items of an analysis, in the order of its steps. */
enum rp_ra_kind {
	RP_RA_BUSINESS,		/* business assets (valeurs métier) */
	RP_RA_SUPPORTING,	/* supporting assets (biens supports) */
	RP_RA_THREAT,		/* threat sources (sources de risque) */
	RP_RA_SCENARIO,		/* scenarios */
	RP_RA__KINDS
};
/* A kind's name in paths ("business-assets") and in the audit log and
 * language files ("business_asset"); NULL out of range. */
const char *rp_ra_kind_path(int kind);
const char *rp_ra_kind_key(int kind);
/* The fields a form of kind sends, i from 0 (NULL past the last), and its
 * set of links (NULL when the kind sets none): what a page echoes back. */
const char *rp_ra_field_name(int kind, size_t i);
const char *rp_ra_links_key(int kind);

/* ------------------------------------------------------ rules (pure) --- */

/* Scenario statuses: the indexes of rp_ra_statuses (app/enums.h). */
enum rp_ra_status { RP_RA_DRAFT, RP_RA_RETAINED, RP_RA_DISCARDED };
/* What a vCISO does to a scenario. */
enum rp_ra_verb { RP_RA_RETAIN, RP_RA_DISCARD };
/* The status a scenario in status `from` takes on verb: retained or
 * discarded, from any status (doing it again changes nothing). -1 for an
 * unknown status or verb. */
int rp_ra_next(int from, int verb);
/* Does a scenario going to status `to` need a new risk in the register?
 * Only a retained one without a linked risk (retaining twice, or again
 * after discarding, finds the risk it had). */
bool rp_ra_needs_risk(int to, bool linked);
/* May a scenario in this status be deleted? Not a retained one, whose risk
 * would lose its origin: discard it first. */
bool rp_ra_may_delete(int status);

/* What a scenario and its risk share, compared and copied by the sync. */
enum rp_ra_field {
	RP_RA_F_TITLE, RP_RA_F_DESCRIPTION, RP_RA_F_LIKELIHOOD, RP_RA_F_IMPACT,
	RP_RA__FIELDS
};
#define RP_RA_BIT(f)	(1u << (f))
/* What the sync copies when the request names no fields: the scores. */
#define RP_RA_SYNC_DEFAULT (RP_RA_BIT(RP_RA_F_LIKELIHOOD) | RP_RA_BIT(RP_RA_F_IMPACT))
struct rp_ra_values {
	const char	*title;
	const char	*description;
	long long	 likelihood;
	long long	 impact;
};
/* The fields in which a and b differ, as RP_RA_BIT()s (NULL texts read
 * as ""). */
unsigned rp_ra_diff(const struct rp_ra_values *a, const struct rp_ra_values *b);
/* "title", "description", "likelihood", "impact"; NULL out of range. */
const char *rp_ra_field_key(int field);
/* The field named key, or -1. */
int rp_ra_field_parse(const char *key);

/* ------------------------------------------------------------ access --- */

/* Client `id` of a module route: in scope (404), the caller declared its
 * vCISO (403), the module enabled (404). 0 or -1 after rp_fail. */
int rp_ra_client(struct rp_req *, long long id, struct rp_client *c);
/* The same through item `id` of kind (404 when it is another firm's, or
 * its client's is out of scope or without the module). */
int rp_ra_item_client(struct rp_req *, int kind, long long id, struct rp_client *c);

/* ----------------------------------------------------------- reading --- */

/* List filters from the query string: `status` for scenarios (400 naming
 * it when strict; the pages ignore a stale one). 0 or -1. */
struct rp_ra_filter {
	const char	*status;	/* a key of rp_ra_statuses, NULL for any */
};
int rp_ra_filter(struct rp_req *, int kind, struct rp_ra_filter *, bool strict);

/* Items of kind of client c, paged (business, supporting assets and threat
 * sources by name, scenarios by score, highest first), as the API's
 * objects; *total gets their count. NULL after rp_fail.
 *   business asset: id, client_id, name, description, owner,
 *     supporting_asset_ids (those that serve it), scenario_count;
 *   supporting asset: id, client_id, name, type, description,
 *     business_asset_ids, scenario_count;
 *   threat source: id, client_id, name, motivation, resources,
 *     scenario_count;
 *   scenario: id, client_id, title, description, threat_source_id,
 *     business_asset_id, supporting_asset_ids, likelihood, impact, score,
 *     level, status, risk_id, threat_source_name, business_asset_name,
 *     risk (id, title, status, likelihood, impact, score, level; or null),
 *     risk_differs, risk_diff ({field: {"scenario": v, "risk": v}});
 *   all: created_at, updated_at. */
struct json_object *rp_ra_list(struct rp_req *, int kind, const struct rp_client *c,
    const struct rp_ra_filter *f, long long limit, long long offset, long long *total);
/* Item id of kind of c; NULL after rp_fail (404). */
struct json_object *rp_ra_get(struct rp_req *, int kind, const struct rp_client *c,
    long long id);
/* What forms offer of kind (not scenarios): [{id, name}] of c by name, at
 * most 500. NULL after rp_fail. */
struct json_object *rp_ra_choices(struct rp_req *, int kind, const struct rp_client *c);

/* The analysis at a glance: items per kind, scenarios per status. */
struct rp_ra_counts {
	long long	 items[RP_RA__KINDS];
	long long	 scenarios[3];		/* by enum rp_ra_status */
};
int rp_ra_count(struct rp_req *, const struct rp_client *c, struct rp_ra_counts *);
/* {"business_assets", "supporting_assets", "threat_sources", "scenarios":
 * {"total", "draft", "retained", "discarded"}} (new object). */
struct json_object *rp_ra_counts_json(const struct rp_ra_counts *);

/* ----------------------------------------------------------- writing --- */

/* Create an item of kind of c from the request's fields; *id gets it. A
 * reference to an item that is not c's answers 400 naming the field; a
 * name c already has, 409 `ra_name_taken` naming `name`. 0 or -1. */
int rp_ra_create(struct rp_req *, int kind, const struct rp_client *c, long long *id);
/* Change any subset of the fields of item id (a scenario's status changes
 * by rp_ra_act only). 0 or -1. */
int rp_ra_update(struct rp_req *, int kind, const struct rp_client *c, long long id);
/* Delete item id: 409 `ra_in_use` while scenarios name it, 409
 * `ra_retained` for a retained scenario. 0 or -1. */
int rp_ra_delete(struct rp_req *, int kind, const struct rp_client *c, long long id);
/* Retain or discard scenario id (enum rp_ra_verb). Retaining one without a
 * risk records a new open risk in the register (title, description,
 * likelihood and impact of the scenario, its business asset as asset, its
 * threat source as threat, the caller as owner) in the same transaction.
 * Discarding leaves the risk in the register, linked. Doing it again
 * changes nothing. 0 or -1. */
int rp_ra_act(struct rp_req *, const struct rp_client *c, long long id, int verb);
/* Copy into the risk of retained scenario id the fields the request names
 * (`fields`, keys of rp_ra_field_key; the scores when absent) where they
 * differ, as an audited update of the risk. 409 `invalid_transition` when
 * the scenario is not retained, `ra_no_risk` when its risk is gone. 0 or
 * -1. */
int rp_ra_sync(struct rp_req *, const struct rp_client *c, long long id);

#endif
