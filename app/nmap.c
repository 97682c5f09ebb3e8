/* The nmap XML reader: an expat parser that trusts no DTD. */
#include <limits.h>
#include <stdbool.h>
#include <string.h>

#include <expat.h>

#include "arena.h"
#include "netaddr.h"
#include "nmap.h"
#include "scandoc.h"
#include "util.h"

/* Deeper than any nmap report nests (nmaprun/host/ports/port/service/cpe
 * is six): anything deeper is not one. */
#define MAX_DEPTH	32

/* A reading in progress. Elements are recognised by name and depth:
 * nmaprun (1) > host (2) > address, status, hostnames, ports (3) >
 * hostname, port (4) > state, service (5). */
struct nr {
	XML_Parser		 p;
	struct rp_arena		*a;
	struct rp_scan_doc	*doc;
	struct rp_scan_err	*err;
	const char		*field;
	int			 depth;
	bool			 failed;
	/* The host being read: its findings are doc's from `first` on. */
	bool			 in_host, down;
	const char		*addr, *hostname;
	int			 name_rank;	/* 2 user-given, 1 other, 0 none */
	size_t			 first, host_line;
	/* The port being read. */
	bool			 in_port;
	struct rp_scan_finding	 port;
	const char		*state, *tunnel;
};

static const char *
attr(const XML_Char **atts, const char *name)
{
	for (size_t i = 0; atts[i] != NULL; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

/* Record a fault at the parser's position and stop it. */
static void
fail(struct nr *r, const char *code, const char *msg)
{
	if (r->failed)
		return;
	r->failed = true;
	rp_scan_fail(r->err, r->field, NULL, code, msg);
	r->err->line = XML_GetCurrentLineNumber(r->p);
	r->err->column = XML_GetCurrentColumnNumber(r->p) + 1;
	XML_StopParser(r->p, XML_FALSE);
}

/* An attribute's text under the input rules (one line, at most max
 * characters), "" when absent; NULL after a fault. */
static const char *
text(struct nr *r, const XML_Char **atts, const char *name, size_t max)
{
	const char *v = attr(atts, name), *code, *msg, *t;

	if (v == NULL)
		return "";
	if ((t = rp_text_clean(r->a, v, max, false, &code, &msg)) == NULL)
		fail(r, code, msg);
	return t;
}

static void
start_root(struct nr *r, const XML_Char *name, const XML_Char **atts)
{
	const char *start = attr(atts, "start"), *scanner, *version;
	long long t;

	if (strcmp(name, "nmaprun") != 0) {
		fail(r, "not_nmap", "This is not an nmap XML report (nmap -oX).");
		return;
	}
	if (start == NULL || rp_strtonum(start, 1, (long long)1 << 40, &t) != 0) {
		fail(r, "invalid", "The report has no valid start time (nmaprun start).");
		return;
	}
	r->doc->scanned_at = t;
	if ((scanner = text(r, atts, "scanner", 40)) == NULL ||
	    (version = text(r, atts, "version", 40)) == NULL)
		return;
	r->doc->scanner = rp_printf(r->a, "%s%s%s", scanner, *scanner && *version ? " " : "",
	    version);
}

static void
start_host(struct nr *r)
{
	r->in_host = true;
	r->down = false;
	r->addr = NULL;
	r->hostname = "";
	r->name_rank = 0;
	r->first = r->doc->nfindings;
	r->host_line = XML_GetCurrentLineNumber(r->p);
}

static void
host_address(struct nr *r, const XML_Char **atts)
{
	const char *type = attr(atts, "addrtype"), *a = attr(atts, "addr");
	char ip[64];

	/* MAC addresses (addrtype="mac") of the local network are not
	 * where the host is reached. */
	if (r->addr != NULL || type == NULL || (strcmp(type, "ipv4") != 0 &&
	    strcmp(type, "ipv6") != 0))
		return;
	if (a == NULL || rp_net_ip_normalise(a, ip, sizeof(ip)) == 0) {
		fail(r, "invalid", "This address is not a valid IPv4 or IPv6 address.");
		return;
	}
	r->addr = rp_strdup(r->a, ip);
}

static void
host_name(struct nr *r, const XML_Char **atts)
{
	const char *name = attr(atts, "name"), *type = attr(atts, "type");
	char dn[RP_NET_MAXTEXT];
	int rank = type != NULL && strcmp(type, "user") == 0 ? 2 : 1;

	/* A name nmap could not make sense of is left out, not refused:
	 * the address is what identifies the host. */
	if (name == NULL || rank <= r->name_rank || !rp_net_domain_normalise(name, dn,
	    sizeof(dn)))
		return;
	r->hostname = rp_strdup(r->a, dn);
	r->name_rank = rank;
}

static void
start_port(struct nr *r, const XML_Char **atts)
{
	const char *proto = attr(atts, "protocol"), *id = attr(atts, "portid");
	long long port;

	memset(&r->port, 0, sizeof(r->port));
	r->in_port = true;
	r->state = "";
	r->tunnel = "";
	r->port.service = r->port.product = r->port.version = "";
	r->port.line = XML_GetCurrentLineNumber(r->p);
	if ((r->port.protocol = rp_scan_protocol(proto)) == NULL) {
		fail(r, "invalid", "The protocol of a port is tcp, udp or sctp.");
		return;
	}
	if (id == NULL || rp_strtonum(id, 0, 65535, &port) != 0) {
		fail(r, "invalid", "A port number runs from 0 to 65535.");
		return;
	}
	r->port.port = (long)port;
}

static void
port_service(struct nr *r, const XML_Char **atts)
{
	if ((r->port.service = text(r, atts, "name", 64)) == NULL ||
	    (r->port.product = text(r, atts, "product", 200)) == NULL ||
	    (r->port.version = text(r, atts, "version", 200)) == NULL ||
	    (r->tunnel = text(r, atts, "tunnel", 20)) == NULL)
		return;
}

static void
end_port(struct nr *r)
{
	r->in_port = false;
	if (strcmp(r->state, "open") != 0)
		return;
	/* nmap writes HTTP over TLS as name="http" tunnel="ssl". */
	if (strcmp(r->tunnel, "ssl") == 0 && strcmp(r->port.service, "http") == 0)
		r->port.service = "https";
	if (rp_scan_doc_add(r->doc, &r->port, r->err) != 0) {
		r->err->status = 0;
		fail(r, "too_many_ports", "The file lists more than 10,000 open ports.");
	}
}

static void
end_host(struct nr *r)
{
	r->in_host = false;
	if (r->down || r->addr == NULL) {
		if (!r->down && r->doc->nfindings > r->first) {
			fail(r, "invalid", "A host with open ports has no IPv4 or IPv6 address.");
			r->err->line = r->host_line;
			r->err->column = 1;
		}
		r->doc->nfindings = r->first;
		return;
	}
	if (r->doc->hosts == RP_SCAN_MAX_HOSTS) {
		fail(r, "too_many_hosts", "The file lists more than 4,096 hosts.");
		return;
	}
	r->doc->hosts++;
	for (size_t i = r->first; i < r->doc->nfindings; i++) {
		r->doc->findings[i].host = r->addr;
		r->doc->findings[i].hostname = r->hostname;
	}
}

static void XMLCALL
on_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct nr *r = data;
	int d = ++r->depth;

	if (r->failed)
		return;
	if (d > MAX_DEPTH) {
		fail(r, "malformed", "The XML nests too deep for an nmap report.");
		return;
	}
	if (d == 1)
		start_root(r, name, atts);
	else if (d == 2 && strcmp(name, "host") == 0)
		start_host(r);
	else if (d == 3 && r->in_host && strcmp(name, "address") == 0)
		host_address(r, atts);
	else if (d == 3 && r->in_host && strcmp(name, "status") == 0)
		r->down = attr(atts, "state") == NULL || strcmp(attr(atts, "state"), "up") != 0;
	else if (d == 4 && r->in_host && strcmp(name, "hostname") == 0)
		host_name(r, atts);
	else if (d == 4 && r->in_host && strcmp(name, "port") == 0)
		start_port(r, atts);
	else if (d == 5 && r->in_port && strcmp(name, "state") == 0)
		r->state = attr(atts, "state") ? rp_strdup(r->a, attr(atts, "state")) : "";
	else if (d == 5 && r->in_port && strcmp(name, "service") == 0)
		port_service(r, atts);
}

static void XMLCALL
on_end(void *data, const XML_Char *name)
{
	struct nr *r = data;
	int d = r->depth--;

	if (r->failed)
		return;
	if (d == 4 && r->in_port && strcmp(name, "port") == 0)
		end_port(r);
	else if (d == 2 && r->in_host && strcmp(name, "host") == 0)
		end_host(r);
}

/* The one DOCTYPE an nmap report carries is `<!DOCTYPE nmaprun>`: no
 * external DTD, no internal subset. Anything more is where entity
 * expansion ("billion laughs") and external entities (file:///etc/passwd)
 * live: stop before a single declaration is read. */
static void XMLCALL
on_doctype(void *data, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
    int has_internal_subset)
{
	struct nr *r = data;

	(void)name;
	if (sysid != NULL || pubid != NULL || has_internal_subset)
		fail(r, "hostile", "The file declares a DTD or entities, which an nmap report "
		    "never does: it was refused unread.");
}

static void XMLCALL
on_entity(void *data, const XML_Char *name, int is_param, const XML_Char *value,
    int value_len, const XML_Char *base, const XML_Char *sysid, const XML_Char *pubid,
    const XML_Char *notation)
{
	(void)name; (void)is_param; (void)value; (void)value_len; (void)base; (void)sysid;
	(void)pubid; (void)notation;
	fail(data, "hostile", "The file declares entities, which an nmap report never does: "
	    "it was refused unread.");
}

/* Never fetch anything a document names. */
static int XMLCALL
on_external(XML_Parser p, const XML_Char *context, const XML_Char *base,
    const XML_Char *sysid, const XML_Char *pubid)
{
	(void)context; (void)base; (void)sysid; (void)pubid;
	fail(XML_GetUserData(p), "hostile", "The file refers to an external entity: it was "
	    "refused unread.");
	return XML_STATUS_ERROR;
}

int
rp_nmap_read(struct rp_arena *a, const char *text, size_t len, const char *field,
    struct rp_scan_doc *doc, struct rp_scan_err *err)
{
	struct nr r;
	enum XML_Status st;

	memset(err, 0, sizeof(*err));
	rp_scan_doc_init(doc, a, "nmap_xml");
	/* The cap comes first: a big file is not read at all. */
	if (rp_scan_check_size(len, field, err) != 0)
		return -1;
	memset(&r, 0, sizeof(r));
	r.a = a;
	r.doc = doc;
	r.err = err;
	r.field = field;
	/* NULL: the declared encoding (UTF-8, UTF-16, ISO-8859-1, US-ASCII);
	 * expat hands everything over as UTF-8. */
	if ((r.p = XML_ParserCreate(NULL)) == NULL)
		return rp_scan_fail(err, field, NULL, "unreadable",
		    "The file could not be read now; try again.");
	XML_SetUserData(r.p, &r);
	XML_SetElementHandler(r.p, on_start, on_end);
	XML_SetStartDoctypeDeclHandler(r.p, on_doctype);
	XML_SetEntityDeclHandler(r.p, on_entity);
	XML_SetExternalEntityRefHandler(r.p, on_external);
	XML_SetParamEntityParsing(r.p, XML_PARAM_ENTITY_PARSING_NEVER);
	st = len > INT_MAX ? XML_STATUS_ERROR : XML_Parse(r.p, text, (int)len, XML_TRUE);
	if (st != XML_STATUS_OK && !r.failed) {
		enum XML_Error e = XML_GetErrorCode(r.p);
		rp_scan_fail(err, field, NULL, "malformed", "The file is not well-formed XML.");
		err->detail = XML_ErrorString(e);
		err->line = XML_GetCurrentLineNumber(r.p);
		err->column = XML_GetCurrentColumnNumber(r.p) + 1;
	} else if (st == XML_STATUS_OK && r.doc->scanned_at == 0) {
		rp_scan_fail(err, field, NULL, "not_nmap", "This is not an nmap XML report (nmap -oX).");
		r.failed = true;
	}
	XML_ParserFree(r.p);
	return st == XML_STATUS_OK && !r.failed ? 0 : -1;
}
