/* vocabs.c: loading the MQA lists (vocabs.h). The RDF lists are parsed into
 * a scratch graph on the data's term store, read into id sets and dropped;
 * the IANA lists are the registry's CSV files (column "Template"). */
#include "quality/vocabs.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"
#include "rdf/vocab.h"
#include "shacl/idmap.h"

#define NS_FILE_TYPE "http://publications.europa.eu/resource/authority/file-type/"
#define NS_ACCESS_RIGHT "http://publications.europa.eu/resource/authority/access-right/"
#define NS_EU_LICENCE "http://publications.europa.eu/resource/authority/licence/"
#define NS_IANA_HTTPS "https://www.iana.org/assignments/media-types/"
#define NS_IANA_HTTP "http://www.iana.org/assignments/media-types/"
#define NS_EDP "https://europeandataportal.eu/voc#"
#define NS_AT "http://publications.europa.eu/ontology/authority/"
#define DC_SOURCE "http://purl.org/dc/elements/1.1/source"

/* Flags of a file type or media type in `formats`. */
enum { F_FILE_TYPE = 1, F_MACHINE = 2, F_NON_PROP = 4, F_MEDIA_TYPE = 8 };

static const char *const media_type_files[] = {
	"application", "audio", "font", "image", "message", "model", "multipart",
	"text", "video",
};

typedef struct {
	char *key;           /* normalised IRI (see norm_iri) */
	DcatitTermId iri;    /* the listed licence it stands for */
} Alias;

struct DcatitQualityVocabImpl {
	DcatitTerms *t;
	DcatitIdMap formats;      /* file types and media types -> F_* flags */
	DcatitIdMap licences;     /* known licence IRIs (listed and exactMatch) */
	DcatitIdMap access_rights;
	DcatitIdMap it_licences;  /* Italian licence IRI -> index in it_docs */
	DcatitStrs it_docs;       /* their dcatapit:referenceDoc */
	Alias *aliases;           /* sorted by key */
	size_t naliases, cap_aliases;
};

static DcatitStatus oom(DcatitDiag *d)
{
	return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

static bool set_flags(DcatitIdMap *m, DcatitTermId id, uint32_t flags)
{
	uint32_t *v = dcatit_idmap_ref(m, id);
	if (!v)
		return false;
	*v |= flags;
	return true;
}

/* "http://www.Example.org/a/" -> "example.org/a": the forms of one IRI
 * that people write interchangeably. Caller frees. */
static char *norm_iri(const char *s)
{
	if (strncasecmp(s, "https://", 8) == 0)
		s += 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		s += 7;
	if (strncasecmp(s, "www.", 4) == 0)
		s += 4;
	size_t n = strlen(s);
	while (n && s[n - 1] == '/')
		n--;
	char *out = dcatit_strndup(s, n);
	if (!out)
		return NULL;
	/* only the host is case-insensitive; lower-casing the rest as well
	 * costs nothing here: licence paths are all lower case */
	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

static int cmp_alias(const void *a, const void *b)
{
	return strcmp(((const Alias *)a)->key, ((const Alias *)b)->key);
}

static bool add_alias(DcatitQualityVocab *v, const char *iri, DcatitTermId listed)
{
	char *key = norm_iri(iri);
	if (!key)
		return false;
	Alias *p = dcatit_grow(v->aliases, &v->cap_aliases, v->naliases + 1, sizeof *p, 256);
	if (!p) {
		free(key);
		return false;
	}
	v->aliases = p;
	p[v->naliases].key = key;
	p[v->naliases].iri = listed;
	v->naliases++;
	return true;
}

/* The listed licence an IRI stands for; EU authority IRIs win over the
 * data.europa.eu extra list when both claim the same alias. */
static DcatitTermId alias_find(const DcatitQualityVocab *v, const char *iri)
{
	char *key = norm_iri(iri);
	if (!key || !v->naliases) {
		free(key);
		return 0;
	}
	Alias probe = { key, 0 };
	Alias *hit = bsearch(&probe, v->aliases, v->naliases, sizeof *hit, cmp_alias);
	DcatitTermId best = 0;
	if (hit) {
		while (hit > v->aliases && strcmp(hit[-1].key, key) == 0)
			hit--;
		for (; hit < v->aliases + v->naliases && strcmp(hit->key, key) == 0; hit++) {
			const char *s = dcatit_terms_str(v->t, hit->iri);
			if (!best || strncmp(s, NS_EU_LICENCE, strlen(NS_EU_LICENCE)) == 0)
				best = hit->iri;
		}
	}
	free(key);
	return best;
}

static DcatitStatus parse(DcatitModel *m, const char *dir, const char *file,
                          DcatitDiag *d)
{
	DcatitBuf path;
	dcatit_buf_init(&path);
	dcatit_buf_addf(&path, "%s/%s", dir, file);
	if (path.oom)
		return oom(d);
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	DcatitStatus st = dcatit_rdfio_parse_file(m, path.data, &po, d);
	if (st != DCATIT_OK && !d->file[0])
		snprintf(d->file, sizeof d->file, "%s", path.data);
	dcatit_buf_release(&path);
	return st;
}

static bool has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* Every subject of m whose IRI starts with ns and that has predicate p
 * (0: any) with object o (0: any) gets flags in set. */
static bool collect(DcatitModel *m, DcatitIdMap *set, const char *ns,
                    DcatitTermId p, DcatitTermId o, uint32_t flags)
{
	DcatitTerms *t = dcatit_model_terms(m);
	size_t n = dcatit_model_size(m);
	for (size_t i = 0; i < n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(m, i);
		if ((p && tr->p != p) || (o && tr->o != o))
			continue;
		if (!dcatit_terms_is_iri(t, tr->s) || (ns && !has_prefix(dcatit_terms_str(t, tr->s), ns)))
			continue;
		if (!set_flags(set, tr->s, flags))
			return false;
	}
	return true;
}

/* Give flags to both IRIs of the IANA media type "type/subtype" (len
 * bytes): the https form DCAT-AP 3 writes and the http form of 2.x. */
static bool flag_media_type(DcatitQualityVocab *v, const char *type, size_t len, uint32_t flags)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	bool ok = true;
	for (int scheme = 0; scheme < 2 && ok; scheme++) {
		dcatit_buf_clear(&b);
		dcatit_buf_adds(&b, scheme ? NS_IANA_HTTP : NS_IANA_HTTPS);
		dcatit_buf_add(&b, type, len);
		DcatitTermId id = b.oom ? 0 : dcatit_terms_iri(v->t, b.data, b.len);
		ok = id && set_flags(&v->formats, id, flags);
	}
	dcatit_buf_release(&b);
	return ok;
}

/* The media types the file-type table maps to each file type
 * (at:op-mapped-code [ at:legacy-code "text/csv" ; dc:source
 * "mime-type-cellar" ]) get that file type's flags. */
static bool map_media_types(DcatitQualityVocab *v, DcatitModel *m)
{
	DcatitTerms *t = v->t;
	DcatitTermId mapped = dcatit_terms_iri_z(t, NS_AT "op-mapped-code");
	DcatitTermId legacy = dcatit_terms_iri_z(t, NS_AT "legacy-code");
	DcatitTermId source = dcatit_terms_iri_z(t, DC_SOURCE);
	DcatitTermId mime = dcatit_terms_literal_z(t, "mime-type-cellar", 0, NULL);
	if (!mapped || !legacy || !source || !mime)
		return false;
	DcatitRange r = dcatit_model_po(m, mapped, 0);
	for (size_t i = 0; i < r.n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(m, r.idx[i]);
		if (!dcatit_model_has(m, tr->o, source, mime))
			continue;
		uint32_t flags = 0;
		if (!dcatit_idmap_get(&v->formats, tr->s, &flags))
			continue;
		DcatitRange codes = dcatit_model_sp(m, tr->o, legacy);
		for (size_t k = 0; k < codes.n; k++) {
			const char *code = dcatit_terms_str(t, dcatit_model_triple(m, codes.idx[k])->o);
			/* "application/pdf;type=pdfa1a": the parameters name
			 * variants of one media type */
			size_t len = strcspn(code, ";");
			if (!flag_media_type(v, code, len, flags & (F_MACHINE | F_NON_PROP)))
				return false;
		}
	}
	return true;
}

static DcatitStatus load_file_types(DcatitQualityVocab *v, const char *dir, DcatitDiag *d)
{
	DcatitModel *m = dcatit_model_new(v->t);
	if (!m)
		return oom(d);
	DcatitStatus st = parse(m, dir, "eu/filetypes.ttl", d);
	if (st == DCATIT_OK) {
		DcatitTermId type = dcatit_terms_iri_z(v->t, DCATIT_NS_RDF "type");
		DcatitTermId concept = dcatit_terms_iri_z(v->t, DCATIT_NS_SKOS "Concept");
		if (!type || !concept || !collect(m, &v->formats, NS_FILE_TYPE, type, concept, F_FILE_TYPE))
			st = oom(d);
	}
	if (st == DCATIT_OK && !v->formats.n)
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                     "'%s/eu/filetypes.ttl' holds no file type", dir);
	if (st == DCATIT_OK) {
		DcatitModel *lists = dcatit_model_new(v->t);
		if (!lists)
			st = oom(d);
		if (st == DCATIT_OK)
			st = parse(lists, dir, "mqa/edp-machine-readable-format.rdf", d);
		if (st == DCATIT_OK) {
			DcatitTermId p = dcatit_terms_iri_z(v->t, NS_EDP "isMachineReadable");
			if (!p || !collect(lists, &v->formats, NS_FILE_TYPE, p, 0, F_MACHINE))
				st = oom(d);
		}
		if (st == DCATIT_OK)
			st = parse(lists, dir, "mqa/edp-non-proprietary-format.rdf", d);
		if (st == DCATIT_OK) {
			DcatitTermId p = dcatit_terms_iri_z(v->t, NS_EDP "isNonProprietary");
			if (!p || !collect(lists, &v->formats, NS_FILE_TYPE, p, 0, F_NON_PROP))
				st = oom(d);
		}
		dcatit_model_free(lists);
	}
	if (st == DCATIT_OK && !map_media_types(v, m))
		st = oom(d);
	dcatit_model_free(m);
	return st;
}

/* One IANA registry CSV: "Name,Template,Reference"; Template is
 * "type/subtype" (empty for a few registrations, which then use Name). */
static DcatitStatus load_media_csv(DcatitQualityVocab *v, const char *dir,
                                   const char *top, DcatitDiag *d)
{
	DcatitBuf path;
	dcatit_buf_init(&path);
	dcatit_buf_addf(&path, "%s/mqa/edp-mediatype-%s.csv", dir, top);
	if (path.oom)
		return oom(d);
	FILE *f = fopen(path.data, "r");
	if (!f) {
		DcatitStatus st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s",
		                                  path.data, strerror(errno));
		dcatit_buf_release(&path);
		return st;
	}
	char line[1024];
	unsigned long lineno = 0;
	DcatitStatus st = DCATIT_OK;
	while (st == DCATIT_OK && fgets(line, sizeof line, f)) {
		lineno++;
		if (lineno == 1)
			continue;
		char *name = line, *c1 = strchr(line, ',');
		if (!c1)
			continue;
		*c1 = '\0';
		char *tmpl = c1 + 1, *c2 = strchr(tmpl, ',');
		if (c2)
			*c2 = '\0';
		char typ[sizeof line + 16];
		if (*tmpl)
			snprintf(typ, sizeof typ, "%s", tmpl);
		else
			snprintf(typ, sizeof typ, "%s/%.1000s", top, name);
		for (int lower = 0; lower < 2 && st == DCATIT_OK; lower++) {
			if (lower)
				for (char *p = typ; *p; p++)
					*p = (char)tolower((unsigned char)*p);
			if (!flag_media_type(v, typ, strlen(typ), F_MEDIA_TYPE))
				st = oom(d);
		}
	}
	if (st == DCATIT_OK && ferror(f))
		st = dcatit_diag_set(d, DCATIT_ERR_IO, path.data, lineno, 0, "read error");
	fclose(f);
	dcatit_buf_release(&path);
	return st;
}

static DcatitStatus load_licences(DcatitQualityVocab *v, const char *dir, DcatitDiag *d)
{
	DcatitModel *m = dcatit_model_new(v->t);
	if (!m)
		return oom(d);
	DcatitStatus st = parse(m, dir, "mqa/edp-licences-skos.rdf", d);
	DcatitTermId exact = dcatit_terms_iri_z(v->t, DCATIT_NS_SKOS "exactMatch");
	if (st == DCATIT_OK && !exact)
		st = oom(d);
	size_t n = st == DCATIT_OK ? dcatit_model_size(m) : 0;
	/* every described IRI is a licence of the list (the EU ones are plain
	 * rdf:Descriptions, the extra ones skos:Concepts) */
	for (size_t i = 0; i < n && st == DCATIT_OK; i++) {
		const DcatitTriple *tr = dcatit_model_triple(m, i);
		if (!dcatit_terms_is_iri(v->t, tr->s))
			continue;
		if (dcatit_idmap_put(&v->licences, tr->s, 1) < 0 ||
		    !add_alias(v, dcatit_terms_str(v->t, tr->s), tr->s))
			st = oom(d);
		if (st == DCATIT_OK && tr->p == exact && dcatit_terms_is_iri(v->t, tr->o) &&
		    (dcatit_idmap_put(&v->licences, tr->o, 1) < 0 ||
		     !add_alias(v, dcatit_terms_str(v->t, tr->o), tr->s)))
			st = oom(d);
	}
	if (st == DCATIT_OK && !v->licences.n)
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                     "'%s/mqa/edp-licences-skos.rdf' holds no licence", dir);
	if (st == DCATIT_OK && v->naliases)
		qsort(v->aliases, v->naliases, sizeof *v->aliases, cmp_alias);
	dcatit_model_free(m);
	if (st != DCATIT_OK)
		return st;

	/* the Italian vocabulary: each licence's reference document is what
	 * ties it to the list */
	m = dcatit_model_new(v->t);
	if (!m)
		return oom(d);
	st = parse(m, dir, "it/licences.ttl", d);
	DcatitTermId ref = dcatit_terms_iri_z(v->t, DCATIT_NS_DCATAPIT "referenceDoc");
	if (st == DCATIT_OK && !ref)
		st = oom(d);
	DcatitRange r = st == DCATIT_OK ? dcatit_model_po(m, ref, 0) : (DcatitRange){ NULL, 0 };
	for (size_t i = 0; i < r.n && st == DCATIT_OK; i++) {
		const DcatitTriple *tr = dcatit_model_triple(m, r.idx[i]);
		if (!dcatit_strs_add(&v->it_docs, dcatit_terms_str(v->t, tr->o)) ||
		    dcatit_idmap_put(&v->it_licences, tr->s, (uint32_t)(v->it_docs.n - 1)) < 0)
			st = oom(d);
	}
	dcatit_model_free(m);
	return st;
}

static DcatitStatus load_access_rights(DcatitQualityVocab *v, const char *dir, DcatitDiag *d)
{
	DcatitModel *m = dcatit_model_new(v->t);
	if (!m)
		return oom(d);
	DcatitStatus st = parse(m, dir, "mqa/access-right-skos.rdf", d);
	DcatitTermId type = dcatit_terms_iri_z(v->t, DCATIT_NS_RDF "type");
	DcatitTermId concept = dcatit_terms_iri_z(v->t, DCATIT_NS_SKOS "Concept");
	if (st == DCATIT_OK && (!type || !concept ||
	    !collect(m, &v->access_rights, NS_ACCESS_RIGHT, type, concept, 1)))
		st = oom(d);
	if (st == DCATIT_OK && !v->access_rights.n)
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                     "'%s/mqa/access-right-skos.rdf' holds no access right", dir);
	dcatit_model_free(m);
	return st;
}

DcatitQualityVocab *dcatit_quality_vocab_load(DcatitTerms *t, const char *dir,
                                              DcatitDiag *d)
{
	DcatitQualityVocab *v = calloc(1, sizeof *v);
	if (!v) {
		oom(d);
		return NULL;
	}
	v->t = t;
	dcatit_idmap_init(&v->formats);
	dcatit_idmap_init(&v->licences);
	dcatit_idmap_init(&v->access_rights);
	dcatit_idmap_init(&v->it_licences);
	DcatitStatus st = load_file_types(v, dir, d);
	for (size_t i = 0; st == DCATIT_OK && i < sizeof media_type_files / sizeof *media_type_files; i++)
		st = load_media_csv(v, dir, media_type_files[i], d);
	if (st == DCATIT_OK)
		st = load_licences(v, dir, d);
	if (st == DCATIT_OK)
		st = load_access_rights(v, dir, d);
	if (st != DCATIT_OK) {
		dcatit_quality_vocab_free(v);
		return NULL;
	}
	return v;
}

void dcatit_quality_vocab_free(DcatitQualityVocab *v)
{
	if (!v)
		return;
	dcatit_idmap_release(&v->formats);
	dcatit_idmap_release(&v->licences);
	dcatit_idmap_release(&v->access_rights);
	dcatit_idmap_release(&v->it_licences);
	dcatit_strs_release(&v->it_docs);
	for (size_t i = 0; i < v->naliases; i++)
		free(v->aliases[i].key);
	free(v->aliases);
	free(v);
}

DcatitTerms *dcatit_quality_vocab_terms(const DcatitQualityVocab *v)
{
	return v->t;
}

static uint32_t format_flags(const DcatitQualityVocab *v, DcatitTermId id)
{
	uint32_t f = 0;
	if (!id || !dcatit_idmap_get(&v->formats, id, &f))
		return 0;
	return f;
}

bool dcatit_quality_vocab_is_file_type(const DcatitQualityVocab *v, DcatitTermId id)
{
	return format_flags(v, id) & F_FILE_TYPE;
}

bool dcatit_quality_vocab_is_media_type(const DcatitQualityVocab *v, DcatitTermId id)
{
	return format_flags(v, id) & F_MEDIA_TYPE;
}

bool dcatit_quality_vocab_is_machine_readable(const DcatitQualityVocab *v, DcatitTermId id)
{
	return format_flags(v, id) & F_MACHINE;
}

bool dcatit_quality_vocab_is_non_proprietary(const DcatitQualityVocab *v, DcatitTermId id)
{
	return format_flags(v, id) & F_NON_PROP;
}

bool dcatit_quality_vocab_is_known_licence(const DcatitQualityVocab *v, DcatitTermId id)
{
	return id && dcatit_idmap_get(&v->licences, id, NULL);
}

bool dcatit_quality_vocab_is_access_right(const DcatitQualityVocab *v, DcatitTermId id)
{
	return id && dcatit_idmap_get(&v->access_rights, id, NULL);
}

DcatitTermId dcatit_quality_vocab_licence_hint(const DcatitQualityVocab *v, DcatitTermId id)
{
	if (!dcatit_terms_is_iri(v->t, id) || dcatit_quality_vocab_is_known_licence(v, id))
		return 0;
	uint32_t k;
	if (dcatit_idmap_get(&v->it_licences, id, &k)) {
		/* the reference document itself when the list has it (a
		 * Creative Commons IRI: the DCAT-AP_IT profile accepts those
		 * too, and EU authority IRIs it warns about) */
		DcatitTermId doc = dcatit_terms_find_iri(v->t, v->it_docs.items[k]);
		if (doc && dcatit_quality_vocab_is_known_licence(v, doc))
			return doc;
		DcatitTermId hit = alias_find(v, v->it_docs.items[k]);
		if (hit)
			return hit;
	}
	return alias_find(v, dcatit_terms_str(v->t, id));
}

/* The last segment of an IRI (after '/' or '#') or the whole literal,
 * trimmed of a leading '.'; len in *n. */
static const char *last_segment(const DcatitQualityVocab *v, DcatitTermId id, size_t *n)
{
	const char *s = dcatit_terms_str(v->t, id);
	size_t len = dcatit_terms_len(v->t, id);
	if (dcatit_terms_is_iri(v->t, id)) {
		while (len && s[len - 1] == '/')
			len--;
		size_t i = len;
		while (i && s[i - 1] != '/' && s[i - 1] != '#')
			i--;
		s += i;
		len -= i;
	}
	while (len && (*s == ' ' || *s == '.')) {
		s++;
		len--;
	}
	while (len && s[len - 1] == ' ')
		len--;
	*n = len;
	return s;
}

/* The IRI ns + upper-cased code when it is in the store and flagged in
 * map; 0 otherwise. */
static DcatitTermId code_iri(const DcatitQualityVocab *v, const char *ns, const char *code,
                             size_t n, const DcatitIdMap *map, uint32_t flag)
{
	if (!n || n > 64)
		return 0;
	char buf[256];
	size_t k = strlen(ns);
	memcpy(buf, ns, k);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)code[i];
		buf[k++] = c == '-' || c == ' ' ? '_' : (char)toupper(c);
	}
	buf[k] = '\0';
	DcatitTermId id = dcatit_terms_find_iri(v->t, buf);
	uint32_t f = 0;
	if (!id || !dcatit_idmap_get(map, id, &f) || !(f & flag))
		return 0;
	return id;
}

DcatitTermId dcatit_quality_vocab_format_hint(const DcatitQualityVocab *v, DcatitTermId id)
{
	if (!id || dcatit_quality_vocab_is_file_type(v, id))
		return 0;
	size_t n;
	const char *s = last_segment(v, id, &n);
	return code_iri(v, NS_FILE_TYPE, s, n, &v->formats, F_FILE_TYPE);
}

DcatitTermId dcatit_quality_vocab_media_type_hint(const DcatitQualityVocab *v, DcatitTermId id)
{
	if (!id || dcatit_quality_vocab_is_media_type(v, id))
		return 0;
	const char *s = dcatit_terms_str(v->t, id);
	if (dcatit_terms_is_iri(v->t, id)) {
		/* another IRI form: its last two path segments */
		size_t len = strlen(s), slashes = 0, i = len;
		while (len && s[len - 1] == '/')
			len--;
		for (i = len; i > 0; i--)
			if (s[i - 1] == '/' && ++slashes == 2)
				break;
		if (slashes < 2)
			return 0;
		s += i;
	}
	char buf[300];
	size_t k = strlen(NS_IANA_HTTPS), n = strcspn(s, "; ");
	if (!n || n > 200 || !memchr(s, '/', n))
		return 0;
	memcpy(buf, NS_IANA_HTTPS, k);
	for (size_t i = 0; i < n; i++)
		buf[k++] = (char)tolower((unsigned char)s[i]);
	buf[k] = '\0';
	DcatitTermId hit = dcatit_terms_find_iri(v->t, buf);
	return hit && dcatit_quality_vocab_is_media_type(v, hit) ? hit : 0;
}

DcatitTermId dcatit_quality_vocab_access_right_hint(const DcatitQualityVocab *v, DcatitTermId id)
{
	if (!id || dcatit_quality_vocab_is_access_right(v, id))
		return 0;
	size_t n;
	const char *s = last_segment(v, id, &n);
	return code_iri(v, NS_ACCESS_RIGHT, s, n, &v->access_rights, 1);
}
