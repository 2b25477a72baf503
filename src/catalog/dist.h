/* dist.h: facts about the local files a distribution points to: byte size,
 * SHA-256, the EU file-type code / IANA media type guessed from the
 * extension when the record does not give them, and where a quoted passage
 * stands in a text file (for warnings about what the file says). */
#ifndef DCATIT_DIST_H
#define DCATIT_DIST_H

#include <stdint.h>

#include "base/digest.h"
#include "base/status.h"

/* Size, SHA-256 and SHA-1 (for DCAT-AP 2.1.1) of a distribution file. */
typedef DcatitFileDigest DcatitFileFacts;

/* Read the file at path and fill its size, SHA-256 and SHA-1; DCATIT_ERR_IO with d
 * filled when it cannot be read. */
DcatitStatus dcatit_dist_file_facts(const char *path, DcatitFileFacts *f,
                                    DcatitDiag *d);
/* EU file-type code for a path's extension ("CSV" for x.csv), NULL when
 * unknown. Borrowed static string. */
const char *dcatit_dist_format_from_path(const char *path);
/* IANA media type for a path's extension ("text/csv"), NULL when unknown.
 * Borrowed static string. */
const char *dcatit_dist_media_type_from_path(const char *path);

/* Find text (len bytes) in the file at path, where a run of white space in
 * either matches any run in the other, so a quote may span a line break of
 * the file. *line and *col (1-based, col in characters) get the first match.
 * DCATIT_ERR_NOT_FOUND when it is not there (or text is blank),
 * DCATIT_ERR_IO with d filled when the file cannot be read. */
DcatitStatus dcatit_dist_find_text(const char *path, const char *text, size_t len,
                                   unsigned long *line, unsigned long *col, DcatitDiag *d);

#endif
