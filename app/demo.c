/* The demo firm's missions: eight clients of every kind, their vCISO
 * teams, establishments (a likely duplicate among them), an establishment
 * manager's sites, frameworks adopted and partly assessed, risk
 * registers with inherent and residual scores, action plans (one
 * action overdue) and resources in every status; written once, inside
 * seed-demo's transaction. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "demo.h"
#include "estab-keys.h"
#include "util.h"

static const struct {
	const char	*name, *mission, *plan, *status, *billing, *email, *modules;
	unsigned	 team;		/* bits: admin, multi, account */
	const char	*sites[5][3];	/* name, postcode, city */
} clients[] = {
	{ "Boulangeries Martin", "permanent", "standard", "active", "intermediated", NULL,
	  "usage_diagnostic", 7, {
		{ "Fournil Martin Dijon", "21000", "Dijon" },
		{ "Boulangerie Martin Beaune", "21200", "Beaune" },
		{ "Boulangerie Martin - Beaune", "21200", "Beaune" },
		{ "Laboratoire central", "21300", "Chenôve" } } },
	{ "Clinique Saint-Roch", "permanent", "premium", "active", "direct",
	  "dsi@clinique-saint-roch.example", "external_scan,usage_diagnostic,risk_analysis", 7, {
		{ "Clinique Saint-Roch", "34000", "Montpellier" },
		{ "Centre d'imagerie Saint-Roch", "34070", "Montpellier" },
		{ "Maison de santé de Lunel", "34400", "Lunel" } } },
	{ "Transports Lemoine", "diagnostic", "essential", "active", "intermediated", NULL,
	  "external_scan", 6, {
		{ "Dépôt de Rungis", "94150", "Rungis" },
		{ "Agence de Lille", "59000", "Lille" } } },
	{ "Mairie de Vézelay", "permanent", "standard", "active", "direct",
	  "dgs@vezelay.example", "risk_analysis", 3, {
		{ "Hôtel de ville", "89450", "Vézelay" },
		{ "Médiathèque", "89450", "Vézelay" } } },
	{ "Atelier Numérique Ouest", "diagnostic", "standard", "suspended", "intermediated",
	  NULL, "", 2, {
		{ "Atelier Numérique Ouest", "44000", "Nantes" } } },
	{ "Groupe Hôtelier Azur", "permanent", "premium", "active", "intermediated", NULL,
	  "external_scan,risk_analysis", 3, {
		{ "Hôtel Azur Nice", "06000", "Nice" },
		{ "Hôtel Azur Cannes", "06400", "Cannes" },
		{ "Hôtel Azur Antibes", "06600", "Antibes" },
		{ "Siège Azur", "06000", "Nice" } } },
	{ "Cabinet d'avocats Roussel", "permanent", "essential", "active", "direct",
	  "compta@roussel-avocats.example", "usage_diagnostic", 1, {
		{ "Cabinet Roussel Paris", "75008", "Paris" } } },
	{ "Coopérative agricole du Morvan", "diagnostic", "essential", "closed",
	  "intermediated", NULL, "", 1, {
		{ "Silo de Saulieu", "21210", "Saulieu" },
		{ "Magasin de Château-Chinon", "58120", "Château-Chinon" } } },
};

static struct rp_stmt q_has = RP_STMT("SELECT COUNT(*) FROM clients WHERE firm_id = ?");
static struct rp_stmt q_client = RP_STMT(
    "INSERT INTO clients (firm_id, name, mission_type, plan, status, billing_mode,"
    " billing_email, modules, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_period = RP_STMT(
    "INSERT INTO client_periods (firm_id, client_id, starts_at, plan, mission_type, status)"
    " SELECT firm_id, id, created_at, plan, mission_type, status FROM clients WHERE id = ?");
static struct rp_stmt q_vciso = RP_STMT(
    "INSERT INTO client_vcisos (client_id, user_id, firm_id) VALUES (?, ?, ?)");
static struct rp_stmt q_estab = RP_STMT(
    "INSERT INTO establishments (firm_id, client_id, name, name_key, siret, postcode,"
    " city, country, headcount, plan) VALUES (?, ?, ?, ?, ?, ?, ?, 'France', ?, ?)");
/* Frameworks adopted by demo clients, and a believable share of their
 * requirements assessed: statuses cycle over the first ones. */
static struct rp_stmt q_adopt = RP_STMT(
    "INSERT INTO client_frameworks (firm_id, client_id, framework_id, total)"
    " SELECT ?, ?, fw.id, (SELECT COUNT(*) FROM requirements r WHERE r.framework_id = fw.id"
    "  AND r.assessable = 1) FROM frameworks fw WHERE fw.code = ? AND fw.firm_id IS NULL");
static struct rp_stmt q_assess = RP_STMT(
    "INSERT INTO assessments (firm_id, client_id, framework_id, requirement_id, status, comment)"
    " SELECT ?, ?, r.framework_id, r.id, ELT(1 + (r.position % 7), 'compliant', 'compliant',"
    "  'partial', 'non_compliant', 'compliant', 'partial', 'not_applicable'), ''"
    " FROM requirements r JOIN frameworks fw ON fw.id = r.framework_id"
    " WHERE fw.code = ? AND fw.firm_id IS NULL AND r.assessable = 1 ORDER BY r.position LIMIT ?");
static struct rp_stmt q_counters = RP_STMT(
    "UPDATE client_frameworks cf SET"
    " compliant = (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id"
    "  AND a.framework_id = cf.framework_id AND a.status = 'compliant'),"
    " partial = (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id"
    "  AND a.framework_id = cf.framework_id AND a.status = 'partial'),"
    " non_compliant = (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id"
    "  AND a.framework_id = cf.framework_id AND a.status = 'non_compliant'),"
    " not_applicable = (SELECT COUNT(*) FROM assessments a WHERE a.client_id = cf.client_id"
    "  AND a.framework_id = cf.framework_id AND a.status = 'not_applicable')"
    " WHERE cf.client_id = ?");
static struct rp_stmt q_client_pct = RP_STMT(
    "UPDATE clients c SET compliance_pct = (SELECT CASE WHEN SUM(cf.total - cf.not_applicable) > 0"
    " THEN ROUND(100 * (SUM(cf.compliant) + SUM(cf.partial) / 2)"
    " / SUM(cf.total - cf.not_applicable), 2) END"
    " FROM client_frameworks cf WHERE cf.client_id = c.id) WHERE c.id = ?");
static const struct {
	size_t		 client;	/* index in clients[] */
	const char	*code;
	long long	 assessed;
} adoptions[] = {
	{ 0, "anssi-hygiene", 30 },
	{ 1, "nist-csf", 80 },
	{ 1, "anssi-hygiene", 42 },
	{ 5, "nist-csf", 40 },
	{ 3, "anssi-hygiene", 12 },
};

static int
adopt(struct rp_arena *a, long long firm, long long client, size_t i)
{
	for (size_t k = 0; k < RP_NELEM(adoptions); k++) {
		if (adoptions[k].client != i)
			continue;
		struct rp_dbarg d[] = { RP_AINT(firm), RP_AINT(client), RP_ASTR(adoptions[k].code),
		    RP_AINT(adoptions[k].assessed) };
		if (rp_db_exec(a, &q_adopt, d, 3, NULL) != 0 ||
		    rp_db_exec(a, &q_assess, d, 4, NULL) != 0)
			return -1;
	}
	struct rp_dbarg c = RP_AINT(client);
	return rp_db_exec(a, &q_counters, &c, 1, NULL) == 0 &&
	    rp_db_exec(a, &q_client_pct, &c, 1, NULL) == 0 ? 0 : -1;
}

/* Risk registers: a few believable risks, the vCISO (the admin) owning
 * them, some treated with their residual values, one linked to a
 * requirement of an adopted framework. */
static struct rp_stmt q_risk = RP_STMT(
    "INSERT INTO risks (firm_id, client_id, title, description, asset, threat, likelihood,"
    " impact, treatment, owner_id, status, residual_likelihood, residual_impact, created_by)"
    " VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_risk_link = RP_STMT(
    "INSERT INTO risk_requirements (risk_id, requirement_id, firm_id, client_id, framework_id)"
    " SELECT ?, r.id, ?, ?, r.framework_id FROM requirements r"
    " JOIN frameworks fw ON fw.id = r.framework_id AND fw.firm_id IS NULL AND fw.code = ?"
    " JOIN client_frameworks cf ON cf.framework_id = fw.id AND cf.client_id = ?"
    " WHERE r.assessable = 1 ORDER BY r.position LIMIT 1 OFFSET ?");
static const struct {
	size_t		 client;	/* index in clients[] */
	const char	*title, *asset, *threat, *treatment, *status;
	int		 l, i, rl, ri;	/* residual 0: not assessed */
	const char	*fw;		/* link to this framework's requirement... */
	long long	 req;		/* ...at this position among assessable ones */
} risks[] = {
	{ 0, "Rançongiciel sur le poste de caisse", "Caisses enregistreuses", "Rançongiciel",
	  "reduce", "open", 4, 5, 2, 4, "anssi-hygiene", 3 },
	{ 0, "Fuite des fichiers clients", "Fichier de fidélité", "Vol de données",
	  "reduce", "treated", 3, 4, 2, 3, NULL, 0 },
	{ 0, "Panne du four connecté", "Fours du laboratoire", "Panne matérielle",
	  "transfer", "open", 2, 3, 0, 0, NULL, 0 },
	{ 0, "Hameçonnage de la comptabilité", "Messagerie", "Hameçonnage",
	  "reduce", "open", 5, 3, 0, 0, NULL, 0 },
	{ 0, "Perte du site web vitrine", "Site web", "Défiguration",
	  "accept", "closed", 1, 2, 0, 0, NULL, 0 },
	{ 1, "Indisponibilité du dossier patient", "Dossier patient informatisé",
	  "Rançongiciel", "reduce", "open", 3, 5, 2, 5, "nist-csf", 0 },
	{ 1, "Accès non autorisé à l'imagerie", "PACS", "Intrusion", "reduce", "open", 2, 4,
	  0, 0, NULL, 0 },
};

static int
demo_risks(struct rp_arena *a, long long firm, long long client, size_t i, long long owner)
{
	struct rp_dbres res;

	for (size_t k = 0; k < RP_NELEM(risks); k++) {
		if (risks[k].client != i)
			continue;
		struct rp_dbarg r[] = { RP_AINT(firm), RP_AINT(client), RP_ASTR(risks[k].title),
		    RP_ASTR(risks[k].asset), RP_ASTR(risks[k].threat), RP_AINT(risks[k].l),
		    RP_AINT(risks[k].i), RP_ASTR(risks[k].treatment), RP_AINT(owner),
		    RP_ASTR(risks[k].status), risks[k].rl ? RP_AINT(risks[k].rl) : RP_ANULL,
		    risks[k].ri ? RP_AINT(risks[k].ri) : RP_ANULL, RP_AINT(owner) };
		if (rp_db_exec(a, &q_risk, r, RP_NELEM(r), &res) != 0)
			return -1;
		if (risks[k].fw == NULL)
			continue;
		struct rp_dbarg l[] = { RP_AINT(res.insert_id), RP_AINT(firm), RP_AINT(client),
		    RP_ASTR(risks[k].fw), RP_AINT(client), RP_AINT(risks[k].req) };
		if (rp_db_exec(a, &q_risk_link, l, RP_NELEM(l), NULL) != 0)
			return -1;
	}
	return 0;
}

/* Action plans, with due dates relative to the day of the seed (0: none)
 * so that one is always overdue, and links to ANSSI measures by ref. */
static struct rp_stmt q_action = RP_STMT(
    "INSERT INTO actions (firm_id, client_id, title, description, owner_id, due_date,"
    " priority, status, progress, created_by) VALUES (?, ?, ?, ?, ?,"
    " CASE WHEN ? = 0 THEN NULL ELSE DATE_ADD(CURDATE(), INTERVAL ? DAY) END, ?, ?, ?, ?)");
static struct rp_stmt q_action_req = RP_STMT(
    "INSERT INTO action_requirements (action_id, requirement_id, firm_id, client_id)"
    " SELECT ?, r.id, ?, ? FROM requirements r JOIN frameworks fw ON fw.id = r.framework_id"
    " WHERE fw.code = 'anssi-hygiene' AND fw.firm_id IS NULL AND r.ref = ?");
static struct rp_stmt q_open_actions = RP_STMT(
    "UPDATE clients c SET open_actions = (SELECT COUNT(*) FROM actions a"
    " WHERE a.client_id = c.id AND a.status IN ('todo', 'in_progress')) WHERE c.id = ?");
static const struct {
	size_t		 client;	/* index in clients[] */
	const char	*title, *description;
	int		 owner;		/* index in team[] */
	long long	 due;		/* days from today; 0: no due date */
	const char	*priority, *status;
	long long	 progress;
	const char	*ref;		/* ANSSI measure linked, or NULL */
} actions[] = {
	{ 0, "Sauvegardes hors ligne des caisses et du laboratoire",
	  "Mettre en place une sauvegarde hebdomadaire déconnectée, testée par une restauration.",
	  0, -12, "critical", "in_progress", 40, "37" },
	{ 0, "Inventaire des comptes administrateurs",
	  "Lister les comptes à privilèges de chaque boulangerie et supprimer ceux sans titulaire.",
	  1, 21, "high", "todo", 0, "5" },
	{ 0, "Sensibilisation au hameçonnage des équipes de vente", "",
	  2, 45, "medium", "todo", 10, "1" },
	{ 0, "Comptes nominatifs sur les postes de caisse", "",
	  0, -30, "high", "done", 100, "8" },
	{ 0, "Durcissement des postes du siège", "",
	  1, 0, "low", "cancelled", 0, NULL },
	{ 1, "Réseau d'administration dédié pour l'imagerie",
	  "Séparer l'administration des modalités d'imagerie du réseau bureautique.",
	  0, 60, "critical", "in_progress", 25, "28" },
};

static int
demo_actions(struct rp_arena *a, long long firm, long long client, size_t i,
    const long long team[3])
{
	struct rp_dbres res;

	for (size_t k = 0; k < RP_NELEM(actions); k++) {
		if (actions[k].client != i)
			continue;
		struct rp_dbarg d[] = { RP_AINT(firm), RP_AINT(client), RP_ASTR(actions[k].title),
		    RP_ASTR(actions[k].description), RP_AINT(team[actions[k].owner]),
		    RP_AINT(actions[k].due), RP_AINT(actions[k].due),
		    RP_ASTR(actions[k].priority), RP_ASTR(actions[k].status),
		    RP_AINT(actions[k].progress), RP_AINT(team[0]) };
		if (rp_db_exec(a, &q_action, d, RP_NELEM(d), &res) != 0)
			return -1;
		if (actions[k].ref == NULL)
			continue;
		struct rp_dbarg l[] = { RP_AINT(res.insert_id), RP_AINT(firm), RP_AINT(client),
		    RP_ASTR(actions[k].ref) };
		if (rp_db_exec(a, &q_action_req, l, RP_NELEM(l), NULL) != 0)
			return -1;
	}
	struct rp_dbarg c = RP_AINT(client);
	return rp_db_exec(a, &q_open_actions, &c, 1, NULL);
}

/* Resources in every status, tagged with ANSSI measures by ref; the
 * backup procedure is what the overdue backup action produces. */
static struct rp_stmt q_resource = RP_STMT(
    "INSERT INTO resources (firm_id, client_id, type, title, body, status, version,"
    " created_by, approved_at, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
    " IF(? = 'draft', NULL, UTC_TIMESTAMP()), IF(? = 'draft', NULL, ?))");
static struct rp_stmt q_resource_req = RP_STMT(
    "INSERT INTO resource_requirements (resource_id, requirement_id, firm_id, client_id)"
    " SELECT ?, r.id, ?, ? FROM requirements r JOIN frameworks fw ON fw.id = r.framework_id"
    " WHERE fw.code = 'anssi-hygiene' AND fw.firm_id IS NULL AND r.ref = ?");
static struct rp_stmt q_action_resource = RP_STMT(
    "INSERT INTO action_resources (action_id, resource_id, firm_id, client_id)"
    " SELECT a.id, ?, ?, ? FROM actions a WHERE a.client_id = ? AND a.title = ?");
static const struct {
	size_t		 client;	/* index in clients[] */
	const char	*type, *title, *body, *status;
	long long	 version;
	const char	*ref;		/* ANSSI measure tagged, or NULL */
	const char	*action;	/* title of the action linking it, or NULL */
} resources[] = {
	{ 0, "document", "Politique de sécurité du système d'information",
	  "# Objet\n\nCette politique fixe les règles de sécurité applicables aux boulangeries"
	  " et au siège.\n\n## Principes\n\n- Chaque personne utilise un **compte nominatif**.\n"
	  "- Les sauvegardes sont *testées* chaque trimestre.\n- Tout incident est signalé au"
	  " référent sécurité.\n",
	  "published", 2, "1", NULL },
	{ 0, "process", "Procédure de sauvegarde et de restauration",
	  "## Fréquence\n\nSauvegarde hebdomadaire sur support déconnecté.\n\n## Test\n\n"
	  "1. Restaurer un fichier de caisse.\n2. Consigner le résultat dans le registre.\n",
	  "draft", 1, "37", "Sauvegardes hors ligne des caisses et du laboratoire" },
	{ 0, "control", "Revue trimestrielle des comptes administrateurs",
	  "Comparer la liste des comptes à privilèges avec l'annuaire du personnel.", "approved", 1,
	  "5", NULL },
	{ 0, "tool", "Gestionnaire de mots de passe", "", "draft", 1, NULL, NULL },
	{ 1, "document", "Charte d'utilisation des postes d'imagerie",
	  "Les postes d'imagerie ne servent ni à la messagerie ni à la navigation.", "approved", 1,
	  "28", NULL },
};

static int
demo_resources(struct rp_arena *a, long long firm, long long client, size_t i, long long owner)
{
	struct rp_dbres res;

	for (size_t k = 0; k < RP_NELEM(resources); k++) {
		if (resources[k].client != i)
			continue;
		struct rp_dbarg d[] = { RP_AINT(firm), RP_AINT(client), RP_ASTR(resources[k].type),
		    RP_ASTR(resources[k].title), RP_ASTR(resources[k].body),
		    RP_ASTR(resources[k].status), RP_AINT(resources[k].version), RP_AINT(owner),
		    RP_ASTR(resources[k].status), RP_ASTR(resources[k].status), RP_AINT(owner) };
		if (rp_db_exec(a, &q_resource, d, RP_NELEM(d), &res) != 0)
			return -1;
		long long id = res.insert_id;
		if (resources[k].ref != NULL) {
			struct rp_dbarg l[] = { RP_AINT(id), RP_AINT(firm), RP_AINT(client),
			    RP_ASTR(resources[k].ref) };
			if (rp_db_exec(a, &q_resource_req, l, RP_NELEM(l), NULL) != 0)
				return -1;
		}
		if (resources[k].action != NULL) {
			struct rp_dbarg l[] = { RP_AINT(id), RP_AINT(firm), RP_AINT(client),
			    RP_AINT(client), RP_ASTR(resources[k].action) };
			if (rp_db_exec(a, &q_action_resource, l, RP_NELEM(l), NULL) != 0)
				return -1;
		}
	}
	return 0;
}

static struct rp_stmt q_assign = RP_STMT(
    "INSERT INTO user_establishments (user_id, establishment_id, firm_id) VALUES (?, ?, ?)");

/* A SIRET for demo site n: a fixed prefix, n, and the Luhn check digit. */
static void
demo_siret(char out[15], unsigned n)
{
	int sum = 0;

	snprintf(out, 15, "8120%09u", 100000u + n * 37u);
	for (int i = 12; i >= 0; i--) {
		int d = out[i] - '0';
		/* Doubling starts with the digit left of the check digit. */
		if ((12 - i) % 2 == 0 && (d *= 2) > 9)
			d -= 9;
		sum += d;
	}
	out[13] = (char)('0' + (10 - sum % 10) % 10);
	out[14] = '\0';
}

int
rp_demo_clients(struct rp_arena *a, long long firm, const long long team[3],
    long long site_manager)
{
	struct rp_dbarg h = RP_AINT(firm);
	struct rp_dbres res;
	long long count;
	unsigned n = 0;

	if (rp_db_exec(a, &q_has, &h, 1, &res) != 0)
		return -1;
	rp_strtonum(rp_db_cell(&res, 0, 0), 0, INT64_MAX, &count);
	if (count > 0)
		return 0;
	for (size_t i = 0; i < RP_NELEM(clients); i++) {
		struct rp_dbarg c[] = { RP_AINT(firm), RP_ASTR(clients[i].name),
		    RP_ASTR(clients[i].mission), RP_ASTR(clients[i].plan),
		    RP_ASTR(clients[i].status), RP_ASTR(clients[i].billing),
		    RP_ASTR(clients[i].email), RP_ASTR(clients[i].modules), RP_AINT(team[0]) };
		if (rp_db_exec(a, &q_client, c, RP_NELEM(c), &res) != 0)
			return -1;
		long long cid = res.insert_id;
		struct rp_dbarg pa = RP_AINT(cid);
		if (rp_db_exec(a, &q_period, &pa, 1, NULL) != 0 || adopt(a, firm, cid, i) != 0 ||
		    demo_risks(a, firm, cid, i, team[0]) != 0)
			return -1;
		for (int t = 0; t < 3; t++) {
			if (!(clients[i].team & (1u << t)))
				continue;
			struct rp_dbarg v[] = { RP_AINT(cid), RP_AINT(team[t]), RP_AINT(firm) };
			if (rp_db_exec(a, &q_vciso, v, 3, NULL) != 0)
				return -1;
		}
		if (demo_actions(a, firm, cid, i, team) != 0 ||
		    demo_resources(a, firm, cid, i, team[0]) != 0)
			return -1;
		for (size_t s = 0; s < RP_NELEM(clients[i].sites) && clients[i].sites[s][0]; s++) {
			char siret[15];
			demo_siret(siret, ++n);
			const char *name = clients[i].sites[s][0];
			/* The second Beaune bakery is the same site typed twice,
			 * without its SIRET: the duplicates page finds it. */
			bool dup = i == 0 && s == 2;
			struct rp_dbarg e[] = { RP_AINT(firm), RP_AINT(cid), RP_ASTR(name),
			    RP_ASTR(rp_name_key(a, name)), dup ? RP_ANULL : RP_ASTR(siret),
			    RP_ASTR(clients[i].sites[s][1]), RP_ASTR(clients[i].sites[s][2]),
			    RP_AINT(12 + 17 * (long long)n % 180), RP_ASTR(clients[i].plan) };
			if (rp_db_exec(a, &q_estab, e, RP_NELEM(e), &res) != 0)
				return -1;
			/* The site manager looks after the first two bakeries. */
			if (i == 0 && s < 2 && site_manager) {
				struct rp_dbarg u[] = { RP_AINT(site_manager),
				    RP_AINT(res.insert_id), RP_AINT(firm) };
				if (rp_db_exec(a, &q_assign, u, 3, NULL) != 0)
					return -1;
			}
		}
	}
	return 0;
}
