/* verify.c: read back what a portal serves to harvesters and compare it with
 * the local catalogue (verify.h). The comparison is by property, not by
 * triple: blank nodes, language tags and datatypes differ between the two
 * sides by design, and a finding must say which property of which part of
 * the dataset changed, in words an open-data officer can act on. */
#include "ckan/verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/str.h"
#include "ckan/map.h"
#include "net/http.h"
#include "rdf/cvocab.h"
#include "rdf/rdfio.h"
#include "rdf/vocab.h"

/* X(field, IRI, short name) */
#define VV(X) \
	X(rdf_type, DCATIT_NS_RDF "type", "rdf:type") \
	X(rdfs_comment, DCATIT_NS_RDFS "comment", "rdfs:comment") \
	X(rdfs_seeAlso, DCATIT_NS_RDFS "seeAlso", "rdfs:seeAlso") \
	X(dct_title, DCATIT_NS_DCT "title", "dct:title") \
	X(dct_description, DCATIT_NS_DCT "description", "dct:description") \
	X(dct_identifier, DCATIT_NS_DCT "identifier", "dct:identifier") \
	X(dct_issued, DCATIT_NS_DCT "issued", "dct:issued") \
	X(dct_modified, DCATIT_NS_DCT "modified", "dct:modified") \
	X(dct_language, DCATIT_NS_DCT "language", "dct:language") \
	X(dct_accrualPeriodicity, DCATIT_NS_DCT "accrualPeriodicity", "dct:accrualPeriodicity") \
	X(dct_subject, DCATIT_NS_DCT "subject", "dct:subject") \
	X(dct_publisher, DCATIT_NS_DCT "publisher", "dct:publisher") \
	X(dct_rightsHolder, DCATIT_NS_DCT "rightsHolder", "dct:rightsHolder") \
	X(dct_creator, DCATIT_NS_DCT "creator", "dct:creator") \
	X(dct_contributor, DCATIT_NS_DCT "contributor", "dct:contributor") \
	X(dct_temporal, DCATIT_NS_DCT "temporal", "dct:temporal") \
	X(dct_spatial, DCATIT_NS_DCT "spatial", "dct:spatial") \
	X(dct_conformsTo, DCATIT_NS_DCT "conformsTo", "dct:conformsTo") \
	X(dct_isVersionOf, DCATIT_NS_DCT "isVersionOf", "dct:isVersionOf") \
	X(dct_accessRights, DCATIT_NS_DCT "accessRights", "dct:accessRights") \
	X(dct_format, DCATIT_NS_DCT "format", "dct:format") \
	X(dct_license, DCATIT_NS_DCT "license", "dct:license") \
	X(dct_type, DCATIT_NS_DCT "type", "dct:type") \
	X(dcat_theme, DCATIT_NS_DCAT "theme", "dcat:theme") \
	X(dcat_keyword, DCATIT_NS_DCAT "keyword", "dcat:keyword") \
	X(dcat_landingPage, DCATIT_NS_DCAT "landingPage", "dcat:landingPage") \
	X(dcat_contactPoint, DCATIT_NS_DCAT "contactPoint", "dcat:contactPoint") \
	X(dcat_distribution, DCATIT_NS_DCAT "distribution", "dcat:distribution") \
	X(dcat_accessURL, DCATIT_NS_DCAT "accessURL", "dcat:accessURL") \
	X(dcat_downloadURL, DCATIT_NS_DCAT "downloadURL", "dcat:downloadURL") \
	X(dcat_mediaType, DCATIT_NS_DCAT "mediaType", "dcat:mediaType") \
	X(dcat_byteSize, DCATIT_NS_DCAT "byteSize", "dcat:byteSize") \
	X(dcat_accessService, DCATIT_NS_DCAT "accessService", "dcat:accessService") \
	X(dcat_startDate, DCATIT_NS_DCAT "startDate", "dcat:startDate") \
	X(dcat_endDate, DCATIT_NS_DCAT "endDate", "dcat:endDate") \
	X(dcat_bbox, DCATIT_NS_DCAT "bbox", "dcat:bbox") \
	X(dcat_dataset, DCATIT_NS_DCAT "dataset", "dcat:dataset") \
	X(dcat_Dataset, DCATIT_NS_DCAT "Dataset", "dcat:Dataset") \
	X(dcatapit_startDate, DCATIT_NS_DCATAPIT "startDate", "dcatapit:startDate") \
	X(dcatapit_endDate, DCATIT_NS_DCATAPIT "endDate", "dcatapit:endDate") \
	X(dcatapit_geoId, DCATIT_NS_DCATAPIT "geographicalIdentifier", "dcatapit:geographicalIdentifier") \
	X(dcatapit_referenceDoc, DCATIT_NS_DCATAPIT "referenceDoc", "dcatapit:referenceDoc") \
	X(schema_startDate, DCATIT_NS_SCHEMA "startDate", "schema:startDate") \
	X(schema_endDate, DCATIT_NS_SCHEMA "endDate", "schema:endDate") \
	X(locn_geometry, DCATIT_NS_LOCN "geometry", "locn:geometry") \
	X(foaf_name, DCATIT_NS_FOAF "name", "foaf:name") \
	X(foaf_page, DCATIT_NS_FOAF "page", "foaf:page") \
	X(owl_versionInfo, DCATIT_NS_OWL "versionInfo", "owl:versionInfo") \
	X(vcard_fn, DCATIT_NS_VCARD "fn", "vcard:fn") \
	X(vcard_hasEmail, DCATIT_NS_VCARD "hasEmail", "vcard:hasEmail") \
	X(spdx_checksum, DCATIT_NS_SPDX "checksum", "spdx:checksum") \
	X(spdx_checksumValue, DCATIT_NS_SPDX "checksumValue", "spdx:checksumValue") \
	X(hydra_next, DCATIT_NS_HYDRA "next", "hydra:next") \
	X(hydra_nextPage, DCATIT_NS_HYDRA "nextPage", "hydra:nextPage")

typedef struct {
#define VV_FIELD(f, iri, name) DcatitTermId f;
	VV(VV_FIELD)
#undef VV_FIELD
} V;

static bool intern(V *v, DcatitTerms *t)
{
#define VV_INTERN(f, iri, name) if (!(v->f = dcatit_terms_iri_z(t, iri))) return false;
	VV(VV_INTERN)
#undef VV_INTERN
	return true;
}

/* The CC BY 4.0 IRI ckanext-dcatapit writes for a licence it cannot point
 * at (roundtrip README, change 19). */
#define FALLBACK_LICENCE "http://creativecommons.org/licenses/by/4.0/it/"

const char *dcatit_verify_kind_name(DcatitVerifyKind k)
{
	switch (k) {
	case DCATIT_VERIFY_LOST: return N_("lost");
	case DCATIT_VERIFY_ALTERED: return N_("altered");
	case DCATIT_VERIFY_ADDED: return N_("added");
	}
	return "?";
}

const char *dcatit_verify_status_name(DcatitVerifyStatus s)
{
	switch (s) {
	case DCATIT_VERIFY_INTACT: return N_("intact");
	case DCATIT_VERIFY_DEGRADED: return N_("degraded");
	case DCATIT_VERIFY_INVALID: return N_("invalid");
	}
	return "?";
}

/* ------------------------------------------------------------ findings */

/* What a comparison runs with. */
typedef struct {
	DcatitModel *lm, *pm;   /* local and served graphs (same terms) */
	DcatitTerms *t;
	V v;
	unsigned endpoint;
	DcatitVerifyDataset *ds;
	size_t cap;
	bool oom;
	bool count_repeats;     /* see cmp_texts */
	size_t repeats;
} Cmp;

static char *term_text(DcatitTerms *t, DcatitTermId id)
{
	if (!id)
		return NULL;
	DcatitBuf b;
	dcatit_buf_init(&b);
	const char *s = dcatit_terms_str(t, id);
	if (dcatit_terms_is_iri(t, id)) {
		dcatit_buf_addf(&b, "<%s>", s);
	} else if (dcatit_terms_is_bnode(t, id)) {
		dcatit_buf_adds(&b, _("[a blank node]"));
	} else {
		/* long texts are cut: the report says what changed, not the text */
		size_t n = dcatit_terms_len(t, id);
		dcatit_buf_addf(&b, "\"%.*s%s\"", n > 70 ? 67 : (int)n, s, n > 70 ? "..." : "");
		const char *lang = dcatit_terms_lang(t, id);
		DcatitTermId dt = dcatit_terms_datatype(t, id);
		if (*lang)
			dcatit_buf_addf(&b, "@%s", lang);
		else if (dt && strncmp(dcatit_terms_str(t, dt), DCATIT_NS_XSD, strlen(DCATIT_NS_XSD)) == 0)
			dcatit_buf_addf(&b, "^^xsd:%s", dcatit_terms_str(t, dt) + strlen(DCATIT_NS_XSD));
	}
	return b.oom ? (dcatit_buf_release(&b), NULL) : dcatit_buf_detach(&b);
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Record a finding (the strings are copied); merge it with the same one
 * seen in the other endpoint. */
static void found(Cmp *c, DcatitVerifyKind kind, const char *prop, const char *subject,
                  const char *local, const char *portal, bool degrading, const char *why,
                  const char *todo)
{
	DcatitVerifyDataset *ds = c->ds;
	for (size_t i = 0; i < ds->nfindings; i++) {
		DcatitVerifyFinding *f = &ds->findings[i];
		if (f->kind == kind && strcmp(f->property, prop) == 0 &&
		    strcmp(f->subject, subject) == 0 && same(f->local, local) &&
		    same(f->portal, portal)) {
			f->endpoints |= c->endpoint;
			return;
		}
	}
	DcatitVerifyFinding *nv = dcatit_grow(ds->findings, &c->cap, ds->nfindings + 1,
	                                      sizeof *nv, 16);
	if (!nv) {
		c->oom = true;
		return;
	}
	ds->findings = nv;
	DcatitVerifyFinding *f = &nv[ds->nfindings];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->property = dcatit_strdup(prop);
	f->subject = dcatit_strdup(subject);
	f->local = local ? dcatit_strdup(local) : NULL;
	f->portal = portal ? dcatit_strdup(portal) : NULL;
	f->why = why;
	f->todo = todo;
	f->degrading = degrading;
	f->endpoints = c->endpoint;
	if (!f->property || !f->subject || (local && !f->local) || (portal && !f->portal))
		c->oom = true;
	ds->nfindings++;
}

/* The same with terms for values. */
static void found_terms(Cmp *c, DcatitVerifyKind kind, const char *prop, const char *subject,
                        DcatitTermId local, DcatitTermId portal, bool degrading,
                        const char *why, const char *todo)
{
	char *l = term_text(c->t, local), *p = term_text(c->t, portal);
	found(c, kind, prop, subject, l, p, degrading, why, todo);
	free(l);
	free(p);
}

/* ------------------------------------------------------------ values */

typedef struct {
	DcatitTermId *v;
	size_t n;
} Vals;

static Vals vals(DcatitModel *m, DcatitTermId s, DcatitTermId p)
{
	Vals r = { NULL, 0 };
	if (!s)
		return r;
	DcatitRange rg = dcatit_model_sp(m, s, p);
	if (!rg.n || !(r.v = malloc(rg.n * sizeof *r.v)))
		return r;
	for (size_t i = 0; i < rg.n; i++)
		r.v[i] = dcatit_model_triple(m, rg.idx[i])->o;
	r.n = rg.n;
	return r;
}

static bool has(const Vals *a, DcatitTermId x)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->v[i] == x)
			return true;
	return false;
}

static const char *str(Cmp *c, DcatitTermId id)
{
	return dcatit_terms_str(c->t, id);
}

/* The day of a date, dateTime or date-like literal ("" when none): what two
 * dates are compared by; a portal serves dates as dateTimes at midnight. */
static void day_of(Cmp *c, DcatitTermId id, char out[11])
{
	out[0] = '\0';
	if (!id || !dcatit_terms_is_literal(c->t, id))
		return;
	const char *s = str(c, id);
	if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
		memcpy(out, s, 10);
		out[10] = '\0';
	}
}

/* Is the literal text of x somewhere in a (any language, any datatype)? */
static bool has_text(Cmp *c, const Vals *a, DcatitTermId x)
{
	for (size_t i = 0; i < a->n; i++)
		if (dcatit_terms_is_literal(c->t, a->v[i]) &&
		    strcmp(str(c, a->v[i]), str(c, x)) == 0)
			return true;
	return false;
}

/* ------------------------------------------------------------ properties */

/* The language tags text is served under in vals a, space-separated, "-"
 * for none, into out. */
static void langs_of(Cmp *c, const Vals *a, const char *text, DcatitBuf *out)
{
	dcatit_buf_clear(out);
	for (size_t i = 0; i < a->n; i++) {
		if (!dcatit_terms_is_literal(c->t, a->v[i]) || strcmp(str(c, a->v[i]), text) != 0)
			continue;
		const char *lang = dcatit_terms_lang(c->t, a->v[i]);
		dcatit_buf_addf(out, "%s@%s", out->len ? " " : "", *lang ? lang : "-");
	}
}

/* Does the space-separated tag list have tag? */
static bool has_tag(const char *list, const char *tag)
{
	size_t n = strlen(tag);
	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ' ');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && strncmp(p, tag, n) == 0)
			return true;
		p = e ? e + 1 : NULL;
	}
	return false;
}

/* Texts per language (titles, descriptions, keywords, names), compared
 * text by text: a text that is gone is lost; served without its tag it is
 * the same information; served under other tags it is mislabelled. With
 * c->count_repeats, a text repeated under more tags is counted in
 * c->repeats instead of reported (agents: one finding for all of them). */
static void cmp_texts(Cmp *c, DcatitTermId ls, DcatitTermId ps, DcatitTermId p,
                      const char *prop, const char *subject)
{
	Vals l = vals(c->lm, ls, p), s = vals(c->pm, ps, p);
	DcatitBuf ll, sl;
	dcatit_buf_init(&ll);
	dcatit_buf_init(&sl);
	bool repeated = false;
	for (size_t i = 0; i < l.n; i++) {
		DcatitTermId x = l.v[i];
		if (!dcatit_terms_is_literal(c->t, x))
			continue;
		const char *text = str(c, x);
		bool first = true; /* each text once, whatever its tags */
		for (size_t k = 0; k < i && first; k++)
			first = !dcatit_terms_is_literal(c->t, l.v[k]) || strcmp(str(c, l.v[k]), text) != 0;
		if (!first)
			continue;
		langs_of(c, &l, text, &ll);
		langs_of(c, &s, text, &sl);
		if (ll.oom || sl.oom) {
			c->oom = true;
			break;
		}
		const char *lang = dcatit_terms_lang(c->t, x);
		if (!sl.len) {
			found_terms(c, DCATIT_VERIFY_LOST, prop, subject, x, 0, true,
			            *lang && strcmp(lang, "it") != 0
			            ? _("the portal keeps one text per field, in its own language: this "
			                "translation is not served")
			            : _("not served by the portal"),
			            *lang && strcmp(lang, "it") != 0
			            ? NULL : _("check the field on the portal; push again with --force"));
			continue;
		}
		if (strcmp(ll.data, sl.data) == 0)
			continue;
		bool all_kept = true;
		for (const char *q = ll.data; q && *q;) {
			const char *e = strchr(q, ' ');
			char tag[64];
			snprintf(tag, sizeof tag, "%.*s", e ? (int)(e - q) : (int)strlen(q), q);
			all_kept = all_kept && has_tag(sl.data, tag);
			q = e ? e + 1 : NULL;
		}
		char shown[200];
		snprintf(shown, sizeof shown, _("the same text as %s"), sl.data);
		char *lt = term_text(c->t, x);
		if (all_kept) {
			repeated = true;
			if (!c->count_repeats)
				found(c, DCATIT_VERIFY_ALTERED, prop, subject, lt, shown, true,
				      _("the portal repeats the text under every language it offers (it, en, "
				        "de, fr) that has none: a text in one language is served as the "
				        "others"), NULL);
		} else if (strcmp(sl.data, "@-") == 0) {
			found(c, DCATIT_VERIFY_ALTERED, prop, subject, lt, shown, false,
			      _("served without its language tag"), NULL);
		} else {
			found(c, DCATIT_VERIFY_ALTERED, prop, subject, lt, shown, true,
			      _("served under another language tag (the portal's own language)"), NULL);
		}
		free(lt);
	}
	if (repeated)
		c->repeats++;
	for (size_t j = 0; j < s.n; j++) {
		DcatitTermId y = s.v[j];
		if (!dcatit_terms_is_literal(c->t, y) || has_text(c, &l, y))
			continue;
		found_terms(c, l.n ? DCATIT_VERIFY_ALTERED : DCATIT_VERIFY_ADDED, prop, subject, 0, y,
		            true, _("a text the dataset does not have"),
		            _("check the field on the portal: it may have been edited there"));
	}
	dcatit_buf_release(&ll);
	dcatit_buf_release(&sl);
	free(l.v);
	free(s.v);
}

/* IRI values compared as sets (themes, languages, frequency, formats...). */
static void cmp_iris(Cmp *c, DcatitTermId ls, DcatitTermId ps, DcatitTermId p,
                     const char *prop, const char *subject, const char *lost_why,
                     const char *lost_todo)
{
	Vals l = vals(c->lm, ls, p), s = vals(c->pm, ps, p);
	for (size_t i = 0; i < l.n; i++) {
		if (!dcatit_terms_is_iri(c->t, l.v[i]) || has(&s, l.v[i]))
			continue;
		bool as_text = false;
		for (size_t j = 0; j < s.n && !as_text; j++)
			as_text = dcatit_terms_is_literal(c->t, s.v[j]) &&
			          strstr(str(c, l.v[i]), str(c, s.v[j])) != NULL;
		if (!as_text)
			found_terms(c, DCATIT_VERIFY_LOST, prop, subject, l.v[i], 0, true,
			            lost_why ? lost_why : _("not served by the portal"),
			            lost_todo ? lost_todo : _("check the field on the portal; push again "
			                                      "with --force"));
	}
	for (size_t j = 0; j < s.n; j++) {
		DcatitTermId y = s.v[j];
		if (has(&l, y))
			continue;
		bool text_of = false;
		for (size_t i = 0; i < l.n && !text_of; i++)
			text_of = dcatit_terms_is_literal(c->t, y) &&
			          strstr(str(c, l.v[i]), str(c, y)) != NULL;
		if (text_of)
			found_terms(c, DCATIT_VERIFY_ALTERED, prop, subject, 0, y, true,
			            _("served as a plain string, not as the IRI of the controlled "
			              "vocabulary (harvesters and DCAT-AP_IT expect an IRI)"),
			            p == c->v.dcat_mediaType
			            ? _("push again with this version of dcatit: it sends the IANA IRI")
			            : NULL);
		else
			found_terms(c, l.n ? DCATIT_VERIFY_ALTERED : DCATIT_VERIFY_ADDED, prop, subject, 0,
			            y, true, _("a value the dataset does not have"),
			            _("check the field on the portal: it may have been edited there"));
	}
	free(l.v);
	free(s.v);
}

/* issued, modified: compared by day. */
static void cmp_date(Cmp *c, DcatitTermId ls, DcatitTermId ps, DcatitTermId p,
                     const char *prop, const char *subject, bool dataset)
{
	DcatitTermId lv = ls ? dcatit_model_object(c->lm, ls, p) : 0;
	DcatitTermId sv = ps ? dcatit_model_object(c->pm, ps, p) : 0;
	char ld[11], sd[11];
	day_of(c, lv, ld);
	day_of(c, sv, sd);
	if (!lv && !sv)
		return;
	if (lv && !sv) {
		found_terms(c, DCATIT_VERIFY_LOST, prop, subject, lv, 0, true,
		            _("not served by the portal"), _("check the field on the portal"));
		return;
	}
	if (!lv) {
		found_terms(c, DCATIT_VERIFY_ADDED, prop, subject, 0, sv, true,
		            dataset ? _("the portal serves the time its CKAN record was made as the "
		                        "date of the dataset, which has none")
		                    : _("the portal serves the time of its CKAN resource record as a "
		                        "date of the distribution"),
		            dataset && p == c->v.dct_issued
		            ? _("give the record an 'issued' date: a value sent is served instead")
		            : NULL);
		return;
	}
	if (strcmp(ld, sd) == 0) {
		if (lv != sv)
			found_terms(c, DCATIT_VERIFY_ALTERED, prop, subject, lv, sv, false,
			            _("the same day, written as a date-time"), NULL);
		return;
	}
	/* 2015-11-02 served as 2015-02-11 */
	bool swapped = ld[0] && sd[0] && memcmp(ld, sd, 4) == 0 &&
	               memcmp(ld + 5, sd + 8, 2) == 0 && memcmp(ld + 8, sd + 5, 2) == 0;
	found_terms(c, DCATIT_VERIFY_ALTERED, prop, subject, lv, sv, true,
	            swapped ? _("day and month swapped: ckanext-dcatapit hands the date to its RDF "
	                        "as DD-MM-YYYY, which is then read month first")
	                    : _("another date than the dataset's"),
	            swapped ? _("push again with this version of dcatit: it sends dates in a form "
	                        "the portal does not re-read")
	                    : _("check the field on the portal; push again with --force"));
}

/* The key of an agent: its dct:identifier, else its first name. */
static const char *agent_key(DcatitModel *m, Cmp *c, DcatitTermId a)
{
	DcatitTermId id = dcatit_model_object(m, a, c->v.dct_identifier);
	if (id && dcatit_terms_is_literal(c->t, id))
		return str(c, id);
	DcatitTermId n = dcatit_model_object(m, a, c->v.foaf_name);
	return n ? str(c, n) : "";
}

static void cmp_agents(Cmp *c, DcatitTermId ls, DcatitTermId ps, DcatitTermId p,
                       const char *prop)
{
	Vals l = vals(c->lm, ls, p), s = vals(c->pm, ps, p);
	bool *used = s.n ? calloc(s.n, sizeof *used) : NULL;
	if (s.n && !used)
		c->oom = true;
	const char *role = prop + 4; /* "dct:creator" -> "creator" */
	c->repeats = 0;
	for (size_t i = 0; i < l.n && !c->oom; i++) {
		const char *key = agent_key(c->lm, c, l.v[i]);
		char subject[300];
		snprintf(subject, sizeof subject, "%s %s", role, key);
		size_t j = 0;
		while (j < s.n && (used[j] || strcmp(agent_key(c->pm, c, s.v[j]), key) != 0))
			j++;
		if (j == s.n) {
			bool contrib = p == c->v.dct_contributor;
			found(c, DCATIT_VERIFY_LOST, prop, "", key, NULL, true,
			      contrib ? _("ckanext-dcatapit has no field for contributors")
			              : _("this agent is not served"),
			      contrib ? NULL : _("check the field on the portal; push again with --force"));
			continue;
		}
		used[j] = true;
		if (p == c->v.dct_rightsHolder || p == c->v.dct_publisher) {
			/* the name: the portal uses the organization's title */
			Vals ln = vals(c->lm, l.v[i], c->v.foaf_name), sn = vals(c->pm, s.v[j], c->v.foaf_name);
			for (size_t k = 0; k < sn.n; k++)
				if (!has_text(c, &ln, sn.v[k]))
					found_terms(c, DCATIT_VERIFY_ALTERED, "foaf:name", subject, ln.n ? ln.v[0] : 0,
					            sn.v[k], true,
					            _("the portal names the agent after the CKAN organization "
					              "that holds the dataset"),
					            _("give the organization the official IPA name of the rights "
					              "holder (dcatit push does, from the catalogue)"));
			free(ln.v);
			free(sn.v);
		}
		c->count_repeats = true;
		cmp_texts(c, l.v[i], s.v[j], c->v.foaf_name, "foaf:name", subject);
		c->count_repeats = false;
		if (dcatit_terms_is_iri(c->t, l.v[i]) && !dcatit_terms_is_iri(c->t, s.v[j]))
			found_terms(c, DCATIT_VERIFY_ALTERED, prop, subject, l.v[i], s.v[j], false,
			            _("served as a blank node with the same identifier and name: the "
			              "agent's IRI is not kept"), NULL);
	}
	if (c->repeats) {
		char subject[300];
		snprintf(subject, sizeof subject, "%zu %s%s", c->repeats, role,
		         c->repeats == 1 ? "" : "s");
		found(c, DCATIT_VERIFY_ALTERED, "foaf:name", subject, _("one name per language"),
		      _("each name repeated under it, en, de and fr"), true,
		      _("the portal repeats names under every language it offers: Italian names are "
		        "served as English, German and French (and AgID rule 192 reads that as an "
		        "agent with several names)"), NULL);
	}
	for (size_t j = 0; j < s.n; j++)
		if (!used[j]) {
			found(c, DCATIT_VERIFY_ADDED, prop, "", NULL, agent_key(c->pm, c, s.v[j]),
			      true, _("an agent the dataset does not have"),
			      _("check the field on the portal"));
		}
	free(used);
	free(l.v);
	free(s.v);
}

/* The e-mail of a contact point, without mailto:. */
static const char *contact_mail(DcatitModel *m, Cmp *c, DcatitTermId cp)
{
	DcatitTermId e = dcatit_model_object(m, cp, c->v.vcard_hasEmail);
	if (!e)
		return "";
	const char *s = str(c, e);
	return strncmp(s, "mailto:", 7) == 0 ? s + 7 : s;
}

static void cmp_contact(Cmp *c, DcatitTermId ls, DcatitTermId ps)
{
	Vals l = vals(c->lm, ls, c->v.dcat_contactPoint), s = vals(c->pm, ps, c->v.dcat_contactPoint);
	for (size_t i = 0; i < l.n; i++) {
		bool kept = false;
		for (size_t j = 0; j < s.n && !kept; j++) {
			DcatitTermId lf = dcatit_model_object(c->lm, l.v[i], c->v.vcard_fn);
			DcatitTermId sf = dcatit_model_object(c->pm, s.v[j], c->v.vcard_fn);
			kept = strcmp(contact_mail(c->lm, c, l.v[i]), contact_mail(c->pm, c, s.v[j])) == 0 &&
			       ((!lf && !sf) || (lf && sf && strcmp(str(c, lf), str(c, sf)) == 0));
		}
		if (kept)
			continue;
		DcatitTermId lf = dcatit_model_object(c->lm, l.v[i], c->v.vcard_fn);
		DcatitTermId sf = s.n ? dcatit_model_object(c->pm, s.v[0], c->v.vcard_fn) : 0;
		char lt[600], st[600];
		snprintf(lt, sizeof lt, "%s <%s>", lf ? str(c, lf) : "", contact_mail(c->lm, c, l.v[i]));
		snprintf(st, sizeof st, "%s <%s>", sf ? str(c, sf) : "",
		         s.n ? contact_mail(c->pm, c, s.v[0]) : "");
		found(c, s.n ? DCATIT_VERIFY_ALTERED : DCATIT_VERIFY_LOST, "dcat:contactPoint", "", lt,
		      s.n ? st : NULL, true,
		      _("ckanext-dcatapit serves the CKAN organization as the contact point of "
		        "every dataset it holds"),
		      _("give the organization the e-mail of the catalogue's contact (dcatit push "
		        "does when it creates it); a contact point per dataset cannot be kept"));
	}
	free(l.v);
	free(s.v);
}

/* Periods by their start and end days (dcat:, dcatapit: or schema:). */
static void period_days(Cmp *c, DcatitModel *m, DcatitTermId pt, char out[28])
{
	DcatitTermId st = dcatit_model_object(m, pt, c->v.dcat_startDate);
	if (!st)
		st = dcatit_model_object(m, pt, c->v.dcatapit_startDate);
	if (!st)
		st = dcatit_model_object(m, pt, c->v.schema_startDate);
	DcatitTermId en = dcatit_model_object(m, pt, c->v.dcat_endDate);
	if (!en)
		en = dcatit_model_object(m, pt, c->v.dcatapit_endDate);
	if (!en)
		en = dcatit_model_object(m, pt, c->v.schema_endDate);
	char a[11], b[11];
	day_of(c, st, a);
	day_of(c, en, b);
	snprintf(out, 28, "%s%s%s", a, *b ? " to " : " on", b);
}

static void cmp_temporal(Cmp *c, DcatitTermId ls, DcatitTermId ps)
{
	Vals l = vals(c->lm, ls, c->v.dct_temporal), s = vals(c->pm, ps, c->v.dct_temporal);
	char a[28], b[28];
	for (size_t i = 0; i < l.n; i++) {
		period_days(c, c->lm, l.v[i], a);
		bool kept = false;
		for (size_t j = 0; j < s.n && !kept; j++) {
			period_days(c, c->pm, s.v[j], b);
			kept = strcmp(a, b) == 0;
			if (kept && dcatit_model_sp(c->lm, l.v[i], c->v.rdfs_comment).n &&
			    !dcatit_model_sp(c->pm, s.v[j], c->v.rdfs_comment).n)
				found(c, DCATIT_VERIFY_LOST, "rdfs:comment", _("temporal coverage"), a, NULL, true,
				      _("temporal_coverage keeps the start and end dates only"), NULL);
		}
		if (!kept)
			found(c, DCATIT_VERIFY_LOST, "dct:temporal", "", a, NULL, true,
			      _("this period is not served"), _("check the field on the portal"));
	}
	for (size_t j = 0; j < s.n; j++) {
		period_days(c, c->pm, s.v[j], b);
		bool known = false;
		for (size_t i = 0; i < l.n && !known; i++) {
			period_days(c, c->lm, l.v[i], a);
			known = strcmp(a, b) == 0;
		}
		if (!known)
			found(c, DCATIT_VERIFY_ADDED, "dct:temporal", "", NULL, b, true,
			      l.n ? _("a period the dataset does not have")
			          : _("ckanext-dcatapit (net7) injects a temporal coverage starting on "
			              "the 'modified' date into every dataset without one"),
			      l.n ? _("check the field on the portal") : NULL);
	}
	free(l.v);
	free(s.v);
}

/* Places: the IRIs of dct:spatial, or the geographicalIdentifier of a
 * served location; geometries. */
static void cmp_spatial(Cmp *c, DcatitTermId ls, DcatitTermId ps)
{
	Vals l = vals(c->lm, ls, c->v.dct_spatial), s = vals(c->pm, ps, c->v.dct_spatial);
	for (size_t i = 0; i < l.n; i++) {
		const char *place = dcatit_terms_is_iri(c->t, l.v[i]) ? str(c, l.v[i]) : NULL;
		bool as_iri = false, as_text = false;
		for (size_t j = 0; j < s.n && place; j++) {
			if (s.v[j] == l.v[i])
				as_iri = true;
			DcatitTermId g = dcatit_model_object(c->pm, s.v[j], c->v.dcatapit_geoId);
			if (g && strcmp(str(c, g), place) == 0)
				as_text = true;
		}
		if (place && !as_iri)
			found(c, as_text ? DCATIT_VERIFY_ALTERED : DCATIT_VERIFY_LOST, "dct:spatial", "",
			      place, as_text ? _("a location whose dcatapit:geographicalIdentifier is that "
			                         "IRI as a string") : NULL, true,
			      as_text ? _("ckanext-dcatapit serves a place as a string literal in a blank "
			                  "location, not as the place's IRI")
			              : _("this place is not served"),
			      NULL);
		bool geom = dcatit_model_sp(c->lm, l.v[i], c->v.dcat_bbox).n ||
		            dcatit_model_sp(c->lm, l.v[i], c->v.locn_geometry).n;
		bool sgeom = false;
		for (size_t j = 0; j < s.n; j++)
			sgeom = sgeom || dcatit_model_sp(c->pm, s.v[j], c->v.dcat_bbox).n ||
			        dcatit_model_sp(c->pm, s.v[j], c->v.locn_geometry).n;
		if (geom && !sgeom)
			found(c, DCATIT_VERIFY_LOST, "dcat:bbox", "", place ? place : _("the location"), NULL,
			      true, _("ckanext-dcatapit keeps places as codes or one URL: the bounding box "
			              "and geometry are not served"), NULL);
	}
	free(l.v);
	free(s.v);
}

/* Standards: by IRI, else by dct:identifier. */
static void cmp_standards(Cmp *c, DcatitTermId ls, DcatitTermId ps, const char *subject)
{
	Vals l = vals(c->lm, ls, c->v.dct_conformsTo), s = vals(c->pm, ps, c->v.dct_conformsTo);
	for (size_t i = 0; i < l.n; i++) {
		DcatitTermId lid = dcatit_model_object(c->lm, l.v[i], c->v.dct_identifier);
		size_t j = 0;
		for (; j < s.n; j++) {
			if (s.v[j] == l.v[i])
				break;
			DcatitTermId sid = dcatit_model_object(c->pm, s.v[j], c->v.dct_identifier);
			if (lid && sid && strcmp(str(c, lid), str(c, sid)) == 0)
				break;
		}
		char sub[600];
		snprintf(sub, sizeof sub, "%s%sstandard %s", subject, *subject ? ", " : "",
		         lid ? str(c, lid) : str(c, l.v[i]));
		if (j == s.n) {
			found(c, DCATIT_VERIFY_LOST, "dct:conformsTo", subject, lid ? str(c, lid) :
			      str(c, l.v[i]), NULL, true,
			      *subject ? _("the resource's conforms_to keeps IRIs only")
			               : _("this standard is not served"),
			      NULL);
			continue;
		}
		if (!*subject)
			cmp_texts(c, l.v[i], s.v[j], c->v.dct_title, "dct:title", sub);
		if (dcatit_model_sp(c->lm, l.v[i], c->v.dct_type).n &&
		    !dcatit_model_sp(c->pm, s.v[j], c->v.dct_type).n)
			found_terms(c, DCATIT_VERIFY_LOST, "dct:type", sub,
			            dcatit_model_object(c->lm, l.v[i], c->v.dct_type), 0, true,
			            _("ckanext-dcatapit's conforms_to has no field for the type of a "
			              "standard"), NULL);
	}
	free(l.v);
	free(s.v);
}

/* The licence: the same IRI, or the licence document it stands for (the
 * portal's form) is the same licence; the CC BY fallback is not. */
static void cmp_licence(Cmp *c, DcatitTermId ld, DcatitTermId sd, const char *subject)
{
	DcatitTermId l = dcatit_model_object(c->lm, ld, c->v.dct_license);
	DcatitTermId s = sd ? dcatit_model_object(c->pm, sd, c->v.dct_license) : 0;
	if (!l && !s)
		return;
	if (l && !s) {
		found_terms(c, DCATIT_VERIFY_LOST, "dct:license", subject, l, 0, true,
		            _("no licence is served"), _("check the resource's licence on the portal"));
		return;
	}
	if (l == s)
		return;
	DcatitTermId doc = l ? dcatit_model_object(c->lm, l, c->v.rdfs_seeAlso) : 0;
	if (!doc && l)
		doc = dcatit_model_object(c->lm, l, c->v.dcatapit_referenceDoc);
	if (l && doc && s && strcmp(str(c, doc), str(c, s)) == 0) {
		found_terms(c, DCATIT_VERIFY_ALTERED, "dct:license", subject, l, s, false,
		            _("the same licence, named by its licence document"), NULL);
		return;
	}
	bool fallback = s && strcmp(str(c, s), FALLBACK_LICENCE) == 0;
	found_terms(c, l ? DCATIT_VERIFY_ALTERED : DCATIT_VERIFY_ADDED, "dct:license", subject, l, s,
	            true,
	            fallback ? _("the portal publishes CC BY 4.0, a licence nobody granted: "
	                         "ckanext-dcatapit writes it for every licence it has no document "
	                         "for (C1_Unknown, a licence outside its vocabulary)")
	                     : _("another licence than the distribution's"),
	            fallback ? _("give the distribution its real licence; until then do not publish "
	                         "it to this portal, or have the portal fixed")
	                     : _("check the resource's licence on the portal; push again with --force"));
}

static void cmp_distributions(Cmp *c, DcatitTermId ls, DcatitTermId ps)
{
	Vals l = vals(c->lm, ls, c->v.dcat_distribution), s = vals(c->pm, ps, c->v.dcat_distribution);
	for (size_t i = 0; i < l.n; i++) {
		DcatitTermId ld = l.v[i], sd = has(&s, ld) ? ld : 0;
		if (!sd) {
			/* the portal mints resource IRIs for blank distributions: match by URL */
			DcatitTermId au = dcatit_model_object(c->lm, ld, c->v.dcat_accessURL);
			for (size_t j = 0; j < s.n && !sd && au; j++)
				if (dcatit_model_has(c->pm, s.v[j], c->v.dcat_accessURL, au))
					sd = s.v[j];
		}
		char subject[600];
		snprintf(subject, sizeof subject, "distribution %s%s%s",
		         dcatit_terms_is_iri(c->t, ld) ? "<" : "",
		         dcatit_terms_is_iri(c->t, ld) ? str(c, ld) : _("[a blank node]"),
		         dcatit_terms_is_iri(c->t, ld) ? ">" : "");
		if (!sd) {
			found(c, DCATIT_VERIFY_LOST, "dcat:distribution", "", subject + 13, NULL, true,
			      _("this distribution is not served"),
			      _("check the resources of the package; push again with --force"));
			continue;
		}
		cmp_texts(c, ld, sd, c->v.dct_title, "dct:title", subject);
		cmp_texts(c, ld, sd, c->v.dct_description, "dct:description", subject);
		cmp_iris(c, ld, sd, c->v.dcat_accessURL, "dcat:accessURL", subject, NULL, NULL);
		cmp_iris(c, ld, sd, c->v.dcat_downloadURL, "dcat:downloadURL", subject, NULL, NULL);
		cmp_iris(c, ld, sd, c->v.dct_format, "dct:format", subject, NULL, NULL);
		cmp_iris(c, ld, sd, c->v.dcat_mediaType, "dcat:mediaType", subject, NULL, NULL);
		cmp_iris(c, ld, sd, c->v.dct_language, "dct:language", subject, NULL, NULL);
		cmp_licence(c, ld, sd, subject);
		cmp_date(c, ld, sd, c->v.dct_issued, "dct:issued", subject, false);
		cmp_date(c, ld, sd, c->v.dct_modified, "dct:modified", subject, false);
		cmp_standards(c, ld, sd, subject);
		DcatitTermId lb = dcatit_model_object(c->lm, ld, c->v.dcat_byteSize);
		DcatitTermId sb = dcatit_model_object(c->pm, sd, c->v.dcat_byteSize);
		if (lb && !sb)
			found_terms(c, DCATIT_VERIFY_LOST, "dcat:byteSize", subject, lb, 0, true,
			            _("not served"), NULL);
		else if (lb && sb && lb != sb) {
			bool eq = strtod(str(c, lb), NULL) == strtod(str(c, sb), NULL);
			found_terms(c, DCATIT_VERIFY_ALTERED, "dcat:byteSize", subject, lb, sb, !eq,
			            eq ? _("the same number, written differently") : _("another size"), NULL);
		}
		Vals lc = vals(c->lm, ld, c->v.spdx_checksum), sc = vals(c->pm, sd, c->v.spdx_checksum);
		for (size_t k = 0; k < lc.n; k++) {
			DcatitTermId v = dcatit_model_object(c->lm, lc.v[k], c->v.spdx_checksumValue);
			bool kept = false;
			for (size_t q = 0; q < sc.n && v && !kept; q++) {
				DcatitTermId w = dcatit_model_object(c->pm, sc.v[q], c->v.spdx_checksumValue);
				kept = w && strcmp(str(c, v), str(c, w)) == 0;
			}
			if (v && !kept)
				found_terms(c, DCATIT_VERIFY_LOST, "spdx:checksum", subject, v, 0, true,
				            _("the checksum is not served"), NULL);
		}
		free(lc.v);
		free(sc.v);
		if (dcatit_model_sp(c->lm, ld, c->v.dcat_accessService).n &&
		    !dcatit_model_sp(c->pm, sd, c->v.dcat_accessService).n)
			found_terms(c, DCATIT_VERIFY_LOST, "dcat:accessService", subject,
			            dcatit_model_object(c->lm, ld, c->v.dcat_accessService), 0, true,
			            _("the data service is not served: the ckanext-dcat of this "
			              "ckanext-dcatapit has no data services"), NULL);
	}
	free(l.v);
	free(s.v);
}

DcatitStatus dcatit_verify_compare(DcatitModel *local, DcatitTermId node, DcatitModel *served,
                                   DcatitTermId served_node, unsigned endpoint,
                                   DcatitVerifyDataset *ds)
{
	Cmp c = { .lm = local, .pm = served, .t = dcatit_model_terms(local), .endpoint = endpoint,
	          .ds = ds, .cap = ds->nfindings };
	if (!intern(&c.v, c.t))
		return DCATIT_ERR_NOMEM;
	const V *v = &c.v;
	DcatitTermId l = node, s = served_node;
	cmp_texts(&c, l, s, v->dct_title, "dct:title", "");
	cmp_texts(&c, l, s, v->dct_description, "dct:description", "");
	cmp_texts(&c, l, s, v->dcat_keyword, "dcat:keyword", "");
	cmp_texts(&c, l, s, v->dct_identifier, "dct:identifier", "");
	cmp_texts(&c, l, s, v->owl_versionInfo, "owl:versionInfo", "");
	cmp_date(&c, l, s, v->dct_issued, "dct:issued", "", true);
	cmp_date(&c, l, s, v->dct_modified, "dct:modified", "", true);
	cmp_iris(&c, l, s, v->dct_language, "dct:language", "", NULL, NULL);
	cmp_iris(&c, l, s, v->dct_accrualPeriodicity, "dct:accrualPeriodicity", "", NULL, NULL);
	cmp_iris(&c, l, s, v->dcat_theme, "dcat:theme", "", NULL, NULL);
	cmp_iris(&c, l, s, v->dct_subject, "dct:subject", "", NULL, NULL);
	cmp_iris(&c, l, s, v->dct_isVersionOf, "dct:isVersionOf", "", NULL, NULL);
	cmp_iris(&c, l, s, v->dct_accessRights, "dct:accessRights", "", NULL, NULL);
	cmp_iris(&c, l, s, v->foaf_page, "foaf:page", "", NULL, NULL);
	/* the landing page: the fork replaces it with one it builds */
	DcatitTermId lp = dcatit_model_object(local, l, v->dcat_landingPage);
	DcatitTermId sp = dcatit_model_object(served, s, v->dcat_landingPage);
	if (sp && sp != lp)
		found_terms(&c, lp ? DCATIT_VERIFY_ALTERED : DCATIT_VERIFY_ADDED, "dcat:landingPage", "",
		            lp, sp, true,
		            _("ckanext-dcatapit (net7) serves a landing page it builds from the package "
		              "name and the holder's code, in place of the dataset's; such a page "
		              "usually does not exist"), NULL);
	else if (lp && !sp)
		found_terms(&c, DCATIT_VERIFY_LOST, "dcat:landingPage", "", lp, 0, true,
		            _("not served"), NULL);
	cmp_agents(&c, l, s, v->dct_publisher, "dct:publisher");
	cmp_agents(&c, l, s, v->dct_rightsHolder, "dct:rightsHolder");
	cmp_agents(&c, l, s, v->dct_creator, "dct:creator");
	cmp_agents(&c, l, s, v->dct_contributor, "dct:contributor");
	cmp_contact(&c, l, s);
	cmp_temporal(&c, l, s);
	cmp_spatial(&c, l, s);
	cmp_standards(&c, l, s, "");
	cmp_distributions(&c, l, s);
	return c.oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}

void dcatit_verify_settle(DcatitVerifyReport *rep, DcatitVerifyDataset *ds)
{
	bool degraded = false;
	for (size_t i = 0; i < ds->nfindings; i++)
		degraded = degraded || ds->findings[i].degrading;
	if (ds->problem || ds->violations.n)
		ds->status = DCATIT_VERIFY_INVALID;
	else
		ds->status = degraded ? DCATIT_VERIFY_DEGRADED : DCATIT_VERIFY_INTACT;
	if (!rep)
		return;
	switch (ds->status) {
	case DCATIT_VERIFY_INTACT: rep->intact++; break;
	case DCATIT_VERIFY_DEGRADED: rep->degraded++; break;
	case DCATIT_VERIFY_INVALID: rep->invalid++; break;
	}
}

/* ------------------------------------------------------------ reading back */

typedef struct {
	DcatitModel *local;
	const DcatitProfile *profile;
	const DcatitVerifyOpts *o;
	DcatitVerifyReport *rep;
	DcatitHttp *http;
	DcatitTerms *t;
	V v;
	char *base;         /* the portal URL, no trailing slash */
	const char *ext;    /* ttl, rdf, jsonld */
	DcatitTermId *nodes; /* local node of each report dataset */
	/* the catalogue endpoint */
	char **seen_pages;
	size_t nseen;
	DcatitStatus fatal;
	char fatal_msg[600];
} Run;

typedef struct {
	Run *r;
	size_t i;           /* dataset index, or (size_t)-1 for a catalogue page */
} Req;

static void set_problem(Run *r, size_t i, const char *fmt, const char *a, const char *b)
{
	DcatitVerifyDataset *ds = &r->rep->datasets[i];
	if (ds->problem)
		return;
	DcatitBuf m;
	dcatit_buf_init(&m);
	dcatit_buf_addf(&m, fmt, a, b ? b : "");
	ds->problem = m.oom ? NULL : dcatit_buf_detach(&m);
	dcatit_buf_release(&m);
}

/* Parse body into a new graph on r's terms; NULL (with why) on failure. */
static DcatitModel *parse_body(Run *r, const DcatitHttpResponse *res, const char *name,
                               char *why, size_t whylen)
{
	DcatitModel *m = dcatit_model_new(r->t);
	if (!m) {
		snprintf(why, whylen, "out of memory");
		return NULL;
	}
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.name = name;
	po.syntax = dcatit_rdfio_syntax_from_media_type(res->content_type);
	if (po.syntax == DCATIT_SYNTAX_GUESS)
		po.syntax = dcatit_rdfio_syntax_sniff(res->body, res->body_len);
	if (po.syntax == DCATIT_SYNTAX_GUESS)
		po.syntax = dcatit_rdfio_syntax_from_path(name);
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_rdfio_parse_mem(m, res->body, res->body_len, &po, &d) != DCATIT_OK) {
		snprintf(why, whylen, "%s", d.message);
		dcatit_model_free(m);
		return NULL;
	}
	return m;
}

/* The served node of a dataset: the same IRI, else the node with its
 * identifier. */
static DcatitTermId served_node(Run *r, DcatitModel *m, DcatitTermId local)
{
	if (dcatit_model_sp(m, local, r->v.rdf_type).n)
		return local;
	DcatitTermId id = dcatit_model_object(r->local, local, r->v.dct_identifier);
	DcatitRange rg = id ? dcatit_model_po(m, r->v.dct_identifier, id) : (DcatitRange){ 0 };
	for (size_t i = 0; i < rg.n; i++) {
		DcatitTermId s = dcatit_model_triple(m, rg.idx[i])->s;
		if (dcatit_model_has(m, s, r->v.rdf_type, r->v.dcat_Dataset))
			return s;
	}
	return 0;
}

static bool is_rule(DcatitTerms *t, DcatitTermId shape, const char *rule)
{
	if (!shape || !dcatit_terms_is_iri(t, shape))
		return false;
	const char *s = dcatit_terms_str(t, shape);
	return dcatit_str_has_suffix(s, rule);
}

static void on_dataset_rdf(void *ud, const DcatitHttpResponse *res)
{
	Req *q = ud;
	Run *r = q->r;
	DcatitVerifyDataset *ds = &r->rep->datasets[q->i];
	char why[1100];
	if (res->st != DCATIT_OK || res->status != 200) {
		char st[32];
		snprintf(st, sizeof st, "HTTP %ld", res->status);
		set_problem(r, q->i, _("its RDF on the portal cannot be read: %s%s"),
		            res->st != DCATIT_OK ? (res->error ? res->error : _("transport error")) : st,
		            NULL);
		free(q);
		return;
	}
	DcatitBuf name;
	dcatit_buf_init(&name);
	dcatit_buf_addf(&name, "%s/dataset/%s.%s", r->base, ds->package, r->ext);
	DcatitModel *m = name.oom ? NULL : parse_body(r, res, name.data, why, sizeof why);
	dcatit_buf_release(&name);
	if (!m) {
		set_problem(r, q->i, _("its RDF on the portal is not well-formed: %s%s"), why, NULL);
		free(q);
		return;
	}
	ds->served = m;
	DcatitTermId node = served_node(r, m, r->nodes[q->i]);
	if (!node) {
		set_problem(r, q->i, _("the portal's RDF of '%s' does not describe the dataset%s"),
		            ds->package, NULL);
	} else if (dcatit_verify_compare(r->local, r->nodes[q->i], m, node,
	                                 DCATIT_VERIFY_DATASET_RDF, ds) != DCATIT_OK) {
		r->fatal = DCATIT_ERR_NOMEM;
	}
	/* DCAT-AP_IT, as a harvester checks it; a one-dataset document has no
	 * catalogue (AgID rule 112), which is expected */
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (r->profile && dcatit_profile_validate(r->profile, m, &ds->violations, &d) == DCATIT_OK) {
		size_t w = 0;
		for (size_t k = 0; k < ds->violations.n; k++) {
			DcatitResult *x = &ds->violations.items[k];
			DcatitTerms *t = r->t;
			bool warning = x->severity && strstr(dcatit_terms_str(t, x->severity), "Violation") == NULL;
			if (warning || is_rule(t, x->shape, "rule-112"))
				continue;
			ds->violations.items[w++] = *x;
		}
		ds->violations.n = w;
	}
	free(q);
}

static void on_package(void *ud, const DcatitCkanReply *res)
{
	Req *q = ud;
	Run *r = q->r;
	DcatitVerifyDataset *ds = &r->rep->datasets[q->i];
	DcatitJson *results = res->st == DCATIT_OK ? dcatit_json_get(res->result, "results") : NULL;
	const char *name = NULL;
	for (size_t k = 0; k < dcatit_json_size(results) && !name; k++) {
		DcatitJson *p = dcatit_json_at(results, k);
		const char *id = dcatit_ckan_field(p, "identifier");
		if (id && strcmp(id, ds->identifier) == 0)
			name = dcatit_json_get_str(p, "name");
	}
	if (res->st != DCATIT_OK) {
		set_problem(r, q->i, _("the portal cannot be searched for it: %s%s"), res->message, NULL);
		free(q);
		return;
	}
	if (!name) {
		set_problem(r, q->i, _("no public package on the portal has identifier '%s'%s"),
		            ds->identifier, NULL);
		free(q);
		return;
	}
	ds->package = dcatit_strdup(name);
	DcatitBuf u;
	dcatit_buf_init(&u);
	dcatit_buf_addf(&u, "%s/dataset/%s.%s", r->base, name, r->ext);
	DcatitHttpRequest req = { .method = "GET", .url = u.data };
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (u.oom || !ds->package ||
	    dcatit_http_submit(r->http, &req, on_dataset_rdf, q, &d) != DCATIT_OK) {
		set_problem(r, q->i, _("cannot read its RDF: %s%s"), u.oom ? "out of memory" : d.message,
		            NULL);
		free(q);
	}
	dcatit_buf_release(&u);
}

/* A catalogue page: merged into rep->catalog; the next page is queued. */
static void on_page(void *ud, const DcatitHttpResponse *res);

static bool page_seen(Run *r, const char *url)
{
	for (size_t i = 0; i < r->nseen; i++)
		if (strcmp(r->seen_pages[i], url) == 0)
			return true;
	return false;
}

static void submit_page(Run *r, const char *url)
{
	DcatitVerifyReport *rep = r->rep;
	if (page_seen(r, url))
		return; /* a hydra loop */
	size_t max = r->o->max_pages ? r->o->max_pages : 1000;
	if (r->nseen >= max) {
		if (!rep->catalog_problem)
			rep->catalog_problem = dcatit_strdup(_("more pages than the page cap; read no further"));
		return;
	}
	size_t cap = r->nseen;
	char **nv = dcatit_grow(r->seen_pages, &cap, r->nseen + 1, sizeof *nv, 8);
	char *copy = dcatit_strdup(url);
	Req *q = malloc(sizeof *q);
	if (!nv || !copy || !q) {
		free(copy);
		free(q);
		if (nv)
			r->seen_pages = nv;
		r->fatal = DCATIT_ERR_NOMEM;
		return;
	}
	r->seen_pages = nv;
	nv[r->nseen++] = copy;
	*q = (Req){ r, (size_t)-1 };
	DcatitHttpRequest req = { .method = "GET", .url = url };
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_http_submit(r->http, &req, on_page, q, &d) != DCATIT_OK) {
		free(q);
		if (!rep->catalog_problem)
			rep->catalog_problem = dcatit_strdup(d.message);
	}
}

static void on_page(void *ud, const DcatitHttpResponse *res)
{
	Req *q = ud;
	Run *r = q->r;
	DcatitVerifyReport *rep = r->rep;
	free(q);
	char why[1100];
	if (res->st != DCATIT_OK || res->status != 200) {
		if (!rep->catalog_problem) {
			char msg[1200];
			snprintf(msg, sizeof msg, _("a page of the catalogue endpoint cannot be read: %s"),
			         res->st != DCATIT_OK ? (res->error ? res->error : _("transport error"))
			                              : _("HTTP error"));
			rep->catalog_problem = dcatit_strdup(msg);
		}
		return;
	}
	char name[700];
	snprintf(name, sizeof name, "%s/catalog.%s page %zu", r->base, r->ext, rep->pages + 1);
	DcatitModel *m = parse_body(r, res, name, why, sizeof why);
	if (!m) {
		if (!rep->catalog_problem) {
			char msg[1200];
			snprintf(msg, sizeof msg, _("a page of the catalogue endpoint is not well-formed: %s"),
			         why);
			rep->catalog_problem = dcatit_strdup(msg);
		}
		return;
	}
	rep->pages++;
	if (dcatit_model_add_all(rep->catalog, m) != DCATIT_OK)
		r->fatal = DCATIT_ERR_NOMEM;
	/* hydra:next / nextPage, an IRI or a literal */
	DcatitTermId nexts[2] = { r->v.hydra_next, r->v.hydra_nextPage };
	const char *next = NULL;
	for (int k = 0; k < 2 && !next; k++) {
		DcatitRange rg = dcatit_model_po(m, nexts[k], 0);
		for (size_t i = 0; i < rg.n && !next; i++) {
			DcatitTermId o = dcatit_model_triple(m, rg.idx[i])->o;
			if (!dcatit_terms_is_bnode(r->t, o))
				next = dcatit_terms_str(r->t, o);
		}
	}
	bool has_dataset = dcatit_model_po(m, r->v.dcat_dataset, 0).n > 0;
	if (next && has_dataset && dcatit_http_url_is_allowed(next))
		submit_page(r, next);
	dcatit_model_free(m);
}

void dcatit_verify_report_release(DcatitVerifyReport *rep)
{
	for (size_t i = 0; i < rep->n; i++) {
		DcatitVerifyDataset *ds = &rep->datasets[i];
		for (size_t k = 0; k < ds->nfindings; k++) {
			free(ds->findings[k].property);
			free(ds->findings[k].subject);
			free(ds->findings[k].local);
			free(ds->findings[k].portal);
		}
		free(ds->findings);
		free(ds->identifier);
		free(ds->iri);
		free(ds->package);
		free(ds->problem);
		dcatit_results_release(&ds->violations);
		dcatit_model_free(ds->served);
	}
	free(rep->datasets);
	free(rep->catalog_problem);
	dcatit_results_release(&rep->catalog_violations);
	dcatit_model_free(rep->catalog);
	memset(rep, 0, sizeof *rep);
}

/* The catalogue endpoint: is every dataset listed, and as what? */
static void check_catalog(Run *r)
{
	DcatitVerifyReport *rep = r->rep;
	if (!rep->catalog)
		return;
	rep->catalog_datasets = dcatit_model_po(rep->catalog, r->v.dcat_dataset, 0).n;
	for (size_t i = 0; i < rep->n; i++) {
		DcatitVerifyDataset *ds = &rep->datasets[i];
		DcatitTermId node = served_node(r, rep->catalog, r->nodes[i]);
		ds->listed = node && dcatit_model_po(rep->catalog, r->v.dcat_dataset, node).n;
		if (node && dcatit_verify_compare(r->local, r->nodes[i], rep->catalog, node,
		                                  DCATIT_VERIFY_CATALOG_RDF, ds) != DCATIT_OK)
			r->fatal = DCATIT_ERR_NOMEM;
		if (!ds->listed && !ds->problem && !rep->catalog_problem) {
			Cmp c = { .lm = r->local, .pm = rep->catalog, .t = r->t,
			          .endpoint = DCATIT_VERIFY_CATALOG_RDF, .ds = ds, .cap = ds->nfindings };
			found(&c, DCATIT_VERIFY_LOST, "dcat:dataset", "", ds->iri, NULL, true,
			      _("the catalogue endpoint does not list the dataset, so harvesters of "
			        "/catalog.* never see it"), _("check that the package is public and indexed"));
			if (c.oom)
				r->fatal = DCATIT_ERR_NOMEM;
		}
	}
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (r->profile)
		dcatit_profile_validate(r->profile, rep->catalog, &rep->catalog_violations, &d);
	size_t w = 0;
	for (size_t k = 0; k < rep->catalog_violations.n; k++) {
		DcatitResult *x = &rep->catalog_violations.items[k];
		if (x->severity && strstr(dcatit_terms_str(r->t, x->severity), "Violation"))
			rep->catalog_violations.items[w++] = *x;
	}
	rep->catalog_violations.n = w;
}

DcatitStatus dcatit_verify_run(DcatitModel *local, const DcatitProfile *profile,
                               const DcatitVerifyOpts *o, DcatitVerifyReport *rep,
                               DcatitDiag *d)
{
	memset(rep, 0, sizeof *rep);
	Run r = { .local = local, .profile = profile, .o = o, .rep = rep,
	          .t = dcatit_model_terms(local) };
	if (!o || !o->url || !dcatit_http_url_is_allowed(o->url))
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                       "the portal URL must start with http:// or https://");
	r.ext = o->syntax && *o->syntax ? o->syntax : "ttl";
	if (!intern(&r.v, r.t))
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	r.base = dcatit_strdup(o->url);
	DcatitTermId *ids = NULL;
	size_t n = 0;
	DcatitStatus st = r.base ? dcatit_ckan_map_datasets(local, &ids, &n) : DCATIT_ERR_NOMEM;
	if (st != DCATIT_OK) {
		free(r.base);
		return dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
	}
	for (size_t k = strlen(r.base); k > 0 && r.base[k - 1] == '/'; k--)
		r.base[k - 1] = '\0';
	rep->datasets = n ? calloc(n, sizeof *rep->datasets) : NULL;
	rep->catalog = dcatit_model_new(r.t);
	r.nodes = ids;
	DcatitHttpOpts ho = { .jobs = o->jobs ? o->jobs : 4, .user_agent = o->user_agent };
	DcatitCkanOpts co = { .url = o->url, .http = ho };
	DcatitCkan *api = NULL;
	if ((n && !rep->datasets) || !rep->catalog) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (!(r.http = dcatit_http_new(&ho, d)) || !(api = dcatit_ckan_new(&co, d))) {
		st = d->status ? d->status : DCATIT_ERR_NOMEM;
		goto out;
	}
	rep->n = n;
	for (size_t i = 0; i < n; i++) {
		DcatitVerifyDataset *ds = &rep->datasets[i];
		dcatit_results_init(&ds->violations);
		DcatitTermId id = dcatit_model_object(local, ids[i], r.v.dct_identifier);
		ds->identifier = dcatit_strdup(id ? dcatit_terms_str(r.t, id) : "");
		ds->iri = dcatit_strdup(dcatit_terms_str(r.t, ids[i]));
		if (!ds->identifier || !ds->iri) {
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
		if (!id) {
			ds->problem = dcatit_strdup(_("the dataset has no dct:identifier"));
			continue;
		}
		/* the package with that identifier (anonymous: what is public) */
		DcatitBuf fq;
		dcatit_buf_init(&fq);
		dcatit_buf_adds(&fq, "identifier:\"");
		for (const char *p = ds->identifier; *p; p++) {
			if (*p == '"' || *p == '\\')
				dcatit_buf_addc(&fq, '\\');
			dcatit_buf_addc(&fq, *p);
		}
		dcatit_buf_addc(&fq, '"');
		DcatitJson *p = dcatit_json_object();
		Req *q = malloc(sizeof *q);
		bool ok = !fq.oom && p && q && dcatit_json_set_str(p, "fq", fq.data) &&
		          dcatit_json_set_str(p, "rows", "10");
		dcatit_buf_release(&fq);
		if (ok) {
			*q = (Req){ &r, i };
			DcatitDiag cd;
			dcatit_diag_init(&cd);
			if (dcatit_ckan_call(api, "package_search", p, false, on_package, q, &cd) != DCATIT_OK) {
				set_problem(&r, i, _("cannot search the portal: %s%s"), cd.message, NULL);
				free(q);
			}
		} else {
			free(q);
			dcatit_json_free(p);
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			goto out;
		}
		dcatit_json_free(p);
	}
	if ((st = dcatit_ckan_run(api, d)) != DCATIT_OK)
		goto out;
	if ((st = dcatit_http_run(r.http, d)) != DCATIT_OK)
		goto out;
	/* then the catalogue endpoint, page after page */
	DcatitBuf first;
	dcatit_buf_init(&first);
	dcatit_buf_addf(&first, "%s/catalog.%s", r.base, r.ext);
	if (first.oom) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	submit_page(&r, first.data);
	dcatit_buf_release(&first);
	if ((st = dcatit_http_run(r.http, d)) != DCATIT_OK)
		goto out;
	if (r.fatal == DCATIT_OK)
		check_catalog(&r);
	if (r.fatal != DCATIT_OK) {
		st = dcatit_diag_set(d, r.fatal, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		dcatit_verify_settle(rep, &rep->datasets[i]);
out:
	dcatit_ckan_free(api);
	dcatit_http_free(r.http);
	for (size_t i = 0; i < r.nseen; i++)
		free(r.seen_pages[i]);
	free(r.seen_pages);
	free(r.base);
	free(ids);
	return st;
}
