/* API routes of the action plan (SPEC §4): a client's actions and each
 * action, for the client's declared vCISOs. */
#ifndef RP_API_ACTIONS_H
#define RP_API_ACTIONS_H
struct rp_req;
int rp_api_client_actions(struct rp_req *);
int rp_api_client_action_create(struct rp_req *);
/* GET /api/v1/clients/{id}/actions.csv and .xlsx: the filtered plan. */
int rp_api_client_actions_csv(struct rp_req *);
int rp_api_client_actions_xlsx(struct rp_req *);
int rp_api_action_get(struct rp_req *);
int rp_api_action_patch(struct rp_req *);
int rp_api_action_delete(struct rp_req *);
#endif
