/* Pages of branding (firm accent colour and logos, client logos) and the
 * mission report's downloads (PDF, Word) from the Pilot. */
#ifndef RP_UI_BRANDING_H
#define RP_UI_BRANDING_H

struct rp_req;

int rp_ui_branding(struct rp_req *);
int rp_ui_branding_post(struct rp_req *);
int rp_ui_branding_logo(struct rp_req *);
int rp_ui_branding_logo_post(struct rp_req *);
int rp_ui_branding_logo_delete(struct rp_req *);
int rp_ui_branding_css(struct rp_req *);
int rp_ui_client_logo(struct rp_req *);
int rp_ui_client_logo_post(struct rp_req *);
int rp_ui_client_logo_delete(struct rp_req *);
int rp_ui_client_report_pdf(struct rp_req *);
int rp_ui_client_report_docx(struct rp_req *);

/* The uploaded file of form field `name` (multipart): its bytes and
 * length, or NULL when absent or empty. */
const unsigned char *rp_ui_upload(const struct rp_req *, const char *name, size_t *len);

#endif
