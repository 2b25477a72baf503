/* tables.h: checks of tabular distribution files (CSV): RFC 4180 parsing,
 * UTF-8, one column count, and, with a data dictionary, column names,
 * types, required fields, declared totals (exact decimal arithmetic) and
 * stated counts (how many rows the source text says a column funds).
 * Totals that do not add up and counts that differ from the text are
 * warnings quoting both figures: published tables are reproduced as they
 * are, never corrected. */
#ifndef DCATIT_TABLES_H
#define DCATIT_TABLES_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog/notes.h"
#include "profile/orgs.h"

typedef enum {
	DCATIT_COL_STRING = 0,
	DCATIT_COL_DECIMAL,
	DCATIT_COL_IPA_CODE,
} DcatitColType;

/* What the source text states about a decimal column: how many data rows
 * (all, or those whose match column starts with prefix) hold a value other
 * than zero. The check counts them and warns, at the declaration, when the
 * table says otherwise. */
typedef struct {
	bool all_rows;         /* true: every data row; false: match_col/prefix */
	size_t match_col;      /* column the rows are selected by */
	char *prefix;          /* rows whose match_col value starts with it */
	size_t nonzero;        /* the number the source states */
	char *source;          /* where and how the source states it */
	unsigned long line, col; /* the declaration, in the dictionary file */
} DcatitDictCount;

typedef struct {
	char *name;
	DcatitColType type;
	bool required;
	int scale;           /* exact number of decimals, -1 when not given */
	size_t *total_of;    /* indexes of the columns this one totals */
	size_t ntotal_of;
	DcatitDictCount *counts; /* stated counts of non-zero rows */
	size_t ncounts;
} DcatitDictColumn;

/* A data dictionary as read from YAML (records.c fills it). */
typedef struct {
	char *file;          /* the dictionary file, for messages */
	DcatitDictColumn *cols;
	size_t ncols;
	bool has_totals_row;
	size_t totals_col;   /* column identifying the totals row */
	char *totals_value;  /* its value there */
	size_t *sums;        /* columns summed in the totals row */
	size_t nsums;
} DcatitDict;

/* Free what a dictionary holds (not the struct); NULL-safe fields. */
void dcatit_tables_dict_release(DcatitDict *dict);

/* Check the CSV held in data (len bytes; named display in messages)
 * against dict (NULL: only the RFC 4180, UTF-8 without NUL and
 * column-count checks). orgs resolves ipa_code columns and may be NULL.
 * Findings go to notes; the return is DCATIT_ERR_NOMEM or DCATIT_OK. */
DcatitStatus dcatit_tables_check(const char *data, size_t len, const char *display,
                                 const DcatitDict *dict, DcatitOrgs *orgs,
                                 DcatitNotes *notes);

#endif
