/* The risk register of a client's Pilot space (SPEC §1 "Risk register"):
 * risks scored likelihood × impact, their levels, treatment, owner,
 * residual values and linked requirements, and the heat maps. */
#ifndef RP_RISKS_H
#define RP_RISKS_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_buf;
struct rp_client;
struct rp_req;

/* Levels of a score, lowest first (the thresholds: one table in risks.c). */
enum rp_risk_level {
	RP_RISK_LOW,		/* score 1–4 */
	RP_RISK_MEDIUM,		/* 5–9 */
	RP_RISK_HIGH,		/* 10–14 */
	RP_RISK_CRITICAL,	/* 15–25 */
	RP_RISK__LEVELS
};
#define RP_RISK_SCALE 5		/* likelihood and impact run from 1 to 5 */

/* The level of a score, or -1 outside 1..25. */
int rp_risk_level(long long score);
/* "low", "medium", "high", "critical"; NULL out of range. */
const char *rp_risk_level_key(int level);
/* The level named key, or -1. */
int rp_risk_level_parse(const char *key);
/* The scores of a level: [*min, *max]. false out of range. */
bool rp_risk_level_range(int level, int *min, int *max);
/* score = likelihood × impact; -1 when either is outside 1..5. */
int rp_risk_score(long long likelihood, long long impact);

/* Heat maps of a client's risks (closed ones left out): counts by cell,
 * rows by impact and columns by likelihood, [impact - 1][likelihood - 1];
 * residual cells use the residual values, each falling back on its
 * inherent one when not set. */
struct rp_risk_heat {
	long long	 inherent[RP_RISK_SCALE][RP_RISK_SCALE];
	long long	 residual[RP_RISK_SCALE][RP_RISK_SCALE];
	long long	 by_level[RP_RISK__LEVELS];		/* inherent */
	long long	 residual_by_level[RP_RISK__LEVELS];
	long long	 total;
};
/* Count n risks of inherent (l, i) and residual (rl, ri), 0 for "not
 * set" (inherent then). Returns false, counting nothing, when a value is
 * out of range. Pure. */
bool rp_risk_heat_add(struct rp_risk_heat *, int l, int i, int rl, int ri, long long n);
/* The heat maps of client c; 0 or -1 after rp_fail. */
int rp_risks_heat(struct rp_req *, const struct rp_client *c, struct rp_risk_heat *);
/* The same as a part of a union (db.h rp_db_union: the Pilot's), and its
 * rows counted into h. */
struct rp_db_part;
struct rp_dbres;
void rp_risks_heat_part(struct rp_req *, const struct rp_client *c, struct rp_db_part *);
void rp_risks_heat_of(const struct rp_dbres *, struct rp_risk_heat *h);
/* {"by_level":{low,medium,high,critical}, "heat_map":[[5]x5],
 * "residual_heat_map":[[5]x5], "residual_by_level":{...}, "total":N}
 * (new object, owned by the caller). */
struct json_object *rp_risk_heat_json(const struct rp_risk_heat *);

/* List filters, from the query string. */
struct rp_risk_filter {
	const char	*status;	/* keys of app/enums.h, NULL for any */
	const char	*treatment;
	const char	*level;		/* a level key, NULL for any */
	const char	*q;		/* title, asset or threat contains */
	long long	 likelihood;	/* 1..5, 0 for any */
	long long	 impact;
	bool		 residual;	/* likelihood/impact are residual values */
	const char	*sort;		/* score (default), title, updated_at */
	bool		 desc;
};
/* Read and validate the filters (400 naming the parameter). A heat-map
 * cell (likelihood and/or impact) lists what the map counts: closed
 * risks only when status=closed is asked. Returns 0 or -1. */
int rp_risks_filter(struct rp_req *, struct rp_risk_filter *);

/* The same through the client of risk `risk` (404 when the risk is not
 * one of the caller's firm's). */
int rp_risks_of(struct rp_req *, long long risk, struct rp_client *c);

/* Risks of client c (SPEC §4 risk objects, plus level, residual_score,
 * residual_level, owner_name, scenario_id and scenario_title (the scenario
 * of the risk analysis it was retained from, or null), created_at,
 * updated_at), paged; *total gets
 * their count. NULL after rp_fail. */
struct json_object *rp_risks_list(struct rp_req *, const struct rp_client *c,
    const struct rp_risk_filter *f, long long limit, long long offset, long long *total);
/* One risk of client c; NULL after rp_fail (404). */
struct json_object *rp_risk_get(struct rp_req *, const struct rp_client *c, long long id);
/* Create a risk of client c from the request's fields (title, likelihood
 * and impact required); *id gets it. 0 or -1 (400 naming the field). */
int rp_risks_create(struct rp_req *, const struct rp_client *c, long long *id);
/* Change any subset of a risk's fields. 0 or -1. */
int rp_risks_update(struct rp_req *, const struct rp_client *c, long long id);
/* A risk's values given by another module rather than read from the
 * request (a retained scenario of the risk analysis). */
struct rp_risk_values {
	const char	*title;		/* 1..200 characters; NULL: unchanged */
	const char	*description;	/* NULL: "" on creation, else unchanged */
	const char	*asset;		/* up to 200 characters; NULL: likewise */
	const char	*threat;
	long long	 likelihood;	/* 1..5; 0: unchanged */
	long long	 impact;
	long long	 owner_id;	/* an active vCISO of the client; 0: none, unchanged */
};
/* Inside the caller's transaction (the caller began it, and commits or
 * rolls back): record a new open risk of c with values v (title,
 * likelihood and impact required), as any creation is, with its
 * "risk.create" audit entry. *id gets it. 0 or -1 after rp_fail. */
int rp_risks_add(struct rp_req *, const struct rp_client *c, const struct rp_risk_values *v,
    long long *id);
/* Inside the caller's transaction: change what v gives of risk id of c as
 * any update does (row locked, "risk.update" audited with the changes).
 * 0 or -1 after rp_fail (404 when the risk is gone). */
int rp_risks_set(struct rp_req *, const struct rp_client *c, long long id,
    const struct rp_risk_values *v);
/* Delete a risk (and its links). 0 or -1. */
int rp_risks_delete(struct rp_req *, const struct rp_client *c, long long id);

/* What a form offers: the possible owners (active vCISOs of c: id,
 * name) and the linkable requirements (of adopted frameworks: id, ref,
 * title, framework). New arrays, or NULL after rp_fail. */
struct json_object *rp_risks_owners(struct rp_req *, const struct rp_client *c);
struct json_object *rp_risks_requirements(struct rp_req *, const struct rp_client *c);

/* The risks matching f as a CSV or XLSX attachment in the response
 * (app/export.h: the register's columns). 0 or -1. */
int rp_risks_export(struct rp_req *, const struct rp_client *c,
    const struct rp_risk_filter *f, enum rp_export_format fmt);

#endif
