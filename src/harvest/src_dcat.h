/* src_dcat.h: harvesting an RDF document (catalog.rdf, catalog.ttl, a
 * ckanext-dcat /catalog endpoint) in any syntax rdfio reads, the syntax
 * sniffed when the Content-Type lies, following hydra next/nextPage
 * links with loop detection over every visited page and a page cap. */
#ifndef DCATIT_SRC_DCAT_H
#define DCATIT_SRC_DCAT_H

#include "base/status.h"
#include "harvest/source.h"
#include "net/http.h"

/* Fetch the pages of src and hand every dataset (the dataset node with
 * its closure: distributions, agents, contact points, reachable blank
 * nodes) to fn as one record, id = the dataset IRI (else its
 * dct:identifier). Pages answering 304 to a conditional request (ETag,
 * Last-Modified from f->prev_pages) hand their earlier record ids to
 * f->keep. f->pages receives this run's page cache. A failed page (HTTP
 * error, HTML, invalid UTF-8, syntax error, size limit, page cap) fails the
 * source; a cycle ends it with a warning and f->cut_short set. */
DcatitStatus dcatit_src_dcat_harvest(DcatitHttp *h, const DcatitHarvestSource *src,
                                     DcatitHarvestRecordFn fn, void *ud,
                                     DcatitHarvestFetch *f, DcatitDiag *d);

#endif
