/* json.h: JSON values (CKAN dicts, API envelopes, JSON-LD documents), the
 * one module over the JSON library: everything else speaks DcatitJson.
 * Values are reference counted; "steals" means the callee takes the
 * caller's reference. */
#ifndef DCATIT_JSON_H
#define DCATIT_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"

typedef struct DcatitJsonImpl DcatitJson;

/* The kinds of JSON value. */
typedef enum {
	DCATIT_JSON_NULL,
	DCATIT_JSON_FALSE,
	DCATIT_JSON_TRUE,
	DCATIT_JSON_INTEGER,
	DCATIT_JSON_REAL,
	DCATIT_JSON_STRING,
	DCATIT_JSON_ARRAY,
	DCATIT_JSON_OBJECT,
} DcatitJsonKind;

/* Flags of dcatit_json_parse_opts. */
enum {
	/* a scalar at the top is an error: only an object or an array */
	DCATIT_JSON_CONTAINER = 1u,
	/* an integer beyond 64 bits makes the whole text be read again with
	 * every number a real, as JavaScript reads it */
	DCATIT_JSON_BIG_INT_AS_REAL = 2u,
};

/* Parse a document of len bytes (any top-level value); caller frees.
 * NULL with DCATIT_ERR_SYNTAX (line:col and reason) in d on bad input. */
DcatitJson *dcatit_json_parse(const char *s, size_t len, DcatitDiag *d);
/* dcatit_json_parse with DCATIT_JSON_* flags, the error located at file
 * (may be NULL); caller frees. Duplicate keys: the last value wins. */
DcatitJson *dcatit_json_parse_opts(const char *s, size_t len, unsigned flags,
                                   const char *file, DcatitDiag *d);
/* Read and parse the JSON file at path; caller frees. NULL with d set on
 * failure: DCATIT_ERR_NOT_FOUND (no such file), DCATIT_ERR_IO, or
 * DCATIT_ERR_SYNTAX located at path:line:col. */
DcatitJson *dcatit_json_load(const char *path, DcatitDiag *d);
/* Compact text of j, object keys sorted when sorted is true (the form
 * hashes are taken of); caller frees; NULL on OOM. */
char *dcatit_json_dump(const DcatitJson *j, bool sorted);
/* Text of an object or array indented by two spaces a level, keys sorted,
 * no final newline; caller frees; NULL on OOM. */
char *dcatit_json_dump_pretty(const DcatitJson *j);
/* Drop one reference; NULL is a no-op. */
void dcatit_json_free(DcatitJson *j);
/* Take one more reference; returns j. */
DcatitJson *dcatit_json_ref(DcatitJson *j);
/* Deep copy; caller frees. */
DcatitJson *dcatit_json_copy(const DcatitJson *j);

/* New values; caller frees; NULL on OOM (and for a NULL string). */
DcatitJson *dcatit_json_object(void);
/* New empty array; caller frees. */
DcatitJson *dcatit_json_array(void);
/* New string (UTF-8, NUL-terminated); caller frees. */
DcatitJson *dcatit_json_string(const char *s);
/* New string of the n bytes at s (valid UTF-8, NUL bytes allowed); caller
 * frees; NULL on OOM or invalid UTF-8. */
DcatitJson *dcatit_json_stringn(const char *s, size_t n);
/* New boolean; caller frees. */
DcatitJson *dcatit_json_bool(bool v);
/* New integer; caller frees. */
DcatitJson *dcatit_json_integer(long long v);
/* New object {key: val} (steals val); caller frees; NULL on OOM or when
 * val is NULL. */
DcatitJson *dcatit_json_pair(const char *key, DcatitJson *val);

/* Set obj[key] = val (steals val, also on failure); false on failure. */
bool dcatit_json_set(DcatitJson *obj, const char *key, DcatitJson *val);
/* Set obj[key] to a new string (nothing when s is NULL); false on OOM. */
bool dcatit_json_set_str(DcatitJson *obj, const char *key, const char *s);
/* Remove obj[key] if present. */
void dcatit_json_del(DcatitJson *obj, const char *key);
/* Append val to arr (steals val); false on failure. */
bool dcatit_json_append(DcatitJson *arr, DcatitJson *val);

/* obj[key]; borrowed; NULL when absent or obj is not an object. */
DcatitJson *dcatit_json_get(const DcatitJson *obj, const char *key);
/* obj[key] when it is a string; borrowed; NULL otherwise. */
const char *dcatit_json_get_str(const DcatitJson *obj, const char *key);
/* Number of items of an array or keys of an object (0 otherwise). */
size_t dcatit_json_size(const DcatitJson *j);
/* arr[i]; borrowed; NULL when out of range. */
DcatitJson *dcatit_json_at(const DcatitJson *arr, size_t i);
/* Iterate an object in insertion (document) order: start with *it = NULL;
 * returns false at the end. key and val are borrowed. */
bool dcatit_json_next(const DcatitJson *obj, void **it, const char **key,
                      DcatitJson **val);
/* obj's own copy of key, which lives as long as the member, and its value
 * into *val; borrowed; NULL when absent or obj is not an object. */
const char *dcatit_json_key(const DcatitJson *obj, const char *key, DcatitJson **val);

/* The text of a string value; borrowed; NULL for other kinds. */
const char *dcatit_json_str(const DcatitJson *j);
/* The length in bytes of a string value, NUL bytes included (a string
 * with "\u0000" is longer than strlen says); 0 for other kinds. */
size_t dcatit_json_strlen(const DcatitJson *j);
/* The value of an integer (or integral real) into *v; false otherwise. */
bool dcatit_json_int(const DcatitJson *j, long long *v);
/* The value of any number (integer or real) into *v; false otherwise. */
bool dcatit_json_number(const DcatitJson *j, double *v);
/* The kind of j (DCATIT_JSON_NULL for NULL). */
DcatitJsonKind dcatit_json_kind(const DcatitJson *j);
/* Do a and b hold equal values (false when either is NULL)? */
bool dcatit_json_equal(const DcatitJson *a, const DcatitJson *b);
/* Kind predicates (false for NULL). */
bool dcatit_json_is_object(const DcatitJson *j);
/* Is j an array? */
bool dcatit_json_is_array(const DcatitJson *j);
/* Is j a string? */
bool dcatit_json_is_string(const DcatitJson *j);
/* Is j true or false? */
bool dcatit_json_is_bool(const DcatitJson *j);
/* Is j true? */
bool dcatit_json_is_true(const DcatitJson *j);
/* Is j an integer (not a real)? */
bool dcatit_json_is_integer(const DcatitJson *j);
/* Is j a number (integer or real)? */
bool dcatit_json_is_number(const DcatitJson *j);
/* Is j null (or NULL)? */
bool dcatit_json_is_null(const DcatitJson *j);

/* Append the n bytes at s as a JSON string, quotes included, for writers
 * that stream JSON into a buffer instead of building values (reports of
 * a million entries). Invalid UTF-8 bytes become U+FFFD. False on OOM. */
bool dcatit_json_add_str(DcatitBuf *b, const char *s, size_t n);

#endif
