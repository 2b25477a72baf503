/* dist.h: facts about the local files a distribution points to: byte size,
 * SHA-256, whether it is clean UTF-8 text, the EU file-type code / IANA
 * media type guessed from the extension when the record does not give them,
 * and where a quoted passage stands in a text file (for warnings about what
 * the file says). */
#ifndef DCATIT_DIST_H
#define DCATIT_DIST_H

#include <stdint.h>

#include "base/digest.h"
#include "base/status.h"
#include "base/utf8.h"

typedef struct {
	uint64_t size;      /* bytes */
	char sha256[65];    /* lower-case hex */
	char sha1[41];      /* lower-case hex, for DCAT-AP 2.1.1 */
	DcatitUtf8Check text; /* the first NUL or invalid UTF-8, for text files */
} DcatitFileFacts;

/* Read the open file fd to its end (display names it in messages) and
 * fill its size, SHA-256, SHA-1 and text check; DCATIT_ERR_IO with d filled
 * when it cannot be read. */
DcatitStatus dcatit_dist_facts(int fd, const char *display, DcatitFileFacts *f,
                               DcatitDiag *d);
/* EU file-type code for a path's extension ("CSV" for x.csv), NULL when
 * unknown. Borrowed static string. */
const char *dcatit_dist_format_from_path(const char *path);
/* IANA media type for a path's extension ("text/csv"), NULL when unknown.
 * Borrowed static string. */
const char *dcatit_dist_media_type_from_path(const char *path);

/* Find text (len bytes) in data (dlen bytes, a file's content), where a run
 * of white space in either matches any run in the other, so a quote may
 * span a line break of the file. *line and *col (1-based, col in
 * characters) get the first match. DCATIT_ERR_NOT_FOUND when it is not
 * there (or text is blank), DCATIT_ERR_NOMEM. Linear in dlen + len. */
DcatitStatus dcatit_dist_find_text(const char *data, size_t dlen, const char *text,
                                   size_t len, unsigned long *line, unsigned long *col);

#endif
