/* Template variables of the library: {{client_name}}, {{firm_name}},
 * {{vciso_name}}, {{date}} in a template's title and body, checked when a
 * template is saved and filled when it is deployed (pure: no database). */
#ifndef RP_TPLVARS_H
#define RP_TPLVARS_H

#include <stddef.h>

struct rp_arena;

/* The values of one deployment. NULL members fill as "". */
struct rp_tplvals {
	const char	*client_name;
	const char	*firm_name;
	const char	*vciso_name;
	const char	*date;
};

/* Longest variable name reported in an error. */
#define RP_TPLVAR_NAME_MAX 40

/* Check every "{{" of text: each must open a known variable written
 * exactly "{{name}}" (lower-case name, no spaces). Returns 0 when all are
 * known; else -1 with *what set to an arena string naming the fault for a
 * 400 message: "{{foo}}" for an unknown but well-formed name (at most
 * RP_TPLVAR_NAME_MAX characters of [a-z0-9_], so safe to echo), or
 * "\"{{\" not closed" for anything else (not echoed), and *line to the
 * 1-based line of the fault. */
int rp_tplvars_check(struct rp_arena *, const char *text, const char **what, size_t *line);

/* text with every known variable replaced by its value (unknown or
 * malformed ones are kept as written). A new arena string. */
char *rp_tplvars_fill(struct rp_arena *, const char *text, const struct rp_tplvals *);

/* text with every occurrence of name (exact bytes, non-empty) replaced by
 * "{{client_name}}"; *n gets how many. A new arena string (text itself
 * when name is NULL or empty). */
char *rp_tplvars_generalise(struct rp_arena *, const char *text, const char *name, size_t *n);

#endif
