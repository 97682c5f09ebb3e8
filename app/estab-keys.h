/* The keys of an establishment: its SIRET, and a name key for duplicates. */
#ifndef RP_ESTAB_KEYS_H
#define RP_ESTAB_KEYS_H

#include <stdbool.h>

struct rp_arena;

/* A French SIRET: exactly 14 ASCII digits passing the Luhn check. La
 * Poste's establishments (SIREN 356000000) use instead a sum of the 14
 * digits that is a multiple of 5, except its head office (35600000000048),
 * which passes Luhn. False for NULL. */
bool rp_siret_valid(const char *s);

/* The normalised name used to find duplicates: lower case; Latin accents
 * folded (UTF-8 à-ÿ, À-Þ, and Latin Extended-A, like œ→oe, æ→ae, ß→ss,
 * ç→c); combining accents (decomposed text, as macOS writes it) dropped;
 * every run of other characters that are not ASCII letters or digits
 * becomes one space; trimmed. "  Société  Générale-Paris " →
 * "societe generale paris". Input is UTF-8; unknown non-ASCII characters
 * (and malformed bytes) count as separators. Result in the arena, never
 * longer than the input. */
char *rp_name_key(struct rp_arena *, const char *name);

#endif
