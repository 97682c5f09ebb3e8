/* What a logo upload must be before anything decodes it: PNG or JPEG by
 * its bytes (never by a declared type), within the size caps read from its
 * header, whole (no truncation, nothing after its end marker) and carrying
 * no markup (an SVG, HTML or script polyglot). Pure: unit-tested. */
#ifndef RP_IMAGECHECK_H
#define RP_IMAGECHECK_H

#include <stddef.h>

#define RP_IMAGE_MAX_BYTES	(2u << 20)	/* 2 MiB */
#define RP_IMAGE_MAX_SIDE	4096		/* pixels, either side */

enum rp_image_type { RP_IMAGE_BAD = 0, RP_IMAGE_PNG, RP_IMAGE_JPEG };

/* Check n bytes. Returns the type, with *w and *h the declared size, or
 * RP_IMAGE_BAD with *why a fixed English reason (for the 400's message). */
enum rp_image_type rp_image_check(const unsigned char *p, size_t n, long *w, long *h,
    const char **why);

#endif
