/* `rempart-render pdf`: the mission report drawn with cairo and pango on A4
 * pages: a cover with both logos, the summary figures, compliance per
 * framework as bars, the inherent and residual heat maps as vectors, the top
 * risks and the open and overdue actions, with page numbers. Every text is
 * a pango layout with a width, so long names and accents wrap; cairo embeds
 * the subsets of the fonts used (DejaVu, Debian fonts-dejavu-core). The
 * document is laid out twice: the first pass counts the pages for "page n /
 * N", measuring every text but drawing none (nothing to subset).
 * `rempart-render soa` draws the Statement of Applicability with the same
 * pieces on A4 landscape pages: a header, the counts, then one row per
 * requirement under a header row repeated on every page. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <json.h>
#include <pango/pangocairo.h>

#include "render.h"

/* A4, portrait unless the document turns it (one document per run). */
static double page_w = 595.28, page_h = 841.89;
#define PAGE_W	page_w
#define PAGE_H	page_h
#define LEFT	56.0
#define RIGHT	(PAGE_W - 56.0)
#define TOP	60.0
#define BOTTOM	(PAGE_H - 70.0)
#define WIDTH	(RIGHT - LEFT)
#define FONT	"DejaVu Sans"

struct pdf {
	cairo_t			*cr;
	PangoLayout		*layout;
	PangoFontDescription	*font;
	struct json_object	*r;
	double			 y;
	int			 page;
	int			 pages;		/* known after the first pass, else 0 */
	bool			 counting;	/* the first pass: lay out, draw no text */
	bool			 one_line;	/* texts cut with an ellipsis (the footer) */
	int			 max_lines;	/* >0: longer texts cut with an ellipsis */
	double			 accent[3];
	const char		*client;
};

struct rgb { double r, g, b; };
static const struct rgb ink = { 0.13, 0.13, 0.16 }, grey = { 0.42, 0.44, 0.48 },
    rule = { 0.82, 0.84, 0.87 };
/* Risk levels low..critical, as the Pilot's heat map. */
static const struct rgb level_rgb[4] = {
	{ 0.78, 0.90, 0.79 }, { 1.00, 0.90, 0.60 }, { 0.98, 0.72, 0.50 }, { 0.91, 0.45, 0.45 },
};

static void
set_rgb(struct pdf *p, struct rgb c)
{
	cairo_set_source_rgb(p->cr, c.r, c.g, c.b);
}

/* Lay out s in `width` points (wrapping at words, then characters), at
 * size pt; draw it at (x, y) unless dry. Returns its height. */
static double
text_at(struct pdf *p, const char *s, double size, bool bold, double x, double y,
    double width, struct rgb c, PangoAlignment align, bool dry)
{
	int w, h;

	pango_font_description_set_absolute_size(p->font, size * PANGO_SCALE);
	pango_font_description_set_weight(p->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(p->layout, p->font);
	pango_layout_set_width(p->layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(p->layout, align);
	pango_layout_set_ellipsize(p->layout, p->one_line || p->max_lines > 0 ?
	    PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
	/* A negative height is a number of lines (pango_layout_set_height). */
	pango_layout_set_height(p->layout, p->max_lines > 0 && !p->one_line ? -p->max_lines : -1);
	pango_layout_set_text(p->layout, s ? s : "", -1);
	pango_layout_get_size(p->layout, &w, &h);
	if (!dry && !p->counting) {
		set_rgb(p, c);
		cairo_move_to(p->cr, x, y);
		pango_cairo_show_layout(p->cr, p->layout);
	}
	return (double)h / PANGO_SCALE;
}

static void
footer(struct pdf *p)
{
	char num[64];
	const char *label = rj_label(p->r, "page");

	if (p->pages > 0)
		snprintf(num, sizeof(num), "%s %d / %d", label, p->page, p->pages);
	else
		snprintf(num, sizeof(num), "%s %d", label, p->page);
	cairo_set_line_width(p->cr, 0.5);
	set_rgb(p, rule);
	cairo_move_to(p->cr, LEFT, BOTTOM + 18);
	cairo_line_to(p->cr, RIGHT, BOTTOM + 18);
	cairo_stroke(p->cr);
	p->one_line = true;
	text_at(p, p->client, 8, false, LEFT, BOTTOM + 24, WIDTH * 0.7, grey,
	    PANGO_ALIGN_LEFT, false);
	p->one_line = false;
	text_at(p, num, 8, false, LEFT, BOTTOM + 24, WIDTH, grey, PANGO_ALIGN_RIGHT, false);
}

static void
new_page(struct pdf *p)
{
	if (p->page > 0) {
		footer(p);
		cairo_show_page(p->cr);
	}
	p->page++;
	p->y = TOP;
	/* The firm's accent colour as a band along the top of every page. */
	cairo_set_source_rgb(p->cr, p->accent[0], p->accent[1], p->accent[2]);
	cairo_rectangle(p->cr, 0, 0, PAGE_W, 8);
	cairo_fill(p->cr);
}

/* Room for h more points on this page, or a new one. */
static void
need(struct pdf *p, double h)
{
	if (p->y + h > BOTTOM)
		new_page(p);
}

static void
heading(struct pdf *p, const char *s)
{
	struct rgb c = { p->accent[0], p->accent[1], p->accent[2] };
	double h = text_at(p, s, 16, true, LEFT, 0, WIDTH, c, PANGO_ALIGN_LEFT, true);

	need(p, h + 60);	/* never a heading alone at the foot of a page */
	p->y += 8;
	text_at(p, s, 16, true, LEFT, p->y, WIDTH, c, PANGO_ALIGN_LEFT, false);
	p->y += h + 8;
}

static void
paragraph(struct pdf *p, const char *s, double size, struct rgb c)
{
	double h = text_at(p, s, size, false, LEFT, 0, WIDTH, c, PANGO_ALIGN_LEFT, true);

	need(p, h);
	text_at(p, s, size, false, LEFT, p->y, WIDTH, c, PANGO_ALIGN_LEFT, false);
	p->y += h + 4;
}

struct png_src {
	const unsigned char	*d;
	size_t			 n, off;
};

static cairo_status_t
png_read(void *closure, unsigned char *data, unsigned int len)
{
	struct png_src *r = closure;

	if (r->n - r->off < len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->d + r->off, len);
	r->off += len;
	return CAIRO_STATUS_SUCCESS;
}

/* A logo (base64 PNG, re-encoded when it was stored) fitted in a box. */
static void
logo(struct pdf *p, const char *b64, double x, double y, double bw, double bh, bool right)
{
	size_t n;
	unsigned char *png;

	if (p->counting || b64 == NULL || (png = render_b64_decode(b64, &n)) == NULL)
		return;
	struct png_src rd = { png, n, 0 };
	cairo_surface_t *s = cairo_image_surface_create_from_png_stream(png_read, &rd);

	if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
		double w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
		double k = fmin(bw / w, bh / h);
		cairo_save(p->cr);
		cairo_translate(p->cr, right ? x + bw - w * k : x, y);
		cairo_scale(p->cr, k, k);
		cairo_set_source_surface(p->cr, s, 0, 0);
		cairo_paint(p->cr);
		cairo_restore(p->cr);
	}
	cairo_surface_destroy(s);
	free(png);
}

static void
cover(struct pdf *p)
{
	struct json_object *r = p->r, *logos = rj_obj(r, "logos");
	struct rgb accent = { p->accent[0], p->accent[1], p->accent[2] };

	logo(p, rj_str(logos, "firm", NULL), LEFT, 40, 180, 80, false);
	logo(p, rj_str(logos, "client", NULL), RIGHT - 180, 40, 180, 80, true);
	/* The client's name as large as the page allows: a long one (a
	 * client's name holds 200 characters) gets a smaller size and starts
	 * higher, so that the fields below stay on the cover. */
	double size = 30, h = text_at(p, p->client, size, true, LEFT, 0, WIDTH, accent,
	    PANGO_ALIGN_LEFT, true);
	while (h > 230 && size > 14)
		h = text_at(p, p->client, size -= 4, true, LEFT, 0, WIDTH, accent,
		    PANGO_ALIGN_LEFT, true);
	p->y = h > 150 ? 150 : 260;
	p->y += text_at(p, rj_label(r, "title"), 14, false, LEFT, p->y, WIDTH, grey,
	    PANGO_ALIGN_LEFT, false) + 8;
	p->y += text_at(p, p->client, size, true, LEFT, p->y, WIDTH, accent, PANGO_ALIGN_LEFT,
	    false) + 24;
	cairo_set_source_rgb(p->cr, p->accent[0], p->accent[1], p->accent[2]);
	cairo_rectangle(p->cr, LEFT, p->y, 80, 4);
	cairo_fill(p->cr);
	p->y += 24;

	struct json_object *vcisos = rj_arr(r, "vcisos");
	char *who = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&who, &len);
	for (size_t i = 0; vcisos && i < json_object_array_length(vcisos); i++)
		fprintf(m, "%s%s", i ? ", " : "",
		    json_object_get_string(json_object_array_get_idx(vcisos, i)));
	fclose(m);
	const char *rows[][2] = {
		{ rj_label(r, "date"), rj_str(r, "date", "") },
		{ rj_label(r, "vciso"), who[0] ? who : rj_label(r, "none") },
		{ rj_label(r, "firm"), rj_str(rj_obj(r, "firm"), "name", "") },
		{ rj_label(r, "mission"), rj_str(rj_obj(r, "client"), "mission", "") },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		double h1 = text_at(p, rows[i][0], 11, true, LEFT, p->y, 120, grey,
		    PANGO_ALIGN_LEFT, false);
		double h2 = text_at(p, rows[i][1], 11, false, LEFT + 130, p->y, WIDTH - 130, ink,
		    PANGO_ALIGN_LEFT, false);
		p->y += fmax(h1, h2) + 6;
	}
	free(who);
}

static void
figures(struct pdf *p)
{
	struct json_object *r = p->r, *risks = rj_obj(r, "risks"), *acts = rj_obj(r, "actions");
	struct json_object *fws = rj_arr(r, "frameworks");
	char v[4][32];
	const char *labels[4] = { rj_label(r, "fig_frameworks"), rj_label(r, "fig_risks"),
		rj_label(r, "fig_open"), rj_label(r, "fig_overdue") };

	snprintf(v[0], sizeof(v[0]), "%zu", fws ? json_object_array_length(fws) : 0);
	snprintf(v[1], sizeof(v[1]), "%lld", rj_int(risks, "total", 0));
	snprintf(v[2], sizeof(v[2]), "%lld", rj_int(acts, "open", 0));
	snprintf(v[3], sizeof(v[3]), "%lld", rj_int(acts, "overdue", 0));
	heading(p, rj_label(r, "summary"));
	need(p, 80);
	double bw = (WIDTH - 3 * 10) / 4;
	for (int i = 0; i < 4; i++) {
		double x = LEFT + i * (bw + 10);
		cairo_set_source_rgb(p->cr, 0.96, 0.97, 0.98);
		cairo_rectangle(p->cr, x, p->y, bw, 70);
		cairo_fill(p->cr);
		struct rgb c = { p->accent[0], p->accent[1], p->accent[2] };
		if (i == 3 && rj_int(acts, "overdue", 0) > 0)
			c = (struct rgb){ 0.75, 0.15, 0.15 };
		text_at(p, v[i], 22, true, x + 8, p->y + 6, bw - 16, c, PANGO_ALIGN_LEFT, false);
		text_at(p, labels[i], 8.5, false, x + 8, p->y + 38, bw - 16, grey, PANGO_ALIGN_LEFT,
		    false);
	}
	p->y += 84;
}

static void
compliance(struct pdf *p)
{
	struct json_object *r = p->r, *fws = rj_arr(r, "frameworks");
	size_t n = fws ? json_object_array_length(fws) : 0;
	const double name_w = 230, bar_x = LEFT + 240, bar_w = WIDTH - 240 - 60;

	heading(p, rj_label(r, "compliance"));
	if (n == 0)
		paragraph(p, rj_label(r, "no_frameworks"), 10, grey);
	for (size_t i = 0; i < n; i++) {
		struct json_object *fw = json_object_array_get_idx(fws, i);
		const char *name = rj_str(fw, "name", "");
		double pct = rj_num(fw, "pct", -1);
		char label[32];
		double h = text_at(p, name, 10, false, LEFT, 0, name_w, ink, PANGO_ALIGN_LEFT, true);
		h = fmax(h, 14) + 8;
		need(p, h);
		text_at(p, name, 10, false, LEFT, p->y, name_w, ink, PANGO_ALIGN_LEFT, false);
		set_rgb(p, (struct rgb){ 0.92, 0.93, 0.95 });
		cairo_rectangle(p->cr, bar_x, p->y + 1, bar_w, 11);
		cairo_fill(p->cr);
		if (pct >= 0) {
			cairo_set_source_rgb(p->cr, p->accent[0], p->accent[1], p->accent[2]);
			cairo_rectangle(p->cr, bar_x, p->y + 1, bar_w * fmin(pct, 100) / 100, 11);
			cairo_fill(p->cr);
			snprintf(label, sizeof(label), "%s", rj_str(fw, "pct_text", ""));
		} else
			snprintf(label, sizeof(label), "—");
		text_at(p, label, 10, true, bar_x + bar_w + 6, p->y, 54, ink, PANGO_ALIGN_RIGHT,
		    false);
		char detail[96];
		snprintf(detail, sizeof(detail), "%lld / %lld %s", rj_int(fw, "assessed", 0),
		    rj_int(fw, "total", 0), rj_label(r, "assessed"));
		double hd = text_at(p, detail, 7.5, false, bar_x, p->y + 14, bar_w, grey,
		    PANGO_ALIGN_LEFT, false);
		p->y += fmax(h, 14 + hd + 6);
	}
}

/* One 5×5 map at (x, y): rows by impact (5 at the top), columns by
 * likelihood, each cell coloured by the level of its score with its
 * count. */
static void
heat_map(struct pdf *p, struct json_object *map, const char *title, double x, double y)
{
	const double cell = 34, gx = x + 26;
	struct json_object *r = p->r;

	text_at(p, title, 11, true, x, y, 6 * cell + 26, ink, PANGO_ALIGN_LEFT, false);
	y += 20;
	for (int imp = 5; imp >= 1; imp--) {
		struct json_object *row = map ? json_object_array_get_idx(map, (size_t)imp - 1) : NULL;
		double cy = y + (5 - imp) * cell;
		char num[24];
		snprintf(num, sizeof(num), "%d", imp);
		text_at(p, num, 8, false, x + 6, cy + cell / 2 - 5, 12, grey, PANGO_ALIGN_RIGHT,
		    false);
		for (int lik = 1; lik <= 5; lik++) {
			double cx = gx + (lik - 1) * cell;
			long long count = row ? json_object_get_int64(
			    json_object_array_get_idx(row, (size_t)lik - 1)) : 0;
			set_rgb(p, level_rgb[render_level(lik * imp)]);
			cairo_rectangle(p->cr, cx, cy, cell, cell);
			cairo_fill_preserve(p->cr);
			cairo_set_source_rgb(p->cr, 1, 1, 1);
			cairo_set_line_width(p->cr, 1.5);
			cairo_stroke(p->cr);
			if (count > 0) {
				snprintf(num, sizeof(num), "%lld", count);
				text_at(p, num, 11, true, cx, cy + cell / 2 - 7, cell, ink,
				    PANGO_ALIGN_CENTER, false);
			}
		}
	}
	double by = y + 5 * cell + 3;
	for (int lik = 1; lik <= 5; lik++) {
		char num[8];
		snprintf(num, sizeof(num), "%d", lik);
		text_at(p, num, 8, false, gx + (lik - 1) * cell, by, cell, grey, PANGO_ALIGN_CENTER,
		    false);
	}
	text_at(p, rj_label(r, "likelihood"), 8, false, gx, by + 12, 5 * cell, grey,
	    PANGO_ALIGN_CENTER, false);
	/* "Impact" along the vertical axis. */
	cairo_save(p->cr);
	cairo_translate(p->cr, x - 6, y + 5 * cell);
	cairo_rotate(p->cr, -M_PI / 2);
	text_at(p, rj_label(r, "impact"), 8, false, 0, 0, 5 * cell, grey, PANGO_ALIGN_CENTER,
	    false);
	cairo_restore(p->cr);
}

static void
heat_maps(struct pdf *p)
{
	struct json_object *risks = rj_obj(p->r, "risks");

	heading(p, rj_label(p->r, "heat_title"));
	need(p, 250);
	heat_map(p, rj_arr(risks, "heat_map"), rj_label(p->r, "heat_inherent"), LEFT + 10, p->y);
	heat_map(p, rj_arr(risks, "residual_heat_map"), rj_label(p->r, "heat_residual"),
	    LEFT + WIDTH / 2 + 10, p->y);
	p->y += 245;
	/* The legend: the four levels. */
	static const char *const keys[4] = { "level_low", "level_medium", "level_high",
		"level_critical" };
	double x = LEFT;
	for (int i = 0; i < 4; i++) {
		set_rgb(p, level_rgb[i]);
		cairo_rectangle(p->cr, x, p->y + 2, 10, 10);
		cairo_fill(p->cr);
		text_at(p, rj_label(p->r, keys[i]), 8.5, false, x + 14, p->y, 100, ink,
		    PANGO_ALIGN_LEFT, false);
		x += 110;
	}
	p->y += 24;
}

/* A table: a header row repeated on each page, rows as tall as their
 * longest wrapped cell. */
struct col {
	const char	*label;
	const char	*key;		/* member of a row object */
	double		 width;
	PangoAlignment	 align;
};

static void
table_header(struct pdf *p, const struct col *cols, size_t ncols)
{
	double x = LEFT, h = 0;

	for (size_t i = 0; i < ncols; i++)
		h = fmax(h, text_at(p, cols[i].label, 8.5, true, 0, 0, cols[i].width - 8, ink,
		    cols[i].align, true));
	need(p, h + 30);
	set_rgb(p, (struct rgb){ 0.93, 0.94, 0.96 });
	cairo_rectangle(p->cr, LEFT, p->y, WIDTH, h + 8);
	cairo_fill(p->cr);
	for (size_t i = 0; i < ncols; i++) {
		text_at(p, cols[i].label, 8.5, true, x + 4, p->y + 4, cols[i].width - 8, ink,
		    cols[i].align, false);
		x += cols[i].width;
	}
	p->y += h + 8;
}

static void
table(struct pdf *p, const struct col *cols, size_t ncols, struct json_object *rows,
    const char *empty)
{
	size_t n = rows ? json_object_array_length(rows) : 0;

	if (n == 0) {
		paragraph(p, empty, 10, grey);
		return;
	}
	table_header(p, cols, ncols);
	for (size_t r = 0; r < n; r++) {
		struct json_object *row = json_object_array_get_idx(rows, r);
		double h = 0, x = LEFT;
		for (size_t i = 0; i < ncols; i++)
			h = fmax(h, text_at(p, rj_str(row, cols[i].key, ""), 9, false, 0, 0,
			    cols[i].width - 8, ink, cols[i].align, true));
		if (p->y + h + 8 > BOTTOM) {
			new_page(p);
			table_header(p, cols, ncols);
		}
		bool late = json_object_get_boolean(json_object_object_get(row, "overdue"));
		for (size_t i = 0; i < ncols; i++) {
			text_at(p, rj_str(row, cols[i].key, ""), 9, i == 0 && late, x + 4, p->y + 4,
			    cols[i].width - 8, late && i == 0 ? (struct rgb){ 0.7, 0.1, 0.1 } : ink,
			    cols[i].align, false);
			x += cols[i].width;
		}
		p->y += h + 8;
		set_rgb(p, rule);
		cairo_set_line_width(p->cr, 0.5);
		cairo_move_to(p->cr, LEFT, p->y);
		cairo_line_to(p->cr, RIGHT, p->y);
		cairo_stroke(p->cr);
	}
	p->y += 10;
}

static void
risks(struct pdf *p)
{
	struct json_object *r = p->r;
	const struct col cols[] = {
		{ rj_label(r, "risk"), "title", 190, PANGO_ALIGN_LEFT },
		{ rj_label(r, "score"), "score", 45, PANGO_ALIGN_RIGHT },
		{ rj_label(r, "level"), "level", 65, PANGO_ALIGN_LEFT },
		{ rj_label(r, "residual"), "residual", 55, PANGO_ALIGN_RIGHT },
		{ rj_label(r, "treatment"), "treatment", 60, PANGO_ALIGN_LEFT },
		{ rj_label(r, "owner"), "owner", WIDTH - 415, PANGO_ALIGN_LEFT },
	};
	heading(p, rj_label(r, "top_risks"));
	table(p, cols, sizeof(cols) / sizeof(cols[0]), rj_arr(r, "top_risks"),
	    rj_label(r, "no_risks"));
}

static void
actions(struct pdf *p, const char *title, const char *list, const char *empty)
{
	struct json_object *r = p->r;
	const struct col cols[] = {
		{ rj_label(r, "action"), "title", 200, PANGO_ALIGN_LEFT },
		{ rj_label(r, "due"), "due", 70, PANGO_ALIGN_LEFT },
		{ rj_label(r, "priority"), "priority", 60, PANGO_ALIGN_LEFT },
		{ rj_label(r, "status"), "status", 65, PANGO_ALIGN_LEFT },
		{ rj_label(r, "progress"), "progress", WIDTH - 395, PANGO_ALIGN_RIGHT },
	};
	heading(p, rj_label(r, title));
	table(p, cols, sizeof(cols) / sizeof(cols[0]), rj_arr(r, list), rj_label(r, empty));
}

static void
parse_accent(const char *s, double out[3])
{
	unsigned v;

	out[0] = 0.12, out[1] = 0.29, out[2] = 0.53;	/* the product's blue */
	if (s != NULL && strlen(s) == 7 && s[0] == '#' && sscanf(s + 1, "%6x", &v) == 1) {
		out[0] = ((v >> 16) & 0xff) / 255.0;
		out[1] = ((v >> 8) & 0xff) / 255.0;
		out[2] = (v & 0xff) / 255.0;
	}
}

static cairo_status_t
discard(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure, (void)data, (void)len;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

static void
report_body(struct pdf *p)
{
	cover(p);
	new_page(p);
	figures(p);
	compliance(p);
	heat_maps(p);
	risks(p);
	actions(p, "open_actions", "open_actions", "no_open_actions");
	actions(p, "overdue_actions", "overdue_actions", "no_overdue_actions");
}

/* One pass over the document drawn by body; returns its page count. */
static int
lay_out(struct json_object *report, FILE *out, int pages, void (*body)(struct pdf *))
{
	struct pdf p = { .r = report, .pages = pages, .counting = out == NULL };
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(out ? write_out : discard, out,
	    PAGE_W, PAGE_H);

	if (out != NULL) {
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
		    rj_str(report, "doc_title", ""));
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Rempart");
	}
	p.cr = cairo_create(s);
	p.layout = pango_cairo_create_layout(p.cr);
	p.font = pango_font_description_from_string(FONT);
	p.client = rj_str(rj_obj(report, "client"), "name", "");
	parse_accent(rj_str(rj_obj(report, "firm"), "accent", NULL), p.accent);

	new_page(&p);
	body(&p);
	footer(&p);
	cairo_show_page(p.cr);

	pango_font_description_free(p.font);
	g_object_unref(p.layout);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS)
		render_die(RENDER_EXIT_FAIL, "PDF: %s", cairo_status_to_string(st));
	return p.page;
}

int
render_pdf(struct json_object *report, FILE *out)
{
	int pages = lay_out(report, NULL, 0, report_body);

	lay_out(report, out, pages, report_body);
	return RENDER_EXIT_OK;
}

/* ------------------------------------------------------------- SoA --- */

/* The first page's header: both logos, the title, the framework and its
 * version, the client, the date, the firm and the cycle. */
static void
soa_header(struct pdf *p)
{
	struct json_object *r = p->r, *logos = rj_obj(r, "logos"), *fw = rj_obj(r, "framework");
	struct rgb accent = { p->accent[0], p->accent[1], p->accent[2] };
	const char *firm_logo = rj_str(logos, "firm", NULL), *client_logo = rj_str(logos, "client", NULL);

	if (firm_logo != NULL || client_logo != NULL) {
		logo(p, firm_logo, LEFT, 22, 150, 48, false);
		logo(p, client_logo, RIGHT - 150, 22, 150, 48, true);
		p->y = 80;
	}
	p->y += text_at(p, rj_label(r, "title"), 20, true, LEFT, p->y, WIDTH, accent,
	    PANGO_ALIGN_LEFT, false) + 2;
	p->y += text_at(p, rj_str(fw, "name", ""), 14, true, LEFT, p->y, WIDTH, ink,
	    PANGO_ALIGN_LEFT, false) + 10;
	/* Two columns of "label  value". */
	const char *rows[][2] = {
		{ rj_label(r, "client"), p->client },
		{ rj_label(r, "date"), rj_str(r, "date", "") },
		{ rj_label(r, "version"), rj_str(fw, "version", "") },
		{ rj_label(r, "firm"), rj_str(rj_obj(r, "firm"), "name", "") },
		{ rj_label(r, "cycle"), rj_str(fw, "cycle", "") },
	};
	const double half = WIDTH / 2, key_w = 80;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i += 2) {
		double h = 0;
		for (size_t k = i; k < i + 2 && k < sizeof(rows) / sizeof(rows[0]); k++) {
			double x = LEFT + (double)(k - i) * half;
			h = fmax(h, text_at(p, rows[k][0], 10, true, x, p->y, key_w - 6, grey,
			    PANGO_ALIGN_LEFT, false));
			h = fmax(h, text_at(p, rows[k][1], 10, false, x + key_w, p->y,
			    half - key_w - 12, ink, PANGO_ALIGN_LEFT, false));
		}
		p->y += h + 4;
	}
	p->y += 6;
	cairo_set_source_rgb(p->cr, p->accent[0], p->accent[1], p->accent[2]);
	cairo_rectangle(p->cr, LEFT, p->y, 80, 3);
	cairo_fill(p->cr);
	p->y += 12;
}

static void
soa_body(struct pdf *p)
{
	struct json_object *r = p->r;
	/* The widths of the SoA page's columns, on a landscape page. */
	const double rest = (WIDTH - 553) / 2;
	const struct col cols[] = {
		{ rj_label(r, "ref"), "ref", 62, PANGO_ALIGN_LEFT },
		{ rj_label(r, "req_title"), "title", 153, PANGO_ALIGN_LEFT },
		{ rj_label(r, "applicable"), "applicable", 68, PANGO_ALIGN_LEFT },
		{ rj_label(r, "justification"), "justification", 180, PANGO_ALIGN_LEFT },
		{ rj_label(r, "status"), "status", 90, PANGO_ALIGN_LEFT },
		{ rj_label(r, "resources"), "resources", rest, PANGO_ALIGN_LEFT },
		{ rj_label(r, "actions"), "actions", rest, PANGO_ALIGN_LEFT },
	};
	const char *warning = rj_str(r, "warning", NULL);

	soa_header(p);
	paragraph(p, rj_str(r, "counts", ""), 10, ink);
	if (warning != NULL)
		paragraph(p, warning, 9, (struct rgb){ 0.7, 0.1, 0.1 });
	p->y += 6;
	/* A row never taller than a page: a cell past 36 lines (a justification
	 * holds 4,000 characters) ends with an ellipsis. */
	p->max_lines = 36;
	table(p, cols, sizeof(cols) / sizeof(cols[0]), rj_arr(r, "rows"), rj_label(r, "none"));
	p->max_lines = 0;
}

int
render_soa(struct json_object *soa, FILE *out)
{
	page_w = 841.89, page_h = 595.28;
	int pages = lay_out(soa, NULL, 0, soa_body);

	lay_out(soa, out, pages, soa_body);
	return RENDER_EXIT_OK;
}
