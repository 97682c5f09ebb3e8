/* `rempart-render docx`: the mission report as a Word document. The OOXML
 * parts (content types, relationships, styles with real Heading 1/Heading 2
 * styles, the document, a footer with the page number, the logos as PNG
 * media) are written here and zipped in memory with libzip. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>
#include <zip.h>

#include "render.h"

#define EMU_PER_PX	9525	/* at 96 dpi */

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>";

static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>";

static const char footer_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr>"
    "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>";

/* Styles: Normal, Title, Heading1/Heading2 (built-in names, so Word,
 * LibreOffice and python-docx see them as headings), a grid table. */
static void
styles(struct rbuf *b, const char *accent)
{
	rbuf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
	    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"DejaVu Sans\" "
	    "w:hAnsi=\"DejaVu Sans\" w:cs=\"DejaVu Sans\"/><w:sz w:val=\"20\"/>"
	    "<w:lang w:val=\"fr-FR\"/></w:rPr></w:rPrDefault>"
	    "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>"
	    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
	rbuf_printf(b, "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
	    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
	    "<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"%s\"/>"
	    "<w:sz w:val=\"56\"/></w:rPr></w:style>", accent);
	for (int level = 1; level <= 2; level++)
		rbuf_printf(b, "<w:style w:type=\"paragraph\" w:styleId=\"Heading%d\">"
		    "<w:name w:val=\"heading %d\"/><w:basedOn w:val=\"Normal\"/>"
		    "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
		    "<w:pPr><w:keepNext/><w:spacing w:before=\"%d\" w:after=\"120\"/>"
		    "<w:outlineLvl w:val=\"%d\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"%s\"/>"
		    "<w:sz w:val=\"%d\"/></w:rPr></w:style>", level, level,
		    level == 1 ? 360 : 240, level - 1, accent, level == 1 ? 32 : 26);
	rbuf_puts(b, "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
	    "<w:tblPr><w:tblBorders>"
	    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>"
	    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>"
	    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>"
	    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>"
	    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>"
	    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>"
	    "</w:tblBorders></w:tblPr></w:style></w:styles>");
}

static void
para(struct rbuf *b, const char *style, const char *text, bool bold)
{
	rbuf_puts(b, "<w:p>");
	if (style != NULL)
		rbuf_printf(b, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
	rbuf_puts(b, "<w:r>");
	if (bold)
		rbuf_puts(b, "<w:rPr><w:b/></w:rPr>");
	rbuf_puts(b, "<w:t xml:space=\"preserve\">");
	rbuf_xml(b, text);
	rbuf_puts(b, "</w:t></w:r></w:p>");
}

/* "Label: value" on one line. */
static void
field(struct rbuf *b, const char *label, const char *value)
{
	rbuf_puts(b, "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">");
	rbuf_xml(b, label);
	rbuf_puts(b, ": </w:t></w:r><w:r><w:t xml:space=\"preserve\">");
	rbuf_xml(b, value);
	rbuf_puts(b, "</w:t></w:r></w:p>");
}

/* A table cell; `keep` keeps its paragraph with the next one, which holds
 * a small table (a heat map) on one page. */
static void
cell_kept(struct rbuf *b, const char *text, int twips, const char *fill, bool bold, bool keep)
{
	rbuf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", twips);
	if (fill != NULL)
		rbuf_printf(b, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>", fill);
	rbuf_puts(b, "</w:tcPr><w:p>");
	if (keep)
		rbuf_puts(b, "<w:pPr><w:keepNext/><w:spacing w:after=\"0\"/></w:pPr>");
	rbuf_puts(b, "<w:r>");
	if (bold)
		rbuf_puts(b, "<w:rPr><w:b/></w:rPr>");
	rbuf_puts(b, "<w:t xml:space=\"preserve\">");
	rbuf_xml(b, text);
	rbuf_puts(b, "</w:t></w:r></w:p></w:tc>");
}

static void
cell(struct rbuf *b, const char *text, int twips, const char *fill, bool bold)
{
	cell_kept(b, text, twips, fill, bold, false);
}

static void
table_open(struct rbuf *b, const int *widths, size_t n)
{
	rbuf_puts(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
	    "<w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLook w:val=\"04A0\"/></w:tblPr><w:tblGrid>");
	for (size_t i = 0; i < n; i++)
		rbuf_printf(b, "<w:gridCol w:w=\"%d\"/>", widths[i]);
	rbuf_puts(b, "</w:tblGrid>");
}

/* A table of the rows of `list` (objects), columns by key. */
static void
table(struct rbuf *b, struct json_object *r, struct json_object *rows,
    const char *const *labels, const char *const *keys, const int *widths, size_t ncols,
    const char *empty)
{
	size_t n = rows ? json_object_array_length(rows) : 0;

	if (n == 0) {
		para(b, NULL, rj_label(r, empty), false);
		return;
	}
	table_open(b, widths, ncols);
	rbuf_puts(b, "<w:tr><w:trPr><w:tblHeader/></w:trPr>");
	for (size_t i = 0; i < ncols; i++)
		cell(b, rj_label(r, labels[i]), widths[i], "E8ECF1", true);
	rbuf_puts(b, "</w:tr>");
	for (size_t k = 0; k < n; k++) {
		struct json_object *row = json_object_array_get_idx(rows, k);
		rbuf_puts(b, "<w:tr>");
		for (size_t i = 0; i < ncols; i++)
			cell(b, rj_str(row, keys[i], ""), widths[i], NULL, false);
		rbuf_puts(b, "</w:tr>");
	}
	rbuf_puts(b, "</w:tbl><w:p/>");
}

static void
heat_map(struct rbuf *b, struct json_object *r, struct json_object *map, const char *title)
{
	static const char *const fill[4] = { "C7E6C9", "FFE699", "FAB880", "E87373" };
	const int w[6] = { 1400, 900, 900, 900, 900, 900 };
	char num[24];

	para(b, "Heading2", title, false);
	table_open(b, w, 6);
	for (int imp = 5; imp >= 1; imp--) {
		struct json_object *row = map ? json_object_array_get_idx(map, (size_t)imp - 1) : NULL;
		rbuf_puts(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		snprintf(num, sizeof(num), "%s %d", rj_label(r, "impact"), imp);
		cell_kept(b, num, w[0], NULL, true, true);
		for (int lik = 1; lik <= 5; lik++) {
			long long n = row ? json_object_get_int64(
			    json_object_array_get_idx(row, (size_t)lik - 1)) : 0;
			snprintf(num, sizeof(num), "%lld", n);
			cell_kept(b, n ? num : "", w[lik], fill[render_level(lik * imp)], n > 0, true);
		}
		rbuf_puts(b, "</w:tr>");
	}
	rbuf_puts(b, "<w:tr>");
	cell(b, rj_label(r, "likelihood"), w[0], NULL, true);
	for (int lik = 1; lik <= 5; lik++) {
		snprintf(num, sizeof(num), "%d", lik);
		cell(b, num, w[lik], NULL, true);
	}
	rbuf_puts(b, "</w:tr></w:tbl><w:p/>");
}

/* An inline picture of relationship rId, `id` unique in the document. */
static void
picture(struct rbuf *b, const char *rid, int id, long long cx, long long cy)
{
	rbuf_printf(b, "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
	    "<wp:extent cx=\"%lld\" cy=\"%lld\"/><wp:docPr id=\"%d\" name=\"Logo %d\"/>"
	    "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
	    "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
	    "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"logo%d.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
	    "<pic:blipFill><a:blip r:embed=\"%s\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
	    "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%lld\" cy=\"%lld\"/></a:xfrm>"
	    "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
	    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
	    cx, cy, id, id, id, id, rid, cx, cy);
}

struct media {
	unsigned char	*png;
	size_t		 n;
	long long	 cx, cy;	/* EMU */
};

/* A stored logo (base64 PNG) and its size fitted in 1.8 × 0.8 inches. */
static bool
load_logo(const char *b64, struct media *m)
{
	memset(m, 0, sizeof(*m));
	if (b64 == NULL || (m->png = render_b64_decode(b64, &m->n)) == NULL)
		return false;
	if (m->n < 24 || memcmp(m->png + 12, "IHDR", 4) != 0) {
		free(m->png);
		m->png = NULL;
		return false;
	}
	const unsigned char *p = m->png + 16;
	double w = (double)((unsigned long)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]);
	double h = (double)((unsigned long)p[4] << 24 | p[5] << 16 | p[6] << 8 | p[7]);
	double maxw = 1.8 * 914400, maxh = 0.8 * 914400, k;
	if (w <= 0 || h <= 0) {
		free(m->png);
		m->png = NULL;
		return false;
	}
	k = maxw / (w * EMU_PER_PX);
	if (h * EMU_PER_PX * k > maxh)
		k = maxh / (h * EMU_PER_PX);
	m->cx = (long long)(w * EMU_PER_PX * k);
	m->cy = (long long)(h * EMU_PER_PX * k);
	return true;
}

static void
document(struct rbuf *b, struct json_object *r, const struct media *logos)
{
	struct json_object *client = rj_obj(r, "client"), *risks = rj_obj(r, "risks");
	struct json_object *acts = rj_obj(r, "actions"), *fws = rj_arr(r, "frameworks");
	char v[64];

	rbuf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
	    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
	    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
	    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
	    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>");
	if (logos[0].png != NULL || logos[1].png != NULL) {
		rbuf_puts(b, "<w:p>");
		if (logos[0].png != NULL)
			picture(b, "rIdLogo1", 1, logos[0].cx, logos[0].cy);
		if (logos[0].png != NULL && logos[1].png != NULL)
			rbuf_puts(b, "<w:r><w:t xml:space=\"preserve\">    </w:t></w:r>");
		if (logos[1].png != NULL)
			picture(b, "rIdLogo2", 2, logos[1].cx, logos[1].cy);
		rbuf_puts(b, "</w:p>");
	}
	para(b, NULL, rj_label(r, "title"), false);
	para(b, "Title", rj_str(client, "name", ""), false);
	field(b, rj_label(r, "date"), rj_str(r, "date", ""));
	struct json_object *vc = rj_arr(r, "vcisos");
	struct rbuf who = { 0 };
	for (size_t i = 0; vc && i < json_object_array_length(vc); i++)
		rbuf_printf(&who, "%s%s", i ? ", " : "",
		    json_object_get_string(json_object_array_get_idx(vc, i)));
	field(b, rj_label(r, "vciso"), who.len ? (char *)who.data : rj_label(r, "none"));
	free(who.data);
	field(b, rj_label(r, "firm"), rj_str(rj_obj(r, "firm"), "name", ""));
	field(b, rj_label(r, "mission"), rj_str(client, "mission", ""));

	para(b, "Heading1", rj_label(r, "summary"), false);
	snprintf(v, sizeof(v), "%zu", fws ? json_object_array_length(fws) : 0);
	field(b, rj_label(r, "fig_frameworks"), v);
	snprintf(v, sizeof(v), "%lld", rj_int(risks, "total", 0));
	field(b, rj_label(r, "fig_risks"), v);
	snprintf(v, sizeof(v), "%lld", rj_int(acts, "open", 0));
	field(b, rj_label(r, "fig_open"), v);
	snprintf(v, sizeof(v), "%lld", rj_int(acts, "overdue", 0));
	field(b, rj_label(r, "fig_overdue"), v);

	para(b, "Heading1", rj_label(r, "compliance"), false);
	{
		static const char *const labels[] = { "framework", "compliance_pct", "assessed_col" };
		static const char *const keys[] = { "name", "pct_text", "assessed_text" };
		static const int w[] = { 5000, 2000, 2400 };
		table(b, r, fws, labels, keys, w, 3, "no_frameworks");
	}
	para(b, "Heading1", rj_label(r, "heat_title"), false);
	heat_map(b, r, rj_arr(risks, "heat_map"), rj_label(r, "heat_inherent"));
	heat_map(b, r, rj_arr(risks, "residual_heat_map"), rj_label(r, "heat_residual"));

	para(b, "Heading1", rj_label(r, "top_risks"), false);
	{
		static const char *const labels[] = { "risk", "score", "level", "residual",
			"treatment", "owner" };
		static const char *const keys[] = { "title", "score", "level", "residual",
			"treatment", "owner" };
		static const int w[] = { 3400, 900, 1200, 1100, 1300, 1500 };
		table(b, r, rj_arr(r, "top_risks"), labels, keys, w, 6, "no_risks");
	}
	static const char *const alabels[] = { "action", "due", "priority", "status", "progress" };
	static const char *const akeys[] = { "title", "due", "priority", "status", "progress" };
	static const int aw[] = { 3800, 1400, 1300, 1500, 1400 };
	para(b, "Heading1", rj_label(r, "open_actions"), false);
	table(b, r, rj_arr(r, "open_actions"), alabels, akeys, aw, 5, "no_open_actions");
	para(b, "Heading1", rj_label(r, "overdue_actions"), false);
	table(b, r, rj_arr(r, "overdue_actions"), alabels, akeys, aw, 5, "no_overdue_actions");

	rbuf_puts(b, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
	    "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" "
	    "w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
	    "</w:sectPr></w:body></w:document>");
}

static void
doc_rels(struct rbuf *b, const struct media *logos)
{
	rbuf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	    "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>");
	for (int i = 0; i < 2; i++)
		if (logos[i].png != NULL)
			rbuf_printf(b, "<Relationship Id=\"rIdLogo%d\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/logo%d.png\"/>",
			    i + 1, i + 1);
	rbuf_puts(b, "</Relationships>");
}

static void
core(struct rbuf *b, struct json_object *r)
{
	rbuf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	rbuf_xml(b, rj_str(r, "doc_title", ""));
	rbuf_puts(b, "</dc:title><dc:creator>Rempart</dc:creator></cp:coreProperties>");
}

static void
add(zip_t *za, const char *name, const void *data, size_t n)
{
	zip_source_t *s = zip_source_buffer(za, data, n, 0);

	if (s == NULL || zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(s);
		render_die(RENDER_EXIT_FAIL, "zip: %s", zip_strerror(za));
	}
}

int
render_docx(struct json_object *r, FILE *out)
{
	struct rbuf sty = { 0 }, doc = { 0 }, rels = { 0 }, meta = { 0 };
	struct media logos[2];
	zip_error_t zerr;
	const char *accent = rj_str(rj_obj(r, "firm"), "accent", NULL);
	char color[7] = "1F4A87";

	if (accent != NULL && strlen(accent) == 7 && accent[0] == '#' &&
	    strspn(accent + 1, "0123456789abcdefABCDEF") == 6)
		memcpy(color, accent + 1, 6);
	load_logo(rj_str(rj_obj(r, "logos"), "firm", NULL), &logos[0]);
	load_logo(rj_str(rj_obj(r, "logos"), "client", NULL), &logos[1]);
	styles(&sty, color);
	document(&doc, r, logos);
	doc_rels(&rels, logos);
	core(&meta, r);

	zip_error_init(&zerr);
	zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &zerr);
	zip_t *za = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &zerr) : NULL;
	if (za == NULL)
		render_die(RENDER_EXIT_FAIL, "zip: %s", zip_error_strerror(&zerr));
	zip_source_keep(mem);
	add(za, "[Content_Types].xml", content_types, sizeof(content_types) - 1);
	add(za, "_rels/.rels", root_rels, sizeof(root_rels) - 1);
	add(za, "docProps/core.xml", meta.data, meta.len);
	add(za, "word/document.xml", doc.data, doc.len);
	add(za, "word/styles.xml", sty.data, sty.len);
	add(za, "word/footer1.xml", footer_xml, sizeof(footer_xml) - 1);
	add(za, "word/_rels/document.xml.rels", rels.data, rels.len);
	if (logos[0].png != NULL)
		add(za, "word/media/logo1.png", logos[0].png, logos[0].n);
	if (logos[1].png != NULL)
		add(za, "word/media/logo2.png", logos[1].png, logos[1].n);
	if (zip_close(za) != 0)
		render_die(RENDER_EXIT_FAIL, "zip: %s", zip_strerror(za));

	unsigned char chunk[65536];
	zip_int64_t got;
	if (zip_source_open(mem) != 0)
		render_die(RENDER_EXIT_FAIL, "zip: reading the archive back failed");
	while ((got = zip_source_read(mem, chunk, sizeof(chunk))) > 0)
		if (fwrite(chunk, 1, (size_t)got, out) != (size_t)got)
			render_die(RENDER_EXIT_FAIL, "writing stdout failed");
	if (got < 0)
		render_die(RENDER_EXIT_FAIL, "zip: reading the archive back failed");
	zip_source_close(mem);
	zip_source_free(mem);
	free(sty.data);
	free(doc.data);
	free(rels.data);
	free(meta.data);
	free(logos[0].png);
	free(logos[1].png);
	return RENDER_EXIT_OK;
}
