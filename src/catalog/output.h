/* output.h: writing a built catalogue: every format, one Turtle file per
 * dataset, hydra pages and the published distribution files, into a
 * temporary directory that replaces the output directory only when
 * everything succeeded and only when the output directory may be replaced
 * (catalog/outdir.h). */
#ifndef DCATIT_OUTPUT_H
#define DCATIT_OUTPUT_H

#include <stddef.h>

#include "base/status.h"
#include "catalog/notes.h"
#include "catalog/state.h"

/* Output formats, a bit set. */
enum {
	DCATIT_OUT_TTL = 1,
	DCATIT_OUT_RDF = 2,
	DCATIT_OUT_JSONLD = 4,
	DCATIT_OUT_NT = 8,
};

/* May out be the output directory of this build (catalog/outdir.h)?
 * DCATIT_ERR_USAGE with the reason in d when not. Call before loading,
 * so that nothing is built for nothing. */
DcatitStatus dcatit_output_check(const DcatitBuild *b, const char *out, DcatitDiag *d);
/* Write the outputs into out (created, or replaced atomically when it
 * may be): the formats in the set fmts, one Turtle file per dataset, the
 * published files, hydra pages when page_size > 0, and the manifest.
 * Warnings (a previous tree kept) go to notes. */
DcatitStatus dcatit_output_write(DcatitBuild *b, const char *out, unsigned fmts,
                                 size_t page_size, DcatitNotes *notes, DcatitDiag *d);

#endif
