/* model.h: an RDF graph of interned id triples, with the indexes validation
 * needs and, for every triple, where it came from (source file and line).
 *
 * Triples are appended with dcatit_model_add(); the first query after an add
 * "freezes" the model: duplicates are dropped (the first occurrence and its
 * location are kept) and the SPO and POS indexes are rebuilt. Ranges returned
 * by queries are valid until the next add. */
#ifndef DCATIT_MODEL_H
#define DCATIT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/status.h"
#include "rdf/term.h"

typedef struct {
	DcatitTermId s, p, o;
} DcatitTriple;

/* Where a triple came from: file is an id from dcatit_model_add_source
 * (0 = unknown), line is 1-based (0 = unknown). */
typedef struct {
	uint32_t file;
	uint32_t line;
} DcatitLoc;

/* A set of triples returned by a query: idx[0..n) are triple numbers for
 * dcatit_model_triple()/dcatit_model_loc(). Borrowed. */
typedef struct {
	const uint32_t *idx;
	size_t n;
} DcatitRange;

typedef struct DcatitModelImpl DcatitModel;

/* A new empty graph using the (borrowed, shared) term store; NULL on OOM. */
DcatitModel *dcatit_model_new(DcatitTerms *terms);
/* Free the graph (not its term store); NULL is a no-op. */
void dcatit_model_free(DcatitModel *m);
/* The term store of the graph; borrowed. */
DcatitTerms *dcatit_model_terms(const DcatitModel *m);

/* Register a source name (file path, URL, "<stdin>") and return its id
 * (>= 1); the same name returns the same id. 0 on OOM. */
uint32_t dcatit_model_add_source(DcatitModel *m, const char *name);
/* Name of a source id; borrowed, "" for 0 or unknown ids. */
const char *dcatit_model_source_name(const DcatitModel *m, uint32_t file);

/* Add a triple with its location. DCATIT_ERR_NOMEM or DCATIT_ERR_USAGE
 * (a zero id, or a literal/blank predicate) on failure. */
DcatitStatus dcatit_model_add(DcatitModel *m, DcatitTermId s, DcatitTermId p,
                              DcatitTermId o, DcatitLoc loc);
/* A statement of a named graph: the triple and the graph's name (an IRI
 * or a blank node). */
typedef struct {
	DcatitTermId s, p, o, g;
} DcatitQuad;

/* Add a statement of graph g (0: the default graph, as dcatit_model_add).
 * The triple joins the union that every query sees, and validation works
 * on; the quad is kept for writers of datasets (N-Quads). */
DcatitStatus dcatit_model_add_quad(DcatitModel *m, DcatitTermId s, DcatitTermId p,
                                   DcatitTermId o, DcatitTermId g, DcatitLoc loc);
/* Number of distinct statements of named graphs (freezes). */
size_t dcatit_model_quad_count(DcatitModel *m);
/* Statement i of the named graphs, sorted by (g, s, p, o); borrowed. */
const DcatitQuad *dcatit_model_quad(DcatitModel *m, size_t i);
/* Location of named-graph statement i. */
DcatitLoc dcatit_model_quad_loc(DcatitModel *m, size_t i);
/* Is triple number i in the default graph (and not only in named ones)? */
bool dcatit_model_in_default(DcatitModel *m, size_t i);
/* Number of distinct named graphs (freezes). */
size_t dcatit_model_graph_count(DcatitModel *m);

/* Copy every triple (and its location, with source names re-registered)
 * of src into m, named graphs kept; both must share one term store. */
DcatitStatus dcatit_model_add_all(DcatitModel *m, const DcatitModel *src);

/* Drop duplicates and (re)build indexes if triples were added since the
 * last freeze. Called by every query; exposed so callers can time it or
 * catch DCATIT_ERR_NOMEM early. */
DcatitStatus dcatit_model_freeze(DcatitModel *m);

/* Number of distinct triples (freezes). */
size_t dcatit_model_size(DcatitModel *m);
/* Triple number i (0 <= i < size); borrowed. Freezes first. */
const DcatitTriple *dcatit_model_triple(DcatitModel *m, size_t i);
/* Location of triple number i. */
DcatitLoc dcatit_model_loc(DcatitModel *m, size_t i);

/* Triples with subject s and predicate p (p = 0: any predicate), sorted by
 * (p, o). */
DcatitRange dcatit_model_sp(DcatitModel *m, DcatitTermId s, DcatitTermId p);
/* Triples with predicate p and object o (o = 0: any object), sorted by
 * (o, triple number). */
DcatitRange dcatit_model_po(DcatitModel *m, DcatitTermId p, DcatitTermId o);
/* Triples with object o, any predicate, sorted by (p, triple number). */
DcatitRange dcatit_model_o(DcatitModel *m, DcatitTermId o);
/* Is (s, p, o) in the graph? */
bool dcatit_model_has(DcatitModel *m, DcatitTermId s, DcatitTermId p,
                      DcatitTermId o);
/* The first object of (s, p), 0 when none. */
DcatitTermId dcatit_model_object(DcatitModel *m, DcatitTermId s, DcatitTermId p);
/* The line that best locates a node: its first triple as subject, else as
 * object; {0,0} when the node does not occur. */
DcatitLoc dcatit_model_node_loc(DcatitModel *m, DcatitTermId node);

/* Namespace prefixes seen while parsing (or added for serialization), in
 * the order first added; a prefix re-declared keeps its first IRI. */
DcatitStatus dcatit_model_add_prefix(DcatitModel *m, const char *prefix,
                                     const char *iri);
/* Number of prefixes. */
size_t dcatit_model_prefix_count(const DcatitModel *m);
/* Prefix i: its name and IRI; borrowed. */
void dcatit_model_prefix(const DcatitModel *m, size_t i, const char **prefix,
                         const char **iri);

/* Read the items of an RDF list starting at head (rdf:first/rdf:rest) into
 * a malloc'd array (caller frees *items). Fails with DCATIT_ERR_SYNTAX on a
 * malformed or cyclic list. rdf_first/rest/nil are the interned ids. */
DcatitStatus dcatit_model_list(DcatitModel *m, DcatitTermId head,
                               DcatitTermId rdf_first, DcatitTermId rdf_rest,
                               DcatitTermId rdf_nil, DcatitTermId **items,
                               size_t *n);

#endif
