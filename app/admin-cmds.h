/* rempart-admin commands that create accounts: create-firm, create-support,
 * seed-demo. */
#ifndef RP_ADMIN_CMDS_H
#define RP_ADMIN_CMDS_H
struct rp_config;
int rp_cmd_create_firm(struct rp_config *, int argc, char **argv);
int rp_cmd_create_support(struct rp_config *, int argc, char **argv);
int rp_cmd_seed_demo(struct rp_config *, int argc, char **argv);
#endif
