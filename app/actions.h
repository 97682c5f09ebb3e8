/* The action plan of a client's Pilot space (SPEC §1 "Action plan"): its
 * actions with owner, due date, priority, status and progress, their links
 * to requirements, and clients.open_actions kept on every change. Shared by
 * the API and the HTML pages. */
#ifndef RP_ACTIONS_H
#define RP_ACTIONS_H

#include "export.h"

#include <stdbool.h>

struct json_object;
struct rp_client;
struct rp_req;

/* Is s a calendar date written YYYY-MM-DD, years 1900..9999 (what a DATE
 * column holds and a date input sends)? */
bool rp_action_date_valid(const char *s);
/* Is an action due on `due` (YYYY-MM-DD, NULL or "" for none) with this
 * status overdue on `today` (YYYY-MM-DD)? Only open actions (todo,
 * in_progress) whose due date has passed are. */
bool rp_action_overdue(const char *due, const char *status, const char *today);
/* Does this status count as open (todo, in_progress)? */
bool rp_action_open(const char *status);

struct rp_action_filter {
	const char	*status;	/* a key of rp_action_statuses, NULL for any */
	const char	*priority;	/* a key of rp_action_priorities, NULL for any */
	const char	*q;		/* title contains; NULL for any */
	bool		 mine;		/* owned by the caller */
	bool		 overdue;
	bool		 open;		/* todo or in progress (the reports'; not a
					 * query parameter) */
	const char	*sort;		/* due_date, priority, updated_at */
	bool		 desc;
};

/* Read the list filters from the query string: status, priority, q,
 * mine=1, overdue=1, sort, dir (400 naming the parameter when strict; the
 * HTML pages ignore stale values). Returns 0 or -1. */
int rp_actions_filter(struct rp_req *, struct rp_action_filter *, bool strict);

/* The actions of client c (its vCISO) matching f, paged, as the API's
 * action objects (plus owner_name and overdue); *total gets their count.
 * NULL after rp_fail. */
struct json_object *rp_actions_list(struct rp_req *, const struct rp_client *c,
    const struct rp_action_filter *f, long long limit, long long offset,
    long long *total);

/* The client of action `id` in the caller's scope (404 when the action or
 * its client is out of it) with the caller declared vCISO of it (403).
 * Returns 0 or -1 after rp_fail. */
int rp_action_client(struct rp_req *, long long id, struct rp_client *c);
/* Action `id` of client c; NULL after rp_fail (404). */
struct json_object *rp_action_get(struct rp_req *, const struct rp_client *c, long long id);

/* Create an action of c from the request's fields; 0 with *id, or -1. */
int rp_actions_create(struct rp_req *, const struct rp_client *c, long long *id);
/* Create an action of c made by another part of the product (e.g. a scan
 * finding), inside the caller's transaction: status todo, owner 0 for
 * none, due NULL or YYYY-MM-DD (all already valid); the client's row
 * locked, its open-actions counter kept and "action.create" audited with
 * `details` (consumed, may be NULL) plus the action's fields. Returns 0
 * with *id, or -1 after rp_fail (the caller rolls back). */
int rp_actions_insert(struct rp_req *, const struct rp_client *c, const char *title,
    const char *description, const char *priority, const char *due, long long owner,
    struct json_object *details, long long *id);
/* Change any subset of the fields of action id of c. 0 or -1. */
int rp_actions_update(struct rp_req *, const struct rp_client *c, long long id);
/* Delete action id of c. 0 or -1. */
int rp_actions_delete(struct rp_req *, const struct rp_client *c, long long id);

/* The Pilot's figures of c: open (todo, in_progress), done, overdue.
 * Returns 0 or -1 after rp_fail. */
int rp_actions_counts(struct rp_req *, const struct rp_client *c, long long *open,
    long long *done, long long *overdue);
/* The same as a part of a union (db.h rp_db_union: the Pilot's), and its
 * row read. */
struct rp_db_part;
struct rp_dbres;
void rp_actions_counts_part(struct rp_req *, const struct rp_client *c, struct rp_db_part *);
void rp_actions_counts_of(const struct rp_dbres *, long long *open, long long *done,
    long long *overdue);
/* Today's date in UTC (the connection's time zone), as the counts bind it. */
const char *rp_actions_today(struct rp_req *);
/* The Pilot's JSON of the counts: {"open", "done", "overdue"}. */
struct json_object *rp_actions_figures_json(long long open, long long done, long long overdue);

/* The actions matching f (at most 10,000) as a CSV or XLSX attachment in
 * the response (app/export.h: the plan's columns). 0 or -1. */
int rp_actions_export(struct rp_req *, const struct rp_client *c,
    const struct rp_action_filter *f, enum rp_export_format fmt);

#endif
