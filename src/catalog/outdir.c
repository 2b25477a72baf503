/* outdir.c: the checks and the swap of outdir.h. Directories are read
 * through descriptors opened with O_NOFOLLOW, one level at a time, so a
 * symbolic link planted in OUT is never followed out of it; what is
 * removed is what a manifest lists, nothing else. */
#include "catalog/outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/str.h"

#define MANIFEST DCATIT_OUTDIR_MANIFEST
#define MANIFEST_HEAD \
	"# dcatit build output: every file listed here was written by dcatit build.\n" \
	"# A later build replaces this directory only while it holds nothing else.\n"
/* Deeper than any output a build writes: a limit, not a format rule. */
#define MAX_DEPTH 64

/* Is rel a listed file? */
static bool listed(const DcatitStrs *m, const char *rel)
{
	return m->n && bsearch(&rel, m->items, m->n, sizeof *m->items, dcatit_cmp_str);
}

/* Is rel a directory some listed file lies in? */
static bool listed_dir(const DcatitStrs *m, const char *rel)
{
	size_t len = strlen(rel), lo = 0, hi = m->n;
	/* the first item not below rel + "/" in byte order */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(m->items[mid], rel, len);
		if (c < 0 || (c == 0 && (unsigned char)m->items[mid][len] < '/'))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->n && strncmp(m->items[lo], rel, len) == 0 && m->items[lo][len] == '/';
}

/* The names in the directory dirfd, sorted bytewise; NULL with errno set
 * on failure (an empty directory gives a non-NULL empty list). */
static char **dir_names(int dirfd, size_t *n)
{
	*n = 0;
	int fd = dup(dirfd);
	DIR *dp = fd >= 0 ? fdopendir(fd) : NULL;
	if (!dp) {
		int err = errno;
		if (fd >= 0)
			close(fd);
		errno = err;
		return NULL;
	}
	rewinddir(dp);
	DcatitStrs names = { NULL, 0, 0 };
	struct dirent *e;
	bool ok = true;
	while (ok && (e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			ok = dcatit_strs_add(&names, e->d_name);
	closedir(dp);
	if (!ok) {
		dcatit_strs_release(&names);
		errno = ENOMEM;
		return NULL;
	}
	if (!names.items && !(names.items = calloc(1, sizeof *names.items))) {
		errno = ENOMEM;
		return NULL;
	}
	qsort(names.items, names.n, sizeof *names.items, dcatit_cmp_str);
	*n = names.n;
	return names.items;
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ---- the manifest ------------------------------------------------------- */

/* A path as a manifest line: control characters and '%' as %XX. */
static void put_line(DcatitBuf *b, const char *rel)
{
	for (const unsigned char *s = (const unsigned char *)rel; *s; s++) {
		if (*s < 0x20 || *s == 0x7f || *s == '%')
			dcatit_buf_addf(b, "%%%02X", *s);
		else
			dcatit_buf_addc(b, (char)*s);
	}
	dcatit_buf_addc(b, '\n');
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 :
	       c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* A manifest line back into a path; false when it is not one a build
 * writes (empty, absolute, '.', '..' or empty segments, bad escapes). */
static bool get_line(const char *s, size_t len, DcatitBuf *out)
{
	dcatit_buf_clear(out);
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '%') {
			dcatit_buf_addc(out, s[i]);
			continue;
		}
		int h = i + 2 < len ? hexval(s[i + 1]) : -1, l = h >= 0 ? hexval(s[i + 2]) : -1;
		if (l < 0 || (h == 0 && l == 0))
			return false;
		dcatit_buf_addc(out, (char)(h * 16 + l));
		i += 2;
	}
	if (out->oom || !out->len)
		return false;
	const char *p = out->data;
	for (;;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		if (!e)
			return true;
		p = e + 1;
	}
}

/* Read dirfd/MANIFEST into m (sorted). *found false, DCATIT_OK, when
 * there is none; DCATIT_ERR_USAGE when it is not one a build wrote. */
static DcatitStatus read_manifest(int dirfd, const char *display, DcatitStrs *m, bool *found,
                                  DcatitDiag *d)
{
	*found = false;
	int fd = openat(dirfd, MANIFEST, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return DCATIT_OK;
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		if (fd >= 0)
			close(fd);
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                       "'%s/%s' is not a manifest written by dcatit build",
		                       display, MANIFEST);
	}
	DcatitBuf text, line;
	dcatit_buf_init(&text);
	dcatit_buf_init(&line);
	int err = dcatit_buf_read_fd(&text, fd);
	close(fd);
	DcatitStatus st = DCATIT_OK;
	if (err == ENOMEM)
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	else if (err)
		st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s/%s': %s",
		                     display, MANIFEST, strerror(err));
	else if (text.len < strlen(MANIFEST_HEAD) ||
	         memcmp(text.data, MANIFEST_HEAD, strlen(MANIFEST_HEAD)) != 0)
		st = dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                     "'%s/%s' is not a manifest written by dcatit build", display,
		                     MANIFEST);
	unsigned long lineno = 3; /* after the two of MANIFEST_HEAD */
	for (size_t i = strlen(MANIFEST_HEAD); st == DCATIT_OK && i < text.len; lineno++) {
		const char *s = text.data + i;
		const char *nl = memchr(s, '\n', text.len - i);
		size_t n = nl ? (size_t)(nl - s) : text.len - i;
		i += n + 1;
		if (!get_line(s, n, &line))
			st = line.oom ? dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory")
			              : dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
			                                "'%s/%s' line %lu is not a path a build writes",
			                                display, MANIFEST, lineno);
		else if (!dcatit_strs_add(m, line.data))
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	dcatit_buf_release(&text);
	dcatit_buf_release(&line);
	if (st != DCATIT_OK) {
		dcatit_strs_release(m);
		return st;
	}
	if (m->n)
		qsort(m->items, m->n, sizeof *m->items, dcatit_cmp_str);
	*found = true;
	return DCATIT_OK;
}

/* ---- walking a tree ----------------------------------------------------- */

/* Join prefix and name into rel ("" prefix: name alone). */
static bool join(DcatitBuf *rel, const char *prefix, const char *name)
{
	dcatit_buf_clear(rel);
	if (*prefix)
		dcatit_buf_addf(rel, "%s/", prefix);
	dcatit_buf_adds(rel, name);
	return !rel->oom;
}

/* The first entry under dirfd (in byte order, depth first) that m does
 * not account for, into stray; m NULL: the first entry at all. False when
 * there is none; *err set (errno) when the tree cannot be read. */
static bool find_stray(int dirfd, const char *prefix, const DcatitStrs *m, int depth,
                       DcatitBuf *stray, int *err)
{
	size_t n;
	char **names = dir_names(dirfd, &n);
	if (!names) {
		*err = errno;
		return false;
	}
	bool found = false;
	DcatitBuf rel;
	dcatit_buf_init(&rel);
	for (size_t i = 0; i < n && !found && !*err; i++) {
		if (!join(&rel, prefix, names[i])) {
			*err = ENOMEM;
			break;
		}
		if (m && !*prefix && strcmp(names[i], MANIFEST) == 0)
			continue;
		struct stat sb;
		if (fstatat(dirfd, names[i], &sb, AT_SYMLINK_NOFOLLOW) != 0) {
			if (errno != ENOENT)
				*err = errno;
			continue;
		}
		if (m && S_ISREG(sb.st_mode) && listed(m, rel.data))
			continue;
		if (m && S_ISDIR(sb.st_mode) && listed_dir(m, rel.data) && depth < MAX_DEPTH) {
			int sub = openat(dirfd, names[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (sub < 0) {
				*err = errno;
				continue;
			}
			found = find_stray(sub, rel.data, m, depth + 1, stray, err);
			close(sub);
			continue;
		}
		dcatit_buf_clear(stray);
		dcatit_buf_adds(stray, rel.data);
		found = true;
	}
	dcatit_buf_release(&rel);
	free_names(names, n);
	return found;
}

/* Every regular file under dirfd into out (unsorted). */
static bool collect_files(int dirfd, const char *prefix, int depth, DcatitStrs *out)
{
	size_t n;
	char **names = dir_names(dirfd, &n);
	if (!names)
		return false;
	bool ok = depth < MAX_DEPTH;
	DcatitBuf rel;
	dcatit_buf_init(&rel);
	for (size_t i = 0; i < n && ok; i++) {
		struct stat sb;
		ok = join(&rel, prefix, names[i]) &&
		     fstatat(dirfd, names[i], &sb, AT_SYMLINK_NOFOLLOW) == 0;
		if (ok && S_ISREG(sb.st_mode)) {
			ok = dcatit_strs_add(out, rel.data);
		} else if (ok && S_ISDIR(sb.st_mode)) {
			int sub = openat(dirfd, names[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			ok = sub >= 0 && collect_files(sub, rel.data, depth + 1, out);
			if (sub >= 0)
				close(sub);
		}
	}
	dcatit_buf_release(&rel);
	free_names(names, n);
	return ok;
}

/* Remove what m lists under dirfd (m NULL: every file and directory, for
 * a temporary directory of our own), and the directories left empty.
 * The first thing kept goes to kept (when still empty). */
static void remove_listed(int dirfd, const char *prefix, const DcatitStrs *m, int depth,
                          DcatitBuf *kept)
{
	size_t n;
	char **names = dir_names(dirfd, &n);
	DcatitBuf rel;
	dcatit_buf_init(&rel);
	for (size_t i = 0; names && i < n; i++) {
		if (!join(&rel, prefix, names[i]))
			break;
		if (!*prefix && strcmp(names[i], MANIFEST) == 0)
			continue; /* the caller's, last */
		struct stat sb;
		bool gone = false;
		if (fstatat(dirfd, names[i], &sb, AT_SYMLINK_NOFOLLOW) != 0) {
			gone = errno == ENOENT;
		} else if (S_ISREG(sb.st_mode) && (!m || listed(m, rel.data))) {
			gone = unlinkat(dirfd, names[i], 0) == 0;
		} else if (S_ISDIR(sb.st_mode) && (!m || listed_dir(m, rel.data)) &&
		           depth < MAX_DEPTH) {
			int sub = openat(dirfd, names[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (sub >= 0) {
				remove_listed(sub, rel.data, m, depth + 1, kept);
				close(sub);
			}
			gone = unlinkat(dirfd, names[i], AT_REMOVEDIR) == 0;
		}
		if (!gone && !kept->len)
			dcatit_buf_adds(kept, rel.data);
	}
	if (!names && !kept->len)
		dcatit_buf_adds(kept, *prefix ? prefix : ".");
	dcatit_buf_release(&rel);
	if (names)
		free_names(names, n);
}

/* Remove the tree at path: by its manifest (own false), or all of it (own
 * true: our temporary directory). The first thing kept goes to kept. */
static void remove_tree(const char *path, bool own, DcatitBuf *kept)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT)
			dcatit_buf_adds(kept, ".");
		return;
	}
	DcatitStrs m = { NULL, 0, 0 };
	bool found = false;
	DcatitDiag ignored;
	dcatit_diag_init(&ignored);
	if (!own)
		read_manifest(fd, path, &m, &found, &ignored);
	remove_listed(fd, "", own ? NULL : &m, 0, kept);
	if ((own || found) && !kept->len && unlinkat(fd, MANIFEST, 0) != 0 && errno != ENOENT)
		dcatit_buf_adds(kept, MANIFEST);
	close(fd);
	dcatit_strs_release(&m);
	if (!kept->len && rmdir(path) != 0 && !kept->len)
		dcatit_buf_adds(kept, ".");
}

/* ---- checks ------------------------------------------------------------- */

/* What OUT holds must be a previous build's output: refuse anything else,
 * naming it. status is the one to report a refusal with. */
static DcatitStatus check_contents(const DcatitOutDir *o, DcatitStatus status, DcatitDiag *d)
{
	int fd = open(o->real, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return dcatit_diag_set(d, errno == ENOTDIR || errno == ELOOP ? status : DCATIT_ERR_IO,
		                       NULL, 0, 0, "cannot use '%s' as the output directory: %s",
		                       o->display, strerror(errno));
	DcatitStrs m = { NULL, 0, 0 };
	bool found = false;
	DcatitStatus st = read_manifest(fd, o->display, &m, &found, d);
	if (st == DCATIT_ERR_USAGE)
		st = d->status = status;
	DcatitBuf stray;
	dcatit_buf_init(&stray);
	int err = 0;
	if (st == DCATIT_OK && find_stray(fd, "", found ? &m : NULL, 0, &stray, &err)) {
		if (stray.oom)
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		else if (found)
			st = dcatit_diag_set(d, status, NULL, 0, 0,
			                     "'%s' holds '%s', which no dcatit build wrote (%s does "
			                     "not list it); move it away or choose another output "
			                     "directory", o->display, stray.data, MANIFEST);
		else
			st = dcatit_diag_set(d, status, NULL, 0, 0,
			                     "'%s' is not empty and is not the output of a dcatit build "
			                     "(no %s): it holds '%s'; choose a new or empty directory",
			                     o->display, MANIFEST, stray.data);
	}
	if (st == DCATIT_OK && err)
		st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s",
		                     o->display, strerror(err));
	dcatit_buf_release(&stray);
	dcatit_strs_release(&m);
	close(fd);
	return st;
}

DcatitStatus dcatit_outdir_open(DcatitOutDir *o, const char *out, const char *catalog_dir,
                                DcatitDiag *d)
{
	memset(o, 0, sizeof *o);
	size_t n = strlen(out);
	if (!n)
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                       "an empty name cannot be the output directory");
	if (n > 1 && out[n - 1] == '/')
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                       "output directory '%s' must not end with '/'", out);
	char *cat = realpath(catalog_dir, NULL);
	if (!cat)
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s",
		                       catalog_dir, strerror(errno));
	DcatitStatus st = DCATIT_OK;
	if (!(o->display = dcatit_strdup(out))) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	struct stat sb;
	bool exists = lstat(out, &sb) == 0;
	if (!exists && errno != ENOENT) {
		st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot use '%s' as the output "
		                     "directory: %s", out, strerror(errno));
	} else if (exists && S_ISLNK(sb.st_mode)) {
		st = dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0, "'%s' is a symbolic link; "
		                     "give the directory it points to", out);
	} else if (exists && !S_ISDIR(sb.st_mode)) {
		st = dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                     "'%s' exists and is not a directory", out);
	} else if (exists) {
		if (!(o->real = realpath(out, NULL)))
			st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot use '%s' as the "
			                     "output directory: %s", out, strerror(errno));
	} else {
		/* a new directory: its parent must exist */
		const char *slash = strrchr(out, '/');
		const char *name = slash ? slash + 1 : out;
		char *par = slash ? dcatit_strndup(out, slash == out ? 1 : (size_t)(slash - out))
		                  : dcatit_strdup(".");
		char *preal = par ? realpath(par, NULL) : NULL;
		if (!par) {
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		} else if (!preal) {
			st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot create '%s': '%s': "
			                     "%s", out, par, strerror(errno));
		} else if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
			st = dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
			                     "'%s' cannot be the output directory", out);
		} else {
			DcatitBuf r;
			dcatit_buf_init(&r);
			dcatit_buf_addf(&r, "%s/%s", strcmp(preal, "/") ? preal : "", name);
			if (!(o->real = dcatit_buf_detach(&r)))
				st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		}
		free(preal);
		free(par);
	}
	if (st != DCATIT_OK)
		goto out;
	if (strcmp(o->real, "/") == 0) {
		st = dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                     "'%s' cannot be the output directory", out);
		goto out;
	}
	if (!(o->parent = dcatit_strdup(o->real))) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	char *ls = strrchr(o->parent, '/');
	ls[ls == o->parent ? 1 : 0] = '\0';
	if (strcmp(o->real, cat) == 0)
		st = dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0, "'%s' is the catalogue "
		                     "directory; choose an output directory outside it", out);
	else if (dcatit_str_path_within(o->real, cat))
		st = dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0, "'%s' is inside the catalogue "
		                     "directory '%s'; choose an output directory outside it", out,
		                     catalog_dir);
	else if (dcatit_str_path_within(cat, o->real))
		st = dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0, "'%s' contains the catalogue "
		                     "directory '%s'; choose an output directory outside it", out,
		                     catalog_dir);
	else if (exists)
		st = check_contents(o, DCATIT_ERR_USAGE, d);
out:
	free(cat);
	if (st != DCATIT_OK)
		dcatit_outdir_release(o);
	return st;
}

DcatitStatus dcatit_outdir_begin(DcatitOutDir *o, DcatitDiag *d)
{
	const char *name = strrchr(o->real, '/') + 1;
	DcatitBuf tmp;
	dcatit_buf_init(&tmp);
	dcatit_buf_addf(&tmp, "%s/.%s.tmpXXXXXX", strcmp(o->parent, "/") ? o->parent : "", name);
	if (tmp.oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	if (!mkdtemp(tmp.data)) {
		DcatitStatus st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0,
		        "cannot create a temporary directory next to '%s': %s", o->display,
		        strerror(errno));
		dcatit_buf_release(&tmp);
		return st;
	}
	chmod(tmp.data, 0755);
	o->tmp = dcatit_buf_detach(&tmp);
	return DCATIT_OK;
}

/* Create the parent directories of path (dir/rel) below dir. */
static bool make_parents(char *path, size_t dirlen)
{
	for (char *s = path + dirlen + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		int r = mkdir(path, 0777);
		*s = '/';
		if (r != 0 && errno != EEXIST)
			return false;
	}
	return true;
}

/* No fsync: the files land in a fresh temporary directory that is renamed
 * into place as a whole, so a reader sees the old output or the new one,
 * never a mix; syncing 10,000 files one by one would cost more than the
 * build (the durability a crash needs is "rebuild", the sources are in git). */
DcatitStatus dcatit_outdir_write_file(const char *dir, const char *rel, const char *data,
                                      size_t len, DcatitDiag *d)
{
	DcatitBuf p;
	dcatit_buf_init(&p);
	dcatit_buf_addf(&p, "%s/%s", dir, rel);
	if (p.oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	int flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
	int fd = open(p.data, flags, 0666);
	if (fd < 0 && errno == ENOENT) {
		if (!make_parents(p.data, strlen(dir))) {
			DcatitStatus st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0,
			        "cannot create the directories of '%s': %s", p.data, strerror(errno));
			dcatit_buf_release(&p);
			return st;
		}
		fd = open(p.data, flags, 0666);
	}
	bool ok = fd >= 0;
	for (size_t off = 0; ok && off < len;) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		ok = w > 0;
		if (ok)
			off += (size_t)w;
		else if (w == 0)
			errno = EIO;
	}
	int err = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		err = errno;
	}
	DcatitStatus st = DCATIT_OK;
	if (!ok)
		st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s",
		                     p.data, strerror(err));
	dcatit_buf_release(&p);
	return st;
}

/* The manifest of o->tmp: every regular file under it, sorted. */
static DcatitStatus write_manifest(const DcatitOutDir *o, DcatitDiag *d)
{
	DcatitStrs files = { NULL, 0, 0 };
	int fd = open(o->tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	bool ok = fd >= 0 && collect_files(fd, "", 0, &files);
	int err = errno;
	if (fd >= 0)
		close(fd);
	if (!ok) {
		dcatit_strs_release(&files);
		return dcatit_diag_set(d, err == ENOMEM ? DCATIT_ERR_NOMEM : DCATIT_ERR_IO, NULL, 0,
		                       0, "cannot list '%s': %s", o->tmp, strerror(err));
	}
	if (files.n)
		qsort(files.items, files.n, sizeof *files.items, dcatit_cmp_str);
	DcatitBuf text;
	dcatit_buf_init(&text);
	dcatit_buf_adds(&text, MANIFEST_HEAD);
	for (size_t i = 0; i < files.n; i++)
		put_line(&text, files.items[i]);
	dcatit_strs_release(&files);
	DcatitStatus st = text.oom ? dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0,
	                                             "out of memory")
	                           : dcatit_outdir_write_file(o->tmp, MANIFEST, text.data,
	                                                      text.len, d);
	dcatit_buf_release(&text);
	return st;
}

/* Swap the directories a and b in one step (Linux renameat2 with
 * RENAME_EXCHANGE), so that a reader of b (a web server publishing the
 * catalogue) sees the old tree or the new one, never a mix and never none.
 * False, with errno set, where the system or the file system cannot. */
static bool exchange(const char *a, const char *b)
{
#ifdef SYS_renameat2
	return syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0;
#else
	(void)a;
	(void)b;
	errno = ENOSYS;
	return false;
#endif
}

/* Remove the previous tree, now at old, by its manifest; warn about
 * what stays. */
static void drop_old(const DcatitOutDir *o, const char *old, DcatitNotes *notes)
{
	DcatitBuf kept;
	dcatit_buf_init(&kept);
	remove_tree(old, false, &kept);
	if (kept.len)
		dcatit_notes_add(notes, DCATIT_NOTE_WARNING, NULL, 0, 0,
		                 "the previous content of '%s' is kept in '%s': it holds '%s', which "
		                 "no dcatit build wrote (it appeared during the build)", o->display,
		                 old, kept.data ? kept.data : "");
	dcatit_buf_release(&kept);
}

DcatitStatus dcatit_outdir_commit(DcatitOutDir *o, DcatitNotes *notes, DcatitDiag *d)
{
	DcatitStatus st = write_manifest(o, d);
	if (st != DCATIT_OK)
		return st;
	/* check again: OUT may have changed while the build ran */
	struct stat sb;
	bool exists = lstat(o->real, &sb) == 0;
	if (exists && (S_ISLNK(sb.st_mode) || !S_ISDIR(sb.st_mode)))
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0,
		                       "'%s' exists and is not a directory", o->display);
	if (exists && (st = check_contents(o, DCATIT_ERR_IO, d)) != DCATIT_OK)
		return st;
	if (exists && exchange(o->tmp, o->real)) {
		/* the previous output is now at the temporary name */
		o->committed = true;
		drop_old(o, o->tmp, notes);
		return DCATIT_OK;
	}
	if (!exists) {
		if (rename(o->tmp, o->real) != 0)
			return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot rename '%s' to "
			                       "'%s': %s", o->tmp, o->display, strerror(errno));
		o->committed = true;
		return DCATIT_OK;
	}
	/* no exchange here (other systems, some file systems): move the old
	 * tree aside (onto an empty directory of our own) and the new one in,
	 * a moment without OUT */
	DcatitBuf old;
	dcatit_buf_init(&old);
	dcatit_buf_addf(&old, "%s/.%s.oldXXXXXX", strcmp(o->parent, "/") ? o->parent : "",
	                strrchr(o->real, '/') + 1);
	if (old.oom) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	} else if (!mkdtemp(old.data) || rename(o->real, old.data) != 0) {
		st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot replace '%s': %s",
		                     o->display, strerror(errno));
		rmdir(old.data);
	} else if (rename(o->tmp, o->real) != 0) {
		st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot rename '%s' to '%s': %s",
		                     o->tmp, o->display, strerror(errno));
		rename(old.data, o->real); /* put the previous output back */
	} else {
		o->committed = true;
		drop_old(o, old.data, notes);
	}
	dcatit_buf_release(&old);
	return st;
}

void dcatit_outdir_release(DcatitOutDir *o)
{
	if (o->tmp && !o->committed) {
		DcatitBuf kept;
		dcatit_buf_init(&kept);
		remove_tree(o->tmp, true, &kept);
		dcatit_buf_release(&kept);
	}
	free(o->tmp);
	free(o->display);
	free(o->real);
	free(o->parent);
	memset(o, 0, sizeof *o);
}
