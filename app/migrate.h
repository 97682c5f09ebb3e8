/* Database migrations: numbered files of sql/, applied once, in order. */
#ifndef RP_MIGRATE_H
#define RP_MIGRATE_H

struct rp_config;

/* Apply every pending migration of cfg->paths_sql. Refuses to run when an
 * applied file has changed. Prints progress to stdout, errors to stderr.
 * Returns 0 or -1. */
int rp_migrate(const struct rp_config *cfg);

#endif
