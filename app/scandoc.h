/* An external scan result as the module imports it: one representation,
 * read from nmap's XML (app/nmap.c) or from the JSON format of
 * docs/external-scan-format.md, its limits, and the severity rules of
 * open ports (one table in scandoc.c). Pure: no request, no database;
 * everything lives in the arena. */
#ifndef RP_SCANDOC_H
#define RP_SCANDOC_H

#include <stdbool.h>
#include <stddef.h>

struct json_object;
struct rp_arena;

/* Largest file (XML or JSON) read: larger ones are refused (413) before
 * any parsing. */
#define RP_SCAN_MAX_BYTES	(5 * 1024 * 1024)
/* Most hosts and open ports one document holds. */
#define RP_SCAN_MAX_HOSTS	4096
#define RP_SCAN_MAX_PORTS	10000

/* Severities, worst first, in the order of rp_scan_severities
 * (app/enums.h). */
enum rp_scan_severity { RP_SEV_HIGH, RP_SEV_MEDIUM, RP_SEV_LOW, RP_SEV_INFO, RP_SEV__COUNT };

/* One open port of a host: a finding. Text fields are "" when unknown. */
struct rp_scan_finding {
	const char	*host;		/* IPv4 or IPv6 address, normalised */
	const char	*hostname;	/* a DNS name, or "" */
	long		 port;		/* 0..65535 */
	const char	*protocol;	/* tcp, udp, sctp */
	const char	*service;	/* nmap's service name, e.g. "ms-wbt-server" */
	const char	*product;
	const char	*version;
	/* Set by rp_scan_finish(): */
	int		 severity;	/* enum rp_scan_severity */
	const char	*rule;		/* the rule's key, e.g. "rdp" */
	/* Where it comes from, for error messages: */
	long		 host_index, port_index;	/* JSON */
	size_t		 line;				/* XML */
};

struct rp_scan_doc {
	struct rp_arena		*arena;
	const char		*format;	/* "nmap_xml" or "json" */
	const char		*scanner;	/* e.g. "nmap 7.93", or "" */
	long long		 scanned_at;	/* seconds since 1970, UTC */
	size_t			 hosts;		/* hosts up */
	struct rp_scan_finding	*findings;
	size_t			 nfindings, cap;
	size_t			 by_severity[RP_SEV__COUNT];	/* rp_scan_finish() */
};

/* Why a document was refused: the first fault found. */
struct rp_scan_err {
	int		 status;	/* 400, or 413 (too large) */
	const char	*field;		/* the request field holding the document:
					 * "file", "nmap_xml" or "scan" */
	const char	*path;		/* where in a JSON document, e.g.
					 * "hosts[2].ports[0].port", or NULL */
	const char	*code;		/* a key of Lang.errors */
	const char	*msg;		/* fixed English text, no input data */
	const char	*detail;	/* the XML parser's own words, or NULL */
	size_t		 line, column;	/* XML: where, or 0 */
};

/* Start an empty document of `format` in the arena. */
void rp_scan_doc_init(struct rp_scan_doc *, struct rp_arena *, const char *format);
/* Append a finding (copied). Returns 0, or -1 with err set when the
 * document already holds RP_SCAN_MAX_PORTS. */
int rp_scan_doc_add(struct rp_scan_doc *, const struct rp_scan_finding *,
    struct rp_scan_err *);
/* Record a fault in err (field, code, message, status 400). Returns -1. */
int rp_scan_fail(struct rp_scan_err *, const char *field, const char *path,
    const char *code, const char *msg);

/* Check a document's size before reading it: 0, or -1 with a 413 in err
 * naming `field`. */
int rp_scan_check_size(size_t len, const char *field, struct rp_scan_err *);

/* Read the JSON format (docs/external-scan-format.md): known keys only,
 * each of its type; hosts with their open ports (other states are left
 * out). Faults name `field` and the path in the document. Returns 0, or -1
 * with *err set. Call rp_scan_finish() next. */
int rp_scan_from_json(struct rp_arena *, struct json_object *, const char *field,
    struct rp_scan_doc *, struct rp_scan_err *);
/* The same from the bytes of a JSON file (a UTF-8 BOM is skipped; size,
 * UTF-8 and syntax checked first). */
int rp_scan_from_json_text(struct rp_arena *, const char *text, size_t len,
    const char *field, struct rp_scan_doc *, struct rp_scan_err *);

/* Finish a document read by either reader: the same host, port and
 * protocol listed twice is merged into one finding (strict: refused,
 * naming the second), every finding gets its severity and rule, and the
 * counts by severity are made. Returns 0 or -1 with *err set. */
int rp_scan_finish(struct rp_scan_doc *, bool strict, const char *field,
    struct rp_scan_err *);

/* The severity rules: the rule an open port meets (its port and
 * protocol, or nmap's name of the service), the worst first; "other"
 * (info) when none. Returns the severity and sets *rule to the rule's key. */
int rp_scan_classify(long port, const char *protocol, const char *service,
    const char **rule);
/* The i-th rule's key and severity, for the documentation's table and
 * the language files; false past the last (the "other" rule is last). */
bool rp_scan_rule(size_t i, const char **key, int *severity);
/* "high", "medium", "low", "info"; NULL out of range. */
const char *rp_scan_severity_key(int);

/* Is s a protocol of nmap's port lists (tcp, udp, sctp)? The table's own
 * key, or NULL. */
const char *rp_scan_protocol(const char *s);

#endif
