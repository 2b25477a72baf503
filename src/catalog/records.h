/* records.h: reading the YAML files of a catalogue (catalog.yaml, the user
 * registry, dataset records, data dictionaries) into the build's graph.
 * Every problem becomes a note located file:line:col with the key path;
 * unknown keys and codes come with a "did you mean" suggestion. */
#ifndef DCATIT_RECORDS_H
#define DCATIT_RECORDS_H

#include "base/status.h"
#include "catalog/state.h"
#include "catalog/notes.h"

/* First pass over catalog.yaml (rel: its path relative to b->dir): key
 * check, base URI, record directories, registry path. */
DcatitStatus dcatit_records_read_catalog(DcatitBuild *b, const char *rel,
                                         DcatitNotes *notes, DcatitDiag *d);
/* Second pass over catalog.yaml, after the registry: the catalogue's own
 * triples and the defaults (they name organisations). */
DcatitStatus dcatit_records_read_catalog_body(DcatitBuild *b, const char *rel,
                                              DcatitNotes *notes, DcatitDiag *d);
/* Read the user registry of organisations into b->orgs. */
DcatitStatus dcatit_records_read_registry(DcatitBuild *b, const char *rel,
                                          DcatitNotes *notes, DcatitDiag *d);
/* Read one dataset record into the graph, with its distributions, file
 * facts and table checks. */
DcatitStatus dcatit_records_read_dataset(DcatitBuild *b, const char *rel,
                                         DcatitNotes *notes, DcatitDiag *d);

#endif
