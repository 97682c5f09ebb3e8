/* SHA-256 and HMAC-SHA256, through OpenSSL's libcrypto: the keyed
 * signatures of forms served without a session. Token hashes meant for
 * look-ups stay in SQL (SHA2()), next to the rows they find. */
#ifndef RP_SHA256_H
#define RP_SHA256_H

#include <stddef.h>

#define RP_SHA256_LEN	32

/* The digest of one buffer. */
void rp_sha256(const void *data, size_t len, unsigned char out[RP_SHA256_LEN]);

/* HMAC-SHA256 of msg under key (any length). */
void rp_hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
    unsigned char out[RP_SHA256_LEN]);

/* Lower-case hexadecimal of n bytes into out (2n + 1 bytes). */
void rp_hex(const unsigned char *in, size_t n, char *out);

#endif
