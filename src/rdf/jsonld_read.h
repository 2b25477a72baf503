/* jsonld_read.h: JSON-LD 1.1 expansion and toRdf (W3C JSON-LD 1.1 API)
 * straight into a model, without building the expanded document. Contexts
 * must be inline: a remote context is never fetched (a located error).
 * Named graphs are kept (dcatit_model_add_quad: the statements with their
 * graph, the triples in the union queries see). Every triple gets the line
 * of the node object it came from. */
#ifndef DCATIT_JSONLD_READ_H
#define DCATIT_JSONLD_READ_H

#include "base/status.h"
#include "rdf/model.h"

/* Reader options; zero-initialise and set what you need. */
typedef struct {
	const char *base_uri; /* document IRI relative IRIs resolve against;
	                         NULL: none (triples with relative IRIs are
	                         dropped, as toRdf says) */
	const char *name;     /* source name for locations; NULL: "<memory>" */
	size_t max_depth;     /* JSON nesting cap; 0 = DCATIT_JSONLD_MAX_DEPTH */
} DcatitJsonldOpts;

/* What a parse did, for callers that want to tell the user. */
typedef struct {
	size_t triples;      /* triples added (before duplicates are dropped) */
	size_t named_graphs; /* named graphs met (kept as quads) */
	size_t dropped;      /* values toRdf drops: relative or ill-formed IRIs,
	                        ill-formed language tags */
} DcatitJsonldInfo;

/* 256 levels: DCAT-AP documents nest under 20; the cap keeps the recursive
 * expansion far from the stack limit on hostile input. */
#define DCATIT_JSONLD_MAX_DEPTH 256

/* Parse a JSON-LD document of len bytes into m: source name registered with
 * dcatit_model_add_source, blank nodes scoped to this document, prefixes of
 * the contexts added to the model. info may be NULL. On error
 * DCATIT_ERR_SYNTAX (bad JSON, or a JSON-LD error, located with line and
 * JSON pointer), DCATIT_ERR_UNSUPPORTED (a remote context: never fetched),
 * DCATIT_ERR_LIMIT (nesting) or DCATIT_ERR_NOMEM, detail in d; triples added
 * before the error stay in m. Language tags are lower-cased. */
DcatitStatus dcatit_jsonld_parse(DcatitModel *m, const char *data, size_t len,
                                 const DcatitJsonldOpts *opts,
                                 DcatitJsonldInfo *info, DcatitDiag *d);

#endif
