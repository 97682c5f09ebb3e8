/* A worker process: accepts FastCGI requests one at a time until told to stop. */
#ifndef RP_WORKER_H
#define RP_WORKER_H

struct rp_config;

/* Shared with the master (MAP_SHARED): lets it see a request's age. */
struct rp_slot {
	volatile long		busy_since;	/* monotonic seconds, 0 when idle */
	volatile unsigned long	served;
};

/* Run the worker loop on listen_fd; never returns (exits the process). */
void rp_worker_main(int listen_fd, struct rp_config *, struct rp_slot *,
    pid_t master);

/* Monotonic clock in seconds, and in milliseconds. */
long rp_now(void);
long long rp_now_ms(void);

#endif
