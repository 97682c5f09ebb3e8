/* Database migrations: numbered files of sql/, applied once, in order. */
#ifndef RP_MIGRATE_H
#define RP_MIGRATE_H

struct rp_arena;
struct rp_config;

/* Apply every pending migration of cfg->paths_sql. Refuses to run when an
 * applied file has changed. Prints progress to stdout, errors to stderr.
 * Returns 0 or -1. */
int rp_migrate(const struct rp_config *cfg);

/* How many migrations of cfg->paths_sql the database has not applied (all
 * of them before the first migrate), on the connection of rp_db_setup();
 * *first gets the name of the first one (in the arena), or NULL. Returns
 * the count, or -1 when the directory or the database cannot be read
 * (the reason is printed to stderr). */
int rp_migrate_pending(const struct rp_config *cfg, struct rp_arena *,
    const char **first);

#endif
