/* Establishment pages: a client's list, the creation form, the profile
 * (per-field edits, suggestions, status and plan), duplicates and merging,
 * and the CSV directory (import with its report, export). */
#ifndef RP_UI_ESTABS_H
#define RP_UI_ESTABS_H

struct rp_req;

int rp_ui_estabs(struct rp_req *);
int rp_ui_estabs_new(struct rp_req *);
int rp_ui_estabs_create(struct rp_req *);
int rp_ui_estab(struct rp_req *);
int rp_ui_estab_update(struct rp_req *);
int rp_ui_estab_status(struct rp_req *);
int rp_ui_estab_plan(struct rp_req *);
int rp_ui_estab_merge(struct rp_req *);
int rp_ui_estab_suggest(struct rp_req *);
int rp_ui_suggestion_accept(struct rp_req *);
int rp_ui_suggestion_reject(struct rp_req *);
int rp_ui_duplicates(struct rp_req *);
int rp_ui_directory(struct rp_req *);
int rp_ui_directory_import(struct rp_req *);
int rp_ui_directory_export(struct rp_req *);

/* A resource published to the establishment, read-only. */
int rp_ui_estab_publication(struct rp_req *);

#endif
