/* Frameworks a firm's admin imports into its own catalogue (beside the
 * platform's), all or nothing, and their removal while no client uses them. */
#ifndef RP_FWIMPORT_H
#define RP_FWIMPORT_H

#include <stdbool.h>

#include "authz.h"

/* The roles that import and delete frameworks (the route table's and the
 * pages' one rule): a firm's admins, for the whole firm. */
#define RP_FW_IMPORTERS	RP_ROLE_BIT(RP_ROLE_ADMIN)

struct rp_fw_doc;
struct rp_fw_err;
struct rp_req;

/* Answer a refused document: 400 with err's code, field and message.
 * Returns -1. */
int rp_fw_refuse(struct rp_req *, const struct rp_fw_err *);

/* Validate doc (rp_fwdoc_check) and store it for the caller's firm in one
 * transaction with its audit entry ("framework.import"). Returns 0 with
 * *id, or -1 after rp_fail: 400 (invalid document), 409 framework_exists
 * (the firm, or the platform, already has this code and version), 503.
 * When the document is at fault, err says where (err->code set). */
int rp_fw_import(struct rp_req *, struct rp_fw_doc *, struct rp_fw_err *, long long *id);

/* Delete framework id, imported by the caller's firm, with its
 * requirements, if no client adopted it. Returns 0, or -1 after rp_fail:
 * 404 (unknown, or another firm's), 403 (the platform's catalogue), 409
 * in_use (adopted by a client, or referenced elsewhere). */
int rp_fw_delete(struct rp_req *, long long id);

/* How many clients adopted framework id of the caller's firm (0 for any
 * other framework: the platform's adoptions are other firms' business).
 * Returns 0 or -1 after rp_fail. */
int rp_fw_adoptions(struct rp_req *, long long id, long long *n);

#endif
