/* The starter questionnaire of the usage diagnostic, written for the
 * product: statements are worded so that the highest answer is the good
 * practice (scale 1..5: "not at all" .. "completely"). */
#include <stdint.h>
#include <string.h>

#include <json.h>

#include "arena.h"
#include "audit.h"
#include "clients.h"
#include "db.h"
#include "json.h"
#include "request.h"
#include "usage-starter.h"
#include "usage.h"
#include "util.h"

#define NO_SCORE (-1)

static const struct rp_usage_starter_section sections[] = {
	{ "Mots de passe et comptes", "Passwords and accounts", {
	  { "scale", "J'utilise un mot de passe différent pour chacun de mes comptes professionnels.",
	    "I use a different password for each of my work accounts.", NULL, { { 0 } } },
	  { "choice", "Où conservez-vous vos mots de passe professionnels ?",
	    "Where do you keep your work passwords?", NULL, {
	      { "Dans le gestionnaire de mots de passe fourni par l'entreprise",
	        "In the password manager the company provides", 100 },
	      { "Dans la mémoire de mon navigateur", "Saved in my web browser", 50 },
	      { "Sur papier ou dans un fichier", "On paper or in a file", 10 },
	      { "Je les retiens : c'est souvent le même", "I remember them: it is often the same one", 0 },
	    } },
	  { "yes_no", "La validation en deux étapes (code ou application) est-elle activée sur votre messagerie professionnelle ?",
	    "Is two-step verification (a code or an app) turned on for your work e-mail?", "yes",
	    { { 0 } } },
	  { "yes_no", "Vous arrive-t-il de confier un de vos mots de passe à un collègue ?",
	    "Do you ever give one of your passwords to a colleague?", "no", { { 0 } } },
	} },
	{ "Messagerie et hameçonnage", "E-mail and phishing", {
	  { "scale", "Je sais reconnaître un message piégé : expéditeur inhabituel, urgence, lien ou pièce jointe inattendus.",
	    "I can tell a phishing message: an unusual sender, urgency, an unexpected link or attachment.",
	    NULL, { { 0 } } },
	  { "scale", "Avant de cliquer sur un lien, je regarde l'adresse vers laquelle il mène.",
	    "Before clicking a link, I check the address it leads to.", NULL, { { 0 } } },
	  { "choice", "Un fournisseur connu vous envoie une facture en pièce jointe que vous n'attendiez pas. Que faites-vous ?",
	    "A supplier you know sends an invoice you were not expecting as an attachment. What do you do?",
	    NULL, {
	      { "Je vérifie auprès de lui par téléphone ou par un autre canal",
	        "I check with them by phone or another channel", 100 },
	      { "Je transfère le message au contact sécurité sans l'ouvrir",
	        "I forward it to the security contact without opening it", 100 },
	      { "Je l'ouvre si le message paraît normal", "I open it if the message looks normal", 0 },
	      { "Je ne sais pas", "I do not know", 0 },
	    } },
	  { "yes_no", "Savez-vous à qui transmettre un message suspect ?",
	    "Do you know whom to send a suspicious message to?", "yes", { { 0 } } },
	} },
	{ "Mises à jour", "Updates", {
	  { "yes_no", "Installez-vous les mises à jour proposées par votre ordinateur dans la journée ?",
	    "Do you install the updates your computer offers within the day?", "yes", { { 0 } } },
	  { "scale", "Je redémarre mon ordinateur au moins une fois par semaine.",
	    "I restart my computer at least once a week.", NULL, { { 0 } } },
	  { "yes_no", "Installez-vous vous-même des logiciels ou des extensions que l'entreprise ne fournit pas ?",
	    "Do you install software or browser extensions the company does not provide yourself?",
	    "no", { { 0 } } },
	} },
	{ "Sauvegardes", "Backups", {
	  { "choice", "Où enregistrez-vous vos documents de travail ?", "Where do you save your work documents?",
	    NULL, {
	      { "Sur l'espace partagé ou le stockage en ligne de l'entreprise",
	        "On the company's shared drive or online storage", 100 },
	      { "Sur mon ordinateur seulement", "On my computer only", 25 },
	      { "Sur une clé USB ou un disque personnel", "On a personal USB stick or disk", 0 },
	      { "Je ne sais pas", "I do not know", NO_SCORE },
	    } },
	  { "yes_no", "Savez-vous comment retrouver un fichier effacé ou abîmé par erreur ?",
	    "Do you know how to get back a file deleted or damaged by mistake?", "yes", { { 0 } } },
	  { "scale", "Je suis confiant : après une panne ou un rançongiciel, mes fichiers de travail seraient restaurés.",
	    "I am confident that my work files would be restored after a failure or ransomware.",
	    NULL, { { 0 } } },
	} },
	{ "Postes et appareils", "Computers and devices", {
	  { "yes_no", "Verrouillez-vous votre session chaque fois que vous quittez votre poste ?",
	    "Do you lock your session every time you leave your desk?", "yes", { { 0 } } },
	  { "yes_no", "Votre téléphone professionnel est-il protégé par un code, un schéma ou une empreinte ?",
	    "Is your work phone protected by a PIN, a pattern or a fingerprint?", "yes", { { 0 } } },
	  { "choice", "Hors du bureau (train, café, hôtel), comment vous connectez-vous ?",
	    "Away from the office (train, café, hotel), how do you connect?", NULL, {
	      { "Par le partage de connexion de mon téléphone ou le VPN de l'entreprise",
	        "Through my phone's hotspot or the company VPN", 100 },
	      { "Par le Wi-Fi public, sans précaution particulière",
	        "Through public Wi-Fi, with no particular care", 0 },
	      { "Je ne travaille jamais hors du bureau", "I never work away from the office",
	        NO_SCORE },
	    } },
	  { "scale", "Dans les lieux publics, je veille à ce que personne ne lise mon écran ni mes appels.",
	    "In public places, I make sure nobody reads my screen or overhears my calls.", NULL,
	    { { 0 } } },
	} },
	{ "Signaler un incident", "Reporting incidents", {
	  { "yes_no", "Savez-vous qui prévenir en cas d'incident : virus, appareil perdu, e-mail envoyé au mauvais destinataire ?",
	    "Do you know whom to alert about an incident: a virus, a lost device, an e-mail sent to the wrong person?",
	    "yes", { { 0 } } },
	  { "scale", "Je me sentirais à l'aise pour signaler une erreur que j'aurais commise, même un clic malheureux.",
	    "I would feel at ease reporting a mistake I made, even an unfortunate click.", NULL,
	    { { 0 } } },
	  { "yes_no", "Avez-vous suivi une sensibilisation à la sécurité au cours des douze derniers mois ?",
	    "Have you attended security awareness training in the last twelve months?", "yes",
	    { { 0 } } },
	  { "text", "Qu'est-ce qui vous aiderait à mieux protéger les informations de l'entreprise ?",
	    "What would help you protect the company's information better?", NULL, { { 0 } } },
	} },
};

size_t
rp_usage_starter_count(void)
{
	return RP_NELEM(sections);
}

const struct rp_usage_starter_section *
rp_usage_starter_at(size_t i)
{
	return i < RP_NELEM(sections) ? &sections[i] : NULL;
}

/* The stored options of a choice question (JSON text in the arena). */
static const char *
options_text(struct rp_req *req, const struct rp_usage_starter_question *q)
{
	struct json_object *a = json_object_new_array();

	for (size_t i = 0; i < RP_USAGE_STARTER_MAX_OPTIONS && q->options[i].fr; i++) {
		struct json_object *o = json_object_new_object();
		rp_jadd(o, "label_fr", json_object_new_string(q->options[i].fr));
		rp_jadd(o, "label_en", json_object_new_string(q->options[i].en));
		rp_jadd(o, "score", q->options[i].score >= 0 ?
		    json_object_new_int(q->options[i].score) : NULL);
		json_object_array_add(a, o);
	}
	const char *s = rp_strdup(req->arena, json_object_to_json_string_ext(a,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(a);
	return s;
}

int
rp_usage_starter_append(struct rp_req *req, const struct rp_client *c, long long *n,
    long long *nq)
{
	long long sid, qid;

	*n = *nq = 0;
	for (size_t i = 0; i < RP_NELEM(sections); i++) {
		const struct rp_usage_starter_section *s = &sections[i];
		if (rp_usage_append_section(req, c, s->fr, s->en, &sid) != 0)
			return -1;
		for (size_t k = 0; k < RP_USAGE_STARTER_MAX_QUESTIONS && s->questions[k].kind; k++) {
			const struct rp_usage_starter_question *q = &s->questions[k];
			bool choice = strcmp(q->kind, "choice") == 0;
			if (rp_usage_append_question(req, c, sid, q->kind, q->fr, q->en, q->good,
			    choice ? options_text(req, q) : NULL, &qid) != 0)
				return -1;
			(*nq)++;
		}
		(*n)++;
	}
	return 0;
}

int
rp_usage_starter_load(struct rp_req *req, const struct rp_client *c, long long *n)
{
	long long questions;

	if (rp_db_begin() != 0)
		return rp_db_fail(req);
	if (rp_clients_lock(req, c) != 0 || rp_usage_starter_append(req, c, n, &questions) != 0)
		goto fail;
	struct json_object *d = json_object_new_object();
	rp_jadd(d, "sections", json_object_new_int64(*n));
	rp_jadd(d, "questions", json_object_new_int64(questions));
	if (rp_audit(req, "usage.starter.load", "client", c->id, c->id, d) != 0)
		goto fail;
	return rp_db_finish(req);
fail:
	rp_db_rollback();
	return -1;
}

/* The demo firm's clients with the module and no questionnaire yet. */
static struct rp_stmt q_demo = RP_STMT(
    "SELECT c.id FROM clients c WHERE c.firm_id = ? AND FIND_IN_SET('usage_diagnostic', c.modules) > 0"
    " AND NOT EXISTS (SELECT 1 FROM usage_sections s WHERE s.client_id = c.id) ORDER BY c.id");

int
rp_usage_starter_demo(struct rp_req *req, long long firm)
{
	struct rp_dbarg f = RP_AINT(firm);
	struct rp_dbres res;
	long long n, nq;

	if (rp_db_do(req, &q_demo, &f, 1, &res) != 0)
		return -1;
	for (size_t i = 0; i < res.nrows; i++) {
		struct rp_client c = { .firm_id = firm };
		rp_strtonum(res.rows[i][0], 1, INT64_MAX, &c.id);
		if (rp_usage_starter_append(req, &c, &n, &nq) != 0)
			return -1;
	}
	return 0;
}
