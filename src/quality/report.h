/* report.h: the quality reports: text for the terminal, JSON with a
 * documented schema (doc/quality-json.md), one self-contained HTML page,
 * DQV in Turtle (the data.europa.eu metric IRIs) and CSV, one row per
 * dataset. Every format reads the same structs and appends to a buffer. */
#ifndef DCATIT_QUALITY_REPORT_H
#define DCATIT_QUALITY_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"
#include "quality/compare.h"
#include "quality/findings.h"
#include "quality/links.h"
#include "quality/score.h"
#include "quality/strings.h"

/* The version of the JSON schema; a change that removes or renames a
 * field makes it dcatit-quality/2. */
#define DCATIT_QUALITY_SCHEMA "dcatit-quality/1"

typedef enum {
	DCATIT_QFMT_TEXT = 0,
	DCATIT_QFMT_JSON,
	DCATIT_QFMT_HTML,
	DCATIT_QFMT_DQV,
	DCATIT_QFMT_CSV,
} DcatitQualityFormat;

/* What a report shows; zero-initialise and fill. */
typedef struct {
	const DcatitQuality *q;             /* finished */
	DcatitQualityLang lang;
	const DcatitQualityFindings *findings; /* NULL: validation not run */
	const DcatitQualityLinks *links;    /* NULL: links not checked */
	const DcatitQualityDiff *diff;      /* NULL: no --compare */
	const char *title;                  /* the catalogue's name, may be NULL */
	const char *generator;              /* "dcatit 0.1.0" */
	size_t max_rows;                    /* datasets listed by text and
	                                     * HTML (0: their defaults, 20 and
	                                     * 1000) */
	bool harvest;                       /* sources are harvest sources:
	                                     * show the league table */
} DcatitQualityReportInput;

/* Format from its name (text, json, html, dqv, csv); false if unknown. */
bool dcatit_quality_format_from_name(const char *name, DcatitQualityFormat *f);
/* Append the report in format f. DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_quality_report_write(const DcatitQualityReportInput *in,
                                         DcatitQualityFormat f, DcatitBuf *out);

#endif
