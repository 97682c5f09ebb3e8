/* MFA: TOTP (RFC 6238 through liboath), enrolment with a QR code, and
 * single-use recovery codes. */
#ifndef RP_MFA_H
#define RP_MFA_H

struct rp_config;
struct rp_req;

void rp_mfa_setup(const struct rp_config *);

/* Check a 6-digit code (±1 step, never the same step twice) or a recovery
 * code for user_id. Returns 1 accepted, 0 refused, -1 after rp_fail. */
int rp_mfa_check(struct rp_req *, long long user_id, const char *secret_b32,
    const char *code);

/* Start enrolment for the current user: a new secret, kept pending until
 * confirmed. Returns 0 with the base32 secret and otpauth URI (arena), or
 * -1 after rp_fail (409 when already enrolled). */
int rp_mfa_begin(struct rp_req *, const char **secret, const char **uri);

/* Confirm enrolment with a code of the pending secret; fills codes[10] with
 * the recovery codes (shown once). Returns 0 or -1 after rp_fail. */
int rp_mfa_confirm(struct rp_req *, const char *code, const char *codes[10]);

/* An SVG image (arena) of the QR code of `text`, or NULL. */
char *rp_qr_svg(struct rp_req *, const char *text);

#endif
