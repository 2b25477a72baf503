/* vocab.h: IRIs the program needs, interned once at start-up into a struct
 * of ids (as sord_validate's URIs), so checks compare integers. Add an entry
 * to DCATIT_VOCAB_LIST and it appears as a field of DcatitVocab. */
#ifndef DCATIT_VOCAB_H
#define DCATIT_VOCAB_H

#include "base/status.h"
#include "rdf/term.h"

#define DCATIT_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define DCATIT_NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define DCATIT_NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define DCATIT_NS_OWL "http://www.w3.org/2002/07/owl#"
#define DCATIT_NS_SH "http://www.w3.org/ns/shacl#"
#define DCATIT_NS_DCAT "http://www.w3.org/ns/dcat#"
#define DCATIT_NS_DCT "http://purl.org/dc/terms/"
#define DCATIT_NS_DCATAPIT "http://dati.gov.it/onto/dcatapit#"
#define DCATIT_NS_FOAF "http://xmlns.com/foaf/0.1/"
#define DCATIT_NS_VCARD "http://www.w3.org/2006/vcard/ns#"
#define DCATIT_NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define DCATIT_NS_ADMS "http://www.w3.org/ns/adms#"
#define DCATIT_NS_LOCN "http://www.w3.org/ns/locn#"
#define DCATIT_NS_SPDX "http://spdx.org/rdf/terms#"
#define DCATIT_NS_HYDRA "http://www.w3.org/ns/hydra/core#"
#define DCATIT_NS_SCHEMA "http://schema.org/"
#define DCATIT_NS_GSP "http://www.opengis.net/ont/geosparql#"
#define DCATIT_NS_DCATIT "https://w3id.org/dcatit/ns#"
#define DCATIT_NS_DCATAP "http://data.europa.eu/r5r/"

/* X(field, IRI) */
#define DCATIT_VOCAB_LIST(X) \
	X(rdf_type, DCATIT_NS_RDF "type") \
	X(rdf_first, DCATIT_NS_RDF "first") \
	X(rdf_rest, DCATIT_NS_RDF "rest") \
	X(rdf_nil, DCATIT_NS_RDF "nil") \
	X(rdf_langString, DCATIT_NS_RDF "langString") \
	X(rdfs_subClassOf, DCATIT_NS_RDFS "subClassOf") \
	X(rdfs_Class, DCATIT_NS_RDFS "Class") \
	X(rdfs_label, DCATIT_NS_RDFS "label") \
	X(rdfs_comment, DCATIT_NS_RDFS "comment") \
	X(owl_imports, DCATIT_NS_OWL "imports") \
	X(xsd_string, DCATIT_NS_XSD "string") \
	X(xsd_boolean, DCATIT_NS_XSD "boolean") \
	X(xsd_integer, DCATIT_NS_XSD "integer") \
	X(xsd_decimal, DCATIT_NS_XSD "decimal") \
	X(xsd_double, DCATIT_NS_XSD "double") \
	X(xsd_float, DCATIT_NS_XSD "float") \
	X(xsd_date, DCATIT_NS_XSD "date") \
	X(xsd_dateTime, DCATIT_NS_XSD "dateTime") \
	X(xsd_nonNegativeInteger, DCATIT_NS_XSD "nonNegativeInteger") \
	X(xsd_anyURI, DCATIT_NS_XSD "anyURI") \
	X(dcat_Catalog, DCATIT_NS_DCAT "Catalog") \
	X(dcat_Dataset, DCATIT_NS_DCAT "Dataset") \
	X(dcat_Distribution, DCATIT_NS_DCAT "Distribution") \
	X(dcat_DataService, DCATIT_NS_DCAT "DataService") \
	X(dcat_dataset, DCATIT_NS_DCAT "dataset") \
	X(dcat_distribution, DCATIT_NS_DCAT "distribution") \
	X(dcatapit_Catalog, DCATIT_NS_DCATAPIT "Catalog") \
	X(dcatapit_Dataset, DCATIT_NS_DCATAPIT "Dataset") \
	X(dcatapit_Distribution, DCATIT_NS_DCATAPIT "Distribution") \
	X(dcatapit_Agent, DCATIT_NS_DCATAPIT "Agent") \
	X(dct_identifier, DCATIT_NS_DCT "identifier") \
	X(dct_title, DCATIT_NS_DCT "title") \
	X(foaf_name, DCATIT_NS_FOAF "name")

typedef struct {
#define DCATIT_VOCAB_FIELD(f, iri) DcatitTermId f;
	DCATIT_VOCAB_LIST(DCATIT_VOCAB_FIELD)
#undef DCATIT_VOCAB_FIELD
} DcatitVocab;

/* Intern every IRI of the list into t; DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_vocab_init(DcatitVocab *v, DcatitTerms *t);

#endif
