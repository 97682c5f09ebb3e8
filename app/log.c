/* Logging to standard error: one line per event, never request data verbatim. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static enum rp_log_level threshold = RP_LOG_INFO;
static char request_id[40];
static const char *const level_names[] = { "error", "warn", "info", "debug" };

void
rp_log_set_level(enum rp_log_level level)
{
	threshold = level;
}

int
rp_log_parse_level(const char *s)
{
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++)
		if (strcmp(s, level_names[i]) == 0)
			return (int)i;
	return -1;
}

void
rp_log_set_request(const char *id)
{
	size_t n = 0;

	/* Keep only safe characters: the id comes from nginx but is logged. */
	if (id != NULL)
		for (; id[n] != '\0' && n < sizeof(request_id) - 1; n++)
			request_id[n] = (id[n] >= '!' && id[n] <= '~') ? id[n] : '_';
	request_id[n] = '\0';
}

void
rp_log(enum rp_log_level level, const char *fmt, ...)
{
	char line[1024], stamp[32];
	struct timespec ts;
	struct tm tm;
	va_list ap;
	int off;

	if (level > threshold)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	off = snprintf(line, sizeof(line), "%s [%s] %ld%s%s: ", stamp,
	    level_names[level], (long)getpid(), request_id[0] ? " req=" : "",
	    request_id);
	if (off < 0 || (size_t)off >= sizeof(line))
		off = 0;
	va_start(ap, fmt);
	vsnprintf(line + off, sizeof(line) - (size_t)off, fmt, ap);
	va_end(ap);
	/* One write per line so that lines of concurrent workers never interleave. */
	size_t len = strlen(line);
	for (size_t i = 0; i < len; i++)
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	if (len < sizeof(line) - 1)
		line[len++] = '\n';
	else
		line[sizeof(line) - 2] = '\n', len = sizeof(line) - 1;
	ssize_t w = write(STDERR_FILENO, line, len);
	(void)w;
}
