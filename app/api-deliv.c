/* API routes of the portfolio, assessment cycles and the SoA. The Pilot's
 * rule throughout: a client out of scope is 404, a firm user who is not
 * its declared vCISO 403 (not_vciso). */
#include <json.h>

#include "api-auth.h"
#include "api-deliv.h"
#include "clients.h"
#include "cycles.h"
#include "portfolio.h"
#include "report.h"
#include "request.h"
#include "response.h"
#include "util.h"

int
rp_api_portfolio(struct rp_req *req)
{
	struct rp_portfolio_filter f;
	long long limit, offset, total;

	if (rp_api_page(req, &limit, &offset) != 0 || rp_portfolio_filter(req, &f, true) != 0)
		return -1;
	struct json_object *items = rp_portfolio_list(req, &f, limit, offset, &total);
	return rp_api_list(req, items, total);
}

static int
portfolio_export(struct rp_req *req, enum rp_export_format fmt)
{
	struct rp_portfolio_filter f;

	if (rp_portfolio_filter(req, &f, true) != 0)
		return -1;
	return rp_portfolio_export(req, &f, fmt);
}

int
rp_api_portfolio_csv(struct rp_req *req)
{
	return portfolio_export(req, RP_EXPORT_CSV);
}

int
rp_api_portfolio_xlsx(struct rp_req *req)
{
	return portfolio_export(req, RP_EXPORT_XLSX);
}

int
rp_api_cycles_list(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *items;

	if (rp_clients_pilot(req, req->args[0], &c) != 0 ||
	    (items = rp_cycles_list(req, &c, req->args[1])) == NULL)
		return -1;
	return rp_api_list(req, items, (long long)json_object_array_length(items));
}

int
rp_api_cycles_start(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *items;
	long long number;

	if (rp_clients_pilot(req, req->args[0], &c) != 0 ||
	    rp_cycles_start(req, &c, req->args[1], &number) != 0 ||
	    (items = rp_cycles_list(req, &c, req->args[1])) == NULL)
		return -1;
	/* The newest first: the cycle just opened. */
	rp_resp_json(req, 201, json_object_get(json_object_array_get_idx(items, 0)));
	json_object_put(items);
	return 0;
}

int
rp_api_cycles_get(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;

	if (rp_clients_pilot(req, req->args[0], &c) != 0 ||
	    (o = rp_cycles_get(req, &c, req->args[1], req->args[2])) == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_cycles_compare(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;

	if (rp_clients_pilot(req, req->args[0], &c) != 0 ||
	    (o = rp_cycles_compare(req, &c, req->args[1], req->args[2], req->args[3])) == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

int
rp_api_soa(struct rp_req *req)
{
	struct rp_client c;
	struct json_object *o;

	if (rp_clients_pilot(req, req->args[0], &c) != 0 ||
	    (o = rp_soa(req, &c, req->args[1])) == NULL)
		return -1;
	rp_resp_json(req, 200, o);
	return 0;
}

static int
soa_export(struct rp_req *req, enum rp_export_format fmt)
{
	struct rp_client c;

	if (rp_clients_pilot(req, req->args[0], &c) != 0)
		return -1;
	return rp_soa_export(req, &c, req->args[1], fmt);
}

int
rp_api_soa_csv(struct rp_req *req)
{
	return soa_export(req, RP_EXPORT_CSV);
}

int
rp_api_soa_xlsx(struct rp_req *req)
{
	return soa_export(req, RP_EXPORT_XLSX);
}

/* The SoA as a PDF, built by rempart-render as the mission report is. */
int
rp_api_soa_pdf(struct rp_req *req)
{
	struct rp_client c;

	if (rp_clients_pilot(req, req->args[0], &c) != 0)
		return -1;
	return rp_report_soa_send(req, &c, req->args[1]);
}
