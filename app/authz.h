/* Roles and features of SPEC §2–3, as tables; the rules that use them. */
#ifndef RP_AUTHZ_H
#define RP_AUTHZ_H

#include <stdbool.h>

enum rp_role {
	RP_ROLE_ADMIN,
	RP_ROLE_MULTI_ACCOUNT_MANAGER,
	RP_ROLE_ACCOUNT_MANAGER,
	RP_ROLE_ESTABLISHMENT_MANAGER,
	RP_ROLE_SUPPORT,
	RP_ROLE__COUNT
};

#define RP_ROLE_BIT(r)	(1u << (r))
#define RP_ROLES_FIRM	(RP_ROLE_BIT(RP_ROLE_ADMIN) | \
			 RP_ROLE_BIT(RP_ROLE_MULTI_ACCOUNT_MANAGER) | \
			 RP_ROLE_BIT(RP_ROLE_ACCOUNT_MANAGER) | \
			 RP_ROLE_BIT(RP_ROLE_ESTABLISHMENT_MANAGER))

enum rp_feature {
	RP_FEAT_PROFILE_READ,
	RP_FEAT_PROFILE_EDIT,
	RP_FEAT_PROFILE_DUPLICATES,
	RP_FEAT_PROFILE_STATUS,
	RP_FEAT_FEEDBACK,
	RP_FEAT_PUBLICATION,
	RP_FEAT_MONITORING,
	RP_FEAT_SELF,
	RP_FEAT_PLAN,
	RP_FEAT__COUNT,
	RP_FEAT_NONE = -1
};

#define RP_FEAT_BIT(f)	(1u << (f))

/* Key of a role or feature as the API spells it; NULL when out of range. */
const char *rp_role_key(int role);
const char *rp_feature_key(int feature);
/* Reverse look-ups; -1 when unknown. */
int rp_role_parse(const char *key);
int rp_feature_parse(const char *key);

#endif
