/* Unit tests of templates: escaping on, missing includes fatal, both languages. */
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>
#include <json.h>

#include "arena.h"
#include "request.h"
#include "response.h"
#include "tmpl.h"
#include "util.h"
#include "tap.h"

static struct rp_arena *a;

static void
new_req(struct rp_req *req, const char *uri)
{
	char u[256];
	const char *env[] = { "REQUEST_METHOD=GET", u, NULL };

	snprintf(u, sizeof(u), "REQUEST_URI=%s", uri);
	rp_req_init(req, a, (char **)(void *)env, "fr");
	req->envp = NULL;
}

/* What the templates may print without var:'s escaping. ClearSilver's
 * alt: writes its value as it is: a name or a User-Agent made of markup
 * came out as markup (tests/http/template-escaping.mjs), so no template
 * uses it. uvar: prints only HTML that C wrote with rp_html_text, or a
 * sanitised Markdown body, or the MFA QR code's SVG. */
static void
unescaped_outputs(void)
{
	static const char *const uvars[] = { "Clients.rows", "Compliance.rows", "Risks.rows",
		"Heat.inherent_html", "Heat.residual_html", "Body.html", "Mfa.qr" };
	char dir[1024], path[2048], *text = NULL;
	int alts = 0, bad_uvars = 0, files = 0;
	struct dirent *e;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/www/templates", TOP_SRCDIR);
	if ((d = opendir(dir)) == NULL) {
		ok(0, "templates directory readable");
		return;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 3, ".cs") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (ne_load_file(path, &text) != STATUS_OK)
			continue;
		files++;
		for (const char *p = text; (p = strstr(p, "<?cs alt:")) != NULL; p++) {
			printf("# %s: alt: does not escape\n", e->d_name);
			alts++;
		}
		for (const char *p = text; (p = strstr(p, "<?cs uvar:")) != NULL; p++) {
			const char *v = p + strlen("<?cs uvar:");
			bool known = false;
			for (size_t i = 0; i < RP_NELEM(uvars); i++)
				if (strncmp(v, uvars[i], strlen(uvars[i])) == 0 &&
				    strncmp(v + strlen(uvars[i]), " ?>", 3) == 0)
					known = true;
			if (!known) {
				printf("# %s: uvar:%.40s\n", e->d_name, v);
				bad_uvars++;
			}
		}
		free(text);
		text = NULL;
	}
	closedir(d);
	ok(files > 50, "every template read");
	is_int(alts, 0, "no template prints with alt: (it does not escape)");
	is_int(bad_uvars, 0, "uvar: prints only the values C writes escaped");
}

int
main(void)
{
	struct rp_req req;
	char err[2048], dir[1024];
	a = rp_arena_new(0);

	snprintf(dir, sizeof(dir), "%s/www", TOP_SRCDIR);
	ok(rp_tmpl_load(dir, err, sizeof(err)) == 0, "shipped templates load");
	if (err[0])
		printf("# %s\n", err);

	new_req(&req, "/");
	rp_set(&req, "Status.schema", "<script>alert(1)</script>\"'&");
	ok(rp_render(&req, "home") == 0, "home renders");
	const char *html = rp_buf_str(&req.resp.body);
	ok(strstr(html, "<script>alert(1)") == NULL, "values are HTML-escaped");
	ok(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL,
	    "escaped value present");
	ok(strstr(html, "data-layout=\"rempart\"") != NULL, "layout marker present");
	ok(strstr(html, "<html lang=\"fr\">") != NULL, "French by default");
	ok(strstr(html, "Pilotez") != NULL, "French text");
	ok(strstr(html, "<script>") == NULL || strstr(html, "<script src=") != NULL,
	    "no inline script");
	hdf_destroy(&req.hdf);

	new_req(&req, "/?lang=en");
	req.lang = RP_LANG_EN;
	ok(rp_render(&req, "home") == 0, "English renders");
	html = rp_buf_str(&req.resp.body);
	ok(strstr(html, "<html lang=\"en\">") != NULL && strstr(html, "Steer") != NULL,
	    "English text");
	hdf_destroy(&req.hdf);

	new_req(&req, "//evil.example/x");
	req.path = "//evil.example/x";
	ok(rp_render(&req, "home") == 0, "renders with a hostile path");
	html = rp_buf_str(&req.resp.body);
	ok(strstr(html, "href=\"//evil") == NULL, "hostile path never becomes a link");
	hdf_destroy(&req.hdf);

	new_req(&req, "/");
	rp_set(&req, "Error.status", "404");
	ok(rp_render(&req, "error") == 0, "error page renders");
	ok(strstr(rp_buf_str(&req.resp.body), "Page introuvable") != NULL,
	    "error page text in French");
	hdf_destroy(&req.hdf);

	/* Rows written in C escape exactly as var: does (ClearSilver's own
	 * function), through the fast path for text without special
	 * characters too; language nodes and their messages. */
	new_req(&req, "/");
	struct rp_buf b;
	rp_buf_init(&b, a);
	rp_html_text(&b, "<script>alert(\"x\")</script> & 'T'\r\xc3\xa9");
	is_str(rp_buf_str(&b), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;T&#39;\xc3\xa9",
	    "rp_html_text: entities, carriage return dropped, UTF-8 kept");
	unsigned int seed = 42;
	int same = 0;
	for (int i = 0; i < 2000; i++) {
		char text[33], *ref = NULL;
		const char alphabet[] = "ab <>&\"'\r\n;#\xc3\xa9";
		size_t n = (size_t)(rand_r(&seed) % 32);
		for (size_t k = 0; k < n; k++)
			text[k] = alphabet[rand_r(&seed) % (sizeof(alphabet) - 1)];
		text[n] = '\0';
		rp_buf_init(&b, a);
		rp_html_text(&b, text);
		if (neos_html_escape(text, (int)n, &ref) == STATUS_OK && strcmp(ref, rp_buf_str(&b)) == 0)
			same++;
		free(ref);
	}
	is_int(same, 2000, "rp_html_text equals neos_html_escape over 2,000 random texts");
	is_str(rp_lang_in(rp_lang_node(&req, "Lang.enums.plan"), "premium"), "Premium",
	    "rp_lang_in: a message under a language node");
	is_str(rp_lang_in(rp_lang_node(&req, "Lang.enums.plan"), "nope"), "",
	    "rp_lang_in: an unknown key is empty");
	is_str(rp_lang_in(rp_lang_node(&req, "Lang.no.such.node"), "premium"), "",
	    "rp_lang_in: an unknown node is empty");
	rp_buf_init(&b, a);
	rp_html_options(&b, rp_lang_node(&req, "Lang.enums.plan"), "standard");
	is_str(rp_buf_str(&b), "<option value=\"essential\">Essentiel</option>"
	    "<option value=\"standard\" selected>Standard</option>"
	    "<option value=\"premium\">Premium</option>",
	    "rp_html_options: the node's children in order, the chosen one selected");
	rp_buf_init(&b, a);
	rp_html_options(&b, rp_lang_node(&req, "Lang.no.such.node"), "standard");
	is_str(rp_buf_str(&b), "", "rp_html_options: no node, no option");
	struct json_object *o = json_tokener_parse(
	    "{\"s\": \"<b>\", \"n\": 42, \"t\": true, \"f\": false, \"z\": null}");
	is_str(rp_json_text(o, "s"), "<b>", "rp_json_text: a string as is (escaped when written)");
	is_str(rp_json_text(o, "n"), "42", "rp_json_text: a number in decimal");
	ok(strcmp(rp_json_text(o, "t"), "1") == 0 && strcmp(rp_json_text(o, "f"), "0") == 0,
	    "rp_json_text: booleans as 1 and 0, as rp_set_json sets them");
	ok(*rp_json_text(o, "z") == '\0' && *rp_json_text(o, "missing") == '\0' &&
	    *rp_json_text(NULL, "s") == '\0', "rp_json_text: null, absent or no object: empty");
	json_object_put(o);
	ok(!rp_cs_true(NULL) && !rp_cs_true("") && !rp_cs_true("0") && !rp_cs_true("00") &&
	    !rp_cs_true("0x0") && !rp_cs_true(" 0"), "rp_cs_true: empty and zero are false");
	ok(rp_cs_true("1") && rp_cs_true("-2") && rp_cs_true("0 a") && rp_cs_true("abc") &&
	    rp_cs_true("\xe2\x80\x94"), "rp_cs_true: other numbers and any text are true");
	hdf_destroy(&req.hdf);

	new_req(&req, "/");
	ok(rp_render(&req, "nope") != 0 && req.resp.status == 500,
	    "unknown page fails with 500");
	hdf_destroy(&req.hdf);

	snprintf(dir, sizeof(dir), "%s/tests/unit/fixtures/www-missing", TOP_SRCDIR);
	ok(rp_tmpl_load(dir, err, sizeof(err)) != 0 &&
	    strstr(err, "does-not-exist.cs") != NULL,
	    "a missing include fails the load, naming the file");
	ok(rp_tmpl_load("/nonexistent", err, sizeof(err)) != 0,
	    "a missing directory fails the load");
	/* The previous good set stays in place after a failed load. */
	new_req(&req, "/");
	ok(rp_render(&req, "home") == 0, "failed reload keeps the previous templates");
	hdf_destroy(&req.hdf);
	unescaped_outputs();
	rp_tmpl_unload();
	rp_arena_free(a);
	return done_testing();
}
