/* The route table: every URL of the product and what it requires. */
#include "api-actions.h"
#include "api-admin.h"
#include "api-archive.h"
#include "api-auth.h"
#include "api-branding.h"
#include "api-library.h"
#include "api-clients.h"
#include "api-deliv.h"
#include "api-pilot.h"
#include "api-resources.h"
#include "api-risk-analysis.h"
#include "api-risks.h"
#include "api-scans.h"
#include "api-system.h"
#include "api-usage.h"
#include "authz.h"
#include "fwimport.h"
#include "router.h"
#include "scope.h"
#include "templates.h"
#include "ui-account.h"
#include "ui-actions.h"
#include "ui-admin.h"
#include "ui-auth.h"
#include "ui-branding.h"
#include "ui-clients.h"
#include "ui-deliv.h"
#include "ui-pilot.h"
#include "ui-resources.h"
#include "ui-risk-analysis.h"
#include "ui-risks.h"
#include "ui-scans.h"
#include "ui-estabs.h"
#include "ui-fwimport.h"
#include "ui-home.h"
#include "ui-library.h"
#include "ui-usage-public.h"
#include "ui-usage.h"
#include "ui-users.h"
#include "util.h"

#define S	RP_R_SESSION
#define SETUP	(RP_R_SESSION | RP_R_MFA_SETUP)
#define NONE	RP_FEAT_NONE
/* Roles that manage users (SPEC §2): establishment managers and support
 * manage none. */
#define MANAGERS (RP_ROLE_BIT(RP_ROLE_ADMIN) | \
		  RP_ROLE_BIT(RP_ROLE_MULTI_ACCOUNT_MANAGER) | \
		  RP_ROLE_BIT(RP_ROLE_ACCOUNT_MANAGER))
/* Firm users: everything below a firm; support users have admin pages. */
#define FIRM	RP_ROLES_FIRM
/* The platform's support staff: the admin area only. */
#define SUPPORT	RP_ROLE_BIT(RP_ROLE_SUPPORT)
/* Who creates clients and staffs their teams (SPEC §2). */
#define CREATORS (RP_ROLE_BIT(RP_ROLE_ADMIN) | \
		  RP_ROLE_BIT(RP_ROLE_MULTI_ACCOUNT_MANAGER))
/* Who imports frameworks into the firm's catalogue, and deletes them
 * (app/fwimport.h: the pages show their buttons by the same rule). */
#define FW_ADMINS RP_FW_IMPORTERS
/* The firm's library (SPEC §4 "/templates"): firm users but establishment
 * managers (app/templates.h: the navigation shows it by the same rule). */
#define LIBRARY RP_LIBRARY_ROLES
/* The firm's admins only: its own settings (its branding) and the client
 * archive (docs/client-archive.md). */
#define ADMIN	RP_ROLE_BIT(RP_ROLE_ADMIN)
#define F(x)	RP_FEAT_##x
/* What a feature-gated route's {id} names, for its 404 (router.h). */
#define OF_CLIENT	RP_SCOPE_OF_CLIENT
#define OF_ESTAB	RP_SCOPE_OF_ESTAB
#define OF_SUGG		RP_SCOPE_OF_SUGGESTION
#define OF_USAGE	RP_SCOPE_OF_USAGE_CLIENT
#define OF_USAGE_ESTAB	RP_SCOPE_OF_USAGE_ESTAB

const struct rp_route rp_routes[] = {
	/* method  pattern                 handler                  flags  roles feature [scope] */
	{ "GET",    "/",                   rp_ui_home,              RP_R_OPTIONAL, 0, NONE, 0 },
	{ "GET",    "/ping",               rp_sys_ping,             0,     0,    NONE, 0 },
	{ "GET",    "/api/v1/health",      rp_api_health,           0,     0,    NONE, 0 },
	{ "GET",    "/healthz",            rp_sys_healthz,          0,     0,    NONE, 0 },

	{ "GET",    "/login",              rp_ui_login,             0,     0,    NONE, 0 },
	{ "POST",   "/login",              rp_ui_login_post,        RP_R_NO_CSRF, 0, NONE, 0 },
	{ "GET",    "/login/mfa",          rp_ui_login_mfa,         S | RP_R_PENDING, 0, NONE, 0 },
	{ "POST",   "/login/mfa",          rp_ui_login_mfa_post,    S | RP_R_PENDING, 0, NONE, 0 },
	{ "POST",   "/logout",             rp_ui_logout,            SETUP | RP_R_PENDING, 0, NONE, 0 },
	{ "GET",    "/setup/{token}",      rp_ui_setup,             0,     0,    NONE, 0 },
	{ "POST",   "/setup/{token}",      rp_ui_setup_post,        RP_R_NO_CSRF, 0, NONE, 0 },
	{ "GET",    "/account",            rp_ui_account,           SETUP, 0,    NONE, 0 },
	{ "POST",   "/account",            rp_ui_account_post,      S,     0,    RP_FEAT_SELF, 0 },
	{ "GET",    "/account/mfa",        rp_ui_account_mfa,       SETUP, 0,    NONE, 0 },
	{ "POST",   "/account/mfa",        rp_ui_account_mfa_post,  SETUP, 0,    NONE, 0 },
	{ "POST",   "/account/mfa/confirm", rp_ui_account_mfa_confirm, SETUP, 0, NONE, 0 },
	{ "POST",   "/account/sessions/{id}/revoke", rp_ui_account_session_revoke, SETUP, 0, NONE, 0 },
	{ "GET",    "/users",              rp_ui_users,             S,     MANAGERS, NONE, 0 },
	{ "GET",    "/users/new",          rp_ui_users_new,         S,     MANAGERS, NONE, 0 },
	{ "POST",   "/users",              rp_ui_users_create,      S,     MANAGERS, NONE, 0 },
	{ "GET",    "/users/{id}",         rp_ui_users_edit,        S,     MANAGERS, NONE, 0 },
	{ "POST",   "/users/{id}",         rp_ui_users_update,      S,     MANAGERS, NONE, 0 },
	{ "POST",   "/users/{id}/sessions/end", rp_ui_users_end_sessions, S, MANAGERS, NONE, 0 },
	{ "GET",    "/clients",            rp_ui_clients,           S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/new",        rp_ui_clients_new,       S,     CREATORS, NONE, 0 },
	{ "GET",    "/clients/switch",     rp_ui_clients_switch,    S,     FIRM, NONE, 0 },
	{ "POST",   "/clients",            rp_ui_clients_create,    S,     CREATORS, NONE, 0 },
	/* A client archive is a file: its body may reach http.max_upload. */
	{ "POST",   "/clients/import",     rp_ui_clients_import,    S | RP_R_UPLOAD, ADMIN, NONE, 0 },
	{ "GET",    "/clients/{id}/archive", rp_ui_client_archive,  S,     ADMIN, NONE, 0 },
	{ "GET",    "/clients/{id}",       rp_ui_client,            S,     FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}",       rp_ui_client_update,     S,     FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/plan",  rp_ui_client_plan,       S,     FIRM, F(PLAN), OF_CLIENT },
	{ "POST",   "/clients/{id}/vcisos", rp_ui_client_vcisos,    S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/pilot", rp_ui_client_pilot,      S,     FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/frameworks", rp_ui_client_adopt, S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/compliance", rp_ui_client_compliance, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/report", rp_ui_client_report,    S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/report.pdf", rp_ui_client_report_pdf, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/report.docx", rp_ui_client_report_docx, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/logo",  rp_ui_client_logo,       S,     FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/logo",  rp_ui_client_logo_post,  S | RP_R_UPLOAD, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/logo/delete", rp_ui_client_logo_delete, S, FIRM, NONE, 0 },
	/* The firm's branding: its admins set it, its users see it. */
	{ "GET",    "/branding",           rp_ui_branding,          S,     ADMIN, NONE, 0 },
	{ "POST",   "/branding",           rp_ui_branding_post,     S,     ADMIN, NONE, 0 },
	{ "GET",    "/branding/logo",      rp_ui_branding_logo,     S,     FIRM, NONE, 0 },
	{ "POST",   "/branding/logo",      rp_ui_branding_logo_post, S | RP_R_UPLOAD, ADMIN, NONE, 0 },
	{ "POST",   "/branding/logo/delete", rp_ui_branding_logo_delete, S, ADMIN, NONE, 0 },
	{ "GET",    "/branding/accent.css", rp_ui_branding_css,     S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/compliance.csv", rp_ui_client_compliance_csv, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/compliance.xlsx", rp_ui_client_compliance_xlsx, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/compliance/{id}", rp_ui_client_assess, S, FIRM, NONE, 0 },
	/* Consultant deliverables (issue 14): portfolio, cycles, SoA. */
	{ "GET",    "/portfolio",          rp_ui_portfolio,         S,     FIRM, NONE, 0 },
	{ "GET",    "/portfolio.csv",      rp_ui_portfolio_csv,     S,     FIRM, NONE, 0 },
	{ "GET",    "/portfolio.xlsx",     rp_ui_portfolio_xlsx,    S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/frameworks/{id}/cycles", rp_ui_cycles, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/frameworks/{id}/cycles", rp_ui_cycles_start, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/frameworks/{id}/cycles/{id}", rp_ui_cycle, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/frameworks/{id}/cycles/{id}/compare/{id}", rp_ui_cycles_compare, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/frameworks/{id}/soa", rp_ui_soa, S,  FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/frameworks/{id}/soa.csv", rp_ui_soa_csv, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/frameworks/{id}/soa.xlsx", rp_ui_soa_xlsx, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/frameworks/{id}/soa.pdf", rp_ui_soa_pdf, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/risks", rp_ui_risks,             S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/risks.csv", rp_ui_risks_csv,     S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/risks.xlsx", rp_ui_risks_xlsx,   S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/risks/new", rp_ui_risks_new,     S,     FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/risks", rp_ui_risks_create,      S,     FIRM, NONE, 0 },
	{ "GET",    "/risks/{id}",         rp_ui_risk,              S,     FIRM, NONE, 0 },
	{ "POST",   "/risks/{id}",         rp_ui_risk_update,       S,     FIRM, NONE, 0 },
	{ "POST",   "/risks/{id}/delete",  rp_ui_risk_delete,       S,     FIRM, NONE, 0 },
	/* The risk analysis module (its pages answer 404 where it is off). */
#define RA_PAGES(path, name) \
	{ "GET",    "/clients/{id}/risk-analysis/" path, rp_ui_ra_##name##_list, S, FIRM, NONE, 0 }, \
	{ "POST",   "/clients/{id}/risk-analysis/" path, rp_ui_ra_##name##_create, S, FIRM, NONE, 0 }, \
	{ "GET",    "/" path "/{id}",      rp_ui_ra_##name##_edit,  S,     FIRM, NONE, 0 }, \
	{ "POST",   "/" path "/{id}",      rp_ui_ra_##name##_update, S,    FIRM, NONE, 0 }, \
	{ "POST",   "/" path "/{id}/delete", rp_ui_ra_##name##_delete, S,  FIRM, NONE, 0 }
	{ "GET",    "/clients/{id}/risk-analysis", rp_ui_ra_summary, S,    FIRM, NONE, 0 },
	RA_PAGES("business-assets", business),
	RA_PAGES("supporting-assets", supporting),
	RA_PAGES("threat-sources", threat),
	RA_PAGES("scenarios", scenario),
#undef RA_PAGES
	{ "POST",   "/scenarios/{id}/retain", rp_ui_ra_retain,      S,     FIRM, NONE, 0 },
	{ "POST",   "/scenarios/{id}/discard", rp_ui_ra_discard,    S,     FIRM, NONE, 0 },
	{ "POST",   "/scenarios/{id}/sync-risk", rp_ui_ra_sync,     S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/actions", rp_ui_client_actions,  S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/actions.csv", rp_ui_client_actions_csv, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/actions.xlsx", rp_ui_client_actions_xlsx, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/actions/new", rp_ui_client_action_new, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/actions", rp_ui_client_action_create, S, FIRM, NONE, 0 },
	{ "GET",    "/actions/{id}",       rp_ui_action,            S,     FIRM, NONE, 0 },
	{ "POST",   "/actions/{id}",       rp_ui_action_update,     S,     FIRM, NONE, 0 },
	{ "POST",   "/actions/{id}/delete", rp_ui_action_delete,    S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/resources", rp_ui_client_resources, S,   FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/resources/new", rp_ui_client_resource_new, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/resources", rp_ui_client_resource_create, S, FIRM, NONE, 0 },
	{ "GET",    "/resources/{id}",     rp_ui_resource,          S,     FIRM, NONE, 0 },
	{ "GET",    "/resources/{id}/edit", rp_ui_resource_edit,    S,     FIRM, NONE, 0 },
	{ "POST",   "/resources/{id}",     rp_ui_resource_update,   S,     FIRM, NONE, 0 },
	{ "POST",   "/resources/{id}/status", rp_ui_resource_status, S,    FIRM, NONE, 0 },
	{ "POST",   "/resources/{id}/delete", rp_ui_resource_delete, S,    FIRM, NONE, 0 },
	{ "POST",   "/resources/{id}/template", rp_ui_resource_to_template, S, LIBRARY, NONE, 0 },
	{ "GET",    "/resources/{id}/template-diff", rp_ui_resource_diff, S, FIRM, NONE, 0 },
	{ "POST",   "/resources/{id}/template-update", rp_ui_resource_template_update, S, FIRM, NONE, 0 },
	{ "POST",   "/resources/{id}/publications", rp_ui_resource_publish, S, FIRM, NONE, 0 },
	{ "POST",   "/resources/{id}/publications/{id}/delete", rp_ui_resource_withdraw, S, FIRM, NONE, 0 },
	{ "GET",    "/frameworks",         rp_ui_frameworks,        S,     FIRM, NONE, 0 },
	{ "GET",    "/frameworks/{id}",    rp_ui_framework,         S,     FIRM, NONE, 0 },
	{ "GET",    "/frameworks/import",  rp_ui_fw_import,         S,     FW_ADMINS, NONE, 0 },
	{ "POST",   "/frameworks/import",  rp_ui_fw_import_post,    S | RP_R_UPLOAD, FW_ADMINS, NONE, 0 },
	{ "POST",   "/frameworks/{id}/delete", rp_ui_fw_delete,     S,     FW_ADMINS, NONE, 0 },
	/* the library's pages */
	{ "GET",    "/templates",          rp_ui_templates,         S,     LIBRARY, NONE, 0 },
	{ "GET",    "/templates/new",      rp_ui_templates_new,     S,     LIBRARY, NONE, 0 },
	{ "POST",   "/templates",          rp_ui_templates_create,  S,     LIBRARY, NONE, 0 },
	{ "GET",    "/templates/deploy",   rp_ui_templates_deploy_form, S, LIBRARY, NONE, 0 },
	{ "POST",   "/templates/deploy",   rp_ui_templates_deploy,  S,     LIBRARY, NONE, 0 },
	{ "GET",    "/templates/{id}",     rp_ui_template,          S,     LIBRARY, NONE, 0 },
	{ "GET",    "/templates/{id}/edit", rp_ui_template_edit,    S,     LIBRARY, NONE, 0 },
	{ "POST",   "/templates/{id}",     rp_ui_template_update,   S,     LIBRARY, NONE, 0 },
	{ "GET",    "/admin",              rp_ui_admin_clients,     S,     SUPPORT, NONE, 0 },
	{ "GET",    "/admin/clients/{id}", rp_ui_admin_client,      S,     SUPPORT, NONE, 0 },
	{ "POST",   "/admin/clients/{id}/billing", rp_ui_admin_billing, S, SUPPORT, NONE, 0 },
	{ "GET",    "/admin/firms",        rp_ui_admin_firms,       S,     SUPPORT, NONE, 0 },
	{ "POST",   "/admin/firms",        rp_ui_admin_firm_create, S,     SUPPORT, NONE, 0 },
	{ "POST",   "/admin/firms/{id}/setup-link", rp_ui_admin_setup_link, S, SUPPORT, NONE, 0 },
	{ "GET",    "/admin/billing-changes", rp_ui_admin_billing_changes, S, SUPPORT, NONE, 0 },
	{ "GET",    "/admin/statement",    rp_ui_admin_statement,   S,     SUPPORT, NONE, 0 },
	{ "GET",    "/admin/statement.csv", rp_ui_admin_statement_csv, S,  SUPPORT, NONE, 0 },
	/* establishment pages */
	{ "GET",    "/clients/{id}/establishments", rp_ui_estabs,   S,     FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/establishments/new", rp_ui_estabs_new, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/establishments", rp_ui_estabs_create, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/establishments/import", rp_ui_directory, S, FIRM, F(PROFILE_EDIT), OF_CLIENT },
	{ "POST",   "/clients/{id}/establishments/import", rp_ui_directory_import, S | RP_R_UPLOAD, FIRM, F(PROFILE_EDIT), OF_CLIENT },
	{ "GET",    "/clients/{id}/establishments/export.csv", rp_ui_directory_export, S, FIRM, F(PROFILE_EDIT), OF_CLIENT },
	{ "GET",    "/clients/{id}/duplicates", rp_ui_duplicates,   S,     FIRM, F(PROFILE_DUPLICATES), OF_CLIENT },
	{ "GET",    "/establishments/{id}", rp_ui_estab,            S,     FIRM, NONE, 0 },
	{ "GET",    "/establishments/{id}/publications/{id}", rp_ui_estab_publication, S, FIRM, NONE, 0 },
	{ "POST",   "/establishments/{id}", rp_ui_estab_update,     S,     FIRM, F(PROFILE_EDIT), OF_ESTAB },
	{ "POST",   "/establishments/{id}/status", rp_ui_estab_status, S,  FIRM, F(PROFILE_STATUS), OF_ESTAB },
	{ "POST",   "/establishments/{id}/plan", rp_ui_estab_plan,  S,     FIRM, F(PLAN), OF_ESTAB },
	{ "POST",   "/establishments/{id}/merge", rp_ui_estab_merge, S,    FIRM, F(PROFILE_DUPLICATES), OF_ESTAB },
	{ "POST",   "/establishments/{id}/suggestions", rp_ui_estab_suggest, S, FIRM, F(PROFILE_READ), OF_ESTAB },
	{ "POST",   "/suggestions/{id}/accept", rp_ui_suggestion_accept, S, FIRM, F(PROFILE_EDIT), OF_SUGG },
	{ "POST",   "/suggestions/{id}/reject", rp_ui_suggestion_reject, S, FIRM, F(PROFILE_EDIT), OF_SUGG },
	/* external scan module pages (the module's own checks: app/scans.h) */
	{ "GET",    "/clients/{id}/scans", rp_ui_scans,             S,     FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/scans", rp_ui_scans_import,      S | RP_R_UPLOAD, FIRM, NONE, 0 },
	{ "GET",    "/scans/{id}",         rp_ui_scan,              S,     FIRM, NONE, 0 },
	{ "POST",   "/scans/{id}/delete",  rp_ui_scan_delete,       S,     FIRM, NONE, 0 },
	{ "POST",   "/findings/{id}/action", rp_ui_finding_action,  S,     FIRM, NONE, 0 },
	{ "GET",    "/establishments/{id}/scan-targets", rp_ui_estab_targets, S, FIRM, NONE, 0 },
	{ "POST",   "/establishments/{id}/scan-targets", rp_ui_estab_target_create, S, FIRM, NONE, 0 },
	{ "POST",   "/scan-targets/{id}/delete", rp_ui_target_delete, S,   FIRM, NONE, 0 },
	{ "GET",    "/establishments/{id}/exposure", rp_ui_estab_exposure, S, FIRM, F(MONITORING), OF_ESTAB },
	/* usage diagnostic (module usage_diagnostic): the vCISOs' pages; the
	 * public link's page, without session (nothing of one is read) */
	{ "GET",    "/clients/{id}/usage", rp_ui_usage,             S,     FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/usage/starter", rp_ui_usage_starter, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/usage/sections", rp_ui_usage_section_create, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/usage/sections/{id}", rp_ui_usage_section_update, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/usage/sections/{id}/delete", rp_ui_usage_section_delete, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/usage/sections/{id}/questions/new", rp_ui_usage_question_new, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/usage/sections/{id}/questions", rp_ui_usage_question_create, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/usage/questions/{id}", rp_ui_usage_question, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/usage/questions/{id}", rp_ui_usage_question_update, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/usage/questions/{id}/move", rp_ui_usage_question_move, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/usage/questions/{id}/delete", rp_ui_usage_question_delete, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/usage/links", rp_ui_usage_links, S,     FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/usage/links", rp_ui_usage_link_create, S, FIRM, NONE, 0 },
	{ "POST",   "/clients/{id}/usage/links/{id}/revoke", rp_ui_usage_link_revoke, S, FIRM, NONE, 0 },
	{ "GET",    "/clients/{id}/usage/answers", rp_ui_usage_answers, S, FIRM, F(FEEDBACK), OF_USAGE },
	{ "GET",    "/q/{token}",          rp_ui_usage_public,      0,     0,    NONE, 0 },
	{ "POST",   "/q/{token}",          rp_ui_usage_public_post, RP_R_NO_CSRF, 0, NONE, 0 },

	{ "POST",   "/api/v1/session",     rp_api_session_create,   RP_R_NO_CSRF, 0, NONE, 0 },
	{ "POST",   "/api/v1/setup",       rp_api_setup,            RP_R_NO_CSRF, 0, NONE, 0 },
	{ "DELETE", "/api/v1/session",     rp_api_session_delete,   SETUP, 0,    NONE, 0 },
	{ "GET",    "/api/v1/me",          rp_api_me,               S,     0,    NONE, 0 },
	{ "PATCH",  "/api/v1/me",          rp_api_me_patch,         S,     0,    RP_FEAT_SELF, 0 },
	{ "POST",   "/api/v1/me/mfa",      rp_api_me_mfa,           SETUP, 0,    NONE, 0 },
	{ "POST",   "/api/v1/me/mfa/confirm", rp_api_me_mfa_confirm, SETUP, 0,   NONE, 0 },
	{ "GET",    "/api/v1/users",       rp_api_users_list,       S,     MANAGERS, NONE, 0 },
	{ "POST",   "/api/v1/users",       rp_api_users_create,     S,     MANAGERS, NONE, 0 },
	{ "GET",    "/api/v1/users/{id}",  rp_api_users_get,        S,     MANAGERS, NONE, 0 },
	{ "PATCH",  "/api/v1/users/{id}",  rp_api_users_patch,      S,     MANAGERS, NONE, 0 },
	{ "DELETE", "/api/v1/users/{id}/sessions", rp_api_users_end_sessions, S, MANAGERS, NONE, 0 },

	{ "GET",    "/api/v1/clients",     rp_api_clients_list,     S,     FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients",     rp_api_clients_create,   S,     CREATORS, NONE, 0 },
	{ "POST",   "/api/v1/clients/import", rp_api_clients_import, S | RP_R_UPLOAD, ADMIN, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/archive", rp_api_client_archive, S, ADMIN, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}", rp_api_clients_get,     S,     FIRM, NONE, 0 },
	{ "PATCH",  "/api/v1/clients/{id}", rp_api_clients_patch,   S,     FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/plan", rp_api_clients_plan, S,   FIRM, F(PLAN), OF_CLIENT },
	{ "PUT",    "/api/v1/clients/{id}/vcisos", rp_api_clients_vcisos, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/pilot", rp_api_clients_pilot, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/report", rp_api_client_report, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/logo", rp_api_client_logo, S, FIRM, NONE, 0 },
	{ "PUT",    "/api/v1/clients/{id}/logo", rp_api_client_logo_put, S | RP_R_UPLOAD, FIRM, NONE, 0 },
	{ "DELETE", "/api/v1/clients/{id}/logo", rp_api_client_logo_delete, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/branding",    rp_api_branding,         S,     FIRM, NONE, 0 },
	{ "PATCH",  "/api/v1/branding",    rp_api_branding_patch,   S,     ADMIN, NONE, 0 },
	{ "GET",    "/api/v1/branding/logo", rp_api_branding_logo,  S,     FIRM, NONE, 0 },
	{ "PUT",    "/api/v1/branding/logo", rp_api_branding_logo_put, S | RP_R_UPLOAD, ADMIN, NONE, 0 },
	{ "DELETE", "/api/v1/branding/logo", rp_api_branding_logo_delete, S, ADMIN, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/audit", rp_api_clients_audit, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/establishments", rp_api_estabs_list, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/establishments", rp_api_estabs_create, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/establishments/export", rp_api_directory_export, S, FIRM, F(PROFILE_EDIT), OF_CLIENT },
	{ "POST",   "/api/v1/clients/{id}/establishments/import", rp_api_directory_import, S | RP_R_UPLOAD, FIRM, F(PROFILE_EDIT), OF_CLIENT },
	{ "GET",    "/api/v1/clients/{id}/duplicates", rp_api_clients_duplicates, S, FIRM, F(PROFILE_DUPLICATES), OF_CLIENT },
	{ "GET",    "/api/v1/establishments/{id}", rp_api_estabs_get, S,   FIRM, F(PROFILE_READ), OF_ESTAB },
	{ "PATCH",  "/api/v1/establishments/{id}", rp_api_estabs_patch, S, FIRM, F(PROFILE_EDIT), OF_ESTAB },
	{ "POST",   "/api/v1/establishments/{id}/status", rp_api_estabs_status, S, FIRM, F(PROFILE_STATUS), OF_ESTAB },
	{ "POST",   "/api/v1/establishments/{id}/plan", rp_api_estabs_plan, S, FIRM, F(PLAN), OF_ESTAB },
	{ "POST",   "/api/v1/establishments/{id}/merge", rp_api_estabs_merge, S, FIRM, F(PROFILE_DUPLICATES), OF_ESTAB },
	{ "GET",    "/api/v1/establishments/{id}/suggestions", rp_api_suggestions_list, S, FIRM, F(PROFILE_READ), OF_ESTAB },
	{ "POST",   "/api/v1/establishments/{id}/suggestions", rp_api_suggestions_create, S, FIRM, F(PROFILE_READ), OF_ESTAB },
	{ "POST",   "/api/v1/suggestions/{id}/accept", rp_api_suggestions_accept, S, FIRM, F(PROFILE_EDIT), OF_SUGG },
	{ "POST",   "/api/v1/suggestions/{id}/reject", rp_api_suggestions_reject, S, FIRM, F(PROFILE_EDIT), OF_SUGG },

	{ "GET",    "/api/v1/clients/{id}/billing-changes", rp_api_client_billing_changes, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/admin/firms", rp_api_admin_firms,      S,     SUPPORT, NONE, 0 },
	{ "POST",   "/api/v1/admin/firms", rp_api_admin_firm_create, S,    SUPPORT, NONE, 0 },
	{ "POST",   "/api/v1/admin/firms/{id}/setup-link", rp_api_admin_setup_link, S, SUPPORT, NONE, 0 },
	{ "GET",    "/api/v1/admin/clients", rp_api_admin_clients,  S,     SUPPORT, NONE, 0 },
	{ "GET",    "/api/v1/admin/clients/{id}", rp_api_admin_client, S,  SUPPORT, NONE, 0 },
	{ "PATCH",  "/api/v1/admin/clients/{id}/billing", rp_api_admin_billing, S, SUPPORT, NONE, 0 },
	{ "GET",    "/api/v1/admin/billing-changes", rp_api_admin_billing_changes, S, SUPPORT, NONE, 0 },
	{ "GET",    "/api/v1/admin/statement", rp_api_admin_statement, S,  SUPPORT, NONE, 0 },
	{ "GET",    "/api/v1/admin/statement.csv", rp_api_admin_statement_csv, S, SUPPORT, NONE, 0 },

	{ "GET",    "/api/v1/frameworks",  rp_api_frameworks,       S,     FIRM, NONE, 0 },
	{ "GET",    "/api/v1/frameworks/{id}", rp_api_framework,    S,     FIRM, NONE, 0 },
	/* A framework is a file: its body may reach http.max_upload. */
	{ "POST",   "/api/v1/frameworks",  rp_api_frameworks_import, S | RP_R_UPLOAD, FW_ADMINS, NONE, 0 },
	{ "DELETE", "/api/v1/frameworks/{id}", rp_api_framework_delete, S, FW_ADMINS, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/frameworks", rp_api_client_adopt, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/compliance", rp_api_client_compliance, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/compliance.csv", rp_api_client_compliance_csv, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/compliance.xlsx", rp_api_client_compliance_xlsx, S, FIRM, NONE, 0 },
	{ "PATCH",  "/api/v1/clients/{id}/compliance/{id}", rp_api_client_assess, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/portfolio",   rp_api_portfolio,        S,     FIRM, NONE, 0 },
	{ "GET",    "/api/v1/portfolio.csv", rp_api_portfolio_csv,  S,     FIRM, NONE, 0 },
	{ "GET",    "/api/v1/portfolio.xlsx", rp_api_portfolio_xlsx, S,    FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/frameworks/{id}/cycles", rp_api_cycles_list, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/frameworks/{id}/cycles", rp_api_cycles_start, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/frameworks/{id}/cycles/{id}", rp_api_cycles_get, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/frameworks/{id}/cycles/{id}/compare/{id}", rp_api_cycles_compare, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/frameworks/{id}/soa", rp_api_soa, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/frameworks/{id}/soa.csv", rp_api_soa_csv, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/frameworks/{id}/soa.xlsx", rp_api_soa_xlsx, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/frameworks/{id}/soa.pdf", rp_api_soa_pdf, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/risks", rp_api_client_risks, S, FIRM, NONE, 0 },
	/* The same files as the pages' (no chrome, filters read alike). */
	{ "GET",    "/api/v1/clients/{id}/risks.csv", rp_ui_risks_csv, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/risks.xlsx", rp_ui_risks_xlsx, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/risks", rp_api_client_risk_create, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/risks/{id}",  rp_api_risk,             S,     FIRM, NONE, 0 },
	{ "PATCH",  "/api/v1/risks/{id}",  rp_api_risk_patch,       S,     FIRM, NONE, 0 },
	{ "DELETE", "/api/v1/risks/{id}",  rp_api_risk_delete,      S,     FIRM, NONE, 0 },
#define RA_API(path, name) \
	{ "GET",    "/api/v1/clients/{id}/" path, rp_api_ra_##name##_list, S, FIRM, NONE, 0 }, \
	{ "POST",   "/api/v1/clients/{id}/" path, rp_api_ra_##name##_create, S, FIRM, NONE, 0 }, \
	{ "GET",    "/api/v1/" path "/{id}", rp_api_ra_##name##_get, S,    FIRM, NONE, 0 }, \
	{ "PATCH",  "/api/v1/" path "/{id}", rp_api_ra_##name##_patch, S,  FIRM, NONE, 0 }, \
	{ "DELETE", "/api/v1/" path "/{id}", rp_api_ra_##name##_delete, S, FIRM, NONE, 0 }
	{ "GET",    "/api/v1/clients/{id}/risk-analysis", rp_api_ra_summary, S, FIRM, NONE, 0 },
	RA_API("business-assets", business),
	RA_API("supporting-assets", supporting),
	RA_API("threat-sources", threat),
	RA_API("scenarios", scenario),
#undef RA_API
	{ "POST",   "/api/v1/scenarios/{id}/retain", rp_api_ra_retain, S,  FIRM, NONE, 0 },
	{ "POST",   "/api/v1/scenarios/{id}/discard", rp_api_ra_discard, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/scenarios/{id}/sync-risk", rp_api_ra_sync, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/resources", rp_api_client_resources, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/resources", rp_api_client_resource_create, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/resources/{id}", rp_api_resource_get,  S,     FIRM, NONE, 0 },
	{ "PATCH",  "/api/v1/resources/{id}", rp_api_resource_patch, S,    FIRM, NONE, 0 },
	{ "DELETE", "/api/v1/resources/{id}", rp_api_resource_delete, S,   FIRM, NONE, 0 },
	{ "POST",   "/api/v1/resources/{id}/template", rp_api_resource_to_template, S, LIBRARY, NONE, 0 },
	{ "GET",    "/api/v1/resources/{id}/template-diff", rp_api_resource_template_diff, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/resources/{id}/template-update", rp_api_resource_template_update, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/resources/{id}/publications", rp_api_resource_publications, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/resources/{id}/publications", rp_api_resource_publish, S, FIRM, NONE, 0 },
	{ "DELETE", "/api/v1/resources/{id}/publications/{id}", rp_api_resource_withdraw, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/establishments/{id}/publications", rp_api_estab_publications, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/establishments/{id}/publications/{id}", rp_api_estab_publication, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/templates",   rp_api_templates,        S,     LIBRARY, NONE, 0 },
	{ "POST",   "/api/v1/templates",   rp_api_template_create,  S,     LIBRARY, NONE, 0 },
	{ "POST",   "/api/v1/templates/deploy", rp_api_templates_deploy, S, LIBRARY, NONE, 0 },
	{ "GET",    "/api/v1/templates/{id}", rp_api_template_get,  S,     LIBRARY, NONE, 0 },
	{ "PATCH",  "/api/v1/templates/{id}", rp_api_template_patch, S,    LIBRARY, NONE, 0 },
	{ "GET",    "/api/v1/templates/{id}/versions", rp_api_template_versions, S, LIBRARY, NONE, 0 },
	{ "POST",   "/api/v1/templates/{id}/deploy", rp_api_template_deploy, S, LIBRARY, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/actions", rp_api_client_actions, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/actions.csv", rp_api_client_actions_csv, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/actions.xlsx", rp_api_client_actions_xlsx, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/actions", rp_api_client_action_create, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/actions/{id}", rp_api_action_get,      S,     FIRM, NONE, 0 },
	{ "PATCH",  "/api/v1/actions/{id}", rp_api_action_patch,    S,     FIRM, NONE, 0 },
	{ "DELETE", "/api/v1/actions/{id}", rp_api_action_delete,   S,     FIRM, NONE, 0 },

	/* external scan module (app/scans.h) and exposure (feature monitoring) */
	{ "GET",    "/api/v1/clients/{id}/scan-targets", rp_api_client_targets, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/scan-targets", rp_api_client_target_create, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/scan-targets/{id}", rp_api_target,     S,     FIRM, NONE, 0 },
	{ "DELETE", "/api/v1/scan-targets/{id}", rp_api_target_delete, S,  FIRM, NONE, 0 },
	/* A scan is a file (up to 5 MiB of XML in a JSON string). */
	{ "POST",   "/api/v1/clients/{id}/scans", rp_api_client_scan_import, S | RP_R_UPLOAD, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/scans", rp_api_client_scans, S,  FIRM, NONE, 0 },
	{ "GET",    "/api/v1/scans/{id}",  rp_api_scan,             S,     FIRM, NONE, 0 },
	{ "DELETE", "/api/v1/scans/{id}",  rp_api_scan_delete,      S,     FIRM, NONE, 0 },
	{ "POST",   "/api/v1/findings/{id}/action", rp_api_finding_action, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/exposure", rp_api_client_exposure, S, FIRM, F(MONITORING), OF_CLIENT },
	{ "GET",    "/api/v1/establishments/{id}/exposure", rp_api_estab_exposure, S, FIRM, F(MONITORING), OF_ESTAB },
	{ "GET",    "/api/v1/clients/{id}/usage/questionnaire", rp_api_usage_questionnaire, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/usage/starter", rp_api_usage_starter, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/usage/sections", rp_api_usage_section_create, S, FIRM, NONE, 0 },
	{ "PATCH",  "/api/v1/clients/{id}/usage/sections/{id}", rp_api_usage_section_patch, S, FIRM, NONE, 0 },
	{ "DELETE", "/api/v1/clients/{id}/usage/sections/{id}", rp_api_usage_section_delete, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/usage/sections/{id}/questions", rp_api_usage_question_create, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/usage/questions/{id}", rp_api_usage_question_get, S, FIRM, NONE, 0 },
	{ "PATCH",  "/api/v1/clients/{id}/usage/questions/{id}", rp_api_usage_question_patch, S, FIRM, NONE, 0 },
	{ "DELETE", "/api/v1/clients/{id}/usage/questions/{id}", rp_api_usage_question_delete, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/usage/links", rp_api_usage_links, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/usage/links", rp_api_usage_link_create, S, FIRM, NONE, 0 },
	{ "POST",   "/api/v1/clients/{id}/usage/links/{id}/revoke", rp_api_usage_link_revoke, S, FIRM, NONE, 0 },
	{ "GET",    "/api/v1/clients/{id}/usage/answers", rp_api_usage_answers, S, FIRM, F(FEEDBACK), OF_USAGE },
	{ "GET",    "/api/v1/clients/{id}/usage/scores", rp_api_usage_scores, S, FIRM, F(FEEDBACK), OF_USAGE },
	{ "GET",    "/api/v1/establishments/{id}/usage", rp_api_usage_estab, S, FIRM, F(FEEDBACK), OF_USAGE_ESTAB },
};

const size_t rp_nroutes = RP_NELEM(rp_routes);
