/* map.c: DCAT-AP_IT dataset nodes <-> ckanext-dcatapit package dicts.
 * Forward: top-level dcatapit fields, structured ones (themes_aggregate,
 * creator, temporal_coverage, conforms_to) as JSON text inside strings,
 * resources with distribution_format and license_type. Reverse: the same
 * fields back to triples, reading DD-MM-YYYY dates and search-shaped
 * extras. Which properties survive the trip is listed in
 * tests/push/ROUNDTRIP.md. */
#include "ckan/map.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rdf/cvocab.h"
#include "rdf/vocab.h"
#include "base/str.h"

/* X(field, IRI): the terms this file needs, interned per call. */
#define MAP_VOCAB(X) \
	X(rdf_type, DCATIT_NS_RDF "type") \
	X(xsd_date, DCATIT_NS_XSD "date") \
	X(dcat_Dataset, DCATIT_NS_DCAT "Dataset") \
	X(dcat_Distribution, DCATIT_NS_DCAT "Distribution") \
	X(dcat_distribution, DCATIT_NS_DCAT "distribution") \
	X(dcat_theme, DCATIT_NS_DCAT "theme") \
	X(dcat_keyword, DCATIT_NS_DCAT "keyword") \
	X(dcat_landingPage, DCATIT_NS_DCAT "landingPage") \
	X(dcat_accessURL, DCATIT_NS_DCAT "accessURL") \
	X(dcat_downloadURL, DCATIT_NS_DCAT "downloadURL") \
	X(dcat_byteSize, DCATIT_NS_DCAT "byteSize") \
	X(dcat_mediaType, DCATIT_NS_DCAT "mediaType") \
	X(spdx_checksum, DCATIT_NS_SPDX "checksum") \
	X(spdx_Checksum, DCATIT_NS_SPDX "Checksum") \
	X(spdx_algorithm, DCATIT_NS_SPDX "algorithm") \
	X(spdx_checksumValue, DCATIT_NS_SPDX "checksumValue") \
	X(xsd_hexBinary, DCATIT_NS_XSD "hexBinary") \
	X(xsd_decimal, DCATIT_NS_XSD "decimal") \
	X(dcat_startDate, DCATIT_NS_DCAT "startDate") \
	X(dcat_endDate, DCATIT_NS_DCAT "endDate") \
	X(dcatapit_Dataset, DCATIT_NS_DCATAPIT "Dataset") \
	X(dcatapit_Distribution, DCATIT_NS_DCATAPIT "Distribution") \
	X(dcatapit_Agent, DCATIT_NS_DCATAPIT "Agent") \
	X(dcatapit_Standard, DCATIT_NS_DCATAPIT "Standard") \
	X(dcatapit_startDate, DCATIT_NS_DCATAPIT "startDate") \
	X(dcatapit_endDate, DCATIT_NS_DCATAPIT "endDate") \
	X(dcatapit_geoId, DCATIT_NS_DCATAPIT "geographicalIdentifier") \
	X(dcatapit_refDoc, DCATIT_NS_DCATAPIT "referenceDocumentation") \
	X(schema_startDate, DCATIT_NS_SCHEMA "startDate") \
	X(schema_endDate, DCATIT_NS_SCHEMA "endDate") \
	X(dct_identifier, DCATIT_NS_DCT "identifier") \
	X(dct_title, DCATIT_NS_DCT "title") \
	X(dct_description, DCATIT_NS_DCT "description") \
	X(dct_modified, DCATIT_NS_DCT "modified") \
	X(dct_issued, DCATIT_NS_DCT "issued") \
	X(dct_accrualPeriodicity, DCATIT_NS_DCT "accrualPeriodicity") \
	X(dct_subject, DCATIT_NS_DCT "subject") \
	X(dct_language, DCATIT_NS_DCT "language") \
	X(dct_publisher, DCATIT_NS_DCT "publisher") \
	X(dct_rightsHolder, DCATIT_NS_DCT "rightsHolder") \
	X(dct_creator, DCATIT_NS_DCT "creator") \
	X(dct_temporal, DCATIT_NS_DCT "temporal") \
	X(dct_PeriodOfTime, DCATIT_NS_DCT "PeriodOfTime") \
	X(dct_conformsTo, DCATIT_NS_DCT "conformsTo") \
	X(dct_Standard, DCATIT_NS_DCT "Standard") \
	X(dct_spatial, DCATIT_NS_DCT "spatial") \
	X(dct_isVersionOf, DCATIT_NS_DCT "isVersionOf") \
	X(dct_format, DCATIT_NS_DCT "format") \
	X(dct_license, DCATIT_NS_DCT "license") \
	X(owl_versionInfo, DCATIT_NS_OWL "versionInfo") \
	X(foaf_Agent, DCATIT_NS_FOAF "Agent") \
	X(adms_identifier, DCATIT_NS_ADMS "identifier") \
	X(adms_Identifier, DCATIT_NS_ADMS "Identifier") \
	X(skos_notation, DCATIT_NS_SKOS "notation") \
	X(foaf_name, DCATIT_NS_FOAF "name") \
	X(foaf_homepage, DCATIT_NS_FOAF "homepage") \
	X(foaf_page, DCATIT_NS_FOAF "page") \
	X(dct_accessRights, DCATIT_NS_DCT "accessRights") \
	X(dct_type, DCATIT_NS_DCT "type") \
	X(dct_hasVersion, DCATIT_NS_DCT "hasVersion") \
	X(dct_source, DCATIT_NS_DCT "source") \
	X(adms_sample, DCATIT_NS_ADMS "sample") \
	X(adms_versionNotes, DCATIT_NS_ADMS "versionNotes") \
	X(adms_status, DCATIT_NS_ADMS "status") \
	X(dcat_contactPoint, DCATIT_NS_DCAT "contactPoint") \
	X(vcard_hasEmail, DCATIT_NS_VCARD "hasEmail") \
	X(vcard_hasTelephone, DCATIT_NS_VCARD "hasTelephone") \
	X(vcard_hasURL, DCATIT_NS_VCARD "hasURL") \
	X(vcard_hasValue, DCATIT_NS_VCARD "hasValue") \
	X(skos_narrowMatch, DCATIT_NS_SKOS "narrowMatch") \
	X(rdfs_seeAlso, DCATIT_NS_RDFS "seeAlso") \
	X(dcatapit_referenceDoc, DCATIT_NS_DCATAPIT "referenceDoc")

typedef struct {
#define MV_FIELD(f, iri) DcatitTermId f;
	MAP_VOCAB(MV_FIELD)
#undef MV_FIELD
} V;

static bool vocab(V *v, DcatitTerms *t)
{
#define MV_INTERN(f, iri) if (!(v->f = dcatit_terms_iri_z(t, iri))) return false;
	MAP_VOCAB(MV_INTERN)
#undef MV_INTERN
	return true;
}

/* Free fields that ckanext-dcat's euro_dcat_ap profile reads and writes
 * (its docs/mapping.md) and ckanext-dcatapit leaves alone: on datasets as
 * extras, on resources as resource keys. */
typedef enum { EX_ONE, EX_TEXT, EX_LIST } ExKind; /* a value, a literal, IRIs */
typedef struct {
	const char *key;
	size_t prop; /* offsetof the term in V */
	ExKind kind;
} Extra;
#define PROP(v, off) (*(const DcatitTermId *)(const void *)((const char *)(v) + (off)))

static const Extra dataset_extras[] = {
	{ "access_rights", offsetof(V, dct_accessRights), EX_ONE },
	{ "dcat_type", offsetof(V, dct_type), EX_ONE },
	{ "version_notes", offsetof(V, adms_versionNotes), EX_TEXT },
	{ "documentation", offsetof(V, foaf_page), EX_LIST },
	{ "has_version", offsetof(V, dct_hasVersion), EX_LIST },
	{ "source", offsetof(V, dct_source), EX_LIST },
	{ "sample", offsetof(V, adms_sample), EX_LIST },
};
static const Extra resource_extras[] = {
	{ "status", offsetof(V, adms_status), EX_ONE },
	{ "documentation", offsetof(V, foaf_page), EX_LIST },
};

/* ------------------------------------------------------------ helpers */

typedef struct {
	const char **v;
	size_t n, cap;
	bool oom;
} StrList;

static void sl_add(StrList *l, const char *s)
{
	if (!s || l->oom)
		return;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return;
	const char **nv = dcatit_grow(l->v, &l->cap, l->n + 1, sizeof *nv, 8);
	if (!nv) {
		l->oom = true;
		return;
	}
	l->v = nv;
	l->v[l->n++] = s;
}

static void sl_sort(StrList *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, dcatit_cmp_str);
}

static void sl_free(StrList *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Objects of (s, p) as term ids, in a malloc'd array (the model's ranges
 * do not survive an add, so copy). */
static size_t objects(DcatitModel *m, DcatitTermId s, DcatitTermId p, DcatitTermId **out)
{
	DcatitRange r = dcatit_model_sp(m, s, p);
	*out = NULL;
	if (!r.n)
		return 0;
	DcatitTermId *v = malloc(r.n * sizeof *v);
	if (!v)
		return 0;
	for (size_t i = 0; i < r.n; i++)
		v[i] = dcatit_model_triple(m, r.idx[i])->o;
	*out = v;
	return r.n;
}

static const char *S(DcatitModel *m, DcatitTermId id)
{
	return dcatit_terms_str(dcatit_model_terms(m), id);
}

/* The literal of (s, p) to publish: Italian first, then untagged, then
 * the smallest; NULL when none. */
static const char *best_lit(DcatitModel *m, DcatitTermId s, DcatitTermId p)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitRange r = dcatit_model_sp(m, s, p);
	const char *it = NULL, *plain = NULL, *any = NULL;
	for (size_t i = 0; i < r.n; i++) {
		DcatitTermId o = dcatit_model_triple(m, r.idx[i])->o;
		if (!dcatit_terms_is_literal(t, o))
			continue;
		const char *lang = dcatit_terms_lang(t, o);
		const char *str = dcatit_terms_str(t, o);
		if (strcmp(lang, "it") == 0 && (!it || strcmp(str, it) < 0))
			it = str;
		else if (!*lang && (!plain || strcmp(str, plain) < 0))
			plain = str;
		else if (!any || strcmp(str, any) < 0)
			any = str;
	}
	return it ? it : plain ? plain : any;
}

/* Any value of (s, p) as text (literal or IRI), the smallest one. */
static const char *first_text(DcatitModel *m, DcatitTermId s, DcatitTermId p)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitRange r = dcatit_model_sp(m, s, p);
	const char *best = NULL;
	for (size_t i = 0; i < r.n; i++) {
		DcatitTermId o = dcatit_model_triple(m, r.idx[i])->o;
		if (dcatit_terms_is_bnode(t, o))
			continue;
		const char *str = dcatit_terms_str(t, o);
		if (!best || strcmp(str, best) < 0)
			best = str;
	}
	return best;
}

static const char *last_seg(const char *iri)
{
	const char *s = strrchr(iri, '/');
	return s ? s + 1 : iri;
}

static bool is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* YYYY-MM-DD from an ISO date or dateTime or a DD-MM-YYYY date; false
 * when s is none of those. out has room for 11 bytes. */
static bool norm_date(const char *s, char out[11])
{
	size_t n = strlen(s);
	if (n >= 10 && is_digits(s, 4) && s[4] == '-' && is_digits(s + 5, 2) &&
	    s[7] == '-' && is_digits(s + 8, 2) && (n == 10 || s[10] == 'T' || s[10] == ' ')) {
		memcpy(out, s, 10);
		out[10] = '\0';
		return true;
	}
	if (n == 10 && is_digits(s, 2) && (s[2] == '-' || s[2] == '/') && is_digits(s + 3, 2) &&
	    s[5] == s[2] && is_digits(s + 6, 4)) {
		memcpy(out, s + 6, 4);
		out[4] = '-';
		memcpy(out + 5, s + 3, 2);
		out[7] = '-';
		memcpy(out + 8, s, 2);
		out[10] = '\0';
		return true;
	}
	return false;
}

static bool set_date(DcatitJson *o, const char *key, const char *v)
{
	char d[11];
	if (!v)
		return true;
	return dcatit_json_set_str(o, key, norm_date(v, d) ? d : v);
}

/* issued and modified of a dataset, in the one form ckanext-dcatapit hands
 * to its RDF unchanged: its package_show rewrites every date it can parse
 * (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS, ...) as DD-MM-YYYY, which ckanext-dcat
 * then reads month first, so 2015-11-02 is served as 2015-02-11. A
 * timestamp with microseconds matches none of its formats and is read
 * back as the same day (shared/ckan-transcripts/roundtrip, change 3). */
static bool set_portal_date(DcatitJson *o, const char *key, const char *v)
{
	char d[11], ts[32];
	if (!v)
		return true;
	if (!norm_date(v, d))
		return dcatit_json_set_str(o, key, v);
	snprintf(ts, sizeof ts, "%sT00:00:00.000000", d);
	return dcatit_json_set_str(o, key, ts);
}

/* {lang: text} of every literal of (s, p); "it" for untagged ones. */
static DcatitJson *lang_map(DcatitModel *m, DcatitTermId s, DcatitTermId p)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitJson *o = dcatit_json_object();
	DcatitRange r = dcatit_model_sp(m, s, p);
	for (size_t i = 0; o && i < r.n; i++) {
		DcatitTermId l = dcatit_model_triple(m, r.idx[i])->o;
		if (!dcatit_terms_is_literal(t, l))
			continue;
		const char *lang = dcatit_terms_lang(t, l);
		if (!*lang)
			lang = "it";
		if (!dcatit_json_get(o, lang))
			dcatit_json_set_str(o, lang, dcatit_terms_str(t, l));
	}
	return o;
}

static bool set_json_text(DcatitJson *pkg, const char *key, DcatitJson *v)
{
	/* ckanext-dcatapit's validators json.loads these: send JSON text */
	if (!v)
		return false;
	if (dcatit_json_size(v) == 0) {
		dcatit_json_free(v);
		return true;
	}
	char *txt = dcatit_json_dump(v, false);
	dcatit_json_free(v);
	if (!txt)
		return false;
	bool ok = dcatit_json_set_str(pkg, key, txt);
	free(txt);
	return ok;
}

/* "{A,B}" for several codes, "A" for one (ckanext-dcatapit's form). */
static bool set_code_set(DcatitJson *pkg, const char *key, StrList *codes)
{
	if (!codes->n)
		return true;
	sl_sort(codes);
	DcatitBuf b;
	dcatit_buf_init(&b);
	if (codes->n > 1)
		dcatit_buf_addc(&b, '{');
	for (size_t i = 0; i < codes->n; i++) {
		if (i)
			dcatit_buf_addc(&b, ',');
		dcatit_buf_adds(&b, codes->v[i]);
	}
	if (codes->n > 1)
		dcatit_buf_addc(&b, '}');
	bool ok = !b.oom && dcatit_json_set_str(pkg, key, b.data);
	dcatit_buf_release(&b);
	return ok;
}

/* ------------------------------------------------------------ names */

bool dcatit_ckan_name_from_identifier(const char *id, char *out, size_t cap)
{
	if (cap < 101)
		return false;
	size_t n = 0;
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)id; *p && n < 100; p++) {
		unsigned char c = *p;
		char o = 0;
		if (c >= 'A' && c <= 'Z')
			o = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
			o = (char)c;
		else if (c == 0xC3 && p[1]) {
			/* Latin-1 letters in UTF-8: the accents of Italian names */
			unsigned char d = *++p;
			static const char map[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyps";
			unsigned idx = (unsigned)(d & 0x1F);
			if (d >= 0x80 && d <= 0xBF)
				o = map[idx];
			if (o == '/' || o == 'p' || o == 's')
				o = 0;
		} else if (c >= 0x80) {
			continue;
		}
		if (o) {
			out[n++] = o;
			dash = false;
		} else if (!dash && n > 0) {
			out[n++] = '-';
			dash = true;
		}
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	if (strlen(id) > 0 && n >= 100) {
		/* long identifiers: keep them apart with a hash of the whole */
		unsigned long long h = dcatit_hash_str(id);
		snprintf(out + 90, cap - 90, "-%09llx", h & 0xFFFFFFFFFULL);
		n = strlen(out);
	}
	if (n < 2)
		return false;
	if (strcmp(out, "new") == 0 || strcmp(out, "edit") == 0 || strcmp(out, "search") == 0) {
		snprintf(out + n, cap - n, "-ds");
	}
	return true;
}

bool dcatit_ckan_tag_clean(const char *kw, DcatitBuf *out)
{
	dcatit_buf_clear(out);
	bool space = false;
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)kw; *p; p++) {
		unsigned char c = *p;
		bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c >= 0x80;
		if (keep) {
			if (space && out->len)
				dcatit_buf_addc(out, ' ');
			space = false;
			/* cut at 100 characters, never inside a UTF-8 sequence */
			if ((c & 0xC0) != 0x80) {
				if (chars == 100)
					break;
				chars++;
			}
			dcatit_buf_addc(out, (char)c);
		} else {
			space = true;
		}
	}
	while (out->len && (out->data[out->len - 1] & 0xC0) == 0xC0) /* dangling lead byte */
		out->data[--out->len] = '\0';
	return !out->oom && chars >= 2;
}

const char *dcatit_ckan_field(const DcatitJson *pkg, const char *key)
{
	const char *v = dcatit_json_get_str(pkg, key);
	if (v)
		return v;
	DcatitJson *ex = dcatit_json_get(pkg, "extras");
	for (size_t i = 0; i < dcatit_json_size(ex); i++) {
		DcatitJson *e = dcatit_json_at(ex, i);
		const char *k = dcatit_json_get_str(e, "key");
		if (k && strcmp(k, key) == 0)
			return dcatit_json_get_str(e, "value");
	}
	return NULL;
}

/* ------------------------------------------------------------ forward */

static int cmp_term(const void *a, const void *b, void *m)
{
	return strcmp(S(m, *(const DcatitTermId *)a), S(m, *(const DcatitTermId *)b));
}

/* qsort_r is not C11; a tiny insertion sort is enough for per-dataset lists. */
static void sort_terms(DcatitModel *m, DcatitTermId *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		DcatitTermId x = v[i];
		size_t j = i;
		while (j > 0 && cmp_term(&v[j - 1], &x, m) > 0) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
}

static int cmp_id_str(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;
	return strcmp(x[1], y[1]);
}

DcatitStatus dcatit_ckan_map_datasets(DcatitModel *m, DcatitTermId **ids, size_t *n)
{
	V v;
	*ids = NULL;
	*n = 0;
	if (!vocab(&v, dcatit_model_terms(m)))
		return DCATIT_ERR_NOMEM;
	DcatitRange a = dcatit_model_po(m, v.rdf_type, v.dcat_Dataset);
	DcatitRange b = dcatit_model_po(m, v.rdf_type, v.dcatapit_Dataset);
	size_t cap = a.n + b.n;
	if (!cap)
		return DCATIT_OK;
	/* pairs (id as pointer-sized slot, its string) sorted by string */
	const char **pairs = malloc(cap * 2 * sizeof *pairs);
	DcatitTermId *out = malloc(cap * sizeof *out);
	if (!pairs || !out) {
		free(pairs);
		free(out);
		return DCATIT_ERR_NOMEM;
	}
	size_t k = 0;
	for (int pass = 0; pass < 2; pass++) {
		DcatitRange r = pass ? b : a;
		for (size_t i = 0; i < r.n; i++) {
			DcatitTermId s = dcatit_model_triple(m, r.idx[i])->s;
			if (pass && dcatit_model_has(m, s, v.rdf_type, v.dcat_Dataset))
				continue;
			out[k] = s;
			pairs[2 * k] = (const char *)&out[k];
			pairs[2 * k + 1] = S(m, s);
			k++;
		}
	}
	qsort(pairs, k, 2 * sizeof *pairs, cmp_id_str);
	DcatitTermId *sorted = malloc((k ? k : 1) * sizeof *sorted);
	if (!sorted) {
		free(pairs);
		free(out);
		return DCATIT_ERR_NOMEM;
	}
	for (size_t i = 0; i < k; i++)
		sorted[i] = *(const DcatitTermId *)pairs[2 * i];
	free(pairs);
	free(out);
	*ids = sorted;
	*n = k;
	return DCATIT_OK;
}

static void agent_fields(DcatitModel *m, const V *v, DcatitTermId ds, DcatitTermId p,
                         DcatitJson *pkg, const char *kname, const char *kid)
{
	DcatitTermId *ag;
	size_t n = objects(m, ds, p, &ag);
	if (n) {
		sort_terms(m, ag, n);
		dcatit_json_set_str(pkg, kname, best_lit(m, ag[0], v->foaf_name));
		dcatit_json_set_str(pkg, kid, first_text(m, ag[0], v->dct_identifier));
	}
	free(ag);
}

static DcatitJson *map_creators(DcatitModel *m, const V *v, DcatitTermId ds)
{
	DcatitTermId *ag;
	size_t n = objects(m, ds, v->dct_creator, &ag);
	sort_terms(m, ag, n);
	DcatitJson *arr = dcatit_json_array();
	for (size_t i = 0; arr && i < n; i++) {
		DcatitJson *c = dcatit_json_object();
		dcatit_json_set(c, "creator_name", lang_map(m, ag[i], v->foaf_name));
		const char *id = first_text(m, ag[i], v->dct_identifier);
		dcatit_json_set_str(c, "creator_identifier", id ? id : "");
		dcatit_json_append(arr, c);
	}
	free(ag);
	return arr;
}

static const char *period_date(DcatitModel *m, const V *v, DcatitTermId t, bool start)
{
	const char *s = first_text(m, t, start ? v->dcat_startDate : v->dcat_endDate);
	if (!s)
		s = first_text(m, t, start ? v->dcatapit_startDate : v->dcatapit_endDate);
	if (!s)
		s = first_text(m, t, start ? v->schema_startDate : v->schema_endDate);
	return s;
}

static DcatitJson *map_temporal(DcatitModel *m, const V *v, DcatitTermId ds)
{
	DcatitTermId *ts;
	size_t n = objects(m, ds, v->dct_temporal, &ts);
	DcatitJson *arr = dcatit_json_array();
	/* sorted by start date, which is what identifies a period here */
	StrList keys = { 0 };
	char (*dates)[2][11] = n ? calloc(n, sizeof *dates) : NULL;
	for (size_t i = 0; arr && dates && i < n; i++) {
		const char *a = period_date(m, v, ts[i], true);
		const char *b = period_date(m, v, ts[i], false);
		if (!a || !norm_date(a, dates[i][0]))
			continue;
		if (!b || !norm_date(b, dates[i][1]))
			dates[i][1][0] = '\0';
	}
	for (size_t i = 0; dates && i < n; i++)
		if (dates[i][0][0])
			sl_add(&keys, dates[i][0]); /* note: dedupes equal starts */
	sl_sort(&keys);
	for (size_t k = 0; arr && k < keys.n; k++) {
		for (size_t i = 0; i < n; i++) {
			if (strcmp(dates[i][0], keys.v[k]) != 0)
				continue;
			DcatitJson *o = dcatit_json_object();
			dcatit_json_set_str(o, "temporal_start", dates[i][0]);
			if (dates[i][1][0])
				dcatit_json_set_str(o, "temporal_end", dates[i][1]);
			dcatit_json_append(arr, o);
			break;
		}
	}
	sl_free(&keys);
	free(dates);
	free(ts);
	return arr;
}

static DcatitJson *map_conforms(DcatitModel *m, const V *v, DcatitTermId ds)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitTermId *st;
	size_t n = objects(m, ds, v->dct_conformsTo, &st);
	sort_terms(m, st, n);
	DcatitJson *arr = dcatit_json_array();
	for (size_t i = 0; arr && i < n; i++) {
		DcatitJson *o = dcatit_json_object();
		bool iri = dcatit_terms_is_iri(t, st[i]);
		const char *id = first_text(m, st[i], v->dct_identifier);
		if (!id)
			id = iri ? S(m, st[i]) : "";
		dcatit_json_set_str(o, "identifier", id);
		if (iri)
			dcatit_json_set_str(o, "uri", S(m, st[i]));
		DcatitJson *ti = lang_map(m, st[i], v->dct_title);
		if (dcatit_json_size(ti))
			dcatit_json_set(o, "title", ti);
		else
			dcatit_json_free(ti);
		DcatitJson *de = lang_map(m, st[i], v->dct_description);
		if (dcatit_json_size(de))
			dcatit_json_set(o, "description", de);
		else
			dcatit_json_free(de);
		DcatitTermId *docs;
		size_t nd = objects(m, st[i], v->dcatapit_refDoc, &docs);
		if (nd) {
			sort_terms(m, docs, nd);
			DcatitJson *ra = dcatit_json_array();
			for (size_t j = 0; j < nd; j++)
				dcatit_json_append(ra, dcatit_json_string(S(m, docs[j])));
			dcatit_json_set(o, "referenceDocumentation", ra);
		}
		free(docs);
		dcatit_json_append(arr, o);
	}
	free(st);
	return arr;
}

static DcatitJson *map_alt_ids(DcatitModel *m, const V *v, DcatitTermId ds)
{
	DcatitTermId *ids;
	size_t n = objects(m, ds, v->adms_identifier, &ids);
	sort_terms(m, ids, n);
	DcatitJson *arr = dcatit_json_array();
	for (size_t i = 0; arr && i < n; i++) {
		const char *note = first_text(m, ids[i], v->skos_notation);
		if (!note && dcatit_terms_is_literal(dcatit_model_terms(m), ids[i]))
			note = S(m, ids[i]);
		if (!note)
			continue;
		DcatitJson *o = dcatit_json_object();
		dcatit_json_set_str(o, "identifier", note);
		DcatitTermId *ag;
		size_t na = objects(m, ids[i], v->dct_creator, &ag);
		if (na) {
			sort_terms(m, ag, na);
			DcatitJson *a = dcatit_json_object();
			const char *aid = first_text(m, ag[0], v->dct_identifier);
			dcatit_json_set_str(a, "agent_identifier", aid ? aid : "");
			dcatit_json_set(a, "agent_name", lang_map(m, ag[0], v->foaf_name));
			dcatit_json_set(o, "agent", a);
		}
		free(ag);
		dcatit_json_append(arr, o);
	}
	free(ids);
	return arr;
}

static void map_spatial(DcatitModel *m, const V *v, DcatitTermId ds, DcatitJson *pkg)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitTermId *sp;
	size_t n = objects(m, ds, v->dct_spatial, &sp);
	StrList places = { 0 }, others = { 0 };
	for (size_t i = 0; i < n; i++) {
		const char *cand[2] = { NULL, NULL };
		if (dcatit_terms_is_iri(t, sp[i]))
			cand[0] = S(m, sp[i]);
		cand[1] = first_text(m, sp[i], v->dcatapit_geoId);
		for (int k = 0; k < 2; k++) {
			const char *c = cand[k];
			if (!c)
				continue;
			if (strncmp(c, DCATIT_NS_EU_AUTH "place/", strlen(DCATIT_NS_EU_AUTH "place/")) == 0)
				sl_add(&places, last_seg(c));
			else
				sl_add(&others, c);
		}
	}
	set_code_set(pkg, "geographical_name", &places);
	sl_sort(&others);
	if (others.n)
		dcatit_json_set_str(pkg, "geographical_geonames_url", others.v[0]);
	sl_free(&places);
	sl_free(&others);
	free(sp);
}

/* JSON text of the sorted IRIs of (s, p); NULL when none. */
static DcatitJson *iri_list(DcatitModel *m, DcatitTermId s, DcatitTermId p)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitTermId *ids;
	size_t n = objects(m, s, p, &ids);
	StrList l = { 0 };
	for (size_t i = 0; i < n; i++)
		if (dcatit_terms_is_iri(t, ids[i]))
			sl_add(&l, S(m, ids[i]));
	free(ids);
	sl_sort(&l);
	DcatitJson *arr = dcatit_json_array();
	for (size_t i = 0; arr && i < l.n; i++)
		if (!dcatit_json_append(arr, dcatit_json_string(l.v[i]))) {
			dcatit_json_free(arr);
			arr = NULL;
		}
	if (l.oom) {
		dcatit_json_free(arr);
		arr = NULL;
	}
	sl_free(&l);
	return arr;
}

/* The value of a free field x of node s as text; *alloc (caller frees) is
 * set when it had to be built (lists). NULL when s has none. */
static const char *extra_value(DcatitModel *m, const V *v, DcatitTermId s, const Extra *x,
                               char **alloc)
{
	*alloc = NULL;
	DcatitTermId p = PROP(v, x->prop);
	if (x->kind == EX_ONE)
		return first_text(m, s, p);
	if (x->kind == EX_TEXT)
		return best_lit(m, s, p);
	DcatitJson *l = iri_list(m, s, p);
	if (l && dcatit_json_size(l))
		*alloc = dcatit_json_dump(l, false);
	dcatit_json_free(l);
	return *alloc;
}

/* The distribution fields of ckanext-dcat's euro_dcat_ap profile, which
 * ckanext-dcatapit runs after (ckanext-dcat docs/mapping.md): size, hash
 * and hash_algorithm (spdx:checksum), mimetype, issued, modified, and the
 * lists language and conforms_to as JSON text. false on OOM. */
static bool resource_dcat_fields(DcatitModel *m, const V *v, DcatitTermId d, DcatitJson *r)
{
	const char *sz = first_text(m, d, v->dcat_byteSize);
	if (sz && *sz && strlen(sz) < 19 && is_digits(sz, strlen(sz))) {
		/* CKAN's size is an integer: 19 digits would overflow it */
		if (!dcatit_json_set(r, "size", dcatit_json_integer(strtoll(sz, NULL, 10))))
			return false;
	}
	DcatitTermId *cs;
	size_t n = objects(m, d, v->spdx_checksum, &cs);
	sort_terms(m, cs, n);
	for (size_t i = 0; i < n; i++) {
		const char *val = first_text(m, cs[i], v->spdx_checksumValue);
		if (!val)
			continue;
		dcatit_json_set_str(r, "hash", val);
		dcatit_json_set_str(r, "hash_algorithm", first_text(m, cs[i], v->spdx_algorithm));
		break;
	}
	free(cs);
	/* the IANA IRI, not the bare type: ckanext-dcat writes a mimetype that
	 * is no IRI as a plain literal, which DCAT-AP_IT refuses (rule 91) */
	const char *mt = first_text(m, d, v->dcat_mediaType);
	if (mt) {
		DcatitBuf iri;
		dcatit_buf_init(&iri);
		if (!strstr(mt, "://"))
			dcatit_buf_adds(&iri, DCATIT_NS_IANA_MT);
		dcatit_buf_adds(&iri, mt);
		bool ok = !iri.oom && dcatit_json_set_str(r, "mimetype", iri.data);
		dcatit_buf_release(&iri);
		if (!ok)
			return false;
	}
	if (!set_date(r, "issued", first_text(m, d, v->dct_issued)) ||
	    !set_date(r, "modified", first_text(m, d, v->dct_modified)))
		return false;
	for (size_t k = 0; k < sizeof resource_extras / sizeof resource_extras[0]; k++) {
		char *alloc;
		const char *val = extra_value(m, v, d, &resource_extras[k], &alloc);
		bool ok = dcatit_json_set_str(r, resource_extras[k].key, val);
		free(alloc);
		if (!ok)
			return false;
	}
	return set_json_text(r, "language", iri_list(m, d, v->dct_language)) &&
	       set_json_text(r, "conforms_to", iri_list(m, d, v->dct_conformsTo));
}

/* The licence document ckanext-dcatapit knows a licence by (the
 * creativecommons.org page of a CC licence): rdfs:seeAlso or
 * dcatapit:referenceDoc of the licence node; borrowed; NULL when none. */
static const char *licence_document(DcatitModel *m, const V *v, const char *lic)
{
	DcatitTermId l = dcatit_terms_find_iri(dcatit_model_terms(m), lic);
	if (!l)
		return NULL;
	const char *doc = first_text(m, l, v->rdfs_seeAlso);
	return doc ? doc : first_text(m, l, v->dcatapit_referenceDoc);
}

size_t dcatit_ckan_licences_unknown_to_portal(DcatitModel *m, DcatitTermId ds,
                                              const char **first)
{
	V v;
	if (first)
		*first = NULL;
	if (!vocab(&v, dcatit_model_terms(m)))
		return 0;
	DcatitTermId *dists;
	size_t n = objects(m, ds, v.dcat_distribution, &dists), bad = 0;
	sort_terms(m, dists, n);
	for (size_t i = 0; i < n; i++) {
		const char *lic = first_text(m, dists[i], v.dct_license);
		if (lic && licence_document(m, &v, lic))
			continue;
		if (first && !*first)
			*first = lic;
		bad++;
	}
	free(dists);
	return bad;
}

static DcatitJson *map_resource(DcatitModel *m, const V *v, DcatitTermId d)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitJson *r = dcatit_json_object();
	if (!r)
		return NULL;
	const char *dl = first_text(m, d, v->dcat_downloadURL);
	const char *ac = first_text(m, d, v->dcat_accessURL);
	dcatit_json_set_str(r, "url", dl ? dl : ac ? ac : "");
	dcatit_json_set_str(r, "access_url", ac);
	dcatit_json_set_str(r, "download_url", dl);
	const char *name = best_lit(m, d, v->dct_title);
	dcatit_json_set_str(r, "name", name ? name : "");
	dcatit_json_set_str(r, "description", best_lit(m, d, v->dct_description));
	const char *fmt = first_text(m, d, v->dct_format);
	if (fmt) {
		const char *code = strncmp(fmt, DCATIT_NS_EU_AUTH "file-type/", strlen(DCATIT_NS_EU_AUTH "file-type/")) == 0
		                   ? last_seg(fmt) : fmt;
		dcatit_json_set_str(r, "format", code);
		dcatit_json_set_str(r, "distribution_format", code);
	}
	const char *lic = first_text(m, d, v->dct_license);
	dcatit_json_set_str(r, "license_type", lic);
	/* ckanext-dcatapit points dct:license at the licence document only when
	 * the resource's `license` is that document's URI; otherwise it writes a
	 * CC BY 4.0 IRI (roundtrip README, change 19) */
	dcatit_json_set_str(r, "license", lic ? licence_document(m, v, lic) : NULL);
	if (dcatit_terms_is_iri(t, d))
		dcatit_json_set_str(r, "uri", S(m, d));
	if (!resource_dcat_fields(m, v, d, r)) {
		dcatit_json_free(r);
		return NULL;
	}
	return r;
}

/* CKAN's own licence ids (ckan/model/license.py) of the Italian licences
 * that have one: with it CKAN shows the licence and counts the dataset as
 * open (`isopen`), which it does not for a package without license_id. */
static const char *const ckan_licences[][2] = {
	{ DCATIT_NS_LICENCES "A11_CCO10", "cc-zero" },
	{ DCATIT_NS_LICENCES "A12_PDDL", "odc-pddl" },
	{ DCATIT_NS_LICENCES "A210_ODCBY", "odc-by" },
	{ DCATIT_NS_LICENCES "A21_CCBY40", "cc-by" },
	{ DCATIT_NS_LICENCES "A310_ODBL", "odc-odbl" },
	{ DCATIT_NS_LICENCES "A31_CCBYSA40", "cc-by-sa" },
};

/* license_id of the package: CKAN's id of the licence all its resources
 * share, when there is one; nothing otherwise. */
static bool set_licence_id(DcatitJson *pkg, DcatitJson *const *res, size_t n)
{
	const char *lic = n ? dcatit_json_get_str(res[0], "license_type") : NULL;
	for (size_t i = 1; lic && i < n; i++) {
		const char *other = dcatit_json_get_str(res[i], "license_type");
		if (!other || strcmp(other, lic) != 0)
			lic = NULL;
	}
	for (size_t k = 0; lic && k < sizeof ckan_licences / sizeof ckan_licences[0]; k++)
		if (strcmp(lic, ckan_licences[k][0]) == 0)
			return dcatit_json_set_str(pkg, "license_id", ckan_licences[k][1]);
	return true;
}

static const char *res_key(const DcatitJson *r)
{
	const char *u = dcatit_json_get_str(r, "uri");
	return u ? u : dcatit_json_get_str(r, "url");
}

static int cmp_res(const void *a, const void *b)
{
	int c = strcmp(res_key(*(DcatitJson *const *)a), res_key(*(DcatitJson *const *)b));
	if (c)
		return c;
	return strcmp(dcatit_json_get_str(*(DcatitJson *const *)a, "name"),
	              dcatit_json_get_str(*(DcatitJson *const *)b, "name"));
}

DcatitStatus dcatit_ckan_map_dataset(DcatitModel *m, DcatitTermId ds, DcatitJson **out,
                                     DcatitDiag *d)
{
	DcatitTerms *t = dcatit_model_terms(m);
	V v;
	*out = NULL;
	if (!vocab(&v, t))
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	const char *identifier = first_text(m, ds, v.dct_identifier);
	if (!identifier || !*identifier) {
		DcatitLoc loc = dcatit_model_node_loc(m, ds);
		return dcatit_diag_set(d, DCATIT_ERR_INVALID, dcatit_model_source_name(m, loc.file),
		                       loc.line, 0, "dataset <%s> has no dct:identifier",
		                       S(m, ds));
	}
	DcatitJson *pkg = dcatit_json_object();
	if (!pkg)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	dcatit_json_set_str(pkg, "identifier", identifier);
	const char *title = best_lit(m, ds, v.dct_title);
	dcatit_json_set_str(pkg, "title", title ? title : identifier);
	const char *notes = best_lit(m, ds, v.dct_description);
	dcatit_json_set_str(pkg, "notes", notes ? notes : (title ? title : identifier));
	set_portal_date(pkg, "modified", first_text(m, ds, v.dct_modified));
	set_portal_date(pkg, "issued", first_text(m, ds, v.dct_issued));
	const char *freq = first_text(m, ds, v.dct_accrualPeriodicity);
	dcatit_json_set_str(pkg, "frequency", freq ? last_seg(freq) : "UNKNOWN");

	/* themes, each with the dct:subjects the AgID theme-EuroVoc mapping puts
	 * under it (its skos:narrowMatch triples, when the model holds them:
	 * push loads vocab/it/theme-subtheme-mapping.ttl); a subject no theme
	 * of the dataset maps goes under the first theme */
	DcatitTermId *ids;
	size_t n = objects(m, ds, v.dcat_theme, &ids);
	StrList codes = { 0 }, subs = { 0 };
	for (size_t i = 0; i < n; i++)
		sl_add(&codes, last_seg(S(m, ids[i])));
	free(ids);
	n = objects(m, ds, v.dct_subject, &ids);
	for (size_t i = 0; i < n; i++)
		if (dcatit_terms_is_iri(t, ids[i]))
			sl_add(&subs, S(m, ids[i]));
	free(ids);
	sl_sort(&codes);
	sl_sort(&subs);
	size_t *home = subs.n ? calloc(subs.n, sizeof *home) : NULL;
	for (size_t j = 0; home && j < subs.n; j++) {
		DcatitTermId sj = dcatit_terms_find_iri(t, subs.v[j]);
		for (size_t i = 0; i < codes.n && !home[j]; i++) {
			DcatitTermId th = dcatit_terms_iri_cat(t, DCATIT_NS_EU_AUTH "data-theme/",
			                                       codes.v[i]);
			if (th && sj && dcatit_model_has(m, th, v.skos_narrowMatch, sj))
				home[j] = i + 1;
		}
	}
	DcatitJson *themes = subs.n && !home ? NULL : dcatit_json_array();
	for (size_t i = 0; themes && i < codes.n; i++) {
		DcatitJson *o = dcatit_json_object();
		dcatit_json_set_str(o, "theme", codes.v[i]);
		DcatitJson *sa = dcatit_json_array();
		for (size_t j = 0; j < subs.n; j++)
			if (home[j] == i + 1 || (!home[j] && i == 0))
				dcatit_json_append(sa, dcatit_json_string(subs.v[j]));
		dcatit_json_set(o, "subthemes", sa);
		dcatit_json_append(themes, o);
	}
	free(home);
	bool ok = set_json_text(pkg, "themes_aggregate", themes) && !codes.oom && !subs.oom;
	sl_free(&codes);
	sl_free(&subs);

	agent_fields(m, &v, ds, v.dct_publisher, pkg, "publisher_name", "publisher_identifier");
	agent_fields(m, &v, ds, v.dct_rightsHolder, pkg, "holder_name", "holder_identifier");
	ok = ok && set_json_text(pkg, "creator", map_creators(m, &v, ds));
	ok = ok && set_json_text(pkg, "temporal_coverage", map_temporal(m, &v, ds));
	ok = ok && set_json_text(pkg, "conforms_to", map_conforms(m, &v, ds));
	ok = ok && set_json_text(pkg, "alternate_identifier", map_alt_ids(m, &v, ds));

	StrList langs = { 0 };
	n = objects(m, ds, v.dct_language, &ids);
	for (size_t i = 0; i < n; i++)
		sl_add(&langs, last_seg(S(m, ids[i])));
	free(ids);
	ok = ok && set_code_set(pkg, "language", &langs);
	sl_free(&langs);
	map_spatial(m, &v, ds, pkg);
	dcatit_json_set_str(pkg, "is_version_of", first_text(m, ds, v.dct_isVersionOf));
	dcatit_json_set_str(pkg, "url", first_text(m, ds, v.dcat_landingPage));
	dcatit_json_set_str(pkg, "version", first_text(m, ds, v.owl_versionInfo));

	/* tags */
	StrList kws = { 0 };
	n = objects(m, ds, v.dcat_keyword, &ids);
	for (size_t i = 0; i < n; i++)
		if (dcatit_terms_is_literal(t, ids[i]))
			sl_add(&kws, S(m, ids[i]));
	free(ids);
	DcatitJson *tags = dcatit_json_array();
	StrList seen = { 0 };
	char **owned = kws.n ? calloc(kws.n, sizeof *owned) : NULL;
	DcatitBuf tb;
	dcatit_buf_init(&tb);
	for (size_t i = 0; tags && i < kws.n; i++) {
		if (dcatit_ckan_tag_clean(kws.v[i], &tb) && owned) {
			owned[i] = dcatit_buf_detach(&tb);
			sl_add(&seen, owned[i]);
		}
	}
	sl_sort(&seen);
	for (size_t i = 0; tags && i < seen.n; i++) {
		DcatitJson *o = dcatit_json_object();
		dcatit_json_set_str(o, "name", seen.v[i]);
		dcatit_json_append(tags, o);
	}
	dcatit_json_set(pkg, "tags", tags);
	for (size_t i = 0; owned && i < kws.n; i++)
		free(owned[i]);
	free(owned);
	dcatit_buf_release(&tb);
	sl_free(&seen);
	sl_free(&kws);

	/* resources, in a stable order */
	n = objects(m, ds, v.dcat_distribution, &ids);
	DcatitJson **res = n ? calloc(n, sizeof *res) : NULL;
	size_t nr = 0;
	for (size_t i = 0; res && i < n; i++)
		if ((res[nr] = map_resource(m, &v, ids[i])))
			nr++;
	if (nr > 1)
		qsort(res, nr, sizeof *res, cmp_res);
	DcatitJson *ra = dcatit_json_array();
	for (size_t i = 0; i < nr; i++)
		ok = dcatit_json_append(ra, res[i]) && ok;
	ok = set_licence_id(pkg, res, nr) && ok;
	ok = dcatit_json_set(pkg, "resources", ra) && ok;
	free(res);
	free(ids);

	DcatitJson *extras = dcatit_json_array();
	if (dcatit_terms_is_iri(t, ds)) {
		DcatitJson *e = dcatit_json_object();
		dcatit_json_set_str(e, "key", "uri");
		dcatit_json_set_str(e, "value", S(m, ds));
		dcatit_json_append(extras, e);
	}
	for (size_t k = 0; k < sizeof dataset_extras / sizeof dataset_extras[0]; k++) {
		char *alloc;
		const char *val = extra_value(m, &v, ds, &dataset_extras[k], &alloc);
		if (val) {
			DcatitJson *e = dcatit_json_object();
			ok = e && dcatit_json_set_str(e, "key", dataset_extras[k].key) &&
			     dcatit_json_set_str(e, "value", val) && dcatit_json_append(extras, e) && ok;
		}
		free(alloc);
	}
	ok = dcatit_json_set(pkg, "extras", extras) && ok;
	if (!ok) {
		dcatit_json_free(pkg);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	*out = pkg;
	return DCATIT_OK;
}

/* ------------------------------------------------------------ organization */

/* A vcard property of node as text: the IRI or literal, or the hasValue of
 * a blank node, without the scheme prefix (mailto:, tel:) when given. */
static const char *vcard_text(DcatitModel *m, const V *v, DcatitTermId node, DcatitTermId p,
                              const char *prefix)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitTermId *os;
	size_t n = objects(m, node, p, &os);
	sort_terms(m, os, n);
	const char *s = NULL;
	for (size_t i = 0; i < n && !s; i++)
		s = dcatit_terms_is_bnode(t, os[i]) ? first_text(m, os[i], v->vcard_hasValue)
		                                    : S(m, os[i]);
	free(os);
	if (s && prefix && strncmp(s, prefix, strlen(prefix)) == 0)
		s += strlen(prefix);
	return s && *s ? s : NULL;
}

/* The holder (else publisher) of ds with an identifier, or 0. */
static DcatitTermId org_agent(DcatitModel *m, const V *v, DcatitTermId ds)
{
	DcatitTermId props[2] = { v->dct_rightsHolder, v->dct_publisher };
	for (int k = 0; k < 2; k++) {
		DcatitTermId *ag;
		size_t n = objects(m, ds, props[k], &ag);
		sort_terms(m, ag, n);
		DcatitTermId found = 0;
		for (size_t i = 0; i < n && !found; i++)
			if (first_text(m, ag[i], v->dct_identifier))
				found = ag[i];
		free(ag);
		if (found)
			return found;
	}
	return 0;
}

DcatitStatus dcatit_ckan_map_org(DcatitModel *m, DcatitJson **out)
{
	V v;
	*out = NULL;
	if (!vocab(&v, dcatit_model_terms(m)))
		return DCATIT_ERR_NOMEM;
	DcatitTermId *ds;
	size_t n;
	DcatitStatus st = dcatit_ckan_map_datasets(m, &ds, &n);
	if (st != DCATIT_OK)
		return st;
	const char *ident = NULL, *title = NULL, *f[3] = { NULL, NULL, NULL };
	static const char *const keys[3] = { "email", "telephone", "site" };
	for (size_t i = 0; i < n; i++) {
		DcatitTermId ag = org_agent(m, &v, ds[i]);
		const char *id = ag ? first_text(m, ag, v.dct_identifier) : NULL;
		if (!id || (ident && strcmp(id, ident) != 0))
			continue;
		if (!ident) {
			ident = id;
			title = best_lit(m, ag, v.dct_title);
			if (!title)
				title = best_lit(m, ag, v.foaf_name);
		}
		/* the agent's own vcard data, then the dataset's contact point:
		 * ckanext-dcatapit builds every contact point from these fields */
		DcatitTermId *cp;
		size_t ncp = objects(m, ds[i], v.dcat_contactPoint, &cp);
		sort_terms(m, cp, ncp);
		for (size_t j = 0; j <= ncp; j++) {
			DcatitTermId node = j == 0 ? ag : cp[j - 1];
			if (!f[0])
				f[0] = vcard_text(m, &v, node, v.vcard_hasEmail, "mailto:");
			if (!f[1])
				f[1] = vcard_text(m, &v, node, v.vcard_hasTelephone, "tel:");
			if (!f[2] && j == 0)
				f[2] = first_text(m, ag, v.foaf_homepage);
			if (!f[2])
				f[2] = vcard_text(m, &v, node, v.vcard_hasURL, NULL);
		}
		free(cp);
	}
	free(ds);
	if (!ident)
		return DCATIT_OK;
	DcatitJson *o = dcatit_json_object();
	bool ok = o && dcatit_json_set_str(o, "identifier", ident) &&
	          (!title || dcatit_json_set_str(o, "title", title));
	for (int k = 0; ok && k < 3; k++)
		if (f[k])
			ok = dcatit_json_set_str(o, keys[k], f[k]);
	if (!ok) {
		dcatit_json_free(o);
		return DCATIT_ERR_NOMEM;
	}
	*out = o;
	return DCATIT_OK;
}

/* ------------------------------------------------------------ reverse */

typedef struct {
	DcatitModel *m;
	DcatitTerms *t;
	V v;
	DcatitLoc loc;
	const char *lang;
	bool ok;
} Back;

static void add(Back *b, DcatitTermId s, DcatitTermId p, DcatitTermId o)
{
	if (!s || !p || !o || dcatit_model_add(b->m, s, p, o, b->loc) != DCATIT_OK)
		b->ok = false;
}

static DcatitTermId lit(Back *b, const char *s, const char *lang)
{
	return dcatit_terms_literal_z(b->t, s, 0, lang);
}

static DcatitTermId iri(Back *b, const char *s)
{
	return dcatit_terms_iri_z(b->t, s);
}

static DcatitTermId iri2(Back *b, const char *base, const char *s)
{
	return dcatit_terms_iri_cat(b->t, base, s);
}

static void add_text(Back *b, DcatitTermId s, DcatitTermId p, const char *v, const char *lang)
{
	if (v && *v)
		add(b, s, p, lit(b, v, lang));
}

static void add_date(Back *b, DcatitTermId s, DcatitTermId p, const char *v)
{
	char d[11];
	if (!v || !*v)
		return;
	if (norm_date(v, d))
		add(b, s, p, dcatit_terms_literal_z(b->t, d, b->v.xsd_date, NULL));
	else
		add(b, s, p, lit(b, v, NULL));
}

/* "{A,B}" or "A" or "A,B" into codes (pointers into a copy kept by caller). */
static char *split_codes(const char *s, StrList *out)
{
	char *c = malloc(strlen(s) + 1);
	if (!c)
		return NULL;
	size_t n = 0;
	for (const char *p = s; *p; p++)
		if (*p != '{' && *p != '}' && *p != ' ' && *p != '"')
			c[n++] = *p;
	c[n] = '\0';
	char *p = c;
	while (*p) {
		char *e = strchr(p, ',');
		if (e)
			*e = '\0';
		if (*p)
			sl_add(out, p);
		if (!e)
			break;
		p = e + 1;
	}
	return c;
}

static DcatitJson *parse_text(const char *s)
{
	return s ? dcatit_json_parse(s, strlen(s), NULL) : NULL;
}

static void add_agent(Back *b, DcatitTermId ds, DcatitTermId p, const char *name,
                      const DcatitJson *names, const char *id)
{
	if (!(name && *name) && !(id && *id) && !dcatit_json_size(names))
		return;
	DcatitTermId a = dcatit_terms_bnode_fresh(b->t);
	add(b, ds, p, a);
	add(b, a, b->v.rdf_type, b->v.dcatapit_Agent);
	add(b, a, b->v.rdf_type, b->v.foaf_Agent);
	add_text(b, a, b->v.foaf_name, name, b->lang);
	void *it = NULL;
	const char *k;
	DcatitJson *val;
	while (dcatit_json_next(names, &it, &k, &val))
		add_text(b, a, b->v.foaf_name, dcatit_json_str(val), k);
	add_text(b, a, b->v.dct_identifier, id, NULL);
}

static void add_lang_map(Back *b, DcatitTermId s, DcatitTermId p, const DcatitJson *o)
{
	void *it = NULL;
	const char *k;
	DcatitJson *val;
	while (dcatit_json_next(o, &it, &k, &val))
		add_text(b, s, p, dcatit_json_str(val), k);
}

/* A value that is an IRI in RDF: as is when it has a scheme, else base +
 * value (a bare code or media type). */
static DcatitTermId iri_or_code(Back *b, const char *base, const char *v)
{
	return strstr(v, "://") ? iri(b, v) : iri2(b, base, v);
}

/* One free field (dataset extra or resource key) back to triples. */
static void back_extra(Back *b, DcatitTermId s, const Extra *x, const char *val)
{
	if (!val || !*val)
		return;
	DcatitTermId p = PROP(&b->v, x->prop);
	if (x->kind == EX_TEXT) {
		add_text(b, s, p, val, b->lang);
	} else if (x->kind == EX_ONE) {
		/* vocabulary IRIs in DCAT-AP_IT; text only when it is no IRI */
		bool is_iri = strstr(val, "://") || strncmp(val, "urn:", 4) == 0;
		add(b, s, p, is_iri ? iri(b, val) : lit(b, val, NULL));
	} else {
		DcatitJson *l = parse_text(val);
		for (size_t i = 0; i < dcatit_json_size(l); i++) {
			const char *u = dcatit_json_str(dcatit_json_at(l, i));
			if (u && *u)
				add(b, s, p, iri(b, u));
		}
		dcatit_json_free(l);
	}
}

/* The euro_dcat_ap resource fields (see resource_dcat_fields) back. */
static void back_resource_dcat(Back *b, DcatitTermId d, const DcatitJson *r)
{
	long long size;
	if (dcatit_json_int(dcatit_json_get(r, "size"), &size) && size >= 0) {
		char num[32];
		snprintf(num, sizeof num, "%lld", size);
		/* decimal: what AgID rule 89 asks for and ckanext-dcat writes */
		add(b, d, b->v.dcat_byteSize, dcatit_terms_literal_z(b->t, num, b->v.xsd_decimal, NULL));
	}
	const char *hash = dcatit_json_get_str(r, "hash");
	if (hash && *hash) {
		DcatitTermId c = dcatit_terms_bnode_fresh(b->t);
		add(b, d, b->v.spdx_checksum, c);
		add(b, c, b->v.rdf_type, b->v.spdx_Checksum);
		const char *alg = dcatit_json_get_str(r, "hash_algorithm");
		if (alg && *alg)
			add(b, c, b->v.spdx_algorithm, strchr(alg, ':') ? iri(b, alg) : lit(b, alg, NULL));
		add(b, c, b->v.spdx_checksumValue,
		    dcatit_terms_literal_z(b->t, hash, b->v.xsd_hexBinary, NULL));
	}
	const char *mt = dcatit_json_get_str(r, "mimetype");
	if (mt && *mt)
		add(b, d, b->v.dcat_mediaType, iri_or_code(b, DCATIT_NS_IANA_MT, mt));
	add_date(b, d, b->v.dct_issued, dcatit_json_get_str(r, "issued"));
	add_date(b, d, b->v.dct_modified, dcatit_json_get_str(r, "modified"));
	for (size_t k = 0; k < sizeof resource_extras / sizeof resource_extras[0]; k++)
		back_extra(b, d, &resource_extras[k],
		           dcatit_json_get_str(r, resource_extras[k].key));
	static const char *const lists[] = { "language", "conforms_to" };
	for (size_t k = 0; k < 2; k++) {
		DcatitJson *l = parse_text(dcatit_json_get_str(r, lists[k]));
		for (size_t i = 0; i < dcatit_json_size(l); i++) {
			const char *s = dcatit_json_str(dcatit_json_at(l, i));
			if (!s || !*s)
				continue;
			add(b, d, k ? b->v.dct_conformsTo : b->v.dct_language,
			    k ? iri(b, s) : iri_or_code(b, DCATIT_NS_EU_AUTH "language/", s));
		}
		dcatit_json_free(l);
	}
}

static void back_resource(Back *b, DcatitTermId ds, const DcatitJson *r, const char *dsiri,
                          size_t pos)
{
	const char *uri = dcatit_json_get_str(r, "uri");
	DcatitTermId d;
	if (uri && *uri) {
		d = iri(b, uri);
	} else {
		const char *rid = dcatit_json_get_str(r, "id");
		char num[32];
		snprintf(num, sizeof num, "%zu", pos);
		DcatitBuf x;
		dcatit_buf_init(&x);
		dcatit_buf_addf(&x, "%s/resource/%s", dsiri, rid ? rid : num);
		d = x.oom ? 0 : iri(b, x.data);
		dcatit_buf_release(&x);
	}
	add(b, ds, b->v.dcat_distribution, d);
	add(b, d, b->v.rdf_type, b->v.dcat_Distribution);
	add(b, d, b->v.rdf_type, b->v.dcatapit_Distribution);
	const char *ac = dcatit_json_get_str(r, "access_url");
	const char *dl = dcatit_json_get_str(r, "download_url");
	const char *url = dcatit_json_get_str(r, "url");
	if (ac && *ac)
		add(b, d, b->v.dcat_accessURL, iri(b, ac));
	if (dl && *dl)
		add(b, d, b->v.dcat_downloadURL, iri(b, dl));
	if (!(ac && *ac) && !(dl && *dl) && url && *url)
		add(b, d, b->v.dcat_accessURL, iri(b, url));
	add_text(b, d, b->v.dct_title, dcatit_json_get_str(r, "name"), b->lang);
	add_text(b, d, b->v.dct_description, dcatit_json_get_str(r, "description"), b->lang);
	const char *fmt = dcatit_json_get_str(r, "distribution_format");
	if (!fmt || !*fmt)
		fmt = dcatit_json_get_str(r, "format");
	if (fmt && *fmt)
		add(b, d, b->v.dct_format, iri2(b, DCATIT_NS_EU_AUTH "file-type/", fmt));
	const char *lic = dcatit_json_get_str(r, "license_type");
	if (lic && *lic)
		add(b, d, b->v.dct_license, iri(b, lic));
	back_resource_dcat(b, d, r);
}

DcatitStatus dcatit_ckan_map_package(DcatitModel *m, const DcatitJson *pkg,
                                     const DcatitCkanBackOpts *opts, DcatitTermId *ds_out,
                                     DcatitDiag *d)
{
	Back b = { .m = m, .t = dcatit_model_terms(m), .ok = true };
	if (!vocab(&b.v, b.t))
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	b.lang = opts && opts->lang && *opts->lang ? opts->lang : NULL;
	const char *site = opts && opts->site_url ? opts->site_url : "urn:ckan:";
	const char *name = dcatit_json_get_str(pkg, "name");
	if (!dcatit_json_is_object(pkg) || !name)
		return dcatit_diag_set(d, DCATIT_ERR_SYNTAX, NULL, 0, 0,
		                       "a package dict needs a name");
	DcatitBuf src;
	dcatit_buf_init(&src);
	dcatit_buf_addf(&src, "ckan:%s", name);
	b.loc.file = src.oom ? 0 : dcatit_model_add_source(m, src.data);
	dcatit_buf_release(&src);

	const char *uri = dcatit_ckan_field(pkg, "uri");
	DcatitBuf x;
	dcatit_buf_init(&x);
	if (uri && *uri)
		dcatit_buf_adds(&x, uri);
	else
		dcatit_buf_addf(&x, "%s%sdataset/%s", site,
		                (*site && site[strlen(site) - 1] != '/' && site[strlen(site) - 1] != ':')
		                ? "/" : "", name);
	DcatitTermId ds = x.oom ? 0 : iri(&b, x.data);
	char *dsiri = dcatit_buf_detach(&x);
	if (!ds || !dsiri) {
		free(dsiri);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	add(&b, ds, b.v.rdf_type, b.v.dcat_Dataset);
	add(&b, ds, b.v.rdf_type, b.v.dcatapit_Dataset);
	add_text(&b, ds, b.v.dct_identifier, dcatit_ckan_field(pkg, "identifier"), NULL);
	add_text(&b, ds, b.v.dct_title, dcatit_json_get_str(pkg, "title"), b.lang);
	add_text(&b, ds, b.v.dct_description, dcatit_json_get_str(pkg, "notes"), b.lang);
	add_date(&b, ds, b.v.dct_modified, dcatit_ckan_field(pkg, "modified"));
	add_date(&b, ds, b.v.dct_issued, dcatit_ckan_field(pkg, "issued"));
	const char *freq = dcatit_ckan_field(pkg, "frequency");
	if (freq && *freq)
		add(&b, ds, b.v.dct_accrualPeriodicity, iri2(&b, DCATIT_NS_EU_AUTH "frequency/", freq));

	DcatitJson *th = parse_text(dcatit_ckan_field(pkg, "themes_aggregate"));
	if (dcatit_json_is_array(th)) {
		for (size_t i = 0; i < dcatit_json_size(th); i++) {
			DcatitJson *o = dcatit_json_at(th, i);
			const char *code = dcatit_json_get_str(o, "theme");
			if (code && *code)
				add(&b, ds, b.v.dcat_theme, iri2(&b, DCATIT_NS_EU_AUTH "data-theme/", code));
			DcatitJson *sa = dcatit_json_get(o, "subthemes");
			for (size_t j = 0; j < dcatit_json_size(sa); j++) {
				const char *s = dcatit_json_str(dcatit_json_at(sa, j));
				if (s && *s)
					add(&b, ds, b.v.dct_subject, iri(&b, s));
			}
		}
	} else {
		/* older packages: the `theme` extra, a JSON list of codes */
		DcatitJson *t2 = parse_text(dcatit_ckan_field(pkg, "theme"));
		for (size_t j = 0; j < dcatit_json_size(t2); j++) {
			const char *s = dcatit_json_str(dcatit_json_at(t2, j));
			if (s && *s)
				add(&b, ds, b.v.dcat_theme, iri2(&b, DCATIT_NS_EU_AUTH "data-theme/", s));
		}
		dcatit_json_free(t2);
	}
	dcatit_json_free(th);

	add_agent(&b, ds, b.v.dct_publisher, dcatit_ckan_field(pkg, "publisher_name"), NULL,
	          dcatit_ckan_field(pkg, "publisher_identifier"));
	add_agent(&b, ds, b.v.dct_rightsHolder, dcatit_ckan_field(pkg, "holder_name"), NULL,
	          dcatit_ckan_field(pkg, "holder_identifier"));
	DcatitJson *cr = parse_text(dcatit_ckan_field(pkg, "creator"));
	for (size_t i = 0; i < dcatit_json_size(cr); i++) {
		DcatitJson *o = dcatit_json_at(cr, i);
		DcatitJson *nm = dcatit_json_get(o, "creator_name");
		add_agent(&b, ds, b.v.dct_creator, dcatit_json_str(nm),
		          dcatit_json_is_object(nm) ? nm : NULL,
		          dcatit_json_get_str(o, "creator_identifier"));
	}
	dcatit_json_free(cr);

	DcatitJson *tc = parse_text(dcatit_ckan_field(pkg, "temporal_coverage"));
	for (size_t i = 0; i < dcatit_json_size(tc); i++) {
		DcatitJson *o = dcatit_json_at(tc, i);
		DcatitTermId p = dcatit_terms_bnode_fresh(b.t);
		add(&b, ds, b.v.dct_temporal, p);
		add(&b, p, b.v.rdf_type, b.v.dct_PeriodOfTime);
		add_date(&b, p, b.v.dcat_startDate, dcatit_json_get_str(o, "temporal_start"));
		add_date(&b, p, b.v.dcat_endDate, dcatit_json_get_str(o, "temporal_end"));
	}
	dcatit_json_free(tc);

	DcatitJson *ct = parse_text(dcatit_ckan_field(pkg, "conforms_to"));
	for (size_t i = 0; i < dcatit_json_size(ct); i++) {
		DcatitJson *o = dcatit_json_at(ct, i);
		const char *u = dcatit_json_get_str(o, "uri");
		DcatitTermId s = u && *u ? iri(&b, u) : dcatit_terms_bnode_fresh(b.t);
		add(&b, ds, b.v.dct_conformsTo, s);
		add(&b, s, b.v.rdf_type, b.v.dct_Standard);
		add(&b, s, b.v.rdf_type, b.v.dcatapit_Standard);
		add_text(&b, s, b.v.dct_identifier, dcatit_json_get_str(o, "identifier"), NULL);
		add_lang_map(&b, s, b.v.dct_title, dcatit_json_get(o, "title"));
		add_lang_map(&b, s, b.v.dct_description, dcatit_json_get(o, "description"));
		DcatitJson *rd = dcatit_json_get(o, "referenceDocumentation");
		for (size_t j = 0; j < dcatit_json_size(rd); j++) {
			const char *r = dcatit_json_str(dcatit_json_at(rd, j));
			if (r && *r)
				add(&b, s, b.v.dcatapit_refDoc, iri(&b, r));
		}
	}
	dcatit_json_free(ct);

	DcatitJson *ai = parse_text(dcatit_ckan_field(pkg, "alternate_identifier"));
	for (size_t i = 0; i < dcatit_json_size(ai); i++) {
		DcatitJson *o = dcatit_json_at(ai, i);
		const char *note = dcatit_json_get_str(o, "identifier");
		if (!note || !*note)
			continue;
		DcatitTermId id = dcatit_terms_bnode_fresh(b.t);
		add(&b, ds, b.v.adms_identifier, id);
		add(&b, id, b.v.rdf_type, b.v.adms_Identifier);
		add_text(&b, id, b.v.skos_notation, note, NULL);
		DcatitJson *a = dcatit_json_get(o, "agent");
		if (a) {
			DcatitJson *nm = dcatit_json_get(a, "agent_name");
			add_agent(&b, id, b.v.dct_creator, dcatit_json_str(nm),
			          dcatit_json_is_object(nm) ? nm : NULL,
			          dcatit_json_get_str(a, "agent_identifier"));
		}
	}
	dcatit_json_free(ai);

	StrList codes = { 0 };
	const char *lang = dcatit_ckan_field(pkg, "language");
	char *cp = lang ? split_codes(lang, &codes) : NULL;
	for (size_t i = 0; i < codes.n; i++)
		add(&b, ds, b.v.dct_language, iri2(&b, DCATIT_NS_EU_AUTH "language/", codes.v[i]));
	free(cp);
	sl_free(&codes);
	const char *geo = dcatit_ckan_field(pkg, "geographical_name");
	cp = geo ? split_codes(geo, &codes) : NULL;
	for (size_t i = 0; i < codes.n; i++)
		add(&b, ds, b.v.dct_spatial, iri2(&b, DCATIT_NS_EU_AUTH "place/", codes.v[i]));
	free(cp);
	sl_free(&codes);
	const char *gn = dcatit_ckan_field(pkg, "geographical_geonames_url");
	if (gn && *gn)
		add(&b, ds, b.v.dct_spatial, iri(&b, gn));
	const char *ivo = dcatit_ckan_field(pkg, "is_version_of");
	if (ivo && *ivo)
		add(&b, ds, b.v.dct_isVersionOf, iri(&b, ivo));
	const char *url = dcatit_json_get_str(pkg, "url");
	if (url && *url)
		add(&b, ds, b.v.dcat_landingPage, iri(&b, url));
	add_text(&b, ds, b.v.owl_versionInfo, dcatit_json_get_str(pkg, "version"), NULL);
	for (size_t k = 0; k < sizeof dataset_extras / sizeof dataset_extras[0]; k++)
		back_extra(&b, ds, &dataset_extras[k],
		           dcatit_ckan_field(pkg, dataset_extras[k].key));

	DcatitJson *tags = dcatit_json_get(pkg, "tags");
	for (size_t i = 0; i < dcatit_json_size(tags); i++)
		add_text(&b, ds, b.v.dcat_keyword,
		         dcatit_json_get_str(dcatit_json_at(tags, i), "name"), NULL);
	DcatitJson *res = dcatit_json_get(pkg, "resources");
	for (size_t i = 0; i < dcatit_json_size(res); i++) {
		DcatitJson *r = dcatit_json_at(res, i);
		const char *st = dcatit_json_get_str(r, "state");
		if (st && strcmp(st, "deleted") == 0)
			continue;
		back_resource(&b, ds, r, dsiri, i);
	}
	free(dsiri);
	if (!b.ok)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	if (ds_out)
		*ds_out = ds;
	return DCATIT_OK;
}
