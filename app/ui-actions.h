/* Action plan pages: a client's actions, one action's form, the CSV
 * export, and the figures the Pilot page shows. */
#ifndef RP_UI_ACTIONS_H
#define RP_UI_ACTIONS_H
struct rp_req;
struct rp_client;
int rp_ui_client_actions(struct rp_req *);
int rp_ui_client_actions_csv(struct rp_req *);
int rp_ui_client_actions_xlsx(struct rp_req *);
int rp_ui_client_action_new(struct rp_req *);
int rp_ui_client_action_create(struct rp_req *);
int rp_ui_action(struct rp_req *);
int rp_ui_action_update(struct rp_req *);
int rp_ui_action_delete(struct rp_req *);
/* Publish Figures.* (open, done, overdue, done_pct) of client c's action
 * plan. Returns 0 or -1 after rp_fail. */
int rp_ui_actions_figures(struct rp_req *, const struct rp_client *);
/* The same from counts already read (the Pilot's figures). */
void rp_ui_actions_figures_set(struct rp_req *, long long open, long long done,
    long long overdue);
#endif
