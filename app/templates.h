/* The firm's library (SPEC §1 "Library"): templates of documents,
 * processes, tools and controls, versioned, tagged with requirements, and
 * deployed to clients as resources. Shared by the API and the HTML pages.
 *
 * Who: the firm's admins, multi-account and account managers (the route
 * table's LIBRARY roles); establishment managers and support have none of
 * it. Deploying to a client needs being declared vCISO of it. */
#ifndef RP_TEMPLATES_H
#define RP_TEMPLATES_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_client;
struct rp_req;

/* The roles that have the library (the route table's and the pages' one
 * rule; app/authz.h's RP_ROLE_BIT where it is used). */
#define RP_LIBRARY_ROLES (RP_ROLE_BIT(RP_ROLE_ADMIN) | \
			  RP_ROLE_BIT(RP_ROLE_MULTI_ACCOUNT_MANAGER) | \
			  RP_ROLE_BIT(RP_ROLE_ACCOUNT_MANAGER))

/* Templates one deployment copies, and clients it reaches, at most. */
#define RP_DEPLOY_MAX_TEMPLATES 50
#define RP_DEPLOY_MAX_CLIENTS 500

struct rp_template_filter {
	const char	*type;		/* a key of rp_resource_types, NULL for any */
	const char	*q;		/* title contains; NULL for any */
	long long	 requirement;	/* tagged with it; 0 for any */
	long long	 framework;	/* tagged with one of its requirements; 0 for any */
	const char	*sort;		/* title, type, updated_at */
	bool		 desc;
};

/* Read the list filters from the query string: type, q, requirement_id,
 * framework_id, sort, dir (400 naming the parameter when strict). */
int rp_templates_filter(struct rp_req *, struct rp_template_filter *, bool strict);

/* The firm's templates matching f, paged, without their bodies; *total
 * gets their count. NULL after rp_fail. */
struct json_object *rp_templates_list(struct rp_req *, const struct rp_template_filter *f,
    long long limit, long long offset, long long *total);

/* Template id of the caller's firm at `version` (0: the current one), with
 * its body, requirement_ids (and "requirements": [{id, ref, framework,
 * framework_id, title}]),
 * and "versions" (the current number). NULL after rp_fail (404). */
struct json_object *rp_template_get(struct rp_req *, long long id, long long version);

/* The requirements ids[0..n) that the caller's firm sees, in the
 * catalogue's order: [{id, ref, framework (its code), framework_id, title}]; the
 * refs of tags for the pages. NULL after rp_fail. */
struct json_object *rp_templates_tag_refs(struct rp_req *, const long long *ids, size_t n);

/* The versions of template id, newest first: [{version, title, created_at,
 * created_by, created_by_name}]. NULL after rp_fail (404). */
struct json_object *rp_template_versions(struct rp_req *, long long id);

/* Create a template from the request's fields (type, title, body,
 * requirement_ids): 0 with *id, or -1 after rp_fail. */
int rp_templates_create(struct rp_req *, long long *id);

/* Change any subset of those fields; any real change is a new version.
 * 0 or -1. */
int rp_templates_update(struct rp_req *, long long id);

/* Save resource `resource_id` of client c (the caller is its vCISO) as a
 * new template; the request may give another title. 0 with *id, or -1. */
int rp_templates_from_resource(struct rp_req *, const struct rp_client *c,
    long long resource_id, long long *id);

/* Deploy templates tids[0..nt) to clients cids[0..nc). Every template must
 * be of the caller's firm (404 naming template_ids) and the caller vCISO
 * of every client (404 or 403 naming client_ids): else nothing is deployed
 * anywhere. Then each client's copies are made in one transaction of their
 * own. Returns {"deployed": [{client_id, client_name, resource_ids: [...]}]}
 * or NULL after rp_fail. With dry_run, checks only (the page's progress
 * bar checks the whole set first, then deploys client by client). */
struct json_object *rp_templates_deploy(struct rp_req *, const long long *tids, size_t nt,
    const long long *cids, size_t nc, bool dry_run);

/* Copies of templates tids[0..n) as draft resources of client (firm,
 * client), inside the caller's transaction (the new-mission wizard's):
 * each records its template and version; the tags kept are those of the
 * frameworks the client adopted. ids (may be NULL) gets the new
 * resources' ids. Templates must be checked first (rp_templates_check).
 * 0 or -1 after rp_fail. */
int rp_templates_copy(struct rp_req *, long long firm, long long client,
    const long long *tids, size_t n, long long *ids);

/* Are templates ids[0..n) all of the caller's firm? 0, or -1 after a 404
 * naming `field`. */
int rp_templates_check(struct rp_req *, const long long *ids, size_t n, const char *field);

/* For resource `resource_id` of client c deployed from a template: the
 * line diff from its text to the template's version `to` (0: the
 * current one): {"template_id", "template_title", "from_version",
 * "to_version", "title": {"from","to"} when it differs, "type" likewise,
 * "lines": [{"op": "same"|"add"|"del", "text", "old_no", "new_no"}],
 * "added", "deleted", "too_different": bool}. NULL after rp_fail (404
 * when the resource has no template, or the template is gone). */
struct json_object *rp_template_diff(struct rp_req *, const struct rp_client *c,
    long long resource_id, long long to);

/* Bring resource `resource_id` of c to template version `to` (0: the
 * current one): its type, title, body and tags become the template's, as
 * a new version of the resource, a draft to approve again (leaving
 * published withdraws it from its establishments). The caller opted in.
 * 0 or -1. */
int rp_template_apply(struct rp_req *, const struct rp_client *c, long long resource_id,
    long long to);

#endif
