/* imports.c: owl:imports of the shapes graph (imports.h). The graph is
 * scanned again after each followed file, since that file may import more;
 * every import IRI is looked at once, so cycles end. */
#include "cli/imports.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/str.h"
#include "cli/datadir.h"
#include "cli/msg.h"
#include "cli/profile_load.h"
#include "rdf/rdfio.h"
#include "rdf/vocab.h"

/* A bundled shapes file: its path, and the owl:Ontology IRIs it declares. */
typedef struct {
	char *path;
	DcatitStrs ontologies;
} Bundled;

typedef struct {
	DcatitModel *shapes;
	DcatitTerms *t;
	DcatitTermId imports, type, ontology;
	DcatitStrs seen;      /* import IRIs looked at */
	DcatitStrs loaded;    /* real paths of the files in the graph */
	Bundled *bundled;
	size_t nbundled, capbundled;
	bool indexed;   /* bundled was built */
	bool progress;
} Imp;

static bool strs_has(const DcatitStrs *s, const char *x)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->items[i], x) == 0)
			return true;
	return false;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The real path of path, into out (false when it does not resolve). */
static bool real(const char *path, char out[PATH_MAX])
{
	return realpath(path, out) != NULL;
}

/* %XX decoding of the n bytes at s, appended to out. */
static void pct_decode(const char *s, size_t n, DcatitBuf *out)
{
	for (size_t i = 0; i < n; i++) {
		unsigned long v;
		char hex[3] = {0};
		if (s[i] == '%' && i + 2 < n) {
			hex[0] = s[i + 1];
			hex[1] = s[i + 2];
			char *end;
			v = strtoul(hex, &end, 16);
			if (end == hex + 2 && v) {
				dcatit_buf_addc(out, (char)v);
				i += 2;
				continue;
			}
		}
		dcatit_buf_addc(out, s[i]);
	}
}

/* The directory part of path ("." when it has none), into out. */
static void dir_of(const char *path, DcatitBuf *out)
{
	dcatit_buf_clear(out);
	const char *slash = strrchr(path, '/');
	if (!slash)
		dcatit_buf_adds(out, ".");
	else if (slash == path)
		dcatit_buf_adds(out, "/");
	else
		dcatit_buf_add(out, path, (size_t)(slash - path));
}

/* The last path segment of iri (before any query or fragment), decoded,
 * into out; false when it has none that could name a file. */
static bool last_segment(const char *iri, DcatitBuf *out)
{
	dcatit_buf_clear(out);
	size_t end = strcspn(iri, "?#"), start = end;
	while (start > 0 && iri[start - 1] != '/')
		start--;
	if (start == 0 || end == start)
		return false; /* "urn:x", or a path ending in '/' */
	pct_decode(iri + start, end - start, out);
	return out->data && !out->oom && !strchr(out->data, '/') &&
	       strcmp(out->data, ".") != 0 && strcmp(out->data, "..") != 0;
}

/* A file next to src (the shapes file with the owl:imports) that iri
 * names, into out. */
static bool next_to(const char *src, const char *iri, DcatitBuf *out)
{
	if (!src[0] || src[0] == '<' || strcmp(src, "-") == 0)
		return false; /* standard input has no directory */
	DcatitBuf dir, seg;
	dcatit_buf_init(&dir);
	dcatit_buf_init(&seg);
	dir_of(src, &dir);
	bool found = false;
	dcatit_buf_clear(out);
	if (strncmp(iri, "file://", 7) == 0) {
		const char *p = iri + 7;
		if (strncmp(p, "localhost/", 10) == 0)
			p += 9;
		if (*p == '/') {
			pct_decode(p, strcspn(p, "?#"), out);
			char a[PATH_MAX], b[PATH_MAX];
			dir_of(out->data ? out->data : "", &seg);
			found = !out->oom && !seg.oom && !dir.oom && real(dir.data, a) &&
			        real(seg.data, b) && strcmp(a, b) == 0 && is_file(out->data);
		}
	} else if (last_segment(iri, &seg)) {
		dcatit_buf_addf(out, "%s/%s", dir.data, seg.data);
		found = !out->oom && is_file(out->data);
	}
	dcatit_buf_release(&dir);
	dcatit_buf_release(&seg);
	return found;
}

/* The .ttl files of the data directory's shapes/ and profiles/ (their
 * vocabularies are data, not shapes), each with the owl:Ontology IRIs it
 * declares; built when an import first needs it. A bundled file that does
 * not parse is left out: the profile that uses it reports that. */
static bool index_bundled(Imp *im)
{
	im->indexed = true;
	char dir[4096];
	if (dcatit_datadir_find(dir, sizeof dir) != DCATIT_OK)
		return true;
	static const char *const subs[] = {"shapes", "profiles"};
	for (size_t s = 0; s < sizeof subs / sizeof subs[0]; s++) {
		char sub[4200];
		snprintf(sub, sizeof sub, "%s/%s", dir, subs[s]);
		size_t n = 0;
		char **list = dcatit_datadir_list(sub, true, "vocabularies", &n);
		for (size_t i = 0; list && i < n; i++) {
			Bundled *b = dcatit_grow(im->bundled, &im->capbundled, im->nbundled + 1,
			                         sizeof *b, 8);
			if (!b) {
				dcatit_datadir_list_free(list);
				return false;
			}
			im->bundled = b;
			b = &im->bundled[im->nbundled];
			memset(b, 0, sizeof *b);
			if (!(b->path = dcatit_strdup(list[i]))) {
				dcatit_datadir_list_free(list);
				return false;
			}
			im->nbundled++;
			DcatitModel *m = dcatit_model_new(im->t);
			DcatitParseOpts po = {.name = list[i]};
			DcatitDiag d;
			dcatit_diag_init(&d);
			if (m && dcatit_rdfio_parse_file(m, list[i], &po, &d) == DCATIT_OK) {
				DcatitRange r = dcatit_model_po(m, im->type, im->ontology);
				for (size_t k = 0; k < r.n; k++) {
					DcatitTermId o = dcatit_model_triple(m, r.idx[k])->s;
					if (dcatit_terms_is_iri(im->t, o) &&
					    !dcatit_strs_add(&b->ontologies, dcatit_terms_str(im->t, o))) {
						dcatit_model_free(m);
						dcatit_datadir_list_free(list);
						return false;
					}
				}
			}
			dcatit_model_free(m);
		}
		dcatit_datadir_list_free(list);
	}
	return true;
}

/* A bundled file that iri names (by ontology IRI, else by file name). */
static const char *bundled(Imp *im, const char *iri, bool *oom)
{
	if (!im->indexed && !index_bundled(im)) {
		*oom = true;
		return NULL;
	}
	for (size_t i = 0; i < im->nbundled; i++)
		if (strs_has(&im->bundled[i].ontologies, iri))
			return im->bundled[i].path;
	DcatitBuf seg;
	dcatit_buf_init(&seg);
	const char *found = NULL;
	if (last_segment(iri, &seg))
		for (size_t i = 0; i < im->nbundled && !found; i++) {
			const char *base = strrchr(im->bundled[i].path, '/');
			if (strcmp(base ? base + 1 : im->bundled[i].path, seg.data) == 0)
				found = im->bundled[i].path;
		}
	dcatit_buf_release(&seg);
	return found;
}

/* Remember the real path of every source of the graph as loaded. */
static bool note_loaded(Imp *im)
{
	for (uint32_t f = 1;; f++) {
		const char *name = dcatit_model_source_name(im->shapes, f);
		if (!name[0])
			return true;
		char rp[PATH_MAX];
		if (real(name, rp) && !strs_has(&im->loaded, rp) && !dcatit_strs_add(&im->loaded, rp))
			return false;
	}
}

/* Look at one owl:imports triple: 1 when a file was added to the graph
 * (its ranges are stale), 0 when not, -1 on error (printed). */
static int follow_one(Imp *im, size_t ti, DcatitReportNotes *notes, int *code)
{
	const DcatitTriple *tr = dcatit_model_triple(im->shapes, ti);
	if (!dcatit_terms_is_iri(im->t, tr->o))
		return 0;
	const char *iri = dcatit_terms_str(im->t, tr->o);
	if (strs_has(&im->seen, iri))
		return 0;
	if (!dcatit_strs_add(&im->seen, iri))
		goto oom;
	if (im->ontology && dcatit_model_has(im->shapes, tr->o, im->type, im->ontology))
		return 0; /* already in the graph */
	DcatitLoc loc = dcatit_model_loc(im->shapes, ti);
	const char *src = dcatit_model_source_name(im->shapes, loc.file);
	DcatitBuf path, seg;
	dcatit_buf_init(&path);
	dcatit_buf_init(&seg);
	bool oom = false;
	const char *file = next_to(src, iri, &path) ? path.data : bundled(im, iri, &oom);
	int r = 0;
	char rp[PATH_MAX];
	if (oom || path.oom) {
		r = -2;
	} else if (file && real(file, rp) && strs_has(&im->loaded, rp)) {
		r = 0; /* given with --shapes, or imported twice */
	} else if (file) {
		if (!dcatit_profile_parse(im->shapes, file, im->progress, code))
			r = -1;
		else if (!note_loaded(im))
			r = -2;
		else
			r = 1;
	} else {
		bool named = last_segment(iri, &seg);
		bool ok = named
			? dcatit_report_notes_add(
				notes, DCATIT_SEV_WARNING, src, loc.line, 0,
				"owl:imports <%s> is not followed: no file '%s' next to the shapes that "
				"import it, no bundled profile has that IRI, and dcatit does not download "
				"shapes; what it holds is not validated: save the file next to the shapes "
				"or add it with --shapes", iri, seg.data)
			: dcatit_report_notes_add(
				notes, DCATIT_SEV_WARNING, src, loc.line, 0,
				"owl:imports <%s> is not followed: it names no file and no bundled profile "
				"has that IRI, and dcatit does not download shapes; what it holds is not "
				"validated: save the file next to the shapes or add it with --shapes", iri);
		if (!ok)
			r = -2;
	}
	dcatit_buf_release(&path);
	dcatit_buf_release(&seg);
	if (r != -2)
		return r;
oom:
	*code = dcatit_msg_nomem();
	return -1;
}

bool dcatit_imports_follow(DcatitModel *shapes, DcatitReportNotes *notes, bool progress,
                           int *code)
{
	Imp im;
	memset(&im, 0, sizeof im);
	im.shapes = shapes;
	im.t = dcatit_model_terms(shapes);
	im.progress = progress;
	im.imports = dcatit_terms_find_iri(im.t, DCATIT_NS_OWL "imports");
	im.type = dcatit_terms_find_iri(im.t, DCATIT_NS_RDF "type");
	im.ontology = dcatit_terms_iri_z(im.t, DCATIT_NS_OWL "Ontology");
	bool ok = true;
	if (im.imports && im.type && im.ontology) {
		ok = note_loaded(&im);
		if (!ok) {
			*code = dcatit_msg_nomem();
		}
		bool again = ok;
		while (again && ok) {
			again = false;
			DcatitRange r = dcatit_model_po(shapes, im.imports, 0);
			for (size_t i = 0; i < r.n; i++) {
				int k = follow_one(&im, r.idx[i], notes, code);
				if (k < 0)
					ok = false;
				if (k != 0) {
					again = k > 0;
					break; /* the graph grew: r is stale */
				}
			}
		}
	}
	dcatit_strs_release(&im.seen);
	dcatit_strs_release(&im.loaded);
	for (size_t i = 0; i < im.nbundled; i++) {
		free(im.bundled[i].path);
		dcatit_strs_release(&im.bundled[i].ontologies);
	}
	free(im.bundled);
	return ok;
}
