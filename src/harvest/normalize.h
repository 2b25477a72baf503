/* normalize.h: fixing, record by record, what other tools are known to get
 * wrong in DCAT-AP_IT (shared/reference/dcatapit-spec.md §8,
 * ckan-ecosystem.md §4): schema:startDate/endDate, untyped agents, "N/A"
 * publishers, the dcatapit namespace without '#'. Every fix is counted. */
#ifndef DCATIT_HARVEST_NORMALIZE_H
#define DCATIT_HARVEST_NORMALIZE_H

#include "base/status.h"
#include "harvest/source.h"
#include "rdf/model.h"

/* Copy rec (any term store) into out (the run's store), fixing known
 * defects on the way and counting each fix in fx. src gives the default
 * publisher and rights holder for records that have none or "N/A".
 * Blank nodes of a foreign store are relabelled into a fresh scope. */
DcatitStatus dcatit_harvest_normalize(DcatitModel *rec, DcatitModel *out,
                                      const DcatitHarvestSource *src,
                                      DcatitHarvestFixes *fx, DcatitDiag *d);

#endif
