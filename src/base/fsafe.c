/* fsafe.c: the checks of fsafe.h. The type is looked at first (a device is
 * never opened, a FIFO never waited on), the file is opened non-blocking,
 * then its real path is resolved and must name the very file that is open
 * (same device and inode): a swap between the check and the open is
 * refused, not raced. */
#include "base/fsafe.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/str.h"

/* What a file that is not a regular one is, for messages. */
static const char *kind_name(mode_t m)
{
	return S_ISDIR(m) ? _("a directory") : S_ISFIFO(m) ? _("a FIFO") : S_ISSOCK(m) ? _("a socket") :
	       S_ISCHR(m) || S_ISBLK(m) ? _("a device") : S_ISREG(m) ? _("a file") :
	       _("something else");
}

static DcatitStatus cannot_read(const char *path, int err, DcatitDiag *d)
{
	return dcatit_diag_set(d, err == ENOENT || err == ENOTDIR ? DCATIT_ERR_NOT_FOUND
	                                                         : DCATIT_ERR_IO,
	                       NULL, 0, 0, "cannot read '%s': %s", path, strerror(err));
}

/* Is real (resolved) inside root (resolved)? d says why not. */
static DcatitStatus check_inside(const char *path, const char *dir, const char *root,
                                 const char *real, DcatitDiag *d)
{
	if (dcatit_str_path_within(real, root))
		return DCATIT_OK;
	return dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
	                       "'%s' leads outside '%s' (to '%s')", path, dir, real);
}

bool dcatit_fsafe_same(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

DcatitStatus dcatit_fsafe_open_under(const char *dir, const char *rel, int *fd,
                                     struct stat *st, DcatitDiag *d)
{
	*fd = -1;
	DcatitStatus ret = DCATIT_OK;
	char *root = realpath(dir, NULL), *real = NULL;
	DcatitBuf path;
	dcatit_buf_init(&path);
	if (!root) {
		ret = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot use '%s': %s", dir,
		                      strerror(errno));
		goto out;
	}
	dcatit_buf_addf(&path, "%s/%s", dir, rel);
	if (path.oom) {
		ret = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	struct stat now;
	if (stat(path.data, &now) != 0) {
		ret = cannot_read(path.data, errno, d);
		goto out;
	}
	if (!S_ISREG(now.st_mode)) {
		ret = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                      "'%s' is %s, not a regular file", path.data,
		                      kind_name(now.st_mode));
		goto out;
	}
	*fd = open(path.data, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (*fd < 0) {
		ret = cannot_read(path.data, errno, d);
		goto out;
	}
	if (fstat(*fd, st) != 0) {
		ret = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path.data,
		                      strerror(errno));
		goto out;
	}
	if (!S_ISREG(st->st_mode)) {
		ret = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                      "'%s' is %s, not a regular file", path.data,
		                      kind_name(st->st_mode));
		goto out;
	}
	real = realpath(path.data, NULL);
	if (!real || stat(real, &now) != 0 || now.st_dev != st->st_dev || now.st_ino != st->st_ino) {
		ret = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                      "'%s' was replaced while it was checked", path.data);
		goto out;
	}
	if ((ret = check_inside(path.data, dir, root, real, d)) != DCATIT_OK)
		goto out;
	/* regular files never block: back to ordinary reads */
	int fl = fcntl(*fd, F_GETFL);
	if (fl >= 0)
		fcntl(*fd, F_SETFL, fl & ~O_NONBLOCK);
out:
	if (ret != DCATIT_OK && *fd >= 0) {
		close(*fd);
		*fd = -1;
	}
	free(root);
	free(real);
	dcatit_buf_release(&path);
	return ret;
}

DcatitStatus dcatit_fsafe_check_dir_under(const char *dir, const char *rel, DcatitDiag *d)
{
	char *root = realpath(dir, NULL), *real = NULL;
	DcatitBuf path;
	dcatit_buf_init(&path);
	dcatit_buf_addf(&path, "%s/%s", dir, rel);
	DcatitStatus ret = DCATIT_OK;
	struct stat sb;
	if (!root)
		ret = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot use '%s': %s", dir,
		                      strerror(errno));
	else if (path.oom)
		ret = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	else if (!(real = realpath(path.data, NULL)) || stat(real, &sb) != 0)
		ret = cannot_read(path.data, errno, d);
	else if (!S_ISDIR(sb.st_mode))
		ret = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                      "'%s' is %s, not a directory", path.data, kind_name(sb.st_mode));
	else
		ret = check_inside(path.data, dir, root, real, d);
	free(root);
	free(real);
	dcatit_buf_release(&path);
	return ret;
}
