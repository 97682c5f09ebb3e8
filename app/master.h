/* The master process: socket, pre-forked workers, signals. */
#ifndef RP_MASTER_H
#define RP_MASTER_H

struct rp_config;

/* Open (or inherit from systemd) the socket, fork the workers and supervise
 * them until SIGTERM/SIGINT. Takes ownership of cfg. Returns the exit code. */
int rp_master_run(struct rp_config *cfg);

#endif
