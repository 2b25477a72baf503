/* orgs.h: the registry of organisations: the IPA table of
 * vocab/organizations.ttl plus the catalogue's user registry, looked up by
 * code, and the full dcatapit:Agent nodes copied into the output graph for
 * the organisations a catalogue references. */
#ifndef DCATIT_ORGS_H
#define DCATIT_ORGS_H

#include <stdbool.h>

#include "base/status.h"
#include "rdf/model.h"

typedef struct DcatitOrgsImpl DcatitOrgs;

/* A new empty registry on the shared term store; NULL on out of memory. */
DcatitOrgs *dcatit_orgs_new(DcatitTerms *t);
/* Free the registry; NULL is a no-op. */
void dcatit_orgs_free(DcatitOrgs *o);
/* The registry graph (agents' triples); borrowed. User entries add their
 * triples here. */
DcatitModel *dcatit_orgs_graph(DcatitOrgs *o);
/* Load a Turtle registry: every subject with a dct:identifier becomes an
 * identified organisation under that code. */
DcatitStatus dcatit_orgs_load_ttl(DcatitOrgs *o, const char *path, DcatitDiag *d);
/* Register a user entry: key names the agent; identified says whether it
 * has a dct:identifier. DCATIT_ERR_INVALID when the key is taken. */
DcatitStatus dcatit_orgs_add(DcatitOrgs *o, const char *key, DcatitTermId agent,
                             bool identified);
/* Look up a code or key: true with *agent and *identified set when found. */
bool dcatit_orgs_find(DcatitOrgs *o, const char *code, DcatitTermId *agent,
                      bool *identified);
/* Is code an IPA code of the Turtle registry, compared case-insensitively? */
bool dcatit_orgs_has_code_nocase(DcatitOrgs *o, const char *code);
/* The closest known code or key to a misspelt one, NULL if none; borrowed. */
const char *dcatit_orgs_suggest(DcatitOrgs *o, const char *code);
/* The dct:identifier of an agent ("" when none); borrowed. */
const char *dcatit_orgs_identifier(DcatitOrgs *o, DcatitTermId agent);
/* Copy every triple about agent (as subject) into out, with locations. */
DcatitStatus dcatit_orgs_emit(DcatitOrgs *o, DcatitTermId agent, DcatitModel *out);

#endif
