/* rempart-admin seed-bench: two benchmark firms of N clients each, loaded
 * set-based (INSERT ... SELECT over MariaDB's sequence tables and small
 * tables of templates) so that 20,000 clients take minutes, not hours. The
 * counters the application keeps on write are computed from the rows they
 * count, with the application's own formulas. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "authz.h"
#include "bench-seed.h"
#include "config.h"
#include "db.h"
#include "estab-keys.h"
#include "migrate.h"
#include "password.h"
#include "session.h"
#include "util.h"

#define MAX_CLIENTS	100000	/* as far as seq_1_to_100000 goes */
#define PASSWORD	"bench rempart 2026"
#define FIRM_A		"Bench firm A"
#define FIRM_B		"Bench firm B"
#define DOMAIN_A	"bench-a.rempart.test"
#define DOMAIN_B	"bench-b.rempart.test"
/* A bulk statement may run far longer than a page's queries, for which
 * the configured read and write timeouts (seconds) are made. */
#define BULK_TIMEOUT	600

#define BENCH_FIRMS	"('" FIRM_A "', '" FIRM_B "')"
#define LOADED_FIRMS	"(SELECT id FROM bench_firms)"

static const struct {
	const char	*name, *key, *domain;
	int		 digit;		/* second digit of its SIRETs */
} firms[] = {
	{ FIRM_A, "a", DOMAIN_A, 1 },
	{ FIRM_B, "b", DOMAIN_B, 2 },
};

/* The staff of each firm: at least `min`, and one per `per` clients. */
enum { STAFF_ADMIN, STAFF_MULTI, STAFF_ACCOUNT, STAFF_SITE };
static const struct {
	int		 role;
	const char	*prefix;	/* of the e-mail: admin@, multi0001@... */
	long long	 min, per;
} staff[] = {
	[STAFF_ADMIN] = { RP_ROLE_ADMIN, "admin", 1, 0 },
	[STAFF_MULTI] = { RP_ROLE_MULTI_ACCOUNT_MANAGER, "multi", 3, 0 },
	[STAFF_ACCOUNT] = { RP_ROLE_ACCOUNT_MANAGER, "account", 5, 50 },
	[STAFF_SITE] = { RP_ROLE_ESTABLISHMENT_MANAGER, "site", 2, 100 },
};

/* Establishments are named "<label> <city>": each client has one site of
 * every label, so no two of its sites share a name. */
static const char *const labels[] = {
	"Siège", "Agence", "Dépôt", "Entrepôt", "Atelier", "Boutique", "Usine",
	"Laboratoire", "Bureau", "Magasin",
};

static const struct {
	const char	*city, *postcode;
} cities[] = {
	{ "Paris", "75011" }, { "Lyon", "69003" }, { "Marseille", "13008" },
	{ "Toulouse", "31000" }, { "Nice", "06000" }, { "Nantes", "44000" },
	{ "Strasbourg", "67000" }, { "Montpellier", "34000" }, { "Bordeaux", "33000" },
	{ "Lille", "59000" }, { "Rennes", "35000" }, { "Reims", "51100" },
	{ "Saint-Étienne", "42000" }, { "Le Havre", "76600" }, { "Besançon", "25000" },
	{ "Aix-en-Provence", "13090" }, { "Clermont-Ferrand", "63000" },
	{ "Orléans", "45000" }, { "Nîmes", "30000" }, { "Châlons-en-Champagne", "51000" },
};

/* Requirement references: NIST CSF ones have a dot (PR.DS-11), the ANSSI
 * guide's are measure numbers. */
#define REF_CODE(ref)	(strchr((ref), '.') ? "nist-csf" : "anssi-hygiene")

/* Every client gets one risk of each kind, linked (for half of them) to
 * the requirements named. */
static const struct {
	const char	*title, *asset, *threat, *treatment, *anssi, *nist;
	const char	*description;
} risk_kinds[] = {
	{ "Rançongiciel sur les serveurs de fichiers", "Serveurs de fichiers", "Rançongiciel",
	  "reduce", "37", "PR.DS-11",
	  "Chiffrement des partages par un rançongiciel entré par la messagerie." },
	{ "Hameçonnage ciblant la direction financière", "Messagerie", "Hameçonnage",
	  "reduce", "2", "PR.AT-01",
	  "Vol d'identifiants par un faux portail de connexion." },
	{ "Fuite de données clients", "Base clients", "Exfiltration", "reduce", "18",
	  "PR.DS-01", "Copie de la base clients par un tiers ou un départ." },
	{ "Compromission d'un compte administrateur", "Annuaire", "Vol d'identifiants",
	  "reduce", "8", "PR.AA-05", "Prise de contrôle du domaine avec un compte à privilèges." },
	{ "Indisponibilité du logiciel de gestion", "Progiciel de gestion", "Panne logicielle",
	  "transfer", "37", "PR.IR-03", "Arrêt de la facturation et des commandes." },
	{ "Vol d'un ordinateur portable", "Postes nomades", "Vol", "reduce", "31", "PR.DS-01",
	  "Perte de données sensibles stockées en clair." },
	{ "Intrusion par le Wi-Fi invités", "Réseau interne", "Intrusion", "reduce", "20",
	  "PR.IR-01", "Réseau invités non cloisonné du réseau de production." },
	{ "Défiguration du site web", "Site web", "Défiguration", "accept", "23", "PR.PS-02",
	  "Atteinte à l'image par un CMS non mis à jour." },
	{ "Fraude au président", "Trésorerie", "Ingénierie sociale", "reduce", "2", "PR.AT-02",
	  "Virement frauduleux demandé au nom de la direction." },
	{ "Défaillance du prestataire d'infogérance", "Infogérance", "Défaillance fournisseur",
	  "transfer", "3", "GV.SC-07", "Arrêt de service ou faille chez le prestataire." },
	{ "Perte des sauvegardes", "Sauvegardes", "Erreur de manipulation", "reduce", "37",
	  "RC.RP-03", "Sauvegardes jamais testées, inutilisables le jour venu." },
	{ "Exploitation d'une vulnérabilité non corrigée", "Serveurs exposés",
	  "Exploitation de vulnérabilité", "reduce", "34", "ID.RA-01",
	  "Correctifs de sécurité appliqués avec des mois de retard." },
	{ "Accès non autorisé à la salle serveur", "Salle serveur", "Intrusion physique",
	  "reduce", "26", "PR.AA-06", "Porte sans contrôle d'accès ni journal." },
	{ "Infection par une clé USB", "Postes de travail", "Logiciel malveillant", "reduce",
	  "15", "PR.PS-05", "Supports amovibles utilisés sans contrôle." },
	{ "Usurpation de l'accès distant", "VPN", "Vol d'identifiants", "reduce", "32",
	  "PR.AA-03", "Accès distant protégé par un simple mot de passe." },
	{ "Mots de passe par défaut sur les équipements", "Équipements réseau",
	  "Accès non autorisé", "reduce", "12", "PR.AA-01",
	  "Identifiants d'usine jamais changés." },
	{ "Départ d'un salarié avec ses accès", "Comptes utilisateurs", "Malveillance interne",
	  "reduce", "6", "PR.AA-05", "Comptes non désactivés après un départ." },
	{ "Panne électrique prolongée", "Salle serveur", "Panne d'alimentation", "transfer",
	  NULL, "PR.IR-02", "Pas d'onduleur ni de groupe électrogène." },
	{ "Non-conformité au RGPD", "Données personnelles", "Sanction réglementaire",
	  "reduce", NULL, "GV.OC-03", "Registre des traitements incomplet." },
	{ "Attaque par déni de service", "Site de commande en ligne", "Déni de service",
	  "transfer", "22", "PR.IR-04", "Saturation du site pendant les soldes." },
	{ "Logiciel obsolète sans support", "Poste de supervision",
	  "Exploitation de vulnérabilité", "avoid", "35", "ID.AM-08",
	  "Système d'exploitation hors support de l'éditeur." },
	{ "Incident non détecté faute de journaux", "Systèmes critiques", "Intrusion furtive",
	  "reduce", "36", "DE.CM-01", "Aucune journalisation centralisée." },
	{ "Erreur de configuration du pare-feu", "Pare-feu", "Erreur humaine", "reduce", "17",
	  "PR.PS-01", "Règles ouvertes trop largement lors d'un dépannage." },
	{ "Services cloud non maîtrisés", "Données métier", "Fuite de données", "accept", "4",
	  "ID.AM-02", "Partage de fichiers sur des services personnels." },
	{ "Réponse désorganisée à un incident majeur", "Organisation", "Crise cyber",
	  "reduce", "40", "RS.MA-01", "Personne ne sait qui décide ni qui prévenir." },
};

/* One resource of each kind per client, tagged with its requirement. */
static const struct {
	const char	*type, *title, *ref, *body;
} resource_kinds[] = {
	{ "document", "Politique de sécurité du système d'information", "GV.PO-01",
	  "# Objet\n\nCette politique fixe les règles de sécurité de l'entreprise.\n\n"
	  "## Principes\n\n- Chaque personne utilise un **compte nominatif**.\n"
	  "- Tout incident est signalé au référent sécurité.\n" },
	{ "process", "Procédure de sauvegarde et de restauration", "37",
	  "## Fréquence\n\nSauvegarde quotidienne, copie hebdomadaire **hors ligne**.\n\n"
	  "## Test\n\n1. Restaurer un fichier chaque mois.\n2. Consigner le résultat.\n" },
	{ "process", "Procédure de gestion des incidents", "40",
	  "## Signaler\n\nAppeler le référent sécurité, puis *isoler* le poste.\n\n"
	  "## Traiter\n\n1. Qualifier.\n2. Contenir.\n3. Tirer les leçons.\n" },
	{ "document", "Charte informatique des utilisateurs", "2",
	  "Les outils informatiques sont fournis pour un usage **professionnel**.\n\n"
	  "- Verrouiller sa session.\n- Ne jamais prêter ses identifiants.\n" },
	{ "control", "Revue trimestrielle des comptes à privilèges", "5",
	  "Comparer la liste des comptes à privilèges avec l'annuaire du personnel et "
	  "supprimer les comptes **sans titulaire**.\n" },
	{ "tool", "Gestionnaire de mots de passe", "11",
	  "Coffre-fort de mots de passe partagé par équipe, protégé par une "
	  "authentification forte.\n" },
	{ "process", "Arrivées et départs des collaborateurs", "6",
	  "## Arrivée\n\nComptes créés sur demande du manager.\n\n## Départ\n\n"
	  "Comptes désactivés **le jour même**.\n" },
	{ "document", "Cartographie du système d'information", "4",
	  "Inventaire des serveurs, des applications et des flux entre sites.\n\n"
	  "| Site | Serveurs |\n|---|---|\n| Siège | 4 |\n" },
	{ "control", "Test de restauration des sauvegardes", "RC.RP-03",
	  "Chaque trimestre, restauration complète d'un serveur sur une machine de test.\n" },
	{ "tool", "Détection et réponse sur les postes (EDR)", "14",
	  "Agent EDR déployé sur **tous** les postes et serveurs, alertes envoyées à "
	  "l'infogérant.\n" },
	{ "process", "Politique de mises à jour", "34",
	  "- Correctifs critiques : *sous 7 jours*.\n- Autres correctifs : sous 30 jours.\n" },
	{ "document", "Plan de continuité d'activité", "PR.IR-03",
	  "## Activités vitales\n\n1. Facturation.\n2. Commandes.\n\n"
	  "## Délai maximal d'interruption\n\n48 heures.\n" },
	{ "control", "Audit de configuration du pare-feu", "17",
	  "Revue semestrielle des règles ; toute règle sans justification est supprimée.\n" },
	{ "tool", "VPN avec authentification forte", "32",
	  "Accès distant par VPN avec un second facteur sur téléphone.\n" },
	{ "document", "Registre des traitements de données personnelles", "GV.OC-03",
	  "Registre tenu à jour par le référent RGPD.\n\n- Paie\n- Clients\n- Vidéoprotection\n" },
	{ "process", "Gestion des vulnérabilités", "ID.RA-01",
	  "Scan mensuel des adresses exposées ; chaque vulnérabilité critique ouvre une "
	  "action.\n" },
	{ "control", "Campagne de sensibilisation à l'hameçonnage", "PR.AT-01",
	  "Deux campagnes simulées par an, résultats présentés en comité.\n" },
	{ "document", "Plan de réponse à un rançongiciel", "RS.MA-01",
	  "## Premières heures\n\n1. Débrancher du réseau.\n2. Prévenir l'assureur.\n"
	  "3. Ne **pas** payer.\n" },
	{ "tool", "Centralisation des journaux", "36",
	  "Journaux des serveurs et du pare-feu conservés **un an** sur un serveur dédié.\n" },
	{ "document", "Clauses de sécurité des contrats fournisseurs", "3",
	  "Modèle de clauses : confidentialité, notification des incidents sous 24 h, "
	  "droit d'audit.\n" },
};

/* One action of each kind per client, linked (for about half of them) to
 * its requirement, to the risk it treats and to the resource it produces
 * (1-based indexes in risk_kinds and resource_kinds, 0 for none). */
static const struct {
	const char	*title, *ref;
	int		 risk, resource;
} action_kinds[] = {
	{ "Mettre en place des sauvegardes hors ligne", "37", 1, 2 },
	{ "Tester la restauration des serveurs critiques", "RC.RP-03", 11, 9 },
	{ "Sensibiliser les équipes à l'hameçonnage", "2", 2, 17 },
	{ "Simuler une campagne d'hameçonnage", "PR.AT-01", 9, 17 },
	{ "Inventorier les comptes administrateurs", "5", 4, 5 },
	{ "Séparer comptes d'administration et comptes bureautiques", "8", 4, 0 },
	{ "Activer l'authentification multifacteur sur la messagerie", "13", 2, 0 },
	{ "Imposer l'authentification forte sur le VPN", "32", 15, 14 },
	{ "Chiffrer les disques des ordinateurs portables", "31", 6, 0 },
	{ "Cloisonner le Wi-Fi invités", "20", 7, 0 },
	{ "Changer les mots de passe par défaut des équipements", "12", 16, 0 },
	{ "Formaliser la procédure de départ des collaborateurs", "6", 17, 7 },
	{ "Rédiger la politique de sécurité", "GV.PO-01", 0, 1 },
	{ "Faire signer la charte informatique", "2", 0, 4 },
	{ "Cartographier le réseau et les flux", "4", 0, 8 },
	{ "Remplacer le pare-feu périmétrique", "22", 23, 13 },
	{ "Revoir les règles du pare-feu", "17", 23, 13 },
	{ "Déployer un EDR sur les postes", "14", 1, 10 },
	{ "Bloquer les supports USB non autorisés", "15", 14, 0 },
	{ "Centraliser les journaux des serveurs", "36", 22, 19 },
	{ "Définir une politique de mises à jour", "34", 12, 11 },
	{ "Appliquer les correctifs de sécurité critiques", "34", 12, 0 },
	{ "Remplacer les systèmes hors support", "35", 21, 0 },
	{ "Restreindre l'accès à la salle serveur", "26", 13, 0 },
	{ "Installer un onduleur pour la baie serveur", "PR.IR-02", 18, 0 },
	{ "Rédiger le plan de continuité d'activité", "PR.IR-03", 5, 12 },
	{ "Mettre à jour le registre des traitements", "GV.OC-03", 19, 15 },
	{ "Ajouter des clauses de sécurité au contrat d'infogérance", "3", 10, 20 },
	{ "Évaluer la sécurité des fournisseurs critiques", "GV.SC-07", 10, 0 },
	{ "Mettre en place un scan de vulnérabilités mensuel", "ID.RA-01", 12, 16 },
	{ "Désigner un référent sécurité", "39", 0, 0 },
	{ "Rédiger la procédure de gestion des incidents", "40", 25, 3 },
	{ "Organiser un exercice de crise cyber", "RS.MA-01", 25, 18 },
	{ "Protéger le site web par un pare-feu applicatif", "23", 8, 0 },
	{ "Souscrire une protection contre le déni de service", "PR.IR-04", 20, 0 },
	{ "Filtrer les pièces jointes de la messagerie", "24", 2, 0 },
	{ "Déployer un gestionnaire de mots de passe", "11", 4, 6 },
	{ "Définir la politique de mots de passe", "10", 4, 0 },
	{ "Retirer les droits d'administration locaux", "29", 14, 0 },
	{ "Créer un réseau d'administration dédié", "28", 4, 0 },
	{ "Fiabiliser la validation des virements", "PR.AT-02", 9, 0 },
	{ "Chiffrer les échanges de fichiers avec les partenaires", "18", 3, 0 },
	{ "Recenser les services cloud utilisés", "ID.AM-02", 24, 0 },
	{ "Réaliser une analyse de risques EBIOS", "41", 0, 0 },
	{ "Activer le pare-feu local des postes", "17", 0, 0 },
	{ "Gérer les postes de façon centralisée", "16", 0, 0 },
	{ "Superviser les connexions distantes", "DE.CM-01", 15, 0 },
	{ "Former l'équipe informatique à la sécurité", "1", 0, 0 },
	{ "Auditer les droits d'accès aux partages", "9", 3, 0 },
	{ "Revoir les accès des prestataires", "DE.CM-06", 10, 0 },
};

/* Working tables of one run, on its connection only. */
static struct rp_stmt temp_tables[] = {
	RP_STMT("CREATE TEMPORARY TABLE bench_firms (k CHAR(1) NOT NULL PRIMARY KEY,"
	    " id BIGINT UNSIGNED NOT NULL UNIQUE, digit TINYINT UNSIGNED NOT NULL,"
	    " admin_id BIGINT UNSIGNED NOT NULL, clients INT UNSIGNED NOT NULL,"
	    " accounts INT UNSIGNED NOT NULL, sites INT UNSIGNED NOT NULL)"),
	/* Staff by role, numbered from 1. */
	RP_STMT("CREATE TEMPORARY TABLE bench_users (firm_id BIGINT UNSIGNED NOT NULL,"
	    " role VARCHAR(32) NOT NULL, k INT UNSIGNED NOT NULL, id BIGINT UNSIGNED NOT NULL,"
	    " PRIMARY KEY (firm_id, role, k))"),
	/* n: the client's number, as in its name; am1, am2: its account
	 * managers (am2 for a third of them). */
	RP_STMT("CREATE TEMPORARY TABLE bench_clients (id BIGINT UNSIGNED NOT NULL PRIMARY KEY,"
	    " firm_id BIGINT UNSIGNED NOT NULL, n INT UNSIGNED NOT NULL, name VARCHAR(200) NOT NULL,"
	    " plan VARCHAR(16) NOT NULL, created_at DATETIME NOT NULL,"
	    " admin_id BIGINT UNSIGNED NOT NULL, am1 BIGINT UNSIGNED NOT NULL,"
	    " am2 BIGINT UNSIGNED NULL, UNIQUE KEY (firm_id, n))"),
	RP_STMT("CREATE TEMPORARY TABLE bench_labels (k INT UNSIGNED NOT NULL PRIMARY KEY,"
	    " label VARCHAR(100) NOT NULL, name_key VARCHAR(100) NOT NULL)"),
	RP_STMT("CREATE TEMPORARY TABLE bench_cities (k INT UNSIGNED NOT NULL PRIMARY KEY,"
	    " city VARCHAR(100) NOT NULL, name_key VARCHAR(100) NOT NULL,"
	    " postcode VARCHAR(10) NOT NULL)"),
	/* The assessable requirements of the two frameworks, numbered. */
	RP_STMT("CREATE TEMPORARY TABLE bench_reqs (k INT UNSIGNED NOT NULL PRIMARY KEY,"
	    " id BIGINT UNSIGNED NOT NULL, framework_id BIGINT UNSIGNED NOT NULL,"
	    " code VARCHAR(40) NOT NULL, ref VARCHAR(40) NOT NULL, UNIQUE KEY (code, ref))"),
	RP_STMT("CREATE TEMPORARY TABLE bench_risk_kinds (k INT UNSIGNED NOT NULL PRIMARY KEY,"
	    " title VARCHAR(200) NOT NULL UNIQUE, description TEXT NOT NULL,"
	    " asset VARCHAR(200) NOT NULL, threat VARCHAR(200) NOT NULL,"
	    " treatment VARCHAR(16) NOT NULL, anssi VARCHAR(40) NULL, nist VARCHAR(40) NULL)"),
	RP_STMT("CREATE TEMPORARY TABLE bench_resource_kinds (k INT UNSIGNED NOT NULL PRIMARY KEY,"
	    " type VARCHAR(16) NOT NULL, title VARCHAR(200) NOT NULL UNIQUE, body TEXT NOT NULL,"
	    " code VARCHAR(40) NOT NULL, ref VARCHAR(40) NOT NULL)"),
	RP_STMT("CREATE TEMPORARY TABLE bench_action_kinds (k INT UNSIGNED NOT NULL PRIMARY KEY,"
	    " title VARCHAR(200) NOT NULL UNIQUE, code VARCHAR(40) NOT NULL,"
	    " ref VARCHAR(40) NOT NULL, risk INT UNSIGNED NOT NULL,"
	    " resource INT UNSIGNED NOT NULL)"),
	/* What each client's risks and resources are, by kind: links join
	 * on these instead of guessing ids. */
	RP_STMT("CREATE TEMPORARY TABLE bench_risks (client_id BIGINT UNSIGNED NOT NULL,"
	    " k INT UNSIGNED NOT NULL, id BIGINT UNSIGNED NOT NULL, PRIMARY KEY (client_id, k))"),
	RP_STMT("CREATE TEMPORARY TABLE bench_resources (client_id BIGINT UNSIGNED NOT NULL,"
	    " k INT UNSIGNED NOT NULL, id BIGINT UNSIGNED NOT NULL, PRIMARY KEY (client_id, k))"),
};

static struct rp_stmt q_label = RP_STMT(
    "INSERT INTO bench_labels (k, label, name_key) VALUES (?, ?, ?)");
static struct rp_stmt q_city = RP_STMT(
    "INSERT INTO bench_cities (k, city, name_key, postcode) VALUES (?, ?, ?, ?)");
static struct rp_stmt q_risk_kind = RP_STMT(
    "INSERT INTO bench_risk_kinds (k, title, description, asset, threat, treatment, anssi,"
    " nist) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_resource_kind = RP_STMT(
    "INSERT INTO bench_resource_kinds (k, type, title, body, code, ref) VALUES (?, ?, ?, ?, ?, ?)");
static struct rp_stmt q_action_kind = RP_STMT(
    "INSERT INTO bench_action_kinds (k, title, code, ref, risk, resource) VALUES (?, ?, ?, ?, ?, ?)");

/* Checks before anything is written. */
static struct rp_stmt q_foreign = RP_STMT(
    "SELECT (SELECT COUNT(*) FROM firms WHERE name NOT IN " BENCH_FIRMS "),"
    " (SELECT COUNT(*) FROM users WHERE email NOT LIKE '%@" DOMAIN_A "'"
    "  AND email NOT LIKE '%@" DOMAIN_B "')");
/* What an earlier run left: its firms, and the size it recorded last (by
 * time, newest first, so that the firm's index finds it at once). */
static struct rp_stmt q_state = RP_STMT(
    "SELECT f.name, (SELECT JSON_VALUE(a.details, '$.clients') FROM audit_log a"
    "  WHERE a.firm_id = f.id AND a.action = 'bench.seed' ORDER BY a.at DESC, a.id DESC"
    "  LIMIT 1)"
    " FROM firms f WHERE f.name IN " BENCH_FIRMS " ORDER BY f.name");
static struct rp_stmt q_frameworks = RP_STMT(
    "SELECT COUNT(DISTINCT code) FROM frameworks WHERE firm_id IS NULL"
    " AND code IN ('nist-csf', 'anssi-hygiene')");

/* Session settings for the load: no per-row unique and foreign-key checks
 * (the rows are consistent by construction: tests/ops/seed-bench.mjs
 * checks it), and no shared locks on the rows that INSERT ... SELECT
 * reads; and @rp_bulk_load, which makes the triggers of the portfolio's
 * copies (sql/018-portfolio.sql) leave them to the recount of the load's
 * last step. Restored afterwards. */
static struct rp_stmt q_get_session = RP_STMT(
    "SELECT @@SESSION.foreign_key_checks, @@SESSION.unique_checks, @@SESSION.tx_isolation");
static struct rp_stmt q_set_session = RP_STMT(
    "SET SESSION foreign_key_checks = ?, unique_checks = ?, tx_isolation = ?,"
    " @rp_bulk_load = IF(?, 1, NULL)");

/* --reset. check() has made sure that every firm and every user of the
 * database is a bench one: every row of these tables then belongs to a
 * bench firm or user (or, in audit_log and login_failures, to nobody, from
 * benchmarking), and emptying them is the same as deleting by firm, in no
 * time whatever N, where deleting 17 million rows takes minutes. The
 * platform's frameworks stay. A table added to the schema that holds firm
 * data belongs here. */
static struct rp_stmt wipe[] = {
	/* Frameworks a bench user may have imported while benchmarking. */
	RP_STMT("DELETE r FROM requirements r JOIN frameworks fw ON fw.id = r.framework_id"
	    " WHERE fw.firm_id IS NOT NULL"),
	RP_STMT("DELETE FROM frameworks WHERE firm_id IS NOT NULL"),
#define EMPTY(t) RP_STMT("TRUNCATE TABLE " t)
	EMPTY("ra_scenario_supports"), EMPTY("ra_scenarios"), EMPTY("ra_supporting_links"),
	EMPTY("ra_supporting_assets"), EMPTY("ra_business_assets"), EMPTY("ra_threat_sources"),
	EMPTY("action_resources"), EMPTY("action_risks"), EMPTY("action_requirements"),
	EMPTY("resource_requirements"), EMPTY("risk_requirements"), EMPTY("assessments"),
	EMPTY("actions"), EMPTY("risks"), EMPTY("resources"), EMPTY("assessment_history"),
	EMPTY("assessment_cycles"), EMPTY("client_frameworks"),
	EMPTY("establishment_suggestions"), EMPTY("user_establishments"),
	EMPTY("establishments"), EMPTY("client_vcisos"), EMPTY("client_periods"),
	EMPTY("billing_changes"), EMPTY("clients"), EMPTY("audit_log"),
	EMPTY("user_features"), EMPTY("user_profile_fields"), EMPTY("sessions"),
	EMPTY("recovery_codes"), EMPTY("setup_tokens"), EMPTY("login_failures"),
	EMPTY("users"), EMPTY("firms"),
#undef EMPTY
};

/* Accounts: firms, their staff, their rights. */
static struct rp_stmt q_firm = RP_STMT("INSERT INTO firms (name) VALUES (?)");
static struct rp_stmt q_staff = RP_STMT(
    "INSERT INTO users (firm_id, email, first_name, last_name, role, password_hash)"
    " SELECT ?, IF(? = 1, CONCAT(?, '@', ?), CONCAT(?, LPAD(s.seq, 4, '0'), '@', ?)),"
    " ELT(1 + (s.seq + ?) % 12, 'Camille', 'Julien', 'Sophie', 'Thomas', 'Léa', 'Nicolas',"
    "  'Manon', 'Karim', 'Chloé', 'Antoine', 'Inès', 'Mathieu'),"
    " ELT(1 + (7 * s.seq + ?) % 12, 'Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau',"
    "  'Garnier', 'Roux', 'Fournier', 'Girard', 'Bonnet', 'Mercier', 'Lambert'),"
    " ?, ? FROM seq_1_to_100000 s WHERE s.seq <= ?");
/* From bench_users, not users: the triggers of sql/012-read-paths.sql
 * update users, which the inserting statement may then not read. */
static struct rp_stmt q_feature = RP_STMT(
    "INSERT INTO user_features (user_id, feature) SELECT id, ? FROM bench_users"
    " WHERE firm_id = ? AND role = ?");
static struct rp_stmt q_field = RP_STMT(
    "INSERT INTO user_profile_fields (user_id, field) SELECT id, ? FROM bench_users"
    " WHERE firm_id = ? AND role = ?");
static struct rp_stmt q_loaded_firm = RP_STMT(
    "INSERT INTO bench_firms (k, id, digit, admin_id, clients, accounts, sites)"
    " SELECT ?, ?, ?, id, ?, ?, ? FROM users WHERE email = ?");
static struct rp_stmt q_loaded_users = RP_STMT(
    "INSERT INTO bench_users (firm_id, role, k, id) SELECT firm_id, role,"
    " ROW_NUMBER() OVER (PARTITION BY firm_id, role ORDER BY id), id FROM users"
    " WHERE firm_id IN " LOADED_FIRMS);

/* The SIRET of an establishment: 13 digits p (8, the firm's digit, the
 * client's number, the site's number) and the Luhn key that makes the 14
 * valid; Luhn doubles the digits at odd places of p, from the left. */
#define P_DIGIT(i)	"(ASCII(MID(x.p, " #i ", 1)) - 48)"
#define P_DOUBLE(i)	"(2 * " P_DIGIT(i) " - 9 * (" P_DIGIT(i) " > 4))"
#define SIRET_KEY	"(10 - (" P_DOUBLE(1) " + " P_DIGIT(2) " + " P_DOUBLE(3) " + " \
	P_DIGIT(4) " + " P_DOUBLE(5) " + " P_DIGIT(6) " + " P_DOUBLE(7) " + " P_DIGIT(8) \
	" + " P_DOUBLE(9) " + " P_DIGIT(10) " + " P_DOUBLE(11) " + " P_DIGIT(12) " + " \
	P_DOUBLE(13) ") % 10) % 10"

/* A date after the client's creation (at least 30 days ago), never in the
 * future. */
#define AFTER(days)	"LEAST(UTC_TIMESTAMP(), x.created_at + INTERVAL (" days ") DAY)"

/* The bulk of the data, set-based, in this order: each statement reads
 * what the ones before wrote. Pseudo-random choices are CRC32s of the row's
 * identity, so that two runs of the same size give the same data.
 *
 * Statements with `slices` run for one slice of SLICE clients at a time
 * (their ids between the pair of arguments, given `slices` times), every
 * one of them for a slice before the next slice: each statement then
 * writes at a few places of each index rather than everywhere, and reads
 * back what the one before has just written, still in the buffer pool
 * (once the tables outgrow it, that is several times faster); and no
 * statement or transaction grows with N. The others run once, before or
 * after the slices. table: whose rows the statement adds (NULL for
 * working tables and counters). */
#define SLICE		1000
#define SLICE_PAIRS	5	/* the most (first, last) pairs a statement takes */
#define IN_SLICE(col)	" " col " BETWEEN ? AND ?"
static struct {
	const char	*phase, *table;
	int		 slices;
	struct rp_stmt	 stmt;
} load[] = {
	/* Numbered in order of arrival: client 1 came about three years ago,
	 * the last one 30 days ago. Ids follow the numbers, firm by firm. */
	{ "clients", "clients", 0, RP_STMT(
	    "INSERT INTO clients (firm_id, name, mission_type, plan, status, billing_mode,"
	    " billing_email, modules, open_actions, created_by, created_at)"
	    " SELECT x.firm_id, CONCAT('Client ', LPAD(x.n, 6, '0'), ' ',"
	    "  ELT(1 + x.h % 6, 'SAS', 'SARL', 'SA', 'SCOP', 'EURL', 'SASU')),"
	    " IF(x.h DIV 8 % 10 < 7, 'permanent', 'diagnostic'),"
	    " ELT(1 + x.h DIV 80 % 5, 'essential', 'essential', 'standard', 'standard', 'premium'),"
	    " CASE WHEN x.g % 100 < 88 THEN 'active' WHEN x.g % 100 < 95 THEN 'suspended'"
	    "  ELSE 'closed' END,"
	    " IF(x.g DIV 100 % 100 < 85, 'intermediated', 'direct'),"
	    " IF(x.g DIV 100 % 100 < 85, NULL,"
	    "  CONCAT('comptabilite@client-', LPAD(x.n, 6, '0'), '.example')),"
	    " CONCAT_WS(',', IF(x.h DIV 400 % 2, 'external_scan', NULL),"
	    "  IF(x.h DIV 800 % 2, 'usage_diagnostic', NULL),"
	    "  IF(x.h DIV 1600 % 3 > 0, 'risk_analysis', NULL)),"
	    " 0, x.admin_id, UTC_TIMESTAMP() - INTERVAL (30 + (x.total - x.n) * 1065 DIV x.total) DAY"
	    "  - INTERVAL (x.h DIV 4800 % 86400) SECOND"
	    " FROM (SELECT f.id AS firm_id, f.admin_id, f.clients AS total, s.seq AS n,"
	    "  CRC32(CONCAT(f.k, ':client:', s.seq)) AS h, CRC32(CONCAT(f.k, ':state:', s.seq)) AS g"
	    "  FROM bench_firms f JOIN seq_1_to_100000 s ON s.seq <= f.clients) x"
	    " ORDER BY x.firm_id, x.n") },
	{ "clients", "client_periods", 0, RP_STMT(
	    "INSERT INTO client_periods (firm_id, client_id, starts_at, plan, mission_type, status)"
	    " SELECT firm_id, id, created_at, plan, mission_type, status FROM clients"
	    " WHERE firm_id IN " LOADED_FIRMS " ORDER BY id") },
	{ "clients", NULL, 0, RP_STMT(
	    "INSERT INTO bench_clients (id, firm_id, n, name, plan, created_at, admin_id, am1, am2)"
	    " SELECT x.id, x.firm_id, x.n, x.name, x.plan, x.created_at, f.admin_id, u1.id,"
	    "  IF(x.n % 3 = 0, u2.id, NULL)"
	    " FROM (SELECT id, firm_id, name, plan, created_at,"
	    "  CAST(SUBSTRING(name, 8, 6) AS UNSIGNED) AS n"	/* "Client 000123 SAS" */
	    "  FROM clients WHERE firm_id IN " LOADED_FIRMS ") x"
	    " JOIN bench_firms f ON f.id = x.firm_id"
	    " JOIN bench_users u1 ON u1.firm_id = x.firm_id AND u1.role = 'account_manager'"
	    "  AND u1.k = 1 + (x.n - 1) % f.accounts"
	    " JOIN bench_users u2 ON u2.firm_id = x.firm_id AND u2.role = 'account_manager'"
	    "  AND u2.k = 1 + x.n % f.accounts") },
	/* The admin is vCISO of every client: the benchmark logs in as it. */
	{ "clients", "client_vcisos", 0, RP_STMT(
	    "INSERT INTO client_vcisos (client_id, user_id, firm_id)"
	    " SELECT id, admin_id, firm_id FROM bench_clients"
	    " UNION ALL SELECT id, am1, firm_id FROM bench_clients"
	    " UNION ALL SELECT id, am2, firm_id FROM bench_clients WHERE am2 IS NOT NULL") },
	{ "clients", NULL, 0, RP_STMT(
	    "INSERT INTO bench_reqs (k, id, framework_id, code, ref)"
	    " SELECT ROW_NUMBER() OVER (ORDER BY fw.code, r.position) - 1, r.id, r.framework_id,"
	    " fw.code, r.ref FROM requirements r JOIN frameworks fw ON fw.id = r.framework_id"
	    " WHERE r.assessable = 1 AND fw.id IN (SELECT MAX(id) FROM frameworks"
	    "  WHERE firm_id IS NULL AND code IN ('nist-csf', 'anssi-hygiene') GROUP BY code)") },

	{ "establishments", "establishments", 1, RP_STMT(
	    "INSERT INTO establishments (firm_id, client_id, name, name_key, siret, address,"
	    " postcode, city, country, phone, website, sector, headcount, security_contact,"
	    " status, plan, created_at)"
	    " SELECT x.firm_id, x.id, CONCAT(x.label, ' ', c.city),"
	    " CONCAT(x.label_key, ' ', c.name_key),"
	    " CONCAT(x.p, " SIRET_KEY "),"
	    " CONCAT(1 + x.h % 180, ' ', ELT(1 + x.h DIV 180 % 8, 'rue de la République',"
	    "  'avenue Jean Jaurès', 'boulevard Victor Hugo', 'rue du Général Leclerc',"
	    "  'place de la Mairie', 'rue Pasteur', 'chemin des Vignes', 'rue de l''Industrie')),"
	    " c.postcode, c.city, 'France',"
	    " CONCAT('0', 1 + x.h DIV 1440 % 5, ' ', LPAD(x.h DIV 7200 % 100, 2, '0'), ' ',"
	    "  LPAD(x.h DIV 720000 % 100, 2, '0'), ' ', LPAD(x.site * 7 % 100, 2, '0'), ' ',"
	    "  LPAD(x.n % 100, 2, '0')),"
	    " IF(x.site = 1, CONCAT('https://www.client-', LPAD(x.n, 6, '0'), '.example'), ''),"
	    " ELT(1 + x.n % 8, 'Commerce de détail', 'Santé', 'Industrie', 'Transport et logistique',"
	    "  'Services aux entreprises', 'Hôtellerie et restauration', 'Administration publique',"
	    "  'Construction'),"
	    " IF(x.site = 1, 20 + x.h % 480, 3 + x.h % 60),"
	    " IF(x.site = 1, CONCAT('rssi@client-', LPAD(x.n, 6, '0'), '.example'), ''),"
	    " CASE WHEN x.g % 100 < 94 THEN 'active' WHEN x.g % 100 < 97 THEN 'closed'"
	    "  WHEN x.g % 100 < 99 THEN 'deactivated' ELSE 'cancelled' END,"
	    " x.plan, x.created_at"
	    " FROM (SELECT b.id, b.firm_id, b.n, b.plan, b.created_at, l.k AS site, l.label,"
	    "  l.name_key AS label_key,"
	    "  CONCAT('8', f.digit, LPAD(b.n, 6, '0'), LPAD(l.k, 5, '0')) AS p,"
	    "  CRC32(CONCAT(b.id, ':site:', l.k)) AS h, CRC32(CONCAT(b.id, ':status:', l.k)) AS g"
	    "  FROM bench_clients b JOIN bench_firms f ON f.id = b.firm_id JOIN bench_labels l"
	    "  WHERE" IN_SLICE("b.id") ") x"
	    " JOIN bench_cities c"
	    "  ON c.k = (7 * x.n + 3 * x.site) % (SELECT COUNT(*) FROM bench_cities)") },
	/* Site managers share the clients out, and look after the first two
	 * sites of each (site numbers are the SIRET's digits 9 to 13). */
	{ "establishments", "user_establishments", 1, RP_STMT(
	    "INSERT INTO user_establishments (user_id, establishment_id, firm_id)"
	    " SELECT u.id, e.id, e.firm_id FROM bench_clients b"
	    " JOIN establishments e ON e.client_id = b.id JOIN bench_firms f ON f.id = b.firm_id"
	    " JOIN bench_users u ON u.firm_id = b.firm_id AND u.role = 'establishment_manager'"
	    "  AND u.k = 1 + (b.n - 1) % f.sites"
	    " WHERE" IN_SLICE("b.id") " AND SUBSTRING(e.siret, 9, 5) <= '00002'") },

	/* A client assesses 30 to 90% of the requirements (60% on average),
	 * and the more mature ones are more often compliant. */
	{ "compliance", "assessments", 1, RP_STMT(
	    "INSERT INTO assessments (firm_id, client_id, framework_id, requirement_id, status,"
	    " comment, updated_at, updated_by)"
	    " SELECT x.firm_id, x.id, x.framework_id, x.req,"
	    " CASE WHEN x.h % 100 < 20 + x.m THEN 'compliant'"
	    "  WHEN x.h % 100 < 45 + x.m DIV 2 THEN 'partial'"
	    "  WHEN x.h % 100 < 92 THEN 'non_compliant' ELSE 'not_applicable' END,"
	    " ELT(1 + x.h DIV 100 % 6, '', '', '', 'Vérifié lors de l''entretien avec la DSI.',"
	    "  'Preuve demandée au prestataire.', 'Constat fait sur site.'),"
	    " " AFTER("2 + x.h DIV 600 % 60") ", IF(x.h DIV 36000 % 2, x.admin_id, x.am1)"
	    " FROM (SELECT b.*, q.id AS req, q.framework_id, CRC32(CONCAT(b.id, ':req:', q.id)) AS h,"
	    "  CRC32(CONCAT(b.id, ':cover:', q.id)) % 100 AS cover, b.n * 37 % 61 AS coverage,"
	    "  b.n * 13 % 41 AS m FROM bench_clients b JOIN bench_reqs q"
	    "  WHERE" IN_SLICE("b.id") ") x"
	    " WHERE x.cover < 30 + x.coverage") },
	/* Adopted once assessed (the foreign keys are off), so that the
	 * counters are written with the row. total: the assessable
	 * requirements, as the application counts them on adoption. Counts
	 * as correlated subqueries, index look-ups whatever the statistics
	 * say (a join to a grouped derived table can be planned as a scan
	 * per client). */
#define COUNT_ASSESSED(status) "(SELECT COUNT(*) FROM assessments a WHERE a.client_id = b.id" \
	" AND a.framework_id = t.framework_id AND a.status = '" status "')"
	{ "compliance", "client_frameworks", 1, RP_STMT(
	    "INSERT INTO client_frameworks (firm_id, client_id, framework_id, adopted_at,"
	    " adopted_by, total, compliant, partial, non_compliant, not_applicable)"
	    " SELECT b.firm_id, b.id, t.framework_id, b.created_at + INTERVAL 1 DAY, b.admin_id,"
	    " t.total, " COUNT_ASSESSED("compliant") ", " COUNT_ASSESSED("partial") ","
	    " " COUNT_ASSESSED("non_compliant") ", " COUNT_ASSESSED("not_applicable")
	    " FROM bench_clients b JOIN (SELECT framework_id, COUNT(*) AS total FROM bench_reqs"
	    "  GROUP BY framework_id) t WHERE" IN_SLICE("b.id")) },
#undef COUNT_ASSESSED
	/* The expression of app/compliance.c's q_client_pct. */
	{ "compliance", NULL, 1, RP_STMT(
	    "UPDATE clients c SET compliance_pct = (SELECT CASE"
	    " WHEN SUM(cf.total - cf.not_applicable) > 0 THEN ROUND(100 * (SUM(cf.compliant) + SUM(cf.partial) / 2)"
	    " / SUM(cf.total - cf.not_applicable), 2) END"
	    " FROM client_frameworks cf WHERE cf.client_id = c.id) WHERE" IN_SLICE("c.id")) },

	/* Likelihood and impact spread over 1-5; treated risks (and a third
	 * of the open ones) have their residual values. */
	{ "risks", "risks", 1, RP_STMT(
	    "INSERT INTO risks (firm_id, client_id, title, description, asset, threat, likelihood,"
	    " impact, treatment, owner_id, status, residual_likelihood, residual_impact,"
	    " created_at, updated_at, created_by)"
	    " SELECT x.firm_id, x.id, x.title, x.description, x.asset, x.threat, x.l, x.i,"
	    " x.treatment, CASE x.h % 5 WHEN 0 THEN COALESCE(x.am2, x.am1) WHEN 1 THEN x.am1"
	    "  WHEN 2 THEN x.am1 ELSE x.admin_id END, x.status,"
	    " IF(x.residual, GREATEST(1, x.l - 1 - CAST(x.h DIV 5 % 2 AS SIGNED)), NULL),"
	    " IF(x.residual, GREATEST(1, x.i - CAST(x.h DIV 10 % 2 AS SIGNED)), NULL),"
	    " " AFTER("1 + x.h DIV 20 % 20") ", " AFTER("21 + x.h DIV 400 % 300") ", x.admin_id"
	    " FROM (SELECT y.*, y.status = 'treated' OR (y.status = 'open' AND y.h DIV 120000 % 3 = 0)"
	    "  AS residual FROM (SELECT b.*, t.title, t.description, t.asset, t.threat, t.treatment,"
	    "  CRC32(CONCAT(b.id, ':risk:', t.k)) AS h,"
	    "  CAST(1 + CRC32(CONCAT(b.id, ':likelihood:', t.k)) % 5 AS SIGNED) AS l,"
	    "  CAST(1 + CRC32(CONCAT(b.id, ':impact:', t.k)) % 5 AS SIGNED) AS i,"
	    "  ELT(1 + CRC32(CONCAT(b.id, ':status:', t.k)) % 20 DIV 2, 'open', 'open', 'open',"
	    "   'open', 'open', 'open', 'treated', 'treated', 'treated', 'closed') AS status"
	    "  FROM bench_clients b JOIN bench_risk_kinds t WHERE" IN_SLICE("b.id") ") y) x") },
	{ "risks", NULL, 1, RP_STMT(
	    "INSERT INTO bench_risks (client_id, k, id) SELECT b.id, t.k, r.id FROM bench_clients b"
	    " JOIN risks r ON r.client_id = b.id JOIN bench_risk_kinds t ON t.title = r.title"
	    " WHERE" IN_SLICE("b.id")) },
	{ "risks", "risk_requirements", 2, RP_STMT(
	    "INSERT INTO risk_requirements (risk_id, requirement_id, firm_id, client_id, framework_id)"
	    " SELECT r.id, q.id, b.firm_id, b.id, q.framework_id FROM bench_risks r"
	    " JOIN bench_clients b ON b.id = r.client_id JOIN bench_risk_kinds t ON t.k = r.k"
	    " JOIN bench_reqs q ON q.code = 'anssi-hygiene' AND q.ref = t.anssi"
	    " WHERE" IN_SLICE("r.client_id") " AND CRC32(CONCAT(r.id, ':anssi')) % 10 < 5"
	    " UNION ALL SELECT r.id, q.id, b.firm_id, b.id, q.framework_id FROM bench_risks r"
	    " JOIN bench_clients b ON b.id = r.client_id JOIN bench_risk_kinds t ON t.k = r.k"
	    " JOIN bench_reqs q ON q.code = 'nist-csf' AND q.ref = t.nist"
	    " WHERE" IN_SLICE("r.client_id") " AND CRC32(CONCAT(r.id, ':nist')) % 10 < 3") },

	/* Versions 1 to 3; approved and published ones say by whom. */
	{ "resources", "resources", 1, RP_STMT(
	    "INSERT INTO resources (firm_id, client_id, type, title, body, status, version,"
	    " created_at, updated_at, created_by, approved_at, approved_by)"
	    " SELECT x.firm_id, x.id, x.type, x.title,"
	    " CONCAT(x.body, '\\n*Périmètre : ', x.name, '.*\\n'), x.status, 1 + x.h % 3,"
	    " " AFTER("3 + x.h DIV 3 % 20") ", " AFTER("23 + x.h DIV 60 % 200") ", x.admin_id,"
	    " IF(x.status = 'draft', NULL, " AFTER("23 + x.h DIV 60 % 200") "),"
	    " IF(x.status = 'draft', NULL, IF(x.h DIV 12000 % 2, x.admin_id, x.am1))"
	    " FROM (SELECT b.*, t.type, t.title, t.body, CRC32(CONCAT(b.id, ':resource:', t.k)) AS h,"
	    "  ELT(1 + CRC32(CONCAT(b.id, ':status:', t.k)) % 20 DIV 4, 'draft', 'draft',"
	    "   'approved', 'published', 'published') AS status"
	    "  FROM bench_clients b JOIN bench_resource_kinds t WHERE" IN_SLICE("b.id") ") x") },
	{ "resources", NULL, 1, RP_STMT(
	    "INSERT INTO bench_resources (client_id, k, id) SELECT b.id, t.k, r.id"
	    " FROM bench_clients b JOIN resources r ON r.client_id = b.id"
	    " JOIN bench_resource_kinds t ON t.title = r.title WHERE" IN_SLICE("b.id")) },
	{ "resources", "resource_requirements", 1, RP_STMT(
	    "INSERT INTO resource_requirements (resource_id, requirement_id, firm_id, client_id)"
	    " SELECT r.id, q.id, b.firm_id, b.id FROM bench_resources r"
	    " JOIN bench_clients b ON b.id = r.client_id JOIN bench_resource_kinds t ON t.k = r.k"
	    " JOIN bench_reqs q ON q.code = t.code AND q.ref = t.ref"
	    " WHERE" IN_SLICE("r.client_id") " AND CRC32(CONCAT(r.id, ':tag')) % 10 < 7") },

	/* Due dates from 120 days ago to 180 days ahead: a third of the open
	 * actions are overdue. Owners are the client's vCISOs. */
	{ "actions", "actions", 1, RP_STMT(
	    "INSERT INTO actions (firm_id, client_id, title, description, owner_id, due_date,"
	    " priority, status, progress, created_at, updated_at, created_by)"
	    " SELECT x.firm_id, x.id, x.title,"
	    " ELT(1 + x.h % 6, '', '', 'Décidé en comité de pilotage.',"
	    "  'Suite à l''audit de l''an dernier.', 'Prérequis au renouvellement de l''assurance.',"
	    "  'À coordonner avec le prestataire informatique.'),"
	    " CASE x.h DIV 6 % 5 WHEN 0 THEN COALESCE(x.am2, x.am1) WHEN 1 THEN x.am1"
	    "  WHEN 2 THEN x.am1 ELSE x.admin_id END,"
	    " IF(x.h DIV 30 % 20 = 0, NULL,"
	    "  UTC_DATE() + INTERVAL (CAST(x.h DIV 600 % 301 AS SIGNED) - 120) DAY),"
	    " ELT(1 + x.h DIV 180600 % 10, 'low', 'low', 'medium', 'medium', 'medium', 'medium',"
	    "  'high', 'high', 'high', 'critical'),"
	    " x.status, CASE x.status WHEN 'done' THEN 100 WHEN 'in_progress' THEN 10 * (1 + x.g % 9)"
	    "  WHEN 'cancelled' THEN 10 * (x.g % 4) ELSE 0 END,"
	    " " AFTER("x.g DIV 10 % 28") ", " AFTER("28 + x.g DIV 280 % 300") ", x.admin_id"
	    " FROM (SELECT b.*, t.title, CRC32(CONCAT(b.id, ':action:', t.k)) AS h,"
	    "  CRC32(CONCAT(b.id, ':progress:', t.k)) AS g,"
	    "  ELT(1 + CRC32(CONCAT(b.id, ':status:', t.k)) % 20 DIV 2, 'todo', 'todo', 'todo',"
	    "   'in_progress', 'in_progress', 'in_progress', 'done', 'done', 'done', 'cancelled')"
	    "  AS status FROM bench_clients b JOIN bench_action_kinds t"
	    "  WHERE" IN_SLICE("b.id") ") x") },
	/* The links of each action, in the order written (STRAIGHT_JOIN): by
	 * client, action, kind, then the kind's requirement, risk or resource
	 * by its whole key; statistics of tables loaded a moment ago can lead
	 * the optimizer to look the last one up by client only, a scan per
	 * action. */
	{ "actions", "action_requirements", 1, RP_STMT(
	    "INSERT INTO action_requirements (action_id, requirement_id, firm_id, client_id)"
	    " SELECT STRAIGHT_JOIN a.id, q.id, a.firm_id, a.client_id FROM bench_clients b"
	    " JOIN actions a ON a.client_id = b.id JOIN bench_action_kinds t ON t.title = a.title"
	    " JOIN bench_reqs q ON q.code = t.code AND q.ref = t.ref"
	    " WHERE" IN_SLICE("b.id") " AND CRC32(CONCAT(a.id, ':req')) % 10 < 5") },
	{ "actions", "action_risks", 1, RP_STMT(
	    "INSERT INTO action_risks (action_id, risk_id, firm_id, client_id)"
	    " SELECT STRAIGHT_JOIN a.id, r.id, a.firm_id, a.client_id FROM bench_clients b"
	    " JOIN actions a ON a.client_id = b.id JOIN bench_action_kinds t ON t.title = a.title"
	    " JOIN bench_risks r ON r.client_id = b.id AND r.k = t.risk"
	    " WHERE" IN_SLICE("b.id") " AND CRC32(CONCAT(a.id, ':risk')) % 10 < 5") },
	{ "actions", "action_resources", 1, RP_STMT(
	    "INSERT INTO action_resources (action_id, resource_id, firm_id, client_id)"
	    " SELECT STRAIGHT_JOIN a.id, r.id, a.firm_id, a.client_id FROM bench_clients b"
	    " JOIN actions a ON a.client_id = b.id JOIN bench_action_kinds t ON t.title = a.title"
	    " JOIN bench_resources r ON r.client_id = b.id AND r.k = t.resource"
	    " WHERE" IN_SLICE("b.id") " AND CRC32(CONCAT(a.id, ':resource')) % 10 < 6") },
	/* clients.open_actions as app/actions.c keeps it: todo and in_progress. */
	{ "actions", NULL, 1, RP_STMT(
	    "UPDATE clients c SET open_actions = (SELECT COUNT(*) FROM actions a"
	    " WHERE a.client_id = c.id AND a.status IN ('todo', 'in_progress'))"
	    " WHERE" IN_SLICE("c.id")) },

	/* Each client's history as the application would have written it:
	 * the creation of every object (in the order of the kinds, which
	 * sorting the rows by time would cost a quarter more). */
	{ "audit", "audit_log", 5, RP_STMT(
	    "INSERT INTO audit_log (at, user_id, firm_id, client_id, ip, action, object_type,"
	    " object_id, details)"
	    " SELECT created_at, admin_id, firm_id, id, '127.0.0.1', 'client.create', 'client', id,"
	    "  JSON_OBJECT('name', name, 'plan', plan) FROM bench_clients WHERE" IN_SLICE("id")
	    " UNION ALL SELECT adopted_at, adopted_by, firm_id, client_id, '127.0.0.1',"
	    "  'framework.adopt', 'framework', framework_id, JSON_OBJECT('framework_id', framework_id)"
	    "  FROM client_frameworks WHERE" IN_SLICE("client_id")
	    " UNION ALL SELECT created_at, created_by, firm_id, client_id, '127.0.0.1', 'risk.create',"
	    "  'risk', id, JSON_OBJECT('title', title) FROM risks WHERE" IN_SLICE("client_id")
	    " UNION ALL SELECT created_at, created_by, firm_id, client_id, '127.0.0.1',"
	    "  'resource.create', 'resource', id, JSON_OBJECT('title', title) FROM resources"
	    "  WHERE" IN_SLICE("client_id")
	    " UNION ALL SELECT created_at, created_by, firm_id, client_id, '127.0.0.1',"
	    "  'action.create', 'action', id, JSON_OBJECT('title', title) FROM actions"
	    "  WHERE" IN_SLICE("client_id")) },

	/* The portfolio's copies (sql/018-portfolio.sql), which the triggers
	 * left to this recount: the same rules. */
	{ "audit", NULL, 1, RP_STMT(
	    "UPDATE clients c SET"
	    " risks_low = (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id"
	    "  AND r.status <> 'closed' AND r.score BETWEEN 1 AND 4),"
	    " risks_medium = (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id"
	    "  AND r.status <> 'closed' AND r.score BETWEEN 5 AND 9),"
	    " risks_high = (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id"
	    "  AND r.status <> 'closed' AND r.score BETWEEN 10 AND 14),"
	    " risks_critical = (SELECT COUNT(*) FROM risks r WHERE r.client_id = c.id"
	    "  AND r.status <> 'closed' AND r.score >= 15),"
	    " last_activity_at = (SELECT MAX(l.at) FROM audit_log l WHERE l.client_id = c.id),"
    " updated_at = updated_at"
	    " WHERE" IN_SLICE("c.id")) },

	/* Last: the mark of a finished run, with its size. */
	{ "audit", NULL, 0, RP_STMT(
	    "INSERT INTO audit_log (user_id, firm_id, ip, action, object_type, object_id, details)"
	    " SELECT admin_id, id, 'rempart-admin', 'bench.seed', 'firm', id,"
	    " JSON_OBJECT('clients', clients) FROM bench_firms") },
};
static struct rp_stmt q_slices = RP_STMT("SELECT MIN(id), MAX(id) FROM bench_clients");
/* Fresh index statistics of what is loaded, taken whenever the tables
 * have doubled: the plans of the statements above (and, at the end, of
 * the benchmark) depend on them, and InnoDB renews them only later, in
 * the background. */
static struct rp_stmt q_analyze = RP_STMT(
    "ANALYZE TABLE clients, client_periods, client_vcisos, establishments,"
    " user_establishments, client_frameworks, assessments, risks, risk_requirements,"
    " resources, resource_requirements, actions, action_requirements, action_risks,"
    " action_resources, audit_log, users, user_features, user_profile_fields");

/* Rows added per table and seconds spent per phase, in order of first
 * appearance. */
struct sum {
	const char	*name;
	double		 value;
};
static struct sum rows[32], secs[16];
static size_t nrows, nsecs;

static int	 usage(void);
static double	 now(void);
static void	 add(struct sum *, size_t *, size_t, const char *, double);
static void	 count(const char *, long long);
static int	 run(struct rp_arena *, size_t, long long);
static int	 check(struct rp_config *, struct rp_arena *, long long, bool, bool *);
static int	 session_set(struct rp_arena *, long long, long long, const char *);
static int	 reset(struct rp_arena *);
static int	 prepare(struct rp_arena *);
static int	 accounts(struct rp_arena *, long long, const char *);
static int	 bulk(struct rp_arena *);
static void	 logins(const struct rp_config *, long long);

static int
usage(void)
{
	fprintf(stderr, "usage: rempart-admin [-c FILE] seed-bench --clients N [--reset]"
	    "   (N from 1 to %d)\n", MAX_CLIENTS);
	return 2;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
add(struct sum *sums, size_t *n, size_t max, const char *name, double value)
{
	size_t i;

	for (i = 0; i < *n && strcmp(sums[i].name, name) != 0; i++)
		;
	if (i == max)
		return;
	if (i == *n) {
		sums[i].name = name;
		sums[i].value = 0;
		(*n)++;
	}
	sums[i].value += value;
}

static void
count(const char *table, long long n)
{
	add(rows, &nrows, RP_NELEM(rows), table, (double)n);
}

static long long
staff_count(size_t i, long long n)
{
	long long c = staff[i].per ? (n + staff[i].per - 1) / staff[i].per : 0;

	return c > staff[i].min ? c : staff[i].min;
}

/* Whether to go on: -1 to go on (*existing tells whether there is bench
 * data to replace), else the exit code (the database is not migrated or
 * holds other data, or the bench data is there already, or is of another
 * size). */
static int
check(struct rp_config *cfg, struct rp_arena *a, long long n, bool replace, bool *existing)
{
	struct rp_dbres res;
	const char *first;
	long long other_firms, other_users, seeded = 0;
	int pending;

	if ((pending = rp_migrate_pending(cfg, a, &first)) < 0)
		return 1;
	if (pending > 0) {
		fprintf(stderr, "rempart-admin: database '%s' lacks %d migration%s (from %s):"
		    " run rempart-admin migrate first\n", cfg->db_name, pending,
		    pending == 1 ? "" : "s", first);
		return 1;
	}
	if (rp_db_exec(a, &q_frameworks, NULL, 0, &res) != 0)
		goto dberr;
	if (strcmp(rp_db_cell(&res, 0, 0), "2") != 0) {
		fprintf(stderr, "rempart-admin: database '%s' lacks the platform frameworks"
		    " nist-csf and anssi-hygiene\n", cfg->db_name);
		return 1;
	}
	/* The one safety rule: never write beside real data. */
	if (rp_db_exec(a, &q_foreign, NULL, 0, &res) != 0)
		goto dberr;
	rp_strtonum(rp_db_cell(&res, 0, 0), 0, INT64_MAX, &other_firms);
	rp_strtonum(rp_db_cell(&res, 0, 1), 0, INT64_MAX, &other_users);
	if (other_firms > 0 || other_users > 0) {
		fprintf(stderr, "rempart-admin: database '%s' holds %lld firm%s and %lld user%s"
		    " that are not bench data: seed-bench only fills a database meant for"
		    " benchmarks (create one, migrate it, and point -c at a configuration"
		    " naming it)\n", cfg->db_name, other_firms, other_firms == 1 ? "" : "s",
		    other_users, other_users == 1 ? "" : "s");
		return 2;
	}
	if (rp_db_exec(a, &q_state, NULL, 0, &res) != 0)
		goto dberr;
	if (!(*existing = res.nrows > 0))
		return -1;
	/* Both firms, marked with the same size: a finished run. */
	if (res.nrows == RP_NELEM(firms) && rp_db_cell(&res, 0, 1) != NULL &&
	    rp_db_cell(&res, 1, 1) != NULL && strcmp(rp_db_cell(&res, 0, 1),
	    rp_db_cell(&res, 1, 1)) == 0)
		rp_strtonum(rp_db_cell(&res, 0, 1), 1, MAX_CLIENTS, &seeded);
	if (seeded == n) {
		printf("Database '%s' already holds the bench firms with %lld clients each:"
		    " nothing to do.\n", cfg->db_name, n);
		logins(cfg, n);
		return 0;
	}
	if (!replace) {
		if (seeded > 0)
			fprintf(stderr, "rempart-admin: database '%s' holds the bench firms with"
			    " %lld clients each; add --reset to replace them with %lld\n",
			    cfg->db_name, seeded, n);
		else
			fprintf(stderr, "rempart-admin: database '%s' holds bench data of a run"
			    " that did not finish; add --reset to replace it\n", cfg->db_name);
		return 1;
	}
	return -1;
dberr:
	fprintf(stderr, "rempart-admin: database: %s\n", rp_db_message());
	return 1;
}

static int
session_set(struct rp_arena *a, long long fk, long long unique, const char *isolation)
{
	/* Loading: the checks are off. */
	struct rp_dbarg s[] = { RP_AINT(fk), RP_AINT(unique), RP_ASTR(isolation),
	    RP_AINT(fk == 0 && unique == 0) };

	return rp_db_exec(a, &q_set_session, s, RP_NELEM(s), NULL);
}

/* Empty the bench tables (see wipe[]). */
static int
reset(struct rp_arena *a)
{
	double t0 = now();

	for (size_t i = 0; i < RP_NELEM(wipe); i++)
		if (rp_db_exec(a, &wipe[i], NULL, 0, NULL) != 0)
			return -1;
	add(secs, &nsecs, RP_NELEM(secs), "reset", now() - t0);
	return 0;
}

/* The working tables, and the templates copied into them with what only C
 * computes: the name keys of app/estab-keys.c. */
static int
prepare(struct rp_arena *a)
{
	for (size_t i = 0; i < RP_NELEM(temp_tables); i++)
		if (rp_db_exec(a, &temp_tables[i], NULL, 0, NULL) != 0)
			return -1;
	for (size_t i = 0; i < RP_NELEM(labels); i++) {
		struct rp_dbarg d[] = { RP_AINT((long long)i + 1), RP_ASTR(labels[i]),
		    RP_ASTR(rp_name_key(a, labels[i])) };
		if (rp_db_exec(a, &q_label, d, RP_NELEM(d), NULL) != 0)
			return -1;
	}
	for (size_t i = 0; i < RP_NELEM(cities); i++) {
		struct rp_dbarg d[] = { RP_AINT((long long)i), RP_ASTR(cities[i].city),
		    RP_ASTR(rp_name_key(a, cities[i].city)), RP_ASTR(cities[i].postcode) };
		if (rp_db_exec(a, &q_city, d, RP_NELEM(d), NULL) != 0)
			return -1;
	}
	for (size_t i = 0; i < RP_NELEM(risk_kinds); i++) {
		struct rp_dbarg d[] = { RP_AINT((long long)i + 1), RP_ASTR(risk_kinds[i].title),
		    RP_ASTR(risk_kinds[i].description), RP_ASTR(risk_kinds[i].asset),
		    RP_ASTR(risk_kinds[i].threat), RP_ASTR(risk_kinds[i].treatment),
		    RP_ASTR(risk_kinds[i].anssi), RP_ASTR(risk_kinds[i].nist) };
		if (rp_db_exec(a, &q_risk_kind, d, RP_NELEM(d), NULL) != 0)
			return -1;
	}
	for (size_t i = 0; i < RP_NELEM(resource_kinds); i++) {
		struct rp_dbarg d[] = { RP_AINT((long long)i + 1),
		    RP_ASTR(resource_kinds[i].type), RP_ASTR(resource_kinds[i].title),
		    RP_ASTR(resource_kinds[i].body), RP_ASTR(REF_CODE(resource_kinds[i].ref)),
		    RP_ASTR(resource_kinds[i].ref) };
		if (rp_db_exec(a, &q_resource_kind, d, RP_NELEM(d), NULL) != 0)
			return -1;
	}
	for (size_t i = 0; i < RP_NELEM(action_kinds); i++) {
		struct rp_dbarg d[] = { RP_AINT((long long)i + 1), RP_ASTR(action_kinds[i].title),
		    RP_ASTR(REF_CODE(action_kinds[i].ref)), RP_ASTR(action_kinds[i].ref),
		    RP_AINT(action_kinds[i].risk), RP_AINT(action_kinds[i].resource) };
		if (rp_db_exec(a, &q_action_kind, d, RP_NELEM(d), NULL) != 0)
			return -1;
	}
	return 0;
}

/* Firms, staff and their rights, in one transaction. One password hash
 * serves every account: scrypt is slow on purpose. */
static int
accounts(struct rp_arena *a, long long n, const char *hash)
{
	struct rp_dbres res;
	double t0 = now();
	long long firm_ids[RP_NELEM(firms)];

	if (rp_db_begin() != 0)
		return -1;
	for (size_t f = 0; f < RP_NELEM(firms); f++) {
		struct rp_dbarg fa = RP_ASTR(firms[f].name);
		if (rp_db_exec(a, &q_firm, &fa, 1, &res) != 0)
			goto fail;
		long long firm = res.insert_id;
		firm_ids[f] = firm;
		count("firms", res.affected);
		for (size_t s = 0; s < RP_NELEM(staff); s++) {
			int role = staff[s].role;
			struct rp_dbarg u[] = { RP_AINT(firm), RP_AINT(role == RP_ROLE_ADMIN),
			    RP_ASTR(staff[s].prefix), RP_ASTR(firms[f].domain),
			    RP_ASTR(staff[s].prefix), RP_ASTR(firms[f].domain),
			    RP_AINT((long long)(5 * s + f)), RP_AINT((long long)(3 * s + 2 * f)),
			    RP_ASTR(rp_role_key(role)), RP_ASTR(hash), RP_AINT(staff_count(s, n)) };
			if (rp_db_exec(a, &q_staff, u, RP_NELEM(u), &res) != 0)
				goto fail;
			count("users", res.affected);
		}
		char *admin = rp_printf(a, "admin@%s", firms[f].domain);
		struct rp_dbarg b[] = { RP_ASTR(firms[f].key), RP_AINT(firm),
		    RP_AINT(firms[f].digit), RP_AINT(n), RP_AINT(staff_count(STAFF_ACCOUNT, n)),
		    RP_AINT(staff_count(STAFF_SITE, n)), RP_ASTR(admin) };
		if (rp_db_exec(a, &q_loaded_firm, b, RP_NELEM(b), NULL) != 0)
			goto fail;
	}
	if (rp_db_exec(a, &q_loaded_users, NULL, 0, NULL) != 0)
		goto fail;
	for (size_t f = 0; f < RP_NELEM(firms); f++) {
		for (size_t s = 0; s < RP_NELEM(staff); s++) {
			int role = staff[s].role;
			/* Admins hold every right by role, without rows. */
			if (role == RP_ROLE_ADMIN)
				continue;
			unsigned features = rp_default_features(role, RP_FEAT_ALL);
			for (int k = 0; k < RP_FEAT__COUNT; k++) {
				if (!(features & RP_FEAT_BIT(k)))
					continue;
				struct rp_dbarg r[] = { RP_ASTR(rp_feature_key(k)),
				    RP_AINT(firm_ids[f]), RP_ASTR(rp_role_key(role)) };
				if (rp_db_exec(a, &q_feature, r, RP_NELEM(r), &res) != 0)
					goto fail;
				count("user_features", res.affected);
			}
			for (int k = 0; k < RP_PF__COUNT; k++) {
				struct rp_dbarg r[] = { RP_ASTR(rp_profile_field_key(k)),
				    RP_AINT(firm_ids[f]), RP_ASTR(rp_role_key(role)) };
				if (rp_db_exec(a, &q_field, r, RP_NELEM(r), &res) != 0)
					goto fail;
				count("user_profile_fields", res.affected);
			}
		}
	}
	if (rp_db_commit() != 0)
		goto fail;
	add(secs, &nsecs, RP_NELEM(secs), "accounts", now() - t0);
	return 0;
fail:
	rp_db_rollback();
	return -1;
}

/* Statement i of load[] for the slice of clients from id lo (for a sliced
 * one), in autocommit: a transaction per statement. */
static int
run(struct rp_arena *a, size_t i, long long lo)
{
	struct rp_dbarg args[2 * SLICE_PAIRS];
	struct rp_dbres res;
	double t0 = now();

	for (int k = 0; k < load[i].slices && k < SLICE_PAIRS; k++) {
		args[2 * k] = RP_AINT(lo);
		args[2 * k + 1] = RP_AINT(lo + SLICE - 1);
	}
	if (rp_db_exec(a, &load[i].stmt, args, 2 * (size_t)load[i].slices, &res) != 0)
		return -1;
	if (load[i].table != NULL)
		count(load[i].table, res.affected);
	add(secs, &nsecs, RP_NELEM(secs), load[i].phase, now() - t0);
	rp_arena_reset(a);
	return 0;
}

/* load[]: the statements before the sliced ones, each slice through the
 * sliced ones (they follow each other in the table), then the rest. */
static int
bulk(struct rp_arena *a)
{
	struct rp_dbres res;
	long long first, last, slice = 0, nslices;
	size_t i, from, to;
	double t0 = now();

	for (i = 0; i < RP_NELEM(load) && load[i].slices == 0; i++)
		if (run(a, i, 0) != 0)
			return -1;
	for (from = to = i; to < RP_NELEM(load) && load[to].slices > 0; to++)
		;
	if (rp_db_exec(a, &q_slices, NULL, 0, &res) != 0 ||
	    rp_strtonum(rp_db_cell(&res, 0, 0), 1, INT64_MAX, &first) != 0 ||
	    rp_strtonum(rp_db_cell(&res, 0, 1), first, INT64_MAX, &last) != 0)
		return -1;
	nslices = (last - first) / SLICE + 1;
	for (long long lo = first; lo <= last; lo += SLICE) {
		for (i = from; i < to; i++)
			if (run(a, i, lo) != 0)
				return -1;
		/* Slices 1, 2, 4, 8...: the tables have doubled. */
		slice++;
		if ((slice & (slice - 1)) == 0 && rp_db_exec(a, &q_analyze, NULL, 0, NULL) != 0)
			return -1;
		if (slice % (nslices / 10 + 1) == 0 || slice == nslices) {
			printf("  %lld of %lld slices of %d clients, %.1f s\n", slice, nslices,
			    SLICE, now() - t0);
			fflush(stdout);
		}
	}
	if (rp_db_exec(a, &q_analyze, NULL, 0, NULL) != 0)
		return -1;
	for (i = to; i < RP_NELEM(load); i++)
		if (run(a, i, 0) != 0)
			return -1;
	return 0;
}

/* The accounts, and whether a password is enough to use them. */
static void
logins(const struct rp_config *cfg, long long n)
{
	bool mfa = false;

	printf("Bench firms: %s and %s, %lld clients each.\n", FIRM_A, FIRM_B, n);
	printf("Every bench account has the password: %s\n", PASSWORD);
	for (size_t f = 0; f < RP_NELEM(firms); f++)
		printf("  admin@%-32s admin, vCISO of every client of %s\n", firms[f].domain,
		    firms[f].name);
	for (size_t s = STAFF_MULTI; s < RP_NELEM(staff); s++)
		printf("  %s0001..%s%04lld@bench-{a,b}.rempart.test  %s\n", staff[s].prefix,
		    staff[s].prefix, staff_count(s, n), rp_role_key(staff[s].role));
	for (size_t s = 0; s < RP_NELEM(staff); s++)
		mfa = mfa || rp_session_mfa_required(staff[s].role);
	/* Not an error: the data is right, but a benchmark logging in with a
	 * password only would be sent to MFA enrolment. */
	if (mfa)
		fprintf(stderr, "rempart-admin: note: auth.mfa_required_roles (%s) names"
		    " roles of bench accounts, which must then enrol in MFA before using"
		    " any page; benchmark with it empty\n", cfg->auth_mfa_required_roles);
}

int
rp_cmd_seed_bench(struct rp_config *cfg, int argc, char **argv)
{
	struct rp_arena *a;
	struct rp_dbres res;
	char hash[RP_HASH_LEN], isolation[64];
	long long n = 0, fk = 1, unique = 1;
	double t0 = now(), total = 0;
	bool replace = false, existing;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--clients") == 0 && i + 1 < argc && n == 0) {
			if (rp_strtonum(argv[++i], 1, MAX_CLIENTS, &n) != 0)
				return usage();
		} else if (strcmp(argv[i], "--reset") == 0)
			replace = true;
		else
			return usage();
	}
	if (n == 0)
		return usage();
	cfg->db_read_timeout = cfg->db_write_timeout = BULK_TIMEOUT;
	rp_db_setup(cfg);
	rp_session_setup(cfg);
	a = rp_arena_new(0);
	rc = 1;
	if (rp_db_connect() != 0) {
		fprintf(stderr, "rempart-admin: cannot connect to database '%s': %s\n",
		    cfg->db_name, rp_db_message());
		goto out;
	}
	if ((rc = check(cfg, a, n, replace, &existing)) >= 0)
		goto out;
	rc = 1;
	if (rp_password_setup(cfg) != 0 || rp_password_hash(PASSWORD, hash) != 0)
		goto out;
	if (rp_db_exec(a, &q_get_session, NULL, 0, &res) != 0)
		goto dberr;
	rp_strtonum(rp_db_cell(&res, 0, 0), 0, 1, &fk);
	rp_strtonum(rp_db_cell(&res, 0, 1), 0, 1, &unique);
	snprintf(isolation, sizeof(isolation), "%s", rp_db_cell(&res, 0, 2));
	printf("Seeding database '%s': 2 firms of %lld clients.\n", cfg->db_name, n);
	fflush(stdout);
	if (session_set(a, 0, 0, "READ-COMMITTED") != 0)
		goto dberr;
	if ((existing && reset(a) != 0) || prepare(a) != 0 || accounts(a, n, hash) != 0 ||
	    bulk(a) != 0) {
		session_set(a, fk, unique, isolation);
		goto dberr;
	}
	if (session_set(a, fk, unique, isolation) != 0)
		goto dberr;
	printf("Rows written:\n");
	for (size_t i = 0; i < nrows; i++) {
		printf("  %-24s %10.0f\n", rows[i].name, rows[i].value);
		total += rows[i].value;
	}
	printf("  %-24s %10.0f\n", "total", total);
	printf("Seconds:\n");
	for (size_t i = 0; i < nsecs; i++)
		printf("  %-24s %10.1f\n", secs[i].name, secs[i].value);
	printf("  %-24s %10.1f\n", "total", now() - t0);
	logins(cfg, n);
	rc = 0;
	goto out;
dberr:
	fprintf(stderr, "rempart-admin: database '%s': %s\n", cfg->db_name, rp_db_message());
out:
	rp_db_close();
	rp_arena_free(a);
	return rc;
}
