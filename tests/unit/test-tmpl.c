/* Unit tests of templates: escaping on, missing includes fatal, both languages. */
#include <ClearSilver.h>

#include "arena.h"
#include "request.h"
#include "response.h"
#include "tmpl.h"
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
	rp_tmpl_unload();
	rp_arena_free(a);
	return done_testing();
}
