/* Resource pages of the Pilot space, and the figures the Pilot page shows. */
#ifndef RP_UI_RESOURCES_H
#define RP_UI_RESOURCES_H
struct rp_req;
struct rp_client;
int rp_ui_client_resources(struct rp_req *);
int rp_ui_client_resource_new(struct rp_req *);
int rp_ui_client_resource_create(struct rp_req *);
int rp_ui_resource(struct rp_req *);
int rp_ui_resource_edit(struct rp_req *);
int rp_ui_resource_update(struct rp_req *);
int rp_ui_resource_status(struct rp_req *);
int rp_ui_resource_delete(struct rp_req *);
/* Publish Docs.{draft, approved, published}: c's resources by status.
 * Returns 0 or -1 after rp_fail. */
int rp_ui_resources_figures(struct rp_req *, const struct rp_client *);
/* The library and publication forms of a resource's page. */
int rp_ui_resource_to_template(struct rp_req *);
int rp_ui_resource_diff(struct rp_req *);
int rp_ui_resource_template_update(struct rp_req *);
int rp_ui_resource_publish(struct rp_req *);
int rp_ui_resource_withdraw(struct rp_req *);

#endif
