/* Database migrations: numbered files of sql/, applied once, in order. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "migrate.h"
#include "sqlsplit.h"
#include "util.h"

#define MAX_MIGRATION_SIZE (16 * 1024 * 1024)

/* DDL cannot be prepared, so this one table is created from fixed text. */
static const char create_table[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INT UNSIGNED NOT NULL PRIMARY KEY,"
    " name VARCHAR(200) NOT NULL,"
    " checksum CHAR(64) NOT NULL,"
    " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

static struct rp_stmt q_lock = RP_STMT("SELECT GET_LOCK('rempart.migrate', 60)");
static struct rp_stmt q_unlock = RP_STMT("SELECT RELEASE_LOCK('rempart.migrate')");
static struct rp_stmt q_sum = RP_STMT("SELECT SHA2(?, 256)");
static struct rp_stmt q_applied = RP_STMT(
    "SELECT checksum, name FROM schema_migrations WHERE version = ?");
static struct rp_stmt q_has_table = RP_STMT(
    "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
    " AND TABLE_NAME = 'schema_migrations'");
static struct rp_stmt q_record = RP_STMT(
    "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)");

/* "NNN-words.sql": three digits, a dash, lower-case words. */
static int
is_migration(const struct dirent *d)
{
	const char *n = d->d_name;
	size_t len = strlen(n);

	if (len < 9 || strcmp(n + len - 4, ".sql") != 0)
		return 0;
	for (int i = 0; i < 3; i++)
		if (n[i] < '0' || n[i] > '9')
			return 0;
	if (n[3] != '-')
		return 0;
	for (size_t i = 4; i < len - 4; i++)
		if (!((n[i] >= 'a' && n[i] <= 'z') || (n[i] >= '0' && n[i] <= '9') ||
		    n[i] == '-' || n[i] == '_'))
			return 0;
	return 1;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct stat st;
	char *buf;

	if (fp == NULL)
		return NULL;
	if (fstat(fileno(fp), &st) != 0 || st.st_size > MAX_MIGRATION_SIZE ||
	    (buf = malloc((size_t)st.st_size + 1)) == NULL) {
		fclose(fp);
		return NULL;
	}
	*len = fread(buf, 1, (size_t)st.st_size, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

struct apply_ctx {
	const char	*name;
	int		 count;
};

static int
apply_one(void *vctx, const char *sql, size_t len, int lineno)
{
	struct apply_ctx *ctx = vctx;

	if (rp_db_exec_trusted(sql, len) != 0) {
		fprintf(stderr, "rempart-admin: %s:%d: %s\n", ctx->name, lineno,
		    rp_db_message());
		return -1;
	}
	ctx->count++;
	return 0;
}

static int
migrate_file(struct rp_arena *a, const char *dir, const char *name,
    int *applied)
{
	struct rp_dbres res;
	struct apply_ctx ctx = { name, 0 };
	char path[8192];
	long long version;
	char num[4];
	size_t len;
	char *text;
	int rc = -1;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	memcpy(num, name, 3);
	num[3] = '\0';
	rp_strtonum(num, 0, 999, &version);
	if ((text = read_file(path, &len)) == NULL) {
		fprintf(stderr, "rempart-admin: cannot read %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	if (!rp_utf8_valid(text, len)) {
		fprintf(stderr, "rempart-admin: %s is not valid UTF-8\n", name);
		goto out;
	}
	struct rp_dbarg sum_arg = { RP_DB_STR, 0, text, len };
	if (rp_db_exec(a, &q_sum, &sum_arg, 1, &res) != 0)
		goto dberr;
	const char *sum = rp_strdup(a, rp_db_cell(&res, 0, 0));
	struct rp_dbarg varg = RP_AINT(version);
	if (rp_db_exec(a, &q_applied, &varg, 1, &res) != 0)
		goto dberr;
	if (res.nrows == 1) {
		/* Applied migrations are history: editing one would leave
		 * databases that differ while claiming the same version. */
		if (strcmp(rp_db_cell(&res, 0, 0), sum) != 0) {
			fprintf(stderr, "rempart-admin: %s was changed after it was "
			    "applied (as %s); refusing to continue. Add a new "
			    "migration instead.\n", name, rp_db_cell(&res, 0, 1));
			goto out;
		}
		rc = 0;
		goto out;
	}
	switch (rp_sql_split(text, len, apply_one, &ctx)) {
	case 0:
		break;
	case -2:
		fprintf(stderr, "rempart-admin: %s: unterminated quote or "
		    "comment\n", name);
		goto out;
	default:
		goto out;
	}
	struct rp_dbarg rec[3] = { RP_AINT(version), RP_ASTR(name), RP_ASTR(sum) };
	if (rp_db_exec(a, &q_record, rec, 3, NULL) != 0)
		goto dberr;
	printf("applied %s (%d statements)\n", name, ctx.count);
	(*applied)++;
	rc = 0;
	goto out;
dberr:
	fprintf(stderr, "rempart-admin: %s: %s\n", name, rp_db_message());
out:
	free(text);
	return rc;
}

int
rp_migrate(const struct rp_config *cfg)
{
	struct dirent **names = NULL;
	struct rp_arena *a = rp_arena_new(0);
	struct rp_dbres res;
	int n = 0, applied = 0, rc = -1;

	rp_db_setup(cfg);
	if (rp_db_connect() != 0) {
		fprintf(stderr, "rempart-admin: cannot connect to the database: "
		    "%s\n", rp_db_message());
		goto out;
	}
	if ((n = scandir(cfg->paths_sql, &names, is_migration, alphasort)) < 0) {
		fprintf(stderr, "rempart-admin: cannot read %s: %s\n",
		    cfg->paths_sql, strerror(errno));
		goto out;
	}
	for (int i = 1; i < n; i++)
		if (strncmp(names[i]->d_name, names[i - 1]->d_name, 3) == 0) {
			fprintf(stderr, "rempart-admin: two migrations numbered "
			    "%.3s\n", names[i]->d_name);
			goto out;
		}
	if (rp_db_exec_trusted(create_table, sizeof(create_table) - 1) != 0 ||
	    rp_db_exec(a, &q_lock, NULL, 0, &res) != 0) {
		fprintf(stderr, "rempart-admin: %s\n", rp_db_message());
		goto out;
	}
	if (strcmp(rp_db_cell(&res, 0, 0) ? rp_db_cell(&res, 0, 0) : "", "1")) {
		fprintf(stderr, "rempart-admin: another migration is running\n");
		goto out;
	}
	rc = 0;
	for (int i = 0; i < n && rc == 0; i++)
		rc = migrate_file(a, cfg->paths_sql, names[i]->d_name, &applied);
	rp_db_exec(a, &q_unlock, NULL, 0, NULL);
	if (rc == 0)
		printf("database up to date: %d migration%s applied now, %d in "
		    "all\n", applied, applied == 1 ? "" : "s", n);
out:
	for (int i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
	rp_db_close();
	rp_arena_free(a);
	return rc;
}

int
rp_migrate_pending(const struct rp_config *cfg, struct rp_arena *a, const char **first)
{
	struct dirent **names = NULL;
	struct rp_dbres res;
	int n, pending = 0;
	bool none;

	*first = NULL;
	if ((n = scandir(cfg->paths_sql, &names, is_migration, alphasort)) < 0) {
		fprintf(stderr, "rempart-admin: cannot read %s: %s\n",
		    cfg->paths_sql, strerror(errno));
		return -1;
	}
	if (rp_db_exec(a, &q_has_table, NULL, 0, &res) != 0)
		goto dberr;
	/* Never migrated: every file is pending, and the look-ups below
	 * would fail on the missing table. */
	none = strcmp(rp_db_cell(&res, 0, 0), "0") == 0;
	for (int i = 0; i < n; i++) {
		long long version;
		char num[4];

		memcpy(num, names[i]->d_name, 3);
		num[3] = '\0';
		rp_strtonum(num, 0, 999, &version);
		struct rp_dbarg v = RP_AINT(version);
		if (!none && rp_db_exec(a, &q_applied, &v, 1, &res) != 0)
			goto dberr;
		if (none || res.nrows == 0) {
			if (pending++ == 0)
				*first = rp_strdup(a, names[i]->d_name);
		}
	}
	goto out;
dberr:
	fprintf(stderr, "rempart-admin: database: %s\n", rp_db_message());
	pending = -1;
out:
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return pending;
}
