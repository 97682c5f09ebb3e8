/* Helper programs run from a worker (app/subproc.c): input and output
 * larger than a pipe's buffer without deadlock, the exit status, the first
 * line of standard error, the deadline (killed, reaped) and the output
 * cap. */
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "subproc.h"
#include "tap.h"
#include "util.h"

static long long
ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
main(void)
{
	struct rp_arena *a = rp_arena_new(0);
	struct rp_buf out;
	char err[128];
	size_t n = 3u << 20;	/* well past a pipe's 64 KiB */
	char *in = rp_alloc(a, n);
	int rc;

	for (size_t i = 0; i < n; i++)
		in[i] = (char)('a' + i % 26);
	rp_buf_init(&out, a);
	rc = rp_subproc_run("/bin/cat", "-", in, n, &out, 8u << 20, 10000, err, sizeof(err));
	is_int(rc, 0, "cat: exit status 0");
	ok(out.len == n && memcmp(out.data, in, n) == 0, "3 MiB in, the same 3 MiB out");

	rp_buf_init(&out, a);
	rc = rp_subproc_run("/bin/sh", "-c", NULL, 0, &out, 1024, 10000, err, sizeof(err));
	ok(rc != 0, "a failing command: its status (%d)", rc);
	rp_buf_init(&out, a);
	rc = rp_subproc_run("/bin/false", "x", NULL, 0, &out, 1024, 10000, err, sizeof(err));
	is_int(rc, 1, "false: exit status 1");
	rp_buf_init(&out, a);
	rc = rp_subproc_run("/bin/ls", "/nonexistent-rempart", NULL, 0, &out, 1024, 10000, err,
	    sizeof(err));
	ok(rc > 0 && strstr(err, "nonexistent-rempart") != NULL, "stderr's first line kept: %s", err);
	rc = rp_subproc_run("/nonexistent/program", "x", NULL, 0, &out, 1024, 1000, err, sizeof(err));
	ok(rc != 0, "a missing program: not 0 (%d)", rc);

	long long t0 = ms();
	rp_buf_init(&out, a);
	rc = rp_subproc_run("/bin/sleep", "30", NULL, 0, &out, 1024, 300, err, sizeof(err));
	is_int(rc, RP_SUBPROC_TIMEOUT, "sleep 30 with 300 ms: timeout");
	ok(ms() - t0 < 3000, "killed at the deadline (%lld ms)", ms() - t0);

	rp_buf_init(&out, a);
	rc = rp_subproc_run("/bin/cat", "-", in, n, &out, 1u << 20, 10000, err, sizeof(err));
	is_int(rc, RP_SUBPROC_TOO_BIG, "output past the cap: killed");
	ok(out.len <= 1u << 20, "nothing kept past the cap");

	/* The child inherits no descriptor but 0, 1 and 2. */
	int fd = dup(0);
	rp_buf_init(&out, a);
	rc = rp_subproc_run("/bin/ls", "/proc/self/fd", NULL, 0, &out, 4096, 10000, err, sizeof(err));
	is_int(rc, 0, "ls /proc/self/fd");
	/* ls's own directory descriptor shows too: 0, 1, 2 and that one. */
	int count = 0;
	for (const char *p = rp_buf_str(&out); *p; p++)
		count += *p == '\n';
	ok(count <= 4, "only the three pipes crossed over (%d entries)", count);
	close(fd);
	rp_arena_free(a);
	return done_testing();
}
