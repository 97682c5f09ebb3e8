/* Domain names, IP addresses and IPv4 networks: parsing and normal forms. */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "netaddr.h"
#include "util.h"

#define MAX_DOMAIN	253
#define MAX_LABEL	63

/* IPv4 blocks no outside scan reaches: "this network", loopback,
 * multicast and the reserved block up to the broadcast address. */
static const struct {
	uint32_t	 net, mask;
} v4_refused[] = {
	{ 0x00000000u, 0xff000000u },	/* 0.0.0.0/8 */
	{ 0x7f000000u, 0xff000000u },	/* 127.0.0.0/8 */
	{ 0xe0000000u, 0xe0000000u },	/* 224.0.0.0/3 */
};

static bool
v4_scannable(uint32_t a)
{
	for (size_t i = 0; i < RP_NELEM(v4_refused); i++)
		if ((a & v4_refused[i].mask) == v4_refused[i].net)
			return false;
	return true;
}

/* The unspecified address, loopback and multicast (ff00::/8). */
static bool
v6_scannable(const unsigned char *a)
{
	static const unsigned char zero[15];

	if (memcmp(a, zero, 15) == 0 && (a[15] == 0 || a[15] == 1))
		return false;
	return a[0] != 0xff;
}

bool
rp_net_domain_normalise(const char *s, char *out, size_t outlen)
{
	size_t n = strlen(s), label = 0, labels = 0, last = 0;
	bool digits_only = true;

	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0 || n > MAX_DOMAIN || n + 1 > outlen)
		return false;
	for (size_t i = 0; i <= n; i++) {
		char c = i < n ? s[i] : '.';
		if (c == '.') {
			/* Labels: 1..63 characters, no hyphen at either end. */
			if (label == 0 || label > MAX_LABEL || out[i - 1] == '-' ||
			    out[i - label] == '-')
				return false;
			labels++;
			last = i - label;
			label = 0;
			if (i < n)
				out[i] = '.';
			continue;
		}
		if (!isascii((unsigned char)c) || !(isalnum((unsigned char)c) || c == '-'))
			return false;
		out[i] = (char)tolower((unsigned char)c);
		label++;
	}
	out[n] = '\0';
	for (size_t i = last; i < n; i++)
		digits_only &= isdigit((unsigned char)out[i]) != 0;
	/* "10.0.0" is a mistyped address, not a name. */
	return labels >= 2 && !digits_only;
}

int
rp_net_ip_normalise(const char *s, char *out, size_t outlen)
{
	unsigned char buf[16];

	if (strchr(s, ':') == NULL) {
		if (inet_pton(AF_INET, s, buf) != 1 ||
		    inet_ntop(AF_INET, buf, out, (socklen_t)outlen) == NULL)
			return 0;
		return 4;
	}
	/* A zone ("fe80::1%eth0") names an interface of the scanner's host,
	 * not an address anyone else can reach: inet_pton refuses it. */
	if (inet_pton(AF_INET6, s, buf) != 1 ||
	    inet_ntop(AF_INET6, buf, out, (socklen_t)outlen) == NULL)
		return 0;
	return 6;
}

static uint32_t
v4_of(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static void
v4_text(uint32_t a, char *out, size_t outlen)
{
	snprintf(out, outlen, "%u.%u.%u.%u", a >> 24, (a >> 16) & 0xff, (a >> 8) & 0xff,
	    a & 0xff);
}

/* "a.b.c.d/n" into t. Returns 0, or -1 with *msg. */
static int
parse_cidr(const char *s, const char *slash, struct rp_net_target *t, const char **msg)
{
	char addr[INET_ADDRSTRLEN];
	unsigned char b[4];
	long long prefix;
	size_t n = (size_t)(slash - s);

	if (strchr(s, ':') != NULL) {
		*msg = "IPv6 networks are not supported: list the addresses one by one.";
		return -1;
	}
	if (n < sizeof(addr)) {
		memcpy(addr, s, n);
		addr[n] = '\0';
	}
	if (n >= sizeof(addr) || rp_strtonum(slash + 1, 0, 32, &prefix) != 0 ||
	    inet_pton(AF_INET, addr, b) != 1) {
		*msg = "Write a network as an IPv4 address, a slash and a prefix length, "
		    "e.g. 203.0.113.0/24.";
		return -1;
	}
	if (prefix < RP_NET_MIN_PREFIX) {
		*msg = "A network may hold at most 256 addresses: use a prefix of /24 or longer.";
		return -1;
	}
	t->mask = (uint32_t)(0xffffffffull << (32 - prefix));
	t->net = v4_of(b) & t->mask;
	if (!v4_scannable(t->net)) {
		*msg = "This network cannot be scanned from outside (loopback, multicast or "
		    "reserved addresses).";
		return -1;
	}
	t->kind = prefix == 32 ? RP_NET_IPV4 : RP_NET_CIDR;
	v4_text(t->net, t->text, sizeof(t->text));
	if (t->kind == RP_NET_CIDR)
		snprintf(t->text + strlen(t->text), sizeof(t->text) - strlen(t->text), "/%lld",
		    prefix);
	return 0;
}

int
rp_net_target_parse(const char *s, struct rp_net_target *t, const char **msg)
{
	const char *slash = strchr(s, '/');
	unsigned char b[16];

	memset(t, 0, sizeof(*t));
	*msg = NULL;
	if (slash != NULL)
		return parse_cidr(s, slash, t, msg);
	switch (rp_net_ip_normalise(s, t->text, sizeof(t->text))) {
	case 4:
		inet_pton(AF_INET, t->text, b);
		t->kind = RP_NET_IPV4;
		t->net = v4_of(b);
		t->mask = 0xffffffffu;
		if (!v4_scannable(t->net))
			goto unscannable;
		return 0;
	case 6:
		inet_pton(AF_INET6, t->text, t->v6);
		t->kind = RP_NET_IPV6;
		if (!v6_scannable(t->v6))
			goto unscannable;
		return 0;
	default:
		break;
	}
	if (strchr(s, ':') != NULL) {
		*msg = "This is not a valid IPv6 address.";
		return -1;
	}
	if (strspn(s, "0123456789.") == strlen(s)) {
		*msg = "This is not a valid IPv4 address: four numbers from 0 to 255, "
		    "without leading zeros.";
		return -1;
	}
	for (const char *p = s; *p; p++)
		if (!isascii((unsigned char)*p)) {
			*msg = "Write an international domain name in its ASCII (xn--) form.";
			return -1;
		}
	if (!rp_net_domain_normalise(s, t->text, sizeof(t->text))) {
		*msg = "Give a domain name (e.g. example.fr), an IP address or an IPv4 network "
		    "(e.g. 203.0.113.0/24).";
		return -1;
	}
	t->kind = RP_NET_DOMAIN;
	return 0;
unscannable:
	*msg = "This address cannot be scanned from outside (loopback, multicast or reserved).";
	return -1;
}

bool
rp_net_target_covers(const struct rp_net_target *t, const char *ip, const char *hostname)
{
	unsigned char b[16];
	size_t n, m;

	switch (t->kind) {
	case RP_NET_IPV4:
	case RP_NET_CIDR:
		return ip != NULL && inet_pton(AF_INET, ip, b) == 1 &&
		    (v4_of(b) & t->mask) == t->net;
	case RP_NET_IPV6:
		return ip != NULL && inet_pton(AF_INET6, ip, b) == 1 &&
		    memcmp(b, t->v6, 16) == 0;
	case RP_NET_DOMAIN:
		if (hostname == NULL || *hostname == '\0')
			return false;
		n = strlen(hostname);
		m = strlen(t->text);
		if (n > 0 && hostname[n - 1] == '.')
			n--;
		/* The name itself, or a name under it ("www." + name). */
		return (n == m || (n > m && hostname[n - m - 1] == '.')) &&
		    strncasecmp(hostname + n - m, t->text, m) == 0;
	}
	return false;
}
