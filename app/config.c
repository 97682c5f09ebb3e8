/* Process configuration: `key = value` lines validated against a typed table. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "util.h"

#ifndef RP_SYSCONFDIR
#define RP_SYSCONFDIR "/etc"
#endif
#ifndef RP_DATADIR
#define RP_DATADIR "/usr/share"
#endif

const struct rp_config *rp_worker_config;

enum kind { K_STR, K_INT, K_POW2, K_MODE, K_LEVEL, K_LANG };

struct key {
	const char	*name;
	enum kind	 kind;
	size_t		 off;
	const char	*def;
	long long	 min, max;
	const char	*help;
};

#define F(m) offsetof(struct rp_config, m)

/* Every setting of the product, in one table: the sample file, the README
 * reference and the loader all follow it. */
static const struct key keys[] = {
	{ "fcgi.socket", K_STR, F(fcgi_socket), "/run/rempart/rempart.sock", 1, 107,
	  "Unix socket the master listens on (ignored when systemd passes one)." },
	{ "fcgi.socket_mode", K_MODE, F(fcgi_socket_mode), "0660", 0, 0777,
	  "Permissions of the socket, octal; nginx's user must be able to connect." },
	{ "fcgi.socket_group", K_STR, F(fcgi_socket_group), "", 0, 64,
	  "Group given to the socket (e.g. www-data); empty keeps the default." },
	{ "fcgi.workers", K_INT, F(fcgi_workers), "0", 0, 256,
	  "Number of pre-forked workers; 0 means two per CPU core." },
	{ "fcgi.user", K_STR, F(fcgi_user), "rempart", 0, 64,
	  "User the workers run as when started as root; empty keeps the current user." },
	{ "fcgi.request_timeout", K_INT, F(fcgi_request_timeout), "30", 1, 3600,
	  "Seconds a request may run before its worker is replaced." },
	{ "fcgi.backlog", K_INT, F(fcgi_backlog), "128", 1, 65535,
	  "Listen backlog of the socket." },
	{ "fcgi.max_requests", K_INT, F(fcgi_max_requests), "0", 0, 100000000,
	  "Requests a worker serves before it is recycled; 0 means never." },
	{ "fcgi.pid_file", K_STR, F(fcgi_pid_file), "", 0, 4096,
	  "File the master writes its pid to; empty for none." },
	{ "http.max_body", K_INT, F(http_max_body), "1048576", 1024, 1073741824,
	  "Largest request body accepted, in bytes; larger ones answer 413." },
	{ "http.max_upload", K_INT, F(http_max_upload), "8388608", 1024, 1073741824,
	  "Largest file upload (establishment directory import), in bytes." },
	{ "db.socket", K_STR, F(db_socket), "/run/mysqld/mysqld.sock", 0, 4096,
	  "MariaDB unix socket (used when db.host is empty)." },
	{ "db.host", K_STR, F(db_host), "", 0, 255,
	  "MariaDB host for TCP connections; empty uses db.socket." },
	{ "db.port", K_INT, F(db_port), "3306", 1, 65535,
	  "MariaDB TCP port." },
	{ "db.name", K_STR, F(db_name), "rempart", 1, 64,
	  "Database name." },
	{ "db.user", K_STR, F(db_user), "rempart", 1, 80,
	  "Database user." },
	{ "db.password", K_STR, F(db_password), "", 0, 255,
	  "Database password (keep this file readable by root and rempart only)." },
	{ "db.connect_timeout", K_INT, F(db_connect_timeout), "3", 1, 60,
	  "Seconds to wait for a database connection." },
	{ "db.read_timeout", K_INT, F(db_read_timeout), "10", 1, 600,
	  "Seconds to wait for a database answer; keep below fcgi.request_timeout." },
	{ "db.write_timeout", K_INT, F(db_write_timeout), "10", 1, 600,
	  "Seconds to wait when sending to the database." },
	{ "paths.www", K_STR, F(paths_www), RP_DATADIR "/rempart/www", 1, 4096,
	  "Directory holding templates/, lang/ and static/." },
	{ "paths.sql", K_STR, F(paths_sql), RP_DATADIR "/rempart/sql", 1, 4096,
	  "Directory of the numbered migrations applied by rempart-admin migrate." },
	{ "paths.render", K_STR, F(paths_render), "", 0, 4096,
	  "The deliverables' renderer (PDF, Word, logos); empty: rempart-render beside rempart-fcgi." },
	{ "report.max_concurrent", K_INT, F(report_max_concurrent), "2", 1, 64,
	  "Reports (PDF, Word) built at once across all workers; more wait report.wait_ms, then answer 503." },
	{ "report.timeout", K_INT, F(report_timeout), "20", 1, 3600,
	  "Seconds a report's renderer may run before it is killed; keep below fcgi.request_timeout." },
	{ "report.wait_ms", K_INT, F(report_wait_ms), "2000", 0, 60000,
	  "Milliseconds a report request waits for a free slot before answering 503 with Retry-After." },
	{ "report.lock_dir", K_STR, F(report_lock_dir), "", 0, 4096,
	  "Directory of the report slots' lock files (writable by the workers); empty: the directory of fcgi.socket." },
	{ "i18n.default_lang", K_LANG, F(i18n_default_lang), "fr", 2, 2,
	  "Language of pages when the user has not chosen one: fr or en." },
	{ "log.level", K_LEVEL, F(log_level), "info", 1, 5,
	  "Log threshold: error, warn, info or debug." },
	{ "auth.scrypt_n", K_POW2, F(auth_scrypt_n), "131072", 1024, 1 << 22,
	  "scrypt cost N (a power of two; r=8, p=1); raised values apply at each user's next login." },
	{ "auth.session_idle", K_INT, F(auth_session_idle), "1800", 60, 86400,
	  "Seconds without activity after which a session ends." },
	{ "auth.session_absolute", K_INT, F(auth_session_absolute), "43200", 300, 2592000,
	  "Seconds after login after which a session ends whatever its activity." },
	{ "auth.mfa_required_roles", K_STR, F(auth_mfa_required_roles), "support,admin", 0, 200,
	  "Comma-separated roles that must enrol in MFA (TOTP) before using the product." },
	{ "auth.common_passwords", K_STR, F(auth_common_passwords), "/usr/share/john/password.lst", 0, 4096,
	  "List of common passwords refused at password choice (Debian package john-data); empty disables." },
	{ "auth.throttle_window", K_INT, F(auth_throttle_window), "900", 60, 86400,
	  "Seconds over which failed logins are counted." },
	{ "auth.max_failures_account", K_INT, F(auth_max_failures_account), "5", 1, 1000,
	  "Failed logins per e-mail within the window before 429." },
	{ "auth.max_failures_address", K_INT, F(auth_max_failures_address), "50", 1, 100000,
	  "Failed logins per client address within the window before 429." },
	{ "auth.issuer", K_STR, F(auth_issuer), "Rempart", 1, 64,
	  "Name shown by authenticator apps for the TOTP entry." },
	{ "usage.throttle_window", K_INT, F(usage_throttle_window), "3600", 60, 86400,
	  "Seconds over which requests to the public questionnaire pages (/q/...) are counted per address." },
	{ "usage.max_requests_address", K_INT, F(usage_max_requests_address), "300", 1, 1000000,
	  "Requests (page views and answers) to the public questionnaire pages per client address within the window before 429." },
	{ "usage.form_max_age", K_INT, F(usage_form_max_age), "86400", 300, 604800,
	  "Seconds a public questionnaire form stays valid after it was served (its signed token)." },
	{ "billing.price_diagnostic_essential", K_INT, F(billing_price[0]), "29000", 0, 100000000,
	  "Monthly price of a diagnostic mission on the essential plan, in euro cents." },
	{ "billing.price_diagnostic_standard", K_INT, F(billing_price[1]), "49000", 0, 100000000,
	  "Monthly price of a diagnostic mission on the standard plan, in euro cents." },
	{ "billing.price_diagnostic_premium", K_INT, F(billing_price[2]), "79000", 0, 100000000,
	  "Monthly price of a diagnostic mission on the premium plan, in euro cents." },
	{ "billing.price_permanent_essential", K_INT, F(billing_price[3]), "39000", 0, 100000000,
	  "Monthly price of a permanent mission on the essential plan, in euro cents." },
	{ "billing.price_permanent_standard", K_INT, F(billing_price[4]), "69000", 0, 100000000,
	  "Monthly price of a permanent mission on the standard plan, in euro cents." },
	{ "billing.price_permanent_premium", K_INT, F(billing_price[5]), "119000", 0, 100000000,
	  "Monthly price of a permanent mission on the premium plan, in euro cents." },
};

const char *
rp_config_path(const char *arg)
{
	const char *env;

	if (arg != NULL)
		return arg;
	if ((env = getenv("REMPART_CONFIG")) != NULL && *env != '\0')
		return env;
	return RP_SYSCONFDIR "/rempart/rempart.conf";
}

const char *
rp_config_key(size_t i, const char **def, const char **help)
{
	if (i >= RP_NELEM(keys))
		return NULL;
	if (def)
		*def = keys[i].def;
	if (help)
		*help = keys[i].help;
	return keys[i].name;
}

static char **
str_field(struct rp_config *c, const struct key *k)
{
	return (char **)(void *)((char *)c + k->off);
}

static long long *
int_field(struct rp_config *c, const struct key *k)
{
	return (long long *)(void *)((char *)c + k->off);
}

/* Validate one value and store it; returns NULL or a static message. */
static const char *
set_value(struct rp_config *c, const struct key *k, const char *v)
{
	long long n;
	size_t len = strlen(v);

	switch (k->kind) {
	case K_STR:
		if ((long long)len < k->min || (long long)len > k->max)
			return "value has a bad length";
		if (!rp_utf8_valid(v, len))
			return "value is not valid UTF-8 text";
		break;
	case K_INT:
		if (rp_strtonum(v, k->min, k->max, &n) != 0)
			return "value is not an integer in the allowed range";
		*int_field(c, k) = n;
		return NULL;
	case K_POW2:
		if (rp_strtonum(v, k->min, k->max, &n) != 0 || (n & (n - 1)) != 0)
			return "value is not a power of two in the allowed range";
		*int_field(c, k) = n;
		return NULL;
	case K_MODE: {
		char *end;

		errno = 0;
		n = strtoll(v, &end, 8);
		if (*v == '\0' || *end != '\0' || errno || n < k->min || n > k->max)
			return "value is not an octal mode such as 0660";
		*int_field(c, k) = n;
		return NULL;
	}
	case K_LEVEL:
		if (rp_log_parse_level(v) < 0)
			return "value must be error, warn, info or debug";
		break;
	case K_LANG:
		if (strcmp(v, "fr") != 0 && strcmp(v, "en") != 0)
			return "value must be fr or en";
		break;
	}
	char **slot = str_field(c, k);
	free(*slot);
	if ((*slot = strdup(v)) == NULL)
		return "out of memory";
	return NULL;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static struct rp_config *
fail(struct rp_config *c, char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	rp_config_free(c);
	return NULL;
}

struct rp_config *
rp_config_load(const char *path, char *err, size_t errlen)
{
	struct rp_config *c;
	unsigned char seen[RP_NELEM(keys)] = { 0 };
	char line[8192];
	const char *msg;
	FILE *fp;
	int lineno = 0;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return fail(NULL, err, errlen, "%s: out of memory", path);
	if ((c->path = strdup(path)) == NULL)
		return fail(c, err, errlen, "%s: out of memory", path);
	for (size_t i = 0; i < RP_NELEM(keys); i++)
		if ((msg = set_value(c, &keys[i], keys[i].def)) != NULL)
			return fail(c, err, errlen, "default of %s: %s",
			    keys[i].name, msg);
	if ((fp = fopen(path, "r")) == NULL)
		return fail(c, err, errlen, "%s: %s", path, strerror(errno));
	while (fgets(line, sizeof(line), fp) != NULL) {
		char *eq, *k, *v;
		size_t i;

		lineno++;
		if (strchr(line, '\n') == NULL && !feof(fp)) {
			fclose(fp);
			return fail(c, err, errlen, "%s:%d: line too long",
			    path, lineno);
		}
		k = trim(line);
		if (*k == '\0' || *k == '#')
			continue;
		if ((eq = strchr(k, '=')) == NULL) {
			fclose(fp);
			return fail(c, err, errlen,
			    "%s:%d: expected 'key = value'", path, lineno);
		}
		*eq = '\0';
		k = trim(k);
		v = trim(eq + 1);
		for (i = 0; i < RP_NELEM(keys); i++)
			if (strcmp(keys[i].name, k) == 0)
				break;
		if (i == RP_NELEM(keys)) {
			fclose(fp);
			return fail(c, err, errlen, "%s:%d: unknown key '%.64s'",
			    path, lineno, k);
		}
		if (seen[i]++) {
			fclose(fp);
			return fail(c, err, errlen, "%s:%d: key '%s' set twice",
			    path, lineno, keys[i].name);
		}
		if ((msg = set_value(c, &keys[i], v)) != NULL) {
			fclose(fp);
			return fail(c, err, errlen, "%s:%d: %s: %s", path, lineno,
			    keys[i].name, msg);
		}
	}
	fclose(fp);
	if (c->auth_session_idle > c->auth_session_absolute)
		return fail(c, err, errlen, "%s: auth.session_idle must not exceed "
		    "auth.session_absolute", path);
	if (c->db_read_timeout >= c->fcgi_request_timeout)
		return fail(c, err, errlen, "%s: db.read_timeout must be below "
		    "fcgi.request_timeout", path);
	return c;
}

void
rp_config_free(struct rp_config *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < RP_NELEM(keys); i++)
		if (keys[i].kind != K_INT && keys[i].kind != K_MODE &&
		    keys[i].kind != K_POW2)
			free(*str_field(c, &keys[i]));
	free(c->path);
	free(c);
}

int
rp_config_workers(const struct rp_config *c)
{
	long n;

	if (c->fcgi_workers > 0)
		return (int)c->fcgi_workers;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > 128 ? 256 : (int)(2 * n);
}
