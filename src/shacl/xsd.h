/* xsd.h: the XML Schema datatypes SHACL needs: lexical checks (an
 * ill-formed literal fails sh:datatype) and value comparison with SPARQL's
 * `<` semantics for sh:min/maxExclusive/Inclusive and sh:lessThan. */
#ifndef DCATIT_XSD_H
#define DCATIT_XSD_H

#include <stdbool.h>
#include <stddef.h>

#include "rdf/term.h"

typedef enum {
	DCATIT_XSD_OTHER = 0, /* not a datatype we check: any lexical form */
	DCATIT_XSD_STRING,
	DCATIT_XSD_NORMALIZED_STRING,
	DCATIT_XSD_TOKEN,
	DCATIT_XSD_LANGUAGE,
	DCATIT_XSD_BOOLEAN,
	DCATIT_XSD_DECIMAL,
	DCATIT_XSD_INTEGER,
	DCATIT_XSD_NON_POSITIVE_INTEGER,
	DCATIT_XSD_NEGATIVE_INTEGER,
	DCATIT_XSD_LONG,
	DCATIT_XSD_INT,
	DCATIT_XSD_SHORT,
	DCATIT_XSD_BYTE,
	DCATIT_XSD_NON_NEGATIVE_INTEGER,
	DCATIT_XSD_UNSIGNED_LONG,
	DCATIT_XSD_UNSIGNED_INT,
	DCATIT_XSD_UNSIGNED_SHORT,
	DCATIT_XSD_UNSIGNED_BYTE,
	DCATIT_XSD_POSITIVE_INTEGER,
	DCATIT_XSD_FLOAT,
	DCATIT_XSD_DOUBLE,
	DCATIT_XSD_DATE,
	DCATIT_XSD_DATETIME,
	DCATIT_XSD_DATETIMESTAMP,
	DCATIT_XSD_TIME,
	DCATIT_XSD_GYEAR,
	DCATIT_XSD_GYEARMONTH,
	DCATIT_XSD_GMONTHDAY,
	DCATIT_XSD_GDAY,
	DCATIT_XSD_GMONTH,
	DCATIT_XSD_DURATION,
	DCATIT_XSD_DAYTIMEDURATION,
	DCATIT_XSD_YEARMONTHDURATION,
	DCATIT_XSD_HEXBINARY,
	DCATIT_XSD_BASE64BINARY,
	DCATIT_XSD_ANYURI,
	DCATIT_XSD_LANGSTRING, /* rdf:langString: needs a language tag */
	DCATIT_XSD_COUNT_
} DcatitXsdType;

/* Datatype ids of one term store mapped to DcatitXsdType, built once so
 * lookups in validation compare ids, never strings. */
typedef struct {
	DcatitTermId ids[DCATIT_XSD_COUNT_];       /* by type; [OTHER] = 0 */
	DcatitTermId sorted[DCATIT_XSD_COUNT_];    /* ids ascending */
	unsigned char sorted_type[DCATIT_XSD_COUNT_];
	size_t n;
} DcatitXsdMap;

/* The type named by a datatype IRI string (OTHER when not one we know). */
DcatitXsdType dcatit_xsd_type_from_iri(const char *iri);
/* Intern every known datatype IRI into t; false on out of memory. */
bool dcatit_xsd_map_init(DcatitXsdMap *m, DcatitTerms *t);
/* The type of a datatype id (OTHER when unknown). */
DcatitXsdType dcatit_xsd_map_type(const DcatitXsdMap *m, DcatitTermId dt);

/* Is s[0..len) in the lexical space of type? (OTHER: always true;
 * LANGSTRING: judged by the caller from the language tag.) */
bool dcatit_xsd_lexical_ok(DcatitXsdType type, const char *s, size_t len);

/* Compare two terms with SPARQL's ordering operators: numbers (exact for
 * integer/decimal), strings, booleans, dateTime/date/time (with timezones
 * on both sides or on neither). Sets *cmp to <0, 0, >0 and returns true,
 * or returns false when the terms cannot be compared (different kinds, an
 * IRI, a blank node, an ill-formed literal, NaN). */
bool dcatit_xsd_compare(const DcatitXsdMap *m, const DcatitTerms *t,
                        DcatitTermId a, DcatitTermId b, int *cmp);

#endif
