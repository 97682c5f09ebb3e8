/* The closed sets of values of the domain (SPEC §1), as tables: one place
 * that names them for validation, SQL, JSON and the language files. */
#ifndef RP_ENUMS_H
#define RP_ENUMS_H

#include <stddef.h>

struct rp_enum {
	const char		*name;		/* what the set is, for messages */
	const char *const	*keys;
	size_t			 n;
};

extern const struct rp_enum rp_mission_types;	/* diagnostic, permanent */
extern const struct rp_enum rp_plans;		/* essential, standard, premium */
extern const struct rp_enum rp_client_statuses;	/* active, suspended, closed */
extern const struct rp_enum rp_billing_modes;	/* intermediated, direct */
extern const struct rp_enum rp_modules;		/* external_scan, usage_diagnostic, risk_analysis */
extern const struct rp_enum rp_estab_statuses;	/* active, cancelled, closed, deactivated */
extern const struct rp_enum rp_estab_actions;	/* cancel, close, deactivate, reactivate */
extern const struct rp_enum rp_risk_treatments;	/* reduce, accept, transfer, avoid */
extern const struct rp_enum rp_risk_statuses;	/* open, treated, closed */
extern const struct rp_enum rp_action_priorities; /* low, medium, high, critical */
extern const struct rp_enum rp_action_statuses;	/* todo, in_progress, done, cancelled */
extern const struct rp_enum rp_resource_types;	/* document, process, tool, control */
extern const struct rp_enum rp_resource_statuses; /* draft, approved, published */
/* The risk analysis module (app/risk-analysis.h). */
extern const struct rp_enum rp_ra_support_types; /* hardware, software, network, people, site, organization, provider */
extern const struct rp_enum rp_ra_resources;	/* limited, significant, important, unlimited */
extern const struct rp_enum rp_ra_statuses;	/* draft, retained, discarded */
/* The external scan's severities (worst first, app/scandoc.h) and target
 * kinds (app/netaddr.h), in their enums' order. */
extern const struct rp_enum rp_scan_severities;	/* high, medium, low, info */
extern const struct rp_enum rp_scan_target_kinds; /* domain, ipv4, ipv6, cidr */
extern const struct rp_enum rp_usage_kinds;	/* scale, yes_no, choice, text */
extern const struct rp_enum rp_usage_good_answers; /* yes, no */
extern const struct rp_enum rp_usage_link_statuses; /* active, expired, full, revoked */

/* Index of key in e, or -1. */
int rp_enum_parse(const struct rp_enum *, const char *key);
/* The key at i, or NULL out of range. */
const char *rp_enum_key(const struct rp_enum *, int i);

#endif
