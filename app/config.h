/* Process configuration: a typed table of keys loaded once from one file. */
#ifndef RP_CONFIG_H
#define RP_CONFIG_H

#include <stddef.h>

struct rp_config {
	char		*path;			/* file it was read from */
	char		*fcgi_socket;
	long long	 fcgi_socket_mode;
	char		*fcgi_socket_group;
	long long	 fcgi_workers;		/* 0: two per core */
	char		*fcgi_user;
	long long	 fcgi_request_timeout;
	long long	 fcgi_backlog;
	long long	 fcgi_max_requests;
	char		*fcgi_pid_file;
	long long	 http_max_body;
	long long	 http_max_upload;
	char		*db_socket;
	char		*db_host;
	long long	 db_port;
	char		*db_name;
	char		*db_user;
	char		*db_password;
	long long	 db_connect_timeout;
	long long	 db_read_timeout;
	long long	 db_write_timeout;
	char		*paths_www;
	char		*paths_sql;
	char		*paths_render;
	long long	 report_max_concurrent;
	long long	 report_timeout;
	long long	 report_wait_ms;
	char		*report_lock_dir;
	char		*i18n_default_lang;
	char		*log_level;
	long long	 auth_scrypt_n;
	long long	 auth_session_idle;
	long long	 auth_session_absolute;
	char		*auth_mfa_required_roles;
	char		*auth_common_passwords;
	long long	 auth_throttle_window;
	long long	 auth_max_failures_account;
	long long	 auth_max_failures_address;
	char		*auth_issuer;
	long long	 usage_throttle_window;
	long long	 usage_max_requests_address;
	long long	 usage_form_max_age;
	/* Monthly prices in cents, by mission type then plan (the orders of
	 * app/enums.c): diagnostic essential..premium, permanent ... */
	long long	 billing_price[6];
};

/* The configuration of this process (set by main or the worker). */
extern const struct rp_config *rp_worker_config;

/* Which file to read: -c argument, else $REMPART_CONFIG, else the installed
 * default. The returned string is static or the argument itself. */
const char *rp_config_path(const char *arg);

/* Load and validate `path` into a fresh config. On error returns NULL and
 * writes "file:line: message" into err. The caller frees with rp_config_free. */
struct rp_config *rp_config_load(const char *path, char *err, size_t errlen);
void rp_config_free(struct rp_config *);

/* Number of workers the config asks for (resolves 0 to two per core). */
int rp_config_workers(const struct rp_config *);

/* The key table, for documentation and tests. Returns NULL past the end. */
const char *rp_config_key(size_t i, const char **def, const char **help);

#endif
