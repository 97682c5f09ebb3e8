/* Unit tests of the template variables (app/tplvars.c) and of the export
 * helpers that need no database (app/export.c: dates, Excel's text cap). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "export.h"
#include "tap.h"
#include "tplvars.h"
#include "util.h"

static struct rp_arena *a;

/* "ok" or "<what>@<line>". */
static const char *
check(const char *text)
{
	const char *what;
	size_t line;

	if (rp_tplvars_check(a, text, &what, &line) == 0)
		return what == NULL ? "ok" : "ok but what set";
	return rp_printf(a, "%s@%zu", what, line);
}

static void
checking(void)
{
	is_str(check(""), "ok", "empty text");
	is_str(check("no variables { } }} {x}"), "ok", "single braces and closing pairs are text");
	is_str(check("{{client_name}}{{firm_name}} {{vciso_name}}, {{date}}"), "ok",
	    "the four variables");
	is_str(check("a\nb {{foo}}"), "{{foo}}@2", "unknown variable named, with its line");
	is_str(check("{{Client_Name}}"), "\"{{\" not closed@1", "names are lower-case");
	is_str(check("{{ client_name }}"), "\"{{\" not closed@1", "no spaces inside");
	is_str(check("x {{client_name"), "\"{{\" not closed@1", "unclosed");
	is_str(check("{{client_name}"), "\"{{\" not closed@1", "half closed");
	is_str(check("{{}}"), "\"{{\" not closed@1", "empty name");
	is_str(check("ok {{date}}\n\n{{"), "\"{{\" not closed@3", "a trailing {{");
	is_str(check("{{{date}}"), "\"{{\" not closed@1", "three braces: malformed");
	char big[64];
	memset(big, 'x', sizeof(big));
	memcpy(big, "{{", 2);
	memcpy(big + 2 + 41, "}}", 3);
	is_str(check(big), "\"{{\" not closed@1", "a name over 40 characters is not echoed");
	is_str(check("{{client_name}}{{zz9_a}}"), "{{zz9_a}}@1", "the first unknown after known ones");
}

static void
filling(void)
{
	struct rp_tplvals v = { "Acme & Co", "Firm", "Jeanne Dupont", "2026-11-26" };
	struct rp_tplvals none = { 0 };

	is_str(rp_tplvars_fill(a, "", &v), "", "empty");
	is_str(rp_tplvars_fill(a, "Policy of {{client_name}} by {{firm_name}} ({{vciso_name}}), {{date}}.",
	    &v), "Policy of Acme & Co by Firm (Jeanne Dupont), 2026-11-26.", "all four filled");
	is_str(rp_tplvars_fill(a, "{{client_name}}{{client_name}}", &v), "Acme & CoAcme & Co",
	    "adjacent");
	is_str(rp_tplvars_fill(a, "{{foo}} {{ date }} {{date", &v), "{{foo}} {{ date }} {{date",
	    "unknown and malformed kept");
	is_str(rp_tplvars_fill(a, "a {{date}} b", &none), "a  b", "NULL values fill as empty");
	/* A value holding a variable is not expanded again. */
	struct rp_tplvals loop = { "{{date}}", NULL, NULL, "D" };
	is_str(rp_tplvars_fill(a, "{{client_name}}", &loop), "{{date}}", "one pass only");
}

static void
generalising(void)
{
	size_t n;

	is_str(rp_tplvars_generalise(a, "Acme policy: Acme staff", "Acme", &n),
	    "{{client_name}} policy: {{client_name}} staff", "every occurrence");
	is_int(n, 2, "counted");
	is_str(rp_tplvars_generalise(a, "nothing here", "Acme", &n), "nothing here", "no occurrence");
	is_int(n, 0, "none counted");
	is_str(rp_tplvars_generalise(a, "text", "", &n), "text", "empty name: unchanged");
	is_str(rp_tplvars_generalise(a, "text", NULL, &n), "text", "no name: unchanged");
	/* Round trip: generalised then filled gives the text back. */
	struct rp_tplvals v = { "Société Générale", NULL, NULL, NULL };
	const char *t = "La Société Générale applique.";
	is_str(rp_tplvars_fill(a, rp_tplvars_generalise(a, t, v.client_name, &n), &v), t,
	    "generalise then fill is the identity");
}

static void
export_helpers(void)
{
	int y, mo, d, h, mi, s;

	ok(rp_export_parse_date("2026-11-26", &y, &mo, &d, &h, &mi, &s) == 0 && y == 2026 &&
	    mo == 11 && d == 26 && h == 0, "a date");
	ok(rp_export_parse_date("2026-11-26T08:12:22Z", &y, &mo, &d, &h, &mi, &s) == 0 &&
	    h == 8 && mi == 12 && s == 22, "a UTC timestamp");
	ok(rp_export_parse_date("2026-11-26 08:12:22", &y, &mo, &d, &h, &mi, &s) == 0,
	    "a space separator");
	ok(rp_export_parse_date("2026-13-01", &y, &mo, &d, &h, &mi, &s) < 0, "month 13");
	ok(rp_export_parse_date("26-11-2026", &y, &mo, &d, &h, &mi, &s) < 0, "not ISO");
	ok(rp_export_parse_date("2026-11-26T08:12", &y, &mo, &d, &h, &mi, &s) < 0, "no seconds");
	ok(rp_export_parse_date("2026-11-26x", &y, &mo, &d, &h, &mi, &s) < 0, "trailing text");
	ok(rp_export_parse_date("", &y, &mo, &d, &h, &mi, &s) < 0, "empty");
	ok(rp_export_parse_date(NULL, &y, &mo, &d, &h, &mi, &s) < 0, "NULL");
	is_int(rp_export_clip("abc"), 3, "short text kept");
	/* 40,000 two-byte characters: cut at 32,767 characters. */
	char *big = malloc(80001);
	for (int i = 0; i < 40000; i++)
		memcpy(big + 2 * i, "\xc3\xa9", 2);
	big[80000] = '\0';
	is_int(rp_export_clip(big), 2 * 32767, "cut at 32,767 characters on a boundary");
	free(big);
}

int
main(void)
{
	a = rp_arena_new(4096);
	checking();
	filling();
	generalising();
	export_helpers();
	rp_arena_free(a);
	return done_testing();
}
