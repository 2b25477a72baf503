/* src_ckan.h: harvesting a CKAN portal through the Action API:
 * package_search paged by `id asc` (rows <= 1000, CKAN's silent cap), the
 * pages after the first fetched in parallel from their start offsets,
 * each package mapped to DCAT-AP_IT with the push mapping (ckan/map.h). */
#ifndef DCATIT_SRC_CKAN_H
#define DCATIT_SRC_CKAN_H

#include "base/status.h"
#include "harvest/source.h"
#include "net/http.h"

/* Fetch every package of src and hand each to fn as one record (id = the
 * package id). Pages are submitted to h, which runs them --jobs at a time.
 * A failed page fails the source (DCATIT_ERR_NETWORK, _REMOTE, _LIMIT,
 * _SYNTAX with the page named in d); what was handed to fn stays. */
DcatitStatus dcatit_src_ckan_harvest(DcatitHttp *h, const DcatitHarvestSource *src,
                                     DcatitHarvestRecordFn fn, void *ud,
                                     DcatitHarvestFetch *f, DcatitDiag *d);

#endif
