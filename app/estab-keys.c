/* The keys of an establishment: its SIRET, and a name key for duplicates. */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "estab-keys.h"

#define SIRET_LEN		14
#define LA_POSTE_SIREN		"356000000"
#define LA_POSTE_HEAD_OFFICE	"35600000000048"

/* What a character becomes in a name key. */
#define FOLD_SEP	(-1)	/* a separator */
#define FOLD_DROP	0	/* nothing: a combining accent */

/* U+00C0..U+00FF, folded; NULL for the two signs (× ÷) among the letters. */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c",	/* À-Ç */
	"e", "e", "e", "e", "i", "i", "i", "i",		/* È-Ï */
	"d", "n", "o", "o", "o", "o", "o", NULL,	/* Ð-× */
	"o", "u", "u", "u", "u", "y", "th", "ss",	/* Ø-ß */
	"a", "a", "a", "a", "a", "a", "ae", "c",	/* à-ç */
	"e", "e", "e", "e", "i", "i", "i", "i",		/* è-ï */
	"d", "n", "o", "o", "o", "o", "o", NULL,	/* ð-÷ */
	"o", "u", "u", "u", "u", "y", "th", "y",	/* ø-ÿ */
};

/* U+0100..U+017F (Latin Extended-A), folded. */
static const char *const latin_ext_a[128] = {
	"a", "a", "a", "a", "a", "a", "c", "c",		/* Ā-ć */
	"c", "c", "c", "c", "c", "c", "d", "d",		/* Ĉ-ď */
	"d", "d", "e", "e", "e", "e", "e", "e",		/* Đ-ė */
	"e", "e", "e", "e", "g", "g", "g", "g",		/* Ę-ğ */
	"g", "g", "g", "g", "h", "h", "h", "h",		/* Ġ-ħ */
	"i", "i", "i", "i", "i", "i", "i", "i",		/* Ĩ-į */
	"i", "i", "ij", "ij", "j", "j", "k", "k",	/* İ-ķ */
	"k", "l", "l", "l", "l", "l", "l", "l",		/* ĸ-Ŀ */
	"l", "l", "l", "n", "n", "n", "n", "n",		/* ŀ-Ň */
	"n", "n", "n", "n", "o", "o", "o", "o",		/* ň-ŏ */
	"o", "o", "oe", "oe", "r", "r", "r", "r",	/* Ő-ŗ */
	"r", "r", "s", "s", "s", "s", "s", "s",		/* Ř-ş */
	"s", "s", "t", "t", "t", "t", "t", "t",		/* Š-ŧ */
	"u", "u", "u", "u", "u", "u", "u", "u",		/* Ũ-ů */
	"u", "u", "u", "u", "w", "w", "y", "y",		/* Ű-ŷ */
	"y", "z", "z", "z", "z", "z", "z", "s",		/* Ÿ-ſ */
};

static unsigned	 next_cp(const unsigned char *, size_t *);
static int	 fold(unsigned, char *);

bool
rp_siret_valid(const char *s)
{
	unsigned sum = 0, luhn = 0, d;

	if (s == NULL)
		return false;
	for (size_t i = 0; i < SIRET_LEN; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;	/* also stops at a short string's NUL */
	if (s[SIRET_LEN] != '\0')
		return false;
	for (size_t i = 0; i < SIRET_LEN; i++) {
		d = (unsigned)(s[i] - '0');
		sum += d;
		/* Luhn doubles every second digit from the right: with 14
		 * digits, those at even indexes from the left. */
		if (i % 2 == 0 && (d *= 2) > 9)
			d -= 9;
		luhn += d;
	}
	/* INSEE numbered La Poste's many establishments past what the Luhn
	 * key allows; their SIRETs keep the rule "sum multiple of 5". */
	if (strncmp(s, LA_POSTE_SIREN, strlen(LA_POSTE_SIREN)) == 0 &&
	    strcmp(s, LA_POSTE_HEAD_OFFICE) != 0)
		return sum % 5 == 0;
	return luhn % 10 == 0;
}

/* The code point at s and its length in *n. A malformed byte reads as
 * U+FFFD, one byte long, and so does an overlong form, whole. A NUL is never
 * a continuation byte, so this never reads past the string's end. */
static unsigned
next_cp(const unsigned char *s, size_t *n)
{
	unsigned c = s[0], cp;
	size_t need;

	*n = 1;
	if (c < 0x80)
		return c;
	need = (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 :
	    (c & 0xf8) == 0xf0 ? 3 : 0;
	if (need == 0)
		return 0xfffd;
	cp = c & (0x3fu >> need);
	for (size_t k = 1; k <= need; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0xfffd;
		cp = cp << 6 | (s[k] & 0x3f);
	}
	*n = need + 1;
	/* An overlong form must not pass for the letter it hides. */
	if (cp < (need == 1 ? 0x80u : need == 2 ? 0x800u : 0x10000u))
		return 0xfffd;
	return cp;
}

/* Write what cp becomes in a name key to out (at most 2 bytes) and return
 * its length, or FOLD_SEP or FOLD_DROP. */
static int
fold(unsigned cp, char *out)
{
	const char *f = NULL;

	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp >= 'A' && cp <= 'Z') {
		out[0] = (char)(cp - 'A' + 'a');
		return 1;
	}
	/* Combining accents: "e" + U+0301 is "é" decomposed, not "e é". */
	if (cp >= 0x300 && cp <= 0x36f)
		return FOLD_DROP;
	if (cp >= 0xc0 && cp <= 0xff)
		f = latin1[cp - 0xc0];
	else if (cp >= 0x100 && cp <= 0x17f)
		f = latin_ext_a[cp - 0x100];
	if (f == NULL)
		return FOLD_SEP;
	memcpy(out, f, strlen(f));
	return (int)strlen(f);
}

char *
rp_name_key(struct rp_arena *a, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t n = strlen(name), i = 0, o = 0, len;
	/* Each character gives at most as many bytes as it takes, and a
	 * space replaces at least one separator byte. */
	char *out = rp_alloc(a, n + 1), f[2];
	bool gap = false;
	int k;

	while (i < n) {
		k = fold(next_cp(s + i, &len), f);
		i += len;
		if (k == FOLD_SEP)
			gap = true;
		if (k <= 0)
			continue;
		if (gap && o > 0)
			out[o++] = ' ';
		gap = false;
		memcpy(out + o, f, (size_t)k);
		o += (size_t)k;
	}
	out[o] = '\0';
	return out;
}
