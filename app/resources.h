/* The resources of a client's Pilot space (SPEC §1 "Resources"):
 * documents, processes, tools and controls with a Markdown body, a status
 * workflow (draft → approved → published) and a version, tagged with
 * requirements of the frameworks the client adopted (the evidence of the
 * compliance items). Shared by the API and the HTML pages. */
#ifndef RP_RESOURCES_H
#define RP_RESOURCES_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_client;
struct rp_req;

/* The workflow, as one rule. A resource now in `from` at `version` is
 * changed: `asked` is the status the change sets (NULL: none), `edited`
 * tells whether it changes the type, title or body. Editing an approved or
 * published resource makes a new version: the version goes up by one and,
 * unless the change sets a status, the resource goes back to draft to be
 * approved again. Statuses move draft → approved → published and back
 * (published → approved withdraws, any → draft reopens); a draft is
 * approved before it is published, and a new version is a draft.
 * Returns 0 with *status and *next set, or -1 when `asked` cannot be
 * reached. A new resource is `rp_resource_revise("draft", 1, asked,
 * false, ...)`. */
int rp_resource_revise(const char *from, long long version, const char *asked, bool edited,
    const char **status, long long *next);

struct rp_resource_filter {
	const char	*type;		/* a key of rp_resource_types, NULL for any */
	const char	*status;	/* a key of rp_resource_statuses, NULL for any */
	const char	*q;		/* title contains; NULL for any */
	long long	 requirement;	/* tagged with it; 0 for any */
	const char	*sort;		/* title, type, status, updated_at */
	bool		 desc;
	bool		 body;		/* with the body (the API), or not (a list page) */
};

/* Read the list filters from the query string: type, status, q,
 * requirement_id, sort, dir (400 naming the parameter when strict; the
 * HTML pages ignore stale values). Returns 0 or -1. */
int rp_resources_filter(struct rp_req *, struct rp_resource_filter *, bool strict);

/* The resources of client c matching f, paged, as the API's resource
 * objects; *total gets their count. NULL after rp_fail. */
struct json_object *rp_resources_list(struct rp_req *, const struct rp_client *c,
    const struct rp_resource_filter *f, long long limit, long long offset,
    long long *total);

/* The client of resource `id` in the caller's scope (404 when the resource
 * or its client is out of it) with the caller declared vCISO of it (403).
 * Returns 0 or -1 after rp_fail. */
int rp_resource_client(struct rp_req *, long long id, struct rp_client *c);
/* Resource `id` of client c, with its body; NULL after rp_fail (404). */
struct json_object *rp_resource_get(struct rp_req *, const struct rp_client *c, long long id);

/* A document's fields, a resource's or a template's, as read and
 * validated. */
struct rp_doc {
	const char	*type, *title, *body;
	const char	*status;	/* resources only */
	bool		 has_tags;	/* requirement_ids was sent */
	long long	*tags;
	size_t		 ntags;
};
/* Tags a document holds, at most, and its body (characters; the request
 * cap, http.max_body, bounds it first in bytes). A template's limits are a
 * resource's, so that a copy always fits. */
#define RP_DOC_MAX_TAGS 200
#define RP_DOC_MAX_BODY 200000
/* Read a document's fields from the request: type and title (required when
 * creating), body (blank empties it), requirement_ids (a link set), and
 * status when with_status; any other field is 400 unknown_field. 0, or -1
 * after rp_fail naming the field. */
int rp_doc_read(struct rp_req *, bool create, bool with_status, struct rp_doc *);

/* Create a resource of c from the request's fields; 0 with *id, or -1. */
int rp_resources_create(struct rp_req *, const struct rp_client *c, long long *id);
/* Change any subset of the fields of resource id of c. 0 or -1. */
int rp_resources_update(struct rp_req *, const struct rp_client *c, long long id);
/* Delete resource id of c. 0 or -1. */
int rp_resources_delete(struct rp_req *, const struct rp_client *c, long long id);

/* The Pilot's figures of c: {"draft", "approved", "published"} (documents
 * by status, of every type). NULL after rp_fail. */
struct json_object *rp_resources_figures(struct rp_req *, const struct rp_client *c);
/* The same as a part of a union (db.h rp_db_union: the Pilot's), and its
 * rows read: {status: count} of every status. */
struct rp_db_part;
struct rp_dbres;
void rp_resources_figures_part(struct rp_req *, const struct rp_client *c, struct rp_db_part *);
struct json_object *rp_resources_figures_of(const struct rp_dbres *);

/* The actions of c linked to resource id: [{id, title, status}]. NULL
 * after rp_fail. */
struct json_object *rp_resource_actions(struct rp_req *, const struct rp_client *c,
    long long id);

/* Do the resources ids[0..n) all belong to c? 0, or -1 after a 404
 * naming `field`. For the links other objects hold. */
int rp_resources_check(struct rp_req *, const struct rp_client *c, const long long *ids,
    size_t n, const char *field);

#endif
