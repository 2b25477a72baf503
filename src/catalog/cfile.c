/* cfile.c: the checks of cfile.h. The type is looked at before opening (so
 * a device is never opened, a FIFO never waited on), the file is opened
 * non-blocking, and then the descriptor itself is checked: a regular file,
 * whose real path (the kernel's, /proc/self/fd) lies inside the
 * catalogue directory. A swap between the look and the open is caught on
 * the descriptor, not raced. */
#include "catalog/cfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/str.h"

static const char *kind_name(mode_t m)
{
	return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket" :
	       S_ISCHR(m) || S_ISBLK(m) ? "a device" : S_ISLNK(m) ? "a symbolic link" :
	       "something else";
}

/* The real path of the open file fd (path: how it was opened), caller
 * frees; NULL when it cannot be told or is not the file at path. */
static char *real_path_of(int fd, const char *path, const struct stat *sb)
{
	char link[64], buf[PATH_MAX];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, buf, sizeof buf - 1);
	if (n > 0 && buf[0] == '/') {
		buf[n] = '\0';
		return dcatit_strdup(buf);
	}
	/* no /proc: resolve the path and make sure it names the open file */
	char *real = realpath(path, NULL);
	struct stat now;
	if (real && (stat(real, &now) != 0 || now.st_dev != sb->st_dev ||
	             now.st_ino != sb->st_ino)) {
		free(real);
		real = NULL;
	}
	return real;
}

/* Check the real path of b->dir/rel (resolved as real) against the
 * catalogue directory. */
static DcatitStatus check_inside(const DcatitBuild *b, const char *path, const char *real,
                                 DcatitDiag *d)
{
	if (!real)
		return dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                       "'%s' was replaced while it was read", path);
	if (!dcatit_str_path_within(real, b->dir_real))
		return dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                       "'%s' leads outside the catalogue directory (to '%s')", path,
		                       real);
	return DCATIT_OK;
}

static DcatitStatus not_there(const char *path, int err, DcatitDiag *d)
{
	return dcatit_diag_set(d, err == ENOENT || err == ENOTDIR ? DCATIT_ERR_NOT_FOUND
	                                                         : DCATIT_ERR_IO,
	                       NULL, 0, 0, "cannot read '%s': %s", path, strerror(err));
}

DcatitStatus dcatit_cfile_open(const DcatitBuild *b, const char *rel, int *fd,
                               DcatitDiag *d)
{
	*fd = -1;
	char *path = dcatit_build_path(b, rel);
	if (!path)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	DcatitStatus st = DCATIT_OK;
	char *real = NULL;
	struct stat sb;
	if (stat(path, &sb) != 0) {
		st = not_there(path, errno, d);
		goto out;
	}
	if (!S_ISREG(sb.st_mode)) {
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                     "'%s' is %s, not a regular file", path, kind_name(sb.st_mode));
		goto out;
	}
	*fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (*fd < 0) {
		st = not_there(path, errno, d);
		goto out;
	}
	if (fstat(*fd, &sb) != 0) {
		st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path,
		                     strerror(errno));
		goto out;
	}
	if (!S_ISREG(sb.st_mode)) {
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                     "'%s' is %s, not a regular file", path, kind_name(sb.st_mode));
		goto out;
	}
	real = real_path_of(*fd, path, &sb);
	if ((st = check_inside(b, path, real, d)) != DCATIT_OK)
		goto out;
	/* regular files never block: back to ordinary reads */
	int fl = fcntl(*fd, F_GETFL);
	if (fl >= 0)
		fcntl(*fd, F_SETFL, fl & ~O_NONBLOCK);
out:
	if (st != DCATIT_OK && *fd >= 0) {
		close(*fd);
		*fd = -1;
	}
	free(real);
	free(path);
	return st;
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
	char *path = dcatit_build_path(b, rel);
	if (!path)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	DcatitStatus st = DCATIT_OK;
	char *real = realpath(path, NULL);
	struct stat sb;
	if (!real)
		st = not_there(path, errno, d);
	else if (stat(real, &sb) != 0)
		st = not_there(path, errno, d);
	else if (!S_ISDIR(sb.st_mode))
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0, "'%s' is %s, not a "
		                     "directory", path, S_ISREG(sb.st_mode) ? "a file"
		                                                            : kind_name(sb.st_mode));
	else
		st = check_inside(b, path, real, d);
	free(real);
	free(path);
	return st;
}
