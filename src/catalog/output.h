/* output.h: writing a built catalogue: every format, one Turtle file per
 * dataset, hydra pages and the published distribution files, into a
 * temporary directory that replaces the output directory only when
 * everything succeeded. */
#ifndef DCATIT_OUTPUT_H
#define DCATIT_OUTPUT_H

#include <stddef.h>

#include "base/status.h"
#include "catalog/state.h"

/* Output formats, a bit set. */
enum {
	DCATIT_OUT_TTL = 1,
	DCATIT_OUT_RDF = 2,
	DCATIT_OUT_JSONLD = 4,
	DCATIT_OUT_NT = 8,
};

/* Write the outputs into out (created or replaced atomically): the formats
 * in the set fmts, one Turtle file per dataset, and hydra pages when
 * page_size > 0. */
DcatitStatus dcatit_output_write(DcatitBuild *b, const char *out, unsigned fmts,
                                 size_t page_size, DcatitDiag *d);

#endif
