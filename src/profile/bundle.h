/* bundle.h: the profiles bundled under DATADIR/profiles/NAME/ (the EU DCAT-AP
 * 2.1.1 and 3.0.1, GeoDCAT-AP and HVD shapes). A manifest, profile.txt, names
 * the shapes of each part and the vocabularies that join the data graph;
 * "NAME:VARIANT" picks base plus one part, NAME alone every part (what the EU
 * validator calls base, ranges, recommended, vocabularies, full). Each bundle
 * is validated with its own shapes graph, so profiles combine without their
 * shapes mixing. */
#ifndef DCATIT_PROFILE_BUNDLE_H
#define DCATIT_PROFILE_BUNDLE_H

#include <stdbool.h>

#include "base/buf.h"
#include "base/status.h"
#include "rdf/model.h"
#include "shacl/engine.h"
#include "shacl/result.h"

typedef struct DcatitBundleImpl DcatitBundle;

/* The manifest of every bundle, relative to DATADIR. */
#define DCATIT_BUNDLE_DIR "profiles"
#define DCATIT_BUNDLE_MANIFEST "profile.txt"

/* Load the bundle spec ("dcat-ap-3.0.1", "dcat-ap-3.0.1:base") from
 * datadir: its shapes into a new graph on terms. NULL with d set:
 * DCATIT_ERR_NOT_FOUND for an unknown name or variant (the message lists
 * the known ones), DCATIT_ERR_SYNTAX located for a bad manifest or shapes
 * file, DCATIT_ERR_IO, DCATIT_ERR_NOMEM. Caller frees. */
DcatitBundle *dcatit_bundle_load(DcatitTerms *terms, const char *datadir,
                                 const char *spec, DcatitDiag *d);
/* Free a bundle; NULL is a no-op. */
void dcatit_bundle_free(DcatitBundle *b);
/* Its name with the variant, e.g. "dcat-ap-3.0.1:full"; borrowed. */
const char *dcatit_bundle_name(const DcatitBundle *b);
/* Its shapes graph; borrowed (for reports: shape messages and paths). */
DcatitModel *dcatit_bundle_shapes(const DcatitBundle *b);
/* The controlled vocabularies the bundle's shapes look up in the data
 * graph (the EU validator merges them into it the same way): their number,
 * and the path of the i-th (borrowed). */
size_t dcatit_bundle_data_count(const DcatitBundle *b);
const char *dcatit_bundle_data_file(const DcatitBundle *b, size_t i);
/* Validate data with the bundle's shapes, appending to out the results
 * within its scope (a scoped bundle, such as hvd, reports only on the
 * resources that declare its legislation and what they link to); stats,
 * when not NULL, receives what the shapes selected. */
DcatitStatus dcatit_bundle_validate(const DcatitBundle *b, DcatitModel *data,
                                    DcatitShaclStats *stats,
                                    DcatitResults *out, DcatitDiag *d);
/* Is spec (with or without ":VARIANT") the name of a bundle of datadir? */
bool dcatit_bundle_exists(const char *datadir, const char *spec);
/* Append the names of the bundles of datadir, sorted, ", "-separated. */
bool dcatit_bundle_list(const char *datadir, DcatitBuf *out);

#endif
