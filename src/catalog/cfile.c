/* cfile.c: the catalogue's files through base/fsafe.h, with the catalogue
 * directory (b->dir) as the directory they must stay inside. */
#include "catalog/cfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fsafe.h"

DcatitStatus dcatit_cfile_open(const DcatitBuild *b, const char *rel, int *fd,
                               DcatitDiag *d)
{
	struct stat st;
	return dcatit_fsafe_open_under(b->dir, rel, fd, &st, d);
}

DcatitStatus dcatit_cfile_read(const DcatitBuild *b, const char *rel, DcatitBuf *out,
                               DcatitDiag *d)
{
	int fd;
	DcatitStatus st = dcatit_cfile_open(b, rel, &fd, d);
	if (st != DCATIT_OK)
		return st;
	int err = dcatit_buf_read_fd(out, fd);
	close(fd);
	if (err == ENOMEM)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	if (err) {
		char *path = dcatit_build_path(b, rel);
		st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s",
		                     path ? path : rel, strerror(err));
		free(path);
	}
	return st;
}

DcatitStatus dcatit_cfile_check_dir(const DcatitBuild *b, const char *rel, DcatitDiag *d)
{
	return dcatit_fsafe_check_dir_under(b->dir, rel, d);
}
