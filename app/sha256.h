/* SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), pure and self-contained:
 * the keyed signatures of forms served without a session. Token hashes
 * meant for look-ups stay in SQL (SHA2()), next to the rows they find. */
#ifndef RP_SHA256_H
#define RP_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define RP_SHA256_LEN	32

struct rp_sha256 {
	uint32_t	 h[8];
	uint64_t	 bytes;		/* message length so far */
	unsigned char	 block[64];
	size_t		 used;		/* bytes of block filled */
};

void rp_sha256_init(struct rp_sha256 *);
void rp_sha256_update(struct rp_sha256 *, const void *data, size_t len);
void rp_sha256_final(struct rp_sha256 *, unsigned char out[RP_SHA256_LEN]);
/* The digest of one buffer. */
void rp_sha256(const void *data, size_t len, unsigned char out[RP_SHA256_LEN]);

/* HMAC-SHA256 of msg under key (any length). */
void rp_hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
    unsigned char out[RP_SHA256_LEN]);

/* Lower-case hexadecimal of n bytes into out (2n + 1 bytes). */
void rp_hex(const unsigned char *in, size_t n, char *out);

#endif
