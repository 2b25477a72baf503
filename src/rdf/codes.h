/* codes.h: controlled code lists (EU themes, frequencies, file types,
 * languages, Italian licences) read from the vocab/ files, and the "did you
 * mean" suggestion used for misspelt codes and keys. */
#ifndef DCATIT_CODES_H
#define DCATIT_CODES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"

typedef struct DcatitCodesImpl DcatitCodes;

/* A new empty code list; NULL on out of memory. */
DcatitCodes *dcatit_codes_new(void);
/* Free a code list; NULL is a no-op. */
void dcatit_codes_free(DcatitCodes *c);
/* Add every code whose IRI <ns CODE> occurs in the file at path (a scan of
 * the text, no RDF parse: the language table alone is 4 MB). */
DcatitStatus dcatit_codes_scan_file(DcatitCodes *c, const char *path,
                                    const char *ns, DcatitDiag *d);
/* Add one code. */
DcatitStatus dcatit_codes_add(DcatitCodes *c, const char *code);
/* Is code in the list (case-sensitive)? */
bool dcatit_codes_has(DcatitCodes *c, const char *code);
/* Number of codes. */
size_t dcatit_codes_count(DcatitCodes *c);
/* The i-th code in byte order (i < count), else NULL; borrowed. */
const char *dcatit_codes_at(DcatitCodes *c, size_t i);
/* The code closest to word, or NULL when none is close; borrowed. */
const char *dcatit_codes_suggest(DcatitCodes *c, const char *word);
/* The candidate closest to word (case-insensitive edit distance, at most
 * a third of its length, at least 2), or NULL; borrowed from cands. */
const char *dcatit_codes_closest(const char *word, const char *const *cands,
                                 size_t n);

#endif
