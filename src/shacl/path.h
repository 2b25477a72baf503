/* path.h: SHACL property paths, compiled from the shapes graph into a tree
 * and evaluated against a data graph (predicate, inverse, sequence,
 * alternative, zeroOrMore, oneOrMore, zeroOrOne). Evaluation is cycle-safe:
 * the closures keep a visited set. */
#ifndef DCATIT_PATH_H
#define DCATIT_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"
#include "rdf/model.h"

typedef enum {
	DCATIT_PATH_PREDICATE,
	DCATIT_PATH_INVERSE,
	DCATIT_PATH_SEQUENCE,
	DCATIT_PATH_ALTERNATIVE,
	DCATIT_PATH_ZERO_OR_MORE,
	DCATIT_PATH_ONE_OR_MORE,
	DCATIT_PATH_ZERO_OR_ONE,
} DcatitPathKind;

typedef struct DcatitPath DcatitPath;
struct DcatitPath {
	DcatitPathKind kind;
	DcatitTermId pred;  /* PREDICATE only */
	DcatitPath **sub;   /* one for INVERSE and the closures, n for lists */
	size_t nsub;
};

/* A growable array of term ids. */
typedef struct {
	DcatitTermId *v;
	size_t n;
	size_t cap;
} DcatitIds;

/* Append one id; false on out of memory. */
bool dcatit_ids_push(DcatitIds *a, DcatitTermId id);
/* Sort a[from..n) and drop duplicates in it. */
void dcatit_ids_unique_from(DcatitIds *a, size_t from);
/* Free the storage. */
void dcatit_ids_release(DcatitIds *a);

/* Compile the path rooted at node of the shapes graph g (caller frees with
 * dcatit_path_free). NULL with d filled: DCATIT_ERR_SHAPES for an
 * ill-formed or cyclic path, DCATIT_ERR_NOMEM. */
DcatitPath *dcatit_path_compile(DcatitModel *g, DcatitTermId node,
                                DcatitDiag *d);
/* Free a compiled path; NULL is a no-op. */
void dcatit_path_free(DcatitPath *p);

/* Append the value nodes of path p from focus in data to out, without
 * duplicates among the appended ones. false on out of memory. */
bool dcatit_path_eval(const DcatitPath *p, DcatitModel *data,
                      DcatitTermId focus, DcatitIds *out);

#endif
