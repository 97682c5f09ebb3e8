/* Unit tests of the role and feature rules and of the password policy. */
#include "authz.h"
#include "config.h"
#include "password.h"
#include "tap.h"

int
main(void)
{
	enum { A = RP_ROLE_ADMIN, M = RP_ROLE_MULTI_ACCOUNT_MANAGER,
	    C = RP_ROLE_ACCOUNT_MANAGER, E = RP_ROLE_ESTABLISHMENT_MANAGER,
	    S = RP_ROLE_SUPPORT };

	ok(rp_role_may_manage(A, A) && rp_role_may_manage(A, M) &&
	    rp_role_may_manage(A, C) && rp_role_may_manage(A, E),
	    "admins manage every firm role");
	ok(!rp_role_may_manage(A, S), "admins do not manage support users");
	ok(!rp_role_may_manage(M, A) && !rp_role_may_manage(M, M) &&
	    rp_role_may_manage(M, C) && rp_role_may_manage(M, E),
	    "multi-account managers: strictly lower roles");
	ok(!rp_role_may_manage(C, C) && rp_role_may_manage(C, E),
	    "account managers: establishment managers only");
	ok(!rp_role_may_manage(E, E), "establishment managers manage nobody");
	ok(!rp_role_may_manage(S, E) && !rp_role_may_manage(S, A),
	    "support manages no firm user");
	ok(!rp_role_may_manage(-1, E) && !rp_role_may_manage(A, 99), "bad roles refused");

	unsigned all = RP_FEAT_ALL;
	unsigned em = rp_default_features(E, all);
	ok(!(em & RP_FEAT_BIT(RP_FEAT_PROFILE_STATUS)) && !(em & RP_FEAT_BIT(RP_FEAT_PLAN)),
	    "establishment managers get neither profile.status nor plan");
	is_int(__builtin_popcount(em), RP_FEAT__COUNT - 2, "and every other feature");
	is_int(rp_default_features(C, all), all, "others get every feature");
	unsigned creator = RP_FEAT_BIT(RP_FEAT_SELF) | RP_FEAT_BIT(RP_FEAT_PLAN);
	is_int(rp_default_features(C, creator), creator, "defaults limited to the creator's");
	is_int(rp_effective_features(A, 0), all, "admins hold every feature");
	is_int(rp_effective_profile_fields(A, 0), RP_PF_ALL, "and every profile field");
	is_int(rp_effective_features(S, 0), RP_FEAT_BIT(RP_FEAT_SELF), "support holds self");
	is_int(rp_features_from_list("self,plan,unknown.key"), creator,
	    "stored lists parse; a removed key is ignored");
	is_int(rp_features_from_list(NULL), 0, "no row, no feature");
	is_int(rp_profile_fields_from_list("siret,city"),
	    (1u << RP_PF_SIRET) | (1u << RP_PF_CITY), "profile field lists parse");
	is_str(rp_role_key(rp_role_parse("account_manager")), "account_manager", "role keys");
	ok(rp_feature_parse("profile.read") == RP_FEAT_PROFILE_READ &&
	    rp_feature_parse("nope") < 0, "feature keys");

	/* Password policy, with the list Debian's john-data ships. */
	char list[] = "/usr/share/john/password.lst";
	struct rp_config cfg = { .auth_scrypt_n = 1024, .auth_common_passwords = list };
	ok(rp_password_setup(&cfg) == 0, "policy set up (john-data list)");
	ok(rp_password_policy("short", NULL) != NULL, "under 12 characters refused");
	ok(rp_password_policy("éééééééééééé", NULL) == NULL,
	    "12 characters counted as characters, not bytes");
	ok(rp_password_policy("correct horse battery", NULL) == NULL, "a long phrase is fine");
	ok(rp_password_policy("Sophie@Example.org", "sophie@example.org") != NULL,
	    "the e-mail address is refused as a password");
	ok(rp_password_policy("WinnieThePooh", NULL) != NULL,
	    "a password of the common list is refused, whatever its case");
	char hash[RP_HASH_LEN];
	bool rehash;
	ok(rp_password_hash("a long enough passphrase", hash) == 0 &&
	    strncmp(hash, "$s1$", 4) == 0, "scrypt modular crypt format");
	ok(rp_password_verify("a long enough passphrase", hash, &rehash) == 1 && !rehash,
	    "verifies, same parameters");
	ok(rp_password_verify("a long enough passphrasE", hash, &rehash) == 0, "wrong one refused");
	ok(rp_password_verify("x", "$s1$garbage", &rehash) == 0, "malformed hash is no match");
	cfg.auth_scrypt_n = 2048;
	rp_password_setup(&cfg);
	ok(rp_password_verify("a long enough passphrase", hash, &rehash) == 1 && rehash,
	    "a raised cost asks for a re-hash at the next login");
	return done_testing();
}
