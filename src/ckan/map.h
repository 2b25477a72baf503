/* map.h: DCAT-AP_IT in the model <-> CKAN package dicts of the
 * ckanext-dcatapit schema (shared/reference/ckan-ecosystem.md §2). The
 * forward direction feeds `push`, the reverse one reads package_show and
 * package_search results back into the model (round-trip tests, harvest). */
#ifndef DCATIT_CKAN_MAP_H
#define DCATIT_CKAN_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"
#include "base/json.h"
#include "rdf/model.h"

/* Options of the reverse mapping; zero-initialise. */
typedef struct {
	const char *site_url; /* base of minted IRIs (default "urn:ckan:") */
	const char *lang;     /* language tag for title, notes, agent names
	                         (CKAN keeps none); NULL: plain literals */
} DcatitCkanBackOpts;

/* The dataset nodes of m (typed dcat:Dataset or dcatapit:Dataset) in a
 * malloc'd array sorted by IRI/label (caller frees *ids). */
DcatitStatus dcatit_ckan_map_datasets(DcatitModel *m, DcatitTermId **ids,
                                      size_t *n);
/* Map dataset ds to a new package dict (no name, owner_org or bookkeeping
 * extras); caller frees *out. DCATIT_ERR_INVALID with the dataset located
 * in d when it has no dct:identifier. Lists are sorted, so the same graph
 * always gives the same dict. */
DcatitStatus dcatit_ckan_map_dataset(DcatitModel *m, DcatitTermId ds,
                                     DcatitJson **out, DcatitDiag *d);
/* The fields of ckanext-dcatapit's organization schema for the agent
 * that holds the catalogue (the rights holder with a dct:identifier of the
 * first dataset, else its publisher): identifier, title (its name), and
 * email, telephone, site from the agent's vcard data or foaf:homepage, else
 * the contact points of its datasets. *out is a new object (caller frees)
 * or NULL when no dataset names such an agent. */
DcatitStatus dcatit_ckan_map_org(DcatitModel *m, DcatitJson **out);
/* Map one package dict (package_show or package_search shape) into m;
 * *ds (may be NULL) receives the dataset node. */
DcatitStatus dcatit_ckan_map_package(DcatitModel *m, const DcatitJson *pkg,
                                     const DcatitCkanBackOpts *opts,
                                     DcatitTermId *ds, DcatitDiag *d);

/* How many distributions of dataset ds have a licence that ckanext-dcatapit
 * cannot point at (no licence document, e.g. C1_Unknown): the portal
 * publishes a CC BY 4.0 licence for those. *first (may be NULL) gets the
 * first such licence IRI (borrowed) or NULL. */
size_t dcatit_ckan_licences_unknown_to_portal(DcatitModel *m, DcatitTermId ds,
                                              const char **first);

/* Derive a CKAN package name (2-100 chars of [a-z0-9_-]) from a dataset
 * identifier into out (cap >= 101); false when nothing usable is left. */
bool dcatit_ckan_name_from_identifier(const char *identifier, char *out,
                                      size_t cap);
/* Clean a keyword to CKAN's tag rules (alphanumerics, space, - _ .,
 * 2-100 characters) into out; false when nothing usable is left. */
bool dcatit_ckan_tag_clean(const char *kw, DcatitBuf *out);
/* A package dict field as a string: top level, else in extras (the
 * package_search shape); borrowed; NULL when absent. */
const char *dcatit_ckan_field(const DcatitJson *pkg, const char *key);

#endif
