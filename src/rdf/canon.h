/* canon.h: canonical N-Triples, the form golden tests and `diff` compare.
 * Blank nodes are relabelled from their neighbourhood so that isomorphic
 * graphs print identically; lines are sorted bytewise. */
#ifndef DCATIT_CANON_H
#define DCATIT_CANON_H

#include "base/buf.h"
#include "base/status.h"
#include "rdf/model.h"

/* Append the canonical N-Triples of m to out: one triple per line, each
 * line ending in '\n', sorted bytewise, blank nodes labelled _:c0, _:c1, ...
 * from a hash of their neighbourhood. DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_canon_write(DcatitModel *m, DcatitBuf *out);

#endif
