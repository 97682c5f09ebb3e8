/* Tabular exports (CSV and XLSX) from one declared table of typed columns. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json.h>
#include <xlsxwriter.h>

#include "arena.h"
#include "csv.h"
#include "export.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "tmpl.h"
#include "util.h"

#define P(...) rp_printf(req->arena, __VA_ARGS__)
/* Excel: at most 32,767 characters in a cell. */
#define XLSX_STR_MAX	32767
/* Column widths, in characters: room for short codes, no wall of text. */
#define WIDTH_MIN	6
#define WIDTH_MAX	60

static const char *cell_text(struct rp_req *, const struct rp_col *, struct json_object *);
static struct json_object *cell_value(struct json_object *row, const char *key);
static int write_book(struct rp_req *, const struct rp_table *, struct json_object *,
    const char *path, char *tmpdir);
static int slurp(const char *path, struct rp_buf *out);

int
rp_export_parse_date(const char *s, int *y, int *mo, int *d, int *h, int *mi, int *sec)
{
	int n = 0;

	*h = *mi = *sec = 0;
	if (s == NULL || strlen(s) < 10)
		return -1;
	for (int i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return -1;
	if (sscanf(s, "%4d-%2d-%2d%n", y, mo, d, &n) != 3 || n != 10)
		return -1;
	if (s[10] != '\0') {
		const char *t = s + 11;
		if (s[10] != 'T' && s[10] != ' ')
			return -1;
		for (int i = 0; i < 8; i++)
			if ((i == 2 || i == 5) ? t[i] != ':' : (t[i] < '0' || t[i] > '9'))
				return -1;
		if (sscanf(t, "%2d:%2d:%2d", h, mi, sec) != 3)
			return -1;
		if (t[8] != '\0' && !(t[8] == 'Z' && t[9] == '\0'))
			return -1;
	}
	if (*y < 1900 || *mo < 1 || *mo > 12 || *d < 1 || *d > 31 || *h > 23 || *mi > 59 ||
	    *sec > 59)
		return -1;
	return 0;
}

struct json_object *
rp_export_pick(struct json_object *o, const char *path)
{
	char key[64];

	while (o != NULL && *path != '\0') {
		size_t n = strcspn(path, ".");
		if (n >= sizeof(key) || !json_object_is_type(o, json_type_object))
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		if (!json_object_object_get_ex(o, key, &o))
			return NULL;
		path += n + (path[n] == '.');
	}
	return o;
}

size_t
rp_export_clip(const char *s)
{
	size_t i = 0, chars = 0;

	while (s[i] != '\0') {
		if (chars == XLSX_STR_MAX)
			break;
		/* Step over one UTF-8 sequence (continuation bytes 10xxxxxx). */
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	return i;
}

/* The row's value of key; NULL when missing or JSON null. */
static struct json_object *
cell_value(struct json_object *row, const char *key)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(row, key, &v))
		return NULL;
	return v;
}

/* A cell as text, the CSV way ("" for null, "1"/"0" for booleans, lists
 * joined). */
static const char *
cell_text(struct rp_req *req, const struct rp_col *col, struct json_object *v)
{
	if (v == NULL)
		return "";
	if (json_object_is_type(v, json_type_array)) {
		struct rp_buf b;
		rp_buf_init(&b, req->arena);
		for (size_t k = 0; k < json_object_array_length(v); k++)
			rp_buf_printf(&b, "%s%s", k ? (col->join ? col->join : ",") : "",
			    json_object_get_string(json_object_array_get_idx(v, k)));
		return rp_buf_str(&b);
	}
	if (json_object_is_type(v, json_type_boolean)) {
		bool b = json_object_get_boolean(v);
		if (col->type == RP_COL_YESNO)
			return b ? "yes" : "no";
		return b ? "1" : "0";
	}
	return json_object_get_string(v);
}

void
rp_export_csv(struct rp_req *req, const struct rp_table *t, struct json_object *rows,
    struct rp_buf *out)
{
	/* The BOM makes spreadsheets read UTF-8; ';' is what they expect
	 * where the decimal separator is a comma (France). */
	rp_buf_puts(out, "\xef\xbb\xbf");
	for (size_t i = 0; i < t->ncols; i++)
		rp_buf_printf(out, "%s%s", i ? ";" : "", t->cols[i].key);
	rp_buf_puts(out, "\r\n");
	for (size_t r = 0; r < json_object_array_length(rows); r++) {
		struct json_object *row = json_object_array_get_idx(rows, r);
		for (size_t i = 0; i < t->ncols; i++) {
			if (i)
				rp_buf_puts(out, ";");
			/* Neutralised against formula injection by rp_csv_cell. */
			rp_csv_cell(out, cell_text(req, &t->cols[i],
			    cell_value(row, t->cols[i].key)), ';');
		}
		rp_buf_puts(out, "\r\n");
	}
}

static int
write_book(struct rp_req *req, const struct rp_table *t, struct json_object *rows,
    const char *path, char *tmpdir)
{
	lxw_workbook_options opt = { .constant_memory = LXW_FALSE, .tmpdir = tmpdir,
		.use_zip64 = LXW_FALSE };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	size_t n = json_object_array_length(rows);
	int rc = -1;

	if (wb == NULL)
		return -1;
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->name);
	lxw_format *head = workbook_add_format(wb);
	lxw_format *date = workbook_add_format(wb);
	lxw_format *stamp = workbook_add_format(wb);
	if (ws == NULL || head == NULL || date == NULL || stamp == NULL)
		goto out;
	format_set_bold(head);
	format_set_num_format(date, "yyyy-mm-dd");
	format_set_num_format(stamp, "yyyy-mm-dd hh:mm");
	double *width = rp_calloc(req->arena, t->ncols, sizeof(*width));
	for (size_t i = 0; i < t->ncols; i++) {
		const char *label = rp_lang_text(req, t->cols[i].label);
		if (*label == '\0')
			label = t->cols[i].key;
		width[i] = (double)rp_utf8_chars(label) + 3;	/* + the filter button */
		if (worksheet_write_string(ws, 0, (lxw_col_t)i, label, head) != LXW_NO_ERROR)
			goto out;
	}
	for (size_t r = 0; r < n; r++) {
		struct json_object *row = json_object_array_get_idx(rows, r);
		lxw_row_t y = (lxw_row_t)(r + 1);
		for (size_t i = 0; i < t->ncols; i++) {
			const struct rp_col *col = &t->cols[i];
			struct json_object *v = cell_value(row, col->key);
			lxw_col_t x = (lxw_col_t)i;
			lxw_error e = LXW_NO_ERROR;
			double w = 0;
			int yy, mo, d, h, mi, s;

			if (v == NULL)
				continue;
			char *end = NULL;
			double dv = 0;
			if (col->type == RP_COL_NUM && json_object_is_type(v, json_type_string)) {
				const char *num = json_object_get_string(v);
				dv = strtod(num, &end);
				if (*num == '\0' || *end != '\0' || !isfinite(dv))
					end = NULL;
			}
			if ((col->type == RP_COL_INT || col->type == RP_COL_NUM) &&
			    (json_object_is_type(v, json_type_int) ||
			    json_object_is_type(v, json_type_double))) {
				e = worksheet_write_number(ws, y, x, json_object_get_double(v), NULL);
				w = (double)strlen(json_object_get_string(v));
			} else if (end != NULL) {
				/* A number kept as text by its module (a DECIMAL). */
				e = worksheet_write_number(ws, y, x, dv, NULL);
				w = (double)strlen(json_object_get_string(v));
			} else if ((col->type == RP_COL_BOOL || col->type == RP_COL_YESNO) &&
			    json_object_is_type(v, json_type_boolean)) {
				e = worksheet_write_boolean(ws, y, x, json_object_get_boolean(v), NULL);
				w = 5;
			} else if ((col->type == RP_COL_DATE || col->type == RP_COL_DATETIME) &&
			    json_object_is_type(v, json_type_string) &&
			    rp_export_parse_date(json_object_get_string(v), &yy, &mo, &d, &h, &mi,
			    &s) == 0) {
				lxw_datetime dt = { yy, mo, d, h, mi, s };
				bool day = col->type == RP_COL_DATE;
				e = worksheet_write_datetime(ws, y, x, &dt, day ? date : stamp);
				w = day ? 10 : 16;
			} else {
				/* Text: a string cell, never a formula, whatever it
				 * starts with (= + - @ TAB CR stay plain text). */
				const char *txt = cell_text(req, col, v);
				if (*txt == '\0')
					continue;
				size_t len = rp_export_clip(txt);
				e = worksheet_write_string(ws, y, x,
				    txt[len] ? P("%.*s", (int)len, txt) : txt,
				    NULL);
				w = (double)rp_utf8_chars(txt);
			}
			if (e != LXW_NO_ERROR) {
				rp_err("%s: cell %zu,%zu: %s", __func__, r, i, lxw_strerror(e));
				goto out;
			}
			if (w + 1 > width[i])
				width[i] = w + 1;
		}
	}
	for (size_t i = 0; i < t->ncols; i++) {
		double w = width[i] < WIDTH_MIN ? WIDTH_MIN : width[i] > WIDTH_MAX ? WIDTH_MAX : width[i];
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, w, NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (t->ncols > 0)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, (lxw_col_t)(t->ncols - 1));
	rc = 0;
out:
	/* workbook_close() writes the file and frees the workbook. */
	if (workbook_close(wb) != LXW_NO_ERROR)
		rc = -1;
	return rc;
}

/* Read the file at path into out. */
static int
slurp(const char *path, struct rp_buf *out)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	int rc = -1;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		goto out;
	char chunk[65536];
	ssize_t got;
	while ((got = read(fd, chunk, sizeof(chunk))) > 0)
		rp_buf_add(out, chunk, (size_t)got);
	rc = got == 0 ? 0 : -1;
out:
	close(fd);
	return rc;
}

int
rp_export_xlsx(struct rp_req *req, const struct rp_table *t, struct json_object *rows,
    struct rp_buf *out)
{
	const char *base = getenv("TMPDIR");
	int rc = -1;

	if (base == NULL || *base != '/')
		base = "/tmp";
	/* A private directory (0700) per export: neither the workbook nor
	 * libxlsxwriter's own temporary files are visible to anyone else. */
	char *dir = P("%s/rempart-xlsx-XXXXXX", base);
	if (mkdtemp(dir) == NULL) {
		rp_err("%s: mkdtemp %s: %s", __func__, dir, strerror(errno));
		return rp_fail(req, 500, "internal", NULL, "Internal error.");
	}
	char *path = P("%s/book.xlsx", dir);
	if (write_book(req, t, rows, path, dir) != 0) {
		rp_err("%s: could not write the workbook", __func__);
		goto out;
	}
	if (slurp(path, out) != 0) {
		rp_err("%s: read %s: %s", __func__, path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	unlink(path);
	if (rmdir(dir) != 0)
		rp_err("%s: rmdir %s: %s", __func__, dir, strerror(errno));
	if (rc != 0)
		return rp_fail(req, 500, "internal", NULL, "Internal error.");
	return 0;
}

int
rp_export_send(struct rp_req *req, const struct rp_table *t, struct json_object *rows,
    enum rp_export_format fmt, const char *suffix)
{
	struct rp_buf *b = &req->resp.body;

	b->len = 0;
	if (fmt == RP_EXPORT_XLSX) {
		if (rp_export_xlsx(req, t, rows, b) != 0)
			return -1;
		req->resp.ctype =
		    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	} else {
		rp_export_csv(req, t, rows, b);
		req->resp.ctype = "text/csv; charset=utf-8";
	}
	req->resp.status = 200;
	rp_resp_header(req, "Content-Disposition", P("attachment; filename=\"%s%s%s.%s\"",
	    t->name, suffix ? "-" : "", suffix ? suffix : "", fmt == RP_EXPORT_XLSX ? "xlsx" : "csv"));
	return 0;
}
