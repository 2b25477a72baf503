/* output.c: writing a built catalogue: every output is written into a
 * temporary directory next to OUT (per-dataset files, pages and JSON-LD on
 * threads of their own), which replaces OUT only at the end, and only when
 * OUT may be replaced (catalog/outdir.h). */
#include "catalog/output.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "catalog/cfile.h"
#include "catalog/outdir.h"
#include "rdf/jsonld_write.h"
#include "rdf/prefixes.h"
#include "rdf/rdfio.h"

static DcatitStatus write_model(DcatitModel *m, const char *dir, const char *rel,
                                DcatitSyntax syn, DcatitDiag *d)
{
	DcatitBuf out;
	dcatit_buf_init(&out);
	DcatitStatus st = syn == DCATIT_SYNTAX_GUESS ? dcatit_jsonld_write(m, &out, d)
	                                             : dcatit_rdfio_write_buf(m, &out, syn, NULL, d);
	if (st == DCATIT_OK && out.oom)
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	if (st == DCATIT_OK)
		st = dcatit_outdir_write_file(dir, rel, out.data ? out.data : "", out.len, d);
	dcatit_buf_release(&out);
	return st;
}

/* The output formats; GUESS stands for JSON-LD (not an rdfio syntax). */
static const struct {
	unsigned bit;
	const char *ext;
	DcatitSyntax syn;
} outs[] = {
	{ DCATIT_OUT_TTL, "ttl", DCATIT_SYNTAX_TURTLE },
	{ DCATIT_OUT_RDF, "rdf", DCATIT_SYNTAX_RDFXML },
	{ DCATIT_OUT_JSONLD, "jsonld", DCATIT_SYNTAX_GUESS },
	{ DCATIT_OUT_NT, "nt", DCATIT_SYNTAX_NTRIPLES },
};

/* Write m in every format of fmts as dir/stem.{ttl,rdf,jsonld,nt}. */
static DcatitStatus write_formats(DcatitModel *m, const char *dir, const char *stem,
                                  unsigned fmts, DcatitDiag *d)
{
	for (size_t i = 0; i < sizeof outs / sizeof outs[0]; i++) {
		if (!(fmts & outs[i].bit))
			continue;
		char rel[1024];
		snprintf(rel, sizeof rel, "%s.%s", stem, outs[i].ext);
		DcatitStatus st = write_model(m, dir, rel, outs[i].syn, d);
		if (st != DCATIT_OK)
			return st;
	}
	return DCATIT_OK;
}

/* The id of term id of store from, interned into store to (0 on OOM).
 * Per-dataset graphs get a store of their own: a model's indexes are sized
 * by its store, and 10,000 small graphs over the catalogue's store would
 * each pay for all of its terms. */
static DcatitTermId reintern(DcatitTerms *from, DcatitTerms *to, DcatitTermId id)
{
	const char *s = dcatit_terms_str(from, id);
	size_t len = dcatit_terms_len(from, id);
	switch (dcatit_terms_kind(from, id)) {
	case DCATIT_TERM_IRI:
		return dcatit_terms_iri(to, s, len);
	case DCATIT_TERM_BNODE:
		return dcatit_terms_bnode(to, s, len);
	case DCATIT_TERM_LITERAL: {
		const char *lang = dcatit_terms_lang(from, id);
		DcatitTermId dt = 0;
		if (!lang[0]) {
			DcatitTermId fdt = dcatit_terms_datatype(from, id);
			dt = dcatit_terms_iri(to, dcatit_terms_str(from, fdt),
			                      dcatit_terms_len(from, fdt));
			if (!dt)
				return 0;
		}
		return dcatit_terms_literal(to, s, len, dt, lang);
	}
	case DCATIT_TERM_NONE:
		break;
	}
	return 0;
}

/* Copy the triples reachable from start into out (whose term store may
 * differ), not entering other datasets nor the catalogue, and skipping
 * the predicate skip_pred. seen has one byte per term id of b->terms. */
static DcatitStatus copy_closure(DcatitBuild *b, DcatitTermId start, DcatitModel *out,
                                 DcatitTermId skip_pred, unsigned char *seen)
{
	const DcatitCatVocab *v = &b->v;
	DcatitTerms *to = dcatit_model_terms(out);
	bool same = to == b->terms;
	size_t cap = 64, n = 0;
	DcatitTermId *stack = malloc(cap * sizeof *stack);
	DcatitTermId *visited = malloc(cap * sizeof *visited);
	size_t nvisited = 0, capv = cap;
	if (!stack || !visited) {
		free(stack);
		free(visited);
		return DCATIT_ERR_NOMEM;
	}
	DcatitStatus st = DCATIT_OK;
	DcatitLoc none = { 0, 0 };
	stack[n++] = start;
	seen[start] = 1;
	visited[nvisited++] = start;
	while (n && st == DCATIT_OK) {
		DcatitTermId s = stack[--n];
		DcatitRange r = dcatit_model_sp(b->model, s, 0);
		for (size_t i = 0; i < r.n && st == DCATIT_OK; i++) {
			DcatitTriple tc = *dcatit_model_triple(b->model, r.idx[i]);
			if (tc.p == skip_pred)
				continue;
			DcatitTermId ts = same ? tc.s : reintern(b->terms, to, tc.s);
			DcatitTermId tp = same ? tc.p : reintern(b->terms, to, tc.p);
			DcatitTermId to_ = same ? tc.o : reintern(b->terms, to, tc.o);
			st = ts && tp && to_ ? dcatit_model_add(out, ts, tp, to_, none)
			                     : DCATIT_ERR_NOMEM;
			if (st != DCATIT_OK || seen[tc.o] || dcatit_terms_is_literal(b->terms, tc.o))
				continue;
			if (tc.o == b->catalog ||
			    dcatit_model_has(b->model, tc.o, v->rdf_type, v->dcat_Dataset) ||
			    dcatit_model_has(b->model, tc.o, v->rdf_type, v->dcatapit_Dataset))
				continue;
			seen[tc.o] = 1;
			DcatitTermId *ns = dcatit_grow(stack, &cap, n + 1, sizeof *stack, 64);
			if (ns)
				stack = ns;
			DcatitTermId *nv = ns ? dcatit_grow(visited, &capv, nvisited + 1,
			                                    sizeof *visited, 64) : NULL;
			if (!nv) {
				st = DCATIT_ERR_NOMEM;
				break;
			}
			visited = nv;
			stack[n++] = tc.o;
			visited[nvisited++] = tc.o;
		}
	}
	for (size_t i = 0; i < nvisited; i++)
		seen[visited[i]] = 0;
	free(stack);
	free(visited);
	return st;
}

/* Copy the catalogue's file rel to dir/rel, opened as catalog/cfile.h
 * says (a link swapped in since loading is refused here too). */
static DcatitStatus copy_file(const DcatitBuild *b, const char *rel, const char *dir,
                              DcatitDiag *d)
{
	DcatitBuf all;
	dcatit_buf_init(&all);
	DcatitStatus st = dcatit_cfile_read(b, rel, &all, d);
	if (st == DCATIT_OK)
		st = dcatit_outdir_write_file(dir, rel, all.data ? all.data : "", all.len, d);
	dcatit_buf_release(&all);
	return st;
}

static DcatitStatus add_iri(DcatitModel *m, DcatitTermId s, DcatitTermId p,
                            const char *iri)
{
	DcatitTermId o = dcatit_terms_iri_z(dcatit_model_terms(m), iri);
	DcatitLoc none = { 0, 0 };
	return o ? dcatit_model_add(m, s, p, o, none) : DCATIT_ERR_NOMEM;
}

/* One page: the catalogue node, page_size of its datasets with everything
 * they reach, and the hydra links, in a graph with its own term store. */
static DcatitStatus page_graph(DcatitBuild *b, DcatitModel *m, size_t p, size_t npages,
                               size_t page_size, const char *ext, unsigned char *seen)
{
	const DcatitCatVocab *v = &b->v;
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitLoc none = { 0, 0 };
	DcatitStatus st = copy_closure(b, b->catalog, m, v->dcat_dataset, seen);
	DcatitTermId cat = reintern(b->terms, t, b->catalog);
	DcatitTermId dsp = reintern(b->terms, t, v->dcat_dataset);
	for (size_t i = (p - 1) * page_size; i < b->ndatasets && i < p * page_size &&
	     st == DCATIT_OK; i++) {
		DcatitTermId ds = reintern(b->terms, t, b->datasets[i].iri);
		st = cat && dsp && ds ? dcatit_model_add(m, cat, dsp, ds, none) : DCATIT_ERR_NOMEM;
		if (st == DCATIT_OK)
			st = copy_closure(b, b->datasets[i].iri, m, 0, seen);
	}
	char iri[2048], num[32];
	snprintf(iri, sizeof iri, "%s/page/%zu.%s", b->base, p, ext);
	DcatitTermId page = dcatit_terms_iri_z(t, iri);
	DcatitTermId xint = reintern(b->terms, t, v->xsd_integer);
	snprintf(num, sizeof num, "%zu", b->ndatasets);
	DcatitTermId total = dcatit_terms_literal_z(t, num, xint, NULL);
	snprintf(num, sizeof num, "%zu", page_size);
	DcatitTermId per = dcatit_terms_literal_z(t, num, xint, NULL);
	DcatitTermId type = reintern(b->terms, t, v->rdf_type);
	if (st == DCATIT_OK && (!page || !xint || !total || !per || !type))
		st = DCATIT_ERR_NOMEM;
	if (st == DCATIT_OK)
		st = add_iri(m, page, type, DCATIT_NS_HYDRA "PagedCollection");
	if (st == DCATIT_OK)
		st = dcatit_model_add(m, page, reintern(b->terms, t, v->hydra_totalItems), total, none);
	if (st == DCATIT_OK)
		st = dcatit_model_add(m, page, reintern(b->terms, t, v->hydra_itemsPerPage), per, none);
	const struct {
		size_t num;
		bool on;
		DcatitTermId p1, p2;
	} links[] = {
		{ 1, true, v->hydra_first, v->hydra_firstPage },
		{ npages, true, v->hydra_last, v->hydra_lastPage },
		{ p + 1, p < npages, v->hydra_next, v->hydra_nextPage },
		{ p - 1, p > 1, v->hydra_previous, v->hydra_previousPage },
	};
	for (size_t i = 0; i < 4 && st == DCATIT_OK; i++) {
		if (!links[i].on)
			continue;
		snprintf(iri, sizeof iri, "%s/page/%zu.%s", b->base, links[i].num, ext);
		DcatitTermId p1 = reintern(b->terms, t, links[i].p1);
		DcatitTermId p2 = reintern(b->terms, t, links[i].p2);
		st = p1 && p2 ? add_iri(m, page, p1, iri) : DCATIT_ERR_NOMEM;
		if (st == DCATIT_OK)
			st = add_iri(m, page, p2, iri);
	}
	return st;
}

/* Paged catalogues, one set per format: the links of page/N.ttl lead to
 * the other .ttl pages, so a harvester can follow them on a static host. */
static DcatitStatus write_pages(DcatitBuild *b, const char *tmp, unsigned fmts,
                                size_t page_size, unsigned char *seen,
                                atomic_bool *stop, DcatitDiag *d)
{
	size_t npages = (b->ndatasets + page_size - 1) / page_size;
	if (!npages)
		npages = 1;
	DcatitStatus st = DCATIT_OK;
	for (size_t f = 0; f < sizeof outs / sizeof outs[0] && st == DCATIT_OK; f++) {
		if (!(fmts & outs[f].bit))
			continue;
		for (size_t p = 1; p <= npages && st == DCATIT_OK && !atomic_load(stop); p++) {
			DcatitTerms *t = dcatit_terms_new();
			DcatitModel *m = t ? dcatit_model_new(t) : NULL;
			if (!m || page_graph(b, m, p, npages, page_size, outs[f].ext, seen) != DCATIT_OK ||
			    dcatit_prefixes_declare_used(m) != DCATIT_OK) {
				dcatit_model_free(m);
				dcatit_terms_free(t);
				return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			}
			char rel[96];
			snprintf(rel, sizeof rel, "page/%zu.%s", p, outs[f].ext);
			st = write_model(m, tmp, rel, outs[f].syn, d);
			dcatit_model_free(m);
			dcatit_terms_free(t);
		}
	}
	return st;
}

/* The per-dataset files (dataset/<id>.ttl), the hydra pages and the
 * catalogue's JSON-LD are each written on a thread of their own while this
 * one writes the catalogue's other formats: all of them only read the
 * frozen catalogue graph and its term store (nothing is interned into it
 * once writing starts), copy what they need into term stores of their own,
 * and write files of their own. On the 10,000-record benchmark the
 * per-dataset files are a third of the writing, much of it creating files
 * in the kernel, JSON-LD another third, and pages cost as much as the
 * catalogue's formats. */
typedef struct {
	DcatitBuild *b;
	const char *tmp;
	unsigned fmts;
	size_t page_size;
	atomic_bool *stop; /* another part failed: give up */
	DcatitStatus st;
	DcatitDiag d;
} Job;

static void *datasets_job(void *arg)
{
	Job *j = arg;
	DcatitBuild *b = j->b;
	unsigned char *seen = calloc(dcatit_terms_count(b->terms) + 64, 1);
	if (!seen) {
		j->st = dcatit_diag_set(&j->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < b->ndatasets && j->st == DCATIT_OK && !atomic_load(j->stop);
	     i++) {
		DcatitTerms *t = dcatit_terms_new();
		DcatitModel *m = t ? dcatit_model_new(t) : NULL;
		if (!m || copy_closure(b, b->datasets[i].iri, m, 0, seen) != DCATIT_OK ||
		    dcatit_prefixes_declare_used(m) != DCATIT_OK) {
			dcatit_model_free(m);
			dcatit_terms_free(t);
			j->st = dcatit_diag_set(&j->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			break;
		}
		char rel[400];
		snprintf(rel, sizeof rel, "dataset/%s.ttl", b->datasets[i].id);
		j->st = write_model(m, j->tmp, rel, DCATIT_SYNTAX_TURTLE, &j->d);
		dcatit_model_free(m);
		dcatit_terms_free(t);
	}
	free(seen);
	return NULL;
}

static void *pages_job(void *arg)
{
	Job *j = arg;
	unsigned char *seen = calloc(dcatit_terms_count(j->b->terms) + 64, 1);
	if (!seen)
		j->st = dcatit_diag_set(&j->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	else
		j->st = write_pages(j->b, j->tmp, j->fmts, j->page_size, seen, j->stop, &j->d);
	free(seen);
	return NULL;
}

/* The catalogue as JSON-LD: the slowest of its formats (jansson builds
 * and dumps a tree per node), so it gets a thread too. */
static void *jsonld_job(void *arg)
{
	Job *j = arg;
	j->st = write_formats(j->b->model, j->tmp, "catalog", DCATIT_OUT_JSONLD, &j->d);
	return NULL;
}

static DcatitStatus write_all(DcatitBuild *b, const char *tmp, unsigned fmts,
                              size_t page_size, DcatitDiag *d)
{
	DcatitStatus st = dcatit_prefixes_declare_used(b->model);
	if (st == DCATIT_OK)
		st = dcatit_model_freeze(b->model);
	/* the JSON-LD writer looks these up with dcatit_terms_iri_z: make sure
	 * that finds them and never interns while the other threads read */
	if (st == DCATIT_OK && (!dcatit_terms_iri_z(b->terms, DCATIT_NS_RDF "type") ||
	                        !dcatit_terms_iri_z(b->terms, DCATIT_NS_RDF "langString") ||
	                        !dcatit_terms_iri_z(b->terms, DCATIT_NS_XSD "string")))
		st = DCATIT_ERR_NOMEM;
	if (st == DCATIT_OK && page_size > 0 && (fmts & DCATIT_OUT_JSONLD)) {
		/* JSON-LD is then written on two threads (the catalogue's and the
		 * pages'): jansson seeds its hash
		 * function on first use (with atomics, but tools such as helgrind
		 * cannot see them); an empty document written first does that
		 * before the threads start */
		DcatitModel *empty = dcatit_model_new(b->terms);
		DcatitBuf out;
		dcatit_buf_init(&out);
		st = empty ? dcatit_jsonld_write(empty, &out, d) : DCATIT_ERR_NOMEM;
		dcatit_buf_release(&out);
		dcatit_model_free(empty);
	}
	if (st != DCATIT_OK)
		return dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
	atomic_bool stop;
	atomic_init(&stop, false);
	Job jobs[3];
	void *(*run[3])(void *);
	size_t njobs = 0;
	run[njobs++] = datasets_job;
	if (page_size > 0)
		run[njobs++] = pages_job;
	if (fmts & DCATIT_OUT_JSONLD)
		run[njobs++] = jsonld_job;
	pthread_t th[3];
	bool threaded[3] = { false, false, false };
	for (size_t k = 0; k < njobs; k++) {
		jobs[k] = (Job){ .b = b, .tmp = tmp, .fmts = fmts, .page_size = page_size,
		                 .stop = &stop, .st = DCATIT_OK };
		dcatit_diag_init(&jobs[k].d);
		/* without a thread, the job runs here, first */
		threaded[k] = pthread_create(&th[k], NULL, run[k], &jobs[k]) == 0;
		if (!threaded[k])
			run[k](&jobs[k]);
	}
	st = write_formats(b->model, tmp, "catalog", fmts & ~(unsigned)DCATIT_OUT_JSONLD, d);
	for (size_t i = 0; i < b->nfiles && st == DCATIT_OK; i++)
		st = copy_file(b, b->files[i], tmp, d);
	if (st != DCATIT_OK)
		atomic_store(&stop, true);
	for (size_t k = 0; k < njobs; k++) {
		if (threaded[k])
			pthread_join(th[k], NULL);
		if (st == DCATIT_OK && jobs[k].st != DCATIT_OK) {
			*d = jobs[k].d;
			st = jobs[k].st;
		}
	}
	return st;
}

DcatitStatus dcatit_output_check(const DcatitBuild *b, const char *out, DcatitDiag *d)
{
	DcatitOutDir o;
	DcatitStatus st = dcatit_outdir_open(&o, out, b->dir, d);
	if (st == DCATIT_OK)
		dcatit_outdir_release(&o);
	return st;
}

/* Durability: files are not fsync'd one by one. The output is derived
 * from sources kept in git; what matters is that nobody sees a half-built
 * tree, which the temporary directory and the swap give. After a crash,
 * build again. */
DcatitStatus dcatit_output_write(DcatitBuild *b, const char *out, unsigned fmts,
                                 size_t page_size, DcatitNotes *notes, DcatitDiag *d)
{
	DcatitOutDir o;
	DcatitStatus st = dcatit_outdir_open(&o, out, b->dir, d);
	if (st != DCATIT_OK)
		return st;
	st = dcatit_outdir_begin(&o, d);
	if (st == DCATIT_OK)
		st = write_all(b, o.tmp, fmts, page_size, d);
	if (st == DCATIT_OK)
		st = dcatit_outdir_commit(&o, notes, d);
	dcatit_outdir_release(&o);
	return st;
}
