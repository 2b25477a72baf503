/* fsafe.c: the checks of fsafe.h. The file is opened first (non-blocking,
 * so a FIFO does not wait for a writer), then its real path is resolved
 * and must name the very file that is open (same device and inode): a
 * swap between the check and the open is refused, not raced. */
#include "base/fsafe.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"

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
	*fd = open(path.data, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (*fd < 0) {
		ret = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path.data,
		                      strerror(errno));
		goto out;
	}
	struct stat now;
	if (fstat(*fd, st) != 0) {
		ret = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path.data,
		                      strerror(errno));
		goto out;
	}
	if (!S_ISREG(st->st_mode)) {
		ret = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                      "'%s' is not a regular file", path.data);
		goto out;
	}
	real = realpath(path.data, NULL);
	if (!real || stat(real, &now) != 0 || now.st_dev != st->st_dev || now.st_ino != st->st_ino) {
		ret = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                      "'%s' was replaced while it was checked", path.data);
		goto out;
	}
	size_t rl = strlen(root);
	bool inside = strcmp(root, "/") == 0 ||
	              (strncmp(real, root, rl) == 0 && (real[rl] == '/' || real[rl] == '\0'));
	if (!inside) {
		ret = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                      "'%s' leads outside '%s' (to '%s')", path.data, dir, real);
		goto out;
	}
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
