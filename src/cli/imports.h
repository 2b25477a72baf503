/* imports.h: following the owl:imports of a shapes graph while the shapes
 * are loaded (SHACL 1.0 §3.1: a processor should include what a shapes
 * graph imports). dcatit never downloads, so an import is followed when it
 * names a file next to the shapes file that declares it or a bundled
 * profile; any other import is reported, never silently ignored. */
#ifndef DCATIT_IMPORTS_H
#define DCATIT_IMPORTS_H

#include <stdbool.h>

#include "rdf/model.h"
#include "shacl/report.h"

/* Follow the owl:imports of shapes, and those of what they bring in, into
 * shapes. An import is followed when its IRI is a file: IRI of a file in
 * the directory of the shapes file that has the owl:imports triple, when
 * its last path segment names a file in that directory, or when it is the
 * owl:Ontology IRI or the file name of a .ttl of the data directory's
 * shapes/ or profiles/ (vocabularies aside). An import already in the
 * graph (its owl:Ontology is there) needs nothing. The others become
 * warnings in notes, located at their owl:imports triple. False after
 * printing the error (a followed file that does not parse), with the exit
 * code in *code. */
bool dcatit_imports_follow(DcatitModel *shapes, DcatitReportNotes *notes, bool progress,
                           int *code);

#endif
