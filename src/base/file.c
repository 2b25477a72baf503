/* file.c: temp file + rename (file.h). */
#include "base/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"

DcatitStatus dcatit_file_write_atomic(const char *path, const void *data, size_t len,
                                      DcatitDiag *d)
{
	DcatitBuf tmp;
	dcatit_buf_init(&tmp);
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path + 1) : 0;
	dcatit_buf_add(&tmp, path, dir);
	dcatit_buf_addf(&tmp, ".%s.tmpXXXXXX", path + dir);
	if (tmp.oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	int fd = mkstemp(tmp.data);
	if (fd < 0) {
		int err = errno;
		dcatit_buf_release(&tmp);
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s", path,
		                       strerror(err));
	}
	/* mkstemp gives 0600; a report or cache is an ordinary file */
	mode_t mask = umask(0);
	umask(mask);
	int err = 0;
	if (fchmod(fd, 0666 & ~mask) != 0)
		err = errno;
	const char *p = data;
	size_t left = len;
	while (!err && left) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			err = w < 0 ? errno : EIO;
			break;
		}
		p += w;
		left -= (size_t)w;
	}
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp.data, path) != 0)
		err = errno;
	if (err)
		unlink(tmp.data);
	dcatit_buf_release(&tmp);
	if (err)
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s", path,
		                       strerror(err));
	return DCATIT_OK;
}
