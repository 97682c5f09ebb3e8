/* Shared chrome of HTML pages: the user menu, CSRF field, form errors,
 * flash messages and pagination. */
#ifndef RP_UI_SHARED_H
#define RP_UI_SHARED_H

#include <stdbool.h>

struct rp_req;

/* Set the page title (a language key) and the chrome: user, navigation
 * items the user may use, CSRF token. Then render `page`. Returns 0 or -1. */
int rp_page(struct rp_req *, const char *page, const char *title_key);

/* Turn the request's recorded 4xx error into an inline form error (field
 * and code, shown next to the field), keeping the status. Returns true if
 * there was one; 5xx errors are left for the error page. */
bool rp_ui_take_error(struct rp_req *);

/* Redirect to an in-app path with a flash message key (?done=KEY). */
int rp_ui_done(struct rp_req *, const char *path, const char *key);

/* Paging of HTML lists from ?page= (1-based), 25 rows a page. Returns 0 or
 * -1 after a 400. */
int rp_ui_page_args(struct rp_req *, long long *limit, long long *offset,
    long long *page);
/* Publish Pager.* for the pagination macro. */
void rp_ui_pager(struct rp_req *, long long page, long long total,
    long long per_page, const char *base_query);

#endif
