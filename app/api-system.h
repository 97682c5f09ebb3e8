/* System routes: the bare FastCGI hop and the health check. */
#ifndef RP_API_SYSTEM_H
#define RP_API_SYSTEM_H
struct rp_req;
int rp_sys_ping(struct rp_req *);
int rp_api_health(struct rp_req *);
int rp_sys_healthz(struct rp_req *);
#endif
