/* The Pilot dashboard's data in one round trip (see pilot.h). */
#include <string.h>

#include <json.h>

#include "actions.h"
#include "clients.h"
#include "compliance.h"
#include "db.h"
#include "exposure.h"
#include "pilot.h"
#include "request.h"
#include "resources.h"
#include "risks.h"
#include "usage-answers.h"
#include "util.h"

/* The parts, in the order of the union. */
enum {
	P_HEAT, P_ACTIONS, P_DOCS,
	P_FIGURES,
	P_ADOPTED = P_FIGURES, P_ADOPTABLE, P_USAGE, P_USAGE_SECTIONS, P_USAGE_FEED, P_EXPOSURE,
	P_DASHBOARD
};

static void
figures_parts(struct rp_req *req, const struct rp_client *c, struct rp_db_part *p)
{
	rp_risks_heat_part(req, c, &p[P_HEAT]);
	rp_actions_counts_part(req, c, &p[P_ACTIONS]);
	rp_resources_figures_part(req, c, &p[P_DOCS]);
}

static void
figures_of(const struct rp_db_part *p, struct rp_pilot_figures *f)
{
	rp_risks_heat_of(&p[P_HEAT].res, &f->heat);
	rp_actions_counts_of(&p[P_ACTIONS].res, &f->open, &f->done, &f->overdue);
	f->docs = rp_resources_figures_of(&p[P_DOCS].res);
}

int
rp_pilot_figures(struct rp_req *req, const struct rp_client *c, struct rp_pilot_figures *f)
{
	static struct rp_db_union u = RP_DB_UNION;
	struct rp_db_part p[P_FIGURES];

	figures_parts(req, c, p);
	if (rp_db_union(req, &u, p, P_FIGURES) != 0)
		return -1;
	figures_of(p, f);
	return 0;
}

int
rp_pilot_dashboard(struct rp_req *req, const struct rp_client *c, const char *datefmt,
    struct rp_pilot_dashboard *d)
{
	static struct rp_db_union u = RP_DB_UNION;
	struct rp_db_part p[P_DASHBOARD];

	memset(d, 0, sizeof(*d));
	figures_parts(req, c, p);
	rp_compliance_summary_part(req, c, &p[P_ADOPTED]);
	rp_frameworks_adoptable_part(req, c, &p[P_ADOPTABLE]);
	rp_usage_scores_parts(req, c, &p[P_USAGE]);
	rp_usage_feed_part(req, c, RP_PILOT_FEED, &p[P_USAGE_FEED]);
	rp_exposure_latest_part(req, c, datefmt, &p[P_EXPOSURE]);
	if (rp_db_union(req, &u, p, P_DASHBOARD) != 0)
		return -1;
	figures_of(p, &d->f);
	d->adopted = rp_compliance_summary_of(req, &p[P_ADOPTED].res);
	d->adoptable = rp_frameworks_adoptable_of(&p[P_ADOPTABLE].res);
	d->usage = rp_usage_scores_of(&p[P_USAGE]);
	d->feed = rp_usage_feed_of(&p[P_USAGE_FEED].res);
	rp_exposure_latest_of(req, &p[P_EXPOSURE].res, &d->exposure, &d->nexposure);
	return 0;
}
