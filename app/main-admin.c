/* rempart-admin: operations commands (migrate, check-config, accounts, seeds). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mysql.h>

#include "admin-cmds.h"
#include "bench-seed.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "migrate.h"
#include "tmpl.h"
#include "util.h"

static int cmd_migrate(struct rp_config *, int, char **);
static int cmd_check_config(struct rp_config *, int, char **);

static const struct {
	const char	*name;
	int		(*run)(struct rp_config *, int, char **);
	const char	*help;
} commands[] = {
	{ "migrate", cmd_migrate,
	  "apply pending sql/ migrations (idempotent)" },
	{ "check-config", cmd_check_config,
	  "validate the configuration file and the templates" },
	{ "create-firm", rp_cmd_create_firm,
	  "NAME ADMIN_EMAIL --password-stdin: a firm and its first admin; prints the firm id" },
	{ "create-support", rp_cmd_create_support,
	  "EMAIL --password-stdin: a platform support user" },
	{ "seed-demo", rp_cmd_seed_demo,
	  "load the demo firm and its users (idempotent); prints the logins" },
	{ "routes", rp_cmd_routes,
	  "print the route table as JSON lines (method, pattern, flags, roles,"
	  " feature, scope); needs no database" },
	{ "seed-bench", rp_cmd_seed_bench,
	  "--clients N [--reset]: fill a benchmark-only database with two firms"
	  " of N clients (idempotent; --reset replaces another size)" },
};

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: rempart-admin [-c FILE] COMMAND\n"
	    "  -c FILE  configuration file (default: $REMPART_CONFIG, else %s)\n"
	    "commands:\n", rp_config_path(NULL));
	for (size_t i = 0; i < RP_NELEM(commands); i++)
		fprintf(fp, "  %-15s %s\n", commands[i].name, commands[i].help);
}

static int
cmd_migrate(struct rp_config *cfg, int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		usage(stderr);
		return 2;
	}
	return rp_migrate(cfg) == 0 ? 0 : 1;
}

static int
cmd_check_config(struct rp_config *cfg, int argc, char **argv)
{
	char err[1024];

	(void)argv;
	if (argc != 1) {
		usage(stderr);
		return 2;
	}
	if (rp_tmpl_load(cfg->paths_www, err, sizeof(err)) != 0) {
		fprintf(stderr, "rempart-admin: templates: %s\n", err);
		return 1;
	}
	rp_tmpl_unload();
	printf("%s: configuration OK\n", cfg->path);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *path = NULL;
	struct rp_config *cfg;
	char err[1024];
	int ch, rc;

	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	while ((ch = getopt(argc, argv, "+c:h")) != -1) {
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
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[0], "help") == 0 || strcmp(argv[0], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	for (size_t i = 0; i < RP_NELEM(commands); i++) {
		if (strcmp(argv[0], commands[i].name) != 0)
			continue;
		path = rp_config_path(path);
		if ((cfg = rp_config_load(path, err, sizeof(err))) == NULL) {
			fprintf(stderr, "rempart-admin: %s\n", err);
			return 1;
		}
		rp_log_set_level(rp_log_parse_level(cfg->log_level));
		rp_worker_config = cfg;
		rp_db_batch();
		rc = commands[i].run(cfg, argc, argv);
		rp_config_free(cfg);
		mysql_library_end();
		return rc;
	}
	fprintf(stderr, "rempart-admin: unknown command '%s'\n", argv[0]);
	usage(stderr);
	return 2;
}
