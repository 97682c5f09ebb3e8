/* SHA-256 and HMAC-SHA256: OpenSSL's one-shot functions (libcrypto 3). */
#include <stdint.h>
#include <stdlib.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "sha256.h"

void
rp_sha256(const void *data, size_t len, unsigned char out[RP_SHA256_LEN])
{
	unsigned int n = RP_SHA256_LEN;

	/* Fails only on an allocation failure inside libcrypto. */
	if (EVP_Digest(data, len, out, &n, EVP_sha256(), NULL) != 1)
		abort();
}

void
rp_hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
    unsigned char out[RP_SHA256_LEN])
{
	unsigned int n = RP_SHA256_LEN;

	if (keylen > INT32_MAX || HMAC(EVP_sha256(), key, (int)keylen, msg, msglen, out,
	    &n) == NULL)
		abort();
}

void
rp_hex(const unsigned char *in, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[in[i] >> 4];
		out[2 * i + 1] = hex[in[i] & 15];
	}
	out[2 * n] = '\0';
}
