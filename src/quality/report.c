/* report.c: the dispatch to the quality report formats and the helpers
 * they share (report.h, report_impl.h). */
#include "quality/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "quality/report_impl.h"

bool dcatit_quality_format_from_name(const char *name, DcatitQualityFormat *f)
{
	static const struct {
		const char *name;
		DcatitQualityFormat f;
	} names[] = {
		{ "text", DCATIT_QFMT_TEXT }, { "json", DCATIT_QFMT_JSON },
		{ "html", DCATIT_QFMT_HTML }, { "dqv", DCATIT_QFMT_DQV },
		{ "csv", DCATIT_QFMT_CSV },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(names[i].name, name) == 0) {
			*f = names[i].f;
			return true;
		}
	return false;
}

DcatitStatus dcatit_quality_report_write(const DcatitQualityReportInput *in,
                                         DcatitQualityFormat f, DcatitBuf *out)
{
	switch (f) {
	case DCATIT_QFMT_TEXT: return dcatit_qr_text(in, out);
	case DCATIT_QFMT_JSON: return dcatit_qr_json(in, out);
	case DCATIT_QFMT_HTML: return dcatit_qr_html(in, out);
	case DCATIT_QFMT_DQV: return dcatit_qr_dqv(in, out);
	case DCATIT_QFMT_CSV: return dcatit_qr_csv(in, out);
	}
	return DCATIT_ERR_USAGE;
}

void dcatit_qr_fill(DcatitBuf *b, const char *tmpl, const char *const args[5])
{
	for (const char *p = tmpl; *p; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '5') {
			const char *a = args[p[1] - '1'];
			dcatit_buf_adds(b, a ? a : "");
			p++;
		} else {
			dcatit_buf_addc(b, *p);
		}
	}
}

void dcatit_qr_action(DcatitBuf *b, const DcatitQualityAction *a, DcatitQualityLang lang)
{
	DcatitBuf d;
	dcatit_buf_init(&d);
	dcatit_quality_count(&d, a->datasets, QS_DATASETS, QS_DATASETS_ONE, lang);
	char g1[32], g2[32], c[32];
	snprintf(g1, sizeof g1, "%d", a->gain_min);
	snprintf(g2, sizeof g2, "%d", a->gain_max);
	const char *args[5] = { dcatit_quality_indicator_action(a->indicator, lang), d.data, g1,
	                        dcatit_quality_num(c, sizeof c, a->catalogue_gain, 1, lang), g2 };
	dcatit_qr_fill(b, dcatit_quality_str(a->gain_min == a->gain_max ? QS_FIX_LINE
	                                                                : QS_FIX_LINE_RANGE, lang), args);
	b->oom |= d.oom;
	dcatit_buf_release(&d);
}

/* qsort has no context argument: the comparators get an array of keys
 * that carry what they compare. */
typedef struct {
	int score;
	uint32_t source;
	const char *iri;
	size_t index;
} RowKey;

static int cmp_row(const void *a, const void *b)
{
	const RowKey *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	int c = strcmp(x->iri, y->iri);
	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

size_t *dcatit_qr_worst_first(const DcatitQuality *q)
{
	if (!q->ndatasets)
		return NULL;
	RowKey *keys = malloc(q->ndatasets * sizeof *keys);
	size_t *out = malloc(q->ndatasets * sizeof *out);
	if (!keys || !out) {
		free(keys);
		free(out);
		return NULL;
	}
	for (size_t i = 0; i < q->ndatasets; i++) {
		const DcatitQualityDataset *ds = &q->datasets[i];
		keys[i] = (RowKey){ ds->score, ds->source, dcatit_terms_str(q->terms, ds->iri), i };
	}
	qsort(keys, q->ndatasets, sizeof *keys, cmp_row);
	for (size_t i = 0; i < q->ndatasets; i++)
		out[i] = keys[i].index;
	free(keys);
	return out;
}

typedef struct {
	double score;
	size_t datasets;
	const char *name;
	size_t index;
} SourceKey;

static int cmp_source(const void *a, const void *b)
{
	const SourceKey *x = a, *y = b;
	/* a source without datasets has no score: last */
	if ((x->datasets == 0) != (y->datasets == 0))
		return x->datasets == 0 ? 1 : -1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->name, y->name);
}

size_t *dcatit_qr_league(const DcatitQuality *q)
{
	if (!q->nsources)
		return NULL;
	SourceKey *keys = malloc(q->nsources * sizeof *keys);
	size_t *out = malloc(q->nsources * sizeof *out);
	if (!keys || !out) {
		free(keys);
		free(out);
		return NULL;
	}
	for (size_t i = 0; i < q->nsources; i++)
		keys[i] = (SourceKey){ q->sources[i].sum.score, q->sources[i].sum.datasets,
		                       q->sources[i].name, i };
	qsort(keys, q->nsources, sizeof *keys, cmp_source);
	for (size_t i = 0; i < q->nsources; i++)
		out[i] = keys[i].index;
	free(keys);
	return out;
}

size_t dcatit_qr_rows(const DcatitQualityReportInput *in, size_t dflt)
{
	size_t rows = in->max_rows ? in->max_rows : dflt;
	return rows < in->q->ndatasets ? rows : in->q->ndatasets;
}

double dcatit_qr_share(const DcatitQualitySummary *s, DcatitQualityIndicator i)
{
	if (!s->assessed[i])
		return -1;
	return (double)s->met[i] / (double)s->assessed[i];
}

const char *dcatit_qr_link_reason(const DcatitQualityReportInput *in, DcatitTermId url)
{
	const DcatitQualityLink *l = in->links ? dcatit_quality_links_find(in->links, url) : NULL;
	return l && l->reason ? l->reason : "";
}

const char *dcatit_qr_status_text(int status, char *buf, size_t n)
{
	if (status == DCATIT_QUALITY_LINK_NETWORK_ERROR)
		return _("1100 network error");
	if (status == DCATIT_QUALITY_LINK_INVALID_URL)
		return _("1300 invalid URL");
	snprintf(buf, n, "%d", status);
	return buf;
}
