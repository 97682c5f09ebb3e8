/* Publication of a client's resources to its establishments (SPEC §3,
 * feature `publication`): a published resource is published to one or
 * more establishments of its client, and withdrawn from them. An
 * establishment's page lists what is published to it; an establishment
 * manager with `publication` reads those resources, and nothing else of
 * the Pilot. */
#ifndef RP_PUBLICATIONS_H
#define RP_PUBLICATIONS_H

#include <stddef.h>

struct json_object;
struct rp_client;
struct rp_req;

/* Establishments publishable-to at once, at most. */
#define RP_PUBLISH_MAX 500

/* The establishments resource rid of client c is published to:
 * [{establishment_id, name, published_at, published_by_name}]. NULL after
 * rp_fail. */
struct json_object *rp_publications_of_resource(struct rp_req *, const struct rp_client *c,
    long long rid);

/* Publish resource rid of c (approved or published; an approved one
 * becomes published) to establishments ids[0..n) of c. Needs the
 * `publication` feature (403). 0 or -1 after rp_fail. */
int rp_publications_add(struct rp_req *, const struct rp_client *c, long long rid,
    const long long *ids, size_t n);

/* Withdraw resource rid of c from establishment eid (404 when it was not
 * published there). Needs `publication`. 0 or -1. */
int rp_publications_remove(struct rp_req *, const struct rp_client *c, long long rid,
    long long eid);

/* May the caller read what is published to establishment eid: in its
 * scope (404) and holding `publication` or declared vCISO of its client
 * (403)? 0 or -1 after rp_fail. */
int rp_publications_access(struct rp_req *, long long eid);

/* The resources published to establishment eid (access checked first):
 * [{id, type, title, version, published_at}], paged; *total their count.
 * NULL after rp_fail. */
struct json_object *rp_publications_of_estab(struct rp_req *, long long eid,
    long long limit, long long offset, long long *total);

/* Resource rid as published to establishment eid (access checked first):
 * {id, type, title, version, body, body_html, published_at, client_name,
 * establishment_name}; NULL after rp_fail (404 when not published there). */
struct json_object *rp_publication_get(struct rp_req *, long long eid, long long rid);

#endif
