/* API routes of the consultant deliverables' data (issue 14): the
 * portfolio, assessment cycles and the Statement of Applicability. */
#ifndef RP_API_DELIV_H
#define RP_API_DELIV_H
struct rp_req;
int rp_api_portfolio(struct rp_req *);
/* GET /api/v1/portfolio.csv and .xlsx: the filtered portfolio. */
int rp_api_portfolio_csv(struct rp_req *);
int rp_api_portfolio_xlsx(struct rp_req *);
int rp_api_cycles_list(struct rp_req *);
int rp_api_cycles_start(struct rp_req *);
int rp_api_cycles_get(struct rp_req *);
int rp_api_cycles_compare(struct rp_req *);
int rp_api_soa(struct rp_req *);
/* GET /api/v1/clients/{id}/frameworks/{id}/soa.csv and .xlsx. */
int rp_api_soa_csv(struct rp_req *);
int rp_api_soa_xlsx(struct rp_req *);
int rp_api_soa_pdf(struct rp_req *);
#endif
