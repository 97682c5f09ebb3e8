/* rempart-fcgi: the FastCGI server (master and pre-forked workers). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "master.h"
#include "mfa.h"
#include "password.h"
#include "tmpl.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: rempart-fcgi [-c FILE]\n"
	    "  -c FILE  configuration file (default: $REMPART_CONFIG, else %s)\n",
	    rp_config_path(NULL));
}

int
main(int argc, char **argv)
{
	const char *path = NULL;
	struct rp_config *cfg;
	char err[1024];
	int ch;

	while ((ch = getopt(argc, argv, "c:h")) != -1) {
		switch (ch) {
		case 'c':
			path = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	path = rp_config_path(path);
	if ((cfg = rp_config_load(path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "rempart-fcgi: %s\n", err);
		return 1;
	}
	rp_log_set_level(rp_log_parse_level(cfg->log_level));
	if (rp_password_setup(cfg) != 0) {
		rp_config_free(cfg);
		return 1;
	}
	rp_mfa_setup(cfg);
	/* Parse every template before forking: a broken set never starts. */
	if (rp_tmpl_load(cfg->paths_www, err, sizeof(err)) != 0) {
		fprintf(stderr, "rempart-fcgi: templates: %s\n", err);
		rp_config_free(cfg);
		return 1;
	}
	return rp_master_run(cfg);
}
