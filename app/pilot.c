/* The Pilot dashboard's figures in one statement (see pilot.h). */
#include <string.h>

#include <json.h>

#include "actions.h"
#include "clients.h"
#include "db.h"
#include "pilot.h"
#include "request.h"
#include "resources.h"
#include "risks.h"
#include "util.h"

static struct rp_stmt q_figures = RP_STMT(
    "(" RP_RISKS_HEAT_SQL ") UNION ALL (" RP_ACTIONS_COUNTS_SQL ")"
    " UNION ALL (" RP_RESOURCES_FIGURES_SQL ")");

int
rp_pilot_figures(struct rp_req *req, const struct rp_client *c, struct rp_pilot_figures *f)
{
	struct rp_dbarg a[] = {
		RP_AINT(c->id), RP_AINT(c->firm_id),		/* heat */
		RP_ASTR(rp_actions_today(req)), RP_AINT(c->id), RP_AINT(c->firm_id),
		RP_AINT(c->id), RP_AINT(c->firm_id),		/* docs */
	};
	struct rp_dbres res;

	memset(f, 0, sizeof(*f));
	if (rp_db_do(req, &q_figures, a, RP_NELEM(a), &res) != 0)
		return -1;
	for (size_t i = 0; i < res.nrows; i++) {
		char **r = res.rows[i];

		if (strcmp(r[5], "heat") == 0)
			rp_risks_heat_row(&f->heat, r);
		else if (strcmp(r[5], "actions") == 0)
			rp_actions_counts_row(r, &f->open, &f->done, &f->overdue);
	}
	f->docs = rp_resources_figures_of(res.rows, res.nrows);
	return 0;
}
