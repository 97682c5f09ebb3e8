/* Unit tests of the external scan's readers and rules: nmap XML reports
 * (real ones, malformed ones, hostile ones: billion laughs, external
 * entities, a 50 MB input refused before parsing), the JSON format and
 * its sample in docs/, the severity table, and scan targets (domains,
 * addresses, networks). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ClearSilver.h>
#include <json.h>

#include "arena.h"
#include "enums.h"
#include "netaddr.h"
#include "nmap.h"
#include "scandoc.h"
#include "tap.h"
#include "util.h"

static struct rp_arena *a;
static struct rp_scan_doc doc;
static struct rp_scan_err err;

/* The bytes of a file of the source tree, in the arena. */
static char *
slurp(const char *rel, size_t *len)
{
	char path[4096];
	FILE *f;
	long n;
	char *buf;

	snprintf(path, sizeof(path), "%s/%s", TOP_SRCDIR, rel);
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		printf("# cannot read %s\n", path);
		exit(1);
	}
	buf = rp_alloc(a, (size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* Read an XML text and finish it: 0, or -1 with err set. */
static int
xml(const char *text, size_t len)
{
	if (rp_nmap_read(a, text, len, "file", &doc, &err) != 0)
		return -1;
	return rp_scan_finish(&doc, false, "file", &err);
}

static int
xml_file(const char *rel)
{
	size_t len;
	const char *text = slurp(rel, &len);

	return xml(text, len);
}

static int
json(const char *text)
{
	if (rp_scan_from_json_text(a, text, strlen(text), "file", &doc, &err) != 0)
		return -1;
	return rp_scan_finish(&doc, true, "file", &err);
}

/* The finding of host, port and protocol, or NULL. */
static const struct rp_scan_finding *
find(const char *host, long port, const char *proto)
{
	for (size_t i = 0; i < doc.nfindings; i++)
		if (strcmp(doc.findings[i].host, host) == 0 && doc.findings[i].port == port &&
		    strcmp(doc.findings[i].protocol, proto) == 0)
			return &doc.findings[i];
	return NULL;
}

static void
finding(const char *host, long port, const char *proto, const char *rule, int sev,
    const char *service)
{
	const struct rp_scan_finding *f = find(host, port, proto);
	char name[128];

	snprintf(name, sizeof(name), "%s %ld/%s", host, port, proto);
	ok(f != NULL, "%s: found", name);
	if (f == NULL)
		return;
	is_str(f->rule, rule, name);
	is_int(f->severity, sev, name);
	if (service)
		is_str(f->service, service, name);
}

static void
refused(int rc, int status, const char *code, const char *path, const char *name)
{
	ok(rc == -1, "%s: refused", name);
	is_int(err.status, status, name);
	is_str(err.code, code, name);
	is_str(err.path, path, name);
	ok(err.msg != NULL && err.field != NULL, "%s: a message and a field", name);
}

static double
seconds_since(struct timespec t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* ------------------------------------------------------------- nmap XML --- */

static void
test_real_reports(void)
{
	ok(xml_file("tests/unit/fixtures/nmap-office.xml") == 0, "office report read");
	is_int(doc.scanned_at, 1728116100, "start time is the scan's date");
	is_str(doc.scanner, "nmap 7.94", "scanner and version");
	is_str(doc.format, "nmap_xml", "format");
	is_int(doc.hosts, 2, "two hosts up (the down one and the host hints left out)");
	is_int(doc.nfindings, 9, "nine open ports (closed and filtered ones left out)");
	finding("203.0.113.10", 22, "tcp", "ssh", RP_SEV_LOW, "ssh");
	finding("203.0.113.10", 80, "tcp", "http", RP_SEV_MEDIUM, "http");
	finding("203.0.113.10", 443, "tcp", "https", RP_SEV_LOW, "https");
	finding("203.0.113.10", 3389, "tcp", "rdp", RP_SEV_HIGH, "ms-wbt-server");
	finding("203.0.113.11", 21, "tcp", "ftp", RP_SEV_MEDIUM, "ftp");
	finding("203.0.113.11", 445, "tcp", "smb", RP_SEV_HIGH, "microsoft-ds");
	finding("203.0.113.11", 161, "udp", "snmp", RP_SEV_MEDIUM, "snmp");
	finding("203.0.113.11", 500, "udp", "other", RP_SEV_INFO, "isakmp");
	finding("203.0.113.11", 4443, "tcp", "https", RP_SEV_LOW, "https");
	ok(find("203.0.113.10", 3306, "tcp") == NULL, "a closed port is no finding");
	ok(find("203.0.113.10", 8443, "tcp") == NULL, "a filtered port is no finding");
	ok(find("203.0.113.12", 80, "tcp") == NULL, "a down host brings nothing");
	const struct rp_scan_finding *f = find("203.0.113.10", 22, "tcp");
	if (f != NULL) {
		is_str(f->hostname, "www.boulangerie-exemple.fr", "a user-given name beats PTR");
		is_str(f->product, "OpenSSH", "product");
		is_str(f->version, "9.2p1 Debian 2+deb12u3", "version");
	}
	f = find("203.0.113.11", 21, "tcp");
	if (f != NULL)
		is_str(f->hostname, "fw.boulangerie-exemple.fr", "a PTR name when it is the only one");
	is_int(doc.by_severity[RP_SEV_HIGH], 2, "high: RDP and SMB");
	is_int(doc.by_severity[RP_SEV_MEDIUM], 3, "medium: HTTP, FTP, SNMP");
	is_int(doc.by_severity[RP_SEV_LOW], 3, "low: SSH and two HTTPS");
	is_int(doc.by_severity[RP_SEV_INFO], 1, "info: IKE");

	/* A report nmap 7.93 (Debian 12) wrote itself: `nmap -sT -sV
	 * --version-light -p 1-10000 -oX nmap-localhost.xml 127.0.0.1`, with
	 * its stylesheet instruction, comment and bare DOCTYPE. */
	ok(xml_file("tests/unit/fixtures/nmap-localhost.xml") == 0, "nmap's own report read");
	is_str(doc.scanner, "nmap 7.93", "nmap's own: scanner and version");
	is_int(doc.scanned_at, 1795674626, "nmap's own: its start time");
	is_int(doc.hosts, 1, "nmap's own: one host up");
	is_int(doc.nfindings, 3, "nmap's own: three open ports");
	finding("127.0.0.1", 8080, "tcp", "http", RP_SEV_MEDIUM, "http");
	const struct rp_scan_finding *g = find("127.0.0.1", 8080, "tcp");
	if (g != NULL)
		is_str(g->product, "nginx", "nmap's own: the product");

	ok(xml_file("tests/unit/fixtures/nmap-office-later.xml") == 0, "later report read");
	is_int(doc.scanned_at, 1731749400, "its date");
	is_int(doc.hosts, 3, "three hosts up");
	is_int(doc.nfindings, 9, "nine open ports");
	finding("203.0.113.10", 3306, "tcp", "mysql", RP_SEV_HIGH, "mysql");
	finding("203.0.113.13", 23, "tcp", "telnet", RP_SEV_HIGH, "telnet");
	ok(find("203.0.113.10", 3389, "tcp") == NULL, "RDP filtered now");
	ok(find("203.0.113.10", 80, "tcp") == NULL, "HTTP closed now");
}

static void
test_refused_xml(void)
{
	struct timespec t0;
	const char *s;
	size_t len;
	char *big;

	refused(xml_file("tests/unit/fixtures/nmap-truncated.xml"), 400, "malformed", NULL,
	    "a truncated report");
	ok(err.line > 0 && err.column > 0, "the fault has a line and a column");
	ok(err.detail != NULL, "and the parser's words");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	refused(xml_file("tests/unit/fixtures/nmap-billion-laughs.xml"), 400, "hostile", NULL,
	    "billion laughs");
	ok(seconds_since(t0) < 0.5, "billion laughs refused at once (%.4f s)", seconds_since(t0));
	ok(err.line == 2, "at the DOCTYPE (line %zu)", err.line);
	is_int(doc.nfindings, 0, "nothing read");

	refused(xml_file("tests/unit/fixtures/nmap-xxe.xml"), 400, "hostile", NULL,
	    "an external entity (file:///etc/passwd)");
	ok(err.detail == NULL || strstr(err.detail, "root:") == NULL, "nothing of the file read");
	refused(xml_file("tests/unit/fixtures/nmap-external-dtd.xml"), 400, "hostile", NULL,
	    "an external DTD");

	/* An undeclared entity is an error, never a fetch. */
	s = "<?xml version=\"1.0\"?><nmaprun start=\"1728116100\"><host><status state=\"up\"/>"
	    "<address addr=\"203.0.113.1\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" "
	    "portid=\"1\"><state state=\"open\"/><service name=\"&xxe;\"/></port></ports></host>"
	    "</nmaprun>";
	refused(xml(s, strlen(s)), 400, "malformed", NULL, "an undeclared entity");

	/* 50 MB: refused by the cap, not by the parser (it is not XML). */
	len = 50u * 1024 * 1024;
	big = malloc(len);
	memset(big, 'x', len);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	refused(xml(big, len), 413, "too_large", NULL, "50 MB");
	ok(seconds_since(t0) < 0.1, "refused before parsing (%.4f s)", seconds_since(t0));
	free(big);
	len = RP_SCAN_MAX_BYTES + 1;
	big = malloc(len);
	memset(big, ' ', len);
	refused(xml(big, len), 413, "too_large", NULL, "one byte over 5 MiB");
	free(big);

	s = "<?xml version=\"1.0\"?><report start=\"1\"/>";
	refused(xml(s, strlen(s)), 400, "not_nmap", NULL, "another root element");
	s = "{\"hosts\":[]}";
	refused(xml(s, strlen(s)), 400, "malformed", NULL, "not XML at all");
	s = "<nmaprun scanner=\"nmap\"></nmaprun>";
	refused(xml(s, strlen(s)), 400, "invalid", NULL, "no start time");
	s = "<nmaprun start=\"1728116100\"><host><status state=\"up\"/><address addr=\"203.0.113.1\" "
	    "addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"70000\"><state state=\"open\"/>"
	    "</port></ports></host></nmaprun>";
	refused(xml(s, strlen(s)), 400, "invalid", NULL, "port 70000");
	ok(err.line == 1 && err.column > 1, "at its element");
	s = "<nmaprun start=\"1728116100\"><host><status state=\"up\"/><address addr=\"203.0.113.1\" "
	    "addrtype=\"ipv4\"/><ports><port protocol=\"icmp\" portid=\"7\"><state state=\"open\"/>"
	    "</port></ports></host></nmaprun>";
	refused(xml(s, strlen(s)), 400, "invalid", NULL, "protocol icmp");
	s = "<nmaprun start=\"1728116100\"><host><status state=\"up\"/><address addr=\"203.0.113.300\" "
	    "addrtype=\"ipv4\"/></host></nmaprun>";
	refused(xml(s, strlen(s)), 400, "invalid", NULL, "a bad address");
	s = "<nmaprun start=\"1728116100\"><host><status state=\"up\"/>"
	    "<address addr=\"00:11:22:33:44:55\" addrtype=\"mac\"/><ports><port protocol=\"tcp\" "
	    "portid=\"80\"><state state=\"open\"/></port></ports></host></nmaprun>";
	refused(xml(s, strlen(s)), 400, "invalid", NULL, "open ports of a host without an IP");
}

static void
test_xml_details(void)
{
	const char *s;

	/* The same address listed twice (two targets naming it): one finding. */
	s = "<nmaprun start=\"1728116100\">"
	    "<host><status state=\"up\"/><address addr=\"203.0.113.5\" addrtype=\"ipv4\"/>"
	    "<ports><port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/>"
	    "<service name=\"https\"/></port></ports></host>"
	    "<host><status state=\"up\"/><address addr=\"203.0.113.5\" addrtype=\"ipv4\"/>"
	    "<hostnames><hostname name=\"shop.example.fr\" type=\"user\"/></hostnames>"
	    "<ports><port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/>"
	    "<service name=\"https\"/></port></ports></host></nmaprun>";
	ok(xml(s, strlen(s)) == 0, "an address listed twice");
	is_int(doc.nfindings, 1, "one finding");
	if (doc.nfindings == 1)
		is_str(doc.findings[0].hostname, "shop.example.fr", "with the name one of them gave");
	/* IPv6, compressed; ISO-8859-1 read as UTF-8. */
	s = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nmaprun start=\"1728116100\">"
	    "<host><status state=\"up\"/><address addr=\"2001:DB8:0:0:0:0:0:25\" addrtype=\"ipv6\"/>"
	    "<ports><port protocol=\"tcp\" portid=\"25\"><state state=\"open\"/>"
	    "<service name=\"smtp\" product=\"Messagerie \xe9t\xe9\"/></port></ports></host></nmaprun>";
	ok(xml(s, strlen(s)) == 0, "IPv6 and Latin-1");
	finding("2001:db8::25", 25, "tcp", "other", RP_SEV_INFO, "smtp");
	if (doc.nfindings == 1)
		is_str(doc.findings[0].product, "Messagerie \xc3\xa9t\xc3\xa9", "text in UTF-8");
	/* An empty report (every host down) is a scan that found nothing. */
	s = "<nmaprun scanner=\"nmap\" start=\"1728116100\" version=\"7.94\"><runstats>"
	    "<hosts up=\"0\" down=\"8\" total=\"8\"/></runstats></nmaprun>";
	ok(xml(s, strlen(s)) == 0, "no host up");
	is_int(doc.hosts, 0, "zero hosts");
	is_int(doc.nfindings, 0, "zero findings");
}

/* -------------------------------------------------------------- rules --- */

static void
rule(long port, const char *proto, const char *service, const char *key, int sev)
{
	const char *r;
	int s = rp_scan_classify(port, proto, service, &r);
	char name[128];

	snprintf(name, sizeof(name), "%ld/%s %s", port, proto, service ? service : "");
	is_str(r, key, name);
	is_int(s, sev, name);
}

static void
test_rules(void)
{
	static const long high_db[] = { 1433, 3306, 5432, 27017, 6379 };

	rule(3389, "tcp", "", "rdp", RP_SEV_HIGH);
	rule(445, "tcp", "", "smb", RP_SEV_HIGH);
	rule(139, "tcp", "netbios-ssn", "smb", RP_SEV_HIGH);
	rule(23, "tcp", NULL, "telnet", RP_SEV_HIGH);
	rule(5900, "tcp", "", "vnc", RP_SEV_HIGH);
	for (size_t i = 0; i < RP_NELEM(high_db); i++) {
		const char *r;
		int s = rp_scan_classify(high_db[i], "tcp", "", &r);
		ok(s == RP_SEV_HIGH, "database port %ld is high (%s)", high_db[i], r);
	}
	rule(21, "tcp", "", "ftp", RP_SEV_MEDIUM);
	rule(80, "tcp", "", "http", RP_SEV_MEDIUM);
	rule(161, "udp", "", "snmp", RP_SEV_MEDIUM);
	rule(443, "tcp", "", "https", RP_SEV_LOW);
	rule(22, "tcp", "", "ssh", RP_SEV_LOW);
	rule(12345, "tcp", "", "other", RP_SEV_INFO);
	rule(12345, "tcp", NULL, "other", RP_SEV_INFO);
	/* A service moved to another port is as exposed. */
	rule(13389, "tcp", "ms-wbt-server", "rdp", RP_SEV_HIGH);
	rule(2222, "tcp", "ssh", "ssh", RP_SEV_LOW);
	rule(8081, "tcp", "HTTP", "http", RP_SEV_MEDIUM);
	/* Plain HTTP on 443 is still clear text: the worst reading wins. */
	rule(443, "tcp", "http", "http", RP_SEV_MEDIUM);
	rule(22, "tcp", "telnet", "telnet", RP_SEV_HIGH);
	/* Ports belong to their protocol. */
	rule(3389, "udp", "", "other", RP_SEV_INFO);
	rule(161, "tcp", "", "other", RP_SEV_INFO);

	/* Every rule has its words in both languages (labels and advice). */
	const char *key;
	int sev, n = 0, missing = 0;
	for (int l = 0; l < 2; l++) {
		HDF *h = NULL;
		char path[4096];
		snprintf(path, sizeof(path), "%s/www/lang/%s.hdf", TOP_SRCDIR, l ? "en" : "fr");
		if (hdf_init(&h) != STATUS_OK || hdf_read_file(h, path) != STATUS_OK) {
			ok(0, "read %s", path);
			continue;
		}
		for (size_t i = 0; rp_scan_rule(i, &key, &sev); i++, n++) {
			char k[128];
			snprintf(k, sizeof(k), "Lang.scan.rules.%s", key);
			missing += hdf_get_value(h, k, NULL) == NULL;
			snprintf(k, sizeof(k), "Lang.scan.advice.%s", key);
			missing += hdf_get_value(h, k, NULL) == NULL;
			ok(rp_scan_severity_key(sev) != NULL, "rule %s has a severity", key);
		}
		hdf_destroy(&h);
	}
	ok(n > 30 && missing == 0, "%d rules worded in fr and en, %d texts missing", n / 2, missing);
	ok(rp_scan_rule(n / 2 - 1, &key, &sev) && strcmp(key, "other") == 0 && sev == RP_SEV_INFO,
	    "the last rule is the info catch-all");
}

/* The documentation's table lists the rules in the table's order, with
 * their severity: "| high | `rdp` remote desktop | ...". */
static void
test_rules_documented(void)
{
	size_t len, i = 0;
	char *text = slurp("docs/external-scan-format.md", &len), *line, *save = NULL;
	const char *key;
	int sev, bad = 0;

	for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		char sevname[16], rule[40];
		if (sscanf(line, "| %15[a-z] | `%39[a-z]`", sevname, rule) != 2 ||
		    rp_enum_parse(&rp_scan_severities, sevname) < 0)
			continue;
		if (!rp_scan_rule(i++, &key, &sev) || strcmp(key, rule) != 0 ||
		    strcmp(rp_scan_severity_key(sev), sevname) != 0) {
			printf("# documented %s %s, table has %s\n", sevname, rule, key ? key : "-");
			bad++;
		}
	}
	ok(i > 15 && bad == 0 && !rp_scan_rule(i, &key, &sev),
	    "docs/external-scan-format.md lists the %zu rules in order", i);
}

/* ---------------------------------------------------------------- JSON --- */

#define JHEAD "{\"scanned_at\":\"2024-12-02T07:45:00Z\",\"hosts\":["

static void
test_json(void)
{
	size_t len;
	const char *text = slurp("docs/external-scan-sample.json", &len);
	char *big;

	ok(rp_scan_from_json_text(a, text, len, "file", &doc, &err) == 0 &&
	    rp_scan_finish(&doc, true, "file", &err) == 0, "the sample of docs/ is read");
	is_int(doc.scanned_at, 1733125500, "its date");
	is_str(doc.scanner, "masscan 1.3.2 + manual checks", "its scanner");
	is_int(doc.hosts, 3, "three hosts");
	is_int(doc.nfindings, 4, "four open ports (a filtered one left out)");
	finding("203.0.113.10", 22, "tcp", "ssh", RP_SEV_LOW, "ssh");
	finding("203.0.113.10", 443, "tcp", "https", RP_SEV_LOW, "https");
	finding("2001:db8::25", 25, "tcp", "other", RP_SEV_INFO, "smtp");
	finding("2001:db8::25", 5432, "tcp", "postgresql", RP_SEV_HIGH, "postgresql");

	ok(json("\xef\xbb\xbf" JHEAD "]}") == 0, "a BOM is skipped; no host is a scan too");
	refused(json("{\"hosts\":[]}"), 400, "required", "scanned_at", "no date");
	refused(json("{\"scanned_at\":\"2024-02-30T00:00:00Z\",\"hosts\":[]}"), 400, "invalid",
	    "scanned_at", "30 February");
	refused(json("{\"scanned_at\":\"2024-12-02 07:45:00\",\"hosts\":[]}"), 400, "invalid",
	    "scanned_at", "not ISO 8601 UTC");
	refused(json("{\"scanned_at\":\"2024-12-02T07:45:00Z\"}"), 400, "required", "hosts",
	    "no hosts");
	refused(json(JHEAD "],\"colour\":\"red\"}"), 400, "unknown_field", "colour",
	    "an unknown field");
	refused(json(JHEAD "{\"address\":\"203.0.113.300\"}]}"), 400, "invalid",
	    "hosts[0].address", "a bad address");
	refused(json(JHEAD "{\"hostname\":\"a.fr\"}]}"), 400, "required", "hosts[0].address",
	    "no address");
	refused(json(JHEAD "{\"address\":\"203.0.113.1\",\"hostname\":\"-x.fr\"}]}"), 400,
	    "invalid", "hosts[0].hostname", "a bad host name");
	refused(json(JHEAD "{\"address\":\"203.0.113.1\",\"ports\":[{\"port\":\"80\"}]}]}"), 400,
	    "invalid", "hosts[0].ports[0].port", "a port as a string");
	refused(json(JHEAD "{\"address\":\"203.0.113.1\",\"ports\":[{\"port\":65536}]}]}"), 400,
	    "out_of_range", "hosts[0].ports[0].port", "port 65536");
	refused(json(JHEAD "{\"address\":\"203.0.113.1\",\"ports\":[{\"port\":80,"
	    "\"protocol\":\"icmp\"}]}]}"), 400, "invalid", "hosts[0].ports[0].protocol",
	    "protocol icmp");
	refused(json(JHEAD "{\"address\":\"203.0.113.1\",\"ports\":[{\"port\":80,"
	    "\"state\":\"ajar\"}]}]}"), 400, "invalid", "hosts[0].ports[0].state", "state ajar");
	refused(json(JHEAD "{\"address\":\"203.0.113.1\",\"ports\":[{\"port\":80,"
	    "\"banner\":\"x\"}]}]}"), 400, "unknown_field", "hosts[0].ports[0].banner",
	    "an unknown port field");
	refused(json(JHEAD "{\"address\":\"203.0.113.1\",\"ports\":[{\"port\":80}]},"
	    "{\"address\":\"203.0.113.1\",\"ports\":[{\"port\":80,\"protocol\":\"tcp\"}]}]}"),
	    400, "duplicate", "hosts[1].ports[0]", "the same port twice");
	refused(json("[1,2]"), 400, "invalid", NULL, "not an object");
	refused(json("{\"scanned_at\":"), 400, "unreadable", NULL, "not JSON");
	len = RP_SCAN_MAX_BYTES + 16;
	big = malloc(len + 1);
	memset(big, ' ', len);
	memcpy(big, "{\"hosts\":[]}", 12);
	big[len] = '\0';
	refused(json(big), 413, "too_large", NULL, "JSON over 5 MiB");
	free(big);
}

/* ------------------------------------------------------------- targets --- */

static void
target(const char *in, enum rp_net_kind kind, const char *out)
{
	struct rp_net_target t;
	const char *msg;
	int rc = rp_net_target_parse(in, &t, &msg);

	ok(rc == 0, "target '%s' accepted", in);
	if (rc == 0) {
		is_int(t.kind, kind, in);
		is_str(t.text, out, in);
	}
}

static void
bad_target(const char *in)
{
	struct rp_net_target t;
	const char *msg = NULL;

	ok(rp_net_target_parse(in, &t, &msg) == -1 && msg != NULL, "target '%s' refused (%s)",
	    in, msg ? msg : "");
}

static bool
covers(const char *target_text, const char *ip, const char *name)
{
	struct rp_net_target t;
	const char *msg;

	return rp_net_target_parse(target_text, &t, &msg) == 0 &&
	    rp_net_target_covers(&t, ip, name);
}

static void
test_targets(void)
{
	static const char *const refused_targets[] = {
		"", "localhost", "exa_mple.fr", "-a.fr", "a-.fr", "a..fr", "10.0.0", "1.2.3.4.5",
		"010.1.2.3", "256.1.1.1", "127.0.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255",
		"203.0.113.0/23", "203.0.113.0/8", "203.0.113.0/", "203.0.113.0/33",
		"203.0.113.0/-1", "2001:db8::/64", "::1", "::", "ff02::1", "2001:db8:::1",
		"fe80::1%eth0", "m\xc3\xbcnchen.de", "exemple.fr/admin", "http://exemple.fr",
		"*.exemple.fr", "exemple.123",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.fr",
	};

	target("Exemple.FR.", RP_NET_DOMAIN, "exemple.fr");
	target("www.boulangerie-exemple.fr", RP_NET_DOMAIN, "www.boulangerie-exemple.fr");
	target("xn--mnchen-3ya.de", RP_NET_DOMAIN, "xn--mnchen-3ya.de");
	target("203.0.113.7", RP_NET_IPV4, "203.0.113.7");
	target("203.0.113.7/24", RP_NET_CIDR, "203.0.113.0/24");
	target("203.0.113.77/28", RP_NET_CIDR, "203.0.113.64/28");
	target("203.0.113.7/32", RP_NET_IPV4, "203.0.113.7");
	target("10.1.2.3", RP_NET_IPV4, "10.1.2.3");
	target("2001:DB8:0:0:0:0:0:1", RP_NET_IPV6, "2001:db8::1");
	target("2001:db8::a:0:0:1", RP_NET_IPV6, "2001:db8::a:0:0:1");
	for (size_t i = 0; i < RP_NELEM(refused_targets); i++)
		bad_target(refused_targets[i]);

	ok(covers("203.0.113.0/24", "203.0.113.7", NULL), "a network covers its addresses");
	ok(!covers("203.0.113.0/24", "203.0.114.7", NULL), "and no other");
	ok(covers("203.0.113.7", "203.0.113.7", ""), "an address covers itself");
	ok(!covers("203.0.113.7", "2001:db8::1", ""), "and not an IPv6 one");
	ok(covers("2001:db8::1", "2001:db8::1", ""), "an IPv6 address covers itself");
	ok(covers("exemple.fr", "203.0.113.7", "www.exemple.fr"), "a domain covers its subdomains");
	ok(covers("exemple.fr", "203.0.113.7", "Exemple.FR."), "and itself, case ignored");
	ok(!covers("exemple.fr", "203.0.113.7", "monexemple.fr"), "not a name merely ending alike");
	ok(!covers("exemple.fr", "203.0.113.7", ""), "nor a host without a name");
}

int
main(void)
{
	a = rp_arena_new(1 << 16);
	test_real_reports();
	test_refused_xml();
	test_xml_details();
	test_rules();
	test_rules_documented();
	test_json();
	test_targets();
	rp_arena_free(a);
	return done_testing();
}
