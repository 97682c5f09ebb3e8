/* Running a helper program (rempart-render) from a worker: its input on a
 * pipe, its output read back, a time limit, and its end always reaped. */
#ifndef RP_SUBPROC_H
#define RP_SUBPROC_H

#include <stddef.h>

struct rp_buf;

enum {
	RP_SUBPROC_FAILED	= -1,	/* could not start it, or a pipe failed */
	RP_SUBPROC_TIMEOUT = -2,	/* killed after timeout_ms */
	RP_SUBPROC_TOO_BIG = -3,	/* killed: its output passed max_out */
	RP_SUBPROC_SIGNAL	= -4,	/* ended by a signal */
};

/* Run `path arg` with in[0..inlen) on its standard input; its standard
 * output is appended to out (at most max_out bytes), the first line of its
 * standard error copied to err. The child inherits no descriptor of the
 * worker but the three pipes. Returns its exit status (0..255) or one of
 * RP_SUBPROC_*. */
int rp_subproc_run(const char *path, const char *arg, const void *in, size_t inlen,
    struct rp_buf *out, size_t max_out, int timeout_ms, char *err, size_t errlen);

#endif
