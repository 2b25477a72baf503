/* findings.h: validation results grouped by the rule (shape) that raised
 * them, for the quality report: how many, the message, where (file:line of
 * the first few) and how many datasets lost the DCAT-AP compliance points
 * because of them. */
#ifndef DCATIT_QUALITY_FINDINGS_H
#define DCATIT_QUALITY_FINDINGS_H

#include <stddef.h>
#include <stdint.h>

#include "base/status.h"
#include "shacl/report.h"
#include "shacl/result.h"

/* Locations kept per group: enough to find the pattern, not a listing
 * (the full list is `dcatit validate`'s). */
#define DCATIT_QUALITY_FINDING_LOCS 5

typedef struct {
	const char *file;            /* borrowed from the data graph */
	uint32_t line;
} DcatitQualityLoc;

typedef struct {
	DcatitTermId shape;          /* sh:sourceShape */
	DcatitSeverity severity;
	size_t count;
	char *message;               /* of the first result */
	DcatitQualityLoc locs[DCATIT_QUALITY_FINDING_LOCS];
	size_t nlocs;
	uint32_t source;             /* harvest source index */
} DcatitQualityFinding;

typedef struct {
	DcatitQualityFinding *items; /* violations first, then by count */
	size_t n, cap;
	size_t violations, warnings, infos;
} DcatitQualityFindings;

/* Initialise an empty list (no allocation). */
void dcatit_quality_findings_init(DcatitQualityFindings *f);
/* Free the groups. */
void dcatit_quality_findings_release(DcatitQualityFindings *f);
/* Add the results r (of one source; in report order, see
 * dcatit_results_sort) to f, grouped by shape; in names the data graph
 * and shapes for the messages. Call dcatit_quality_findings_sort after the
 * last source. */
DcatitStatus dcatit_quality_findings_add(DcatitQualityFindings *f, const DcatitResults *r,
                                         const DcatitReportInput *in, uint32_t source);
/* Order the groups: by severity, then larger groups first. */
void dcatit_quality_findings_sort(DcatitQualityFindings *f);

#endif
