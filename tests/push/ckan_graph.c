/* ckan_graph.c: the two sides of the push round-trip test, as canonical
 * N-Triples on stdout.
 *   ckan_graph sent FILE...        the datasets of RDF files, cut down to
 *                                  the properties CKAN carries (ROUNDTRIP.md)
 *   ckan_graph read [--lang L] JSON...  package dicts (package_show
 *                                  envelopes, bare dicts, lists, search
 *                                  results) mapped back to DCAT-AP_IT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "ckan/map.h"
#include "base/json.h"
#include "rdf/canon.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"

#define DCAT "http://www.w3.org/ns/dcat#"
#define DCT "http://purl.org/dc/terms/"
#define DCATAPIT "http://dati.gov.it/onto/dcatapit#"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define FOAF "http://xmlns.com/foaf/0.1/"
#define SPDX "http://spdx.org/rdf/terms#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define ADMS "http://www.w3.org/ns/adms#"

/* What CKAN with ckanext-dcatapit carries, written from ROUNDTRIP.md and
 * not from src/ckan/map.c, so the round-trip test checks the mapping
 * against the list rather than against itself. Per kind of node: the
 * properties kept and how. CKAN keeps the IRIs of datasets, distributions
 * and standards (uri fields), not those of agents, periods, identifiers or
 * checksums: those become fresh blank nodes, one per use. */
typedef enum {
	COPY,     /* the objects as they are */
	ONE_TEXT, /* one literal: Italian, else untagged, else the smallest; as @it */
	ALL_TEXT, /* every literal, untagged ones as @it (a {lang: text} field) */
	PLAIN,    /* literals without their language tag (tags) */
	IRIS,     /* IRI objects only */
	AGENT1,   /* an agent with one name */
	AGENTN,   /* an agent with names per language */
	PERIOD,   /* dct:PeriodOfTime, start/end as dcat:startDate/endDate */
	STANDARD, /* dct:Standard */
	DIST,     /* dcat:Distribution */
	ALTID,    /* adms:Identifier */
	CHECKSUM, /* spdx:Checksum */
	BYTES,    /* a size: CKAN keeps the integer, it comes back as xsd:decimal */
} How;

typedef struct {
	const char *p;
	How how;
} Rule;

static const Rule dataset_rules[] = {
	{ DCT "identifier", COPY }, { DCT "title", ONE_TEXT }, { DCT "description", ONE_TEXT },
	{ DCT "modified", COPY }, { DCT "issued", COPY }, { DCT "accrualPeriodicity", COPY },
	{ DCAT "theme", COPY }, { DCT "subject", IRIS }, { DCT "language", COPY },
	{ DCT "spatial", IRIS }, { DCT "isVersionOf", COPY }, { DCAT "landingPage", COPY },
	{ "http://www.w3.org/2002/07/owl#versionInfo", COPY }, { DCAT "keyword", PLAIN },
	{ DCT "publisher", AGENT1 }, { DCT "rightsHolder", AGENT1 }, { DCT "creator", AGENTN },
	{ DCT "temporal", PERIOD }, { DCT "conformsTo", STANDARD }, { DCAT "distribution", DIST },
	{ ADMS "identifier", ALTID },
	/* ckanext-dcat's euro_dcat_ap free extras */
	{ DCT "accessRights", COPY }, { DCT "type", COPY },
	{ ADMS "versionNotes", ONE_TEXT }, { FOAF "page", IRIS }, { DCT "hasVersion", IRIS },
	{ DCT "source", IRIS }, { ADMS "sample", IRIS }, { NULL, COPY }
};
static const Rule agent_rules[] = { { DCT "identifier", COPY }, { NULL, COPY } };
static const Rule standard_rules[] = {
	{ DCT "identifier", COPY }, { DCT "title", ALL_TEXT }, { DCT "description", ALL_TEXT },
	{ DCATAPIT "referenceDocumentation", COPY }, { NULL, COPY }
};
static const Rule dist_rules[] = {
	{ DCAT "accessURL", COPY }, { DCAT "downloadURL", COPY }, { DCT "title", ONE_TEXT },
	{ DCT "description", ONE_TEXT }, { DCT "format", COPY }, { DCT "license", COPY },
	{ DCAT "byteSize", BYTES }, { DCAT "mediaType", COPY }, { DCT "issued", COPY },
	{ DCT "modified", COPY }, { DCT "language", COPY }, { DCT "conformsTo", IRIS },
	{ SPDX "checksum", CHECKSUM }, { ADMS "status", COPY }, { FOAF "page", IRIS },
	{ NULL, COPY }
};
static const Rule altid_rules[] = {
	{ "http://www.w3.org/2004/02/skos/core#notation", COPY }, { DCT "creator", AGENTN },
	{ NULL, COPY }
};
static const Rule checksum_rules[] = {
	{ SPDX "algorithm", COPY }, { SPDX "checksumValue", COPY }, { NULL, COPY }
};

typedef struct {
	DcatitModel *m, *out;
	DcatitTerms *t;
} Ctx;

static DcatitTermId I(Ctx *c, const char *iri)
{
	return dcatit_terms_iri_z(c->t, iri);
}

static void put(Ctx *c, DcatitTermId s, DcatitTermId p, DcatitTermId o)
{
	DcatitLoc loc = { 0, 0 };
	dcatit_model_add(c->out, s, p, o, loc);
}

static void type2(Ctx *c, DcatitTermId s, const char *a, const char *b)
{
	put(c, s, I(c, RDF_TYPE), I(c, a));
	if (b)
		put(c, s, I(c, RDF_TYPE), I(c, b));
}

static DcatitTermId as_it(Ctx *c, DcatitTermId l)
{
	const char *lang = dcatit_terms_lang(c->t, l);
	if (*lang)
		return l;
	return dcatit_terms_literal_z(c->t, dcatit_terms_str(c->t, l), 0, "it");
}

static void node(Ctx *c, DcatitTermId from, DcatitTermId to, const Rule *rules);

/* One property of a node, objects handled as the rule says. */
static void prop(Ctx *c, DcatitTermId from, DcatitTermId to, const Rule *r)
{
	DcatitTermId p = I(c, r->p);
	DcatitRange rg = dcatit_model_sp(c->m, from, p);
	DcatitTermId best = 0;
	int best_rank = 9;
	for (size_t i = 0; i < rg.n; i++) {
		DcatitTermId o = dcatit_model_triple(c->m, rg.idx[i])->o;
		bool lit = dcatit_terms_is_literal(c->t, o);
		DcatitTermId fresh = 0;
		switch (r->how) {
		case COPY:
			put(c, to, p, o);
			break;
		case BYTES:
			if (lit)
				put(c, to, p, dcatit_terms_literal_z(c->t, dcatit_terms_str(c->t, o),
				                                     I(c, XSD "decimal"), NULL));
			break;
		case IRIS:
			if (dcatit_terms_is_iri(c->t, o))
				put(c, to, p, o);
			break;
		case PLAIN:
			if (lit)
				put(c, to, p, dcatit_terms_literal_z(c->t, dcatit_terms_str(c->t, o), 0, NULL));
			break;
		case ALL_TEXT:
			if (lit)
				put(c, to, p, as_it(c, o));
			break;
		case ONE_TEXT: {
			if (!lit)
				break;
			const char *lang = dcatit_terms_lang(c->t, o);
			int rank = strcmp(lang, "it") == 0 ? 0 : *lang ? 2 : 1;
			if (rank < best_rank || (rank == best_rank &&
			    strcmp(dcatit_terms_str(c->t, o), dcatit_terms_str(c->t, best)) < 0)) {
				best = o;
				best_rank = rank;
			}
			break;
		}
		case AGENT1:
		case AGENTN:
			fresh = dcatit_terms_bnode_fresh(c->t);
			put(c, to, p, fresh);
			type2(c, fresh, DCATAPIT "Agent", FOAF "Agent");
			node(c, o, fresh, agent_rules);
			prop(c, o, fresh, &(Rule){ FOAF "name", r->how == AGENT1 ? ONE_TEXT : ALL_TEXT });
			break;
		case PERIOD: {
			fresh = dcatit_terms_bnode_fresh(c->t);
			put(c, to, p, fresh);
			type2(c, fresh, DCT "PeriodOfTime", NULL);
			/* start and end under any of the three names DCAT-AP_IT data uses */
			static const char *const ns[] = { DCAT, DCATAPIT, "http://schema.org/" };
			for (int e = 0; e < 2; e++) {
				for (int k = 0; k < 3; k++) {
					char pn[80];
					snprintf(pn, sizeof pn, "%s%s", ns[k], e ? "endDate" : "startDate");
					DcatitRange d = dcatit_model_sp(c->m, o, I(c, pn));
					if (d.n) {
						put(c, fresh, I(c, e ? DCAT "endDate" : DCAT "startDate"),
						    dcatit_model_triple(c->m, d.idx[0])->o);
						break;
					}
				}
			}
			break;
		}
		case STANDARD:
			fresh = dcatit_terms_is_iri(c->t, o) ? o : dcatit_terms_bnode_fresh(c->t);
			put(c, to, p, fresh);
			type2(c, fresh, DCT "Standard", DCATAPIT "Standard");
			node(c, o, fresh, standard_rules);
			/* the schema requires an identifier: an IRI stands in for a missing one */
			if (!dcatit_model_sp(c->m, o, I(c, DCT "identifier")).n && fresh == o)
				put(c, fresh, I(c, DCT "identifier"),
				    dcatit_terms_literal_z(c->t, dcatit_terms_str(c->t, o), 0, NULL));
			break;
		case DIST:
			put(c, to, p, o);
			type2(c, o, DCAT "Distribution", DCATAPIT "Distribution");
			node(c, o, o, dist_rules);
			break;
		case ALTID:
			fresh = dcatit_terms_bnode_fresh(c->t);
			put(c, to, p, fresh);
			type2(c, fresh, ADMS "Identifier", NULL);
			node(c, o, fresh, altid_rules);
			break;
		case CHECKSUM:
			fresh = dcatit_terms_bnode_fresh(c->t);
			put(c, to, p, fresh);
			type2(c, fresh, SPDX "Checksum", NULL);
			node(c, o, fresh, checksum_rules);
			break;
		}
	}
	if (best)
		put(c, to, p, as_it(c, best));
}

/* The kept properties of `from`, written on `to`. */
static void node(Ctx *c, DcatitTermId from, DcatitTermId to, const Rule *rules)
{
	for (size_t i = 0; rules[i].p; i++)
		prop(c, from, to, &rules[i]);
}

static int sent(int argc, char **argv)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitModel *out = dcatit_model_new(t);
	DcatitDiag d;
	for (int i = 0; i < argc; i++) {
		DcatitParseOpts po = { 0 };
		dcatit_diag_init(&d);
		if (dcatit_rdfio_parse_file(m, argv[i], &po, &d) != DCATIT_OK) {
			fprintf(stderr, "ckan_graph: %s:%lu: %s\n", d.file, d.line, d.message);
			return 3;
		}
	}
	DcatitTermId *ds;
	size_t n;
	dcatit_ckan_map_datasets(m, &ds, &n);
	Ctx c = { .m = m, .out = out, .t = t };
	for (size_t k = 0; k < n; k++) {
		type2(&c, ds[k], DCAT "Dataset", DCATAPIT "Dataset");
		node(&c, ds[k], ds[k], dataset_rules);
	}
	free(ds);
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_canon_write(out, &b);
	fwrite(b.data ? b.data : "", 1, b.len, stdout);
	dcatit_buf_release(&b);
	dcatit_model_free(out);
	dcatit_model_free(m);
	dcatit_terms_free(t);
	return 0;
}

static int add_pkgs(DcatitModel *m, const DcatitJson *j, const DcatitCkanBackOpts *o)
{
	if (dcatit_json_is_array(j)) {
		for (size_t i = 0; i < dcatit_json_size(j); i++)
			if (add_pkgs(m, dcatit_json_at(j, i), o))
				return 1;
		return 0;
	}
	if (dcatit_json_get(j, "result"))
		return add_pkgs(m, dcatit_json_get(j, "result"), o);
	if (dcatit_json_get(j, "results"))
		return add_pkgs(m, dcatit_json_get(j, "results"), o);
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_ckan_map_package(m, j, o, NULL, &d) != DCATIT_OK) {
		fprintf(stderr, "ckan_graph: %s\n", d.message);
		return 1;
	}
	return 0;
}

static int readback(int argc, char **argv)
{
	DcatitCkanBackOpts o = { 0 };
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	int i = 0;
	if (i + 1 < argc && strcmp(argv[i], "--lang") == 0) {
		o.lang = argv[i + 1];
		i += 2;
	}
	for (; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 3;
		}
		DcatitBuf b;
		dcatit_buf_init(&b);
		char chunk[65536];
		size_t n;
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			dcatit_buf_add(&b, chunk, n);
		fclose(f);
		DcatitDiag d;
		dcatit_diag_init(&d);
		DcatitJson *j = dcatit_json_parse(b.data ? b.data : "", b.len, &d);
		dcatit_buf_release(&b);
		if (!j) {
			fprintf(stderr, "ckan_graph: %s:%lu: %s\n", argv[i], d.line, d.message);
			return 3;
		}
		int rc = add_pkgs(m, j, &o);
		dcatit_json_free(j);
		if (rc)
			return 3;
	}
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_canon_write(m, &b);
	fwrite(b.data ? b.data : "", 1, b.len, stdout);
	dcatit_buf_release(&b);
	dcatit_model_free(m);
	dcatit_terms_free(t);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "sent") == 0)
		return sent(argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "read") == 0)
		return readback(argc - 2, argv + 2);
	fputs("usage: ckan_graph sent RDF... | ckan_graph read [--lang L] JSON...\n", stderr);
	return 2;
}
