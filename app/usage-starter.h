/* The starter questionnaire of the usage diagnostic: everyday security
 * practices (passwords, phishing, updates, backups, devices, reporting
 * incidents), in French and English, that a vCISO loads into a client's
 * questionnaire in one click. */
#ifndef RP_USAGE_STARTER_H
#define RP_USAGE_STARTER_H

#include <stddef.h>

struct rp_client;
struct rp_req;

#define RP_USAGE_STARTER_MAX_OPTIONS 5

struct rp_usage_starter_option {
	const char	*fr, *en;
	int		 score;		/* 0..100, or -1: not scored */
};

struct rp_usage_starter_question {
	const char	*kind;		/* scale, yes_no, choice, text */
	const char	*fr, *en;
	const char	*good;		/* yes_no: "yes" or "no"; else NULL */
	struct rp_usage_starter_option options[RP_USAGE_STARTER_MAX_OPTIONS];
};

/* A section: its titles and its questions, up to an entry with kind NULL. */
#define RP_USAGE_STARTER_MAX_QUESTIONS 6
struct rp_usage_starter_section {
	const char	*fr, *en;
	struct rp_usage_starter_question questions[RP_USAGE_STARTER_MAX_QUESTIONS];
};

/* The sections, read-only: how many, and the i-th (NULL out of range). */
size_t rp_usage_starter_count(void);
const struct rp_usage_starter_section *rp_usage_starter_at(size_t i);

/* Inside the caller's transaction (after rp_clients_lock when others may
 * write): append the starter's sections and questions after c's own; *n
 * sections and *nq questions. Returns 0, or -1 after rp_fail. */
int rp_usage_starter_append(struct rp_req *, const struct rp_client *c, long long *n,
    long long *nq);

/* seed-demo: the starter questionnaire for every client of firm that has
 * the module and no questionnaire yet (so a second run adds nothing),
 * inside the caller's transaction. Returns 0, or -1 after rp_fail. */
int rp_usage_starter_demo(struct rp_req *, long long firm);

/* Append the starter's sections and questions after c's own, in one
 * transaction with an audit entry. Returns 0 with the number of sections
 * added in *n, or -1 after rp_fail (409 when the questionnaire would hold
 * more sections than allowed). */
int rp_usage_starter_load(struct rp_req *, const struct rp_client *c, long long *n);

#endif
