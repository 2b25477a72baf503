/* term.h: interned RDF terms (IRIs, blank nodes, literals) referred to by
 * 32-bit ids. One DcatitTerms store is shared by every graph of a run (data,
 * shapes, vocabularies), so ids compare across graphs and hot loops compare
 * integers, never strings. Strings live in a chunked arena: pointers returned
 * by dcatit_terms_str() stay valid until the store is freed. */
#ifndef DCATIT_TERM_H
#define DCATIT_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/status.h"

typedef uint32_t DcatitTermId; /* 0 = no term */

typedef enum {
	DCATIT_TERM_NONE = 0,
	DCATIT_TERM_IRI = 1,
	DCATIT_TERM_BNODE = 2,
	DCATIT_TERM_LITERAL = 3,
} DcatitTermKind;

typedef struct DcatitTermsImpl DcatitTerms;

/* A new empty store; NULL on out of memory. Pre-interns xsd:string and
 * rdf:langString, which literals without a datatype are normalised to. */
DcatitTerms *dcatit_terms_new(void);
/* Free the store; NULL is a no-op. */
void dcatit_terms_free(DcatitTerms *t);

/* Intern an IRI (len bytes, not necessarily NUL-terminated); 0 on OOM. */
DcatitTermId dcatit_terms_iri(DcatitTerms *t, const char *s, size_t len);
/* Intern a NUL-terminated IRI; 0 on OOM. */
DcatitTermId dcatit_terms_iri_z(DcatitTerms *t, const char *s);
/* Intern the IRI made of a followed by b (both NUL-terminated); 0 on OOM. */
DcatitTermId dcatit_terms_iri_cat(DcatitTerms *t, const char *a, const char *b);
/* Intern a blank node by label. The label is global in the store: parsers
 * scope labels per document before interning (see rdfio). 0 on OOM. */
DcatitTermId dcatit_terms_bnode(DcatitTerms *t, const char *label, size_t len);
/* A number never returned before by this store, for parsers to scope the
 * blank node labels of one document ("b<scope>_<label>"). */
unsigned long dcatit_terms_next_scope(DcatitTerms *t);
/* A blank node that is new in this store ("_:gN"); 0 on OOM. */
DcatitTermId dcatit_terms_bnode_fresh(DcatitTerms *t);
/* Intern a literal. datatype 0 with lang NULL/"" means xsd:string; a
 * non-empty lang makes it rdf:langString (datatype is then ignored).
 * 0 on OOM. */
DcatitTermId dcatit_terms_literal(DcatitTerms *t, const char *s, size_t len,
                                  DcatitTermId datatype, const char *lang);
/* Intern a NUL-terminated literal (same rules as dcatit_terms_literal). */
DcatitTermId dcatit_terms_literal_z(DcatitTerms *t, const char *s,
                                    DcatitTermId datatype, const char *lang);

/* Look up without interning: 0 when the term is not in the store. */
DcatitTermId dcatit_terms_find_iri(const DcatitTerms *t, const char *s);

/* Number of ids handed out; valid ids are 1..count. */
size_t dcatit_terms_count(const DcatitTerms *t);
/* Kind of a term (NONE for 0 or out of range). */
DcatitTermKind dcatit_terms_kind(const DcatitTerms *t, DcatitTermId id);
/* Lexical form / IRI / blank node label; borrowed, NUL-terminated, "" for 0. */
const char *dcatit_terms_str(const DcatitTerms *t, DcatitTermId id);
/* Length in bytes of dcatit_terms_str (strings may contain NUL bytes). */
size_t dcatit_terms_len(const DcatitTerms *t, DcatitTermId id);
/* Datatype IRI id of a literal (xsd:string or rdf:langString when none was
 * given); 0 for non-literals. */
DcatitTermId dcatit_terms_datatype(const DcatitTerms *t, DcatitTermId id);
/* Language tag of a literal as written (borrowed), "" when none. */
const char *dcatit_terms_lang(const DcatitTerms *t, DcatitTermId id);

/* Predicates. */
bool dcatit_terms_is_iri(const DcatitTerms *t, DcatitTermId id);
bool dcatit_terms_is_bnode(const DcatitTerms *t, DcatitTermId id);
bool dcatit_terms_is_literal(const DcatitTerms *t, DcatitTermId id);

/* Append the N-Triples form of a term to buf (IRIs <...>, _:label, literals
 * quoted with escapes, ^^<dt> omitted for xsd:string, @lang). Returns false
 * on OOM. Declared with a void* buffer to keep this header free of buf.h;
 * pass a DcatitBuf *. */
bool dcatit_terms_write_nt(const DcatitTerms *t, DcatitTermId id, void *buf);

/* Append s (len bytes) escaped as the inside of an N-Triples IRI (iri true)
 * or string literal (false): what dcatit_terms_write_nt puts between the
 * brackets or quotes; the Turtle writer shares it. buf is a DcatitBuf *;
 * false on OOM. */
bool dcatit_terms_write_escaped(const char *s, size_t len, bool iri, void *buf);
/* Append (to a DcatitBuf) the blank node label of a document as dcatit
 * keeps it: ASCII letters and digits as they are, any other byte as _XX
 * (upper-case hex), '_' too, so two labels stay two and every writer can
 * put it after "_:" (a label read as "a." would end an N-Triples
 * statement). */
bool dcatit_terms_write_label(const char *s, size_t len, void *buf);

#endif
