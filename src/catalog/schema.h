/* schema.h: JSON Schemas (draft-07) of the catalog/ files, generated from
 * the rows of the file format (format.h) and the code lists of vocab/, so
 * that an editor with a YAML language server completes keys and codes and
 * flags mistakes with the same rules the loader applies. */
#ifndef DCATIT_SCHEMA_H
#define DCATIT_SCHEMA_H

#include "base/json.h"
#include "catalog/format.h"
#include "rdf/codes.h"

/* The kinds of file under catalog/. */
typedef enum {
	DCATIT_SCHEMA_CATALOG,       /* catalog.yaml */
	DCATIT_SCHEMA_ORGANIZATIONS, /* organizations.yaml */
	DCATIT_SCHEMA_RECORD,        /* a dataset record */
	DCATIT_SCHEMA_DICTIONARY,    /* a data dictionary (*.dictionary.yaml) */
	DCATIT_SCHEMA_N
} DcatitSchemaKind;

/* The file name of kind's schema ("record.schema.json"); borrowed static. */
const char *dcatit_schema_file(DcatitSchemaKind kind);

/* The schema of kind. codes[list] holds each code list (a NULL entry gives
 * plain strings for that list). Caller frees; NULL on out of memory. */
DcatitJson *dcatit_schema_new(DcatitSchemaKind kind,
                              DcatitCodes *const codes[DCATIT_CODES_N]);

#endif
