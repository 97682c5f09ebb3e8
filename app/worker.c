/* A worker process: privilege drop, then one FastCGI request at a time. */
#include <errno.h>
#include <grp.h>
#include <malloc.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <json.h>
#include <mysql.h>
#include <ClearSilver.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "mfa.h"
#include "router.h"
#include "session.h"
#include "tmpl.h"
#include "worker.h"

/* Bytes past the arena's first block after which a worker trims its heap. */
#define TRIM_AFTER	(512 * 1024)

static volatile sig_atomic_t stopping;

long
rp_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec;
}

long long
rp_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static int
fcgx_write(void *ctx, const char *s, int n)
{
	return FCGX_PutStr(s, n, ctx) == n ? 0 : -1;
}

/* Drop to the configured user when started as root; refuse to serve as root
 * with a user configured but missing. */
static void
drop_privileges(const struct rp_config *cfg)
{
	struct passwd *pw;

	if (geteuid() != 0)
		return;
	if (cfg->fcgi_user[0] == '\0') {
		rp_warn("workers run as root: set fcgi.user");
		return;
	}
	if ((pw = getpwnam(cfg->fcgi_user)) == NULL) {
		rp_err("fcgi.user '%s' does not exist", cfg->fcgi_user);
		exit(3);
	}
	if (setgroups(0, NULL) != 0 || initgroups(pw->pw_name, pw->pw_gid) != 0 ||
	    setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0) {
		rp_err("cannot drop privileges to %s: %s", cfg->fcgi_user,
		    strerror(errno));
		exit(3);
	}
	if (setuid(0) == 0) {
		rp_err("privileges were not dropped");
		exit(3);
	}
}

static int
read_body(struct rp_req *req, FCGX_Stream *in, const char **body, size_t *len)
{
	size_t want = (size_t)req->content_length, got = 0;
	char *buf;

	*body = "";
	*len = 0;
	if (want == 0)
		return 0;
	buf = rp_alloc(req->arena, want + 1);
	while (got < want) {
		int n = FCGX_GetStr(buf + got, (int)(want - got), in);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got != want)
		return rp_fail(req, 400, "bad_request", "body",
		    "The request body is shorter than announced.");
	buf[got] = '\0';
	*body = buf;
	*len = got;
	return 0;
}

static void
handle(FCGX_Request *fr, struct rp_arena *arena, const struct rp_config *cfg)
{
	struct rp_req req;
	const char *body;
	size_t len;

	rp_resp_set_writer(fcgx_write, fr->out);
	/* Each stage records its own error; the first one is answered. */
	bool started = rp_req_init(&req, arena, fr->envp, cfg->i18n_default_lang) == 0;
	if (started)
		req.upload = rp_route_takes_upload(&req, rp_routes, rp_nroutes);
	if (started && rp_req_check_length(&req, req.upload ? cfg->http_max_upload :
	    cfg->http_max_body) == 0 &&
	    read_body(&req, fr->in, &body, &len) == 0 &&
	    rp_req_parse_body(&req, body, len) == 0)
		rp_dispatch(&req, rp_routes, rp_nroutes);
	rp_log_set_request(req.request_id);
	if (rp_db_in_transaction()) {
		rp_err("handler left a transaction open; rolled back");
		rp_db_rollback();
	}
	rp_resp_send(&req);
	if (req.json)
		json_object_put(req.json);
	if (req.hdf)
		hdf_destroy(&req.hdf);
	rp_log_set_request(NULL);
}

void
rp_worker_main(int listen_fd, struct rp_config *cfg, struct rp_slot *slot,
    pid_t master)
{
	struct sigaction sa;
	struct rp_arena *arena;
	FCGX_Request fr;
	sigset_t none, stopset;
	unsigned long served = 0;
	int status = 0;

	/* SIGUSR1 (roll, drain) and SIGTERM end the loop after the current
	 * request. No SA_RESTART: a blocked accept() returns at once. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);	/* Ctrl-C is the master's to handle */
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	/* The stop signals stay blocked but inside ppoll() below, so that they
	 * never interrupt a request's reads (records, body, database). */
	sigemptyset(&none);
	sigemptyset(&stopset);
	sigaddset(&stopset, SIGUSR1);
	sigaddset(&stopset, SIGTERM);
	sigprocmask(SIG_SETMASK, &stopset, NULL);
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != master)
		exit(0);
	drop_privileges(cfg);

	rp_worker_config = cfg;
	rp_db_setup(cfg);
	rp_session_setup(cfg);
	rp_mfa_setup(cfg);
	rp_db_connect();		/* a database down now is answered 503 later */
	arena = rp_arena_new(256 * 1024);
	FCGX_InitRequest(&fr, listen_fd, 0);
	for (;;) {
		struct pollfd pfd = { .fd = listen_fd, .events = POLLIN };

		/* The stop signals are let in only inside ppoll(), atomically:
		 * never while libfcgi reads a request's records (an interrupted
		 * read there would drop the request), and none can slip in
		 * between the check and the wait. */
		if (stopping)
			break;
		if (ppoll(&pfd, 1, NULL, &none) < 0) {
			if (errno == EINTR)
				continue;
			rp_err("poll failed: %s", strerror(errno));
			status = 4;
			break;
		}
		/* The socket is non-blocking: when another worker won the
		 * connection, accept answers EAGAIN and we wait again. */
		int rc = FCGX_Accept_r(&fr);
		if (rc < 0) {
			if (rc == -EAGAIN || rc == -EWOULDBLOCK || rc == -EINTR)
				continue;
			rp_err("accept failed: %s", strerror(-rc));
			status = 4;
			break;
		}
		slot->busy_since = rp_now();
		handle(&fr, arena, cfg);
		FCGX_Finish_r(&fr);
		/* A request that outgrew the arena by far (a sign-in listing
		 * 20,000 clients, a large export) also churned the heap: give
		 * its freed pages back, or the worker keeps them resident for
		 * good (2 MiB after such a sign-in). Pages that outgrow it a
		 * little, every time (the compliance page), are left alone. */
		if (rp_arena_reset(arena) >= TRIM_AFTER)
			malloc_trim(0);
		slot->busy_since = 0;
		slot->served = ++served;
		if (cfg->fcgi_max_requests > 0 &&
		    served >= (unsigned long)cfg->fcgi_max_requests)
			break;
	}
	FCGX_Free(&fr, 1);
	rp_arena_free(arena);
	rp_db_close();
	mysql_library_end();
	rp_tmpl_unload();
	rp_config_free(cfg);
	exit(status);
}
