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
#define RP_FEAT_ALL	((1u << RP_FEAT__COUNT) - 1)

/* Establishment profile fields (SPEC §1) that per-user edit rights name. */
enum rp_profile_field {
	RP_PF_NAME, RP_PF_SIRET, RP_PF_ADDRESS, RP_PF_POSTCODE, RP_PF_CITY,
	RP_PF_COUNTRY, RP_PF_PHONE, RP_PF_WEBSITE, RP_PF_SECTOR, RP_PF_HEADCOUNT,
	RP_PF_SECURITY_CONTACT,
	RP_PF__COUNT
};
#define RP_PF_ALL	((1u << RP_PF__COUNT) - 1)

/* Key of a role or feature as the API spells it; NULL when out of range. */
const char *rp_role_key(int role);
const char *rp_feature_key(int feature);
/* Reverse look-ups; -1 when unknown. */
int rp_role_parse(const char *key);
int rp_feature_parse(const char *key);
const char *rp_profile_field_key(int field);
int rp_profile_field_parse(const char *key);

/* Features a new user of `role` gets when none are given (SPEC §3), limited
 * to what the creator holds. */
unsigned rp_default_features(int role, unsigned creator_features);

/* What a user really holds: admins hold every feature and profile field
 * whatever is stored; support users hold `self` only. */
unsigned rp_effective_features(int role, unsigned stored);
unsigned rp_effective_profile_fields(int role, unsigned stored);

/* May a user of role `actor` create or manage a user of role `target`
 * (SPEC §2: admins any firm role, others strictly lower roles only)? */
bool rp_role_may_manage(int actor, int target);

/* Parse a comma-separated list of keys (as stored by GROUP_CONCAT) into a
 * bit mask; unknown keys are ignored (a key removed from the table). */
unsigned rp_features_from_list(const char *list);
unsigned rp_profile_fields_from_list(const char *list);

#endif
