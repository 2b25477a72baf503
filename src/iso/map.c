/* map.c: one ISO 19139 record to DCAT-AP_IT + GeoDCAT-AP: the identity of
 * the resource (IRI, identifiers, catalogue record), its citation (title,
 * abstract, dates), languages, frequency and lineage, and the calls to the
 * concerns of the other files; plus the text and triple helpers they
 * share. */
#include "iso/internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/str.h"
#include "iso/codes.h"

bool iso_vocab_init(IsoVocab *v, DcatitTerms *t)
{
#define ISO_VOCAB_INTERN(f, iri) if (!(v->f = dcatit_terms_iri_z(t, iri))) return false;
	ISO_VOCAB(ISO_VOCAB_INTERN)
#undef ISO_VOCAB_INTERN
	return true;
}

/* ------------------------------------------------------------ text */

/* XML white space and the C locale's (\v \f): what isspace() says there,
 * without a call per byte (iso_ws runs over every text of a record). */
static inline bool ws(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Normalise whitespace of s in place: trim the ends, collapse inner runs
 * to one space, or remove every space. */
char *iso_ws(char *s, IsoWs mode)
{
	char *w = s;
	bool space = false;
	for (const char *r = s; *r; r++) {
		if (ws(*r)) {
			if (mode == ISO_WS_TRIM)
				*w++ = *r;
			else
				space = mode == ISO_WS_COLLAPSE;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	if (mode == ISO_WS_TRIM) {
		while (w > s && ws(w[-1]))
			*--w = '\0';
		size_t lead = 0;
		while (ws(s[lead]))
			lead++;
		if (lead)
			memmove(s, s + lead, (size_t)(w - s) - lead + 1);
	}
	return s;
}

char *iso_pool_keep(IsoPool *p, char *s)
{
	if (!s) {
		p->oom = true;
		return NULL;
	}
	char **nv = dcatit_grow(p->v, &p->cap, p->n + 1, sizeof *nv, 64);
	if (!nv) {
		free(s);
		p->oom = true;
		return NULL;
	}
	p->v = nv;
	p->v[p->n++] = s;
	return s;
}

struct IsoChunk {
	IsoChunk *next;
	size_t used, cap;
	char data[];
};

/* 16 KiB: a full RNDT record's texts fit in one or two */
#define CHUNK 16384

char *iso_pool_alloc(IsoPool *p, size_t n)
{
	IsoChunk *c = p->chunks;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > CHUNK ? n : CHUNK;
		IsoChunk *nc = malloc(sizeof *nc + cap);
		if (!nc) {
			p->oom = true;
			return NULL;
		}
		nc->used = 0;
		nc->cap = cap;
		nc->next = c;
		p->chunks = c = nc;
	}
	char *s = c->data + c->used;
	c->used += n;
	return s;
}

void iso_pool_reset(IsoPool *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	p->n = 0;
	IsoChunk *c = p->chunks;
	while (c && c->next) {
		IsoChunk *next = c->next;
		free(c);
		c = next;
	}
	if (c)
		c->used = 0;
	p->chunks = c;
	p->oom = false;
}

void iso_pool_free(IsoPool *p)
{
	iso_pool_reset(p);
	free(p->chunks);
	free(p->v);
	memset(p, 0, sizeof *p);
}

char *iso_text(IsoMap *x, const IsoNode *n, IsoWs mode)
{
	size_t len = iso_xml_text_len(n);
	if (!len)
		return NULL;
	char *s = iso_pool_alloc(&x->pool, len + 1);
	if (!s)
		return NULL;
	iso_xml_text_copy(n, s);
	s[len] = '\0';
	iso_ws(s, mode);
	return *s ? s : NULL;
}

char *iso_prop(IsoMap *x, const IsoNode *n, IsoWs mode)
{
	if (!n)
		return NULL;
	const IsoNode *c = iso_xml_first(n);
	if (c && iso_xml_is(c, "PT_FreeText"))
		c = NULL;
	char *s = iso_text(x, c ? c : n, mode);
	if (!s && c)
		s = iso_text(x, n, mode);
	return s;
}

char *iso_attr(IsoMap *x, const IsoNode *n, const char *name, const char *ns,
               IsoWs mode)
{
	bool complex;
	const char *v = iso_xml_attr_ref(n, name, ns, &complex);
	char *s;
	if (v) {
		size_t len = strlen(v);
		s = iso_pool_alloc(&x->pool, len + 1);
		if (!s)
			return NULL;
		memcpy(s, v, len + 1);
	} else if (complex) {
		s = iso_pool_keep(&x->pool, iso_xml_attr(n, name, ns, &x->pool.oom));
		if (!s)
			return NULL;
	} else {
		return NULL;
	}
	iso_ws(s, mode);
	return *s ? s : NULL;
}

char *iso_code(IsoMap *x, const IsoNode *propn)
{
	const IsoNode *c = iso_xml_first(propn);
	if (!c)
		return NULL;
	char *s = iso_attr(x, c, "codeListValue", NULL, ISO_WS_REMOVE);
	return s ? s : iso_text(x, c, ISO_WS_REMOVE);
}

char *iso_href(IsoMap *x, const IsoNode *propn)
{
	char *s = iso_attr(x, iso_xml_first(propn), "href", ISO_NS_XLINK, ISO_WS_REMOVE);
	return s ? s : iso_attr(x, propn, "href", ISO_NS_XLINK, ISO_WS_REMOVE);
}

static bool same(const char *a, const char *b)
{
	return a ? b && strcmp(a, b) == 0 : !b;
}

bool iso_once(IsoMap *x, const char *key, const char *a, const char *b)
{
	for (size_t i = 0; i < x->nseen; i++)
		if (strcmp(x->seen[i].role, key) == 0 && same(x->seen[i].name, a) &&
		    same(x->seen[i].email, b))
			return false;
	if (x->nseen < sizeof x->seen / sizeof *x->seen)
		x->seen[x->nseen++] = (IsoSeen){ key, a, b, 0 };
	return true;
}

bool iso_ieq(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

/* Is s an absolute IRI we can write as such (scheme, no spaces)? */
bool iso_iri_ok(const char *s)
{
	if (!s || !isalpha((unsigned char)*s))
		return false;
	const char *c = s;
	while (isalnum((unsigned char)*c) || *c == '+' || *c == '-' || *c == '.')
		c++;
	if (*c != ':' || c[1] == '\0')
		return false;
	for (c = s; *c; c++)
		if ((unsigned char)*c <= ' ' || strchr("<>\"{}|\\^`", *c))
			return false;
	return true;
}

bool iso_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* ':' is encoded too: "r_toscan:uuid" left as is would read as an IRI
 * scheme once a writer makes the IRI relative to its base. */
void iso_pct(DcatitBuf *b, const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (isalnum(*c) || strchr("-._~@!$&'()*+,;=", *c) || *c >= 0x80)
			dcatit_buf_addc(b, (char)*c);
		else
			dcatit_buf_addf(b, "%%%02X", *c);
	}
}

bool iso_http(const char *s)
{
	return s && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0) &&
	       iso_iri_ok(s);
}

const char *iso_locale_tag(IsoMap *x, const char *ref)
{
	if (!ref)
		return NULL;
	if (*ref == '#')
		ref++;
	for (size_t i = 0; i < x->nlocales; i++)
		if (strcmp(x->locales[i].id, ref) == 0)
			return x->locales[i].tag;
	/* no PT_Locale with that id: ids are usually the language ("EN",
	 * "ita", "locale-fre") */
	static const char *const prefixes[] = { "locale-", "locale_", "loc-", "lang-" };
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if (strncasecmp(ref, prefixes[i], strlen(prefixes[i])) == 0)
			ref += strlen(prefixes[i]);
	const IsoLang *l = iso_find_lang(ref);
	return l ? l->tag : NULL;
}

bool iso_add_text(IsoMap *x, DcatitTermId s, DcatitTermId p, const IsoNode *propn,
                  IsoWs mode)
{
	bool any = false;
	const char *main = iso_prop(x, propn, mode);
	if (main) {
		iso_add(x, s, p, iso_lit(x, main, x->tag), propn);
		any = true;
	}
	ISO_FOR_KIDS(tg, iso_xml_kid(propn, "PT_FreeText"), "textGroup")
		ISO_FOR_KIDS(ls, tg, "LocalisedCharacterString") {
			const char *t = iso_text(x, ls, mode);
			const char *tag = iso_locale_tag(x, iso_attr(x, ls, "locale", NULL,
			                                             ISO_WS_REMOVE));
			/* one text per language: the main one wins */
			if (!t || !tag || (x->tag && strcmp(tag, x->tag) == 0))
				continue;
			iso_add(x, s, p, iso_lit(x, t, tag), ls);
			any = true;
		}
	return any;
}

/* ------------------------------------------------------------ triples */

void iso_add(IsoMap *x, DcatitTermId s, DcatitTermId p, DcatitTermId o,
                const IsoNode *at)
{
	if (!s || !p || !o) {
		x->oom = true;
		return;
	}
	DcatitLoc loc = { x->src, iso_xml_line(at) };
	if (dcatit_model_add(x->m, s, p, o, loc) != DCATIT_OK)
		x->oom = true;
}

DcatitTermId iso_iri(IsoMap *x, const char *s)
{
	return dcatit_terms_iri_z(x->t, s);
}

DcatitTermId iso_iri2(IsoMap *x, const char *base, const char *s)
{
	return dcatit_terms_iri_cat(x->t, base, s);
}

DcatitTermId iso_lit(IsoMap *x, const char *s, const char *tag)
{
	return dcatit_terms_literal_z(x->t, s, 0, tag);
}

DcatitTermId iso_bnode(IsoMap *x)
{
	return dcatit_terms_bnode_fresh(x->t);
}

void iso_type_iri(IsoMap *x, DcatitTermId s, DcatitTermId t, const IsoNode *at)
{
	iso_add(x, s, x->v.rdf_type, t, at);
}

void iso_type2(IsoMap *x, DcatitTermId s, DcatitTermId a, DcatitTermId b,
                  const IsoNode *at)
{
	iso_add(x, s, x->v.rdf_type, a, at);
	if (b)
		iso_add(x, s, x->v.rdf_type, b, at);
}

/* An xsd:date or xsd:dateTime literal from an ISO date (basic YYYYMMDD
 * is rewritten to YYYY-MM-DD); 0 when the text is no full date. */
DcatitTermId iso_date_lit(IsoMap *x, const char *s)
{
	if (!s)
		return 0;
	char buf[11];
	size_t n = strlen(s);
	if (n == 8 && iso_digits(s, 8)) {
		memcpy(buf, s, 4);
		buf[4] = '-';
		memcpy(buf + 5, s + 4, 2);
		buf[7] = '-';
		memcpy(buf + 8, s + 6, 2);
		buf[10] = '\0';
		s = buf;
		n = 10;
	}
	if (n < 10 || !iso_digits(s, 4) || s[4] != '-' || !iso_digits(s + 5, 2) ||
	    s[7] != '-' || !iso_digits(s + 8, 2))
		return 0;
	int mo = (s[5] - '0') * 10 + (s[6] - '0');
	int dd = (s[8] - '0') * 10 + (s[9] - '0');
	if (mo < 1 || mo > 12 || dd < 1 || dd > 31)
		return 0;
	if (n == 10)
		return dcatit_terms_literal(x->t, s, 10, x->v.xsd_date, NULL);
	/* hh:mm:ss with optional fraction and zone */
	const char *t = s + 10;
	if (*t != 'T' || strlen(t) < 9 || !iso_digits(t + 1, 2) || t[3] != ':' ||
	    !iso_digits(t + 4, 2) || t[6] != ':' || !iso_digits(t + 7, 2))
		return 0;
	const char *z = t + 9;
	if (*z == '.') {
		z++;
		if (!isdigit((unsigned char)*z))
			return 0;
		while (isdigit((unsigned char)*z))
			z++;
	}
	if (!(*z == '\0' || strcmp(z, "Z") == 0 ||
	      ((*z == '+' || *z == '-') && strlen(z) == 6 && iso_digits(z + 1, 2) &&
	       z[3] == ':' && iso_digits(z + 4, 2))))
		return 0;
	/* a date given as midnight is a date */
	if (strncmp(t, "T00:00:00", 9) == 0 && *z == '\0')
		return dcatit_terms_literal(x->t, s, 10, x->v.xsd_date, NULL);
	return dcatit_terms_literal_z(x->t, s, x->v.xsd_dateTime, NULL);
}

/* The IPA prefix of an RNDT fileIdentifier ("r_toscan:uuid"), written to
 * out in lower case; false when the identifier carries none. */
static bool ipa_prefix(const char *id, char *out, size_t cap)
{
	if (!id)
		return false;
	size_t k = strcspn(id, ":");
	if (!id[k] || k < 2 || k >= cap || !id[k + 1])
		return false;
	for (size_t i = 0; i < k; i++)
		if (!(isalnum((unsigned char)id[i]) || id[i] == '_'))
			return false;
	if (!isalpha((unsigned char)id[0]))
		return false;
	static const char *const schemes[] = { "urn", "http", "https", "uuid", "ftp" };
	for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++)
		if (k == strlen(schemes[i]) && strncasecmp(id, schemes[i], k) == 0)
			return false;
	/* IPA codes are lower case; RNDT writes some upper case (R_SARDEG) */
	for (size_t i = 0; i < k; i++)
		out[i] = (char)tolower((unsigned char)id[i]);
	out[k] = '\0';
	return true;
}

/* Citation dates: the earliest publication -> dct:issued, the earliest
 * creation -> dct:created, the latest revision -> dct:modified. A creation
 * date is not a publication date: a dataset made in 2008 and published in
 * 2012 was issued in 2012. */
static void dates(IsoMap *x, const IsoNode *cit)
{
	DcatitTermId issued = 0, created = 0, modified = 0;
	const IsoNode *ai = NULL, *ac = NULL, *am = NULL;
	ISO_FOR_KIDS(dn, cit, "date") {
		const IsoNode *cd = iso_xml_kid(dn, "CI_Date");
		const char *type = iso_code(x, iso_xml_kid(cd, "dateType"));
		DcatitTermId d = iso_date_lit(x, iso_prop(x, iso_xml_kid(cd, "date"),
		                                          ISO_WS_REMOVE));
		if (!d || !type)
			continue;
		const char *ds = dcatit_terms_str(x->t, d);
		/* earliest publication/creation, latest revision */
		if (strcmp(type, "publication") == 0 &&
		    (!issued || strcmp(ds, dcatit_terms_str(x->t, issued)) < 0)) {
			issued = d;
			ai = cd;
		} else if (strcmp(type, "creation") == 0 &&
		           (!created || strcmp(ds, dcatit_terms_str(x->t, created)) < 0)) {
			created = d;
			ac = cd;
		} else if (strcmp(type, "revision") == 0 &&
		           (!modified || strcmp(ds, dcatit_terms_str(x->t, modified)) > 0)) {
			modified = d;
			am = cd;
		}
	}
	if (issued)
		iso_add(x, x->res, x->v.dct_issued, issued, ai);
	if (created)
		iso_add(x, x->res, x->v.dct_created, created, ac);
	if (modified)
		iso_add(x, x->res, x->v.dct_modified, modified, am);
}


/* A resource identifier of the citation: codeSpace + code when the
 * codeSpace is a namespace ("org-id/", "urn:x:"), else the code (an
 * anchor's IRI when it has no text); NULL when there is none. */
static const char *resource_id(IsoMap *x, const IsoNode *idn)
{
	const IsoNode *mi = iso_xml_first(idn);
	const IsoNode *cn = iso_xml_kid(mi, "code");
	const char *c = iso_prop(x, cn, ISO_WS_COLLAPSE);
	if (!c)
		c = iso_href(x, cn);
	const char *space = iso_prop(x, iso_xml_kid(mi, "codeSpace"), ISO_WS_COLLAPSE);
	if (!c || !space)
		return c;
	size_t n = strlen(space);
	if (!strchr("/#:", space[n - 1]))
		return c;
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, space);
	dcatit_buf_adds(&b, c);
	return b.oom ? NULL : iso_pool_keep(&x->pool, dcatit_buf_detach(&b));
}

/* Does id start with "<ipa>:"? */
static bool has_prefix(const char *id, const char *ipa)
{
	size_t n = strlen(ipa);
	return strncasecmp(id, ipa, n) == 0 && id[n] == ':' && id[n + 1];
}

/* dct:identifier and adms:identifier. DCAT-AP_IT wants one identifier,
 * "<IPA code of the rights holder>:<local id>": a resource identifier of
 * the citation written so (RNDT's rule for the identifier of the data),
 * else the fileIdentifier with that prefix. Without an IPA code the
 * resource identifier is the identifier, as in GeoDCAT-AP, else the
 * fileIdentifier. The other resource identifiers are adms:identifier. */
static void identifiers(IsoMap *x, const IsoNode *md, const IsoNode *cit,
                        const char *fid, bool prefixed)
{
	const char *ids[16];
	const IsoNode *at[16];
	size_t n = 0;
	ISO_FOR_KIDS(idn, cit, "identifier") {
		const char *id = resource_id(x, idn);
		if (id && n < sizeof ids / sizeof *ids) {
			at[n] = idn;
			ids[n++] = id;
		}
	}
	const char *main = NULL;
	const IsoNode *main_at = iso_xml_kid(md, "fileIdentifier");
	bool uri = false;
	for (size_t i = 0; x->ipa && !main && i < n; i++)
		if (has_prefix(ids[i], x->ipa)) {
			main = ids[i];
			main_at = at[i];
		}
	if (!main && x->ipa && fid) {
		if (prefixed) {
			main = fid;
		} else {
			DcatitBuf b;
			dcatit_buf_init(&b);
			dcatit_buf_addf(&b, "%s:%s", x->ipa, fid);
			main = b.oom ? NULL : iso_pool_keep(&x->pool, dcatit_buf_detach(&b));
		}
	}
	if (!main && !x->ipa && n) {
		main = ids[0];
		main_at = at[0];
		uri = iso_iri_ok(main) &&
		      (strstr(main, "://") || strncasecmp(main, "urn:", 4) == 0);
	}
	if (!main && !x->ipa)
		main = fid;
	if (main)
		iso_add(x, x->res, x->v.dct_identifier,
		        dcatit_terms_literal_z(x->t, main, uri ? x->v.xsd_anyURI : 0, NULL),
		        main_at);
	for (size_t i = 0; i < n; i++) {
		if ((main && strcmp(ids[i], main) == 0) || (fid && strcmp(ids[i], fid) == 0))
			continue;
		DcatitTermId b = iso_bnode(x);
		iso_add(x, x->res, x->v.adms_identifier, b, at[i]);
		iso_add(x, b, x->v.rdf_type, x->v.adms_Identifier, at[i]);
		iso_add(x, b, x->v.skos_notation, iso_lit(x, ids[i], NULL), at[i]);
		const IsoNode *mi = iso_xml_first(at[i]);
		const char *space = iso_prop(x, iso_xml_kid(mi, "codeSpace"), ISO_WS_COLLAPSE);
		if (space && !strchr("/#:", space[strlen(space) - 1]))
			iso_add(x, b, x->v.adms_schemaAgency, iso_lit(x, space, NULL), at[i]);
	}
}

/* The PT_Locales of the record (the languages of its translations). */
static void locales(IsoMap *x, const IsoNode *md)
{
	x->nlocales = 0;
	ISO_FOR_KIDS(lo, md, "locale") {
		const IsoNode *pl = iso_xml_kid(lo, "PT_Locale");
		const char *id = iso_attr(x, pl, "id", NULL, ISO_WS_REMOVE);
		const IsoNode *lc = iso_xml_kid(pl, "languageCode");
		const IsoLang *l = iso_find_lang(iso_code(x, lc));
		if (!l)
			l = iso_find_lang(iso_prop(x, lc, ISO_WS_REMOVE));
		if (id && l && x->nlocales < sizeof x->locales / sizeof *x->locales)
			x->locales[x->nlocales++] = (IsoLocale){ id, l->tag };
	}
}

/* dct:language <EU language> on s, the language typed. */
static void language(IsoMap *x, DcatitTermId s, const IsoLang *l, const IsoNode *at)
{
	DcatitTermId li = iso_iri2(x, DCATIT_NS_EU_AUTH "language/", l->eu);
	iso_add(x, s, x->v.dct_language, li, at);
	iso_type_iri(x, li, x->v.dct_LinguisticSystem, at);
}

/* The catalogue record (GeoDCAT-AP: metadata about the metadata): the
 * fileIdentifier, the metadata date, language and standard, and as its
 * dct:source the ISO record itself (its date, character set, standard). */
static void record(IsoMap *x, const IsoNode *md, const char *fid, const IsoLang *ml)
{
	DcatitTermId rec = 0;
	if (x->res_iri) {
		DcatitBuf rb;
		dcatit_buf_init(&rb);
		dcatit_buf_adds(&rb, x->res_iri);
		dcatit_buf_adds(&rb, "#record");
		rec = rb.oom ? 0 : dcatit_terms_iri(x->t, rb.data, rb.len);
		dcatit_buf_release(&rb);
	} else {
		rec = iso_bnode(x);
	}
	x->record = rec;
	const IsoNode *sn = iso_xml_kid(md, "dateStamp");
	iso_add(x, rec, x->v.rdf_type, x->v.dcat_CatalogRecord, md);
	iso_add(x, rec, x->v.foaf_primaryTopic, x->res, md);
	iso_add(x, x->res, x->v.foaf_isPrimaryTopicOf, rec, md);
	if (fid)
		iso_add(x, rec, x->v.dct_identifier, iso_lit(x, fid, NULL),
		        iso_xml_kid(md, "fileIdentifier"));
	const char *stamp = iso_prop(x, sn, ISO_WS_REMOVE);
	DcatitTermId sd = iso_date_lit(x, stamp);
	if (sd)
		iso_add(x, rec, x->v.dct_modified, sd, sn);
	if (ml)
		language(x, rec, ml, md);
	/* the record is GeoDCAT-AP metadata */
	iso_add(x, rec, x->v.dct_conformsTo, x->v.geodcat, md);
	iso_add(x, x->v.geodcat, x->v.rdf_type, x->v.dct_Standard, md);

	DcatitTermId src = iso_bnode(x);
	iso_add(x, rec, x->v.dct_source, src, md);
	iso_add(x, src, x->v.rdf_type, x->v.dcat_CatalogRecord, md);
	iso_add(x, src, x->v.foaf_primaryTopic, x->res, md);
	if (sd && stamp && strlen(stamp) > 10)
		sd = iso_date_lit(x, iso_pool_keep(&x->pool, dcatit_strndup(stamp, 10)));
	if (sd)
		iso_add(x, src, x->v.dct_modified, sd, sn);
	const char *cs = iso_charset(iso_code(x, iso_xml_kid(md, "characterSet")));
	if (cs)
		iso_add(x, src, x->v.cnt_characterEncoding, iso_lit(x, cs, NULL),
		        iso_xml_kid(md, "characterSet"));
	const IsoNode *sname = iso_xml_kid(md, "metadataStandardName");
	if (iso_prop(x, sname, ISO_WS_COLLAPSE)) {
		DcatitTermId std = iso_bnode(x);
		iso_add(x, src, x->v.dct_conformsTo, std, sname);
		iso_add(x, std, x->v.rdf_type, x->v.dct_Standard, sname);
		iso_add_text(x, std, x->v.dct_title, sname, ISO_WS_COLLAPSE);
		iso_add_text(x, std, x->v.owl_versionInfo,
		             iso_xml_kid(md, "metadataStandardVersion"), ISO_WS_COLLAPSE);
	}
}

/* ------------------------------------------------------------ one record */

DcatitStatus iso_map_record(IsoMap *x, const IsoNode *md, const char *docname,
                            const char **id, char *idbuf, size_t idcap,
                            DcatitDiag *d)
{
	const char *fid = iso_prop(x, iso_xml_kid(md, "fileIdentifier"), ISO_WS_REMOVE);
	const char *level = iso_code(x, iso_xml_kid(md, "hierarchyLevel"));
	const IsoNode *ident = iso_xml_first(iso_xml_kid(md, "identificationInfo"));
	x->service = (level && strcmp(level, "service") == 0) ||
	             iso_xml_is(ident, "SV_ServiceIdentification");
	bool series = !x->service && level && strcmp(level, "series") == 0;
	x->nseen = 0;
	x->ndist = x->nsvc = 0;
	x->lic = x->rights = x->record = 0;
	x->lic_code = x->lic_href = NULL;
	x->nlic_text = 0;
	x->filetype = x->media = x->charset = NULL;
	x->nreptech = 0;
	x->west = x->east = -1000;
	x->has_theme = x->hvd = false;
	x->landing = NULL;
	x->landing_at = NULL;
	x->tag = NULL;
	x->ipa = NULL;

	const IsoLang *ml = iso_find_lang(iso_code(x, iso_xml_kid(md, "language")));
	if (!ml)
		ml = iso_find_lang(iso_prop(x, iso_xml_kid(md, "language"), ISO_WS_REMOVE));
	x->tag = ml ? ml->tag : NULL;
	locales(x, md);

	char pre[64];
	bool prefixed = ipa_prefix(fid, pre, sizeof pre);
	x->ipa = prefixed ? iso_pool_keep(&x->pool, dcatit_strdup(pre))
	                  : x->o->default_rights_holder;

	const char *base = x->o->base_iri ? x->o->base_iri : ISO_DEFAULT_BASE;
	DcatitBuf b;
	dcatit_buf_init(&b);
	if (x->o->resource_iri || fid) {
		if (x->o->resource_iri) {
			dcatit_buf_adds(&b, x->o->resource_iri);
		} else {
			dcatit_buf_adds(&b, base);
			iso_pct(&b, fid);
		}
		x->res_iri = b.oom ? NULL : iso_pool_keep(&x->pool, dcatit_buf_detach(&b));
		if (!x->res_iri)
			return dcatit_diag_set(d, DCATIT_ERR_NOMEM, docname, 0, 0, "%s",
			                       dcatit_strerror(DCATIT_ERR_NOMEM));
		x->res = iso_iri(x, x->res_iri);
	} else {
		/* no fileIdentifier: no IRI can be minted; the record id is a
		 * hash of title and abstract so it does not depend on the page
		 * the record came in (FNV-1a 64) */
		const IsoNode *c0 = iso_xml_path(ident, "citation/CI_Citation/title");
		const char *t0 = iso_prop(x, c0, ISO_WS_COLLAPSE);
		const char *a0 = iso_prop(x, iso_xml_kid(ident, "abstract"), ISO_WS_TRIM);
		unsigned long long hsh = DCATIT_HASH_SEED;
		const char *parts[3] = { t0 ? t0 : "", "\n", a0 ? a0 : "" };
		for (int i = 0; i < 3; i++)
			hsh = dcatit_hash_more(hsh, parts[i], strlen(parts[i]));
		snprintf(idbuf, idcap, "nofileid-%016llx", hsh);
		x->res = iso_bnode(x);
		x->res_iri = NULL;
	}
	dcatit_buf_release(&b);

	/* a series is a dataset to DCAT-AP_IT 1.0, which has no series class */
	if (x->service) {
		iso_add(x, x->res, x->v.rdf_type, x->v.dcat_DataService, md);
	} else {
		iso_type2(x, x->res, x->v.dcat_Dataset, x->v.dcatapit_Dataset, md);
		if (series)
			iso_add(x, x->res, x->v.rdf_type, x->v.dcat_DatasetSeries, md);
	}
	const char *rtype = x->service ? "service" : series ? "series" : "dataset";
	iso_add(x, x->res, x->v.geodcat_resourceType,
	        iso_iri2(x, ISO_NS_INSPIRE_CL "ResourceType/", rtype), md);

	const IsoNode *cit = iso_xml_path(ident, "citation/CI_Citation");
	identifiers(x, md, cit, fid, prefixed);
	record(x, md, fid, ml);

	iso_add_text(x, x->res, x->v.dct_title, iso_xml_kid(cit, "title"), ISO_WS_COLLAPSE);
	iso_add_text(x, x->res, x->v.dct_description, iso_xml_kid(ident, "abstract"),
	             ISO_WS_TRIM);
	iso_add_text(x, x->res, x->v.geodcat_purpose, iso_xml_kid(ident, "purpose"),
	             ISO_WS_TRIM);
	dates(x, cit);
	iso_map_resolution(x, ident);

	ISO_FOR_KIDS(ln, ident, "language") {
		const IsoLang *l = iso_find_lang(iso_code(x, ln));
		if (!l)
			l = iso_find_lang(iso_prop(x, ln, ISO_WS_REMOVE));
		if (l)
			language(x, x->res, l, ln);
	}
	x->charset = iso_charset(iso_code(x, iso_xml_kid(ident, "characterSet")));

	iso_map_parties(x, ident);
	iso_map_md_contact(x, md);
	iso_map_distributors(x, md);
	if (!iso_has_role(x, "rightsHolder") && x->ipa)
		iso_map_agent(x, x->v.dct_rightsHolder, "rightsHolder", NULL, x->ipa, md);
	if (!iso_has_role(x, "publisher") && x->o->default_publisher)
		iso_map_agent(x, x->v.dct_publisher, "publisher", NULL,
		              x->o->default_publisher, md);

	const IsoNode *mf = iso_xml_path(ident, "resourceMaintenance/MD_MaintenanceInformation/"
	                                        "maintenanceAndUpdateFrequency");
	const char *freq = iso_find_freq(iso_code(x, mf));
	if (freq) {
		DcatitTermId fi = iso_iri2(x, DCATIT_NS_EU_AUTH "frequency/", freq);
		iso_add(x, x->res, x->v.dct_accrualPeriodicity, fi, mf);
		iso_type_iri(x, fi, x->v.dct_Frequency, mf);
	}

	iso_map_keywords(x, ident);
	iso_map_topics(x, ident);
	iso_map_extents(x, ident);
	iso_map_refsys(x, md);
	iso_map_constraints(x, ident);
	if (x->service)
		iso_map_service(x, ident);
	iso_map_distributions(x, md);
	iso_map_quality(x, md);

	if (x->oom || x->pool.oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, docname, 0, 0, "%s",
		                       dcatit_strerror(DCATIT_ERR_NOMEM));
	*id = fid ? fid : idbuf;
	return DCATIT_OK;
}
