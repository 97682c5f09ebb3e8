/* The route table: every URL of the product and what it requires. */
#include "api-system.h"
#include "authz.h"
#include "router.h"
#include "ui-home.h"
#include "util.h"

const struct rp_route rp_routes[] = {
	/* method  pattern            handler        flags  roles  feature */
	{ "GET", "/",                 rp_ui_home,    0,     0,     RP_FEAT_NONE },
	{ "GET", "/ping",             rp_sys_ping,   0,     0,     RP_FEAT_NONE },
	{ "GET", "/api/v1/health",    rp_api_health, 0,     0,     RP_FEAT_NONE },
};

const size_t rp_nroutes = RP_NELEM(rp_routes);
