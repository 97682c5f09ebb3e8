/* Helper programs run from a worker (spawn.h): posix_spawn with three pipes,
 * one poll loop that feeds stdin while draining stdout and stderr (a large
 * input and a large output cannot deadlock), a deadline, SIGKILL past it. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "subproc.h"
#include "util.h"

extern char **environ;

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
close_pair(int p[2])
{
	for (int i = 0; i < 2; i++)
		if (p[i] >= 0)
			close(p[i]);
}

int
rp_subproc_run(const char *path, const char *arg, const void *in, size_t inlen,
    struct rp_buf *out, size_t max_out, int timeout_ms, char *err, size_t errlen)
{
	int pin[2] = { -1, -1 }, pout[2] = { -1, -1 }, perr[2] = { -1, -1 };
	posix_spawn_file_actions_t fa;
	char *argv[3];
	char errbuf[512];
	size_t errn = 0, sent = 0;
	pid_t pid;
	int status, rc = RP_SUBPROC_FAILED;
	long long deadline = now_ms() + timeout_ms;

	if (errlen > 0)
		err[0] = '\0';
	/* posix_spawn's argv is not const: copies of our strings. */
	char pbuf[4096], abuf[64];
	snprintf(pbuf, sizeof(pbuf), "%s", path);
	snprintf(abuf, sizeof(abuf), "%s", arg);
	argv[0] = pbuf, argv[1] = abuf, argv[2] = NULL;
	if (pipe2(pin, O_CLOEXEC) != 0 || pipe2(pout, O_CLOEXEC) != 0 ||
	    pipe2(perr, O_CLOEXEC) != 0) {
		close_pair(pin), close_pair(pout), close_pair(perr);
		return RP_SUBPROC_FAILED;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pin[0], 0);
	posix_spawn_file_actions_adddup2(&fa, pout[1], 1);
	posix_spawn_file_actions_adddup2(&fa, perr[1], 2);
	/* Nothing of the worker's (FastCGI and database sockets, lock
	 * files) crosses over. */
	posix_spawn_file_actions_addclosefrom_np(&fa, 3);
	int e = posix_spawn(&pid, path, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(pin[0]), close(pout[1]), close(perr[1]);
	if (e != 0) {
		close(pin[1]), close(pout[0]), close(perr[0]);
		snprintf(err, errlen, "cannot run %s: %s", path, strerror(e));
		return RP_SUBPROC_FAILED;
	}
	fcntl(pin[1], F_SETFL, O_NONBLOCK);
	int fin = pin[1], fout = pout[0], ferr = perr[0];
	if (inlen == 0) {
		close(fin);
		fin = -1;
	}
	while (fout >= 0 || ferr >= 0) {
		struct pollfd pfd[3] = {
			{ .fd = fout, .events = POLLIN }, { .fd = ferr, .events = POLLIN },
			{ .fd = fin, .events = POLLOUT },
		};
		long long left = deadline - now_ms();
		if (left <= 0) {
			rc = RP_SUBPROC_TIMEOUT;
			break;
		}
		if (poll(pfd, 3, (int)left) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (fin >= 0 && (pfd[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = write(fin, (const char *)in + sent, inlen - sent);
			if (w > 0)
				sent += (size_t)w;
			/* The child closing its input early is its business:
			 * its status tells. */
			if ((w < 0 && errno != EAGAIN && errno != EINTR) || sent == inlen) {
				close(fin);
				fin = -1;
			}
		}
		if (fout >= 0 && (pfd[0].revents & (POLLIN | POLLERR | POLLHUP))) {
			char chunk[65536];
			ssize_t r = read(fout, chunk, sizeof(chunk));
			if (r > 0) {
				if (out->len + (size_t)r > max_out) {
					rc = RP_SUBPROC_TOO_BIG;
					break;
				}
				rp_buf_add(out, chunk, (size_t)r);
			} else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
				close(fout);
				fout = -1;
			}
		}
		if (ferr >= 0 && (pfd[1].revents & (POLLIN | POLLERR | POLLHUP))) {
			char chunk[1024];
			ssize_t r = read(ferr, chunk, sizeof(chunk));
			if (r > 0) {
				size_t k = (size_t)r < sizeof(errbuf) - 1 - errn ?
				    (size_t)r : sizeof(errbuf) - 1 - errn;
				memcpy(errbuf + errn, chunk, k);
				errn += k;
			} else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
				close(ferr);
				ferr = -1;
			}
		}
	}
	bool unfinished = fout >= 0 || ferr >= 0;
	if (fin >= 0)
		close(fin);
	if (fout >= 0)
		close(fout);
	if (ferr >= 0)
		close(ferr);
	if (unfinished)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	errbuf[errn] = '\0';
	errbuf[strcspn(errbuf, "\n")] = '\0';
	if (errlen > 0 && errbuf[0] != '\0')
		snprintf(err, errlen, "%s", errbuf);
	if (unfinished)
		return rc;
	if (WIFSIGNALED(status))
		return RP_SUBPROC_SIGNAL;
	return WEXITSTATUS(status);
}
