/* fsafe.h: open a file only where the caller allows it: a regular file
 * whose real path stays inside a given directory, so a symlink cannot
 * lead out (to /etc/shadow, /proc/self/environ) and a FIFO cannot hang the
 * reader. What was checked is the descriptor returned: read or upload from
 * it, never from the path again. */
#ifndef DCATIT_FSAFE_H
#define DCATIT_FSAFE_H

#include <stdbool.h>
#include <sys/stat.h>

#include "base/status.h"

/* Open dir/rel read-only when it is a regular file whose real path is
 * inside dir's real path. *fd (caller closes) and *st (its fstat) on
 * DCATIT_OK; otherwise DCATIT_ERR_NOT_FOUND (no such file),
 * DCATIT_ERR_IO (cannot open, dir unusable) or DCATIT_ERR_INVALID
 * (outside dir, not a regular file: a FIFO, a device, a directory;
 * replaced while checked) with the reason in d, and *fd is -1. A device
 * is never opened, a FIFO never waited on. */
DcatitStatus dcatit_fsafe_open_under(const char *dir, const char *rel, int *fd,
                                     struct stat *st, DcatitDiag *d);
/* Is dir/rel a directory whose real path is inside dir's real path?
 * Statuses as dcatit_fsafe_open_under. */
DcatitStatus dcatit_fsafe_check_dir_under(const char *dir, const char *rel, DcatitDiag *d);
/* Is b the same file, unchanged (device, inode, size, modification and
 * status-change times), as a? */
bool dcatit_fsafe_same(const struct stat *a, const struct stat *b);

#endif
