/* engine.h: a SHACL Core validator. Shapes are compiled once from a shapes
 * graph into C structures; validation never re-reads the shapes graph and
 * compares interned ids in its loops. */
#ifndef DCATIT_ENGINE_H
#define DCATIT_ENGINE_H

#include "base/status.h"
#include "rdf/model.h"
#include "shacl/result.h"

typedef struct DcatitShapesImpl DcatitShapes;

/* Compile every shape of the shapes graph (which shares the term store of
 * the data graphs it will validate). NULL with d filled (DCATIT_ERR_SHAPES,
 * located) for an ill-formed shapes graph, or DCATIT_ERR_NOMEM. The shapes
 * graph is borrowed and must outlive the compiled shapes (for report paths
 * and messages). */
DcatitShapes *dcatit_shapes_compile(DcatitModel *shapes_graph, DcatitDiag *d);
/* Free compiled shapes; NULL is a no-op. */
void dcatit_shapes_free(DcatitShapes *s);
/* The shapes graph the shapes were compiled from; borrowed. */
DcatitModel *dcatit_shapes_graph(const DcatitShapes *s);
/* Number of shapes compiled (deactivated ones included). */
size_t dcatit_shapes_count(const DcatitShapes *s);

/* Validate data against the shapes, appending results to out (conforms iff
 * none were added and no failure either). Fails only on DCATIT_ERR_NOMEM or
 * DCATIT_ERR_LIMIT (recursion beyond the engine's depth limit, reported
 * with the shape). A sh:pattern match that hits the engine's PCRE2 limits
 * is appended to out->failures (a check not completed), never to the
 * results. */
DcatitStatus dcatit_shacl_validate(const DcatitShapes *s, DcatitModel *data,
                                   DcatitResults *out, DcatitDiag *d);

/* What a validation looked at, so a vacuous pass (no shape selected
 * anything) can be told from a real one. */
typedef struct {
	size_t shapes;      /* shapes compiled, deactivated ones included */
	size_t targeted;    /* active shapes with at least one target */
	size_t focus_nodes; /* focus nodes selected, summed over the shapes */
} DcatitShaclStats;

/* dcatit_shacl_validate that also fills stats (may be NULL). */
DcatitStatus dcatit_shacl_validate_counted(const DcatitShapes *s, DcatitModel *data,
                                           DcatitResults *out, DcatitShaclStats *stats,
                                           DcatitDiag *d);

#endif
