/* isorec.h: the `iso:` key of dataset records (catalog/README.md §5.7). A
 * GIS record may point at its ISO 19139 / RNDT file instead of repeating
 * the metadata: the file is mapped by src/iso into the build's term store,
 * and what the record's keys do not say is merged into the catalogue. */
#ifndef DCATIT_ISOREC_H
#define DCATIT_ISOREC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"
#include "catalog/state.h"
#include "rdf/model.h"

/* Stack object: zero it, then dcatit_isorec_read / _release. */
typedef struct {
	DcatitModel *m;         /* the mapped record; NULL until read */
	DcatitTermId ds;        /* the dataset node */
	char *display;          /* the file as named in messages, owned */
	unsigned long nrecords; /* records seen in the file (one is allowed) */
	bool service;           /* the record describes a service */
} DcatitIsoRec;

/* Map the one ISO record of the file rel (relative to the catalogue) with
 * ds, whose IRI is ds_iri, as its resource. DCATIT_ERR_SYNTAX with d
 * located in the XML for a malformed file; DCATIT_ERR_INVALID with an
 * unlocated message in d when the file holds no record, several, or a
 * service; DCATIT_ERR_IO, DCATIT_ERR_NOMEM. */
DcatitStatus dcatit_isorec_read(DcatitBuild *b, const char *rel, const char *ds_iri,
                                DcatitTermId ds, DcatitIsoRec *ir, DcatitDiag *d);
/* Free what a read kept; a zeroed or released ir is a no-op. */
void dcatit_isorec_release(DcatitIsoRec *ir);

/* Does the ISO record give property p of node s (ir->ds: the dataset)? */
bool dcatit_isorec_has(DcatitIsoRec *ir, DcatitTermId s, DcatitTermId p);
/* Up to cap objects of (s, p) in the ISO record into out; the count. */
size_t dcatit_isorec_objects(DcatitIsoRec *ir, DcatitTermId s, DcatitTermId p,
                             DcatitTermId *out, size_t cap);
/* The first agent of the dataset's property p, 0 when none: the agent of
 * vocab/organizations.ttl or the registry when its dct:identifier is
 * known there, else the ISO record's own node. *ident: its identifier
 * (borrowed from the term store), NULL when it has none. */
DcatitTermId dcatit_isorec_agent(DcatitBuild *b, DcatitIsoRec *ir, DcatitTermId p,
                                 const char **ident);
/* Is node described (a subject) in the ISO record? */
bool dcatit_isorec_describes(DcatitIsoRec *ir, DcatitTermId node);

/* Copy into the catalogue graph what the ISO record says of the dataset
 * and the nodes reachable from it, located in the XML file: not the
 * dataset properties in skip[0..nskip) (given by the record's keys), not
 * the ISO catalogue record; a dct:identifier other than ident becomes an
 * adms:identifier; known agents become the registry's (remembered for
 * output). DCATIT_ERR_NOMEM. */
DcatitStatus dcatit_isorec_merge(DcatitBuild *b, DcatitIsoRec *ir, const DcatitTermId *skip,
                                 size_t nskip, DcatitTermId ident);

#endif
