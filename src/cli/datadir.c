/* datadir.c: finding the data directory and listing the Turtle files in
 * it, in sorted order so that a run is reproducible. */
#include "cli/datadir.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "config.h"
#include "base/str.h"

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Write dir + suffix into out; DCATIT_ERR_LIMIT when it does not fit (out
 * then holds as much as fits), DCATIT_ERR_NOT_FOUND when it is not a
 * directory. */
static DcatitStatus try_dir(char *out, size_t n, const char *dir,
                            const char *suffix)
{
	int len = snprintf(out, n, "%s%s", dir, suffix);
	if (len < 0 || (size_t)len >= n)
		return DCATIT_ERR_LIMIT;
	return is_dir(out) ? DCATIT_OK : DCATIT_ERR_NOT_FOUND;
}

/* The directory holding the running executable, symlinks resolved; false
 * when the system does not say (no /proc). */
static bool exe_dir(char *out, size_t n)
{
	ssize_t len = readlink("/proc/self/exe", out, n);
	if (len <= 0 || (size_t)len >= n)
		return false;
	out[len] = '\0';
	char *slash = strrchr(out, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

/* True when the executable lies in the build directory meson made
 * (DCATIT_BUILDDIR: dcatit itself, or a test driver in a subdirectory), not
 * an installed copy: only then is the source tree's vocab/ the data. */
static bool running_uninstalled(const char *exe)
{
	char built[PATH_MAX];
	if (!realpath(DCATIT_BUILDDIR, built))
		return false;
	size_t n = strlen(built);
	return strncmp(built, exe, n) == 0 && (exe[n] == '\0' || exe[n] == '/');
}

/* The prefix the tree was installed (or moved) to: DCATIT_BINDIR_DEPTH
 * components up from the executable's directory. */
static bool relocated_prefix(char *out, size_t n, const char *exe)
{
	if (DCATIT_BINDIR_DEPTH < 0)
		return false;
	int len = snprintf(out, n, "%s", exe);
	if (len < 0 || (size_t)len >= n)
		return false;
	for (int i = 0; i < DCATIT_BINDIR_DEPTH; i++) {
		char *slash = strrchr(out, '/');
		if (!slash)
			return false;
		*slash = '\0';
	}
	return true;
}

/* The installed data directory relative to the executable. */
static bool relocated_dir(char *out, size_t n, const char *exe)
{
	char prefix[PATH_MAX];
	if (!relocated_prefix(prefix, sizeof prefix, exe))
		return false;
	int len = snprintf(out, n, "%s/%s", prefix, DCATIT_DATADIR_REL);
	return len >= 0 && (size_t)len < n;
}

DcatitStatus dcatit_datadir_find(char *out, size_t n)
{
	if (!out || n == 0)
		return DCATIT_ERR_USAGE;
	const char *env = getenv("DCATIT_DATADIR");
	if (env && *env) {
		/* accept the vocab dir itself or a dir that contains vocab/ */
		if (try_dir(out, n, env, "/vocab") == DCATIT_OK)
			return DCATIT_OK;
		return try_dir(out, n, env, "");
	}
	char exe[PATH_MAX], rel[PATH_MAX];
	bool have_exe = exe_dir(exe, sizeof exe);
	if (have_exe && running_uninstalled(exe))
		return try_dir(out, n, DCATIT_SRCDIR, "/vocab");
	/* meson's install_subdir('vocab') puts it under <datadir>/vocab. The
	 * place next to the executable comes first, so a moved tree uses its
	 * own data and not whatever is installed at the configured prefix. */
	bool have_rel = have_exe && relocated_dir(rel, sizeof rel, exe);
	if (have_rel) {
		DcatitStatus st = try_dir(out, n, rel, "/vocab");
		if (st != DCATIT_ERR_NOT_FOUND)
			return st;
	}
	DcatitStatus st = try_dir(out, n, DCATIT_DATADIR, "/vocab");
	if (st == DCATIT_OK || !have_rel)
		return st;
	/* neither: name the place next to the executable, where a moved
	 * install's data is missing */
	return try_dir(out, n, rel, "/vocab");
}

DcatitStatus dcatit_datadir_locale(char *out, size_t n)
{
	if (!out || n == 0)
		return DCATIT_ERR_USAGE;
	const char *env = getenv("DCATIT_LOCALEDIR");
	if (env && *env)
		return try_dir(out, n, env, "");
	char exe[PATH_MAX], prefix[PATH_MAX];
	bool have_exe = exe_dir(exe, sizeof exe);
	/* a build that is not installed: meson compiles the catalogues into
	 * BUILDDIR/po/<lang>/LC_MESSAGES */
	if (have_exe && running_uninstalled(exe))
		return try_dir(out, n, DCATIT_BUILDDIR, "/po");
	/* a moved install: the same path under the prefix it was moved to, as
	 * for the data directory */
	if (have_exe && DCATIT_LOCALEDIR_REL[0] != '/' && relocated_prefix(prefix, sizeof prefix, exe)) {
		char rel[PATH_MAX + 64];
		int len = snprintf(rel, sizeof rel, "%s/%s", prefix, DCATIT_LOCALEDIR_REL);
		if (len > 0 && (size_t)len < sizeof rel && try_dir(out, n, rel, "") == DCATIT_OK)
			return DCATIT_OK;
	}
	return try_dir(out, n, DCATIT_LOCALEDIR, "");
}

typedef struct {
	char **items;
	size_t n, cap;
	bool oom;
} List;

static void list_add(List *l, const char *dir, const char *name)
{
	if (l->oom)
		return;
	char **p = dcatit_grow(l->items, &l->cap, l->n + 2, sizeof *p, 16);
	if (!p) {
		l->oom = true;
		return;
	}
	l->items = p;
	size_t len = strlen(dir) + 1 + strlen(name) + 1;
	char *s = malloc(len);
	if (!s) {
		l->oom = true;
		return;
	}
	snprintf(s, len, "%s/%s", dir, name);
	l->items[l->n++] = s;
	l->items[l->n] = NULL;
}

static bool has_ttl_ext(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".ttl") == 0;
}

static bool walk(List *l, const char *dir, bool recursive, const char *skip,
                 int depth)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(dir) + 1 + strlen(e->d_name) + 1;
		char *path = malloc(len);
		if (!path) {
			l->oom = true;
			break;
		}
		snprintf(path, len, "%s/%s", dir, e->d_name);
		if (is_dir(path)) {
			/* depth bound: a symlink loop must not hang us */
			if (recursive && depth < 16 &&
			    !(skip && depth == 0 && strcmp(e->d_name, skip) == 0))
				walk(l, path, recursive, skip, depth + 1);
		} else if (has_ttl_ext(e->d_name)) {
			list_add(l, dir, e->d_name);
		}
		free(path);
	}
	closedir(d);
	return true;
}

char **dcatit_datadir_list(const char *dir, bool recursive, const char *skip,
                           size_t *count)
{
	List l = { NULL, 0, 0, false };
	bool ok = walk(&l, dir, recursive, skip, 0);
	if (ok && !l.oom && !l.items) {
		l.items = calloc(1, sizeof *l.items);
		if (!l.items)
			l.oom = true;
	}
	if (!ok || l.oom) {
		for (size_t i = 0; i < l.n; i++)
			free(l.items[i]);
		free(l.items);
		return NULL;
	}
	qsort(l.items, l.n, sizeof *l.items, dcatit_cmp_str);
	*count = l.n;
	return l.items;
}

void dcatit_datadir_list_free(char **list)
{
	if (!list)
		return;
	for (char **p = list; *p; p++)
		free(*p);
	free(list);
}
