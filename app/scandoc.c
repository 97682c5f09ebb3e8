/* An external scan document: the JSON reader, the finishing rules
 * (duplicates, severities, counts) and the severity table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <json.h>

#include "arena.h"
#include "enums.h"
#include "jsoncheck.h"
#include "netaddr.h"
#include "scandoc.h"
#include "util.h"

/* ------------------------------------------------------------- the rules --- */

/* The severity of an open port seen from the Internet: a rule matches a
 * port of its protocol, or nmap's name of the service on any port (a
 * service moved to another port is as exposed). Rules are tried in order,
 * the worst first, so the worst reading wins. docs/external-scan-format.md
 * shows this table; keep them in step. */
#define MAXP 6
static const struct rule {
	const char	*key;
	int		 severity;
	const char	*protocol;		/* of the ports; NULL: any */
	long		 ports[MAXP];		/* 0 ends the list */
	const char	*services[MAXP];	/* NULL ends the list */
} rules[] = {
	/* Remote control and file sharing: the ransomware doors. */
	{ "rdp",	RP_SEV_HIGH,	"tcp", { 3389 }, { "ms-wbt-server", "rdp" } },
	{ "smb",	RP_SEV_HIGH,	"tcp", { 445, 139 },
	    { "microsoft-ds", "netbios-ssn", "smb" } },
	{ "telnet",	RP_SEV_HIGH,	"tcp", { 23 }, { "telnet" } },
	{ "vnc",	RP_SEV_HIGH,	"tcp", { 5900, 5901 }, { "vnc", "vnc-http" } },
	/* Databases and data stores answer no one outside. */
	{ "mssql",	RP_SEV_HIGH,	"tcp", { 1433 }, { "ms-sql-s" } },
	{ "mysql",	RP_SEV_HIGH,	"tcp", { 3306 }, { "mysql" } },
	{ "postgresql",	RP_SEV_HIGH,	"tcp", { 5432 }, { "postgresql" } },
	{ "mongodb",	RP_SEV_HIGH,	"tcp", { 27017 }, { "mongodb", "mongod" } },
	{ "redis",	RP_SEV_HIGH,	"tcp", { 6379 }, { "redis" } },
	{ "elasticsearch", RP_SEV_HIGH,	"tcp", { 9200 }, { "elasticsearch" } },
	{ "docker",	RP_SEV_HIGH,	"tcp", { 2375 }, { "docker" } },
	/* Clear-text protocols and management interfaces. */
	{ "ftp",	RP_SEV_MEDIUM,	"tcp", { 21 }, { "ftp" } },
	{ "snmp",	RP_SEV_MEDIUM,	"udp", { 161 }, { "snmp" } },
	{ "http",	RP_SEV_MEDIUM,	"tcp", { 80, 8000, 8008, 8080, 8888 },
	    { "http", "http-proxy", "http-alt" } },
	/* Expected on a public server, still to be kept up to date. */
	{ "https",	RP_SEV_LOW,	"tcp", { 443, 8443 }, { "https", "https-alt" } },
	{ "ssh",	RP_SEV_LOW,	"tcp", { 22 }, { "ssh" } },
	/* Anything else: listed, for the record. */
	{ "other",	RP_SEV_INFO,	NULL, { 0 }, { NULL } },
};

static const char *const protocols[] = { "tcp", "udp", "sctp" };

static bool
rule_matches(const struct rule *r, long port, const char *protocol, const char *service)
{
	for (size_t i = 0; i < MAXP && r->ports[i] != 0; i++)
		if (r->ports[i] == port && (r->protocol == NULL ||
		    strcmp(r->protocol, protocol) == 0))
			return true;
	for (size_t i = 0; i < MAXP && r->services[i] != NULL; i++)
		if (service != NULL && strcasecmp(r->services[i], service) == 0)
			return true;
	return false;
}

int
rp_scan_classify(long port, const char *protocol, const char *service, const char **rule)
{
	size_t last = RP_NELEM(rules) - 1;

	for (size_t i = 0; i < last; i++)
		if (rule_matches(&rules[i], port, protocol, service)) {
			*rule = rules[i].key;
			return rules[i].severity;
		}
	*rule = rules[last].key;
	return rules[last].severity;
}

bool
rp_scan_rule(size_t i, const char **key, int *severity)
{
	if (i >= RP_NELEM(rules))
		return false;
	*key = rules[i].key;
	*severity = rules[i].severity;
	return true;
}

const char *
rp_scan_severity_key(int s)
{
	return rp_enum_key(&rp_scan_severities, s);
}

const char *
rp_scan_protocol(const char *s)
{
	for (size_t i = 0; s != NULL && i < RP_NELEM(protocols); i++)
		if (strcmp(s, protocols[i]) == 0)
			return protocols[i];
	return NULL;
}

/* ----------------------------------------------------------- documents --- */

void
rp_scan_doc_init(struct rp_scan_doc *doc, struct rp_arena *a, const char *format)
{
	memset(doc, 0, sizeof(*doc));
	doc->arena = a;
	doc->format = format;
	doc->scanner = "";
}

int
rp_scan_fail(struct rp_scan_err *err, const char *field, const char *path, const char *code,
    const char *msg)
{
	err->status = 400;
	err->field = field;
	err->path = path;
	err->code = code;
	err->msg = msg;
	return -1;
}

int
rp_scan_check_size(size_t len, const char *field, struct rp_scan_err *err)
{
	if (len <= RP_SCAN_MAX_BYTES)
		return 0;
	rp_scan_fail(err, field, NULL, "too_large", "The file is larger than 5 MiB.");
	err->status = 413;
	return -1;
}

int
rp_scan_doc_add(struct rp_scan_doc *doc, const struct rp_scan_finding *f,
    struct rp_scan_err *err)
{
	if (doc->nfindings == RP_SCAN_MAX_PORTS)
		return rp_scan_fail(err, NULL, NULL, "too_many",
		    "The file lists more than 10,000 open ports.");
	/* The arena does not reallocate: grow by doubling and copying. */
	if (doc->nfindings == doc->cap) {
		size_t cap = doc->cap ? doc->cap * 2 : 64;
		struct rp_scan_finding *n = rp_calloc(doc->arena, cap, sizeof(*n));
		if (doc->nfindings)
			memcpy(n, doc->findings, doc->nfindings * sizeof(*n));
		doc->findings = n;
		doc->cap = cap;
	}
	doc->findings[doc->nfindings++] = *f;
	return 0;
}

/* Findings in key order: host, protocol, port. */
static int
by_key(const void *pa, const void *pb)
{
	const struct rp_scan_finding *a = pa, *b = pb;
	int c = strcmp(a->host, b->host);

	if (c == 0)
		c = strcmp(a->protocol, b->protocol);
	if (c == 0)
		c = (a->port > b->port) - (a->port < b->port);
	return c;
}

/* The later of two findings, in document order. */
static const struct rp_scan_finding *
later(const struct rp_scan_finding *a, const struct rp_scan_finding *b)
{
	if (a->host_index != b->host_index)
		return a->host_index > b->host_index ? a : b;
	return a->port_index > b->port_index ? a : b;
}

int
rp_scan_finish(struct rp_scan_doc *doc, bool strict, const char *field, struct rp_scan_err *err)
{
	size_t n = 0;

	if (doc->nfindings > 1)
		qsort(doc->findings, doc->nfindings, sizeof(*doc->findings), by_key);
	for (size_t i = 0; i < doc->nfindings; i++) {
		struct rp_scan_finding *f = &doc->findings[i];
		if (n > 0 && by_key(&doc->findings[n - 1], f) == 0) {
			/* nmap lists one address twice when two of its targets
			 * name it: the same port, seen twice. */
			if (!strict) {
				if (*doc->findings[n - 1].hostname == '\0')
					doc->findings[n - 1].hostname = f->hostname;
				continue;
			}
			const struct rp_scan_finding *d = later(&doc->findings[n - 1], f);
			return rp_scan_fail(err, field, rp_printf(doc->arena, "hosts[%ld].ports[%ld]",
			    d->host_index, d->port_index), "duplicate",
			    "This host, port and protocol are already listed.");
		}
		f->severity = rp_scan_classify(f->port, f->protocol, f->service, &f->rule);
		doc->findings[n++] = *f;
	}
	doc->nfindings = n;
	memset(doc->by_severity, 0, sizeof(doc->by_severity));
	for (size_t i = 0; i < n; i++)
		doc->by_severity[doc->findings[i].severity]++;
	return 0;
}

/* ---------------------------------------------------------------- JSON --- */

/* A JSON reading: the document, where faults are named, and the path of
 * what is being read. */
struct jr {
	struct rp_arena		*a;
	struct rp_scan_doc	*doc;
	struct rp_scan_err	*err;
	const char		*field;
	long			 host, port;	/* indexes, -1 above them */
};

static const char *
path_of(struct jr *r, const char *key)
{
	if (r->port >= 0)
		return rp_printf(r->a, "hosts[%ld].ports[%ld]%s%s", r->host, r->port,
		    key ? "." : "", key ? key : "");
	if (r->host >= 0)
		return rp_printf(r->a, "hosts[%ld]%s%s", r->host, key ? "." : "", key ? key : "");
	return key;
}

static int
jfail(struct jr *r, const char *key, const char *code, const char *msg)
{
	return rp_scan_fail(r->err, r->field, path_of(r, key), code, msg);
}

/* The first key of o outside known[0..n), or NULL. */
static const char *
unknown_key(struct json_object *o, const char *const *known, size_t n)
{
	json_object_object_foreach(o, key, val) {
		bool ok = false;
		(void)val;
		for (size_t i = 0; i < n; i++)
			ok |= strcmp(key, known[i]) == 0;
		if (!ok)
			return key;
	}
	return NULL;
}

static int
known_keys(struct jr *r, struct json_object *o, const char *const *known, size_t n)
{
	const char *bad = unknown_key(o, known, n);

	if (bad != NULL)
		return jfail(r, rp_strdup(r->a, bad), "unknown_field",
		    "This field is not part of the format.");
	return 0;
}

/* Text at key under the text rules of input fields (one line, at most
 * max characters): "" when absent or null; required refuses that. */
static int
jtext(struct jr *r, struct json_object *o, const char *key, size_t max, bool required,
    const char **out)
{
	struct json_object *v;
	const char *code, *msg;

	*out = "";
	if (!json_object_object_get_ex(o, key, &v) || v == NULL) {
		if (required)
			return jfail(r, key, "required", "This field is required.");
		return 0;
	}
	/* json-c would turn 12 into "12": insist on the type. */
	if (!json_object_is_type(v, json_type_string))
		return jfail(r, key, "invalid", "This field must be a string.");
	if ((*out = rp_text_clean(r->a, json_object_get_string(v), max, false, &code,
	    &msg)) == NULL)
		return jfail(r, key, code, msg);
	if (required && **out == '\0')
		return jfail(r, key, "required", "This field is required.");
	return 0;
}

/* "2026-11-20T09:30:00Z" to seconds since 1970; -1 when it is not one. */
static long long
iso_utc(const char *s)
{
	struct tm tm, back;
	char z;
	int n = 0;

	memset(&tm, 0, sizeof(tm));
	if (strlen(s) != 20 || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z, &n) != 7 || n != 20 ||
	    z != 'Z' || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':' || strspn(s, "0123456789-T:Z") != 20 || tm.tm_year < 1990)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	back = tm;
	time_t t = timegm(&tm);
	/* timegm normalises 31 February into March: refuse what moved. */
	if (t == (time_t)-1 || tm.tm_mday != back.tm_mday || tm.tm_mon != back.tm_mon ||
	    tm.tm_hour != back.tm_hour || tm.tm_min != back.tm_min || tm.tm_sec != back.tm_sec)
		return -1;
	return (long long)t;
}

static int
json_port(struct jr *r, struct json_object *o, const char *host, const char *hostname)
{
	static const char *const known[] = { "port", "protocol", "state", "service", "product",
		"version" };
	struct rp_scan_finding f;
	struct json_object *v;
	const char *proto, *state;

	if (!json_object_is_type(o, json_type_object))
		return jfail(r, NULL, "invalid", "Each port must be an object.");
	if (known_keys(r, o, known, RP_NELEM(known)) != 0)
		return -1;
	memset(&f, 0, sizeof(f));
	if (!json_object_object_get_ex(o, "port", &v) || v == NULL)
		return jfail(r, "port", "required", "This field is required.");
	if (!json_object_is_type(v, json_type_int))
		return jfail(r, "port", "invalid", "A port is a whole number.");
	f.port = (long)json_object_get_int64(v);
	if (json_object_get_int64(v) < 0 || json_object_get_int64(v) > 65535)
		return jfail(r, "port", "out_of_range", "A port runs from 0 to 65535.");
	if (jtext(r, o, "protocol", 10, false, &proto) != 0 ||
	    jtext(r, o, "state", 40, false, &state) != 0)
		return -1;
	if ((f.protocol = rp_scan_protocol(*proto ? proto : "tcp")) == NULL)
		return jfail(r, "protocol", "invalid", "The protocol is tcp, udp or sctp.");
	/* Only what answers from outside is a finding; closed and filtered
	 * ports are the firewall doing its job. */
	static const char *const states[] = { "open", "closed", "filtered", "unfiltered",
		"open|filtered", "closed|filtered" };
	bool known_state = *state == '\0';
	for (size_t i = 0; i < RP_NELEM(states); i++)
		known_state |= strcmp(state, states[i]) == 0;
	if (!known_state)
		return jfail(r, "state", "invalid",
		    "The state is one of nmap's: open, closed, filtered, unfiltered, "
		    "open|filtered, closed|filtered.");
	if (jtext(r, o, "service", 64, false, &f.service) != 0 ||
	    jtext(r, o, "product", 200, false, &f.product) != 0 ||
	    jtext(r, o, "version", 200, false, &f.version) != 0)
		return -1;
	if (*state != '\0' && strcmp(state, "open") != 0)
		return 0;
	f.host = host;
	f.hostname = hostname;
	f.host_index = r->host;
	f.port_index = r->port;
	if (rp_scan_doc_add(r->doc, &f, r->err) != 0)
		return jfail(r, NULL, r->err->code, r->err->msg);
	return 0;
}

static int
json_host(struct jr *r, struct json_object *o)
{
	static const char *const known[] = { "address", "hostname", "ports" };
	struct json_object *ports;
	const char *addr, *name;
	char ip[64], dn[RP_NET_MAXTEXT];

	if (!json_object_is_type(o, json_type_object))
		return jfail(r, NULL, "invalid", "Each host must be an object.");
	if (known_keys(r, o, known, RP_NELEM(known)) != 0 ||
	    jtext(r, o, "address", 64, true, &addr) != 0 ||
	    jtext(r, o, "hostname", 253, false, &name) != 0)
		return -1;
	if (rp_net_ip_normalise(addr, ip, sizeof(ip)) == 0)
		return jfail(r, "address", "invalid", "Give the host's IPv4 or IPv6 address.");
	if (*name != '\0' && !rp_net_domain_normalise(name, dn, sizeof(dn)))
		return jfail(r, "hostname", "invalid", "This is not a valid host name.");
	addr = rp_strdup(r->a, ip);
	name = *name ? rp_strdup(r->a, dn) : "";
	if (!json_object_object_get_ex(o, "ports", &ports) || ports == NULL)
		return 0;
	if (!json_object_is_type(ports, json_type_array))
		return jfail(r, "ports", "invalid", "ports is a list of ports.");
	for (size_t i = 0; i < json_object_array_length(ports); i++) {
		r->port = (long)i;
		if (json_port(r, json_object_array_get_idx(ports, i), addr, name) != 0)
			return -1;
	}
	r->port = -1;
	return 0;
}

int
rp_scan_from_json(struct rp_arena *a, struct json_object *o, const char *field,
    struct rp_scan_doc *doc, struct rp_scan_err *err)
{
	static const char *const known[] = { "scanned_at", "scanner", "hosts" };
	struct jr r = { a, doc, err, field, -1, -1 };
	struct json_object *hosts;
	const char *at;

	memset(err, 0, sizeof(*err));
	rp_scan_doc_init(doc, a, "json");
	if (!json_object_is_type(o, json_type_object))
		return rp_scan_fail(err, field, NULL, "invalid",
		    "The scan must be a JSON object.");
	if (known_keys(&r, o, known, RP_NELEM(known)) != 0 ||
	    jtext(&r, o, "scanned_at", 20, true, &at) != 0 ||
	    jtext(&r, o, "scanner", 100, false, &doc->scanner) != 0)
		return -1;
	if ((doc->scanned_at = iso_utc(at)) < 0)
		return jfail(&r, "scanned_at", "invalid",
		    "Give the date of the scan in UTC as 2026-11-20T09:30:00Z.");
	if (!json_object_object_get_ex(o, "hosts", &hosts) || hosts == NULL)
		return jfail(&r, "hosts", "required", "This field is required.");
	if (!json_object_is_type(hosts, json_type_array))
		return jfail(&r, "hosts", "invalid", "hosts is a list of hosts.");
	if (json_object_array_length(hosts) > RP_SCAN_MAX_HOSTS)
		return jfail(&r, "hosts", "too_many", "The scan lists more than 4,096 hosts.");
	doc->hosts = json_object_array_length(hosts);
	for (size_t i = 0; i < doc->hosts; i++) {
		r.host = (long)i;
		if (json_host(&r, json_object_array_get_idx(hosts, i)) != 0)
			return -1;
	}
	return 0;
}

int
rp_scan_from_json_text(struct rp_arena *a, const char *text, size_t len, const char *field,
    struct rp_scan_doc *doc, struct rp_scan_err *err)
{
	struct json_object *o;
	int rc;

	memset(err, 0, sizeof(*err));
	rp_scan_doc_init(doc, a, "json");
	if (rp_scan_check_size(len, field, err) != 0)
		return -1;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!rp_utf8_valid(text, len))
		return rp_scan_fail(err, field, NULL, "unreadable", "The file is not UTF-8 text.");
	/* Depth: document, hosts, a host, its ports, a port, and a spare. */
	if ((rc = rp_json_parse(text, len, 6, &o)) != 0)
		return rp_scan_fail(err, field, NULL, "unreadable", rc == -2 ?
		    "The file could not be read now; try again." : "The file is not valid JSON.");
	rc = rp_scan_from_json(a, o, field, doc, err);
	json_object_put(o);
	return rc;
}
