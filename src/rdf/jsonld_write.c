/* jsonld_write.c: JSON-LD out, on base/json. IRIs are compacted to
 * "prefix:local" with the model's prefixes that a JSON-LD 1.1 reader expands
 * back (and the context declares each), rdf:type with an IRI or blank node
 * object becomes "@type", xsd:string literals plain JSON strings, other
 * literals {"@value", "@type"|"@language"}. Node objects are sorted by "@id"
 * and values by their N-Triples form, for stable output. */
#include "rdf/jsonld_write.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/str.h"
#include "rdf/iri.h"
#include "rdf/vocab.h"

typedef struct {
	DcatitModel *m;
	DcatitTerms *t;
	DcatitTermId rdf_type, xsd_string, lang_string;
	unsigned char *usable; /* per model prefix: declared and used */
	DcatitTermId bad;      /* a term that is not valid UTF-8 (JSON cannot
	                        * hold it) */
} W;

/* Compact an IRI with the longest matching usable prefix whose local part
 * is a simple name; into out, or the full IRI when none applies. */
static void compact(W *w, const char *iri, DcatitBuf *out)
{
	size_t best = 0;
	const char *bp = NULL;
	for (size_t i = 0; i < dcatit_model_prefix_count(w->m); i++) {
		const char *p, *ns;
		dcatit_model_prefix(w->m, i, &p, &ns);
		size_t n = strlen(ns);
		if (n > best && w->usable[i] && strncmp(iri, ns, n) == 0) {
			const char *local = iri + n;
			bool simple = *local != '\0';
			for (const char *c = local; *c && simple; c++)
				simple = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
				         (*c >= '0' && *c <= '9') || *c == '_' || *c == '-';
			if (simple) {
				best = n;
				bp = p;
			}
		}
	}
	if (bp)
		dcatit_buf_addf(out, "%s:%s", bp, iri + best);
	else
		dcatit_buf_adds(out, iri);
}

/* Drop prefix i when an IRI of the graph has its name as scheme: a JSON-LD
 * reader would take "name:rest" for a compact IRI. */
static void clash(W *w, const char *iri, size_t np)
{
	size_t n = dcatit_iri_scheme_len(iri);
	for (size_t i = 0; n && i < np; i++) {
		const char *p, *ns;
		dcatit_model_prefix(w->m, i, &p, &ns);
		if (w->usable[i] && strncmp(p, iri, n) == 0 && p[n] == '\0')
			w->usable[i] = 0;
	}
}

/* Which prefixes the document declares and uses. A JSON-LD 1.1 reader
 * expands "p:x" only when p's IRI ends in a gen-delim character
 * (":/?#[]@"), so other namespaces (".../dcatapit" without its "#", a real
 * publisher bug) are left out, and so are names that are the scheme of some
 * IRI ("urn", or "ex" for an IRI "ex:..."). */
static bool choose_prefixes(W *w)
{
	size_t np = dcatit_model_prefix_count(w->m);
	w->usable = calloc(np ? np : 1, 1);
	if (!w->usable)
		return false;
	for (size_t i = 0; i < np; i++) {
		const char *p, *ns;
		dcatit_model_prefix(w->m, i, &p, &ns);
		size_t n = strlen(ns);
		w->usable[i] = p[0] && p[0] != '@' && !strchr(p, ':') && !strchr(p, '/') &&
		               n && strchr(":/?#[]@", ns[n - 1]) && dcatit_iri_scheme_len(ns) > 0;
	}
	for (size_t i = 0; i < np; i++) {
		const char *p, *ns;
		dcatit_model_prefix(w->m, i, &p, &ns);
		clash(w, ns, np);
	}
	size_t nt = dcatit_model_size(w->m);
	for (size_t i = 0; i < nt; i++) {
		const DcatitTriple *t = dcatit_model_triple(w->m, i);
		DcatitTermId ids[4] = {t->s, t->p, t->o, dcatit_terms_datatype(w->t, t->o)};
		for (size_t k = 0; k < 4; k++)
			if (ids[k] && dcatit_terms_is_iri(w->t, ids[k]))
				clash(w, dcatit_terms_str(w->t, ids[k]), np);
	}
	return true;
}

static char *node_id(W *w, DcatitTermId id)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	if (dcatit_terms_is_bnode(w->t, id))
		dcatit_buf_addf(&b, "_:%s", dcatit_terms_str(w->t, id));
	else
		dcatit_buf_adds(&b, dcatit_terms_str(w->t, id));
	return dcatit_buf_detach(&b);
}

static DcatitJson *value(W *w, DcatitTermId o)
{
	if (!dcatit_terms_is_literal(w->t, o)) {
		char *id = node_id(w, o);
		DcatitJson *v = id ? dcatit_json_pair("@id", dcatit_json_string(id)) : NULL;
		free(id);
		return v;
	}
	const char *s = dcatit_terms_str(w->t, o);
	size_t len = dcatit_terms_len(w->t, o);
	DcatitTermId dt = dcatit_terms_datatype(w->t, o);
	if (!dcatit_utf8_valid(s, len, NULL)) {
		w->bad = o;
		return NULL;
	}
	DcatitJson *str = dcatit_json_stringn(s, len);
	if (!str)
		return NULL;
	if (dt == w->xsd_string)
		return str;
	DcatitJson *v = dcatit_json_object();
	if (!v || !dcatit_json_set(v, "@value", str)) {
		dcatit_json_free(v);
		return NULL;
	}
	if (dt == w->lang_string) {
		if (!dcatit_json_set(v, "@language", dcatit_json_string(dcatit_terms_lang(w->t, o)))) {
			dcatit_json_free(v);
			return NULL;
		}
	} else {
		DcatitBuf c;
		dcatit_buf_init(&c);
		compact(w, dcatit_terms_str(w->t, dt), &c);
		bool set = !c.oom && dcatit_json_set(v, "@type", dcatit_json_string(c.data));
		dcatit_buf_release(&c);
		if (!set) {
			dcatit_json_free(v);
			return NULL;
		}
	}
	return v;
}

typedef struct {
	DcatitTermId id;
	bool bnode;
	const char *str; /* borrowed from the term store */
} Subj;

/* Subjects in output order: IRIs and blank nodes by their "@id" text. */
static int cmp_subj(const void *a, const void *b)
{
	const Subj *x = a, *y = b;
	if (x->bnode != y->bnode)
		return x->bnode ? -1 : 1; /* "_:" sorts before "h" */
	return strcmp(x->str, y->str);
}

typedef struct {
	DcatitTermId p, o;
	char *pkey;  /* compacted predicate */
	char *okey;  /* N-Triples form of the object */
} PO;

static int cmp_po(const void *a, const void *b)
{
	const PO *x = a, *y = b;
	int c = strcmp(x->pkey, y->pkey);
	return c ? c : strcmp(x->okey, y->okey);
}

static DcatitJson *node_object(W *w, DcatitTermId s)
{
	DcatitRange r = dcatit_model_sp(w->m, s, 0);
	PO *po = calloc(r.n ? r.n : 1, sizeof *po);
	DcatitJson *obj = dcatit_json_object();
	char *id = node_id(w, s);
	bool ok = po && obj && id && dcatit_json_set(obj, "@id", dcatit_json_string(id));
	free(id);
	size_t n = 0;
	for (size_t i = 0; ok && i < r.n; i++) {
		const DcatitTriple *t = dcatit_model_triple(w->m, r.idx[i]);
		DcatitBuf pk, ok2;
		dcatit_buf_init(&pk);
		dcatit_buf_init(&ok2);
		if (t->p == w->rdf_type && !dcatit_terms_is_literal(w->t, t->o))
			dcatit_buf_adds(&pk, "@type");
		else
			compact(w, dcatit_terms_str(w->t, t->p), &pk);
		dcatit_terms_write_nt(w->t, t->o, &ok2);
		po[n].p = t->p;
		po[n].o = t->o;
		po[n].pkey = dcatit_buf_detach(&pk);
		po[n].okey = dcatit_buf_detach(&ok2);
		n++;
		ok = po[n - 1].pkey && po[n - 1].okey;
	}
	if (ok)
		qsort(po, n, sizeof *po, cmp_po);
	for (size_t i = 0; ok && i < n; i++) {
		DcatitJson *arr = dcatit_json_get(obj, po[i].pkey);
		if (!arr) {
			arr = dcatit_json_array();
			ok = arr && dcatit_json_set(obj, po[i].pkey, arr);
			if (!ok)
				break;
		}
		DcatitJson *v;
		if (po[i].p == w->rdf_type && dcatit_terms_is_bnode(w->t, po[i].o)) {
			char *b = node_id(w, po[i].o);
			v = b ? dcatit_json_string(b) : NULL;
			free(b);
		} else if (po[i].p == w->rdf_type && dcatit_terms_is_iri(w->t, po[i].o)) {
			DcatitBuf c;
			dcatit_buf_init(&c);
			compact(w, dcatit_terms_str(w->t, po[i].o), &c);
			v = c.oom ? NULL : dcatit_json_string(c.data);
			dcatit_buf_release(&c);
		} else {
			v = value(w, po[i].o);
		}
		ok = v && dcatit_json_append(arr, v);
	}
	for (size_t i = 0; i < n; i++) {
		free(po[i].pkey);
		free(po[i].okey);
	}
	free(po);
	if (!ok) {
		dcatit_json_free(obj);
		return NULL;
	}
	return obj;
}

/* Append a node object dumped by base/json, indented to sit in "@graph". */
static bool append_node(DcatitJson *obj, DcatitBuf *out, bool first)
{
	char *text = dcatit_json_dump_pretty(obj);
	if (!text)
		return false;
	dcatit_buf_adds(out, first ? "\n    " : ",\n    ");
	/* JSON strings hold no raw newline, so every one is layout; copy the
	 * runs between them (byte by byte was a third of the JSON-LD time) */
	for (const char *p = text, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl) {
			dcatit_buf_adds(out, p);
			break;
		}
		dcatit_buf_add(out, p, (size_t)(nl - p));
		dcatit_buf_adds(out, "\n    ");
	}
	free(text);
	return !out->oom;
}

DcatitStatus dcatit_jsonld_write(DcatitModel *m, DcatitBuf *out, DcatitDiag *d)
{
	W w = { m, dcatit_model_terms(m), 0, 0, 0, NULL, 0 };
	w.rdf_type = dcatit_terms_iri_z(w.t, DCATIT_NS_RDF "type");
	w.xsd_string = dcatit_terms_iri_z(w.t, DCATIT_NS_XSD "string");
	w.lang_string = dcatit_terms_iri_z(w.t, DCATIT_NS_RDF "langString");
	size_t n = dcatit_model_size(m), nterms = dcatit_terms_count(w.t);
	/* distinct subjects, then sorted: the document is written node by node
	 * so memory stays at one node object, whatever the size of the graph */
	unsigned char *seen = calloc(nterms + 1, 1);
	Subj *subj = malloc((n ? n : 1) * sizeof *subj);
	DcatitJson *ctx = dcatit_json_object();
	bool ok = seen && subj && ctx && w.rdf_type && w.xsd_string && w.lang_string &&
	          choose_prefixes(&w);
	size_t ns = 0;
	for (size_t i = 0; ok && i < n; i++) {
		DcatitTermId s = dcatit_model_triple(m, i)->s;
		if (s <= nterms && !seen[s]) {
			seen[s] = 1;
			subj[ns++] = (Subj){ s, dcatit_terms_is_bnode(w.t, s), dcatit_terms_str(w.t, s) };
		}
	}
	if (ok)
		qsort(subj, ns, sizeof *subj, cmp_subj);
	for (size_t i = 0; ok && i < dcatit_model_prefix_count(m); i++) {
		const char *p, *iri;
		dcatit_model_prefix(m, i, &p, &iri);
		if (w.usable[i])
			ok = dcatit_json_set(ctx, p, dcatit_json_string(iri));
	}
	char *ctext = ok ? dcatit_json_dump_pretty(ctx) : NULL;
	ok = ctext != NULL;
	if (ok) {
		dcatit_buf_adds(out, "{\n  \"@context\": ");
		for (const char *p = ctext; *p; p++) {
			if (*p == '\n')
				dcatit_buf_adds(out, "\n  ");
			else
				dcatit_buf_addc(out, *p);
		}
		dcatit_buf_adds(out, ",\n  \"@graph\": [");
	}
	free(ctext);
	for (size_t i = 0; ok && i < ns; i++) {
		DcatitJson *o = node_object(&w, subj[i].id);
		ok = o && append_node(o, out, i == 0);
		dcatit_json_free(o);
	}
	if (ok)
		dcatit_buf_adds(out, ns ? "\n  ]\n}\n" : "]\n}\n");
	free(seen);
	free(subj);
	free(w.usable);
	dcatit_json_free(ctx);
	if (w.bad)
		return dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0, "cannot write JSON-LD: "
		                       "a literal is not valid UTF-8, which JSON cannot hold "
		                       "('dcatit convert --to nt' shows it escaped)");
	if (!ok || out->oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	return DCATIT_OK;
}
