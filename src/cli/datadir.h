/* datadir.h: where dcatit finds its data (vocab/: shapes and controlled
 * vocabularies): $DCATIT_DATADIR, else the installed data dir, else the
 * source tree's vocab/ (so an uninstalled build works). */
#ifndef DCATIT_DATADIR_H
#define DCATIT_DATADIR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"

/* Write the data directory into out (n bytes): DCATIT_OK, else
 * DCATIT_ERR_NOT_FOUND when none of the candidates is a directory (out
 * holds the last one tried) or DCATIT_ERR_LIMIT when a candidate does not
 * fit in n bytes (out holds its first n - 1 bytes). */
DcatitStatus dcatit_datadir_find(char *out, size_t n);

/* The .ttl files under dir (recursively when recursive; a subdirectory
 * named skip is not entered), as a sorted NULL-terminated array of
 * malloc'd paths (caller frees with dcatit_datadir_list_free); *count gets
 * their number. NULL on out of memory or an unreadable dir. */
char **dcatit_datadir_list(const char *dir, bool recursive, const char *skip,
                           size_t *count);
/* Free a list from dcatit_datadir_list; NULL is a no-op. */
void dcatit_datadir_list_free(char **list);

#endif
