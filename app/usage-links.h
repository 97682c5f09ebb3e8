/* Public answer links of the usage diagnostic, per establishment: a
 * 128-bit token from the kernel CSPRNG shown once and stored as its
 * SHA-256, an expiry, a cap on answers, revocation. */
#ifndef RP_USAGE_LINKS_H
#define RP_USAGE_LINKS_H

#include <stdbool.h>

struct json_object;
struct rp_client;
struct rp_req;

#define RP_USAGE_LINK_DAYS	30	/* default life of a link */
#define RP_USAGE_LINK_MAX_DAYS	366
#define RP_USAGE_LINK_ANSWERS	100	/* default cap */
#define RP_USAGE_LINK_MAX_ANSWERS 100000

/* Links of client c, newest first (all, or one establishment's when estab
 * is not 0): {id, client_id, establishment_id, establishment_name, label,
 * status (active, expired, full, revoked), expires_at, max_answers,
 * answers_count, created_at, created_by_name, revoked_at}. *total gets
 * their count. NULL after rp_fail. */
struct json_object *rp_usage_links_list(struct rp_req *, const struct rp_client *c,
    long long estab, long long limit, long long offset, long long *total);
/* One link of c; NULL after rp_fail (404). */
struct json_object *rp_usage_link_get(struct rp_req *, const struct rp_client *c, long long id);

/* Create a link from the request's establishment_id (an active
 * establishment of c), expires_on (YYYY-MM-DD, today to a year ahead;
 * default in 30 days; the link works until the end of that day, UTC),
 * max_answers (1..100000, default 100) and label. The questionnaire must
 * hold a question (409 `empty_questionnaire`). Returns 0 with *id and the
 * token (in the arena: shown once, never stored), or -1 after rp_fail. */
int rp_usage_link_create(struct rp_req *, const struct rp_client *c, long long *id,
    const char **token);
/* Revoke a link (answers already given stay). 0 or -1 after rp_fail. */
int rp_usage_link_revoke(struct rp_req *, const struct rp_client *c, long long id);

/* A link as the public page sees it. */
struct rp_usage_link {
	long long	 id;
	long long	 firm_id;
	long long	 client_id;
	long long	 establishment_id;
	const char	*establishment_name;
	bool		 full;		/* answers_count reached max_answers */
};
/* The live link of token: not revoked, not expired, its client active with
 * the module, its establishment active. 1 found, 0 none (every dead link
 * looks the same), -1 after rp_fail. */
int rp_usage_link_find(struct rp_req *, const char *token, struct rp_usage_link *l);
/* Inside the caller's transaction: lock the link, check it is still live
 * and under its cap, and count one more answer. 0, or -1 after rp_fail
 * (404 dead, 410 `link_full`). */
int rp_usage_link_take(struct rp_req *, const struct rp_usage_link *l);

#endif
