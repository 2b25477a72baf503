/* score.c: scoring datasets by the MQA methodology (score.h). One pass per
 * dataset: its own triples, then each distribution's, each read once from
 * the subject index; the best distribution is chosen the way piveau's
 * scorer reduces them (the largest sum wins, the first one on a tie). */
#include "quality/score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "rdf/vocab.h"
#include "shacl/report.h"

/* How far from a dataset a validation finding still belongs to it
 * (dataset -> distribution -> licence document -> its type is 3). */
#define CLOSURE_DEPTH 4

/* The ids the indicators look at, interned once per run. */
typedef struct {
	DcatitTermId type, dataset, dataset_it, catalog, catalog_it, distribution;
	DcatitTermId keyword, theme, spatial, temporal, access_rights, contact, publisher;
	DcatitTermId issued, modified, title;
	DcatitTermId access_url, download_url, format, media_type, license, rights, byte_size;
} Ids;

static bool ids_init(Ids *x, DcatitTerms *t)
{
	memset(x, 0, sizeof *x);
#define I(f, iri) x->f = dcatit_terms_iri_z(t, iri)
	I(type, DCATIT_NS_RDF "type");
	I(dataset, DCATIT_NS_DCAT "Dataset");
	I(dataset_it, DCATIT_NS_DCATAPIT "Dataset");
	I(catalog, DCATIT_NS_DCAT "Catalog");
	I(catalog_it, DCATIT_NS_DCATAPIT "Catalog");
	I(distribution, DCATIT_NS_DCAT "distribution");
	I(keyword, DCATIT_NS_DCAT "keyword");
	I(theme, DCATIT_NS_DCAT "theme");
	I(spatial, DCATIT_NS_DCT "spatial");
	I(temporal, DCATIT_NS_DCT "temporal");
	I(access_rights, DCATIT_NS_DCT "accessRights");
	I(contact, DCATIT_NS_DCAT "contactPoint");
	I(publisher, DCATIT_NS_DCT "publisher");
	I(issued, DCATIT_NS_DCT "issued");
	I(modified, DCATIT_NS_DCT "modified");
	I(title, DCATIT_NS_DCT "title");
	I(access_url, DCATIT_NS_DCAT "accessURL");
	I(download_url, DCATIT_NS_DCAT "downloadURL");
	I(format, DCATIT_NS_DCT "format");
	I(media_type, DCATIT_NS_DCAT "mediaType");
	I(license, DCATIT_NS_DCT "license");
	I(rights, DCATIT_NS_DCT "rights");
	I(byte_size, DCATIT_NS_DCAT "byteSize");
#undef I
	const DcatitTermId *p = (const DcatitTermId *)x;
	for (size_t i = 0; i < sizeof *x / sizeof *p; i++)
		if (!p[i])
			return false;
	return true;
}

/* What one distribution scores. */
typedef struct {
	DcatitTermId node;
	uint8_t state[DCATIT_QI_COUNT];  /* only distribution-level entries */
	int sum;                         /* points of met indicators */
	int pending;                     /* points not assessed */
	int access_status, download_status;
	DcatitTermId rights_access;      /* a dct:rights that is an access right */
} Dist;

/* Scratch state of one dcatit_quality_score call. */
typedef struct {
	DcatitQuality *q;
	const DcatitQualityInput *in;
	DcatitModel *m;
	DcatitTerms *t;
	Ids ids;
	uint32_t source;
	DcatitIdMap datasets;      /* dataset node -> 1 */
	DcatitIdMap bad;           /* focus node -> violations */
	DcatitIdMap unsure;        /* focus node -> checks not completed */
	uint32_t *stamp;           /* closure visit marks, by term id */
	size_t nstamp;
	uint32_t round;
	DcatitTermId *stack;
	uint8_t *depth;
	size_t cap_stack;
	DcatitIdMap hint_index[DCATIT_QH_COUNT]; /* value -> hint index + 1 */
	DcatitIdMap hint_last;     /* hint index + 1 -> last dataset counted */
	DcatitIdMap broken_index[2];             /* url -> broken index + 1 */
	Dist *dists;
	size_t cap_dists;
	DcatitStatus st;
} Ctx;

int dcatit_quality_points(const DcatitQualityDataset *ds, DcatitQualityIndicator i)
{
	return ds->state[i] == DCATIT_QS_MET ? dcatit_quality_indicator(i)->points : 0;
}

bool dcatit_quality_status_ok(int status)
{
	return status >= 200 && status <= 299;
}

void dcatit_quality_init(DcatitQuality *q, DcatitTerms *t)
{
	memset(q, 0, sizeof *q);
	q->terms = t;
}

void dcatit_quality_release(DcatitQuality *q)
{
	for (size_t i = 0; i < q->nsources; i++)
		free(q->sources[i].name);
	free(q->sources);
	free(q->datasets);
	free(q->hints);
	free(q->broken);
	memset(q, 0, sizeof *q);
}

/* Fill c->datasets with the dataset nodes of the graph. */
static bool find_datasets(Ctx *c)
{
	DcatitTermId classes[2] = { c->ids.dataset, c->ids.dataset_it };
	for (int k = 0; k < 2; k++) {
		DcatitRange r = dcatit_model_po(c->m, c->ids.type, classes[k]);
		for (size_t i = 0; i < r.n; i++) {
			DcatitTermId s = dcatit_model_triple(c->m, r.idx[i])->s;
			if (dcatit_terms_is_literal(c->t, s))
				continue;
			/* a catalogue that is also a dataset (DCAT 3) is scored as
			 * a catalogue, by its datasets */
			if (dcatit_model_has(c->m, s, c->ids.type, c->ids.catalog) ||
			    dcatit_model_has(c->m, s, c->ids.type, c->ids.catalog_it))
				continue;
			if (dcatit_idmap_put(&c->datasets, s, 1) < 0)
				return false;
		}
	}
	return true;
}

/* Violations by focus node. */
static bool index_violations(Ctx *c)
{
	const DcatitResults *rs = c->in->results;
	for (size_t i = 0; i < rs->nfailures; i++)
		if (rs->failures[i].focus && dcatit_idmap_put(&c->unsure, rs->failures[i].focus, 1) < 0)
			return false;
	for (size_t i = 0; i < rs->n; i++) {
		const DcatitResult *r = &rs->items[i];
		if (dcatit_report_severity(c->t, r->severity) != DCATIT_SEV_VIOLATION || !r->focus)
			continue;
		uint32_t *v = dcatit_idmap_ref(&c->bad, r->focus);
		if (!v)
			return false;
		(*v)++;
	}
	return true;
}

static bool push(Ctx *c, size_t *top, DcatitTermId node, uint8_t depth)
{
	if (*top == c->cap_stack) {
		size_t cap = c->cap_stack, cap2 = c->cap_stack;
		DcatitTermId *s = dcatit_grow(c->stack, &cap, *top + 1, sizeof *s, 256);
		if (!s)
			return false;
		c->stack = s;
		uint8_t *dp = dcatit_grow(c->depth, &cap2, *top + 1, sizeof *dp, 256);
		if (!dp)
			return false;
		c->depth = dp;
		c->cap_stack = cap < cap2 ? cap : cap2;
	}
	c->stack[*top] = node;
	c->depth[(*top)++] = depth;
	return true;
}

/* Violations found in the description of ds: the dataset and what it
 * links to (its distributions, contact point, period, licence documents
 * ...), not other datasets and not class IRIs (rdf:type is not followed). */
static uint32_t closure_violations(Ctx *c, DcatitTermId ds, bool *unsure)
{
	*unsure = false;
	if (!c->bad.n && !c->unsure.n)
		return 0;
	if (++c->round == 0) {
		memset(c->stamp, 0, c->nstamp * sizeof *c->stamp);
		c->round = 1;
	}
	size_t top = 0;
	uint32_t found = 0;
	if (ds >= c->nstamp || !push(c, &top, ds, 0)) {
		c->st = ds >= c->nstamp ? c->st : DCATIT_ERR_NOMEM;
		return 0;
	}
	c->stamp[ds] = c->round;
	while (top) {
		top--;
		DcatitTermId n = c->stack[top];
		uint8_t dep = c->depth[top];
		uint32_t v;
		if (dcatit_idmap_get(&c->bad, n, &v))
			found += v;
		if (dcatit_idmap_get(&c->unsure, n, NULL))
			*unsure = true;
		if (dep >= CLOSURE_DEPTH)
			continue;
		DcatitRange r = dcatit_model_sp(c->m, n, 0);
		for (size_t i = 0; i < r.n; i++) {
			const DcatitTriple *tr = dcatit_model_triple(c->m, r.idx[i]);
			DcatitTermId o = tr->o;
			if (tr->p == c->ids.type || dcatit_terms_is_literal(c->t, o) ||
			    o >= c->nstamp || c->stamp[o] == c->round)
				continue;
			c->stamp[o] = c->round;
			if (dcatit_idmap_get(&c->datasets, o, NULL))
				continue;
			if (!push(c, &top, o, (uint8_t)(dep + 1))) {
				c->st = DCATIT_ERR_NOMEM;
				return found;
			}
		}
	}
	return found;
}

static void add_hint(Ctx *c, DcatitQualityHintKind kind, DcatitTermId value,
                     DcatitTermId suggestion, DcatitTermId ds)
{
	DcatitQuality *q = c->q;
	uint32_t *slot = dcatit_idmap_ref(&c->hint_index[kind], value);
	if (!slot) {
		c->st = DCATIT_ERR_NOMEM;
		return;
	}
	if (!*slot) {
		DcatitQualityHint *h = dcatit_grow(q->hints, &q->cap_hints, q->nhints + 1, sizeof *h, 16);
		if (!h) {
			c->st = DCATIT_ERR_NOMEM;
			return;
		}
		q->hints = h;
		h = &q->hints[q->nhints++];
		memset(h, 0, sizeof *h);
		h->kind = kind;
		h->value = value;
		h->suggestion = suggestion;
		h->example = ds;
		h->source = c->source;
		*slot = (uint32_t)q->nhints;
	}
	uint32_t idx = *slot;
	DcatitQualityHint *h = &q->hints[idx - 1];
	h->uses++;
	/* datasets are scored one after the other: a dataset is new to the
	 * hint when it is not the last one that used it */
	uint32_t *last = dcatit_idmap_ref(&c->hint_last, idx);
	if (!last) {
		c->st = DCATIT_ERR_NOMEM;
		return;
	}
	if (*last != ds) {
		*last = ds;
		h->datasets++;
	}
}

static void add_broken(Ctx *c, DcatitTermId url, int status, bool download, DcatitTermId ds)
{
	DcatitQuality *q = c->q;
	uint32_t *slot = dcatit_idmap_ref(&c->broken_index[download], url);
	if (!slot) {
		c->st = DCATIT_ERR_NOMEM;
		return;
	}
	if (!*slot) {
		DcatitQualityBroken *b = dcatit_grow(q->broken, &q->cap_broken, q->nbroken + 1,
		                                     sizeof *b, 16);
		if (!b) {
			c->st = DCATIT_ERR_NOMEM;
			return;
		}
		q->broken = b;
		b = &q->broken[q->nbroken++];
		memset(b, 0, sizeof *b);
		b->url = url;
		b->status = status;
		b->download = download;
		b->example = ds;
		b->source = c->source;
		*slot = (uint32_t)q->nbroken;
	}
	q->broken[*slot - 1].uses++;
}

/* The link status indicator over the URL values of one property. */
static uint8_t link_state(Ctx *c, const DcatitTermId *urls, size_t n, bool download,
                          DcatitTermId ds, int *best)
{
	*best = 0;
	if (!n)
		return DCATIT_QS_NOT_MET;
	if (!c->in->links)
		return DCATIT_QS_NOT_ASSESSED;
	bool unknown = false;
	for (size_t i = 0; i < n; i++) {
		uint32_t st;
		if (!dcatit_idmap_get(c->in->links, urls[i], &st)) {
			unknown = true;
			continue;
		}
		/* several URLs: the best answer counts (a 2xx, else the
		 * first failure seen) */
		if (dcatit_quality_status_ok((int)st) || !*best)
			*best = (int)st;
		if (!dcatit_quality_status_ok((int)st))
			add_broken(c, urls[i], (int)st, download, ds);
	}
	if (dcatit_quality_status_ok(*best))
		return DCATIT_QS_MET;
	return unknown ? DCATIT_QS_NOT_ASSESSED : DCATIT_QS_NOT_MET;
}

/* Score one distribution. */
static void score_dist(Ctx *c, DcatitTermId node, DcatitTermId ds, Dist *out)
{
	const Ids *x = &c->ids;
	const DcatitQualityVocab *v = c->in->vocab;
	memset(out, 0, sizeof *out);
	out->node = node;
	DcatitRange r = dcatit_model_sp(c->m, node, 0);
	bool access = false, download = false, format = false, media = false;
	bool format_vocab = false, media_vocab = false, machine = false, nonprop = false;
	bool licence = false, known = false, rights = false, size = false;
	bool issued = false, modified = false;
	/* URLs are few per distribution: a small fixed array, the rest is
	 * looked at in a second pass only when it overflows */
	DcatitTermId aurls[16], durls[16];
	size_t na = 0, nd = 0;
	for (size_t i = 0; i < r.n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(c->m, r.idx[i]);
		DcatitTermId p = tr->p, o = tr->o;
		if (p == x->access_url) {
			access = true;
			if (na < 16)
				aurls[na++] = o;
		} else if (p == x->download_url) {
			download = true;
			if (nd < 16)
				durls[nd++] = o;
		} else if (p == x->format) {
			format = true;
			if (dcatit_quality_vocab_is_file_type(v, o))
				format_vocab = true;
			else {
				DcatitTermId s = dcatit_quality_vocab_format_hint(v, o);
				if (s)
					add_hint(c, DCATIT_QH_FORMAT, o, s, ds);
			}
			machine = machine || dcatit_quality_vocab_is_machine_readable(v, o);
			nonprop = nonprop || dcatit_quality_vocab_is_non_proprietary(v, o);
		} else if (p == x->media_type) {
			media = true;
			if (dcatit_quality_vocab_is_media_type(v, o))
				media_vocab = true;
			else {
				DcatitTermId s = dcatit_quality_vocab_media_type_hint(v, o);
				if (s)
					add_hint(c, DCATIT_QH_MEDIA_TYPE, o, s, ds);
			}
			machine = machine || dcatit_quality_vocab_is_machine_readable(v, o);
			nonprop = nonprop || dcatit_quality_vocab_is_non_proprietary(v, o);
		} else if (p == x->license) {
			licence = true;
			if (dcatit_quality_vocab_is_known_licence(v, o))
				known = true;
			else {
				DcatitTermId s = dcatit_quality_vocab_licence_hint(v, o);
				if (s)
					add_hint(c, DCATIT_QH_LICENCE, o, s, ds);
			}
		} else if (p == x->rights) {
			rights = true;
			if (dcatit_quality_vocab_is_access_right(v, o))
				out->rights_access = o;
		} else if (p == x->byte_size) {
			size = true;
		} else if (p == x->issued) {
			issued = true;
		} else if (p == x->modified) {
			modified = true;
		}
	}
	(void)access;
	out->state[DCATIT_QI_ACCESS_URL_STATUS] = link_state(c, aurls, na, false, ds,
	                                                      &out->access_status);
	out->state[DCATIT_QI_DOWNLOAD_URL] = download;
	out->state[DCATIT_QI_DOWNLOAD_URL_STATUS] = link_state(c, durls, nd, true, ds,
	                                                        &out->download_status);
	out->state[DCATIT_QI_FORMAT] = format;
	out->state[DCATIT_QI_MEDIA_TYPE] = media;
	out->state[DCATIT_QI_FORMAT_VOCAB] = format_vocab && media_vocab;
	out->state[DCATIT_QI_NON_PROPRIETARY] = nonprop;
	out->state[DCATIT_QI_MACHINE_READABLE] = machine;
	out->state[DCATIT_QI_LICENCE] = licence;
	out->state[DCATIT_QI_KNOWN_LICENCE] = known;
	out->state[DCATIT_QI_RIGHTS] = rights;
	out->state[DCATIT_QI_BYTE_SIZE] = size;
	out->state[DCATIT_QI_ISSUED] = issued;
	out->state[DCATIT_QI_MODIFIED] = modified;
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		const DcatitQualityIndicatorInfo *info = dcatit_quality_indicator((DcatitQualityIndicator)i);
		if (info->level == DCATIT_QL_DATASET)
			continue;
		if (out->state[i] == DCATIT_QS_MET)
			out->sum += info->points;
		else if (out->state[i] == DCATIT_QS_NOT_ASSESSED)
			out->pending += info->points;
	}
}

/* piveau keeps the first of equal sums; among equal sums we prefer the
 * one whose unmeasured links could still add points, so that a dataset is
 * not called fully assessed because of a distribution without URLs. */
static size_t best_dist(const Dist *d, size_t n)
{
	size_t best = 0;
	for (size_t i = 1; i < n; i++)
		if (d[i].sum > d[best].sum ||
		    (d[i].sum == d[best].sum && d[i].pending > d[best].pending))
			best = i;
	return best;
}

static DcatitTermId pick_title(Ctx *c, DcatitTermId ds)
{
	DcatitRange r = dcatit_model_sp(c->m, ds, c->ids.title);
	DcatitTermId best = 0;
	int rank = 9;
	for (size_t i = 0; i < r.n; i++) {
		DcatitTermId o = dcatit_model_triple(c->m, r.idx[i])->o;
		if (!dcatit_terms_is_literal(c->t, o))
			continue;
		const char *lang = dcatit_terms_lang(c->t, o);
		int k = strncasecmp(lang, "it", 2) == 0 ? 0 : !*lang ? 1 : strncasecmp(lang, "en", 2) == 0 ? 2 : 3;
		if (k < rank) {
			rank = k;
			best = o;
		}
	}
	return best;
}

static void score_dataset(Ctx *c, DcatitTermId ds)
{
	DcatitQuality *q = c->q;
	const Ids *x = &c->ids;
	const DcatitQualityVocab *v = c->in->vocab;
	DcatitQualityDataset *out = dcatit_grow(q->datasets, &q->cap_datasets, q->ndatasets + 1,
	                                        sizeof *out, 256);
	if (!out) {
		c->st = DCATIT_ERR_NOMEM;
		return;
	}
	q->datasets = out;
	out = &q->datasets[q->ndatasets++];
	memset(out, 0, sizeof *out);
	out->iri = ds;
	DcatitLoc loc = dcatit_model_node_loc(c->m, ds);
	if (c->in->source_of) {
		uint32_t src = c->in->source_of(c->in->source_ud, loc);
		/* hints and broken links found below are this source's too */
		c->source = src < q->nsources ? src : 0;
	}
	out->source = c->source;
	out->file = dcatit_model_source_name(c->m, loc.file);
	out->line = loc.line;
	out->title = pick_title(c, ds);

	bool issued = false, modified = false, ar_vocab = false;
	DcatitTermId rights_access = 0;
	size_t nd = 0;
	DcatitRange r = dcatit_model_sp(c->m, ds, 0);
	for (size_t i = 0; i < r.n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(c->m, r.idx[i]);
		DcatitTermId p = tr->p, o = tr->o;
		if (p == x->keyword)
			out->state[DCATIT_QI_KEYWORD] = DCATIT_QS_MET;
		else if (p == x->theme)
			out->state[DCATIT_QI_CATEGORY] = DCATIT_QS_MET;
		else if (p == x->spatial)
			out->state[DCATIT_QI_SPATIAL] = DCATIT_QS_MET;
		else if (p == x->temporal)
			out->state[DCATIT_QI_TEMPORAL] = DCATIT_QS_MET;
		else if (p == x->access_rights) {
			out->state[DCATIT_QI_ACCESS_RIGHTS] = DCATIT_QS_MET;
			if (dcatit_quality_vocab_is_access_right(v, o))
				ar_vocab = true;
			else {
				DcatitTermId s = dcatit_quality_vocab_access_right_hint(v, o);
				if (s)
					add_hint(c, DCATIT_QH_ACCESS_RIGHTS, o, s, ds);
			}
		} else if (p == x->contact)
			out->state[DCATIT_QI_CONTACT_POINT] = DCATIT_QS_MET;
		else if (p == x->publisher)
			out->state[DCATIT_QI_PUBLISHER] = DCATIT_QS_MET;
		else if (p == x->issued)
			issued = true;
		else if (p == x->modified)
			modified = true;
		else if (p == x->rights && dcatit_quality_vocab_is_access_right(v, o))
			rights_access = o;
		else if (p == x->distribution) {
			Dist *dd = dcatit_grow(c->dists, &c->cap_dists, nd + 1, sizeof *dd, 8);
			if (!dd) {
				c->st = DCATIT_ERR_NOMEM;
				return;
			}
			c->dists = dd;
			score_dist(c, o, ds, &c->dists[nd++]);
		}
	}
	out->state[DCATIT_QI_ACCESS_RIGHTS_VOCAB] = ar_vocab;
	/* DCAT-AP_IT catalogues often give the access right as dct:rights, of
	 * the dataset or of its distributions */
	for (size_t k = 0; !rights_access && k < nd; k++)
		rights_access = c->dists[k].rights_access;
	if (rights_access && out->state[DCATIT_QI_ACCESS_RIGHTS] != DCATIT_QS_MET)
		add_hint(c, DCATIT_QH_RIGHTS_AS_ACCESS, rights_access, rights_access, ds);
	if (c->in->results) {
		bool unsure;
		out->violations = closure_violations(c, ds, &unsure);
		/* a check the validator could not complete leaves compliance
		 * unknown, unless a violation already settles it */
		out->state[DCATIT_QI_DCAT_AP] = out->violations ? DCATIT_QS_NOT_MET
		                                : unsure ? DCATIT_QS_NOT_ASSESSED : DCATIT_QS_MET;
	} else {
		out->state[DCATIT_QI_DCAT_AP] = DCATIT_QS_NOT_ASSESSED;
	}

	out->ndist = (uint32_t)nd;
	const Dist *best = NULL;
	if (nd) {
		best = &c->dists[best_dist(c->dists, nd)];
		out->best = best->node;
		out->access_status = best->access_status;
		out->download_status = best->download_status;
	}
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		const DcatitQualityIndicatorInfo *info = dcatit_quality_indicator((DcatitQualityIndicator)i);
		if (info->level == DCATIT_QL_DATASET)
			continue;
		out->state[i] = best ? best->state[i] : DCATIT_QS_NOT_MET;
	}
	/* counted once: the dataset's own date only when the chosen
	 * distribution has none */
	if (issued)
		out->state[DCATIT_QI_ISSUED] = DCATIT_QS_MET;
	if (modified)
		out->state[DCATIT_QI_MODIFIED] = DCATIT_QS_MET;

	int score = 0, pending = 0;
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		const DcatitQualityIndicatorInfo *info = dcatit_quality_indicator((DcatitQualityIndicator)i);
		if (out->state[i] == DCATIT_QS_MET) {
			score += info->points;
			out->dims[info->dim] += (int16_t)info->points;
		} else if (out->state[i] == DCATIT_QS_NOT_ASSESSED) {
			pending += info->points;
			continue;
		}
		if (out->state[i] != DCATIT_QS_NOT_MET)
			continue;
		/* Meeting it adds its points: a distribution indicator added
		 * to every distribution lifts the best one by exactly that
		 * (no other can overtake it by more). */
		out->gain[i] = (uint8_t)info->points;
	}
	out->score = (int16_t)score;
	out->assessed_max = (int16_t)(DCATIT_QUALITY_MAX - pending);
	out->band = (uint8_t)dcatit_quality_band(score);
	out->band_max = (uint8_t)dcatit_quality_band(score + pending);
}

static bool add_source(DcatitQuality *q, const char *name);

DcatitStatus dcatit_quality_add_source(DcatitQuality *q, const char *name, uint32_t *index)
{
	if (!add_source(q, name))
		return DCATIT_ERR_NOMEM;
	*index = (uint32_t)(q->nsources - 1);
	return DCATIT_OK;
}

static bool add_source(DcatitQuality *q, const char *name)
{
	DcatitQualitySource *s = dcatit_grow(q->sources, &q->cap_sources, q->nsources + 1,
	                                     sizeof *s, 4);
	if (!s)
		return false;
	q->sources = s;
	s = &q->sources[q->nsources];
	memset(s, 0, sizeof *s);
	s->name = dcatit_strdup(name ? name : "");
	if (!s->name)
		return false;
	q->nsources++;
	return true;
}

static void ctx_release(Ctx *c)
{
	dcatit_idmap_release(&c->datasets);
	dcatit_idmap_release(&c->bad);
	dcatit_idmap_release(&c->unsure);
	dcatit_idmap_release(&c->hint_last);
	for (int k = 0; k < DCATIT_QH_COUNT; k++)
		dcatit_idmap_release(&c->hint_index[k]);
	dcatit_idmap_release(&c->broken_index[0]);
	dcatit_idmap_release(&c->broken_index[1]);
	free(c->stamp);
	free(c->stack);
	free(c->depth);
	free(c->dists);
}

/* Datasets in a stable order: by IRI (hash order would change reports
 * from run to run). */
typedef struct {
	const char *iri;
	DcatitTermId id;
} Named;

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const Named *)a)->iri, ((const Named *)b)->iri);
}

DcatitStatus dcatit_quality_score(DcatitQuality *q, const DcatitQualityInput *in,
                                  DcatitDiag *d)
{
	Ctx c;
	memset(&c, 0, sizeof c);
	c.q = q;
	c.in = in;
	c.m = in->data;
	c.t = dcatit_model_terms(in->data);
	dcatit_idmap_init(&c.datasets);
	dcatit_idmap_init(&c.bad);
	dcatit_idmap_init(&c.unsure);
	dcatit_idmap_init(&c.hint_last);
	for (int k = 0; k < DCATIT_QH_COUNT; k++)
		dcatit_idmap_init(&c.hint_index[k]);
	dcatit_idmap_init(&c.broken_index[0]);
	dcatit_idmap_init(&c.broken_index[1]);
	Named *order = NULL;
	if (c.t != q->terms)
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                       "the graph and the quality result use different term stores");
	c.st = dcatit_model_freeze(c.m);
	if (c.st == DCATIT_OK && (!ids_init(&c.ids, c.t) ||
	                          (!in->source_of && !add_source(q, in->source))))
		c.st = DCATIT_ERR_NOMEM;
	if (c.st == DCATIT_OK && !q->nsources)
		c.st = DCATIT_ERR_USAGE; /* source_of without a registered source */
	c.source = (uint32_t)(q->nsources - 1);
	if (c.st == DCATIT_OK && !find_datasets(&c))
		c.st = DCATIT_ERR_NOMEM;
	if (c.st == DCATIT_OK && in->results) {
		q->validated = true;
		if (!index_violations(&c))
			c.st = DCATIT_ERR_NOMEM;
		c.nstamp = dcatit_terms_count(c.t) + 1;
		c.stamp = calloc(c.nstamp, sizeof *c.stamp);
		if (!c.stamp)
			c.st = DCATIT_ERR_NOMEM;
	}
	if (in->links)
		q->links_checked = true;
	size_t n = 0;
	if (c.st == DCATIT_OK && c.datasets.n) {
		order = malloc(c.datasets.n * sizeof *order);
		if (!order)
			c.st = DCATIT_ERR_NOMEM;
		for (size_t i = 0; order && i < c.datasets.cap; i++)
			if (c.datasets.keys[i]) {
				order[n].id = c.datasets.keys[i];
				order[n++].iri = dcatit_terms_str(c.t, c.datasets.keys[i]);
			}
		if (order)
			qsort(order, n, sizeof *order, cmp_named);
	}
	for (size_t i = 0; i < n && c.st == DCATIT_OK; i++)
		score_dataset(&c, order[i].id);
	free(order);
	ctx_release(&c);
	if (c.st != DCATIT_OK)
		return dcatit_diag_set(d, c.st, NULL, 0, 0, "%s", dcatit_strerror(c.st));
	return DCATIT_OK;
}

static void summary_add(DcatitQualitySummary *s, const DcatitQualityDataset *ds)
{
	s->datasets++;
	s->score += ds->score;
	s->assessed_max += ds->assessed_max;
	for (int k = 0; k < DCATIT_QD_COUNT; k++)
		s->dims[k] += ds->dims[k];
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		if (ds->state[i] == DCATIT_QS_NOT_ASSESSED)
			continue;
		s->assessed[i]++;
		if (ds->state[i] == DCATIT_QS_MET) {
			s->met[i]++;
			continue;
		}
		int g = ds->gain[i];
		s->gain[i] += g;
		if (s->assessed[i] - s->met[i] == 1 || g < s->gain_min[i])
			s->gain_min[i] = g;
		if (g > s->gain_max[i])
			s->gain_max[i] = g;
	}
	s->bands[ds->band]++;
	s->with_violations += ds->violations > 0;
	s->distributions += ds->ndist;
}

static void summary_finish(DcatitQualitySummary *s, double score_if_pass)
{
	if (!s->datasets) {
		s->band = s->band_max = DCATIT_QBAND_BAD;
		return;
	}
	double n = (double)s->datasets;
	s->score /= n;
	s->assessed_max /= n;
	for (int k = 0; k < DCATIT_QD_COUNT; k++)
		s->dims[k] /= n;
	s->band = (uint8_t)dcatit_quality_band_of_mean(s->score);
	s->band_max = (uint8_t)dcatit_quality_band_of_mean(score_if_pass / n);
}

/* Hints and broken links, the most used first (ties in a fixed order). */
static int cmp_hint(const void *a, const void *b)
{
	const DcatitQualityHint *x = a, *y = b;
	if (x->datasets != y->datasets)
		return x->datasets > y->datasets ? -1 : 1;
	if (x->uses != y->uses)
		return x->uses > y->uses ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	return x->value < y->value ? -1 : x->value > y->value;
}

static int cmp_broken(const void *a, const void *b)
{
	const DcatitQualityBroken *x = a, *y = b;
	if (x->uses != y->uses)
		return x->uses > y->uses ? -1 : 1;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	if (x->download != y->download)
		return x->download ? 1 : -1;
	return x->url < y->url ? -1 : x->url > y->url;
}

DcatitStatus dcatit_quality_finish(DcatitQuality *q, DcatitDiag *d)
{
	/* term ids follow the order the data was read in: stable for the
	 * same input */
	if (q->nhints > 1)
		qsort(q->hints, q->nhints, sizeof *q->hints, cmp_hint);
	if (q->nbroken > 1)
		qsort(q->broken, q->nbroken, sizeof *q->broken, cmp_broken);
	(void)d;
	memset(&q->total, 0, sizeof q->total);
	double total_pass = 0;
	double *pass = calloc(q->nsources ? q->nsources : 1, sizeof *pass);
	if (!pass)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	for (size_t k = 0; k < q->nsources; k++)
		memset(&q->sources[k].sum, 0, sizeof q->sources[k].sum);
	for (size_t i = 0; i < q->ndatasets; i++) {
		const DcatitQualityDataset *ds = &q->datasets[i];
		summary_add(&q->total, ds);
		summary_add(&q->sources[ds->source].sum, ds);
		double p = ds->score + (DCATIT_QUALITY_MAX - ds->assessed_max);
		total_pass += p;
		pass[ds->source] += p;
	}
	summary_finish(&q->total, total_pass);
	for (size_t k = 0; k < q->nsources; k++)
		summary_finish(&q->sources[k].sum, pass[k]);
	free(pass);
	return DCATIT_OK;
}

DcatitStatus dcatit_quality_urls(DcatitModel *m, DcatitIdMap *out, DcatitDiag *d)
{
	Ctx c;
	memset(&c, 0, sizeof c);
	c.m = m;
	c.t = dcatit_model_terms(m);
	dcatit_idmap_init(&c.datasets);
	DcatitStatus st = dcatit_model_freeze(m);
	if (st == DCATIT_OK && (!ids_init(&c.ids, c.t) || !find_datasets(&c)))
		st = DCATIT_ERR_NOMEM;
	for (size_t i = 0; st == DCATIT_OK && i < c.datasets.cap; i++) {
		if (!c.datasets.keys[i])
			continue;
		DcatitRange r = dcatit_model_sp(m, c.datasets.keys[i], c.ids.distribution);
		for (size_t k = 0; st == DCATIT_OK && k < r.n; k++) {
			DcatitTermId dist = dcatit_model_triple(m, r.idx[k])->o;
			DcatitTermId props[2] = { c.ids.access_url, c.ids.download_url };
			for (int p = 0; p < 2 && st == DCATIT_OK; p++) {
				DcatitRange u = dcatit_model_sp(m, dist, props[p]);
				for (size_t j = 0; j < u.n; j++)
					if (dcatit_idmap_put(out, dcatit_model_triple(m, u.idx[j])->o, 0) < 0) {
						st = DCATIT_ERR_NOMEM;
						break;
					}
			}
		}
	}
	dcatit_idmap_release(&c.datasets);
	if (st != DCATIT_OK)
		return dcatit_diag_set(d, st, NULL, 0, 0, "%s", dcatit_strerror(st));
	return DCATIT_OK;
}

static int cmp_action(const void *a, const void *b)
{
	const DcatitQualityAction *x = a, *y = b;
	if (x->catalogue_gain != y->catalogue_gain)
		return x->catalogue_gain > y->catalogue_gain ? -1 : 1;
	return (int)x->indicator - (int)y->indicator;
}

size_t dcatit_quality_actions(const DcatitQualitySummary *s,
                              DcatitQualityAction out[DCATIT_QI_COUNT])
{
	size_t n = 0;
	if (!s->datasets)
		return 0;
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		if (s->gain[i] <= 0)
			continue;
		out[n].indicator = (DcatitQualityIndicator)i;
		out[n].datasets = s->assessed[i] - s->met[i];
		out[n].gain_min = s->gain_min[i];
		out[n].gain_max = s->gain_max[i];
		out[n].catalogue_gain = s->gain[i] / (double)s->datasets;
		n++;
	}
	qsort(out, n, sizeof *out, cmp_action);
	return n;
}
