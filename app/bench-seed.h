/* rempart-admin seed-bench: a benchmark database of two firms of N clients. */
#ifndef RP_BENCH_SEED_H
#define RP_BENCH_SEED_H

struct rp_config;

/* seed-bench --clients N [--reset]: fill the configured database, which
 * must hold nothing but bench data, with two firms of N clients each.
 * Returns the exit code: 0 done (or already done), 1 refused or failed,
 * 2 usage error or a database that is not a bench database. */
int rp_cmd_seed_bench(struct rp_config *, int argc, char **argv);

#endif
