/* Roles and features of SPEC §2–3 as tables. */
#include <string.h>

#include "authz.h"
#include "util.h"

static const char *const role_keys[RP_ROLE__COUNT] = {
	"admin", "multi_account_manager", "account_manager",
	"establishment_manager", "support",
};

static const char *const feature_keys[RP_FEAT__COUNT] = {
	"profile.read", "profile.edit", "profile.duplicates", "profile.status",
	"feedback", "publication", "monitoring", "self", "plan",
};

static const char *const profile_field_keys[RP_PF__COUNT] = {
	"name", "siret", "address", "postcode", "city", "country", "phone",
	"website", "sector", "headcount", "security_contact",
};

/* Rank in the firm hierarchy: a smaller rank manages larger ones. */
static const int role_rank[RP_ROLE__COUNT] = { 0, 1, 2, 3, -1 };

const char *
rp_role_key(int role)
{
	return role >= 0 && role < RP_ROLE__COUNT ? role_keys[role] : NULL;
}

const char *
rp_feature_key(int f)
{
	return f >= 0 && f < RP_FEAT__COUNT ? feature_keys[f] : NULL;
}

static int
find(const char *const *tab, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (strcmp(tab[i], key) == 0)
			return i;
	return -1;
}

int
rp_role_parse(const char *key)
{
	return find(role_keys, RP_ROLE__COUNT, key);
}

int
rp_feature_parse(const char *key)
{
	return find(feature_keys, RP_FEAT__COUNT, key);
}

const char *
rp_profile_field_key(int f)
{
	return f >= 0 && f < RP_PF__COUNT ? profile_field_keys[f] : NULL;
}

int
rp_profile_field_parse(const char *key)
{
	return find(profile_field_keys, RP_PF__COUNT, key);
}

unsigned
rp_default_features(int role, unsigned creator)
{
	unsigned f = RP_FEAT_ALL;

	if (role == RP_ROLE_ESTABLISHMENT_MANAGER)
		f &= ~(RP_FEAT_BIT(RP_FEAT_PROFILE_STATUS) | RP_FEAT_BIT(RP_FEAT_PLAN));
	return f & creator;
}

unsigned
rp_effective_features(int role, unsigned stored)
{
	if (role == RP_ROLE_ADMIN)
		return RP_FEAT_ALL;
	/* Support users have no firm rights, but look after their account. */
	if (role == RP_ROLE_SUPPORT)
		return RP_FEAT_BIT(RP_FEAT_SELF);
	return stored & RP_FEAT_ALL;
}

unsigned
rp_effective_profile_fields(int role, unsigned stored)
{
	return role == RP_ROLE_ADMIN ? RP_PF_ALL : stored & RP_PF_ALL;
}

bool
rp_role_may_manage(int actor, int target)
{
	if (actor < 0 || actor >= RP_ROLE__COUNT || target < 0 ||
	    target >= RP_ROLE__COUNT || role_rank[actor] < 0 ||
	    role_rank[target] < 0)
		return false;
	if (actor == RP_ROLE_ADMIN)
		return true;
	return role_rank[target] > role_rank[actor];
}

static unsigned
mask_from_list(const char *list, int (*parse)(const char *))
{
	char key[64];
	unsigned m = 0;

	while (list != NULL && *list != '\0') {
		size_t n = strcspn(list, ",");
		if (n < sizeof(key)) {
			memcpy(key, list, n);
			key[n] = '\0';
			int b = parse(key);
			if (b >= 0)
				m |= 1u << b;
		}
		list += n;
		if (*list == ',')
			list++;
	}
	return m;
}

unsigned
rp_features_from_list(const char *list)
{
	return mask_from_list(list, rp_feature_parse);
}

unsigned
rp_profile_fields_from_list(const char *list)
{
	return mask_from_list(list, rp_profile_field_parse);
}
