/* findings.c: grouping validation results by rule (findings.h). */
#include "quality/findings.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "shacl/idmap.h"

void dcatit_quality_findings_init(DcatitQualityFindings *f)
{
	memset(f, 0, sizeof *f);
}

void dcatit_quality_findings_release(DcatitQualityFindings *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->items[i].message);
	free(f->items);
	memset(f, 0, sizeof *f);
}

DcatitStatus dcatit_quality_findings_add(DcatitQualityFindings *f, const DcatitResults *r,
                                         const DcatitReportInput *in, uint32_t source)
{
	DcatitTerms *t = dcatit_model_terms(in->data);
	DcatitIdMap index; /* shape -> group index + 1, for this source */
	dcatit_idmap_init(&index);
	DcatitStatus st = DCATIT_OK;
	for (size_t i = 0; i < r->n && st == DCATIT_OK; i++) {
		const DcatitResult *res = &r->items[i];
		DcatitSeverity sev = dcatit_report_severity(t, res->severity);
		if (sev == DCATIT_SEV_VIOLATION)
			f->violations++;
		else if (sev == DCATIT_SEV_WARNING)
			f->warnings++;
		else
			f->infos++;
		/* shapes are never 0 in results; the component keeps
		 * shapeless ones apart anyway */
		DcatitTermId key = res->shape ? res->shape : res->component;
		uint32_t *slot = key ? dcatit_idmap_ref(&index, key) : NULL;
		if (!slot) {
			st = DCATIT_ERR_NOMEM;
			break;
		}
		if (!*slot) {
			DcatitQualityFinding *g = dcatit_grow(f->items, &f->cap, f->n + 1, sizeof *g, 32);
			if (!g) {
				st = DCATIT_ERR_NOMEM;
				break;
			}
			f->items = g;
			g = &f->items[f->n];
			memset(g, 0, sizeof *g);
			g->shape = key;
			g->severity = sev;
			g->source = source;
			DcatitBuf msg;
			dcatit_buf_init(&msg);
			dcatit_report_message(res, in, &msg);
			g->message = dcatit_buf_detach(&msg);
			if (!g->message) {
				st = DCATIT_ERR_NOMEM;
				break;
			}
			f->n++;
			*slot = (uint32_t)f->n;
		}
		DcatitQualityFinding *g = &f->items[*slot - 1];
		g->count++;
		if (g->nlocs < DCATIT_QUALITY_FINDING_LOCS) {
			g->locs[g->nlocs].file = dcatit_model_source_name(in->data, res->loc.file);
			g->locs[g->nlocs].line = res->loc.line;
			g->nlocs++;
		}
	}
	dcatit_idmap_release(&index);
	return st;
}

static int cmp_group(const void *a, const void *b)
{
	const DcatitQualityFinding *x = a, *y = b;
	if (x->severity != y->severity)
		return x->severity < y->severity ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	return strcmp(x->message, y->message);
}

void dcatit_quality_findings_sort(DcatitQualityFindings *f)
{
	if (f->n > 1)
		qsort(f->items, f->n, sizeof *f->items, cmp_group);
}
