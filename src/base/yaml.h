/* yaml.h: reading a YAML file into a small tree of our own, the only user
 * of libyaml. The files dcatit reads (catalogue records, harvest sources)
 * need no anchors, aliases or deep nesting, and all three cost work out of
 * proportion to a hostile file's size (an alias bomb is exponential, deep
 * flow nesting quadratic in libyaml's scanner), so reading stops at the
 * first anchor or alias and at DCATIT_YAML_MAX_DEPTH, with one located
 * error, before that work is done. */
#ifndef DCATIT_YAML_H
#define DCATIT_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"

/* Deepest nesting of sequences and mappings: the catalogue format needs
 * 5 levels, harvest sources 2. */
#define DCATIT_YAML_MAX_DEPTH 256

typedef enum {
	DCATIT_YAML_SCALAR = 1,
	DCATIT_YAML_SEQUENCE,
	DCATIT_YAML_MAPPING,
} DcatitYamlKind;

typedef struct DcatitYamlNode DcatitYamlNode;
struct DcatitYamlNode {
	DcatitYamlKind kind;
	unsigned long line, col; /* where the node starts, 1-based */
	char *tag;               /* an explicit tag (resolved), NULL when none or
	                          * when it is the default of the kind (!!str,
	                          * !!seq, !!map) or the non-specific '!' */
	bool plain;              /* a scalar written plain (no quotes, no block) */
	char *value;             /* a scalar's value, NUL-terminated */
	size_t len;              /* its length in bytes */
	DcatitYamlNode **items;  /* a sequence's items; a mapping's keys and
	                          * values alternating: key 2i, value 2i+1 */
	size_t nitems;
	DcatitYamlNode *parent;  /* NULL for the root */
	size_t pos;              /* index in the parent's items */
};

/* Stack object: _read / _release. */
typedef struct {
	DcatitYamlNode *root; /* NULL: the file holds no document */
} DcatitYamlDoc;

/* Read the one YAML document in data (len bytes) into doc; name is the
 * file named in messages. DCATIT_ERR_SYNTAX with d located at the problem
 * for invalid YAML, an anchor or alias, nesting deeper than
 * DCATIT_YAML_MAX_DEPTH and a second document; doc is then empty. */
DcatitStatus dcatit_yaml_read(DcatitYamlDoc *doc, const char *data, size_t len,
                              const char *name, DcatitDiag *d);
/* Read the regular file at path (a FIFO or device is refused, not waited
 * on) and its one document into doc, as dcatit_yaml_read; DCATIT_ERR_IO
 * when it cannot be read. */
DcatitStatus dcatit_yaml_read_file(DcatitYamlDoc *doc, const char *path, DcatitDiag *d);
/* Free a document's nodes. */
void dcatit_yaml_release(DcatitYamlDoc *doc);

#endif
