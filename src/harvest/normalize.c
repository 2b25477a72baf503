/* normalize.c: the per-record defect fixes of harvest. The model has no
 * triple removal, so fixes are decided on the source record first (which
 * agents to drop or replace) and applied while copying it into the run's
 * term store; type and default additions come after the copy. */
#include "harvest/normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "rdf/vocab.h"

#define NS_BUG "http://dati.gov.it/onto/dcatapit" /* without '#' */
#define NS_BUG_LEN (sizeof NS_BUG - 1)

typedef struct {
	DcatitModel *in, *out;
	DcatitTerms *ti, *to;
	bool same;              /* one term store */
	unsigned long scope;    /* for foreign blank nodes */
	DcatitBuf tmp;
	bool fixed_ns;          /* the last mapped term had the namespace bug */
	DcatitDiag *d;
} Map;

/* Source-store ids (0 when absent from the record). */
typedef struct {
	DcatitTermId type, publisher, holder, creator, name, ident, ds_dcat,
	             ds_it, ds_bug;
} InIds;

static bool is_ns_bug(const char *s, size_t n)
{
	return n > NS_BUG_LEN && strncmp(s, NS_BUG, NS_BUG_LEN) == 0 &&
	       s[NS_BUG_LEN] != '#' && s[NS_BUG_LEN] != '/';
}

static DcatitTermId map_iri(Map *m, const char *s, size_t n)
{
	if (is_ns_bug(s, n)) {
		m->fixed_ns = true;
		dcatit_buf_clear(&m->tmp);
		dcatit_buf_add(&m->tmp, s, NS_BUG_LEN);
		dcatit_buf_addc(&m->tmp, '#');
		dcatit_buf_add(&m->tmp, s + NS_BUG_LEN, n - NS_BUG_LEN);
		if (m->tmp.oom)
			return 0;
		return dcatit_terms_iri(m->to, m->tmp.data, m->tmp.len);
	}
	return dcatit_terms_iri(m->to, s, n);
}

static DcatitTermId map_term(Map *m, DcatitTermId id)
{
	const char *s = dcatit_terms_str(m->ti, id);
	size_t n = dcatit_terms_len(m->ti, id);
	switch (dcatit_terms_kind(m->ti, id)) {
	case DCATIT_TERM_IRI:
		if (m->same && !is_ns_bug(s, n))
			return id;
		return map_iri(m, s, n);
	case DCATIT_TERM_BNODE:
		if (m->same)
			return id;
		dcatit_buf_clear(&m->tmp);
		dcatit_buf_addf(&m->tmp, "h%lu_", m->scope);
		dcatit_buf_add(&m->tmp, s, n);
		return m->tmp.oom ? 0 : dcatit_terms_bnode(m->to, m->tmp.data, m->tmp.len);
	case DCATIT_TERM_LITERAL: {
		DcatitTermId dt = dcatit_terms_datatype(m->ti, id);
		const char *dts = dcatit_terms_str(m->ti, dt);
		size_t dtn = dcatit_terms_len(m->ti, dt);
		if (m->same && !is_ns_bug(dts, dtn))
			return id;
		const char *lang = dcatit_terms_lang(m->ti, id);
		DcatitTermId dto = 0;
		if (!*lang) {
			dto = map_iri(m, dts, dtn);
			if (!dto)
				return 0;
		}
		return dcatit_terms_literal(m->to, s, n, dto, lang);
	}
	case DCATIT_TERM_NONE:
		break;
	}
	return 0;
}

static bool is_na_text(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == 0 || (n == 3 && strncasecmp(s, "N/A", 3) == 0) ||
	       (n == 4 && strncasecmp(s, "n.a.", 4) == 0);
}

/* An agent node whose every name and identifier is empty or "N/A". */
static bool agent_is_na(DcatitModel *in, const InIds *ids, DcatitTermId a)
{
	DcatitTerms *t = dcatit_model_terms(in);
	if (dcatit_terms_is_literal(t, a))
		return is_na_text(dcatit_terms_str(t, a));
	if (dcatit_terms_is_iri(t, a)) {
		const char *s = dcatit_terms_str(t, a);
		size_t n = strlen(s);
		if (n >= 4 && strcasecmp(s + n - 4, "/N/A") == 0)
			return true;
	}
	DcatitTermId preds[2] = { ids->name, ids->ident };
	size_t values = 0;
	for (int k = 0; k < 2; k++) {
		if (!preds[k])
			continue;
		DcatitRange r = dcatit_model_sp(in, a, preds[k]);
		for (size_t i = 0; i < r.n; i++) {
			const DcatitTriple *tr = dcatit_model_triple(in, r.idx[i]);
			values++;
			if (!dcatit_terms_is_literal(t, tr->o) ||
			    !is_na_text(dcatit_terms_str(t, tr->o)))
				return false;
		}
	}
	/* an IRI agent without names is described elsewhere: not N/A */
	return values > 0 || dcatit_terms_is_bnode(t, a);
}

typedef struct {
	DcatitTermId *items;
	size_t n, cap;
} Ids;

static bool ids_add(Ids *l, DcatitTermId id)
{
	DcatitTermId *p = dcatit_grow(l->items, &l->cap, l->n + 1, sizeof *p, 16);
	if (!p)
		return false;
	l->items = p;
	l->items[l->n++] = id;
	return true;
}

static bool ids_has(const Ids *l, DcatitTermId id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i] == id)
			return true;
	return false;
}

/* Add a default agent (IPA code, optional name) as p of ds in out. */
static DcatitStatus add_default_agent(DcatitModel *out, DcatitTermId ds, const char *pred,
                                      const char *ipa, const char *name)
{
	DcatitTerms *t = dcatit_model_terms(out);
	DcatitLoc loc = { 0, 0 };
	DcatitTermId a = dcatit_terms_bnode_fresh(t);
	DcatitTermId p = dcatit_terms_iri_z(t, pred);
	DcatitTermId type = dcatit_terms_iri_z(t, DCATIT_NS_RDF "type");
	DcatitTermId fa = dcatit_terms_iri_z(t, DCATIT_NS_FOAF "Agent");
	DcatitTermId ia = dcatit_terms_iri_z(t, DCATIT_NS_DCATAPIT "Agent");
	DcatitTermId idp = dcatit_terms_iri_z(t, DCATIT_NS_DCT "identifier");
	DcatitTermId idv = dcatit_terms_literal_z(t, ipa, 0, NULL);
	if (!a || !p || !type || !fa || !ia || !idp || !idv)
		return DCATIT_ERR_NOMEM;
	DcatitStatus st = dcatit_model_add(out, ds, p, a, loc);
	if (!st)
		st = dcatit_model_add(out, a, type, fa, loc);
	if (!st)
		st = dcatit_model_add(out, a, type, ia, loc);
	if (!st)
		st = dcatit_model_add(out, a, idp, idv, loc);
	if (!st && name && *name) {
		DcatitTermId np = dcatit_terms_iri_z(t, DCATIT_NS_FOAF "name");
		DcatitTermId nv = dcatit_terms_literal_z(t, name, 0, NULL);
		st = (np && nv) ? dcatit_model_add(out, a, np, nv, loc) : DCATIT_ERR_NOMEM;
	}
	return st;
}

/* Is xsd:dateTime literal s a midnight ("YYYY-MM-DDT00:00:00", optional
 * fraction of zeros and Z)? Then its date part is what was meant. */
static bool midnight(const char *s)
{
	if (strlen(s) < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    strncmp(s + 11, "00:00:00", 8) != 0)
		return false;
	const char *p = s + 19;
	if (*p == '.') {
		p++;
		while (*p == '0')
			p++;
	}
	if (*p == 'Z')
		p++;
	return *p == '\0';
}

DcatitStatus dcatit_harvest_normalize(DcatitModel *rec, DcatitModel *out,
                                      const DcatitHarvestSource *src,
                                      DcatitHarvestFixes *fx, DcatitDiag *d)
{
	Map m = { .in = rec, .out = out, .d = d };
	m.ti = dcatit_model_terms(rec);
	m.to = dcatit_model_terms(out);
	m.same = m.ti == m.to;
	m.scope = m.same ? 0 : dcatit_terms_next_scope(m.to);
	dcatit_buf_init(&m.tmp);
	DcatitStatus st = DCATIT_OK;
	Ids skip_nodes = { 0 }, skip_links = { 0 }, na_subjects = { 0 }, agents = { 0 };
	Ids datasets = { 0 };
	const char *dflt_pub = src ? src->publisher : NULL;
	const char *dflt_holder = src ? src->rights_holder : NULL;

	InIds in;
	in.type = dcatit_terms_find_iri(m.ti, DCATIT_NS_RDF "type");
	in.publisher = dcatit_terms_find_iri(m.ti, DCATIT_NS_DCT "publisher");
	in.holder = dcatit_terms_find_iri(m.ti, DCATIT_NS_DCT "rightsHolder");
	in.creator = dcatit_terms_find_iri(m.ti, DCATIT_NS_DCT "creator");
	in.name = dcatit_terms_find_iri(m.ti, DCATIT_NS_FOAF "name");
	in.ident = dcatit_terms_find_iri(m.ti, DCATIT_NS_DCT "identifier");
	in.ds_dcat = dcatit_terms_find_iri(m.ti, DCATIT_NS_DCAT "Dataset");
	in.ds_it = dcatit_terms_find_iri(m.ti, DCATIT_NS_DCATAPIT "Dataset");
	in.ds_bug = dcatit_terms_find_iri(m.ti, NS_BUG "Dataset");

	/* 1. the datasets, and which agent links to drop */
	if (in.type) {
		DcatitTermId cls[3] = { in.ds_dcat, in.ds_it, in.ds_bug };
		for (int k = 0; k < 3; k++) {
			if (!cls[k])
				continue;
			DcatitRange r = dcatit_model_po(rec, in.type, cls[k]);
			for (size_t i = 0; i < r.n; i++) {
				DcatitTermId s = dcatit_model_triple(rec, r.idx[i])->s;
				if (!ids_has(&datasets, s) && !ids_add(&datasets, s))
					goto oom;
			}
		}
	}
	DcatitTermId agent_preds[3] = { in.publisher, in.holder, in.creator };
	for (int k = 0; k < 3; k++) {
		if (!agent_preds[k])
			continue;
		DcatitRange r = dcatit_model_po(rec, agent_preds[k], 0);
		/* copy: the range is only valid until the next query that freezes */
		size_t n = r.n;
		uint32_t *idx = malloc((n ? n : 1) * sizeof *idx);
		if (!idx)
			goto oom;
		memcpy(idx, r.idx, n * sizeof *idx);
		for (size_t i = 0; i < n; i++) {
			const DcatitTriple *tr = dcatit_model_triple(rec, idx[i]);
			DcatitTermId s = tr->s, a = tr->o;
			if (agent_is_na(rec, &in, a)) {
				if (k == 2) { /* an empty creator says nothing: drop it */
					fx->empty_agents++;
				} else if (k == 0 ? dflt_pub : dflt_holder) {
					fx->na_publishers++;
					if (!ids_add(&na_subjects, s) || !ids_add(&na_subjects, (DcatitTermId)k)) {
						free(idx);
						goto oom;
					}
				} else {
					fx->na_unfixed++;
					continue;
				}
				if (!ids_add(&skip_links, idx[i]) ||
				    (!dcatit_terms_is_literal(m.ti, a) && !ids_add(&skip_nodes, a))) {
					free(idx);
					goto oom;
				}
			} else if (!dcatit_terms_is_literal(m.ti, a) && !ids_has(&agents, a)) {
				if (!ids_add(&agents, a)) {
					free(idx);
					goto oom;
				}
			}
		}
		free(idx);
	}

	/* 2. copy with the term fixes */
	DcatitTermId sd_in[4] = { dcatit_terms_find_iri(m.ti, DCATIT_NS_SCHEMA "startDate"),
	                          dcatit_terms_find_iri(m.ti, DCATIT_NS_SCHEMA "endDate"),
	                          dcatit_terms_find_iri(m.ti, "https://schema.org/startDate"),
	                          dcatit_terms_find_iri(m.ti, "https://schema.org/endDate") };
	DcatitTermId it_start = dcatit_terms_iri_z(m.to, DCATIT_NS_DCATAPIT "startDate");
	DcatitTermId it_end = dcatit_terms_iri_z(m.to, DCATIT_NS_DCATAPIT "endDate");
	DcatitTermId dc_start = dcatit_terms_iri_z(m.to, DCATIT_NS_DCAT "startDate");
	DcatitTermId dc_end = dcatit_terms_iri_z(m.to, DCATIT_NS_DCAT "endDate");
	DcatitTermId xsd_dt = dcatit_terms_iri_z(m.to, DCATIT_NS_XSD "dateTime");
	DcatitTermId xsd_d = dcatit_terms_iri_z(m.to, DCATIT_NS_XSD "date");
	if (!it_start || !it_end || !dc_start || !dc_end || !xsd_dt || !xsd_d)
		goto oom;
	size_t n = dcatit_model_size(rec);
	for (size_t i = 0; i < n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(rec, i);
		if (ids_has(&skip_nodes, tr->s) || ids_has(&skip_links, (DcatitTermId)i))
			continue;
		DcatitTriple t = *tr;
		DcatitLoc loc = dcatit_model_loc(rec, i);
		m.fixed_ns = false;
		DcatitTermId s = map_term(&m, t.s), p, o = map_term(&m, t.o);
		if (t.p && (t.p == sd_in[0] || t.p == sd_in[2])) {
			p = it_start;
			fx->schema_dates++;
		} else if (t.p && (t.p == sd_in[1] || t.p == sd_in[3])) {
			p = it_end;
			fx->schema_dates++;
		} else {
			p = map_term(&m, t.p);
		}
		if (!s || !p || !o)
			goto oom;
		if (m.fixed_ns)
			fx->namespace_iris++;
		if ((p == it_start || p == it_end || p == dc_start || p == dc_end) &&
		    dcatit_terms_datatype(m.to, o) == xsd_dt &&
		    midnight(dcatit_terms_str(m.to, o))) {
			o = dcatit_terms_literal(m.to, dcatit_terms_str(m.to, o), 10, xsd_d, NULL);
			if (!o)
				goto oom;
			fx->datetime_dates++;
		}
		if (loc.file) {
			loc.file = dcatit_model_add_source(out, dcatit_model_source_name(rec, loc.file));
			if (!loc.file)
				goto oom;
		}
		if ((st = dcatit_model_add(out, s, p, o, loc)) != DCATIT_OK)
			goto fail;
	}

	/* 3. agent types, replaced and default agents */
	DcatitTermId type = dcatit_terms_iri_z(m.to, DCATIT_NS_RDF "type");
	DcatitTermId fa = dcatit_terms_iri_z(m.to, DCATIT_NS_FOAF "Agent");
	DcatitTermId ia = dcatit_terms_iri_z(m.to, DCATIT_NS_DCATAPIT "Agent");
	DcatitTermId pub = dcatit_terms_iri_z(m.to, DCATIT_NS_DCT "publisher");
	DcatitTermId hold = dcatit_terms_iri_z(m.to, DCATIT_NS_DCT "rightsHolder");
	if (!type || !fa || !ia || !pub || !hold)
		goto oom;
	Ids add_fa = { 0 }, add_ia = { 0 };
	for (size_t i = 0; i < agents.n; i++) {
		DcatitTermId a = map_term(&m, agents.items[i]);
		if (!a)
			goto oom;
		bool has_fa = dcatit_model_has(out, a, type, fa);
		bool has_ia = dcatit_model_has(out, a, type, ia);
		/* an IRI agent described elsewhere (no triple here) is left alone */
		if (!dcatit_model_sp(out, a, 0).n)
			continue;
		if (!has_fa || !has_ia)
			fx->untyped_agents++;
		if ((!has_fa && !ids_add(&add_fa, a)) || (!has_ia && !ids_add(&add_ia, a))) {
			free(add_fa.items);
			free(add_ia.items);
			goto oom;
		}
	}
	DcatitLoc none = { 0, 0 };
	for (size_t i = 0; i < add_fa.n && st == DCATIT_OK; i++)
		st = dcatit_model_add(out, add_fa.items[i], type, fa, none);
	for (size_t i = 0; i < add_ia.n && st == DCATIT_OK; i++)
		st = dcatit_model_add(out, add_ia.items[i], type, ia, none);
	free(add_fa.items);
	free(add_ia.items);
	if (st)
		goto fail;
	for (size_t i = 0; i + 1 < na_subjects.n; i += 2) {
		DcatitTermId s = map_term(&m, na_subjects.items[i]);
		bool is_pub = na_subjects.items[i + 1] == 0;
		if (!s)
			goto oom;
		st = add_default_agent(out, s, is_pub ? DCATIT_NS_DCT "publisher" : DCATIT_NS_DCT "rightsHolder",
		                       is_pub ? dflt_pub : dflt_holder,
		                       is_pub ? src->publisher_name : src->rights_holder_name);
		if (st)
			goto fail;
	}
	for (size_t i = 0; i < datasets.n; i++) {
		DcatitTermId ds = map_term(&m, datasets.items[i]);
		if (!ds)
			goto oom;
		bool need_pub = dflt_pub && !dcatit_model_object(out, ds, pub);
		bool need_holder = dflt_holder && !dcatit_model_object(out, ds, hold);
		if (need_pub) {
			if ((st = add_default_agent(out, ds, DCATIT_NS_DCT "publisher", dflt_pub,
			                            src->publisher_name)))
				goto fail;
			fx->default_publisher++;
		}
		if (need_holder) {
			if ((st = add_default_agent(out, ds, DCATIT_NS_DCT "rightsHolder", dflt_holder,
			                            src->rights_holder_name)))
				goto fail;
			fx->default_holder++;
		}
	}
	goto done;
oom:
	st = DCATIT_ERR_NOMEM;
fail:
	dcatit_diag_set(d, st, NULL, 0, 0, "%s while normalising a record",
	                dcatit_strerror(st));
done:
	free(skip_nodes.items);
	free(skip_links.items);
	free(na_subjects.items);
	free(agents.items);
	free(datasets.items);
	dcatit_buf_release(&m.tmp);
	return st;
}
