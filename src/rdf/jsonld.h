/* jsonld.h: writing a graph as JSON-LD (flattened form: one node object per
 * subject in "@graph") with a compact "@context" made of the model's
 * prefixes, so keys read "dct:title". The only jansson user on the RDF
 * side. Output is sorted (subjects, keys, values): the same graph always
 * gives the same bytes. */
#ifndef DCATIT_JSONLD_H
#define DCATIT_JSONLD_H

#include "base/buf.h"
#include "base/status.h"
#include "rdf/model.h"

/* Append the JSON-LD document of m to out (UTF-8, 2-space indent, final
 * newline). DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_jsonld_write(DcatitModel *m, DcatitBuf *out, DcatitDiag *d);

#endif
