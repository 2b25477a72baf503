/* harvest.c: the harvest driver. For each source: fetch through its
 * module, normalise every record, hash its canonical N-Triples, write the
 * Turtle file only when the hash differs from the state of the last run,
 * and move records that are gone to removed/ only after a complete,
 * non-empty fetch. Then the merged catalogue is built from the record
 * files of every source, validated once, and the findings are traced back
 * to records through the source file of each triple. Every file is written
 * to a temporary name and renamed, and left alone when its bytes would not
 * change, so a rerun on an unchanged source touches nothing. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* syncfs */
#endif
#include "harvest/harvest.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/digest.h"
#include "base/guard.h"
#include "base/i18n.h"
#include "harvest/normalize.h"
#include "harvest/src_ckan.h"
#include "harvest/src_csw.h"
#include "harvest/src_dcat.h"
#include "net/http.h"
#include "profile/profile.h"
#include "rdf/canon.h"
#include "rdf/prefixes.h"
#include "rdf/rdfio.h"
#include "rdf/vocab.h"
#include "shacl/engine.h"
#include "shacl/report.h"
#include "shacl/result.h"
#include "base/str.h"

/* Reasons kept per invalid record: the first ones say what to fix. */
#define MAX_REASONS 20
#define STATE_VERSION 1

/* ---- records of a source: stem -> (id, hash), open addressing ---- */

typedef struct {
	char stem[96];
	char *id;
	char hash[65];
	char *datasets; /* the dataset IRIs the record types, one per line; NULL
	                   when unknown (a state of an older version) */
	bool used;
} Rec;

typedef struct {
	Rec *slots;
	size_t cap, n;
} RecMap;

static uint64_t fnv(const char *s)
{
	return dcatit_hash_str(s);
}

static void recmap_release(RecMap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].used) {
			free(m->slots[i].id);
			free(m->slots[i].datasets);
		}
	free(m->slots);
	memset(m, 0, sizeof *m);
}

static Rec *recmap_find(const RecMap *m, const char *stem)
{
	if (!m->cap)
		return NULL;
	for (size_t i = fnv(stem) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->slots[i].used)
			return NULL;
		if (strcmp(m->slots[i].stem, stem) == 0)
			return &m->slots[i];
	}
}

static bool recmap_grow(RecMap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 256;
	Rec *s = calloc(cap, sizeof *s);
	if (!s)
		return false;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].used)
			continue;
		size_t j = fnv(m->slots[i].stem) & (cap - 1);
		while (s[j].used)
			j = (j + 1) & (cap - 1);
		s[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = s;
	m->cap = cap;
	return true;
}

/* Insert (or find) stem; datasets (may be NULL) is copied. NULL on OOM. */
static Rec *recmap_put(RecMap *m, const char *stem, const char *id, const char *hash,
                       const char *datasets)
{
	Rec *r = recmap_find(m, stem);
	if (r)
		return r;
	if ((m->n + 1) * 2 > m->cap && !recmap_grow(m))
		return NULL;
	size_t j = fnv(stem) & (m->cap - 1);
	while (m->slots[j].used)
		j = (j + 1) & (m->cap - 1);
	r = &m->slots[j];
	size_t n = strlen(id);
	r->id = malloc(n + 1);
	if (!r->id)
		return NULL;
	memcpy(r->id, id, n + 1);
	r->datasets = NULL;
	if (datasets && !(r->datasets = dcatit_strdup(datasets))) {
		free(r->id);
		return NULL;
	}
	snprintf(r->stem, sizeof r->stem, "%s", stem);
	snprintf(r->hash, sizeof r->hash, "%s", hash ? hash : "");
	r->used = true;
	m->n++;
	return r;
}

static int cmp_rec_ptr(const void *a, const void *b)
{
	const Rec *x = *(const Rec *const *)a, *y = *(const Rec *const *)b;
	return strcmp(x->stem, y->stem);
}

/* The used slots sorted by stem (caller frees the array). */
static Rec **recmap_sorted(const RecMap *m)
{
	Rec **v = malloc((m->n ? m->n : 1) * sizeof *v);
	if (!v)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].used)
			v[k++] = &m->slots[i];
	qsort(v, k, sizeof *v, cmp_rec_ptr);
	return v;
}

/* ---- files ---- */

void dcatit_harvest_stem(const char *record_id, char out[96])
{
	/* drop the scheme: "http___" in every name says nothing */
	const char *s = strstr(record_id, "://");
	s = s ? s + 3 : record_id;
	size_t j = 0;
	for (; *s && j < 80; s++) {
		unsigned char c = (unsigned char)*s;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		          (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
		char ch = ok ? (char)c : '_';
		if (ch == '_' && j && out[j - 1] == '_')
			continue;
		if (j == 0 && ch == '.')
			ch = '_';
		out[j++] = ch;
	}
	while (j && (out[j - 1] == '_' || out[j - 1] == '.'))
		j--;
	char hex[DCATIT_DIGEST_HEX_MAX];
	dcatit_digest_hex(DCATIT_DIGEST_SHA256, record_id, strlen(record_id), hex);
	if (j)
		out[j++] = '-';
	memcpy(out + j, hex, 12);
	out[j + 12] = '\0';
}

/* Create the directory path if missing. It must be a real directory: a
 * symlink planted where harvest writes (OUT, OUT/NAME, OUT/NAME/removed)
 * would carry records, states and removals elsewhere, so it is refused,
 * never followed (lstat). */
static DcatitStatus ensure_dir(const char *path, DcatitDiag *d)
{
	char p[4096];
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--; /* "out/" would make lstat follow a link */
	if (n >= sizeof p)
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "path too long: '%.200s'", path);
	memcpy(p, path, n);
	p[n] = '\0';
	if (mkdir(p, 0777) != 0 && errno != EEXIST)
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot create '%s': %s", p,
		                       strerror(errno));
	struct stat st;
	if (lstat(p, &st) != 0)
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot create '%s': %s", p,
		                       strerror(errno));
	if (S_ISLNK(st.st_mode))
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "'%s' is a symbolic link: "
		                       "harvest writes only into real directories", p);
	if (!S_ISDIR(st.st_mode))
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "'%s' is not a directory", p);
	return DCATIT_OK;
}

/* Read a whole file (NUL-terminated) into b; false when it cannot be read. */
static bool read_file(const char *path, DcatitBuf *b)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char chunk[65536];
	size_t n;
	bool ok = true;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (!dcatit_buf_add(b, chunk, n))
			ok = false;
	if (ferror(f))
		ok = false;
	fclose(f);
	if (ok && !b->data)
		ok = dcatit_buf_adds(b, "");
	return ok;
}

/* Does path hold exactly these bytes? (A symlink never does: the rename
 * replaces it instead of writing through it.) */
static bool same_content(const char *path, const char *data, size_t len)
{
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size != len)
		return false;
	DcatitBuf b;
	dcatit_buf_init(&b);
	bool same = read_file(path, &b) && b.len == len && (!len || memcmp(b.data, data, len) == 0);
	dcatit_buf_release(&b);
	return same;
}

/* Write data to path through a temporary file and a rename, unless the
 * file already holds it. *written (may be NULL) tells which. With durable,
 * the data reaches the disk before the rename; record files are not
 * synced one by one (an fsync each made a 5,000 record harvest 8 times
 * slower): one syncfs before the state file is written orders them. */
static DcatitStatus write_file(const char *path, const char *data, size_t len,
                               bool durable, bool *written, DcatitDiag *d)
{
	if (written)
		*written = false;
	if (same_content(path, data, len))
		return DCATIT_OK;
	DcatitBuf tmp;
	dcatit_buf_init(&tmp);
	dcatit_buf_addf(&tmp, "%s.tmp-%ld", path, (long)getpid());
	if (tmp.oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	/* a fresh file, never an existing name: a symlink planted at the
	 * temporary name is not written through */
	int fd = open(tmp.data, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0 && errno == EEXIST && unlink(tmp.data) == 0)
		fd = open(tmp.data, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s", tmp.data,
		                strerror(errno));
		dcatit_buf_release(&tmp);
		return DCATIT_ERR_IO;
	}
	bool ok = (!len || fwrite(data, 1, len, f) == len) && fflush(f) == 0 &&
	          (!durable || fsync(fileno(f)) == 0);
	int err = errno;
	if (fclose(f) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (ok && rename(tmp.data, path) != 0) {
		ok = false;
		err = errno;
	}
	if (!ok) {
		remove(tmp.data);
		dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s", path,
		                strerror(err));
		dcatit_buf_release(&tmp);
		return DCATIT_ERR_IO;
	}
	dcatit_buf_release(&tmp);
	if (written)
		*written = true;
	return DCATIT_OK;
}

static DcatitStatus write_atomic(const char *path, const char *data, size_t len,
                                 bool *written, DcatitDiag *d)
{
	return write_file(path, data, len, true, written, d);
}

/* Flush the file system holding dir: syncfs where there is one (sync()
 * would also wait for every other process's writes). */
static void sync_dir(const char *dir)
{
#ifdef __linux__
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		syncfs(fd);
		close(fd);
		return;
	}
#endif
	(void)dir;
	sync();
}

/* A regular file (not a symlink to one) is at path. */
static bool file_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static DcatitJson *lines_array(const DcatitBuf *b);

/* The IRIs of the datasets a record types (dcat:Dataset, dcatapit:Dataset),
 * one per line, appended to out: what the merged catalogue checks for two
 * records claiming one dataset. */
static bool record_datasets(DcatitModel *rec, DcatitBuf *out)
{
	DcatitTerms *t = dcatit_model_terms(rec);
	DcatitTermId type = dcatit_terms_find_iri(t, DCATIT_NS_RDF "type");
	DcatitTermId cls[2] = { dcatit_terms_find_iri(t, DCATIT_NS_DCAT "Dataset"),
	                        dcatit_terms_find_iri(t, DCATIT_NS_DCATAPIT "Dataset") };
	DcatitTermId last = 0;
	for (int k = 0; k < 2 && type; k++) {
		DcatitRange r = cls[k] ? dcatit_model_po(rec, type, cls[k]) : (DcatitRange){ NULL, 0 };
		for (size_t i = 0; i < r.n; i++) {
			DcatitTermId ds = dcatit_model_triple(rec, r.idx[i])->s;
			if (!dcatit_terms_is_iri(t, ds) || ds == last)
				continue;
			/* typed twice (both classes): listed once */
			if (k == 1 && cls[0] && dcatit_model_has(rec, ds, type, cls[0]))
				continue;
			last = ds;
			dcatit_buf_addf(out, "%s\n", dcatit_terms_str(t, ds));
		}
	}
	return !out->oom;
}

/* ---- one source ---- */

typedef struct {
	const DcatitHarvestSource *src;
	const DcatitHarvestOpts *opts;
	DcatitHarvestReport *rep;
	DcatitTerms *terms;
	RecMap old;          /* state of the last run */
	RecMap now;          /* records of this run */
	char dir[4096];
	DcatitBuf path, ttl, canon;
	const DcatitHarvestFetch *f; /* the fetch under way (pages, for progress) */
	bool wrote;          /* a record file was written */
	size_t last_progress;
} Run;

static void progress(Run *r, unsigned pages)
{
	if (r->opts->progress && r->opts->progress_fn)
		r->opts->progress_fn(r->opts->progress_ud, r->src->name, r->rep->seen, pages);
}

static DcatitStatus on_record(void *ud, const char *record_id, DcatitModel *record,
                              DcatitDiag *d)
{
	Run *r = ud;
	char stem[96];
	dcatit_harvest_stem(record_id, stem);
	if (recmap_find(&r->now, stem)) {
		r->rep->duplicates++;
		return DCATIT_OK;
	}
	DcatitModel *out = dcatit_model_new(r->terms);
	if (!out)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	DcatitStatus st = dcatit_harvest_normalize(record, out, r->src, &r->rep->fixes, d);
	if (st == DCATIT_OK && !dcatit_model_size(out)) {
		dcatit_model_free(out);
		r->rep->rejected++;
		dcatit_buf_addf(&r->rep->warnings, _("record '%s' is empty: skipped\n"), record_id);
		return DCATIT_OK;
	}
	dcatit_buf_clear(&r->canon);
	if (st == DCATIT_OK)
		st = dcatit_canon_write(out, &r->canon);
	if (st != DCATIT_OK) {
		dcatit_model_free(out);
		return st == DCATIT_ERR_NOMEM
		       ? dcatit_diag_set(d, st, NULL, 0, 0, "out of memory") : st;
	}
	char hash[DCATIT_DIGEST_HEX_MAX];
	dcatit_digest_hex(DCATIT_DIGEST_SHA256, r->canon.data ? r->canon.data : "",
	                  r->canon.len, hash);

	dcatit_buf_clear(&r->path);
	dcatit_buf_addf(&r->path, "%s/%s.ttl", r->dir, stem);
	const Rec *prev = recmap_find(&r->old, stem);
	bool same = prev && strcmp(prev->hash, hash) == 0;
	if (!same || !file_exists(r->path.data)) {
		dcatit_buf_clear(&r->ttl);
		st = dcatit_prefixes_declare_used(out);
		if (st == DCATIT_OK)
			st = dcatit_rdfio_write_buf(out, &r->ttl, DCATIT_SYNTAX_TURTLE, NULL, d);
		if (st == DCATIT_OK && r->path.oom)
			st = DCATIT_ERR_NOMEM;
		if (st == DCATIT_OK)
			st = write_file(r->path.data, r->ttl.data ? r->ttl.data : "", r->ttl.len,
			                false, NULL, d);
		if (st == DCATIT_OK)
			r->wrote = true;
		if (st != DCATIT_OK) {
			dcatit_model_free(out);
			return st;
		}
	}
	dcatit_buf_clear(&r->ttl);
	if (!record_datasets(out, &r->ttl)) {
		dcatit_model_free(out);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	dcatit_model_free(out);
	if (!recmap_put(&r->now, stem, record_id, hash, r->ttl.data ? r->ttl.data : ""))
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	if (!prev)
		r->rep->added++;
	else if (same)
		r->rep->unchanged++;
	else
		r->rep->changed++;
	r->rep->seen++;
	if (r->rep->seen - r->last_progress >= 50) {
		r->last_progress = r->rep->seen;
		progress(r, r->f ? r->f->pages_fetched : 0);
	}
	return DCATIT_OK;
}

/* A record of a page that answered 304. */
static void on_keep(void *ud, const char *record_id)
{
	Run *r = ud;
	char stem[96];
	dcatit_harvest_stem(record_id, stem);
	if (recmap_find(&r->now, stem)) {
		r->rep->duplicates++;
		return;
	}
	const Rec *prev = recmap_find(&r->old, stem);
	if (!prev) {
		/* the cache names a record the state lost: do not trust the run */
		r->rep->rejected++;
		dcatit_buf_addf(&r->rep->warnings, _("record '%s' of an unmodified page is not "
		                  "in the state: run with --no-cache to fetch it again\n"), record_id);
		return;
	}
	dcatit_buf_clear(&r->path);
	dcatit_buf_addf(&r->path, "%s/%s.ttl", r->dir, stem);
	if (!file_exists(r->path.data)) {
		r->rep->rejected++;
		dcatit_buf_addf(&r->rep->warnings, _("record '%s': '%s' is missing: run with "
		                  "--no-cache to fetch it again\n"), record_id, r->path.data);
		return;
	}
	if (!recmap_put(&r->now, stem, record_id, prev->hash, prev->datasets)) {
		r->rep->rejected++;
		return;
	}
	r->rep->unchanged++;
	r->rep->seen++;
}

/* Remove the temporary files an interrupted run left in dir. */
static void clean_temporaries(const char *dir)
{
	DIR *dh = opendir(dir);
	if (!dh)
		return;
	struct dirent *e;
	DcatitBuf p;
	dcatit_buf_init(&p);
	while ((e = readdir(dh))) {
		if (!strstr(e->d_name, ".tmp-"))
			continue;
		dcatit_buf_clear(&p);
		dcatit_buf_addf(&p, "%s/%s", dir, e->d_name);
		if (!p.oom)
			remove(p.data);
	}
	dcatit_buf_release(&p);
	closedir(dh);
}

/* Load OUT/NAME/state.json into r->old and *pages (owned). */
static DcatitStatus load_state(const char *dir, RecMap *old, DcatitJson **pages,
                               DcatitDiag *d)
{
	*pages = NULL;
	DcatitBuf p, b;
	dcatit_buf_init(&p);
	dcatit_buf_init(&b);
	dcatit_buf_addf(&p, "%s/state.json", dir);
	DcatitStatus st = DCATIT_OK;
	struct stat lst;
	if (p.oom) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	} else if (lstat(p.data, &lst) == 0 && !S_ISREG(lst.st_mode)) {
		st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, p.data, 0, 0, "not a regular file (a "
		                     "symbolic link?); move it away to harvest this source afresh");
	} else if (file_exists(p.data)) {
		if (!read_file(p.data, &b)) {
			st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s",
			                     p.data, strerror(errno));
		} else {
			DcatitDiag jd;
			dcatit_diag_init(&jd);
			DcatitJson *j = dcatit_json_parse(b.data, b.len, &jd);
			DcatitJson *recs = dcatit_json_get(j, "records");
			if (!j || !dcatit_json_is_object(recs)) {
				st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, p.data, jd.line, jd.col,
				                     "not a harvest state file (%s); move it away to "
				                     "harvest this source afresh",
				                     j ? _("no records") : jd.message);
			} else {
				void *it = NULL;
				const char *stem;
				DcatitJson *v;
				while (st == DCATIT_OK && dcatit_json_next(recs, &it, &stem, &v)) {
					const char *id = dcatit_json_get_str(v, "id");
					const char *h = dcatit_json_get_str(v, "hash");
					if (!id || !h || strlen(stem) >= 96)
						continue;
					DcatitJson *dsl = dcatit_json_get(v, "datasets");
					DcatitBuf ds;
					dcatit_buf_init(&ds);
					for (size_t k = 0; k < dcatit_json_size(dsl); k++) {
						const char *iri = dcatit_json_str(dcatit_json_at(dsl, k));
						if (iri && *iri && !strchr(iri, '\n'))
							dcatit_buf_addf(&ds, "%s\n", iri);
					}
					if (ds.oom || !recmap_put(old, stem, id, h, dcatit_json_is_array(dsl)
					                          ? (ds.data ? ds.data : "") : NULL))
						st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
					dcatit_buf_release(&ds);
				}
				DcatitJson *pg = dcatit_json_get(j, "pages");
				if (dcatit_json_is_array(pg))
					*pages = dcatit_json_ref(pg);
			}
			dcatit_json_free(j);
		}
	}
	dcatit_buf_release(&p);
	dcatit_buf_release(&b);
	return st;
}

static DcatitStatus save_state(const char *dir, const DcatitHarvestSource *src,
                               const RecMap *recs, const DcatitJson *pages, DcatitDiag *d)
{
	DcatitJson *j = dcatit_json_object();
	DcatitJson *o = dcatit_json_object();
	bool ok = j && o && dcatit_json_set(j, "version", dcatit_json_integer(STATE_VERSION)) &&
	          dcatit_json_set_str(j, "url", src->url);
	for (size_t i = 0; ok && i < recs->cap; i++) {
		const Rec *r = &recs->slots[i];
		if (!r->used)
			continue;
		DcatitJson *e = dcatit_json_object();
		ok = e && dcatit_json_set_str(e, "id", r->id) && dcatit_json_set_str(e, "hash", r->hash);
		if (ok && r->datasets) {
			DcatitBuf lines = { .data = r->datasets, .len = strlen(r->datasets) };
			ok = dcatit_json_set(e, "datasets", lines_array(&lines));
		}
		ok = ok && dcatit_json_set(o, r->stem, e);
		if (!ok)
			e = NULL;
	}
	if (ok) {
		ok = dcatit_json_set(j, "records", o);
		o = NULL;
	}
	if (ok && pages)
		ok = dcatit_json_set(j, "pages", dcatit_json_copy(pages));
	char *text = ok ? dcatit_json_dump(j, true) : NULL;
	dcatit_json_free(o);
	dcatit_json_free(j);
	if (!text)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	DcatitBuf p, body;
	dcatit_buf_init(&p);
	dcatit_buf_init(&body);
	dcatit_buf_addf(&p, "%s/state.json", dir);
	dcatit_buf_addf(&body, "%s\n", text);
	free(text);
	DcatitStatus st = (p.oom || body.oom)
	                  ? dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory")
	                  : write_atomic(p.data, body.data, body.len, NULL, d);
	dcatit_buf_release(&p);
	dcatit_buf_release(&body);
	return st;
}

/* Move the records of the last run not seen now to removed/. */
static DcatitStatus remove_gone(Run *r, DcatitDiag *d)
{
	Rec **v = recmap_sorted(&r->old);
	if (!v)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	DcatitStatus st = DCATIT_OK;
	DcatitBuf rdir, to;
	dcatit_buf_init(&rdir);
	dcatit_buf_init(&to);
	dcatit_buf_addf(&rdir, "%s/removed", r->dir);
	for (size_t i = 0; i < r->old.n && st == DCATIT_OK; i++) {
		if (recmap_find(&r->now, v[i]->stem))
			continue;
		if ((st = ensure_dir(rdir.data, d)) != DCATIT_OK)
			break;
		dcatit_buf_clear(&r->path);
		dcatit_buf_addf(&r->path, "%s/%s.ttl", r->dir, v[i]->stem);
		dcatit_buf_clear(&to);
		dcatit_buf_addf(&to, "%s/%s.ttl", rdir.data, v[i]->stem);
		if (r->path.oom || to.oom) {
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			break;
		}
		/* gone already (an interrupted run moved it): nothing to move */
		if (rename(r->path.data, to.data) != 0 && errno != ENOENT) {
			st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot move '%s' to '%s': %s",
			                     r->path.data, to.data, strerror(errno));
			break;
		}
		r->rep->removed++;
		dcatit_buf_addf(&r->rep->removed_ids, "%s\n", v[i]->id);
	}
	free(v);
	dcatit_buf_release(&rdir);
	dcatit_buf_release(&to);
	return st;
}

/* The CSW module has its own source and stats types: translate. */
static DcatitStatus csw_source(DcatitHttp *h, const DcatitHarvestSource *src,
                               DcatitHarvestRecordFn fn, void *ud, DcatitHarvestFetch *f,
                               DcatitDiag *d)
{
	DcatitCswSource cs;
	memset(&cs, 0, sizeof cs);
	cs.url = src->url;
	cs.constraint = src->constraint;
	cs.page_size = src->page_size;
	cs.use_get = src->use_get;
	cs.max_pages = src->max_pages;
	cs.default_publisher = src->publisher;
	cs.default_rights_holder = src->rights_holder;
	cs.terms = f->terms;
	DcatitCswStats stats;
	memset(&stats, 0, sizeof stats);
	DcatitStatus st = dcatit_csw_harvest(h, &cs, fn, ud, &stats, d);
	f->pages_fetched = stats.pages;
	f->rejected += stats.skipped;
	if (st == DCATIT_OK && stats.matched > stats.records + stats.skipped) {
		f->cut_short = true;
		dcatit_buf_addf(&f->warnings, _("the CSW announced %lu records but %lu came "
		                  "back: no record is removed this run\n"), stats.matched,
		                stats.records + stats.skipped);
	}
	return st;
}

/* Harvest one source; failures of the source go to rep, the return value
 * is for failures of the run (cannot write OUT, out of memory). */
static DcatitStatus run_source(const DcatitHarvestSource *src, const DcatitHarvestOpts *opts,
                               DcatitHarvestReport *rep, DcatitDiag *d)
{
	Run r;
	memset(&r, 0, sizeof r);
	r.src = src;
	r.opts = opts;
	r.rep = rep;
	dcatit_buf_init(&r.path);
	dcatit_buf_init(&r.ttl);
	dcatit_buf_init(&r.canon);
	snprintf(r.dir, sizeof r.dir, "%s/%s", opts->out_dir, src->name);
	DcatitStatus st = DCATIT_OK;
	DcatitJson *prev_pages = NULL;
	DcatitHarvestFetch f;
	memset(&f, 0, sizeof f);
	dcatit_buf_init(&f.warnings);
	DcatitHttp *h = NULL;
	rep->harvested = true;

	if ((st = ensure_dir(r.dir, d)) != DCATIT_OK)
		goto out;
	clean_temporaries(r.dir);
	DcatitDiag sd;
	dcatit_diag_init(&sd);
	if (load_state(r.dir, &r.old, &prev_pages, &sd) != DCATIT_OK) {
		/* a damaged state must not turn into mass changes or removals */
		rep->st = sd.status;
		snprintf(rep->error, sizeof rep->error, "%.400s%s%.600s", sd.file, sd.file[0] ? ": " : "",
		         sd.message);
		goto out;
	}
	r.terms = dcatit_terms_new();
	if (!r.terms) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	DcatitHttpOpts ho;
	memset(&ho, 0, sizeof ho);
	ho.jobs = opts->jobs ? opts->jobs : 4;
	ho.timeout_ms = src->timeout_ms;
	ho.connect_timeout_ms = src->timeout_ms < 10000 ? src->timeout_ms : 10000;
	ho.max_retries = src->retries;
	ho.max_body = src->max_body;
	ho.user_agent = "dcatit-harvest";
	/* redirects and links stay on the source's host unless it lists others */
	DcatitHttpPolicy pol = { .home = src->url,
	                         .follow_hosts = (const char *const *)src->follow_hosts,
	                         .nfollow_hosts = src->nfollow_hosts };
	ho.policy = &pol;
	DcatitDiag hd;
	dcatit_diag_init(&hd);
	h = dcatit_http_new(&ho, &hd);
	if (!h) {
		st = dcatit_diag_set(d, hd.status, NULL, 0, 0, "%s", hd.message);
		goto out;
	}
	f.terms = r.terms;
	f.prev_pages = opts->no_cache ? NULL : prev_pages;
	f.keep = on_keep;
	f.ud = &r;
	r.f = &f;
	DcatitDiag fd;
	dcatit_diag_init(&fd);
	DcatitHarvestSourceFn fetch = NULL;
	switch (src->type) {
	case DCATIT_HARVEST_CKAN:
		fetch = dcatit_src_ckan_harvest;
		break;
	case DCATIT_HARVEST_DCAT:
		fetch = dcatit_src_dcat_harvest;
		break;
	case DCATIT_HARVEST_CSW:
		fetch = csw_source;
		break;
	}
	DcatitStatus fs = fetch ? fetch(h, src, on_record, &r, &f, &fd)
	                  : dcatit_diag_set(&fd, DCATIT_ERR_UNSUPPORTED, NULL, 0, 0,
	                                    "unknown source type");
	rep->pages = f.pages_fetched;
	rep->pages_not_modified = f.pages_not_modified;
	rep->rejected += f.rejected;
	if (f.warnings.len)
		dcatit_buf_add(&rep->warnings, f.warnings.data, f.warnings.len);
	if (fs != DCATIT_OK) {
		rep->st = fs;
		snprintf(rep->error, sizeof rep->error, "%s", fd.message[0] ? fd.message
		         : dcatit_strerror(fs));
		/* a write failure in a record callback is the run's, not the source's */
		if (fs == DCATIT_ERR_IO || fs == DCATIT_ERR_NOMEM) {
			st = dcatit_diag_set(d, fs, NULL, 0, 0, "%s", rep->error);
		}
	}
	bool may_remove = fs == DCATIT_OK && !f.cut_short && rep->seen > 0 && !rep->rejected;
	size_t gone = 0;
	for (size_t i = 0; i < r.old.cap; i++)
		if (r.old.slots[i].used && !recmap_find(&r.now, r.old.slots[i].stem))
			gone++;
	const char *why = NULL;
	if (may_remove && gone) {
		/* a source that suddenly shrinks (a broken search index, a
		 * compromised portal) must not empty what we hold */
		unsigned pct = opts->max_removal_pct ? opts->max_removal_pct : src->max_removal_pct;
		size_t limit;
		if (!dcatit_guard_allows(r.old.n, gone, pct, &limit) && !opts->allow_mass_removal) {
			may_remove = false;
			rep->removal_refused = true;
			rep->st = DCATIT_ERR_LIMIT;
			snprintf(rep->error, sizeof rep->error, _("%zu of the %zu records of the last run are "
			           "gone, more than a run may remove (at most %zu, %u%%; never all but a "
			           "handful): nothing removed; check the source, then rerun with "
			           "--allow-mass-removal if the records are really gone"), gone, r.old.n,
			         limit, pct ? pct : DCATIT_GUARD_DEFAULT_PCT);
			why = _("the removal guard refused");
		} else {
			DcatitDiag rd;
			dcatit_diag_init(&rd);
			char rdir[4200];
			snprintf(rdir, sizeof rdir, "%s/removed", r.dir);
			if (ensure_dir(rdir, &rd) != DCATIT_OK) {
				may_remove = false;
				rep->st = rd.status;
				snprintf(rep->error, sizeof rep->error, "%s", rd.message);
				why = _("removed/ cannot be used");
			}
		}
	}
	if (may_remove) {
		rep->removal_done = true;
		if (gone && (st = remove_gone(&r, d)) != DCATIT_OK)
			goto out;
	} else if (gone) {
		if (!why)
			why = fs != DCATIT_OK ? _("the fetch failed")
			      : f.cut_short ? _("the fetch was cut short")
			      : rep->seen == 0 ? _("the source came back empty")
			      : _("some records could not be converted");
		dcatit_buf_addf(&rep->warnings, _("%zu record(s) of the last run not seen, kept "
		                  "because %s\n"), gone, why);
		/* keep them in the state: they are still ours */
		for (size_t i = 0; i < r.old.cap; i++) {
			const Rec *o = &r.old.slots[i];
			if (o->used && !recmap_find(&r.now, o->stem) &&
			    !recmap_put(&r.now, o->stem, o->id, o->hash, o->datasets)) {
				st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
				goto out;
			}
		}
	}
	/* record files reach the disk before the state that names them */
	if (r.wrote)
		sync_dir(r.dir);
	/* the page cache of a failed fetch is not trusted: keep the old one */
	DcatitStatus sst = save_state(r.dir, src, &r.now, fs == DCATIT_OK ? f.pages : prev_pages,
	                              st == DCATIT_OK ? d : NULL);
	if (st == DCATIT_OK)
		st = sst;
	progress(&r, rep->pages);
out:
	dcatit_http_free(h);
	dcatit_json_free(f.pages);
	dcatit_json_free(prev_pages);
	dcatit_buf_release(&f.warnings);
	recmap_release(&r.old);
	recmap_release(&r.now);
	dcatit_terms_free(r.terms);
	dcatit_buf_release(&r.path);
	dcatit_buf_release(&r.ttl);
	dcatit_buf_release(&r.canon);
	return st;
}

/* ---- the merged catalogue ---- */

typedef struct {
	size_t src;   /* index into srcs */
	char *id;
	char *path;
	size_t nreasons;
	DcatitBuf reasons;
} FileRec;

typedef struct {
	FileRec *items; /* indexed by model source id */
	size_t n;
} FileRecs;

static void filerecs_release(FileRecs *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->items[i].id);
		free(f->items[i].path);
		dcatit_buf_release(&f->items[i].reasons);
	}
	free(f->items);
}

static DcatitStatus filerecs_set(FileRecs *f, uint32_t file, size_t src, const char *id,
                                 const char *path)
{
	if (file >= f->n) {
		size_t n = (size_t)file + 1 > f->n * 2 ? (size_t)file + 1 : f->n * 2;
		FileRec *p = realloc(f->items, n * sizeof *p);
		if (!p)
			return DCATIT_ERR_NOMEM;
		memset(p + f->n, 0, (n - f->n) * sizeof *p);
		f->items = p;
		f->n = n;
	}
	FileRec *r = &f->items[file];
	r->src = src;
	size_t a = strlen(id), b = strlen(path);
	r->id = malloc(a + 1);
	r->path = malloc(b + 1);
	if (!r->id || !r->path)
		return DCATIT_ERR_NOMEM;
	memcpy(r->id, id, a + 1);
	memcpy(r->path, path, b + 1);
	dcatit_buf_init(&r->reasons);
	return DCATIT_OK;
}

/* The greatest dct:modified of the datasets (lexical, first 10 chars). */
static DcatitTermId max_modified(DcatitModel *m, DcatitTerms *t)
{
	DcatitTermId p = dcatit_terms_iri_z(t, DCATIT_NS_DCT "modified");
	DcatitRange r = dcatit_model_po(m, p, 0);
	char best[11] = "";
	for (size_t i = 0; i < r.n; i++) {
		DcatitTermId o = dcatit_model_triple(m, r.idx[i])->o;
		const char *s = dcatit_terms_str(t, o);
		if (!dcatit_terms_is_literal(t, o) || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
			continue;
		if (strncmp(s, best, 10) > 0)
			snprintf(best, sizeof best, "%.10s", s);
	}
	if (!best[0])
		return 0;
	return dcatit_terms_literal_z(t, best, dcatit_terms_iri_z(t, DCATIT_NS_XSD "date"), NULL);
}

static DcatitStatus add_catalog_node(DcatitModel *m, const char *uri)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitLoc none = { 0, 0 };
	DcatitTermId cat = dcatit_terms_iri_z(t, uri);
	DcatitTermId type = dcatit_terms_iri_z(t, DCATIT_NS_RDF "type");
	DcatitTermId dsp = dcatit_terms_iri_z(t, DCATIT_NS_DCAT "dataset");
	DcatitTermId c1 = dcatit_terms_iri_z(t, DCATIT_NS_DCAT "Catalog");
	DcatitTermId c2 = dcatit_terms_iri_z(t, DCATIT_NS_DCATAPIT "Catalog");
	DcatitTermId d1 = dcatit_terms_iri_z(t, DCATIT_NS_DCAT "Dataset");
	DcatitTermId d2 = dcatit_terms_iri_z(t, DCATIT_NS_DCATAPIT "Dataset");
	DcatitTermId title = dcatit_terms_iri_z(t, DCATIT_NS_DCT "title");
	DcatitTermId desc = dcatit_terms_iri_z(t, DCATIT_NS_DCT "description");
	DcatitTermId mod = dcatit_terms_iri_z(t, DCATIT_NS_DCT "modified");
	DcatitTermId tv = dcatit_terms_literal_z(t, "Catalogo raccolto da dcatit harvest", 0, "it");
	DcatitTermId dv = dcatit_terms_literal_z(t, "I dataset raccolti dalle fonti configurate "
	                                         "in harvest/, normalizzati in DCAT-AP_IT.", 0, "it");
	if (!cat || !type || !dsp || !c1 || !c2 || !d1 || !d2 || !title || !desc || !mod || !tv || !dv)
		return DCATIT_ERR_NOMEM;
	/* collect the datasets before adding (ranges die at the next add) */
	DcatitTermId *ds = NULL;
	size_t nds = 0;
	for (int k = 0; k < 2; k++) {
		DcatitRange r = dcatit_model_po(m, type, k ? d2 : d1);
		DcatitTermId *p = realloc(ds, (nds + r.n + 1) * sizeof *p);
		if (!p) {
			free(ds);
			return DCATIT_ERR_NOMEM;
		}
		ds = p;
		for (size_t i = 0; i < r.n; i++)
			ds[nds++] = dcatit_model_triple(m, r.idx[i])->s;
	}
	DcatitTermId mv = max_modified(m, t);
	DcatitStatus st = DCATIT_OK;
	for (size_t i = 0; i < nds && st == DCATIT_OK; i++)
		st = dcatit_model_add(m, cat, dsp, ds[i], none);
	free(ds);
	if (!st)
		st = dcatit_model_add(m, cat, type, c1, none);
	if (!st)
		st = dcatit_model_add(m, cat, type, c2, none);
	if (!st)
		st = dcatit_model_add(m, cat, title, tv, none);
	if (!st)
		st = dcatit_model_add(m, cat, desc, dv, none);
	if (!st && mv)
		st = dcatit_model_add(m, cat, mod, mv, none);
	return st;
}

/* ---- one record per dataset IRI ---- */

/* The records of every source, as their states list them. */
typedef struct {
	RecMap map;
	Rec **v;       /* sorted by stem; NULL when the state could not be read */
	bool *drop;    /* per v[k]: left out of the merged catalogue */
} SrcRecs;

typedef struct {
	const char *iri; /* a line of a Rec's datasets (cut at its '\n') */
	size_t len;
	size_t src, k;
} Claim;

static int cmp_claim(const void *a, const void *b)
{
	const Claim *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->iri, y->iri, n);
	if (c || x->len != y->len)
		return c ? c : (x->len < y->len ? -1 : 1);
	if (x->src != y->src)
		return x->src < y->src ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/* Does the host of the IRI equal the host of url (case-insensitive)? */
static bool same_host(const char *iri, size_t len, const char *url)
{
	const char *a = NULL, *b = url ? strstr(url, "://") : NULL;
	for (size_t i = 0; i + 3 <= len && !a; i++)
		if (memcmp(iri + i, "://", 3) == 0)
			a = iri + i;
	if (!a || !b)
		return false;
	a += 3;
	b += 3;
	size_t na = 0, nb = strcspn(b, "/?#:");
	while (a + na < iri + len && !strchr("/?#:", a[na]))
		na++;
	return na == nb && na && strncasecmp(a, b, na) == 0;
}

/* The dataset IRIs of a record whose state does not list them (a state
 * written by an older version): read from its file. */
static bool datasets_from_file(DcatitTerms *t, const char *path, Rec *r)
{
	DcatitModel *m = dcatit_model_new(t);
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitParseOpts po = { .syntax = DCATIT_SYNTAX_TURTLE, .name = path, .max_errors = 1 };
	DcatitDiag pd;
	dcatit_diag_init(&pd);
	bool ok = m != NULL;
	if (ok && file_exists(path) && dcatit_rdfio_parse_file(m, path, &po, &pd) == DCATIT_OK)
		ok = record_datasets(m, &b);
	ok = ok && (r->datasets = dcatit_strdup(b.data ? b.data : "")) != NULL;
	dcatit_buf_release(&b);
	dcatit_model_free(m);
	return ok;
}

/* A dataset IRI typed by two records (of two sources, or of one) would
 * merge silently in the catalogue: one source could overwrite what another
 * publishes. Each such IRI keeps one record: the one whose source's URL
 * has the IRI's host, else the first source by name, else the first
 * record; the others are left out of the catalogue, reported in the
 * warnings of both sources and counted in claimed_elsewhere. */
static DcatitStatus one_record_per_dataset(const DcatitHarvestSource *srcs, size_t n,
                                           const DcatitHarvestOpts *opts, DcatitTerms *t,
                                           SrcRecs *sr, DcatitHarvestReport *reps)
{
	Claim *c = NULL;
	size_t nc = 0, cap = 0;
	DcatitStatus st = DCATIT_OK;
	DcatitBuf path;
	dcatit_buf_init(&path);
	for (size_t i = 0; i < n && st == DCATIT_OK; i++) {
		for (size_t k = 0; sr[i].v && k < sr[i].map.n && st == DCATIT_OK; k++) {
			Rec *r = sr[i].v[k];
			if (!r->datasets) {
				dcatit_buf_clear(&path);
				dcatit_buf_addf(&path, "%s/%s/%s.ttl", opts->out_dir, srcs[i].name, r->stem);
				if (path.oom || !datasets_from_file(t, path.data, r)) {
					st = DCATIT_ERR_NOMEM;
					break;
				}
			}
			for (const char *p = r->datasets; *p;) {
				const char *nl = strchr(p, '\n');
				size_t len = nl ? (size_t)(nl - p) : strlen(p);
				Claim *g = dcatit_grow(c, &cap, nc + 1, sizeof *c, 64);
				if (!g) {
					st = DCATIT_ERR_NOMEM;
					break;
				}
				c = g;
				c[nc++] = (Claim){ p, len, i, k };
				p += len + (nl ? 1 : 0);
			}
		}
	}
	dcatit_buf_release(&path);
	if (st == DCATIT_OK && nc > 1)
		qsort(c, nc, sizeof *c, cmp_claim);
	for (size_t i = 0; st == DCATIT_OK && i < nc;) {
		size_t j = i + 1;
		while (j < nc && c[j].len == c[i].len && memcmp(c[j].iri, c[i].iri, c[i].len) == 0)
			j++;
		size_t win = i; /* sorted by source, then record: the first unless a host matches */
		for (size_t k = i; k < j && !same_host(c[win].iri, c[win].len, srcs[c[win].src].url);
		     k++)
			if (same_host(c[k].iri, c[k].len, srcs[c[k].src].url))
				win = k;
		for (size_t k = i; k < j; k++) {
			if (c[k].src == c[win].src && c[k].k == c[win].k)
				continue;
			const Claim *w = &c[win], *l = &c[k];
			if (!sr[l->src].drop[l->k]) {
				sr[l->src].drop[l->k] = true;
				reps[l->src].claimed_elsewhere++;
			}
			const char *line = _("dataset <%.*s> is claimed by record '%s' of source '%s' and "
			                     "record '%s' of source '%s': kept the first, left the second "
			                     "out of the catalogue\n");
			const char *wid = sr[w->src].v[w->k]->id, *lid = sr[l->src].v[l->k]->id;
			dcatit_buf_addf(&reps[w->src].warnings, line, (int)w->len, w->iri, wid,
			                srcs[w->src].name, lid, srcs[l->src].name);
			if (l->src != w->src)
				dcatit_buf_addf(&reps[l->src].warnings, line, (int)w->len, w->iri, wid,
				                srcs[w->src].name, lid, srcs[l->src].name);
		}
		i = j;
	}
	free(c);
	return st;
}

/* The source of a dataset of the merged catalogue: that of the record
 * file its first triple comes from. */
static uint32_t file_source(void *ud, DcatitLoc where)
{
	const FileRecs *fr = ud;
	return where.file && where.file < fr->n ? (uint32_t)fr->items[where.file].src : 0;
}

/* Score the datasets of the merged catalogue by the data.europa.eu MQA
 * (quality/score.h), each into its source's report: the validation just
 * made stands for DCAT-AP compliance, links are not checked. */
static DcatitStatus score_sources(const DcatitHarvestSource *srcs, size_t n,
                                  const DcatitHarvestOpts *opts, DcatitModel *m,
                                  const DcatitResults *res, FileRecs *fr,
                                  DcatitHarvestReport *reps, DcatitDiag *d)
{
	DcatitQuality q;
	dcatit_quality_init(&q, dcatit_model_terms(m));
	DcatitStatus st = DCATIT_OK;
	for (size_t i = 0; i < n && st == DCATIT_OK; i++) {
		uint32_t idx;
		st = dcatit_quality_add_source(&q, srcs[i].name, &idx);
	}
	if (st == DCATIT_OK) {
		DcatitQualityInput in;
		memset(&in, 0, sizeof in);
		in.data = m;
		in.vocab = opts->quality;
		in.results = res;
		in.source_of = file_source;
		in.source_ud = fr;
		st = dcatit_quality_score(&q, &in, d);
	}
	if (st == DCATIT_OK)
		st = dcatit_quality_finish(&q, d);
	for (size_t i = 0; i < n && st == DCATIT_OK; i++) {
		DcatitQualityAction acts[DCATIT_QI_COUNT];
		size_t k = dcatit_quality_actions(&q.sources[i].sum, acts);
		reps[i].scored = true;
		reps[i].quality = q.sources[i].sum;
		reps[i].nfix = k < 3 ? k : 3;
		memcpy(reps[i].fix, acts, reps[i].nfix * sizeof *acts);
	}
	dcatit_quality_release(&q);
	return st;
}

/* Load every record of every source into one model, write catalog.ttl,
 * validate and attribute findings, score the sources. */
static DcatitStatus merge_and_validate(const DcatitHarvestSource *srcs, size_t n,
                                       const DcatitHarvestOpts *opts,
                                       DcatitHarvestReport *reps, DcatitDiag *d)
{
	DcatitTerms *own = NULL;
	DcatitTerms *t = opts->shapes ? dcatit_model_terms(opts->shapes)
	                 : opts->quality ? dcatit_quality_vocab_terms(opts->quality)
	                 : (own = dcatit_terms_new());
	DcatitModel *m = t ? dcatit_model_new(t) : NULL;
	FileRecs fr = { 0 };
	DcatitBuf path, ttl;
	dcatit_buf_init(&path);
	dcatit_buf_init(&ttl);
	DcatitResults res;
	dcatit_results_init(&res);
	SrcRecs *sr = NULL;
	DcatitStatus st = m ? DCATIT_OK : DCATIT_ERR_NOMEM;
	if (st)
		goto out;
	sr = calloc(n ? n : 1, sizeof *sr);
	if (!sr) {
		st = DCATIT_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < n && st == DCATIT_OK; i++) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/%s", opts->out_dir, srcs[i].name);
		DcatitJson *pages = NULL;
		DcatitDiag sd;
		dcatit_diag_init(&sd);
		if (load_state(dir, &sr[i].map, &pages, &sd) != DCATIT_OK)
			continue; /* reported by the source's own run; its records stay out */
		dcatit_json_free(pages);
		sr[i].v = recmap_sorted(&sr[i].map);
		sr[i].drop = calloc(sr[i].map.n + 1, sizeof *sr[i].drop);
		if (!sr[i].v || !sr[i].drop)
			st = DCATIT_ERR_NOMEM;
	}
	if (st == DCATIT_OK)
		st = one_record_per_dataset(srcs, n, opts, t, sr, reps);
	for (size_t i = 0; i < n && st == DCATIT_OK; i++) {
		for (size_t k = 0; sr[i].v && k < sr[i].map.n && st == DCATIT_OK; k++) {
			if (sr[i].drop[k])
				continue;
			const Rec *rec = sr[i].v[k];
			dcatit_buf_clear(&path);
			dcatit_buf_addf(&path, "%s/%s/%s.ttl", opts->out_dir, srcs[i].name, rec->stem);
			if (path.oom) {
				st = DCATIT_ERR_NOMEM;
				break;
			}
			if (!file_exists(path.data)) {
				/* gone, or a symlink planted in OUT: never read through it */
				dcatit_buf_addf(&reps[i].warnings, _("%s: not a regular file: left out of the "
				                  "catalogue\n"), path.data);
				continue;
			}
			uint32_t file = dcatit_model_add_source(m, path.data);
			if (!file || filerecs_set(&fr, file, i, rec->id, path.data) != DCATIT_OK) {
				st = DCATIT_ERR_NOMEM;
				break;
			}
			DcatitParseOpts po = { .syntax = DCATIT_SYNTAX_TURTLE, .name = path.data,
			                       .max_errors = 1 };
			DcatitDiag pd;
			dcatit_diag_init(&pd);
			if (dcatit_rdfio_parse_file(m, path.data, &po, &pd) != DCATIT_OK) {
				if (pd.status == DCATIT_ERR_NOMEM) {
					st = pd.status;
					break;
				}
				dcatit_buf_addf(&reps[i].warnings, "%s: %s\n", path.data, pd.message);
			}
		}
	}
	if (st)
		goto out;
	if ((st = add_catalog_node(m, opts->catalog_uri ? opts->catalog_uri
	                           : "urn:dcatit:harvest:catalog")) != DCATIT_OK)
		goto out;
	if ((st = dcatit_prefixes_declare_used(m)) != DCATIT_OK)
		goto out;
	if ((st = dcatit_rdfio_write_buf(m, &ttl, DCATIT_SYNTAX_TURTLE, NULL, d)) != DCATIT_OK)
		goto out;
	dcatit_buf_clear(&path);
	dcatit_buf_addf(&path, "%s/catalog.ttl", opts->out_dir);
	if (path.oom) {
		st = DCATIT_ERR_NOMEM;
		goto out;
	}
	if ((st = write_atomic(path.data, ttl.data ? ttl.data : "", ttl.len, NULL, d)) != DCATIT_OK)
		goto out;
	if (!opts->shapes)
		goto score;
	DcatitProfile prof;
	memset(&prof, 0, sizeof prof);
	prof.shapes = opts->shapes;
	prof.orgs = opts->orgs;
	prof.checks = opts->checks;
	if ((st = dcatit_profile_validate(&prof, m, &res, d)) != DCATIT_OK)
		goto out;
	dcatit_results_sort(&res, m);
	DcatitReportInput in;
	memset(&in, 0, sizeof in);
	in.data = m;
	in.shapes = opts->shapes;
	DcatitBuf msg;
	dcatit_buf_init(&msg);
	for (size_t i = 0; i < res.n; i++) {
		const DcatitResult *x = &res.items[i];
		if (dcatit_report_severity(t, x->severity) != DCATIT_SEV_VIOLATION)
			continue;
		uint32_t file = x->loc.file;
		if (!file || file >= fr.n || !fr.items[file].id)
			continue; /* the catalogue node: ours, not a record's */
		FileRec *r = &fr.items[file];
		if (r->nreasons++ >= MAX_REASONS)
			continue;
		dcatit_buf_clear(&msg);
		dcatit_report_message(x, &in, &msg);
		dcatit_buf_addf(&r->reasons, _("line %u: %s\n"), x->loc.line,
		                msg.data ? msg.data : _("constraint violated"));
	}
	/* checks that could not be completed: said in the record's source */
	for (size_t i = 0; i < res.nfailures; i++) {
		const DcatitResult *x = &res.failures[i];
		uint32_t file = x->loc.file;
		if (!file || file >= fr.n || !fr.items[file].id)
			continue;
		dcatit_buf_clear(&msg);
		dcatit_report_failure_line(x, &in, &msg);
		dcatit_buf_addf(&reps[fr.items[file].src].warnings, "%s\n",
		                msg.data ? msg.data : _("pattern too expensive"));
	}
	dcatit_buf_release(&msg);
	for (size_t f = 0; f < fr.n; f++) {
		FileRec *r = &fr.items[f];
		if (!r->id || !r->nreasons)
			continue;
		DcatitHarvestReport *rep = &reps[r->src];
		rep->invalid++;
		DcatitHarvestInvalid *p = realloc(rep->invalid_items,
		                                  (rep->ninvalid_items + 1) * sizeof *p);
		if (!p) {
			st = DCATIT_ERR_NOMEM;
			break;
		}
		rep->invalid_items = p;
		DcatitHarvestInvalid *it = &p[rep->ninvalid_items++];
		it->id = r->id;
		it->file = r->path;
		it->reasons = r->reasons;
		if (r->nreasons > MAX_REASONS)
			dcatit_buf_addf(&it->reasons, _("... and %zu more\n"), r->nreasons - MAX_REASONS);
		r->id = NULL;
		r->path = NULL;
		dcatit_buf_init(&r->reasons);
	}
score:
	if (st == DCATIT_OK && opts->quality)
		st = score_sources(srcs, n, opts, m, opts->shapes ? &res : NULL, &fr, reps, d);
out:
	if (st == DCATIT_ERR_NOMEM)
		dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
	for (size_t i = 0; sr && i < n; i++) {
		free(sr[i].v);
		free(sr[i].drop);
		recmap_release(&sr[i].map);
	}
	free(sr);
	dcatit_results_release(&res);
	filerecs_release(&fr);
	dcatit_buf_release(&path);
	dcatit_buf_release(&ttl);
	dcatit_model_free(m);
	dcatit_terms_free(own);
	return st;
}

/* ---- reports ---- */

void dcatit_harvest_report_release(DcatitHarvestReport *r)
{
	if (!r)
		return;
	dcatit_buf_release(&r->warnings);
	dcatit_buf_release(&r->removed_ids);
	for (size_t i = 0; i < r->ninvalid_items; i++) {
		free(r->invalid_items[i].id);
		free(r->invalid_items[i].file);
		dcatit_buf_release(&r->invalid_items[i].reasons);
	}
	free(r->invalid_items);
	memset(r, 0, sizeof *r);
}

static DcatitJson *lines_array(const DcatitBuf *b)
{
	DcatitJson *a = dcatit_json_array();
	if (!a || !b->len)
		return a;
	const char *p = b->data, *end = b->data + b->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *s = malloc(n + 1);
		if (!s) {
			dcatit_json_free(a);
			return NULL;
		}
		memcpy(s, p, n);
		s[n] = '\0';
		bool ok = dcatit_json_append(a, dcatit_json_string(s));
		free(s);
		if (!ok) {
			dcatit_json_free(a);
			return NULL;
		}
		p += n + 1;
	}
	return a;
}

static const char *type_name(DcatitHarvestType t)
{
	switch (t) {
	case DCATIT_HARVEST_CKAN: return "ckan";
	case DCATIT_HARVEST_DCAT: return "dcat";
	case DCATIT_HARVEST_CSW: return "csw";
	}
	return "unknown";
}

/* The source's MQA score in report.json: the catalogue score as
 * data.europa.eu shows it (the mean, rounded) with what would add most;
 * `dcatit quality OUT` has the detail. NULL on OOM. */
static DcatitJson *quality_json(const DcatitHarvestReport *r)
{
	const DcatitQualitySummary *s = &r->quality;
	DcatitJson *q = dcatit_json_object();
	DcatitJson *dims = dcatit_json_object();
	DcatitJson *fix = dcatit_json_array();
	bool ok = q && dims && fix;
	ok = ok && dcatit_json_set(q, "datasets", dcatit_json_integer((long long)s->datasets));
	if (s->datasets) {
		ok = ok && dcatit_json_set(q, "score", dcatit_json_integer((long long)floor(s->score + 0.5))) &&
		     dcatit_json_set(q, "assessed_max",
		                     dcatit_json_integer((long long)floor(s->assessed_max + 0.5))) &&
		     dcatit_json_set_str(q, "band", dcatit_quality_band_name((DcatitQualityBand)s->band)) &&
		     dcatit_json_set_str(q, "band_if_assessed_pass",
		                         dcatit_quality_band_name((DcatitQualityBand)s->band_max));
		for (int k = 0; ok && k < DCATIT_QD_COUNT; k++)
			ok = dcatit_json_set(dims, dcatit_quality_dimension_name((DcatitQualityDimension)k),
			                     dcatit_json_integer((long long)floor(s->dims[k] + 0.5)));
	}
	for (size_t i = 0; ok && i < r->nfix; i++) {
		DcatitJson *e = dcatit_json_object();
		ok = e && dcatit_json_set_str(e, "indicator",
		                              dcatit_quality_indicator(r->fix[i].indicator)->metric) &&
		     dcatit_json_set(e, "datasets", dcatit_json_integer((long long)r->fix[i].datasets)) &&
		     dcatit_json_set(e, "points", dcatit_json_integer(r->fix[i].gain_max));
		ok = ok && dcatit_json_append(fix, e);
	}
	/* set steals its value, also when it fails; not called, it does not */
	if (ok)
		ok = dcatit_json_set(q, "dimensions", dims);
	else
		dcatit_json_free(dims);
	if (ok)
		ok = dcatit_json_set(q, "fix_first", fix);
	else
		dcatit_json_free(fix);
	if (!ok) {
		dcatit_json_free(q);
		return NULL;
	}
	return q;
}

DcatitStatus dcatit_harvest_report_json(const DcatitHarvestReport *r, DcatitBuf *out)
{
	DcatitJson *j = dcatit_json_object();
	DcatitJson *c = dcatit_json_object();
	DcatitJson *fx = dcatit_json_object();
	DcatitJson *inv = dcatit_json_array();
	bool ok = j && c && fx && inv;
#define NUM(o, k, v) ok = ok && dcatit_json_set(o, k, dcatit_json_integer((long long)(v)))
	ok = ok && dcatit_json_set_str(j, "source", r->src->name) &&
	     dcatit_json_set_str(j, "type", type_name(r->src->type)) &&
	     dcatit_json_set_str(j, "url", r->src->url) &&
	     dcatit_json_set_str(j, "status", r->st == DCATIT_OK ? "ok" : "failed");
	if (r->st != DCATIT_OK)
		ok = ok && dcatit_json_set_str(j, "error", r->error);
	NUM(c, "seen", r->seen);
	NUM(c, "new", r->added);
	NUM(c, "changed", r->changed);
	NUM(c, "unchanged", r->unchanged);
	NUM(c, "removed", r->removed);
	NUM(c, "invalid", r->invalid);
	NUM(c, "duplicates", r->duplicates);
	NUM(c, "rejected", r->rejected);
	NUM(c, "claimed_elsewhere", r->claimed_elsewhere);
	NUM(j, "pages", r->pages);
	NUM(j, "pages_not_modified", r->pages_not_modified);
	NUM(fx, "schema_dates", r->fixes.schema_dates);
	NUM(fx, "datetime_dates", r->fixes.datetime_dates);
	NUM(fx, "untyped_agents", r->fixes.untyped_agents);
	NUM(fx, "na_publishers", r->fixes.na_publishers);
	NUM(fx, "na_publishers_unfixed", r->fixes.na_unfixed);
	NUM(fx, "empty_agents", r->fixes.empty_agents);
	NUM(fx, "namespace_iris", r->fixes.namespace_iris);
	NUM(fx, "default_publisher", r->fixes.default_publisher);
	NUM(fx, "default_rights_holder", r->fixes.default_holder);
#undef NUM
	for (size_t i = 0; ok && i < r->ninvalid_items; i++) {
		DcatitJson *e = dcatit_json_object();
		ok = e && dcatit_json_set_str(e, "id", r->invalid_items[i].id) &&
		     dcatit_json_set_str(e, "file", r->invalid_items[i].file) &&
		     dcatit_json_set(e, "reasons", lines_array(&r->invalid_items[i].reasons));
		ok = ok && dcatit_json_append(inv, e);
	}
	ok = ok && dcatit_json_set(j, "records", c);
	c = NULL;
	ok = ok && dcatit_json_set(j, "fixes", fx);
	fx = NULL;
	ok = ok && dcatit_json_set(j, "invalid", inv);
	inv = NULL;
	if (r->scored)
		ok = ok && dcatit_json_set(j, "quality", quality_json(r));
	ok = ok && dcatit_json_set(j, "removed", lines_array(&r->removed_ids)) &&
	     dcatit_json_set(j, "warnings", lines_array(&r->warnings)) &&
	     dcatit_json_set(j, "removal", dcatit_json_bool(r->removal_done)) &&
	     dcatit_json_set(j, "removal_refused", dcatit_json_bool(r->removal_refused));
	char *text = ok ? dcatit_json_dump(j, true) : NULL;
	dcatit_json_free(j);
	dcatit_json_free(c);
	dcatit_json_free(fx);
	dcatit_json_free(inv);
	if (!text)
		return DCATIT_ERR_NOMEM;
	bool added = dcatit_buf_adds(out, text) && dcatit_buf_addc(out, '\n');
	free(text);
	return added ? DCATIT_OK : DCATIT_ERR_NOMEM;
}

/* Two runs writing one OUT would interleave their renames and states: the
 * second one stops. A POSIX record lock dies with its process, so a killed
 * run leaves no stale lock behind. */
static DcatitStatus lock_out_dir(const char *out, int *fd, DcatitDiag *d)
{
	DcatitBuf p;
	dcatit_buf_init(&p);
	dcatit_buf_addf(&p, "%s/.lock", out);
	if (p.oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	*fd = open(p.data, O_RDWR | O_CREAT, 0666);
	if (*fd < 0) {
		dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot open '%s': %s", p.data,
		                strerror(errno));
		dcatit_buf_release(&p);
		return DCATIT_ERR_IO;
	}
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	if (fcntl(*fd, F_SETLK, &fl) != 0) {
		int err = errno;
		close(*fd);
		*fd = -1;
		dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "another dcatit harvest is writing "
		                "'%s' (%s): try again when it is done", out,
		                err == EACCES || err == EAGAIN ? "locked" : strerror(err));
		dcatit_buf_release(&p);
		return DCATIT_ERR_IO;
	}
	dcatit_buf_release(&p);
	return DCATIT_OK;
}

DcatitStatus dcatit_harvest_run(const DcatitHarvestSource *srcs, size_t n,
                                const DcatitHarvestOpts *opts,
                                DcatitHarvestReport *reps, DcatitDiag *d)
{
	for (size_t i = 0; i < n; i++) {
		memset(&reps[i], 0, sizeof reps[i]);
		reps[i].src = &srcs[i];
		dcatit_buf_init(&reps[i].warnings);
		dcatit_buf_init(&reps[i].removed_ids);
	}
	DcatitStatus est = ensure_dir(opts->out_dir, d);
	if (est != DCATIT_OK)
		return est;
	int lock = -1;
	DcatitStatus st = lock_out_dir(opts->out_dir, &lock, d);
	for (size_t i = 0; i < n && st == DCATIT_OK; i++) {
		if (opts->only && !opts->only[i])
			continue;
		st = run_source(&srcs[i], opts, &reps[i], d);
	}
	if (st == DCATIT_OK)
		st = merge_and_validate(srcs, n, opts, reps, d);
	if (st != DCATIT_OK) {
		if (lock >= 0)
			close(lock);
		return st;
	}
	DcatitBuf b, p;
	dcatit_buf_init(&b);
	dcatit_buf_init(&p);
	for (size_t i = 0; i < n && st == DCATIT_OK; i++) {
		if (!reps[i].harvested)
			continue;
		dcatit_buf_clear(&b);
		dcatit_buf_clear(&p);
		dcatit_buf_addf(&p, "%s/%s/report.json", opts->out_dir, srcs[i].name);
		st = dcatit_harvest_report_json(&reps[i], &b);
		if (st == DCATIT_OK && p.oom)
			st = DCATIT_ERR_NOMEM;
		if (st == DCATIT_OK)
			st = write_atomic(p.data, b.data, b.len, NULL, d);
		else
			dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
	}
	dcatit_buf_release(&b);
	dcatit_buf_release(&p);
	close(lock);
	return st;
}
