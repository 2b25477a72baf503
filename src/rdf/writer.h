/* writer.h: our own Turtle and RDF/XML serialisers. raptor's abbreviating
 * serialisers keep a tree of the whole graph and spent 75% of a 10,000-record
 * build; these write one subject at a time from the model's indexes, and
 * choose Turtle's short forms (numbers, booleans) only when the lexical
 * form is exactly what the Turtle grammar reads back as the same literal. */
#ifndef DCATIT_WRITER_H
#define DCATIT_WRITER_H

#include "base/buf.h"
#include "base/status.h"
#include "rdf/model.h"

/* Append m as Turtle to out: the model's prefixes, then one block per
 * subject, IRIs in byte order then labelled blank nodes; predicates sorted
 * (rdf:type first, as "a"), objects sorted; a blank node that is the object
 * of exactly one triple is nested as [ ... ]; other blank nodes are
 * relabelled _:b0, _:b1, ... in order of appearance. IRIs are written
 * absolute. The same graph with the same prefixes gives the same bytes. */
DcatitStatus dcatit_writer_turtle(DcatitModel *m, DcatitBuf *out, DcatitDiag *d);

/* Append m as RDF/XML to out, in the same order as the Turtle writer:
 * one rdf:Description per subject, nested blank nodes as
 * rdf:parseType="Resource", others as rdf:nodeID. Predicates whose IRI does
 * not end in an XML name, and literals with characters XML 1.0 cannot
 * carry, fail with DCATIT_ERR_UNSUPPORTED (d says which). */
DcatitStatus dcatit_writer_rdfxml(DcatitModel *m, DcatitBuf *out, DcatitDiag *d);

#endif
