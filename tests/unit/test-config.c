/* Unit tests of the configuration loader and of the shipped sample. */
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "tap.h"

static char path[] = "/tmp/rp-test-config-XXXXXX";

static struct rp_config *
load_text(const char *text, char *err, size_t errlen)
{
	FILE *fp = fopen(path, "w");

	fputs(text, fp);
	fclose(fp);
	return rp_config_load(path, err, errlen);
}

int
main(void)
{
	struct rp_config *c;
	char err[1024], sample[4096];
	int fd = mkstemp(path);

	close(fd);
	c = load_text("# comment\n\nfcgi.workers = 3\ndb.name = x\n", err, sizeof(err));
	ok(c != NULL, "minimal file loads");
	is_int(c ? c->fcgi_workers : -1, 3, "integer read");
	is_str(c ? c->db_name : NULL, "x", "string read");
	is_int(c ? c->http_max_body : -1, 1048576, "default body cap is 1 MiB");
	is_int(c ? c->fcgi_request_timeout : -1, 30, "default request timeout");
	is_str(c ? c->i18n_default_lang : NULL, "fr", "default language is French");
	rp_config_free(c);

	c = load_text("fcgi.workers = 2\nnope = 1\n", err, sizeof(err));
	ok(c == NULL && strstr(err, ":2: unknown key 'nope'") != NULL,
	    "unknown key fails with file and line");
	c = load_text("fcgi.workers = lots\n", err, sizeof(err));
	ok(c == NULL && strstr(err, ":1: fcgi.workers") != NULL,
	    "bad integer fails with line and key");
	c = load_text("fcgi.workers = 9999\n", err, sizeof(err));
	ok(c == NULL, "integer out of range fails");
	c = load_text("fcgi.socket_mode = 0999\n", err, sizeof(err));
	ok(c == NULL, "bad octal mode fails");
	c = load_text("i18n.default_lang = de\n", err, sizeof(err));
	ok(c == NULL, "unknown language fails");
	c = load_text("log.level = loud\n", err, sizeof(err));
	ok(c == NULL, "unknown log level fails");
	c = load_text("db.name\n", err, sizeof(err));
	ok(c == NULL && strstr(err, "expected 'key = value'") != NULL,
	    "line without '=' fails");
	c = load_text("db.name = a\ndb.name = b\n", err, sizeof(err));
	ok(c == NULL && strstr(err, "set twice") != NULL, "key set twice fails");
	c = load_text("db.read_timeout = 40\n", err, sizeof(err));
	ok(c == NULL, "db timeout above request timeout fails");
	c = load_text("fcgi.socket_mode = 0640\nfcgi.user =\n", err, sizeof(err));
	ok(c != NULL && c->fcgi_socket_mode == 0640 && c->fcgi_user[0] == '\0',
	    "octal mode and empty value");
	rp_config_free(c);
	c = rp_config_load("/nonexistent/rempart.conf", err, sizeof(err));
	ok(c == NULL && strstr(err, "/nonexistent/rempart.conf") != NULL,
	    "missing file names the file");

	/* The shipped sample loads and documents every key of the table. */
	snprintf(sample, sizeof(sample), "%s/conf/rempart.conf", TOP_SRCDIR);
	c = rp_config_load(sample, err, sizeof(err));
	ok(c != NULL, "conf/rempart.conf loads");
	if (c == NULL)
		printf("# %s\n", err);
	rp_config_free(c);
	FILE *fp = fopen(sample, "r");
	char text[65536] = "";
	size_t n = fp ? fread(text, 1, sizeof(text) - 1, fp) : 0;
	text[n] = '\0';
	if (fp)
		fclose(fp);
	const char *key, *def, *help;
	int all = 1;
	for (size_t i = 0; (key = rp_config_key(i, &def, &help)) != NULL; i++) {
		char line[256];
		snprintf(line, sizeof(line), "\n%s =", key);
		char commented[256];
		snprintf(commented, sizeof(commented), "\n# %s =", key);
		if (!strstr(text, line) && !strstr(text, commented)) {
			printf("# sample lacks %s\n", key);
			all = 0;
		}
	}
	ok(all, "sample documents every key");
	unsetenv("REMPART_CONFIG");
	ok(strstr(rp_config_path(NULL), "/rempart/rempart.conf") != NULL,
	    "default path under sysconfdir");
	setenv("REMPART_CONFIG", "/x.conf", 1);
	is_str(rp_config_path(NULL), "/x.conf", "REMPART_CONFIG wins over default");
	is_str(rp_config_path("/y.conf"), "/y.conf", "-c wins over everything");
	unlink(path);
	return done_testing();
}
