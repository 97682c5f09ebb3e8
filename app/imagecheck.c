/* Logo uploads checked from their bytes before any decoding (imagecheck.h):
 * the PNG chunk list or the JPEG segment list is walked to its end marker,
 * the declared size read from IHDR or SOFn. */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "imagecheck.h"

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* Markup a browser or an XML reader would act on, anywhere in the file: a
 * logo has no reason to carry any. "<svg" counts only followed by a
 * delimiter, so that four random bytes of compressed data do not refuse a
 * genuine image. */
static bool
has_markup(const unsigned char *p, size_t n)
{
	static const char *const tags[] = { "<script", "<html", "<svg", "<?xml", "<?php",
		"<!doctype", "<body", "<iframe", "<object", "<embed", "javascript:" };

	for (size_t i = 0; i < n; i++) {
		if (p[i] != '<' && p[i] != 'j' && p[i] != 'J')
			continue;
		for (size_t t = 0; t < sizeof(tags) / sizeof(tags[0]); t++) {
			size_t len = strlen(tags[t]);
			if (n - i >= len && strncasecmp((const char *)p + i, tags[t], len) == 0 &&
			    (t != 2 || (n - i > len && strchr(" \t\r\n>/", p[i + len]) != NULL &&
			    p[i + len] != '\0')))
				return true;
		}
	}
	return false;
}

static enum rp_image_type
check_png(const unsigned char *p, size_t n, long *w, long *h, const char **why)
{
	size_t off = 8;
	bool first = true;

	for (;;) {
		if (n - off < 12) {
			*why = "The PNG file is truncated.";
			return RP_IMAGE_BAD;
		}
		unsigned long len = be32(p + off);
		const unsigned char *type = p + off + 4;
		if (len > 0x7fffffffUL || n - off - 12 < len) {
			*why = "The PNG file is truncated.";
			return RP_IMAGE_BAD;
		}
		if (first) {
			if (memcmp(type, "IHDR", 4) != 0 || len != 13) {
				*why = "The PNG file has no valid header.";
				return RP_IMAGE_BAD;
			}
			*w = (long)be32(p + off + 8);
			*h = (long)be32(p + off + 12);
			if (*w <= 0 || *h <= 0 || *w > RP_IMAGE_MAX_SIDE || *h > RP_IMAGE_MAX_SIDE) {
				*why = "The image is too large: at most 4096 × 4096 pixels.";
				return RP_IMAGE_BAD;
			}
			first = false;
		}
		off += 12 + len;
		if (memcmp(type, "IEND", 4) == 0) {
			if (off != n) {
				*why = "The PNG file carries data after its end.";
				return RP_IMAGE_BAD;
			}
			return RP_IMAGE_PNG;
		}
	}
}

static enum rp_image_type
check_jpeg(const unsigned char *p, size_t n, long *w, long *h, const char **why)
{
	size_t off = 2;
	bool sized = false;

	*why = "The JPEG file is truncated.";
	while (off + 2 <= n) {
		if (p[off] != 0xff)
			return RP_IMAGE_BAD;
		unsigned char m = p[off + 1];
		if (m == 0xff) {		/* fill byte */
			off++;
			continue;
		}
		if (m == 0xd9) {		/* EOI */
			if (!sized) {
				*why = "The JPEG file has no frame header.";
				return RP_IMAGE_BAD;
			}
			if (off + 2 != n) {
				*why = "The JPEG file carries data after its end.";
				return RP_IMAGE_BAD;
			}
			return RP_IMAGE_JPEG;
		}
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {
			off += 2;
			continue;
		}
		if (off + 4 > n)
			return RP_IMAGE_BAD;
		size_t len = be16(p + off + 2);
		if (len < 2 || off + 2 + len > n)
			return RP_IMAGE_BAD;
		/* SOF0..SOF15 but DHT (c4), JPG (c8) and DAC (cc). */
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
			if (len < 7)
				return RP_IMAGE_BAD;
			*h = (long)be16(p + off + 5);
			*w = (long)be16(p + off + 7);
			if (*w <= 0 || *h <= 0 || *w > RP_IMAGE_MAX_SIDE || *h > RP_IMAGE_MAX_SIDE) {
				*why = "The image is too large: at most 4096 × 4096 pixels.";
				return RP_IMAGE_BAD;
			}
			sized = true;
		}
		off += 2 + len;
		if (m == 0xda) {
			/* Entropy-coded data up to the next marker: FF 00 is a
			 * stuffed byte, FF D0..D7 a restart, FF FF a fill. */
			while (off + 1 < n) {
				if (p[off] == 0xff && p[off + 1] != 0x00 && p[off + 1] != 0xff &&
				    !(p[off + 1] >= 0xd0 && p[off + 1] <= 0xd7))
					break;
				off++;
			}
			if (off + 1 >= n)
				return RP_IMAGE_BAD;
		}
	}
	return RP_IMAGE_BAD;
}

enum rp_image_type
rp_image_check(const unsigned char *p, size_t n, long *w, long *h, const char **why)
{
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	enum rp_image_type t;

	*w = *h = 0;
	if (n > RP_IMAGE_MAX_BYTES) {
		*why = "The file is too large: at most 2 MiB.";
		return RP_IMAGE_BAD;
	}
	if (n >= 8 && memcmp(p, png, 8) == 0)
		t = check_png(p, n, w, h, why);
	else if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		t = check_jpeg(p, n, w, h, why);
	else {
		*why = "Send a PNG or JPEG image.";
		return RP_IMAGE_BAD;
	}
	if (t != RP_IMAGE_BAD && has_markup(p, n)) {
		*why = "The image carries markup or script: refused.";
		return RP_IMAGE_BAD;
	}
	return t;
}
