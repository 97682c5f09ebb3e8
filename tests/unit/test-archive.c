/* Unit tests of the client archive's pure part: which entry names an
 * archive may hold (app/archive.c). */
#include <stdio.h>
#include <string.h>

#include "archive.h"
#include "tap.h"

int
main(void)
{
	static const char *const good[] = { "manifest.json", "client.json", "establishments.json",
		"frameworks.json", "resources.json", "risks.json", "actions.json", "audit.json" };
	static const char *const badnames[] = { "", "../risks.json", "/etc/passwd", "risks.json/",
		"dir/risks.json", "RISKS.JSON", "risks.json ", "./risks.json", "evil.sh",
		"..", "manifest.json\\x", "a\\..\\risks.json" };

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ok(rp_archive_name_ok(good[i]) == 1, "accepted: %s", good[i]);
	for (size_t i = 0; i < sizeof(badnames) / sizeof(badnames[0]); i++)
		ok(rp_archive_name_ok(badnames[i]) == 0, "refused: '%s'", badnames[i]);
	ok(rp_archive_name_ok(NULL) == 0, "refused: NULL");
	return done_testing();
}
