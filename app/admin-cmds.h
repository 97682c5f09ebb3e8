/* rempart-admin commands that create accounts: create-firm, create-support,
 * seed-demo, routes. */
#ifndef RP_ADMIN_CMDS_H
#define RP_ADMIN_CMDS_H
struct rp_config;
int rp_cmd_create_firm(struct rp_config *, int argc, char **argv);
int rp_cmd_create_support(struct rp_config *, int argc, char **argv);
/* The route table as JSON lines, for tests that walk every route. */
int rp_cmd_routes(struct rp_config *, int argc, char **argv);
int rp_cmd_seed_demo(struct rp_config *, int argc, char **argv);
#endif
