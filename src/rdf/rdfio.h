/* rdfio.h: parsing and serialising RDF. The only user of raptor2: nothing
 * else includes raptor's headers. Parsers never touch the network or other
 * files, and raptor's errors are counted (a return of 0 is not success). */
#ifndef DCATIT_RDFIO_H
#define DCATIT_RDFIO_H

#include <stdio.h>

#include "base/buf.h"
#include "base/status.h"
#include "rdf/model.h"

typedef enum {
	DCATIT_SYNTAX_GUESS = 0, /* from the file extension, else the content */
	DCATIT_SYNTAX_TURTLE,
	DCATIT_SYNTAX_RDFXML,
	DCATIT_SYNTAX_NTRIPLES,
	DCATIT_SYNTAX_NQUADS,
	DCATIT_SYNTAX_TRIG,
	DCATIT_SYNTAX_CANON, /* output only: canonical sorted N-Triples */
	DCATIT_SYNTAX_JSONLD, /* JSON-LD 1.1, read and written by rdf/jsonld */
} DcatitSyntax;

/* Parse options; zero-initialise and set what you need. */
typedef struct {
	DcatitSyntax syntax;   /* GUESS by default */
	const char *base_uri;  /* NULL: file:// IRI of the path */
	const char *name;      /* source name for locations; NULL: the path */
	size_t max_errors;     /* stop after this many errors; 0 = 1 */
} DcatitParseOpts;

/* Syntax from a name such as "ttl", "turtle", "rdf", "rdfxml", "xml",
 * "nt", "ntriples", "nq", "trig", "canon", "jsonld", "json-ld"; GUESS when
 * unknown. */
DcatitSyntax dcatit_rdfio_syntax_from_name(const char *name);
/* Syntax from a path's extension (.ttl .rdf .owl .xml .nt .nq .trig
 * .jsonld .json-ld); GUESS when unknown. */
DcatitSyntax dcatit_rdfio_syntax_from_path(const char *path);
/* Syntax sniffed from the first bytes of a document (JSON, "{" or "[{",
 * is JSON-LD); GUESS when unsure. */
DcatitSyntax dcatit_rdfio_syntax_sniff(const char *data, size_t len);
/* Syntax from an HTTP media type ("text/turtle; charset=utf-8",
 * "application/ld+json", ...); GUESS when unknown. */
DcatitSyntax dcatit_rdfio_syntax_from_media_type(const char *type);
/* Short name of a syntax ("turtle", "rdfxml", ...). */
const char *dcatit_rdfio_syntax_name(DcatitSyntax s);

/* Parse a file ("-" = stdin) into m. Blank nodes are scoped to this
 * document. On a syntax error: DCATIT_ERR_SYNTAX with file:line:col and
 * raptor's message in d; triples before the error stay in m. */
DcatitStatus dcatit_rdfio_parse_file(DcatitModel *m, const char *path,
                                     const DcatitParseOpts *opts,
                                     DcatitDiag *d);
/* Parse a document held in memory; opts->name names it in locations. */
DcatitStatus dcatit_rdfio_parse_mem(DcatitModel *m, const char *data,
                                    size_t len, const DcatitParseOpts *opts,
                                    DcatitDiag *d);

/* Serialise m to out in syntax (TURTLE with the model's prefixes, RDFXML,
 * NTRIPLES, CANON, JSONLD: the union of its graphs; NQUADS: the default
 * graph and the named graphs); base_uri may be NULL and is not used: IRIs
 * are written absolute. Output order is deterministic (sorted) for the
 * same graph. */
DcatitStatus dcatit_rdfio_write(DcatitModel *m, FILE *out, DcatitSyntax syntax,
                                const char *base_uri, DcatitDiag *d);
/* Same, appending to a buffer. */
DcatitStatus dcatit_rdfio_write_buf(DcatitModel *m, DcatitBuf *out,
                                    DcatitSyntax syntax, const char *base_uri,
                                    DcatitDiag *d);

#endif
