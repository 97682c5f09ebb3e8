/* The one place that writes a response: headers, body, errors, redirects. */
#ifndef RP_RESPONSE_H
#define RP_RESPONSE_H

struct rp_req;
struct json_object;

/* Where responses go: the FastCGI stream in a worker, a buffer in tests. */
typedef int (*rp_write_fn)(void *ctx, const char *, int);
void rp_resp_set_writer(rp_write_fn, void *ctx);

/* Add a response header (name and value must be fixed or validated text:
 * CR and LF are refused). Returns 0 or -1. */
int rp_resp_header(struct rp_req *, const char *name, const char *value);

/* Body helpers: set the content type and the body. */
void rp_resp_text(struct rp_req *, int status, const char *text);
/* Serialise obj (reference is consumed) as the JSON body. */
void rp_resp_json(struct rp_req *, int status, struct json_object *obj);
/* A JSON body written with rp_jw (app/jsonw.h): begin sets the status and
 * type and points w at the empty body; end closes the answer. */
struct rp_jw;
void rp_resp_json_begin(struct rp_req *, int status, struct rp_jw *w);
void rp_resp_json_end(struct rp_req *);

/* Redirect (303) to an in-app path; anything not starting with a single '/'
 * becomes "/" so that no input can send the user elsewhere. */
void rp_redirect(struct rp_req *, const char *path);

/* Send headers and body once. If an error was recorded with rp_fail(), the
 * error page (HTML) or error object (JSON) is sent instead. */
void rp_resp_send(struct rp_req *);

/* Reason phrase of a status code. */
const char *rp_status_text(int status);

#endif
