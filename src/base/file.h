/* file.h: whole files: read one into a buffer, and write one so that
 * readers see the old content or the new one, never half of it (a
 * temporary file next to the target, renamed over it). */
#ifndef DCATIT_FILE_H
#define DCATIT_FILE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"

/* Append the content of the file at path to b. DCATIT_ERR_IO with the path
 * and the reason in d (DCATIT_ERR_NOT_FOUND when it does not exist),
 * DCATIT_ERR_NOMEM. */
DcatitStatus dcatit_file_read(const char *path, DcatitBuf *b, DcatitDiag *d);

/* Write the len bytes at data to path (mode 0666 less the umask). On
 * failure the target is untouched, the temporary file removed and d says
 * why (DCATIT_ERR_IO with the path). */
DcatitStatus dcatit_file_write_atomic(const char *path, const void *data, size_t len,
                                      DcatitDiag *d);

#endif
