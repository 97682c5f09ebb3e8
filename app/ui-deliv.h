/* Pages of the portfolio, assessment cycles and the SoA (issue 14). */
#ifndef RP_UI_DELIV_H
#define RP_UI_DELIV_H
struct rp_req;
int rp_ui_portfolio(struct rp_req *);
int rp_ui_portfolio_csv(struct rp_req *);
int rp_ui_portfolio_xlsx(struct rp_req *);
int rp_ui_cycles(struct rp_req *);
int rp_ui_cycles_start(struct rp_req *);
int rp_ui_cycle(struct rp_req *);
int rp_ui_cycles_compare(struct rp_req *);
int rp_ui_soa(struct rp_req *);
int rp_ui_soa_csv(struct rp_req *);
int rp_ui_soa_xlsx(struct rp_req *);
int rp_ui_soa_pdf(struct rp_req *);
#endif
