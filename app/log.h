/* Logging to standard error, with level, pid and the current request id. */
#ifndef RP_LOG_H
#define RP_LOG_H

enum rp_log_level { RP_LOG_ERROR, RP_LOG_WARN, RP_LOG_INFO, RP_LOG_DEBUG };

/* Set the threshold (messages above it are dropped). */
void rp_log_set_level(enum rp_log_level);
/* Parse "error|warn|info|debug"; returns the level or -1. */
int rp_log_parse_level(const char *);
/* Tag the following lines with a request id (NULL clears it). The string is
 * copied into a static buffer: it outlives the request's arena. */
void rp_log_set_request(const char *id);
void rp_log(enum rp_log_level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#define rp_err(...)   rp_log(RP_LOG_ERROR, __VA_ARGS__)
#define rp_warn(...)  rp_log(RP_LOG_WARN, __VA_ARGS__)
#define rp_info(...)  rp_log(RP_LOG_INFO, __VA_ARGS__)
#define rp_debug(...) rp_log(RP_LOG_DEBUG, __VA_ARGS__)

#endif
