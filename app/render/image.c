/* `rempart-render image`: decode a logo (PNG with libpng through cairo, JPEG
 * with libjpeg), reduce it to at most RENDER_LOGO_SIDE pixels a side and
 * write it anew as PNG: what is stored is never the uploaded bytes. Any
 * decoding error, a warning of libjpeg (a truncated file) included, refuses
 * the image (RENDER_EXIT_INPUT). */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <jpeglib.h>

#include "render.h"

struct reader {
	const unsigned char	*p;
	size_t			 n, off;
};

static cairo_status_t
png_read(void *closure, unsigned char *data, unsigned int len)
{
	struct reader *r = closure;

	if (r->n - r->off < len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->p + r->off, len);
	r->off += len;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
png_write(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static cairo_surface_t *
decode_png(const unsigned char *in, size_t n)
{
	struct reader r = { in, n, 0 };

	/* The declared size, before libpng allocates anything for it. */
	if (n < 33 || memcmp(in + 12, "IHDR", 4) != 0)
		render_die(RENDER_EXIT_INPUT, "not a PNG file");
	if (be32(in + 16) == 0 || be32(in + 20) == 0 || be32(in + 16) > RENDER_MAX_SIDE ||
	    be32(in + 20) > RENDER_MAX_SIDE)
		render_die(RENDER_EXIT_INPUT, "image too large");
	cairo_surface_t *s = cairo_image_surface_create_from_png_stream(png_read, &r);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		render_die(RENDER_EXIT_INPUT, "PNG decoding failed: %s",
		    cairo_status_to_string(cairo_surface_status(s)));
	return s;
}

struct jerr {
	struct jpeg_error_mgr	 mgr;
	jmp_buf			 jmp;
};

static void
jpeg_fail(j_common_ptr cinfo)
{
	longjmp(((struct jerr *)cinfo->err)->jmp, 1);
}

/* A warning (premature end of data, corrupt data) is a refusal too: libjpeg
 * would otherwise fill a truncated image with grey and call it a success. */
static void
jpeg_message(j_common_ptr cinfo, int level)
{
	if (level < 0)
		longjmp(((struct jerr *)cinfo->err)->jmp, 1);
}

static cairo_surface_t *
decode_jpeg(const unsigned char *in, size_t n)
{
	struct jpeg_decompress_struct cinfo;
	struct jerr err;
	cairo_surface_t *volatile s = NULL;
	unsigned char *volatile row = NULL;

	cinfo.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail;
	err.mgr.emit_message = jpeg_message;
	if (setjmp(err.jmp)) {
		jpeg_destroy_decompress(&cinfo);
		render_die(RENDER_EXIT_INPUT, "JPEG decoding failed");
	}
	jpeg_create_decompress(&cinfo);
	jpeg_mem_src(&cinfo, in, (unsigned long)n);
	if (jpeg_read_header(&cinfo, TRUE) != JPEG_HEADER_OK)
		render_die(RENDER_EXIT_INPUT, "not a JPEG file");
	if (cinfo.image_width == 0 || cinfo.image_height == 0 ||
	    cinfo.image_width > RENDER_MAX_SIDE || cinfo.image_height > RENDER_MAX_SIDE)
		render_die(RENDER_EXIT_INPUT, "image too large");
	cinfo.out_color_space = JCS_RGB;
	jpeg_start_decompress(&cinfo);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)cinfo.output_width,
	    (int)cinfo.output_height);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		render_die(RENDER_EXIT_FAIL, "out of memory");
	if ((row = malloc((size_t)cinfo.output_width * 3)) == NULL)
		render_die(RENDER_EXIT_FAIL, "out of memory");
	unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	while (cinfo.output_scanline < cinfo.output_height) {
		JSAMPROW rows[1] = { row };
		unsigned y = cinfo.output_scanline;
		if (jpeg_read_scanlines(&cinfo, rows, 1) != 1)
			render_die(RENDER_EXIT_INPUT, "JPEG decoding failed");
		uint32_t *dst = (uint32_t *)(void *)(px + (size_t)y * (size_t)stride);
		for (unsigned x = 0; x < cinfo.output_width; x++)
			dst[x] = 0xff000000u | (uint32_t)row[3 * x] << 16 |
			    (uint32_t)row[3 * x + 1] << 8 | row[3 * x + 2];
	}
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	free(row);
	cairo_surface_mark_dirty(s);
	return s;
}

int
render_image(const unsigned char *in, size_t n, FILE *out)
{
	static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	cairo_surface_t *src;

	if (n > RENDER_MAX_IMAGE)
		render_die(RENDER_EXIT_INPUT, "image too large");
	if (n >= 8 && memcmp(in, png_sig, 8) == 0)
		src = decode_png(in, n);
	else if (n >= 3 && in[0] == 0xff && in[1] == 0xd8 && in[2] == 0xff)
		src = decode_jpeg(in, n);
	else
		render_die(RENDER_EXIT_INPUT, "neither PNG nor JPEG");

	int w = cairo_image_surface_get_width(src), h = cairo_image_surface_get_height(src);
	double k = 1.0;
	if (w > RENDER_LOGO_SIDE || h > RENDER_LOGO_SIDE)
		k = (double)RENDER_LOGO_SIDE / (w > h ? w : h);
	int ow = (int)(w * k + 0.5), oh = (int)(h * k + 0.5);
	if (ow < 1)
		ow = 1;
	if (oh < 1)
		oh = 1;
	/* Drawn afresh on a new surface: only pixels cross over. */
	cairo_surface_t *dst = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, ow, oh);
	cairo_t *cr = cairo_create(dst);
	cairo_scale(cr, k, k);
	cairo_set_source_surface(cr, src, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_destroy(cr);
	if (cairo_surface_write_to_png_stream(dst, png_write, out) != CAIRO_STATUS_SUCCESS)
		render_die(RENDER_EXIT_FAIL, "PNG encoding failed");
	cairo_surface_destroy(dst);
	cairo_surface_destroy(src);
	return RENDER_EXIT_OK;
}
