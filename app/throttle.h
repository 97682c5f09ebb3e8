/* Throttling of unauthenticated attempts over a sliding window: failed
 * logins per e-mail and per address (app/login.c), requests to the public
 * questionnaire pages per address (app/usage-public.c). */
#ifndef RP_THROTTLE_H
#define RP_THROTTLE_H

struct rp_req;
struct rp_stmt;

/* The caller has recorded its attempt (row `attempt` of its own table)
 * before asking, so that parallel attempts cannot all pass: each sees the
 * rows committed before it. `count` takes (window, key, window) and answers
 * COUNT(*) of the key's rows in the window and the seconds until the oldest
 * leaves it; `drop` takes the attempt's id. Over `max`, the attempt's row is
 * deleted (so that waiting works) and the answer is 429 with Retry-After
 * and the fixed message `msg`. Returns 0 under the bound, or -1 after
 * rp_fail (429, or 503 when the database is lost). */
int rp_throttle_check(struct rp_req *, struct rp_stmt *count, struct rp_stmt *drop,
    const char *key, long long window, long long max, long long attempt,
    const char *msg);

#endif
