/* Pilot pages: the framework catalogue, adoption and assessments. */
#ifndef RP_UI_PILOT_H
#define RP_UI_PILOT_H

#include <stdbool.h>
#include <stddef.h>

struct rp_req;
struct rp_client;
/* The client of the path's first id, in scope (404) and with the caller
 * declared vCISO (403), with the client chrome set. 0 or -1. */
int rp_ui_pilot_client(struct rp_req *, struct rp_client *);
int rp_ui_frameworks(struct rp_req *);
int rp_ui_framework(struct rp_req *);
int rp_ui_client_adopt(struct rp_req *);
int rp_ui_client_compliance(struct rp_req *);
int rp_ui_client_assess(struct rp_req *);
int rp_ui_client_report(struct rp_req *);
int rp_ui_client_compliance_csv(struct rp_req *);
int rp_ui_client_compliance_xlsx(struct rp_req *);
/* Publish Adopted.* (the client's frameworks with their figures) and
 * Adoptable.* (the catalogue entries not adopted yet). 0 or -1. */
int rp_ui_pilot_frameworks(struct rp_req *, const struct rp_client *);
/* The same from values already read (taken). */
struct json_object;
void rp_ui_pilot_frameworks_set(struct rp_req *, struct json_object *adopted,
    struct json_object *adoptable);
/* Heat.*, Figures.* and Docs.* of the Pilot, read in one statement. 0 or -1. */
int rp_ui_pilot_figures(struct rp_req *, const struct rp_client *);
struct rp_pilot_figures;
void rp_ui_pilot_figures_set(struct rp_req *, const struct rp_client *, struct rp_pilot_figures *);

/* Link pickers of the Pilot's forms (actions, resources). */
struct json_object;
/* The ids chosen for link field `field`: those posted back (echo), else
 * those object o holds (its `field` array; none without o), each also
 * published as `prefix`.<id> = 1 for its checkbox. *n gets their count. */
long long *rp_ui_chosen(struct rp_req *, struct json_object *o, bool echo, const char *field,
    const char *prefix, size_t *n);
/* Edit.<field> of a Pilot form: what was posted back (echo), else the
 * values object o holds. Returns false when there is neither (a new
 * object: the caller sets its defaults). */
bool rp_ui_edit_fields(struct rp_req *, struct json_object *o, bool echo,
    const char *const *fields, size_t n);
/* Reqs.* : the requirements of the frameworks c adopted, per framework
 * (name, items.{id, label}, open when one of sel[0..nsel) is in it). */
int rp_ui_requirement_picker(struct rp_req *, const struct rp_client *, const long long *sel,
    size_t nsel);
/* The same Reqs.* over every framework the caller's firm sees (the
 * platform's catalogue and its own): the library's templates, which serve
 * any client, are tagged from it. */
int rp_ui_catalogue_picker(struct rp_req *, const long long *sel, size_t nsel);
/* Resources.* : c's resources (id, title, type, status) to link. */
int rp_ui_resource_picker(struct rp_req *, const struct rp_client *);
#endif
