/* jsonld_write.h: a graph as flattened JSON-LD (one node object per
 * subject in "@graph") with a compact "@context" made of the model's
 * prefixes, so keys read "dct:title"; output is sorted (subjects, keys,
 * values): the same graph always gives the same bytes. */
#ifndef DCATIT_JSONLD_WRITE_H
#define DCATIT_JSONLD_WRITE_H

#include "base/buf.h"
#include "base/status.h"
#include "rdf/model.h"

/* Append the JSON-LD document of m to out (UTF-8, 2-space indent, final
 * newline). DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_jsonld_write(DcatitModel *m, DcatitBuf *out, DcatitDiag *d);

#endif
