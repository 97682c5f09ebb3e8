/* Logo uploads checked from their bytes (app/imagecheck.c): PNG and JPEG
 * accepted whole with their declared size; anything else, truncated files,
 * trailing data, markup and oversized declarations refused. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "imagecheck.h"
#include "tap.h"

static size_t
put_chunk(unsigned char *p, const char *type, const unsigned char *data, uint32_t len)
{
	p[0] = len >> 24, p[1] = len >> 16, p[2] = len >> 8, p[3] = len;
	memcpy(p + 4, type, 4);
	if (len)
		memcpy(p + 8, data, len);
	uLong crc = crc32(0, p + 4, len + 4);
	p[8 + len] = crc >> 24, p[9 + len] = crc >> 16, p[10 + len] = crc >> 8, p[11 + len] = crc;
	return 12 + len;
}

/* A PNG declaring w × h, with `text` in a tEXt chunk when not NULL (the
 * pixel data is not checked here: decoding is rempart-render's). */
static size_t
png(unsigned char *p, uint32_t w, uint32_t h, const char *text)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned char ihdr[13] = { w >> 24, w >> 16, w >> 8, w, h >> 24, h >> 16, h >> 8, h,
		8, 2, 0, 0, 0 };
	unsigned char idat[4] = { 0x78, 0x9c, 0x03, 0x00 };
	size_t n = 8;

	memcpy(p, sig, 8);
	n += put_chunk(p + n, "IHDR", ihdr, 13);
	if (text != NULL)
		n += put_chunk(p + n, "tEXt", (const unsigned char *)text, (uint32_t)strlen(text));
	n += put_chunk(p + n, "IDAT", idat, 4);
	n += put_chunk(p + n, "IEND", NULL, 0);
	return n;
}

/* SOI, APP0, SOF0 (w × h), SOS with a few entropy bytes (a stuffed FF 00
 * and a restart marker), EOI. */
static size_t
jpeg(unsigned char *p, unsigned w, unsigned h)
{
	const unsigned char b[] = {
		0xff, 0xd8,
		0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
		0xff, 0xc0, 0x00, 0x0b, 8, h >> 8, h & 0xff, w >> 8, w & 0xff, 1, 1, 0x11, 0,
		0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0,
		0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56,
		0xff, 0xd9,
	};
	memcpy(p, b, sizeof(b));
	return sizeof(b);
}

int
main(void)
{
	static unsigned char buf[4096];
	const char *why;
	long w, h;
	size_t n;

	n = png(buf, 300, 120, NULL);
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_PNG, "a PNG");
	ok(w == 300 && h == 120, "its declared size");
	n = png(buf, 4096, 4096, "Comment made with care");
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_PNG, "4096 × 4096 is the limit");
	n = png(buf, 100000, 100000, NULL);
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_BAD, "100,000 × 100,000 refused");
	ok(strstr(why, "4096") != NULL, "... saying the limit");
	n = png(buf, 4097, 1, NULL);
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_BAD, "4097 wide refused");
	n = png(buf, 0, 10, NULL);
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_BAD, "0 wide refused");
	n = png(buf, 10, 10, NULL);
	is_int(rp_image_check(buf, n - 5, &w, &h, &why), RP_IMAGE_BAD, "a truncated PNG");
	memcpy(buf + n, "<html>", 6);
	is_int(rp_image_check(buf, n + 6, &w, &h, &why), RP_IMAGE_BAD, "data after IEND");
	memcpy(buf + n, "PK\x03\x04", 4);
	is_int(rp_image_check(buf, n + 4, &w, &h, &why), RP_IMAGE_BAD, "a zip after IEND");
	n = png(buf, 10, 10, "Comment <ScRiPt>alert(1)</script>");
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_BAD, "a script in a chunk");
	n = png(buf, 10, 10, "Comment <svg xmlns='x'>");
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_BAD, "an SVG in a chunk");
	n = png(buf, 10, 10, "Comment <svgz");
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_PNG, "'<svg' without a delimiter is not markup");
	/* The first chunk must be IHDR. */
	n = png(buf, 10, 10, NULL);
	memcpy(buf + 12, "IHDX", 4);
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_BAD, "no IHDR first");

	n = jpeg(buf, 640, 480);
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_JPEG, "a JPEG");
	ok(w == 640 && h == 480, "its declared size");
	n = jpeg(buf, 60000, 60000);
	is_int(rp_image_check(buf, n, &w, &h, &why), RP_IMAGE_BAD, "60,000 × 60,000 refused");
	n = jpeg(buf, 16, 16);
	is_int(rp_image_check(buf, n - 2, &w, &h, &why), RP_IMAGE_BAD, "a JPEG without EOI");
	is_int(rp_image_check(buf, n - 9, &w, &h, &why), RP_IMAGE_BAD, "a JPEG cut in its data");
	memcpy(buf + n, "<html>", 6);
	is_int(rp_image_check(buf, n + 6, &w, &h, &why), RP_IMAGE_BAD, "data after EOI");

	const char *svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
	is_int(rp_image_check((const unsigned char *)svg, strlen(svg), &w, &h, &why), RP_IMAGE_BAD,
	    "an SVG");
	is_str(why, "Send a PNG or JPEG image.", "... as neither PNG nor JPEG");
	is_int(rp_image_check(buf, 0, &w, &h, &why), RP_IMAGE_BAD, "nothing");
	unsigned char *big = calloc(1, RP_IMAGE_MAX_BYTES + 1);
	n = png(big, 10, 10, NULL);
	is_int(rp_image_check(big, RP_IMAGE_MAX_BYTES + 1, &w, &h, &why), RP_IMAGE_BAD,
	    "over 2 MiB refused before anything is read");
	free(big);
	return done_testing();
}
