/* API routes of the library (templates, deployment, updates of deployed
 * copies) and of publication to establishments. */
#ifndef RP_API_LIBRARY_H
#define RP_API_LIBRARY_H

struct rp_req;

int rp_api_templates(struct rp_req *);
int rp_api_template_create(struct rp_req *);
int rp_api_template_get(struct rp_req *);
int rp_api_template_patch(struct rp_req *);
int rp_api_template_versions(struct rp_req *);
int rp_api_template_deploy(struct rp_req *);
int rp_api_templates_deploy(struct rp_req *);
int rp_api_resource_to_template(struct rp_req *);
int rp_api_resource_template_diff(struct rp_req *);
int rp_api_resource_template_update(struct rp_req *);
int rp_api_resource_publications(struct rp_req *);
int rp_api_resource_publish(struct rp_req *);
int rp_api_resource_withdraw(struct rp_req *);
int rp_api_estab_publications(struct rp_req *);
int rp_api_estab_publication(struct rp_req *);

#endif
