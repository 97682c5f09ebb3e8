/* Building JSON answers with json-c. */
#ifndef RP_JSON_H
#define RP_JSON_H

#include <stdlib.h>

#include <json-c/json.h>

/* Add v to object o under the string literal key. json-c keeps a pointer to
 * the literal instead of a copy of it (a malloc and a free per member saved
 * on every answer); "" key makes anything but a literal a compile error. */
#define rp_jadd(o, key, v) \
	json_object_object_add_ex((o), "" key, (v), JSON_C_OBJECT_ADD_CONSTANT_KEY)

/* A database cell (text, NULL for SQL NULL) as a number, 0 for NULL. */
static inline long long
rp_cell_num(const char *cell)
{
	return cell ? strtoll(cell, NULL, 10) : 0;
}

/* A cell as a JSON string, or null. */
static inline struct json_object *
rp_jcell_str(const char *cell)
{
	return cell ? json_object_new_string(cell) : NULL;
}

/* A cell as a JSON number, or null. */
static inline struct json_object *
rp_jcell_int(const char *cell)
{
	return cell ? json_object_new_int64(rp_cell_num(cell)) : NULL;
}

#endif
