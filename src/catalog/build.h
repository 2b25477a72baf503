/* build.h: assembling a catalogue: find catalog.yaml, then load the
 * vocabularies, catalog.yaml, the registry and the records into the build
 * state (catalog/state.h), fill defaults and complete the catalogue node.
 * Writing the output is catalog/output.h. */
#ifndef DCATIT_BUILD_H
#define DCATIT_BUILD_H

#include "base/status.h"
#include "catalog/notes.h"
#include "catalog/state.h"

/* Path of the catalogue file inside dir: dir/catalog.yaml, else
 * dir/catalog/catalog.yaml (the directory then becomes dir/catalog). */
DcatitStatus dcatit_build_locate(DcatitBuild *b, DcatitDiag *d);

/* Load the vocabularies, catalog.yaml, the registry and every record,
 * fill defaults, resolve organisations, compute file facts and run the
 * table checks. Data problems go to notes (errors and warnings); the
 * return is not OK only for failures that stop the build (I/O, memory). */
DcatitStatus dcatit_build_load(DcatitBuild *b, DcatitNotes *notes, DcatitDiag *d);

#endif
