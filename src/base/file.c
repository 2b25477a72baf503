/* file.c: temp file + rename (file.h); devices and FIFOs written in place. */
#include "base/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"

/* Write all len bytes to fd; 0 or the errno of the failure. */
static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? errno : EIO;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

static DcatitStatus cannot_write(const char *path, int err, DcatitDiag *d)
{
	return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s", path,
	                       strerror(err));
}

/* A device or FIFO (/dev/stdout, /dev/null, a named pipe), also through a
 * symbolic link: renaming a temporary file over it would replace the node
 * itself, so it is opened and written as it is. */
static DcatitStatus write_in_place(const char *path, const void *data, size_t len,
                                   DcatitDiag *d)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return cannot_write(path, errno, d);
	int err = write_all(fd, data, len);
	if (close(fd) != 0 && !err)
		err = errno;
	return err ? cannot_write(path, err, d) : DCATIT_OK;
}

DcatitStatus dcatit_file_write_atomic(const char *path, const void *data, size_t len,
                                      DcatitDiag *d)
{
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		return write_in_place(path, data, len, d);
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
		return cannot_write(path, err, d);
	}
	/* mkstemp gives 0600; a report or cache is an ordinary file */
	mode_t mask = umask(0);
	umask(mask);
	int err = 0;
	if (fchmod(fd, 0666 & ~mask) != 0)
		err = errno;
	if (!err)
		err = write_all(fd, data, len);
	if (close(fd) != 0 && !err)
		err = errno;
	/* rename replaces a symbolic link at path, never what it points to */
	if (!err && rename(tmp.data, path) != 0)
		err = errno;
	if (err)
		unlink(tmp.data);
	dcatit_buf_release(&tmp);
	return err ? cannot_write(path, err, d) : DCATIT_OK;
}
