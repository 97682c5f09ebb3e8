/* Passwords: scrypt hashes (libscrypt, modular crypt format) and the policy. */
#ifndef RP_PASSWORD_H
#define RP_PASSWORD_H

#include <stdbool.h>

struct rp_config;

#define RP_PASSWORD_MIN		12
#define RP_PASSWORD_MAX		256
#define RP_HASH_LEN		128

/* Remember the cost and load the common-password list (once per process,
 * before forking). Returns 0, or -1 when a configured list cannot be read. */
int rp_password_setup(const struct rp_config *);

/* Why a new password is refused (a fixed message), or NULL when it is fine. */
const char *rp_password_policy(const char *password, const char *email);

/* Hash with the configured cost into out[RP_HASH_LEN]. Returns 0 or -1. */
int rp_password_hash(const char *password, char *out);

/* 1 when password matches the stored hash, else 0 (also for a malformed
 * hash). *rehash is set when the hash uses other parameters than the
 * configured ones, so the caller stores a new hash after a good login. */
int rp_password_verify(const char *password, const char *stored, bool *rehash);

/* Spend the time of one verification, for logins of unknown e-mails: the
 * answer's timing must not tell which e-mails exist. */
void rp_password_burn(const char *password);

#endif
