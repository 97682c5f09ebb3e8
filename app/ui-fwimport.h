/* Framework import pages: the upload form (CSV or JSON), its inline errors,
 * and the deletion of an imported framework no client uses. */
#ifndef RP_UI_FWIMPORT_H
#define RP_UI_FWIMPORT_H

#include <stdbool.h>

struct rp_req;

int rp_ui_fw_import(struct rp_req *);
int rp_ui_fw_import_post(struct rp_req *);
int rp_ui_fw_delete(struct rp_req *);

/* May the caller import frameworks (show the link)? */
bool rp_ui_fw_may_import(const struct rp_req *);
/* On a framework's page: for an imported one and a caller who manages
 * them, Page.may_delete, or Page.fw_adoptions when clients use it.
 * Returns 0 or -1 after rp_fail. */
int rp_ui_fw_manage(struct rp_req *, long long id, bool imported);

#endif
