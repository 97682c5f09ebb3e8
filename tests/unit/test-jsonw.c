/* Unit tests of the streaming JSON writer: the same bytes as json-c prints
 * for the same values, every escape, numbers given as text, lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "jsonw.h"
#include "tap.h"
#include "util.h"

static struct rp_arena *a;

static const char *
plain(struct json_object *o)
{
	return json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
}

/* One string member, written both ways: true when the bytes are the same
 * (the first difference is shown). */
static bool
same_string(const char *s, size_t len)
{
	struct rp_buf b;
	struct rp_jw w;
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "k", json_object_new_string_len(s, (int)len));
	rp_buf_init(&b, a);
	rp_jw_init(&w, &b);
	rp_jw_open(&w, NULL, '{');
	rp_jw_str(&w, "k", s);
	rp_jw_close(&w, '}');
	bool same = strcmp(rp_buf_str(&b), plain(o)) == 0;
	if (!same)
		printf("# wrote %s\n# json-c %s\n", rp_buf_str(&b), plain(o));
	json_object_put(o);
	return same;
}

int
main(void)
{
	struct rp_buf b;
	struct rp_jw w;
	char s[4];

	a = rp_arena_new(4096);

	/* Every byte 1..255 alone, and inside a text. */
	int differ = 0;
	for (int c = 1; c < 256; c++) {
		char text[8];

		s[0] = (char)c;
		s[1] = '\0';
		differ += !same_string(s, 1);
		snprintf(text, sizeof(text), "a%cb", c);
		differ += !same_string(text, 3);
	}
	is_int(differ, 0, "every byte, alone and inside a text, as json-c writes it");
	ok(same_string("", 0), "empty string");
	ok(same_string("Société Générale \"SA\" \\ / <b>\t\r\n", strlen(
	    "Société Générale \"SA\" \\ / <b>\t\r\n")), "accents, quotes, slash, controls");

	/* Random texts: the same bytes as json-c, whatever the mix. */
	srand(7);
	differ = 0;
	for (int i = 0; i < 2000; i++) {
		char text[64];
		size_t n = (size_t)(rand() % 63);

		for (size_t j = 0; j < n; j++) {
			int r = rand() % 10;
			text[j] = r < 2 ? (char)(1 + rand() % 31) : r < 3 ? '"' : r < 4 ? '\\' :
			    r < 6 ? (char)(0x80 + rand() % 128) : (char)(32 + rand() % 95);
		}
		text[n] = '\0';
		differ += !same_string(text, n);
	}
	is_int(differ, 0, "2000 random texts as json-c writes them");

	/* Members, nesting, null, numbers, booleans. */
	rp_buf_init(&b, a);
	rp_jw_init(&w, &b);
	rp_jw_open(&w, NULL, '{');
	rp_jw_open(&w, "items", '[');
	rp_jw_open(&w, NULL, '{');
	rp_jw_int(&w, "id", 42);
	rp_jw_str(&w, "none", NULL);
	rp_jw_null(&w, "nil");
	rp_jw_bool(&w, "yes", true);
	rp_jw_bool(&w, "no", false);
	rp_jw_num(&w, "pct", "12.50");
	rp_jw_num(&w, "neg", "-3");
	rp_jw_num(&w, "zero", "0.00");
	rp_jw_num(&w, "null_text", NULL);
	rp_jw_num(&w, "bad1", "12.");
	rp_jw_num(&w, "bad2", "01");
	rp_jw_num(&w, "bad3", "1e9");
	rp_jw_num(&w, "bad4", "");
	rp_jw_num(&w, "bad5", "1; DROP");
	rp_jw_close(&w, '}');
	rp_jw_open(&w, NULL, '{');
	rp_jw_int(&w, "id", -9223372036854775807LL - 1);
	rp_jw_close(&w, '}');
	rp_jw_close(&w, ']');
	rp_jw_int(&w, "total", 2);
	rp_jw_close(&w, '}');
	is_str(rp_buf_str(&b), "{\"items\":[{\"id\":42,\"none\":null,\"nil\":null,"
	    "\"yes\":true,\"no\":false,\"pct\":12.50,\"neg\":-3,\"zero\":0.00,"
	    "\"null_text\":null,\"bad1\":null,\"bad2\":null,\"bad3\":null,"
	    "\"bad4\":null,\"bad5\":null},{\"id\":-9223372036854775808}],\"total\":2}",
	    "nesting, commas, numbers as text, null for what is not a number");
	struct json_object *parsed = json_tokener_parse(rp_buf_str(&b));
	ok(parsed != NULL, "json-c parses the output");
	json_object_put(parsed);

	/* Key lists and ids. */
	rp_buf_init(&b, a);
	rp_jw_init(&w, &b);
	rp_jw_open(&w, NULL, '{');
	rp_jw_key_list(&w, "m", "external_scan,usage");
	rp_jw_key_list(&w, "e", "");
	rp_jw_key_list(&w, "n", NULL);
	rp_jw_key_list(&w, "g", ",a,,b,");
	rp_jw_key_list(&w, "q", "a\"b");
	long long ids[] = { 3, 1, 2 };
	rp_jw_ids(&w, "ids", ids, 3);
	rp_jw_ids(&w, "none", ids, 0);
	rp_jw_close(&w, '}');
	is_str(rp_buf_str(&b), "{\"m\":[\"external_scan\",\"usage\"],\"e\":[],\"n\":[],"
	    "\"g\":[\"a\",\"b\"],\"q\":[\"a\\\"b\"],\"ids\":[3,1,2],\"none\":[]}",
	    "key lists (empty keys left out, escaped) and ids");

	rp_arena_free(a);
	return done_testing();
}
