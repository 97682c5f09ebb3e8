/* The pure rules of the usage diagnostic: how an answer scores, how scores
 * add up, what a link token looks like, and the signed token of the public
 * form (no database, no request: unit-tested alone). */
#ifndef RP_USAGE_RULES_H
#define RP_USAGE_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* Question kinds, in the order of rp_usage_kinds (app/enums.c). */
enum rp_usage_kind {
	RP_USAGE_SCALE,		/* 1..5, 5 the best practice */
	RP_USAGE_YES_NO,	/* yes or no, one of them the good answer */
	RP_USAGE_CHOICE,	/* one option of 2..RP_USAGE_MAX_OPTIONS */
	RP_USAGE_TEXT,		/* free text, never scored */
};
#define RP_USAGE_SCALE_MAX	5
#define RP_USAGE_MAX_OPTIONS	10

/* What scoring needs of a question. */
struct rp_usage_q {
	int	 kind;			/* enum rp_usage_kind */
	bool	 good_yes;		/* yes_no: "yes" is the good answer */
	size_t	 noptions;		/* choice */
	int	 option_score[RP_USAGE_MAX_OPTIONS];	/* 0..100, or -1: not scored */
};

/* Results of rp_usage_score besides 0..100. */
#define RP_USAGE_UNSCORED	(-1)	/* a valid answer that carries no score */
#define RP_USAGE_INVALID	(-2)	/* a value this question does not take */

/* The scoring rule. value is the answer as the form sends it:
 *  - scale "1".."5": (v - 1) × 25, so 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100;
 *  - yes_no "yes" or "no": 100 for the good answer, 0 for the other;
 *  - choice "1".."n" (the option's number): that option's score, or
 *    unscored for an option without one;
 *  - text: unscored (any value).
 * Returns 0..100, RP_USAGE_UNSCORED or RP_USAGE_INVALID. */
int rp_usage_score(const struct rp_usage_q *, const char *value);

/* The mean of n scores whose sum is total, rounded half up: a section's
 * score (the mean of its scored answers) and an answer's (the mean of its
 * sections' scores). -1 when n is 0 (nothing scored). */
int rp_usage_mean(long long total, long long n);

/* A link token as links carry it: RP_USAGE_TOKEN_BYTES random bytes as
 * lower-case hexadecimal. */
#define RP_USAGE_TOKEN_BYTES	16
#define RP_USAGE_TOKEN_LEN	(2 * RP_USAGE_TOKEN_BYTES)
bool rp_usage_token_ok(const char *);

/* The signed token of a public form, "<unix time>.<hex HMAC-SHA256 of
 * "usage-form:<link token>:<unix time>" under key>": a POST must carry one
 * this server issued for the same link, not long ago. out holds
 * RP_USAGE_FORM_TOKEN_MAX bytes. */
#define RP_USAGE_FORM_TOKEN_MAX	96
void rp_usage_form_token(const unsigned char *key, size_t keylen, const char *link_token,
    long long now, char out[RP_USAGE_FORM_TOKEN_MAX]);
/* Does sent sign link_token with key, issued between max_age seconds
 * before now and a minute after it (clocks of several hosts)? Compared
 * in constant time. */
bool rp_usage_form_check(const unsigned char *key, size_t keylen, const char *link_token,
    const char *sent, long long now, long long max_age);

#endif
