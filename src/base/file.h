/* file.h: writing a whole file so that readers see the old content or the
 * new one, never half of it: a temporary file next to the target, renamed
 * over it. (Reading one whole: dcatit_buf_read_file in base/buf.h.) */
#ifndef DCATIT_FILE_H
#define DCATIT_FILE_H

#include <stddef.h>

#include "base/status.h"

/* Write the len bytes at data to path (mode 0666 less the umask). On
 * failure the target is untouched, the temporary file removed and d says
 * why (DCATIT_ERR_IO with the path). A symbolic link at path is replaced,
 * never written through, unless it leads to a device or FIFO: those
 * (/dev/stdout, a named pipe) are written in place, never replaced. */
DcatitStatus dcatit_file_write_atomic(const char *path, const void *data, size_t len,
                                      DcatitDiag *d);

#endif
