/* cvocab.h: the IRIs the catalogue builder emits, interned once into a struct
 * of ids like rdf/vocab.h. Kept apart from rdf/vocab.h so that the builder's
 * long list does not grow the core one that every module includes. */
#ifndef DCATIT_CVOCAB_H
#define DCATIT_CVOCAB_H

#include "base/status.h"
#include "rdf/term.h"
#include "rdf/vocab.h"

#define DCATIT_NS_EU_AUTH "http://publications.europa.eu/resource/authority/"
#define DCATIT_NS_LICENCES "https://w3id.org/italia/controlled-vocabulary/licences/"
#define DCATIT_NS_EUROVOC "http://eurovoc.europa.eu/"
#define DCATIT_NS_IANA_MT "https://www.iana.org/assignments/media-types/"
/* Commission Implementing Regulation (EU) 2023/138, the high-value datasets,
 * and the EU table of its categories (c_9427236f: administrative units). */
#define DCATIT_NS_HVD_ELI "http://data.europa.eu/eli/reg_impl/2023/138/oj"
#define DCATIT_NS_HVD_CATEGORY "http://data.europa.eu/bna/"

/* X(field, IRI) */
#define DCATIT_CVOCAB_LIST(X) \
	X(rdf_type, DCATIT_NS_RDF "type") \
	X(rdfs_comment, DCATIT_NS_RDFS "comment") \
	X(rdfs_label, DCATIT_NS_RDFS "label") \
	X(owl_versionInfo, DCATIT_NS_OWL "versionInfo") \
	X(xsd_date, DCATIT_NS_XSD "date") \
	X(xsd_decimal, DCATIT_NS_XSD "decimal") \
	X(xsd_integer, DCATIT_NS_XSD "integer") \
	X(xsd_nonNegativeInteger, DCATIT_NS_XSD "nonNegativeInteger") \
	X(xsd_hexBinary, DCATIT_NS_XSD "hexBinary") \
	X(dcat_Catalog, DCATIT_NS_DCAT "Catalog") \
	X(dcat_Dataset, DCATIT_NS_DCAT "Dataset") \
	X(dcat_Distribution, DCATIT_NS_DCAT "Distribution") \
	X(dcat_DataService, DCATIT_NS_DCAT "DataService") \
	X(dcat_dataset, DCATIT_NS_DCAT "dataset") \
	X(dcat_distribution, DCATIT_NS_DCAT "distribution") \
	X(dcat_theme, DCATIT_NS_DCAT "theme") \
	X(dcat_themeTaxonomy, DCATIT_NS_DCAT "themeTaxonomy") \
	X(dcat_keyword, DCATIT_NS_DCAT "keyword") \
	X(dcat_contactPoint, DCATIT_NS_DCAT "contactPoint") \
	X(dcat_landingPage, DCATIT_NS_DCAT "landingPage") \
	X(dcat_accessURL, DCATIT_NS_DCAT "accessURL") \
	X(dcat_downloadURL, DCATIT_NS_DCAT "downloadURL") \
	X(dcat_byteSize, DCATIT_NS_DCAT "byteSize") \
	X(dcat_mediaType, DCATIT_NS_DCAT "mediaType") \
	X(dcat_accessService, DCATIT_NS_DCAT "accessService") \
	X(dcat_endpointURL, DCATIT_NS_DCAT "endpointURL") \
	X(dcat_endpointDescription, DCATIT_NS_DCAT "endpointDescription") \
	X(dcat_servesDataset, DCATIT_NS_DCAT "servesDataset") \
	X(dcat_bbox, DCATIT_NS_DCAT "bbox") \
	X(dcat_startDate, DCATIT_NS_DCAT "startDate") \
	X(dcat_endDate, DCATIT_NS_DCAT "endDate") \
	X(dcatapit_Catalog, DCATIT_NS_DCATAPIT "Catalog") \
	X(dcatapit_Dataset, DCATIT_NS_DCATAPIT "Dataset") \
	X(dcatapit_Distribution, DCATIT_NS_DCATAPIT "Distribution") \
	X(dcatapit_Agent, DCATIT_NS_DCATAPIT "Agent") \
	X(dcatapit_Organization, DCATIT_NS_DCATAPIT "Organization") \
	X(dcatapit_Standard, DCATIT_NS_DCATAPIT "Standard") \
	X(dcatapit_LicenseDocument, DCATIT_NS_DCATAPIT "LicenseDocument") \
	X(dcatapit_startDate, DCATIT_NS_DCATAPIT "startDate") \
	X(dcatapit_endDate, DCATIT_NS_DCATAPIT "endDate") \
	X(dcatapit_referenceDocumentation, DCATIT_NS_DCATAPIT "referenceDocumentation") \
	X(dct_identifier, DCATIT_NS_DCT "identifier") \
	X(dct_title, DCATIT_NS_DCT "title") \
	X(dct_description, DCATIT_NS_DCT "description") \
	X(dct_publisher, DCATIT_NS_DCT "publisher") \
	X(dct_rightsHolder, DCATIT_NS_DCT "rightsHolder") \
	X(dct_rights, DCATIT_NS_DCT "rights") \
	X(dct_RightsStatement, DCATIT_NS_DCT "RightsStatement") \
	X(dct_creator, DCATIT_NS_DCT "creator") \
	X(dct_contributor, DCATIT_NS_DCT "contributor") \
	X(dct_issued, DCATIT_NS_DCT "issued") \
	X(dct_modified, DCATIT_NS_DCT "modified") \
	X(dct_language, DCATIT_NS_DCT "language") \
	X(dct_license, DCATIT_NS_DCT "license") \
	X(dct_spatial, DCATIT_NS_DCT "spatial") \
	X(dct_temporal, DCATIT_NS_DCT "temporal") \
	X(dct_subject, DCATIT_NS_DCT "subject") \
	X(dct_accrualPeriodicity, DCATIT_NS_DCT "accrualPeriodicity") \
	X(dct_conformsTo, DCATIT_NS_DCT "conformsTo") \
	X(dct_format, DCATIT_NS_DCT "format") \
	X(dct_type, DCATIT_NS_DCT "type") \
	X(dct_PeriodOfTime, DCATIT_NS_DCT "PeriodOfTime") \
	X(dct_Location, DCATIT_NS_DCT "Location") \
	X(dct_Standard, DCATIT_NS_DCT "Standard") \
	X(dct_LicenseDocument, DCATIT_NS_DCT "LicenseDocument") \
	X(dct_Frequency, DCATIT_NS_DCT "Frequency") \
	X(dct_LinguisticSystem, DCATIT_NS_DCT "LinguisticSystem") \
	X(dct_MediaTypeOrExtent, DCATIT_NS_DCT "MediaTypeOrExtent") \
	X(dct_MediaType, DCATIT_NS_DCT "MediaType") \
	X(skos_Concept, DCATIT_NS_SKOS "Concept") \
	X(skos_ConceptScheme, DCATIT_NS_SKOS "ConceptScheme") \
	X(skos_prefLabel, DCATIT_NS_SKOS "prefLabel") \
	X(skos_narrowMatch, DCATIT_NS_SKOS "narrowMatch") \
	X(foaf_Agent, DCATIT_NS_FOAF "Agent") \
	X(foaf_Document, DCATIT_NS_FOAF "Document") \
	X(foaf_name, DCATIT_NS_FOAF "name") \
	X(foaf_homepage, DCATIT_NS_FOAF "homepage") \
	X(vcard_Organization, DCATIT_NS_VCARD "Organization") \
	X(vcard_Kind, DCATIT_NS_VCARD "Kind") \
	X(vcard_fn, DCATIT_NS_VCARD "fn") \
	X(vcard_hasEmail, DCATIT_NS_VCARD "hasEmail") \
	X(vcard_hasURL, DCATIT_NS_VCARD "hasURL") \
	X(locn_geometry, DCATIT_NS_LOCN "geometry") \
	X(gsp_wktLiteral, DCATIT_NS_GSP "wktLiteral") \
	X(spdx_checksum, DCATIT_NS_SPDX "checksum") \
	X(spdx_Checksum, DCATIT_NS_SPDX "Checksum") \
	X(spdx_algorithm, DCATIT_NS_SPDX "algorithm") \
	X(spdx_checksumValue, DCATIT_NS_SPDX "checksumValue") \
	X(spdx_sha256, DCATIT_NS_SPDX "checksumAlgorithm_sha256") \
	X(spdx_sha1, DCATIT_NS_SPDX "checksumAlgorithm_sha1") \
	X(hydra_PagedCollection, DCATIT_NS_HYDRA "PagedCollection") \
	X(hydra_totalItems, DCATIT_NS_HYDRA "totalItems") \
	X(hydra_itemsPerPage, DCATIT_NS_HYDRA "itemsPerPage") \
	X(hydra_first, DCATIT_NS_HYDRA "first") \
	X(hydra_last, DCATIT_NS_HYDRA "last") \
	X(hydra_next, DCATIT_NS_HYDRA "next") \
	X(hydra_previous, DCATIT_NS_HYDRA "previous") \
	X(hydra_firstPage, DCATIT_NS_HYDRA "firstPage") \
	X(hydra_lastPage, DCATIT_NS_HYDRA "lastPage") \
	X(hydra_nextPage, DCATIT_NS_HYDRA "nextPage") \
	X(hydra_previousPage, DCATIT_NS_HYDRA "previousPage") \
	X(srs_type, "http://inspire.ec.europa.eu/glossary/SpatialReferenceSystem") \
	X(theme_scheme, DCATIT_NS_EU_AUTH "data-theme") \
	X(rdfs_Resource, DCATIT_NS_RDFS "Resource") \
	X(rdfs_seeAlso, DCATIT_NS_RDFS "seeAlso") \
	X(skos_exactMatch, DCATIT_NS_SKOS "exactMatch") \
	X(foaf_page, DCATIT_NS_FOAF "page") \
	X(spdx_ChecksumAlgorithm, DCATIT_NS_SPDX "ChecksumAlgorithm") \
	X(dcatap_applicableLegislation, DCATIT_NS_DCATAP "applicableLegislation") \
	X(dcatap_hvdCategory, DCATIT_NS_DCATAP "hvdCategory") \
	X(eli_LegalResource, "http://data.europa.eu/eli/ontology#LegalResource") \
	X(hvd_regulation, DCATIT_NS_HVD_ELI) \
	X(dcatapit_referenceDoc, DCATIT_NS_DCATAPIT "referenceDoc")

typedef struct {
#define DCATIT_CVOCAB_FIELD(f, iri) DcatitTermId f;
	DCATIT_CVOCAB_LIST(DCATIT_CVOCAB_FIELD)
#undef DCATIT_CVOCAB_FIELD
} DcatitCatVocab;

/* Intern every IRI of the list into t; DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_cvocab_init(DcatitCatVocab *v, DcatitTerms *t);

#endif
