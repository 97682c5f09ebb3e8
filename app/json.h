/* Building JSON answers with json-c. */
#ifndef RP_JSON_H
#define RP_JSON_H

#include <json-c/json.h>

/* Add v to object o under the string literal key. json-c keeps a pointer to
 * the literal instead of a copy of it (a malloc and a free per member saved
 * on every answer); "" key makes anything but a literal a compile error. */
#define rp_jadd(o, key, v) \
	json_object_object_add_ex((o), "" key, (v), JSON_C_OBJECT_ADD_CONSTANT_KEY)

#endif
