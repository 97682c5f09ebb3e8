/* The mission report as a PDF or Word document (issue 14): the worker
 * gathers the Pilot's figures of a client in the caller's language, hands
 * them as JSON to rempart-render and answers what it writes. At most
 * report.max_concurrent reports are built at once across every worker of
 * the master (one lock file per slot); beyond, 503 with Retry-After. The
 * Statement of Applicability's PDF is built the same way. */
#ifndef RP_REPORT_H
#define RP_REPORT_H

struct json_object;
struct rp_client;
struct rp_req;

/* The report's data of client c (its vCISO), labels included; a new
 * object owned by the caller, or NULL after rp_fail. */
struct json_object *rp_report_data(struct rp_req *, const struct rp_client *c);

/* Build the report of c as `format` ("pdf" or "docx") and make it the
 * response (Content-Type, Content-Disposition attachment). Returns 0 or -1
 * after rp_fail (503 when every slot stays busy). */
int rp_report_send(struct rp_req *, const struct rp_client *c, const char *format);

/* The Statement of Applicability of framework fw of c (as rp_soa: 404 when
 * not adopted) as a PDF, built the same way under the same cap, made the
 * response. Returns 0 or -1 after rp_fail. */
int rp_report_soa_send(struct rp_req *, const struct rp_client *c, long long fw);

#endif
