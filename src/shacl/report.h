/* report.h: writing SHACL validation results for people and machines:
 * compiler-style text, JSON, JUnit XML, a W3C sh:ValidationReport in
 * Turtle, and GitHub Actions workflow commands. Results are written in the
 * order given: call dcatit_results_sort() first for a deterministic report. */
#ifndef DCATIT_REPORT_H
#define DCATIT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"
#include "rdf/model.h"
#include "shacl/result.h"

typedef enum {
	DCATIT_REPORT_TEXT = 0,
	DCATIT_REPORT_JSON,
	DCATIT_REPORT_JUNIT,
	DCATIT_REPORT_TTL,
	DCATIT_REPORT_GITHUB,
} DcatitReportFormat;

/* Severity levels, ordered: a finding "at or above" a level counts. */
typedef enum {
	DCATIT_SEV_VIOLATION = 0, /* sh:Violation and unknown severities */
	DCATIT_SEV_WARNING = 1,
	DCATIT_SEV_INFO = 2,
} DcatitSeverity;

/* Something about the run rather than a node of the data: a shapes graph
 * that selects nothing, owl:imports not followed, named graphs validated as
 * one (warnings, infos), or the error that stopped the run before any
 * verdict (a file that cannot be read or parsed). Every format shows them,
 * so a CI job reading only the report still sees them. */
typedef struct {
	DcatitSeverity level;    /* VIOLATION for an error */
	char *file;              /* "" when about no file */
	unsigned long line, col; /* 0: unknown */
	char *message;
} DcatitReportNote;

/* A list of notes: stack object, _init / _release. */
typedef struct {
	DcatitReportNote *v;
	size_t n, cap;
	bool oom;                /* an add failed: the list is short */
} DcatitReportNotes;

/* What a report is about; zero-initialise and fill. */
typedef struct {
	DcatitModel *data;        /* the data graph: source names and lines */
	DcatitModel *shapes;      /* the shapes graph: path structures, shape
	                           * names; may be NULL */
	const char *const *files; /* the data files validated, in order (JUnit
	                           * suites, summary); may be NULL */
	size_t nfiles;
	DcatitSeverity fail_on;   /* JUnit: findings at or above this level
	                           * are <failure>s, the rest pass with output */
	const DcatitReportNotes *notes; /* about the run; may be NULL */
	const DcatitReportNote *error;  /* non-NULL: the run stopped at this
	                                 * error and the results (usually none)
	                                 * are no verdict; data may be NULL */
	const char *lang;         /* the language of shape messages (the
	                           * sh:message with that tag is picked): "it",
	                           * "en"; NULL: the language of the program's
	                           * messages (dcatit_i18n_lang) */
} DcatitReportInput;

typedef struct {
	size_t violations, warnings, infos;
} DcatitReportCounts;

/* An empty list of notes. */
void dcatit_report_notes_init(DcatitReportNotes *n);
/* Free the notes' strings and storage. */
void dcatit_report_notes_release(DcatitReportNotes *n);
/* Add a note (file may be NULL); false, and n->oom set, on out of memory. */
bool dcatit_report_notes_add(DcatitReportNotes *n, DcatitSeverity level, const char *file,
                             unsigned long line, unsigned long col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Notes at or above level. */
size_t dcatit_report_notes_count(const DcatitReportNotes *n, DcatitSeverity level);

/* Format from its name (text, json, junit, ttl, github); false if unknown. */
bool dcatit_report_format_from_name(const char *name, DcatitReportFormat *f);
/* Level of a severity IRI id (sh:Warning, sh:Info; anything else is a
 * violation). */
DcatitSeverity dcatit_report_severity(const DcatitTerms *t, DcatitTermId sev);
/* Count the results by severity. */
DcatitReportCounts dcatit_report_count(const DcatitResults *r,
                                       const DcatitTerms *t);
/* Append the message of one result: the shape's sh:message, else one
 * generated from the constraint ("dct:modified is missing (minCount 1)"). */
bool dcatit_report_message(const DcatitResult *res, const DcatitReportInput *in,
                           DcatitBuf *out);
/* Append the whole report in format f. DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_report_write(const DcatitResults *r,
                                 const DcatitReportInput *in,
                                 DcatitReportFormat f, DcatitBuf *out);
/* Append one line (no newline) for a check that could not be completed
 * (DcatitResults.failures): "file:line: error: pattern too expensive: ...". */
void dcatit_report_failure_line(const DcatitResult *f, const DcatitReportInput *in,
                                DcatitBuf *out);
/* Append the one-line summary, e.g. "12 errors, 3 warnings in 2 files"
 * (no newline). */
bool dcatit_report_summary(const DcatitReportCounts *c, size_t nfiles,
                           DcatitBuf *out);

#endif
