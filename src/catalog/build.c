/* build.c: the catalogue build: load vocabularies, catalog.yaml, registry
 * and records (in a fixed order, so minted blank nodes and output bytes are
 * the same on every run) into the build state and complete the catalogue
 * node. Writing is output.c. */
#include "catalog/build.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/str.h"
#include "catalog/cfile.h"
#include "catalog/format.h"
#include "catalog/records.h"
#include "rdf/rdfio.h"

static bool is_file(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

DcatitStatus dcatit_build_locate(DcatitBuild *b, DcatitDiag *d)
{
	char *p = dcatit_build_path(b, "catalog.yaml");
	if (!p)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	bool here = is_file(p);
	free(p);
	if (here)
		return DCATIT_OK;
	p = dcatit_build_path(b, "catalog/catalog.yaml");
	if (!p)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	bool sub = is_file(p);
	free(p);
	if (!sub)
		return dcatit_diag_set(d, DCATIT_ERR_NOT_FOUND, NULL, 0, 0,
		                       "no catalog.yaml in '%s' nor in '%s/catalog'", b->dir,
		                       b->dir);
	char *nd = dcatit_build_path(b, "catalog");
	if (!nd)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	free(b->dir);
	b->dir = nd;
	return DCATIT_OK;
}

/* ---- loading ------------------------------------------------------------ */

/* The *.yaml and *.ttl names directly inside dir, sorted bytewise. */
static char **list_records(const char *dir, size_t *count, DcatitDiag *d)
{
	*count = 0;
	DIR *dp = opendir(dir);
	if (!dp) {
		dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", dir,
		                strerror(errno));
		return NULL;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	bool oom = false;
	while ((e = readdir(dp)) != NULL && !oom) {
		if (e->d_name[0] == '.' ||
		    !(dcatit_str_has_suffix(e->d_name, ".yaml") || dcatit_str_has_suffix(e->d_name, ".ttl")))
			continue;
		char **p = dcatit_grow(names, &cap, n + 1, sizeof *names, 16);
		if (p)
			names = p;
		if (!p || !(names[n] = strdup(e->d_name))) {
			oom = true;
			break;
		}
		n++;
	}
	closedir(dp);
	if (oom || !names) {
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		if (oom) {
			dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			return NULL;
		}
		return calloc(1, sizeof(char *));
	}
	qsort(names, n, sizeof *names, dcatit_cmp_str);
	*count = n;
	return names;
}

static DcatitStatus load_side(DcatitBuild *b, DcatitModel *m, const char *file,
                              DcatitDiag *d);

/* Fill c with code list list (its file and namespace from format.h). */
static DcatitStatus load_codes(DcatitBuild *b, DcatitCodes *c, DcatitCodeList list,
                               DcatitDiag *d)
{
	const DcatitCodeSource *src = dcatit_fmt_code_source(list);
	DcatitBuf p;
	dcatit_buf_init(&p);
	dcatit_buf_addf(&p, "%s/%s", b->vocab_dir ? b->vocab_dir : "vocab", src->file);
	if (p.oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	DcatitStatus st = dcatit_codes_scan_file(c, p.data, src->ns, d);
	dcatit_buf_release(&p);
	return st;
}

/* A Turtle record: loaded as is; its datasets are linked from the catalogue
 * and named by the file's stem. */
static DcatitStatus load_turtle(DcatitBuild *b, const char *rel, const char *name,
                                DcatitNotes *notes, DcatitDiag *d)
{
	char *path = dcatit_build_path(b, rel);
	DcatitModel *m = dcatit_model_new(b->terms);
	if (!path || !m) {
		free(path);
		dcatit_model_free(m);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.syntax = DCATIT_SYNTAX_TURTLE;
	po.base_uri = b->base;
	po.name = path;
	DcatitDiag pd;
	dcatit_diag_init(&pd);
	DcatitBuf text;
	dcatit_buf_init(&text);
	DcatitStatus st = dcatit_cfile_read(b, rel, &text, &pd);
	if (st == DCATIT_OK)
		st = dcatit_rdfio_parse_mem(m, text.data ? text.data : "", text.len, &po, &pd);
	dcatit_buf_release(&text);
	if (st == DCATIT_ERR_INVALID) {
		/* not a regular file, or outside the catalogue: named by its path */
		dcatit_notes_add(notes, DCATIT_NOTE_ERROR, path, 0, 0, "%s", pd.message);
		st = DCATIT_OK;
	} else if (st == DCATIT_ERR_SYNTAX || st == DCATIT_ERR_IO || st == DCATIT_ERR_NOT_FOUND) {
		dcatit_notes_add_diag(notes, &pd);
		st = DCATIT_OK;
	} else if (st == DCATIT_OK) {
		st = dcatit_model_add_all(b->model, m);
		DcatitRange r = dcatit_model_po(m, b->v.rdf_type, 0);
		char stem[256];
		snprintf(stem, sizeof stem, "%s", name);
		stem[strlen(stem) - 4] = '\0';
		size_t k = 0;
		for (size_t i = 0; i < r.n && st == DCATIT_OK; i++) {
			const DcatitTriple *t = dcatit_model_triple(m, r.idx[i]);
			if (t->o != b->v.dcat_Dataset && t->o != b->v.dcatapit_Dataset)
				continue;
			if (t->o == b->v.dcat_Dataset &&
			    dcatit_model_has(m, t->s, b->v.rdf_type, b->v.dcatapit_Dataset))
				continue; /* counted once, under dcatapit:Dataset */
			DcatitTermId mod = dcatit_model_object(m, t->s, b->v.dct_modified);
			char id[300];
			if (k++ == 0)
				snprintf(id, sizeof id, "%s", stem);
			else
				snprintf(id, sizeof id, "%s-%zu", stem, k);
			DcatitLoc l = dcatit_model_node_loc(m, t->s);
			st = dcatit_build_add_dataset(b, id, t->s,
			                              mod ? dcatit_terms_str(b->terms, mod) : "", path,
			                              l.line, 0);
		}
		if (st != DCATIT_OK)
			dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
	} else {
		*d = pd;
	}
	dcatit_model_free(m);
	free(path);
	return st;
}

/* The vocabularies of the EU profiles that the build reads too. */
#define HVD_VOCAB "profiles/vocabularies/hvd-category.ttl" /* format.c names it too */
#define ADMS_VOCAB "profiles/vocabularies/adms.ttl"

/* Does the data directory hold file (relative to it)? */
static bool has_vocab(const DcatitBuild *b, const char *file)
{
	DcatitBuf p;
	dcatit_buf_init(&p);
	dcatit_buf_addf(&p, "%s/%s", b->vocab_dir ? b->vocab_dir : "vocab", file);
	bool ok = !p.oom && is_file(p.data);
	dcatit_buf_release(&p);
	return ok;
}

/* Types of IRI objects (catalog/README.md section 8): the DCAT-AP range
 * shapes check sh:class on objects, so the build asserts the types, with
 * the theme labels and licence types copied from vocab/. */
typedef struct {
	DcatitTermId obj;
	DcatitLoc loc;
} Use;

static DcatitStatus objects_of(DcatitModel *m, DcatitTermId p, Use **out, size_t *n)
{
	DcatitRange r = dcatit_model_po(m, p, 0);
	*n = 0;
	*out = malloc((r.n ? r.n : 1) * sizeof **out);
	if (!*out)
		return DCATIT_ERR_NOMEM;
	/* sorted by object: keep the first use of each */
	for (size_t i = 0; i < r.n; i++) {
		const DcatitTriple *t = dcatit_model_triple(m, r.idx[i]);
		if (dcatit_terms_kind(dcatit_model_terms(m), t->o) != DCATIT_TERM_IRI)
			continue;
		if (*n && (*out)[*n - 1].obj == t->o)
			continue;
		(*out)[(*n)++] = (Use){ t->o, dcatit_model_loc(m, r.idx[i]) };
	}
	return DCATIT_OK;
}

static DcatitStatus load_side(DcatitBuild *b, DcatitModel *m, const char *file,
                              DcatitDiag *d)
{
	DcatitBuf p;
	dcatit_buf_init(&p);
	dcatit_buf_addf(&p, "%s/%s", b->vocab_dir ? b->vocab_dir : "vocab", file);
	if (p.oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.syntax = DCATIT_SYNTAX_TURTLE;
	DcatitStatus st = dcatit_rdfio_parse_file(m, p.data, &po, d);
	dcatit_buf_release(&p);
	return st;
}

/* Copy (s, p, o) triples of the side graph for s, keeping only literals in
 * Italian or English when langs. */
static DcatitStatus copy_from(DcatitBuild *b, DcatitModel *side, DcatitTermId s,
                              DcatitTermId p, bool langs, DcatitLoc loc)
{
	DcatitRange r = dcatit_model_sp(side, s, p);
	for (size_t i = 0; i < r.n; i++) {
		DcatitTermId o = dcatit_model_triple(side, r.idx[i])->o;
		if (langs) {
			const char *l = dcatit_terms_lang(b->terms, o);
			if (strcmp(l, "it") != 0 && strcmp(l, "en") != 0)
				continue;
		}
		DcatitStatus st = dcatit_model_add(b->model, s, p, o, loc);
		if (st != DCATIT_OK)
			return st;
	}
	return DCATIT_OK;
}

/* The ADMS licence type of a licence of the Italian vocabulary: the
 * skos:exactMatch of its Italian type (A21_CCBY40 -> A2_Attribution ->
 * adms:Attribution), else of the licence itself (C1_Unknown ->
 * adms:UnknownIPR); 0 when there is none. DCAT-AP_IT and DCAT-AP both ask
 * for the ADMS type, and one only (AgID rule 118). */
static DcatitTermId adms_type(const DcatitCatVocab *v, DcatitModel *lic, DcatitTermId l)
{
	const char *adms = "http://purl.org/adms/licencetype/";
	DcatitTerms *t = dcatit_model_terms(lic);
	DcatitTermId from[2] = { dcatit_model_object(lic, l, v->dct_type), l };
	for (int k = 0; k < 2; k++) {
		if (!from[k])
			continue;
		DcatitRange r = dcatit_model_sp(lic, from[k], v->skos_exactMatch);
		for (size_t i = 0; i < r.n; i++) {
			DcatitTermId m = dcatit_model_triple(lic, r.idx[i])->o;
			if (strncmp(dcatit_terms_str(t, m), adms, strlen(adms)) == 0)
				return m;
		}
	}
	return 0;
}

/* What a licence node carries besides its classes: the ADMS type (with its
 * class and label), the names (foaf:name; harvesters read it, and
 * ckanext-dcatapit logs "license_name non ESISTE" without one: the
 * vocabulary's foaf:name, else its skos:prefLabel), its version, and the
 * licence text it stands for (rdfs:seeAlso the dcatapit:referenceDoc: the
 * HVD shapes ask how a licence relates to others). */
static DcatitStatus licence_facts(DcatitBuild *b, DcatitModel *lic, DcatitModel *adms,
                                  DcatitTermId l, DcatitLoc loc)
{
	const DcatitCatVocab *v = &b->v;
	DcatitTermId ty = adms_type(v, lic, l);
	DcatitStatus st = DCATIT_OK;
	if (ty) {
		st = dcatit_model_add(b->model, l, v->dct_type, ty, loc);
		if (st == DCATIT_OK)
			st = dcatit_model_add(b->model, ty, v->rdf_type, v->skos_Concept, loc);
		if (st == DCATIT_OK)
			st = copy_from(b, adms, ty, v->skos_prefLabel, true, loc);
	}
	bool named = dcatit_model_sp(lic, l, v->foaf_name).n > 0;
	if (st == DCATIT_OK && named)
		st = copy_from(b, lic, l, v->foaf_name, true, loc);
	if (st == DCATIT_OK && !named) {
		/* C1_Unknown, a level of the vocabulary, has labels only */
		DcatitRange r = dcatit_model_sp(lic, l, v->skos_prefLabel);
		for (size_t i = 0; i < r.n && st == DCATIT_OK; i++) {
			DcatitTermId o = dcatit_model_triple(lic, r.idx[i])->o;
			const char *lang = dcatit_terms_lang(b->terms, o);
			if (strcmp(lang, "it") == 0 || strcmp(lang, "en") == 0)
				st = dcatit_model_add(b->model, l, v->foaf_name, o, loc);
		}
	}
	if (st == DCATIT_OK)
		st = copy_from(b, lic, l, v->owl_versionInfo, false, loc);
	DcatitTermId doc = dcatit_model_object(lic, l, v->dcatapit_referenceDoc);
	if (st == DCATIT_OK && doc && dcatit_terms_is_literal(b->terms, doc)) {
		DcatitTermId see = dcatit_terms_iri_z(b->terms, dcatit_terms_str(b->terms, doc));
		st = see ? dcatit_model_add(b->model, l, v->rdfs_seeAlso, see, loc) : DCATIT_ERR_NOMEM;
	}
	DcatitRange r = dcatit_model_sp(lic, l, v->skos_exactMatch);
	for (size_t i = 0; i < r.n && st == DCATIT_OK; i++)
		st = dcatit_model_add(b->model, l, v->skos_exactMatch,
		                      dcatit_model_triple(lic, r.idx[i])->o, loc);
	return st;
}

static DcatitStatus add_types(DcatitBuild *b, DcatitDiag *d)
{
	const DcatitCatVocab *v = &b->v;
	const struct {
		DcatitTermId pred, c1, c2;
	} ranges[] = {
		{ v->dcat_theme, v->skos_Concept, 0 },
		{ v->dcat_themeTaxonomy, v->skos_ConceptScheme, 0 },
		{ v->dct_accrualPeriodicity, v->dct_Frequency, 0 },
		{ v->dct_language, v->dct_LinguisticSystem, 0 },
		{ v->dct_format, v->dct_MediaTypeOrExtent, 0 },
		{ v->dcat_mediaType, v->dct_MediaType, v->dct_MediaTypeOrExtent },
		{ v->dct_license, v->dcatapit_LicenseDocument, v->dct_LicenseDocument },
		/* DCAT-AP 3.0.1 and HVD: checksum algorithms, the regulation and
		 * its categories, and the links (checked as rdfs:Resource) */
		{ v->spdx_algorithm, v->spdx_ChecksumAlgorithm, 0 },
		{ v->dcatap_applicableLegislation, v->eli_LegalResource, 0 },
		{ v->dcatap_hvdCategory, v->skos_Concept, 0 },
		{ v->dcat_accessURL, v->rdfs_Resource, 0 },
		{ v->dcat_downloadURL, v->rdfs_Resource, 0 },
		{ v->dcat_endpointURL, v->rdfs_Resource, 0 },
		{ v->dcat_endpointDescription, v->rdfs_Resource, 0 },
		{ v->vcard_hasEmail, v->rdfs_Resource, 0 },
		{ v->foaf_page, v->foaf_Document, v->rdfs_Resource },
	};
	DcatitModel *themes = dcatit_model_new(b->terms);
	DcatitModel *lic = dcatit_model_new(b->terms);
	DcatitModel *adms = dcatit_model_new(b->terms);
	DcatitModel *hvd = dcatit_model_new(b->terms);
	Use *uses[sizeof ranges / sizeof ranges[0]] = { NULL };
	size_t nuses[sizeof ranges / sizeof ranges[0]] = { 0 };
	DcatitStatus st = themes && lic && adms && hvd ? DCATIT_OK : DCATIT_ERR_NOMEM;
	if (st == DCATIT_OK)
		st = load_side(b, themes, "eu/data-theme.ttl", d);
	if (st == DCATIT_OK)
		st = load_side(b, lic, "it/licences.ttl", d);
	/* optional: without them, no labels for ADMS types and HVD categories */
	if (st == DCATIT_OK && has_vocab(b, ADMS_VOCAB))
		st = load_side(b, adms, ADMS_VOCAB, d);
	if (st == DCATIT_OK && has_vocab(b, HVD_VOCAB))
		st = load_side(b, hvd, HVD_VOCAB, d);
	if (st != DCATIT_OK)
		goto out;
	/* collect first: a query after each add would re-index the graph */
	for (size_t k = 0; k < sizeof ranges / sizeof ranges[0] && st == DCATIT_OK; k++)
		st = objects_of(b->model, ranges[k].pred, &uses[k], &nuses[k]);
	for (size_t k = 0; k < sizeof ranges / sizeof ranges[0] && st == DCATIT_OK; k++) {
		for (size_t i = 0; i < nuses[k] && st == DCATIT_OK; i++) {
			DcatitTermId o = uses[k][i].obj;
			DcatitLoc loc = uses[k][i].loc;
			st = dcatit_model_add(b->model, o, v->rdf_type, ranges[k].c1, loc);
			if (st == DCATIT_OK && ranges[k].c2)
				st = dcatit_model_add(b->model, o, v->rdf_type, ranges[k].c2, loc);
			if (st == DCATIT_OK && ranges[k].pred == v->dcat_theme)
				st = copy_from(b, themes, o, v->skos_prefLabel, true, loc);
			if (st == DCATIT_OK && ranges[k].pred == v->dct_license)
				st = licence_facts(b, lic, adms, o, loc);
			if (st == DCATIT_OK && ranges[k].pred == v->dcatap_hvdCategory)
				st = copy_from(b, hvd, o, v->skos_prefLabel, true, loc);
			if (st == DCATIT_OK && ranges[k].pred == v->dcat_themeTaxonomy) {
				DcatitTermId t = dcatit_terms_literal_z(b->terms, "Data theme", 0, "en");
				st = t ? dcatit_model_add(b->model, o, v->dct_title, t, loc)
				       : DCATIT_ERR_NOMEM;
			}
		}
	}
	if (st != DCATIT_OK)
		dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
out:
	for (size_t k = 0; k < sizeof ranges / sizeof ranges[0]; k++)
		free(uses[k]);
	dcatit_model_free(themes);
	dcatit_model_free(lic);
	dcatit_model_free(adms);
	dcatit_model_free(hvd);
	return st;
}

static int cmp_dataset(const void *a, const void *b)
{
	const DcatitBuildDataset *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	c = strcmp(x->file, y->file);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static DcatitStatus finish_catalog(DcatitBuild *b, DcatitNotes *notes, DcatitDiag *d)
{
	const DcatitCatVocab *v = &b->v;
	/* sorted by id: the order of every output, and repeated ids side by side */
	qsort(b->datasets, b->ndatasets, sizeof *b->datasets, cmp_dataset);
	for (size_t i = 1; i < b->ndatasets; i++)
		if (strcmp(b->datasets[i].id, b->datasets[i - 1].id) == 0)
			dcatit_notes_add(notes, DCATIT_NOTE_ERROR, b->datasets[i].file,
			                 b->datasets[i].line, b->datasets[i].col,
			                 "dataset id '%s' is already used by %s", b->datasets[i].id,
			                 b->datasets[i - 1].file);
	DcatitLoc loc = { b->catalog_src, 1 };
	const char *latest = b->catalog_modified;
	DcatitStatus st = DCATIT_OK;
	/* locations first: a query after each add would re-index the graph */
	DcatitLoc *locs = malloc((b->ndatasets + 1) * sizeof *locs);
	if (!locs)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	for (size_t i = 0; i < b->ndatasets; i++)
		locs[i] = dcatit_model_node_loc(b->model, b->datasets[i].iri);
	for (size_t i = 0; i < b->ndatasets && st == DCATIT_OK; i++) {
		st = dcatit_model_add(b->model, b->catalog, v->dcat_dataset, b->datasets[i].iri,
		                      locs[i]);
		const char *m = b->datasets[i].modified;
		if (!b->catalog_modified && strlen(m) >= 10 && (!latest || strcmp(m, latest) > 0))
			latest = m;
	}
	free(locs);
	if (st == DCATIT_OK && latest) {
		char day[11];
		memcpy(day, latest, 10);
		day[10] = '\0';
		DcatitTermId l = dcatit_terms_literal_z(b->terms, day, v->xsd_date, NULL);
		st = l ? dcatit_model_add(b->model, b->catalog, v->dct_modified, l, loc)
		       : DCATIT_ERR_NOMEM;
	} else if (st == DCATIT_OK) {
		dcatit_notes_add(notes, DCATIT_NOTE_ERROR,
		                 dcatit_model_source_name(b->model, b->catalog_src), 1, 1,
		                 "the catalogue has no 'modified' and no record gives one");
	}
	for (size_t i = 0; i < b->nagents && st == DCATIT_OK; i++)
		st = dcatit_orgs_emit(b->orgs, b->agents[i], b->model);
	if (st != DCATIT_OK)
		return dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
	return add_types(b, d);
}

DcatitStatus dcatit_build_load(DcatitBuild *b, DcatitNotes *notes, DcatitDiag *d)
{
	DcatitStatus st;
	if ((st = load_codes(b, b->themes, DCATIT_CODES_THEME, d)) ||
	    (st = load_codes(b, b->freqs, DCATIT_CODES_FREQUENCY, d)) ||
	    (st = load_codes(b, b->ftypes, DCATIT_CODES_FILE_TYPE, d)) ||
	    (st = load_codes(b, b->langs, DCATIT_CODES_LANGUAGE, d)) ||
	    (st = load_codes(b, b->licences, DCATIT_CODES_LICENCE, d)) ||
	    (has_vocab(b, dcatit_fmt_code_source(DCATIT_CODES_HVD)->file) &&
	     (st = load_codes(b, b->hvd, DCATIT_CODES_HVD, d))))
		return st;
	/* optional: the AgID theme -> EuroVoc mapping, to check subjects */
	DcatitBuf mp;
	dcatit_buf_init(&mp);
	dcatit_buf_addf(&mp, "%s/it/theme-subtheme-mapping.ttl", b->vocab_dir ? b->vocab_dir : "vocab");
	if (mp.oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	if (is_file(mp.data)) {
		if (!(b->subject_map = dcatit_model_new(b->terms)))
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		else
			st = load_side(b, b->subject_map, "it/theme-subtheme-mapping.ttl", d);
	}
	dcatit_buf_release(&mp);
	if (st != DCATIT_OK)
		return st;
	DcatitBuf op;
	dcatit_buf_init(&op);
	dcatit_buf_addf(&op, "%s/organizations.ttl", b->vocab_dir ? b->vocab_dir : "vocab");
	st = op.oom ? DCATIT_ERR_NOMEM : dcatit_orgs_load_ttl(b->orgs, op.data, d);
	dcatit_buf_release(&op);
	if (st != DCATIT_OK)
		return st;

	if ((st = dcatit_records_read_catalog(b, "catalog.yaml", notes, d)) != DCATIT_OK)
		return st;
	if (!b->base || !b->catalog)
		return DCATIT_OK; /* errors noted; nothing can be minted */
	if (b->registry &&
	    (st = dcatit_records_read_registry(b, b->registry, notes, d)) != DCATIT_OK)
		return st;
	if ((st = dcatit_records_read_catalog_body(b, "catalog.yaml", notes, d)) != DCATIT_OK)
		return st;
	for (size_t i = 0; i < b->nrecord_dirs; i++) {
		char *dir = dcatit_build_path(b, b->record_dirs[i]);
		if (!dir)
			return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		size_t n = 0;
		char **names = list_records(dir, &n, d);
		free(dir);
		if (!names)
			return d->status;
		for (size_t j = 0; j < n && st == DCATIT_OK; j++) {
			DcatitBuf rel;
			dcatit_buf_init(&rel);
			dcatit_buf_addf(&rel, "%s/%s", b->record_dirs[i], names[j]);
			if (rel.oom)
				st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			else if (dcatit_str_has_suffix(names[j], ".ttl"))
				st = load_turtle(b, rel.data, names[j], notes, d);
			else
				st = dcatit_records_read_dataset(b, rel.data, notes, d);
			dcatit_buf_release(&rel);
		}
		for (size_t j = 0; j < n; j++)
			free(names[j]);
		free(names);
		if (st != DCATIT_OK)
			return st;
	}
	if (!b->ndatasets)
		dcatit_notes_add(notes, DCATIT_NOTE_ERROR,
		                 dcatit_model_source_name(b->model, b->catalog_src), 1, 1,
		                 "the catalogue has no dataset records");
	return finish_catalog(b, notes, d);
}
