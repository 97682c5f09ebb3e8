/* One HTTP request as the app sees it: parsed input and the response state. */
#ifndef RP_REQUEST_H
#define RP_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

struct json_object;
struct _hdf;
struct rp_arena;
struct rp_route;

/* Hard limits of the request parser (beyond the configurable body cap). */
#define RP_MAX_PATH		2048
#define RP_MAX_PARAMS		256
#define RP_MAX_KEY		128
#define RP_MAX_COOKIE_HEADER	4096
#define RP_MAX_COOKIES		50
#define RP_MAX_JSON_DEPTH	16
#define RP_MAX_ROUTE_ARGS	4
#define RP_MAX_TOKEN		128

enum rp_method { RP_GET, RP_HEAD, RP_POST, RP_PUT, RP_PATCH, RP_DELETE,
	RP_OPTIONS, RP_METHOD_OTHER };

enum rp_lang { RP_LANG_FR, RP_LANG_EN, RP_LANG__COUNT };

struct rp_kv {
	const char	*key;
	const char	*val;
	size_t		 len;
};

struct rp_params {
	struct rp_kv	*v;
	size_t		 n;
};

struct rp_header {
	const char	*name;
	const char	*value;
};

#define RP_MAX_HEADERS	8

struct rp_resp {
	int			 status;
	const char		*ctype;
	struct rp_buf		 body;
	struct rp_header	 hdr[RP_MAX_HEADERS];
	size_t			 nhdr;
	bool			 sent;
	/* The one error of this request, set by rp_fail(). */
	const char		*err_code;
	const char		*err_field;
	const char		*err_msg;
};

/* The authenticated user; NULL in a request without a session. */
struct rp_user {
	long long	 id;
	long long	 firm_id;		/* 0 for support users */
	int		 role;
	unsigned	 features;		/* effective (admins: all) */
	unsigned	 profile_fields;	/* effective */
	const char	*csrf_token;
	long long	 session_id;
	const char	*email;
	const char	*first_name;
	const char	*last_name;
	const char	*firm_name;		/* NULL for support users */
	long long	 firm_clients;		/* the firm's clients, read with the session */
	bool		 mfa_enabled;
	bool		 mfa_enrollment_required;
};

struct rp_req {
	struct rp_arena		*arena;
	char			**envp;
	enum rp_method		 method;
	const char		*method_name;
	const char		*path;		/* percent-decoded */
	bool			 api;		/* under /api/: JSON errors */
	struct rp_params	 query;
	struct rp_params	 cookies;
	struct rp_params	 form;
	struct json_object	*json;		/* object body, or NULL */
	const char		*csv;		/* a text/csv body, or NULL */
	size_t			 csv_len;
	bool			 upload;	/* the route takes a file (RP_R_UPLOAD) */
	const char		*image;		/* an image/... body (a logo), or NULL */
	size_t			 image_len;
	const char		*zip;		/* an application/zip body, or NULL */
	size_t			 zip_len;
	const char		*content_type;
	long long		 content_length;
	const char		*remote_addr;
	const char		*request_id;
	enum rp_lang		 lang;
	bool			 lang_chosen;	/* by ?lang=: remember it */
	const struct rp_route	*route;
	long long		 args[RP_MAX_ROUTE_ARGS];	/* {id} values */
	const char		*token;		/* the {token} segment, or "" */
	struct rp_user		*user;
	struct _hdf		*hdf;		/* template data, lazily made */
	struct rp_resp		 resp;
};

/* Start a request over FastCGI-style environment strings (copied into the
 * arena). Parses method, path, query, cookies and language. Returns 0, or
 * -1 with the error recorded by rp_fail(). */
int rp_req_init(struct rp_req *, struct rp_arena *, char **envp,
    const char *default_lang);

/* Validate CONTENT_LENGTH against `cap` before anything is allocated.
 * Returns 0 (and sets req->content_length) or -1 after rp_fail (413/400). */
int rp_req_check_length(struct rp_req *, long long cap);

/* Parse a body already read into memory according to its content type
 * (urlencoded form or JSON object). Returns 0 or -1 after rp_fail. */
int rp_req_parse_body(struct rp_req *, const char *body, size_t len);

/* Parsers, exported for unit tests. Return 0, or -1 with *bad set to the
 * offending key (or a fixed name) for the error message. */
int rp_parse_urlencoded(struct rp_arena *, const char *s, size_t n,
    struct rp_params *out, const char **bad);
int rp_parse_cookies(struct rp_arena *, const char *s, struct rp_params *out,
    const char **bad);

/* "fr" or "en". */
const char *rp_lang_code(enum rp_lang);

/* Look-ups; NULL when absent. */
const char *rp_param(const struct rp_params *, const char *key);
const char *rp_query(const struct rp_req *, const char *key);
const char *rp_cookie(const struct rp_req *, const char *key);
const char *rp_env(const struct rp_req *, const char *name);
/* This site's origin as the browser addresses it ("https://host[:port]"),
 * from HTTPS, HTTP_HOST and SERVER_PORT, in the arena; NULL when the host
 * is not a plain name or address. */
const char *rp_req_origin(const struct rp_req *);

/* Record the request's error (first one wins) and return -1, so handlers
 * write `return rp_fail(req, 400, "invalid", "name", "...")`. The message is
 * fixed text meant for the client: never put request data in it. */
int rp_fail(struct rp_req *, int status, const char *code, const char *field,
    const char *msg);

#endif
