/* The closed sets of values of the domain, as tables. */
#include <string.h>

#include "enums.h"
#include "util.h"

#define ENUM(var, label, ...) \
	static const char *const var##_keys[] = { __VA_ARGS__ }; \
	const struct rp_enum var = { label, var##_keys, RP_NELEM(var##_keys) }

ENUM(rp_mission_types, "mission type", "diagnostic", "permanent");
ENUM(rp_plans, "plan", "essential", "standard", "premium");
ENUM(rp_client_statuses, "status", "active", "suspended", "closed");
ENUM(rp_billing_modes, "billing mode", "intermediated", "direct");
ENUM(rp_modules, "module", "external_scan", "usage_diagnostic", "risk_analysis");
ENUM(rp_estab_statuses, "status", "active", "cancelled", "closed", "deactivated");
ENUM(rp_estab_actions, "action", "cancel", "close", "deactivate", "reactivate");
ENUM(rp_risk_treatments, "treatment", "reduce", "accept", "transfer", "avoid");
ENUM(rp_risk_statuses, "status", "open", "treated", "closed");
ENUM(rp_action_priorities, "priority", "low", "medium", "high", "critical");
ENUM(rp_action_statuses, "status", "todo", "in_progress", "done", "cancelled");
ENUM(rp_resource_types, "type", "document", "process", "tool", "control");
ENUM(rp_resource_statuses, "status", "draft", "approved", "published");
ENUM(rp_ra_support_types, "type", "hardware", "software", "network", "people", "site",
    "organization", "provider");
ENUM(rp_ra_resources, "resources", "limited", "significant", "important", "unlimited");
ENUM(rp_ra_statuses, "status", "draft", "retained", "discarded");
ENUM(rp_scan_severities, "severity", "high", "medium", "low", "info");
ENUM(rp_scan_target_kinds, "kind", "domain", "ipv4", "ipv6", "cidr");
/* The usage diagnostic's: question kinds (the order of enum rp_usage_kind),
 * the good answer of a yes/no question, the states of a public link. */
ENUM(rp_usage_kinds, "kind", "scale", "yes_no", "choice", "text");
ENUM(rp_usage_good_answers, "good answer", "yes", "no");
ENUM(rp_usage_link_statuses, "status", "active", "expired", "full", "revoked");

int
rp_enum_parse(const struct rp_enum *e, const char *key)
{
	for (size_t i = 0; key != NULL && i < e->n; i++)
		if (strcmp(e->keys[i], key) == 0)
			return (int)i;
	return -1;
}

const char *
rp_enum_key(const struct rp_enum *e, int i)
{
	return i >= 0 && (size_t)i < e->n ? e->keys[i] : NULL;
}
