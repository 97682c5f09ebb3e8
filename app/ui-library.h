/* Library pages: the firm's templates, their versions and forms, and the
 * deployment of many templates to many clients. */
#ifndef RP_UI_LIBRARY_H
#define RP_UI_LIBRARY_H

#include <stdbool.h>

struct rp_req;
int rp_ui_templates(struct rp_req *);
int rp_ui_templates_new(struct rp_req *);
int rp_ui_templates_create(struct rp_req *);
int rp_ui_template(struct rp_req *);
int rp_ui_template_edit(struct rp_req *);
int rp_ui_template_update(struct rp_req *);
int rp_ui_templates_deploy_form(struct rp_req *);
int rp_ui_templates_deploy(struct rp_req *);

/* Templates.* : the firm's templates to tick (id, title, type, version),
 * by type then title, the first few hundred (Page.templates_more when the
 * library holds more); with echo, TplSel.<id> = 1 for the template_ids
 * posted back. 0 or -1 after rp_fail. The deploy page's and the
 * new-mission wizard's. */
int rp_ui_template_picker(struct rp_req *, bool echo);

#endif
