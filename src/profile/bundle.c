/* bundle.c: loading and running the bundled profiles of DATADIR/profiles
 * (bundle.h): the manifest, the parts a variant picks, the scope filter. */
#include "profile/bundle.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/str.h"
#include "rdf/rdfio.h"
#include "rdf/vocab.h"
#include "shacl/engine.h"

/* A manifest line is short; longer ones are refused, not cut. */
#define LINE_MAX_BYTES 8192

struct DcatitBundleImpl {
	char *name;        /* NAME:VARIANT */
	DcatitModel *shapes;
	char **data;       /* vocabulary files for the data graph */
	size_t ndata, capdata;
	DcatitTermId scope; /* 0, or the legislation that puts a resource in scope */
};

/* ------------------------------------------------------------ manifest */

typedef struct {
	char **v;
	size_t n, cap;
} Names;

static bool names_add(Names *l, const char *s, size_t len)
{
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->v[i]) == len && strncmp(l->v[i], s, len) == 0)
			return true;
	char **nv = dcatit_grow(l->v, &l->cap, l->n + 1, sizeof *nv, 8);
	if (!nv)
		return false;
	l->v = nv;
	if (!(l->v[l->n] = dcatit_strndup(s, len)))
		return false;
	l->n++;
	return true;
}

static void names_free(Names *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
	       c == '_';
}

/* NAME must be a plain directory name: no '/', no "..". */
static bool valid_name(const char *s, size_t n)
{
	if (!n || s[0] == '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_name_char(s[i]))
			return false;
	return true;
}

typedef struct {
	DcatitBundle *b;
	const char *dir;      /* DATADIR/profiles/NAME */
	const char *variant;  /* the part picked, "full" for all */
	Names parts;          /* every part the manifest names */
	char path[4200];      /* the manifest, for messages */
	unsigned long line;
	DcatitDiag *d;
} Load;

/* Split the next blank-separated word of *p; false at the end. */
static bool word(char **p, char **w)
{
	char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return false;
	*w = s;
	while (*s && *s != ' ' && *s != '\t')
		s++;
	if (*s)
		*s++ = '\0';
	*p = s;
	return true;
}

static bool wants(const Load *l, const char *part)
{
	return strcmp(part, "base") == 0 || strcmp(l->variant, "full") == 0 ||
	       strcmp(l->variant, part) == 0;
}

static DcatitStatus file_path(Load *l, const char *rel, DcatitBuf *out)
{
	dcatit_buf_clear(out);
	if (rel[0] == '/' || strstr(rel, "//"))
		return dcatit_diag_set(l->d, DCATIT_ERR_SYNTAX, l->path, l->line, 0,
		                       "'%s' must be relative to the manifest", rel);
	dcatit_buf_addf(out, "%s/%s", l->dir, rel);
	return out->oom ? dcatit_diag_set(l->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory")
	                : DCATIT_OK;
}

static DcatitStatus do_line(Load *l, char *s)
{
	char *kw, *part, *f;
	if (!word(&s, &kw) || kw[0] == '#')
		return DCATIT_OK;
	DcatitBundle *b = l->b;
	DcatitTerms *t = dcatit_model_terms(b->shapes);
	if (strcmp(kw, "scope") == 0) {
		if (!word(&s, &f))
			return dcatit_diag_set(l->d, DCATIT_ERR_SYNTAX, l->path, l->line, 0,
			                       "'scope' needs an IRI");
		if (!(b->scope = dcatit_terms_iri_z(t, f)))
			return dcatit_diag_set(l->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return DCATIT_OK;
	}
	bool shapes = strcmp(kw, "shapes") == 0;
	if (!shapes && strcmp(kw, "data") != 0)
		return dcatit_diag_set(l->d, DCATIT_ERR_SYNTAX, l->path, l->line, 0,
		                       "unknown keyword '%.40s' (shapes, data or scope)", kw);
	if (!word(&s, &part) || !valid_name(part, strlen(part)) || strcmp(part, "full") == 0)
		return dcatit_diag_set(l->d, DCATIT_ERR_SYNTAX, l->path, l->line, 0,
		                       "'%s' needs a part name ([a-z0-9._-], not 'full') "
		                       "and files", kw);
	if (!names_add(&l->parts, part, strlen(part)))
		return dcatit_diag_set(l->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	bool use = wants(l, part);
	DcatitBuf p;
	dcatit_buf_init(&p);
	DcatitStatus st = DCATIT_OK;
	size_t nfiles = 0;
	while (st == DCATIT_OK && word(&s, &f)) {
		nfiles++;
		if ((st = file_path(l, f, &p)) != DCATIT_OK || !use)
			continue;
		if (shapes) {
			DcatitParseOpts po;
			memset(&po, 0, sizeof po);
			st = dcatit_rdfio_parse_file(b->shapes, p.data, &po, l->d);
		} else {
			struct stat sb;
			if (stat(p.data, &sb) != 0) {
				st = dcatit_diag_set(l->d, DCATIT_ERR_IO, l->path, l->line, 0,
				                     "cannot read '%s': %s", p.data, strerror(errno));
				continue;
			}
			char **nv = dcatit_grow(b->data, &b->capdata, b->ndata + 1, sizeof *nv, 8);
			if (!nv || !(nv[b->ndata] = dcatit_buf_detach(&p)))
				st = dcatit_diag_set(l->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			if (nv) {
				b->data = nv;
				if (nv[b->ndata])
					b->ndata++;
			}
		}
	}
	dcatit_buf_release(&p);
	if (st == DCATIT_OK && !nfiles)
		st = dcatit_diag_set(l->d, DCATIT_ERR_SYNTAX, l->path, l->line, 0,
		                     "'%s %s' names no file", kw, part);
	return st;
}

static DcatitStatus read_manifest(Load *l)
{
	FILE *f = fopen(l->path, "r");
	if (!f)
		return dcatit_diag_set(l->d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s",
		                       l->path, strerror(errno));
	char *buf = malloc(LINE_MAX_BYTES);
	DcatitStatus st = buf ? DCATIT_OK
	                      : dcatit_diag_set(l->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	while (st == DCATIT_OK && fgets(buf, LINE_MAX_BYTES, f)) {
		l->line++;
		size_t n = strlen(buf);
		if (n && buf[n - 1] == '\n')
			buf[--n] = '\0';
		else if (!feof(f))
			st = dcatit_diag_set(l->d, DCATIT_ERR_LIMIT, l->path, l->line, 0,
			                     "line longer than %d bytes", LINE_MAX_BYTES - 2);
		if (n && buf[n - 1] == '\r')
			buf[--n] = '\0';
		if (st == DCATIT_OK)
			st = do_line(l, buf);
	}
	if (st == DCATIT_OK && ferror(f))
		st = dcatit_diag_set(l->d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s",
		                     l->path, strerror(EIO));
	fclose(f);
	free(buf);
	return st;
}

/* ------------------------------------------------------------ load */

bool dcatit_bundle_exists(const char *datadir, const char *spec)
{
	const char *colon = strchr(spec, ':');
	size_t n = colon ? (size_t)(colon - spec) : strlen(spec);
	if (!valid_name(spec, n))
		return false;
	DcatitBuf p;
	dcatit_buf_init(&p);
	dcatit_buf_addf(&p, "%s/%s/%.*s/%s", datadir, DCATIT_BUNDLE_DIR, (int)n, spec,
	                DCATIT_BUNDLE_MANIFEST);
	struct stat sb;
	bool ok = !p.oom && stat(p.data, &sb) == 0 && S_ISREG(sb.st_mode);
	dcatit_buf_release(&p);
	return ok;
}

bool dcatit_bundle_list(const char *datadir, DcatitBuf *out)
{
	DcatitBuf p;
	dcatit_buf_init(&p);
	dcatit_buf_addf(&p, "%s/%s", datadir, DCATIT_BUNDLE_DIR);
	DIR *dir = p.oom ? NULL : opendir(p.data);
	dcatit_buf_release(&p);
	Names l = { 0 };
	bool ok = true;
	for (struct dirent *e; dir && ok && (e = readdir(dir)) != NULL;)
		if (dcatit_bundle_exists(datadir, e->d_name))
			ok = names_add(&l, e->d_name, strlen(e->d_name));
	if (dir)
		closedir(dir);
	if (l.n > 1)
		qsort(l.v, l.n, sizeof *l.v, dcatit_cmp_str);
	for (size_t i = 0; ok && i < l.n; i++)
		ok = dcatit_buf_addf(out, "%s%s", i ? ", " : "", l.v[i]);
	names_free(&l);
	return ok && !out->oom;
}

DcatitBundle *dcatit_bundle_load(DcatitTerms *terms, const char *datadir, const char *spec,
                                 DcatitDiag *d)
{
	const char *colon = strchr(spec, ':');
	size_t n = colon ? (size_t)(colon - spec) : strlen(spec);
	const char *variant = colon ? colon + 1 : "full";
	if (!dcatit_bundle_exists(datadir, spec) || !valid_name(variant, strlen(variant))) {
		DcatitBuf known;
		dcatit_buf_init(&known);
		dcatit_bundle_list(datadir, &known);
		dcatit_diag_set(d, DCATIT_ERR_NOT_FOUND, NULL, 0, 0,
		                "unknown profile '%.*s' (bundled in '%s/%s': %s)", (int)n, spec,
		                datadir, DCATIT_BUNDLE_DIR, known.data ? known.data : "none");
		dcatit_buf_release(&known);
		return NULL;
	}
	DcatitBundle *b = calloc(1, sizeof *b);
	DcatitBuf dir, name;
	dcatit_buf_init(&dir);
	dcatit_buf_init(&name);
	dcatit_buf_addf(&dir, "%s/%s/%.*s", datadir, DCATIT_BUNDLE_DIR, (int)n, spec);
	dcatit_buf_addf(&name, "%.*s:%s", (int)n, spec, variant);
	if (!b || dir.oom || name.oom || !(b->shapes = dcatit_model_new(terms))) {
		dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto fail;
	}
	b->name = dcatit_buf_detach(&name);
	Load l = { .b = b, .dir = dir.data, .variant = variant, .d = d };
	snprintf(l.path, sizeof l.path, "%s/%s", dir.data, DCATIT_BUNDLE_MANIFEST);
	DcatitStatus st = read_manifest(&l);
	bool known = strcmp(variant, "full") == 0 || strcmp(variant, "base") == 0;
	for (size_t i = 0; i < l.parts.n; i++)
		known = known || strcmp(l.parts.v[i], variant) == 0;
	if (st == DCATIT_OK && !known) {
		DcatitBuf v;
		dcatit_buf_init(&v);
		dcatit_buf_adds(&v, "base");
		for (size_t i = 0; i < l.parts.n; i++)
			if (strcmp(l.parts.v[i], "base") != 0)
				dcatit_buf_addf(&v, ", %s", l.parts.v[i]);
		dcatit_buf_adds(&v, ", full");
		dcatit_diag_set(d, DCATIT_ERR_NOT_FOUND, NULL, 0, 0,
		                "profile '%.*s' has no variant '%s' (%s)", (int)n, spec, variant,
		                v.oom ? "?" : v.data);
		dcatit_buf_release(&v);
		st = DCATIT_ERR_NOT_FOUND;
	}
	names_free(&l.parts);
	if (st != DCATIT_OK)
		goto fail;
	dcatit_buf_release(&dir);
	return b;
fail:
	dcatit_buf_release(&dir);
	dcatit_buf_release(&name);
	dcatit_bundle_free(b);
	return NULL;
}

void dcatit_bundle_free(DcatitBundle *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->ndata; i++)
		free(b->data[i]);
	free(b->data);
	dcatit_model_free(b->shapes);
	free(b->name);
	free(b);
}

const char *dcatit_bundle_name(const DcatitBundle *b)
{
	return b->name;
}

DcatitModel *dcatit_bundle_shapes(const DcatitBundle *b)
{
	return b->shapes;
}

size_t dcatit_bundle_data_count(const DcatitBundle *b)
{
	return b->ndata;
}

const char *dcatit_bundle_data_file(const DcatitBundle *b, size_t i)
{
	return i < b->ndata ? b->data[i] : NULL;
}

/* ------------------------------------------------------------ scope */

/* The nodes a scoped bundle reports on: the resources that declare its
 * legislation (dcatap:applicableLegislation) or an HVD category, the data
 * services that serve them, and every node these link to, except other
 * datasets and series (a service serving a declared dataset and an
 * undeclared one must not pull the second in). in[id] is set for each. */
static DcatitStatus scope_nodes(DcatitModel *data, DcatitTermId law, unsigned char *in,
                                size_t cap)
{
	DcatitTerms *t = dcatit_model_terms(data);
	DcatitTermId legis = dcatit_terms_iri_z(t, DCATIT_NS_DCATAP "applicableLegislation");
	DcatitTermId cat = dcatit_terms_iri_z(t, DCATIT_NS_DCATAP "hvdCategory");
	DcatitTermId serves = dcatit_terms_iri_z(t, DCATIT_NS_DCAT "servesDataset");
	DcatitTermId type = dcatit_terms_iri_z(t, DCATIT_NS_RDF "type");
	DcatitTermId ds = dcatit_terms_iri_z(t, DCATIT_NS_DCAT "Dataset");
	DcatitTermId series = dcatit_terms_iri_z(t, DCATIT_NS_DCAT "DatasetSeries");
	if (!legis || !cat || !serves || !type || !ds || !series)
		return DCATIT_ERR_NOMEM;
	size_t n = 0;
	DcatitTermId *todo = malloc(cap * sizeof *todo);
	if (!todo)
		return DCATIT_ERR_NOMEM;
#define PUSH(x) do { if ((x) < cap && !in[(x)]) { in[(x)] = 1; todo[n++] = (x); } } while (0)
	DcatitRange r = dcatit_model_po(data, legis, law);
	for (size_t i = 0; i < r.n; i++)
		PUSH(dcatit_model_triple(data, r.idx[i])->s);
	r = dcatit_model_po(data, cat, 0);
	for (size_t i = 0; i < r.n; i++)
		PUSH(dcatit_model_triple(data, r.idx[i])->s);
	size_t seeds = n;
	for (size_t k = 0; k < seeds; k++) {
		r = dcatit_model_po(data, serves, todo[k]);
		for (size_t i = 0; i < r.n; i++)
			PUSH(dcatit_model_triple(data, r.idx[i])->s);
	}
	while (n) {
		DcatitTermId s = todo[--n];
		r = dcatit_model_sp(data, s, 0);
		for (size_t i = 0; i < r.n; i++) {
			const DcatitTriple *tr = dcatit_model_triple(data, r.idx[i]);
			if (tr->p == type || dcatit_terms_is_literal(t, tr->o) || in[tr->o])
				continue;
			if (dcatit_model_has(data, tr->o, type, ds) ||
			    dcatit_model_has(data, tr->o, type, series))
				continue;
			PUSH(tr->o);
		}
	}
#undef PUSH
	free(todo);
	return DCATIT_OK;
}

DcatitStatus dcatit_bundle_validate(const DcatitBundle *b, DcatitModel *data,
                                    DcatitShaclStats *stats,
                                    DcatitResults *out, DcatitDiag *d)
{
	DcatitShapes *compiled = dcatit_shapes_compile(b->shapes, d);
	if (!compiled)
		return d && d->status ? d->status : DCATIT_ERR_SHAPES;
	size_t first = out->n;
	DcatitStatus st = dcatit_shacl_validate_counted(compiled, data, out, stats, d);
	dcatit_shapes_free(compiled);
	if (st != DCATIT_OK || !b->scope)
		return st;
	size_t cap = dcatit_terms_count(dcatit_model_terms(data)) + 1;
	unsigned char *in = calloc(cap, 1);
	if (!in || (st = scope_nodes(data, b->scope, in, cap)) != DCATIT_OK) {
		free(in);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	size_t w = first;
	for (size_t i = first; i < out->n; i++)
		if (out->items[i].focus < cap && in[out->items[i].focus])
			out->items[w++] = out->items[i];
	out->n = w;
	free(in);
	return DCATIT_OK;
}
