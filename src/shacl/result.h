/* result.h: one SHACL validation result and the list the engine fills.
 * Findings are results, not errors: the validator succeeds and returns them.
 * Every term is an id of the run's shared DcatitTerms store. */
#ifndef DCATIT_RESULT_H
#define DCATIT_RESULT_H

#include <stddef.h>

#include "base/status.h"
#include "rdf/model.h"

typedef struct {
	DcatitTermId focus;     /* sh:focusNode */
	DcatitTermId path;      /* sh:resultPath: the predicate IRI for a
	                         * predicate path, else the path node of the
	                         * shapes graph (copy its structure out of it);
	                         * 0 for node shapes */
	DcatitTermId value;     /* sh:value, 0 when none */
	DcatitTermId shape;     /* sh:sourceShape */
	DcatitTermId component; /* sh:sourceConstraintComponent IRI */
	DcatitTermId severity;  /* sh:resultSeverity IRI */
	DcatitTermId message;   /* an sh:message literal of the shape (English or
	                         * untagged preferred), 0 when the shape has none */
	DcatitTermId param;     /* the constraint's parameter (sh:minCount's
	                         * number, sh:class's class, ...), 0 when none */
	DcatitLoc loc;          /* the data triple that best locates it: the
	                         * (focus, path, value) triple, else the focus
	                         * node's first triple */
} DcatitResult;

typedef struct {
	DcatitResult *items;
	size_t n;
	size_t cap;
	/* Checks the engine could not complete (SHACL 1.0 section 3.6.3
	 * "failures"), kept apart from the results: a sh:pattern whose match
	 * hit the engine's PCRE2 match or depth limit on a value. Such a value
	 * is neither reported as a violation nor known to conform; the fields
	 * say which shape, focus, value and pattern (param). */
	DcatitResult *failures;
	size_t nfailures;
	size_t capfailures;
} DcatitResults;

/* Initialise an empty list (no allocation). */
void dcatit_results_init(DcatitResults *r);
/* Free the items. */
void dcatit_results_release(DcatitResults *r);
/* Append a copy of *res; DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_results_add(DcatitResults *r, const DcatitResult *res);
/* Append a copy of *res to the failures; DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_results_add_failure(DcatitResults *r, const DcatitResult *res);
/* Sort into the deterministic report order: by source, line, focus,
 * path, component, value (term strings, not ids). */
void dcatit_results_sort(DcatitResults *r, DcatitModel *data);

#endif
