/* The starter library: the templates seed-demo gives the demo firm, in
 * French and English, each tagged with the requirements it answers. */
#ifndef RP_STARTER_H
#define RP_STARTER_H

#include <stddef.h>

struct rp_arena;

/* Tags of one template, at most; a shorter list ends with { NULL, NULL }. */
#define RP_STARTER_MAX_TAGS 4

/* A requirement of a built-in framework, by framework code and ref. */
struct rp_starter_tag {
	const char	*framework;	/* frameworks.code: nist-csf, anssi-hygiene */
	const char	*ref;		/* requirements.ref: "PR.AA-01", "10" */
};

struct rp_starter {
	const char		*key;	/* the same for a template's FR and EN */
	const char		*lang;	/* fr, en */
	const char		*type;	/* document, process, tool, control */
	const char		*title;
	const char		*body;	/* Markdown, opening with "# " and the title */
	struct rp_starter_tag	 tags[RP_STARTER_MAX_TAGS];
};

/* The starter templates, read-only: how many, and the i-th (NULL when i
 * is out of range). Static storage; never freed. */
size_t rp_starter_count(void);
const struct rp_starter *rp_starter_at(size_t i);

/* Insert the starter templates into firm `firm`'s library (created_by
 * `user`, 0 for nobody), each with version 1 in template_versions and its
 * requirement tags, unless the firm already has a template of the same
 * title (idempotent: seed-demo runs again). A tag whose requirement is not
 * in the catalogue is skipped. Inside the caller's transaction. Returns 0,
 * or -1 on a database error (rp_db_message() says why). */
int rp_starter_templates(struct rp_arena *, long long firm, long long user);

#endif
