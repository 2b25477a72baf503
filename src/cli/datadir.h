/* datadir.h: where dcatit finds its data (vocab/: shapes and controlled
 * vocabularies) and its message catalogues: $DCATIT_DATADIR
 * ($DCATIT_LOCALEDIR); else, for the executable meson built and has not
 * installed, the source (build) tree; else the installed directory, found
 * first relative to the executable (a moved or unpacked install) and then
 * at the configured prefix. */
#ifndef DCATIT_DATADIR_H
#define DCATIT_DATADIR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"

/* Write the vocab/ directory into out (n bytes): DCATIT_OK, else
 * DCATIT_ERR_NOT_FOUND when no candidate is a directory (out holds the one
 * to report: $DCATIT_DATADIR, the source tree's, or the one next to the
 * executable) or DCATIT_ERR_LIMIT when a candidate does not fit in n bytes
 * (out holds its first n - 1 bytes). */
DcatitStatus dcatit_datadir_find(char *out, size_t n);

/* Find the directory of the message catalogues (<dir>/<lang>/LC_MESSAGES)
 * the same way: $DCATIT_LOCALEDIR, else BUILDDIR/po for a build that is not
 * installed, else the place next to a moved executable, else the
 * configured one. Writes it to out (n bytes); DCATIT_ERR_NOT_FOUND (out
 * holds the configured path) when it is not a directory. */
DcatitStatus dcatit_datadir_locale(char *out, size_t n);

/* The .ttl files under dir (recursively when recursive; a subdirectory
 * named skip is not entered), as a sorted NULL-terminated array of
 * malloc'd paths (caller frees with dcatit_datadir_list_free); *count gets
 * their number. NULL on out of memory or an unreadable dir. */
char **dcatit_datadir_list(const char *dir, bool recursive, const char *skip,
                           size_t *count);
/* Free a list from dcatit_datadir_list; NULL is a no-op. */
void dcatit_datadir_list_free(char **list);

#endif
