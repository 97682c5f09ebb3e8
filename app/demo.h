/* Demo data of seed-demo beyond accounts: the demo firm's missions. */
#ifndef RP_DEMO_H
#define RP_DEMO_H

struct rp_arena;

/* Create the demo clients of firm `firm` unless it has clients already,
 * with teams from team[] (admin, multi-account manager, account manager)
 * and two establishments assigned to site_manager; inside the caller's
 * transaction. Returns 0 or -1 (rp_db_message() says why). */
int rp_demo_clients(struct rp_arena *, long long firm, const long long team[3],
    long long site_manager);

#endif
