/* Minimal TAP producer for the C unit tests (read by automake's tap-driver). */
#ifndef RP_TAP_H
#define RP_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static void __attribute__((format(printf, 2, 3)))
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond)
		tap_failed++;
	fflush(stdout);
}

#define is_str(got, want, name) do { \
	const char *g_ = (got), *w_ = (want); \
	int c_ = (g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0); \
	ok(c_, "%s", name); \
	if (!c_) printf("#   got: '%s'\n#  want: '%s'\n", g_ ? g_ : "(null)", \
	    w_ ? w_ : "(null)"); \
} while (0)

#define is_int(got, want, name) do { \
	long long g_ = (got), w_ = (want); \
	ok(g_ == w_, "%s", name); \
	if (g_ != w_) printf("#   got: %lld\n#  want: %lld\n", g_, w_); \
} while (0)

static int
done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
