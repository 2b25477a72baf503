/* iri.h: the one RFC 3986 reference resolver of dcatit, used by every RDF
 * reader (JSON-LD here, Turtle, RDF/XML and TriG through raptor) and by the
 * harvester's next-page links, so the same reference against the same base
 * gives the same IRI everywhere. Pure string work: no library, no I/O. */
#ifndef DCATIT_IRI_H
#define DCATIT_IRI_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"

/* Length of the scheme s starts with (RFC 3986 §3.1: ALPHA *( ALPHA /
 * DIGIT / "+" / "-" / "." ) followed by ':'), without the ':'; 0 when s
 * has no scheme. */
size_t dcatit_iri_scheme_len(const char *s);

/* Does s start with a scheme, i.e. is it an absolute IRI or URI (a
 * reference that needs no base)? */
bool dcatit_iri_is_absolute(const char *s);

/* Resolve the reference ref against the absolute base (RFC 3986 §5.2.2,
 * strict: a reference with a scheme is taken as the target, with its dot
 * segments removed as §5.2.2 says) and put the target in out (cleared
 * first). RDF readers keep an absolute IRI as written and call this only
 * for relative references: see dcatit_iri_resolve_ref. DCATIT_ERR_NOMEM
 * when out cannot grow. */
DcatitStatus dcatit_iri_resolve(const char *base, const char *ref, DcatitBuf *out);

/* The IRI an RDF document means by ref: ref itself when it is absolute
 * (Turtle §6.3, JSON-LD 1.1 API §5.2 and N-Triples resolve only relative
 * references, and RDF compares IRIs character by character), else
 * dcatit_iri_resolve(base, ref). DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_iri_resolve_ref(const char *base, const char *ref, DcatitBuf *out);

#endif
