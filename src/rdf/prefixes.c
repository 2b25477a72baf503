/* prefixes.c: the well-known prefixes of prefixes.h. Each term is looked
 * at once, not once per triple, so a large catalogue costs one pass. */
#include "rdf/prefixes.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "rdf/term.h"
#include "rdf/vocab.h"

/* Sorted by name: the order of the @prefix lines. */
static const char *const prefixes[][2] = {
	{ "adms", DCATIT_NS_ADMS },
	{ "cnt", "http://www.w3.org/2011/content#" },
	{ "dcat", DCATIT_NS_DCAT },
	{ "dcatap", DCATIT_NS_DCATAP },
	{ "dcatapit", DCATIT_NS_DCATAPIT },
	{ "dcatit", DCATIT_NS_DCATIT },
	{ "dct", DCATIT_NS_DCT },
	{ "dqv", "http://www.w3.org/ns/dqv#" },
	{ "eli", "http://data.europa.eu/eli/ontology#" },
	{ "foaf", DCATIT_NS_FOAF },
	{ "geodcatap", "http://data.europa.eu/930/" },
	{ "gsp", DCATIT_NS_GSP },
	{ "hydra", DCATIT_NS_HYDRA },
	{ "locn", DCATIT_NS_LOCN },
	{ "owl", DCATIT_NS_OWL },
	{ "prov", "http://www.w3.org/ns/prov#" },
	{ "rdf", DCATIT_NS_RDF },
	{ "rdfs", DCATIT_NS_RDFS },
	{ "schema", DCATIT_NS_SCHEMA },
	{ "skos", DCATIT_NS_SKOS },
	{ "spdx", DCATIT_NS_SPDX },
	{ "vcard", DCATIT_NS_VCARD },
	{ "xsd", DCATIT_NS_XSD },
};

#define NPREFIXES (sizeof prefixes / sizeof prefixes[0])

static void mark_ns(DcatitTerms *t, DcatitTermId id, bool used[NPREFIXES],
                    unsigned char *seen)
{
	if (!id || seen[id])
		return;
	seen[id] = 1;
	const char *s = dcatit_terms_str(t, id);
	for (size_t i = 0; i < NPREFIXES; i++)
		if (!used[i] && strncmp(s, prefixes[i][1], strlen(prefixes[i][1])) == 0)
			used[i] = true;
}

/* Whether m declares the name or the namespace of table entry i already. */
static bool declared(const DcatitModel *m, size_t i)
{
	for (size_t k = 0, n = dcatit_model_prefix_count(m); k < n; k++) {
		const char *name, *iri;
		dcatit_model_prefix(m, k, &name, &iri);
		if (strcmp(name, prefixes[i][0]) == 0 || strcmp(iri, prefixes[i][1]) == 0)
			return true;
	}
	return false;
}

DcatitStatus dcatit_prefixes_declare_used(DcatitModel *m)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitTermId type = dcatit_terms_find_iri(t, DCATIT_NS_RDF "type");
	bool used[NPREFIXES] = { false };
	unsigned char *seen = calloc(dcatit_terms_count(t) + 1, 1);
	if (!seen)
		return DCATIT_ERR_NOMEM;
	size_t n = dcatit_model_size(m);
	for (size_t i = 0; i < n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(m, i);
		mark_ns(t, tr->p, used, seen);
		if (tr->p == type)
			mark_ns(t, tr->o, used, seen);
		else if (dcatit_terms_is_literal(t, tr->o))
			mark_ns(t, dcatit_terms_datatype(t, tr->o), used, seen);
	}
	free(seen);
	for (size_t i = 0; i < NPREFIXES; i++) {
		if (!used[i] || declared(m, i))
			continue;
		DcatitStatus st = dcatit_model_add_prefix(m, prefixes[i][0], prefixes[i][1]);
		if (st != DCATIT_OK)
			return st;
	}
	return DCATIT_OK;
}
