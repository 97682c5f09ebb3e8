/* The platform's support area: firms (created with a one-time link for
 * their first admin), every firm's clients as billing sees them, and
 * billing-mode changes with a mandatory reason and their history. The
 * results are the API's JSON; the HTML pages show the same. */
#ifndef RP_ADMIN_H
#define RP_ADMIN_H

struct json_object;
struct rp_req;

/* Firms matching q (name contains; NULL any), paged; NULL after rp_fail. */
struct json_object *rp_admin_firms(struct rp_req *, const char *q, long long limit,
    long long offset, long long *total);
/* Create a firm and its first admin from the request's name, admin_email,
 * admin_first_name, admin_last_name, with a setup link: *out is
 * {firm, admin, setup_url, setup_expires_at}. Returns 0 or -1. */
int rp_admin_firm_create(struct rp_req *, struct json_object **out);
/* A new setup link for the request's user_id, an admin of firm `firm` who
 * has not chosen its password yet (409 otherwise). */
int rp_admin_setup_link(struct rp_req *, long long firm, struct json_object **out);

/* Every firm's clients, filtered by the query string (q, firm_id,
 * mission_type, plan, status, billing_mode, sort); NULL after rp_fail. */
struct json_object *rp_admin_clients(struct rp_req *, long long limit, long long offset,
    long long *total);
/* One client with its billing history; 0, or -1 after rp_fail (404). */
int rp_admin_client(struct rp_req *, long long id, const char *datefmt,
    struct json_object **out);
/* Change client id's billing from the request's billing_mode,
 * billing_email and reason: the client, the history row and the audit
 * entry in one transaction. Returns 0 or -1. */
int rp_admin_billing_change(struct rp_req *, long long id);

/* Billing changes, newest first, of a firm and/or a client (0: any); with
 * datefmt (a DATE_FORMAT pattern) each has its time as "at_text" too. */
struct json_object *rp_billing_changes(struct rp_req *, long long firm, long long client,
    const char *datefmt, long long limit, long long offset, long long *total);

#endif
