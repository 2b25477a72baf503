/* format.h: the catalog/ file format as data (catalog/README.md): for each
 * mapping of catalog.yaml, organizations.yaml, dataset records and data
 * dictionaries, its keys with their value type, whether they are required
 * and the code list they take. The loader (records.c) accepts exactly these
 * keys, and the JSON Schema for editors (schema.c) is generated from the
 * same rows, so neither can drift from the other. */
#ifndef DCATIT_FORMAT_H
#define DCATIT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

/* Value types of catalog/README.md §2 (and the few one-off ones). */
typedef enum {
	DCATIT_FMT_STRING,     /* a non-empty scalar */
	DCATIT_FMT_TEXT,       /* language code -> string, `it` required */
	DCATIT_FMT_KEYWORDS,   /* language code -> list of string */
	DCATIT_FMT_DATE,       /* YYYY-MM-DD */
	DCATIT_FMT_IRI,        /* absolute http(s) IRI */
	DCATIT_FMT_EMAIL,      /* local@domain, no mailto: */
	DCATIT_FMT_MEDIA_TYPE, /* type/subtype (IANA) */
	DCATIT_FMT_PATH,       /* relative path inside catalog/ */
	DCATIT_FMT_ID,         /* [a-z0-9]([a-z0-9-]*[a-z0-9])?, at most 64 */
	DCATIT_FMT_NAME,       /* [a-z][a-z0-9_]* (CSV column names) */
	DCATIT_FMT_ORG,        /* an IPA code or a key of organizations.yaml */
	DCATIT_FMT_CODE,       /* a code of the key's code list */
	DCATIT_FMT_ENUM,       /* one of the key's values */
	DCATIT_FMT_BBOX,       /* exactly 4 decimals: west, south, east, north */
	DCATIT_FMT_BOOL,       /* true or false */
	DCATIT_FMT_COUNT,      /* an integer >= 0 */
	DCATIT_FMT_MAP,        /* a closed mapping, the key's map */
} DcatitFmtType;

/* The controlled code lists, read from vocab/. */
typedef enum {
	DCATIT_CODES_NONE,
	DCATIT_CODES_THEME,     /* EU data theme */
	DCATIT_CODES_FREQUENCY, /* EU frequency */
	DCATIT_CODES_FILE_TYPE, /* EU file type */
	DCATIT_CODES_LANGUAGE,  /* EU language */
	DCATIT_CODES_LICENCE,   /* Italian licences */
	DCATIT_CODES_HVD,       /* high-value dataset categories (EU 2023/138) */
	DCATIT_CODES_N
} DcatitCodeList;

typedef struct DcatitFmtMap DcatitFmtMap;

/* One key of a mapping. */
typedef struct {
	const char *name;
	DcatitFmtType type;
	bool list;                 /* a sequence of at least one such value */
	bool required;             /* must be given (after catalogue defaults) */
	DcatitCodeList codes;      /* DCATIT_FMT_CODE: which list */
	const DcatitFmtMap *map;   /* DCATIT_FMT_MAP: which mapping */
	const char *const *values; /* DCATIT_FMT_ENUM: NULL-terminated */
	const char *doc;           /* one line for people (and the schema) */
	bool scalar_ok;            /* a list that may also be given as one value */
} DcatitFmtKey;

/* A closed mapping. */
struct DcatitFmtMap {
	const char *what; /* the name used in messages: "distribution" */
	const char *id;   /* a short identifier: "distribution", "record" */
	const DcatitFmtKey *keys;
	size_t nkeys;
};

/* The mappings: catalog.yaml and its defaults, an organizations.yaml entry,
 * a dataset record and its blocks, a data dictionary and its parts. */
extern const DcatitFmtMap dcatit_fmt_catalog, dcatit_fmt_defaults,
	dcatit_fmt_own_files, dcatit_fmt_organisation, dcatit_fmt_record,
	dcatit_fmt_temporal, dcatit_fmt_spatial, dcatit_fmt_contact,
	dcatit_fmt_standard, dcatit_fmt_inconsistency, dcatit_fmt_distribution,
	dcatit_fmt_service, dcatit_fmt_dictionary, dcatit_fmt_column,
	dcatit_fmt_stated_count, dcatit_fmt_stated_rows, dcatit_fmt_totals;

/* The required keys of a dataset record that its `iso` key makes optional:
 * the ISO record may give them (catalog/README.md 5.7). NULL-terminated. */
extern const char *const dcatit_fmt_iso_waived[];

/* Where a code list comes from: the file under vocab/ and the namespace its
 * codes' IRIs start with. */
typedef struct {
	const char *name; /* "theme", "language": as in messages */
	const char *file; /* relative to vocab/ */
	const char *ns;
} DcatitCodeSource;

/* The source of list (not DCATIT_CODES_NONE); borrowed static data. */
const DcatitCodeSource *dcatit_fmt_code_source(DcatitCodeList list);

/* The key of m named name, or NULL; borrowed. */
const DcatitFmtKey *dcatit_fmt_key(const DcatitFmtMap *m, const char *name);

#endif
