/* Network names and addresses as the external scan reads them: domain
 * names, IPv4 and IPv6 addresses and small IPv4 networks, checked and
 * written one way only (normalised), and whether a host falls within a
 * declared target. Pure: no request, no database. */
#ifndef RP_NETADDR_H
#define RP_NETADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The kinds of a scan target, in the order of rp_scan_target_kinds
 * (app/enums.h). */
enum rp_net_kind { RP_NET_DOMAIN, RP_NET_IPV4, RP_NET_IPV6, RP_NET_CIDR };

/* The widest IPv4 network a target may name: /24, 256 addresses. */
#define RP_NET_MIN_PREFIX	24
/* Longest normalised text: a domain name of 253 characters. */
#define RP_NET_MAXTEXT		256

struct rp_net_target {
	enum rp_net_kind kind;
	char		 text[RP_NET_MAXTEXT];	/* the normalised value */
	uint32_t	 net, mask;		/* IPv4 and CIDR, host order */
	unsigned char	 v6[16];		/* IPv6 */
};

/* Read s as a target: "example.fr" (lower-cased, a final dot dropped),
 * "203.0.113.7", "2001:db8::1" (compressed, lower case) or
 * "203.0.113.0/24" (prefix /24 to /32; host bits cleared; a /32 is an
 * address). International names are written in their xn-- form;
 * loopback, multicast and reserved addresses are refused (nothing to
 * scan from outside). Returns 0 with *t set, or -1 with *msg (fixed
 * English text). */
int rp_net_target_parse(const char *s, struct rp_net_target *t, const char **msg);

/* Normalise an IPv4 or IPv6 address (no network) into out, which holds
 * at least 46 bytes. Returns 4 or 6, or 0 when s is not an address. */
int rp_net_ip_normalise(const char *s, char *out, size_t outlen);

/* Normalise a DNS host name into out (RP_NET_MAXTEXT bytes): ASCII
 * letters, digits and hyphens in labels of 1 to 63 characters, at least
 * two labels, a top-level label that is not all digits, 253 characters
 * at most. Returns true when s is one. */
bool rp_net_domain_normalise(const char *s, char *out, size_t outlen);

/* Does target t cover the host at ip (normalised) named hostname ("" or
 * NULL when unknown)? An address or network covers the addresses it
 * names; a domain covers itself and its subdomains. */
bool rp_net_target_covers(const struct rp_net_target *t, const char *ip,
    const char *hostname);

#endif
