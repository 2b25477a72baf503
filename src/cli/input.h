/* input.h: ISO 19139 / RNDT metadata as an input of the commands that read
 * RDF. `convert` and `validate` read such XML through the ISO mapping, the
 * same way, so a GIS record validates as the DCAT-AP_IT it converts to. */
#ifndef DCATIT_INPUT_H
#define DCATIT_INPUT_H

#include <stdbool.h>

#include "base/status.h"
#include "rdf/model.h"

/* Is the file at path an ISO 19139 record or a CSW response (its first
 * bytes; never standard input, which cannot be read twice)? */
bool dcatit_input_is_iso(const char *path);

/* Map the ISO 19139 / CSW document at path ('-': standard input) into m,
 * triples located at path:line; minted IRIs under base (NULL: the
 * mapping's default). DCATIT_ERR_IO / DCATIT_ERR_SYNTAX / ... with d
 * filled. */
DcatitStatus dcatit_input_parse_iso(DcatitModel *m, const char *path, const char *base,
                                    DcatitDiag *d);

#endif
