/* The Pilot dashboard's data of a client, read in one round trip: each
 * part is its module's own statement (the heat maps, the action counts,
 * the documents by status; for the dashboard also the adopted and the
 * adoptable frameworks, the usage scores and the latest scans), joined by
 * rp_db_union (db.h): one round trip and one query-cache look-up instead of
 * one per part. */
#ifndef RP_PILOT_H
#define RP_PILOT_H

#include <stddef.h>

#include "risks.h"

struct rp_client;
struct rp_exposure;
struct rp_req;
struct json_object;

struct rp_pilot_figures {
	struct rp_risk_heat	 heat;
	long long		 open, done, overdue;	/* actions */
	struct json_object	*docs;	/* {status: count}; the caller puts it */
};

/* 0, or -1 after rp_fail. */
int rp_pilot_figures(struct rp_req *, const struct rp_client *, struct rp_pilot_figures *);

/* The latest answers a dashboard lists. */
#define RP_PILOT_FEED 5

/* Everything the dashboard shows but the client, its chrome and its
 * activity. The JSON values are the caller's to put; usage and exposure
 * are read whatever the caller may see: the pages decide what they show. */
struct rp_pilot_dashboard {
	struct rp_pilot_figures	 f;
	struct json_object	*adopted;	/* rp_compliance_summary */
	struct json_object	*adoptable;	/* rp_frameworks_adoptable */
	struct json_object	*usage;		/* rp_usage_scores */
	struct json_object	*feed;		/* the RP_PILOT_FEED latest answers */
	struct rp_exposure	*exposure;	/* rp_exposure_latest */
	size_t			 nexposure;
};
int rp_pilot_dashboard(struct rp_req *, const struct rp_client *, const char *datefmt,
    struct rp_pilot_dashboard *);

#endif
