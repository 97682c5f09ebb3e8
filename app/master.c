/* The master: opens the socket, forks workers, reaps, respawns, rolls, drains. */
#include <errno.h>
#include <malloc.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <mysql.h>

#include "config.h"
#include "log.h"
#include "master.h"
#include "password.h"
#include "tmpl.h"
#include "util.h"
#include "worker.h"

#define MAX_SLOTS	512	/* two generations of up to 256 during a roll */
#define MAX_BACKOFF	32

enum state { FREE, RUNNING, WAITING };

struct worker {
	enum state	 state;
	pid_t		 pid;
	int		 gen;
	bool		 retiring;	/* asked to finish and exit */
	long long	 born_ms;
	long		 next_spawn;	/* WAITING: when to fork */
	int		 backoff;	/* seconds, after quick deaths */
};

static struct rp_config *cfg;
static struct worker workers[MAX_SLOTS];
static struct rp_slot *slots;		/* shared with the workers */
static int listen_fd = -1;
static bool own_socket;			/* we created it (not systemd) */
static int generation;

/* systemd socket activation (sd_listen_fds without libsystemd). */
static int
inherited_socket(void)
{
	const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
	long long p, n;

	if (pid == NULL || fds == NULL || rp_strtonum(pid, 1, 1 << 30, &p) != 0 ||
	    p != getpid() || rp_strtonum(fds, 1, 64, &n) != 0)
		return -1;
	unsetenv("LISTEN_PID");
	unsetenv("LISTEN_FDS");
	unsetenv("LISTEN_FDNAMES");
	if (n != 1)
		rp_warn("systemd passed %lld sockets; using the first", n);
	fcntl(3, F_SETFD, FD_CLOEXEC);
	return 3;
}

/* Refuse to steal the socket of a running instance; remove a stale one. */
static int
clear_stale_socket(const char *path)
{
	struct sockaddr_un sun;
	struct stat st;
	int fd;

	if (lstat(path, &st) != 0)
		return 0;
	if (!S_ISSOCK(st.st_mode)) {
		rp_err("%s exists and is not a socket", path);
		return -1;
	}
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) >= 0) {
		int rc = connect(fd, (struct sockaddr *)&sun, sizeof(sun));
		close(fd);
		if (rc == 0) {
			rp_err("another server is listening on %s", path);
			return -1;
		}
	}
	return unlink(path);
}

/* Workers wait for connections with poll() and then accept: several may
 * wake for one connection, so accept must not block the losers. */
static int
set_nonblocking(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) {
		rp_err("cannot make the socket non-blocking: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int
open_socket(void)
{
	if ((listen_fd = inherited_socket()) >= 0) {
		rp_info("using the socket passed by systemd");
		return set_nonblocking(listen_fd);
	}
	if (clear_stale_socket(cfg->fcgi_socket) != 0)
		return -1;
	if ((listen_fd = FCGX_OpenSocket(cfg->fcgi_socket,
	    (int)cfg->fcgi_backlog)) < 0) {
		rp_err("cannot listen on %s: %s", cfg->fcgi_socket, strerror(errno));
		return -1;
	}
	own_socket = true;
	/* libfcgi select()s on its descriptors: keep them small. */
	if (listen_fd >= 1024) {
		rp_err("listening descriptor %d is too high for libfcgi", listen_fd);
		return -1;
	}
	if (chmod(cfg->fcgi_socket, (mode_t)cfg->fcgi_socket_mode) != 0) {
		rp_err("chmod %s: %s", cfg->fcgi_socket, strerror(errno));
		return -1;
	}
	if (cfg->fcgi_socket_group[0] != '\0') {
		struct group *gr = getgrnam(cfg->fcgi_socket_group);

		if (gr == NULL || chown(cfg->fcgi_socket, (uid_t)-1, gr->gr_gid)) {
			rp_err("cannot give %s to group %s", cfg->fcgi_socket,
			    cfg->fcgi_socket_group);
			return -1;
		}
	}
	rp_info("listening on %s", cfg->fcgi_socket);
	return set_nonblocking(listen_fd);
}

static void
spawn(int i)
{
	struct worker *w = &workers[i];
	pid_t pid, master = getpid();

	slots[i].busy_since = 0;
	slots[i].served = 0;
	if ((pid = fork()) < 0) {
		rp_err("fork: %s", strerror(errno));
		w->state = WAITING;
		w->next_spawn = rp_now() + 1;
		return;
	}
	if (pid == 0)
		rp_worker_main(listen_fd, cfg, &slots[i], master);
	w->state = RUNNING;
	w->pid = pid;
	w->born_ms = rp_now_ms();
	w->retiring = false;
}

/* Ask for `n` workers of the current generation. */
static void
plan_generation(int n)
{
	long now = rp_now();

	for (int i = 0; i < MAX_SLOTS && n > 0; i++) {
		if (workers[i].state != FREE)
			continue;
		workers[i] = (struct worker){ .state = WAITING, .gen = generation,
		    .next_spawn = now };
		n--;
	}
	if (n > 0)
		rp_err("no free worker slot for %d workers", n);
}

static void
signal_workers(int sig, bool only_retiring)
{
	for (int i = 0; i < MAX_SLOTS; i++)
		if (workers[i].state == RUNNING &&
		    (!only_retiring || workers[i].retiring))
			kill(workers[i].pid, sig);
}

static void
describe_exit(int status, char *buf, size_t len)
{
	if (WIFEXITED(status))
		snprintf(buf, len, "exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, len, "killed by signal %d (%s)", WTERMSIG(status),
		    strsignal(WTERMSIG(status)));
	else
		snprintf(buf, len, "ended (status 0x%x)", status);
}

static void
reap(bool draining)
{
	char why[128];
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		int i;

		for (i = 0; i < MAX_SLOTS; i++)
			if (workers[i].state == RUNNING && workers[i].pid == pid)
				break;
		if (i == MAX_SLOTS)
			continue;
		struct worker *w = &workers[i];
		long now = rp_now();
		long long lived_ms = rp_now_ms() - w->born_ms;

		describe_exit(status, why, sizeof(why));
		if (w->retiring || draining || w->gen != generation) {
			rp_info("worker %ld %s after finishing its work", (long)pid, why);
			w->state = FREE;
			continue;
		}
		bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
		    slots[i].served > 0;
		if (clean)
			rp_info("worker %ld recycled (%s)", (long)pid, why);
		else
			rp_warn("worker %ld %s after %lld ms; respawning", (long)pid,
			    why, lived_ms);
		/* A worker dying right after birth without serving anything
		 * (bad user, broken socket...) would fork-loop: back off. */
		if (lived_ms < 1000 && slots[i].served == 0) {
			w->backoff = w->backoff ? w->backoff * 2 : 1;
			if (w->backoff > MAX_BACKOFF)
				w->backoff = MAX_BACKOFF;
			rp_warn("worker died within a second of birth; next try "
			    "in %ds", w->backoff);
		} else {
			w->backoff = 0;
		}
		w->state = WAITING;
		w->next_spawn = now + w->backoff;
	}
}

/* Replace any worker whose request has run past the timeout. */
static void
enforce_timeouts(void)
{
	long now = rp_now();

	for (int i = 0; i < MAX_SLOTS; i++) {
		long since = slots[i].busy_since;

		if (workers[i].state == RUNNING && since > 0 &&
		    now - since > cfg->fcgi_request_timeout) {
			rp_warn("worker %ld: request running for %lds, past "
			    "fcgi.request_timeout; replacing it",
			    (long)workers[i].pid, now - since);
			kill(workers[i].pid, SIGKILL);
			slots[i].busy_since = 0;
		}
	}
}

static void
spawn_due(void)
{
	long now = rp_now();

	for (int i = 0; i < MAX_SLOTS; i++)
		if (workers[i].state == WAITING && workers[i].next_spawn <= now)
			spawn(i);
}

/* SIGHUP: re-read the config and templates; on success start a new
 * generation, then let the old one finish its requests and exit. The
 * socket stays open throughout, so no connection is refused. */
static void
reload(void)
{
	struct rp_config *next;
	char err[1024];

	if ((next = rp_config_load(cfg->path, err, sizeof(err))) == NULL) {
		rp_err("reload refused, keeping the running config: %s", err);
		return;
	}
	if (rp_tmpl_load(next->paths_www, err, sizeof(err)) != 0) {
		rp_err("reload refused, keeping the running config: %s", err);
		rp_config_free(next);
		return;
	}
	if (rp_password_setup(next) != 0) {
		rp_err("reload refused, keeping the running config: cannot read %s",
		    next->auth_common_passwords);
		rp_password_setup(cfg);
		rp_config_free(next);
		return;
	}
	if (strcmp(next->fcgi_socket, cfg->fcgi_socket) != 0)
		rp_warn("fcgi.socket changed: takes effect at the next restart");
	rp_config_free(cfg);
	cfg = next;
	/* The previous templates and password list are free now: give their
	 * pages back, or every new worker would inherit them as resident
	 * memory (copy-on-write), a little more after each reload. */
	malloc_trim(0);
	rp_log_set_level(rp_log_parse_level(cfg->log_level));
	for (int i = 0; i < MAX_SLOTS; i++) {
		if (workers[i].state == RUNNING)
			workers[i].retiring = true;
		else if (workers[i].state == WAITING)
			workers[i].state = FREE;
	}
	generation++;
	plan_generation(rp_config_workers(cfg));
	spawn_due();
	signal_workers(SIGUSR1, true);
	rp_info("reloaded %s: generation %d, %d workers", cfg->path, generation,
	    rp_config_workers(cfg));
}

static int
running(void)
{
	int n = 0;

	for (int i = 0; i < MAX_SLOTS; i++)
		n += workers[i].state == RUNNING;
	return n;
}

static void
write_pid_file(void)
{
	FILE *fp;

	if (cfg->fcgi_pid_file[0] == '\0')
		return;
	if ((fp = fopen(cfg->fcgi_pid_file, "w")) == NULL) {
		rp_warn("cannot write %s: %s", cfg->fcgi_pid_file, strerror(errno));
		return;
	}
	fprintf(fp, "%ld\n", (long)getpid());
	fclose(fp);
}

int
rp_master_run(struct rp_config *c)
{
	struct timespec tick = { 1, 0 };
	siginfo_t info;
	sigset_t set;
	long drain_deadline = 0;
	bool draining = false;

	cfg = c;
	FCGX_Init();
	if (open_socket() != 0)
		return 1;
	slots = mmap(NULL, sizeof(*slots) * MAX_SLOTS, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (slots == MAP_FAILED) {
		rp_err("mmap: %s", strerror(errno));
		return 1;
	}
	/* Signals are taken synchronously, one at a time, in the loop below. */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGQUIT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	write_pid_file();
	/* The client library (and the TLS library it starts) once, here:
	 * every worker inherits it instead of running that start-up itself,
	 * which would make each of them touch megabytes of library pages. */
	if (mysql_library_init(0, NULL, NULL) != 0) {
		rp_err("mysql_library_init failed");
		return 1;
	}
	plan_generation(rp_config_workers(cfg));
	spawn_due();
	rp_info("master %ld started %d workers", (long)getpid(),
	    rp_config_workers(cfg));

	for (;;) {
		int sig = sigtimedwait(&set, &info, &tick);

		if (sig == SIGCHLD)
			reap(draining);
		else if (sig == SIGHUP && !draining)
			reload();
		else if ((sig == SIGTERM || sig == SIGINT || sig == SIGQUIT) &&
		    !draining) {
			rp_info("stopping: finishing in-flight requests");
			draining = true;
			drain_deadline = rp_now() + cfg->fcgi_request_timeout + 2;
			for (int i = 0; i < MAX_SLOTS; i++)
				if (workers[i].state == WAITING)
					workers[i].state = FREE;
			/* Stop accepting: the socket goes away now. */
			if (own_socket)
				unlink(cfg->fcgi_socket);
			close(listen_fd);
			signal_workers(SIGUSR1, false);
		}
		reap(draining);
		if (draining) {
			if (running() == 0)
				break;
			if (rp_now() > drain_deadline) {
				rp_warn("drain deadline passed; killing workers");
				signal_workers(SIGKILL, false);
			} else {
				/* Repeat: a worker may have been between its
				 * check and accept() when the first one came. */
				signal_workers(SIGUSR1, false);
			}
			continue;
		}
		enforce_timeouts();
		signal_workers(SIGUSR1, true);
		spawn_due();
	}
	if (cfg->fcgi_pid_file[0] != '\0')
		unlink(cfg->fcgi_pid_file);
	rp_info("stopped");
	rp_tmpl_unload();
	rp_config_free(cfg);
	munmap(slots, sizeof(*slots) * MAX_SLOTS);
	return 0;
}
