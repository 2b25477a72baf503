/* str.h: the small string helpers every layer needs once: a NULL-safe
 * strdup, the qsort comparator for string arrays, a suffix test and the
 * FNV-1a hash used by the hash tables and by the identifiers dcatit mints. */
#ifndef DCATIT_STR_H
#define DCATIT_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The FNV-1a start value dcatit has always used. It is not the canonical
 * 64-bit offset basis (a digit short), but CKAN package names and harvest
 * record ids minted from it are persisted, so it stays. */
#define DCATIT_HASH_SEED 1469598103934665603ULL

/* Continue an FNV-1a 64 hash h over n bytes at p. */
uint64_t dcatit_hash_more(uint64_t h, const void *p, size_t n);
/* FNV-1a 64 of the n bytes at p, from DCATIT_HASH_SEED. */
uint64_t dcatit_hash_mem(const void *p, size_t n);
/* FNV-1a 64 of the NUL-terminated string s, from DCATIT_HASH_SEED. */
uint64_t dcatit_hash_str(const char *s);
/* A copy of s, or NULL when s is NULL or memory runs out; caller frees. */
char *dcatit_strdup(const char *s);
/* A NUL-terminated copy of the n bytes at s; NULL on OOM; caller frees. */
char *dcatit_strndup(const char *s, size_t n);
/* qsort/bsearch comparator for an array of char pointers (strcmp order). */
int dcatit_cmp_str(const void *a, const void *b);
/* Does s end with suf (and is longer than it)? */
bool dcatit_str_has_suffix(const char *s, const char *suf);
/* Is the absolute path p the directory dir or below it? Both must be
 * resolved (realpath): the test is on the characters. */
bool dcatit_str_path_within(const char *p, const char *dir);

/* Length (1 to 4) of the valid UTF-8 sequence at s[0..n), 0 when it is not
 * one: a stray continuation byte, an overlong form, a surrogate code point
 * (U+D800..U+DFFF, as CESU-8 writes them), or beyond U+10FFFF. */
size_t dcatit_utf8_seq_len(const unsigned char *s, size_t n);
/* Is s[0..n) valid UTF-8? When not, *bad (if not NULL) is the offset of
 * the first invalid byte. */
bool dcatit_utf8_valid(const char *s, size_t n, size_t *bad);

/* A growable list of strings it owns: zero-initialise, _add, _release. */
typedef struct {
	char **items;
	size_t n, cap;
} DcatitStrs;

/* Append a copy of s; false when memory runs out (l unchanged). */
bool dcatit_strs_add(DcatitStrs *l, const char *s);
/* Free the strings and the array; l is empty again. */
void dcatit_strs_release(DcatitStrs *l);

#endif
