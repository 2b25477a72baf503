/* prefixes.h: the namespace prefixes dcatit writes in Turtle and in the
 * JSON-LD @context when a graph has none of its own (what build writes,
 * and what convert writes for ISO 19139, N-Triples or JSON-LD input): the
 * usual names of the DCAT-AP_IT, DCAT-AP and GeoDCAT-AP vocabularies,
 * declared only when the graph uses them. */
#ifndef DCATIT_PREFIXES_H
#define DCATIT_PREFIXES_H

#include "base/status.h"
#include "rdf/model.h"

/* Declare in m the well-known prefixes whose namespace a predicate, a
 * class (object of rdf:type) or a literal's datatype of m uses, in the
 * table's order, skipping a name or a namespace m declares already.
 * DCATIT_ERR_NOMEM when memory runs out. */
DcatitStatus dcatit_prefixes_declare_used(DcatitModel *m);

#endif
