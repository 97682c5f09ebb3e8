/* The Pilot dashboard's figures of a client, read in one statement: the
 * risk heat maps, the action counts and the documents by status. Each part
 * is its module's own statement (RP_RISKS_HEAT_SQL, RP_ACTIONS_COUNTS_SQL,
 * RP_RESOURCES_FIGURES_SQL), joined with UNION ALL: one round trip and one
 * query-cache look-up instead of three. */
#ifndef RP_PILOT_H
#define RP_PILOT_H

#include "risks.h"

struct rp_client;
struct rp_req;
struct json_object;

struct rp_pilot_figures {
	struct rp_risk_heat	 heat;
	long long		 open, done, overdue;	/* actions */
	struct json_object	*docs;	/* {status: count}; the caller puts it */
};

/* 0, or -1 after rp_fail. */
int rp_pilot_figures(struct rp_req *, const struct rp_client *, struct rp_pilot_figures *);

#endif
