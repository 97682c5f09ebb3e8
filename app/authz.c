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
