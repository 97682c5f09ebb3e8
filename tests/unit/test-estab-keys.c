/* Unit tests of establishment keys: SIRET check digits and name keys. */
#include "arena.h"
#include "estab-keys.h"
#include "tap.h"

static void
sirets(void)
{
	ok(rp_siret_valid("73282932000074"), "SIRET 73282932000074");
	ok(rp_siret_valid("44306184100047"), "SIRET 44306184100047");
	ok(rp_siret_valid("35600000000048"), "La Poste head office (Luhn)");
	ok(rp_siret_valid("35600000049837"), "La Poste establishment (sum 45)");
	ok(rp_siret_valid("35600000000001"), "La Poste establishment (sum 15)");
	ok(!rp_siret_valid("35600000000014"), "La Poste: sum 19 refused");
	ok(!rp_siret_valid("35600000000113"), "La Poste: Luhn alone is not enough");
	ok(!rp_siret_valid("73282932000075"), "wrong check digit");
	ok(!rp_siret_valid("73282932000047"), "swapped digits");
	ok(!rp_siret_valid("7328293200007"), "13 digits");
	ok(!rp_siret_valid("732829320000740"), "15 digits");
	ok(!rp_siret_valid("7328293200007A"), "a letter");
	ok(!rp_siret_valid("732 829 320 00074"), "spaces");
	ok(!rp_siret_valid(" 73282932000074"), "leading space");
	ok(!rp_siret_valid("73282932000074 "), "trailing space");
	ok(!rp_siret_valid("-3282932000074"), "sign");
	ok(!rp_siret_valid("\xd9\xa3" "282932000074"), "non-ASCII digit");
	ok(!rp_siret_valid(""), "empty");
	ok(!rp_siret_valid(NULL), "NULL");
	ok(rp_siret_valid("00000000000000"), "all zeros pass Luhn (format only)");
}

static void
names(struct rp_arena *a)
{
	is_str(rp_name_key(a, "  Soci\xc3\xa9t\xc3\xa9  G\xc3\xa9n\xc3\xa9rale-Paris "),
	    "societe generale paris", "the example");
	is_str(rp_name_key(a, "SOCI\xc3\x89T\xc3\x89 G\xc3\x89N\xc3\x89RALE"),
	    "societe generale", "capital accents");
	is_str(rp_name_key(a, "\xc3\x80 l'\xc3\xa2ne \xc3\xa7\xc3\xa0 \xc3\xbf\xc3\xbc"
	    "\xc3\xb1\xc3\xb8\xc3\xa5"), "a l ane ca yunoa", "Latin-1 accents");
	is_str(rp_name_key(a, "\xc5\x92uvre C\xc5\x93ur \xc3\x86gis C\xc3\xa6sar "
	    "Stra\xc3\x9f" "e"), "oeuvre coeur aegis caesar strasse", "ligatures");
	is_str(rp_name_key(a, "\xc5\x81\xc3\xb3\xc5\xba \xc4\x8c\xc3\xa1p "
	    "\xc5\x9e\xc4\xb0\xc5\x9e\xc4\xb0 \xc4\xb2sselmeer \xc5\xbf" "chrift"),
	    "loz cap sisi ijsselmeer schrift", "Latin Extended-A");
	is_str(rp_name_key(a, "\xc3\x9eorn \xc3\x90\xc3\xb3r"), "thorn dor",
	    "thorn and eth");
	is_str(rp_name_key(a, "Soci" "e\xcc\x81" "te\xcc\x81"), "societe",
	    "combining accents dropped (decomposed text)");
	is_str(rp_name_key(a, "A&B, S.A.R.L. (Paris 15e)"), "a b s a r l paris 15e",
	    "punctuation runs become one space");
	is_str(rp_name_key(a, "L\xe2\x80\x99Or\xc3\xa9" "al"), "l oreal",
	    "typographic apostrophe is a separator");
	is_str(rp_name_key(a, "2\xc3\x97" "3\xc3\xb7" "4"), "2 3 4",
	    "multiplication and division signs are separators");
	is_str(rp_name_key(a, "caf\xc3\xa9\xe2\x98\x95 \xf0\x9f\x94\x92lock"),
	    "cafe lock", "symbols and emoji are separators");
	is_str(rp_name_key(a, "MiXeD CaSe"), "mixed case", "case folded");
	is_str(rp_name_key(a, "\t a \n\r b \t"), "a b", "spaces trimmed and squeezed");
	is_str(rp_name_key(a, ""), "", "empty");
	is_str(rp_name_key(a, " -- "), "", "separators only");
	is_str(rp_name_key(a, "a\xc3"), "a", "cut sequence at the end");
	is_str(rp_name_key(a, "a\xff" "b\xc1\x81" "c"), "a b c",
	    "malformed bytes and overlong forms are separators");
}

int
main(void)
{
	struct rp_arena *a = rp_arena_new(0);

	sirets();
	names(a);
	rp_arena_free(a);
	return done_testing();
}
