/* cfile.h: opening the files a catalogue names (records, the registry,
 * distribution files, data dictionaries): only regular files whose real
 * path stays inside the catalogue directory. A symbolic link out of it
 * (to /etc/shadow, /proc/self/environ), a FIFO, a device or a socket is
 * refused, so a contributed catalogue cannot publish a private file nor
 * hang the build. What was checked is the descriptor returned: read from
 * it, never from the path again. */
#ifndef DCATIT_CFILE_H
#define DCATIT_CFILE_H

#include "base/buf.h"
#include "base/status.h"
#include "catalog/state.h"

/* Open b->dir/rel read-only; *fd on DCATIT_OK (caller closes). Otherwise
 * *fd is -1 and d says why: DCATIT_ERR_NOT_FOUND when it does not exist,
 * DCATIT_ERR_INVALID when it is not a regular file or leads outside the
 * catalogue directory, DCATIT_ERR_IO when it cannot be read. */
DcatitStatus dcatit_cfile_open(const DcatitBuild *b, const char *rel, int *fd,
                               DcatitDiag *d);
/* Read b->dir/rel whole into out (appended), checked as dcatit_cfile_open. */
DcatitStatus dcatit_cfile_read(const DcatitBuild *b, const char *rel, DcatitBuf *out,
                               DcatitDiag *d);
/* Is b->dir/rel a directory inside the catalogue directory? Statuses as
 * dcatit_cfile_open. */
DcatitStatus dcatit_cfile_check_dir(const DcatitBuild *b, const char *rel, DcatitDiag *d);

#endif
