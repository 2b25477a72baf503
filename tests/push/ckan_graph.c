/* ckan_graph.c: the two sides of the push round-trip test, as canonical
 * N-Triples on stdout.
 *   ckan_graph sent FILE...        the datasets of RDF files, cut down to
 *                                  the properties CKAN carries (README.md)
 *   ckan_graph read [--lang L] JSON...  package dicts (package_show
 *                                  envelopes, bare dicts, lists, search
 *                                  results) mapped back to DCAT-AP_IT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "ckan/map.h"
#include "net/json.h"
#include "rdf/canon.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"

#define DCAT "http://www.w3.org/ns/dcat#"
#define DCT "http://purl.org/dc/terms/"
#define DCATAPIT "http://dati.gov.it/onto/dcatapit#"

/* Kept on the dataset; the starred ones are followed to their node. */
static const char *const dataset_props[] = {
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#type", DCT "identifier", DCT "title",
	DCT "description", DCT "modified", DCT "issued", DCT "accrualPeriodicity",
	DCAT "theme", DCT "subject", DCT "language", DCT "spatial", DCT "isVersionOf",
	DCAT "landingPage", "http://www.w3.org/2002/07/owl#versionInfo", DCAT "keyword",
	"*" DCT "publisher", "*" DCT "rightsHolder", "*" DCT "creator", "*" DCT "temporal",
	"*" DCT "conformsTo", "*" DCAT "distribution", "*http://www.w3.org/ns/adms#identifier",
	NULL
};
/* Kept on the nodes reached through a starred property. */
static const char *const node_props[] = {
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://xmlns.com/foaf/0.1/name",
	DCT "identifier", DCAT "startDate", DCAT "endDate", DCT "title", DCT "description",
	DCATAPIT "referenceDocumentation", DCAT "accessURL", DCAT "downloadURL", DCT "format",
	DCT "license", "http://www.w3.org/2004/02/skos/core#notation", "*" DCT "creator", NULL
};

static bool in_list(const char *const *l, const char *p, bool *follow)
{
	for (size_t i = 0; l[i]; i++) {
		const char *x = l[i];
		bool star = x[0] == '*';
		if (strcmp(star ? x + 1 : x, p) == 0) {
			if (follow)
				*follow = star;
			return true;
		}
	}
	return false;
}

/* Copy the kept properties of node, following starred ones depth levels. */
static void copy_node(DcatitModel *m, DcatitModel *out, DcatitTermId node, int depth)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitLoc loc = { 0, 0 };
	DcatitRange r = dcatit_model_sp(m, node, 0);
	for (size_t j = 0; j < r.n; j++) {
		DcatitTriple t2 = *dcatit_model_triple(m, r.idx[j]);
		bool follow = false;
		if (!in_list(node_props, dcatit_terms_str(t, t2.p), &follow))
			continue;
		dcatit_model_add(out, t2.s, t2.p, t2.o, loc);
		if (follow && depth > 1)
			copy_node(m, out, t2.o, depth - 1);
	}
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
	DcatitLoc loc = { 0, 0 };
	for (size_t k = 0; k < n; k++) {
		DcatitRange r = dcatit_model_sp(m, ds[k], 0);
		for (size_t i = 0; i < r.n; i++) {
			DcatitTriple tr = *dcatit_model_triple(m, r.idx[i]);
			bool follow = false;
			if (!in_list(dataset_props, dcatit_terms_str(t, tr.p), &follow))
				continue;
			dcatit_model_add(out, tr.s, tr.p, tr.o, loc);
			if (follow)
				copy_node(m, out, tr.o, 2);
		}
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
