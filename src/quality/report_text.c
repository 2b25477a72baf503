/* report_text.c: the quality report for a terminal: the score and rating
 * first, then what to fix first, then the detail; the lowest-scoring
 * datasets at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quality/report_impl.h"

/* Longest literal shown (a value may be a 50 MB literal). */
#define SHORT 80

static void term(DcatitBuf *b, const DcatitTerms *t, DcatitTermId id)
{
	const char *s = dcatit_terms_str(t, id);
	size_t n = dcatit_terms_len(t, id);
	if (dcatit_terms_is_iri(t, id)) {
		dcatit_buf_addf(b, "<%s>", s);
		return;
	}
	dcatit_buf_addc(b, '"');
	for (size_t i = 0; i < n && i < SHORT; i++)
		dcatit_buf_addc(b, s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
	dcatit_buf_adds(b, n > SHORT ? "...\"" : "\"");
}

static const char *s_(const DcatitQualityReportInput *in, DcatitQualityStr s)
{
	return dcatit_quality_str(s, in->lang);
}

static void score_lines(const DcatitQualityReportInput *in, const DcatitQualitySummary *s,
                        DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	DcatitQualityLang L = in->lang;
	char n1[32], n2[32], n3[32];
	const char *a[5] = { dcatit_quality_num(n1, sizeof n1, s->score, 1, L), "405" };
	dcatit_buf_addf(b, "%s: ", s_(in, QS_SCORE));
	dcatit_qr_fill(b, s_(in, QS_OF), a);
	if (s->assessed_max < DCATIT_QUALITY_MAX - 1e-9) {
		dcatit_buf_addf(b, " (%s %s", s_(in, QS_ASSESSED_MAX),
		                dcatit_quality_num(n2, sizeof n2, s->assessed_max, 1, L));
		if (!q->links_checked)
			dcatit_buf_addf(b, ": %s", s_(in, QS_NOT_ASSESSED_LINKS));
		if (!q->validated)
			dcatit_buf_addf(b, "; %s", s_(in, QS_NOT_ASSESSED_DCATAP));
		dcatit_buf_adds(b, ")");
	}
	dcatit_buf_addf(b, "\n%s: %s", s_(in, QS_BAND),
	                dcatit_quality_band_label((DcatitQualityBand)s->band, L));
	if (s->band_max != s->band) {
		const char *c[5] = { dcatit_quality_band_label((DcatitQualityBand)s->band_max, L) };
		dcatit_buf_adds(b, " (");
		dcatit_qr_fill(b, s_(in, QS_IF_ALL_PASS), c);
		dcatit_buf_adds(b, ")");
	}
	(void)n3;
	dcatit_buf_adds(b, "\n");
}

static void dimensions(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQualitySummary *s = &in->q->total;
	char n[32];
	dcatit_buf_addf(b, "\n%s\n", s_(in, QS_DIMENSIONS));
	for (int k = 0; k < DCATIT_QD_COUNT; k++)
		dcatit_buf_addf(b, "  %-18s %6s / %d\n",
		                dcatit_quality_dimension_label((DcatitQualityDimension)k, in->lang),
		                dcatit_quality_num(n, sizeof n, s->dims[k], 1, in->lang),
		                dcatit_quality_dimension_max((DcatitQualityDimension)k));
}

static void indicators(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQualitySummary *s = &in->q->total;
	char n[32];
	dcatit_buf_addf(b, "\n%s\n", s_(in, QS_INDICATORS));
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		const DcatitQualityIndicatorInfo *info = dcatit_quality_indicator((DcatitQualityIndicator)i);
		dcatit_buf_addf(b, "  %-36s %3d  ", info->metric, info->points);
		double share = dcatit_qr_share(s, (DcatitQualityIndicator)i);
		if (share < 0)
			dcatit_buf_addf(b, "%s", s_(in, QS_NOT_ASSESSED));
		else {
			const char *a[5];
			char m[32], t[32];
			snprintf(m, sizeof m, "%zu", s->met[i]);
			snprintf(t, sizeof t, "%zu", s->assessed[i]);
			a[0] = m;
			a[1] = t;
			dcatit_qr_fill(b, s_(in, QS_OF), a);
			dcatit_buf_addf(b, " (%s%%)", dcatit_quality_num(n, sizeof n, share * 100, 1, in->lang));
			if (s->assessed[i] < s->datasets)
				dcatit_buf_addf(b, ", %zu %s", s->datasets - s->assessed[i],
				                s_(in, QS_NOT_ASSESSED));
		}
		dcatit_buf_addc(b, '\n');
	}
}

static void bands(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQualitySummary *s = &in->q->total;
	dcatit_buf_addf(b, "\n%s: ", s_(in, QS_BANDS_TITLE));
	for (int k = DCATIT_QBAND_EXCELLENT; k >= 0; k--)
		dcatit_buf_addf(b, "%s %zu%s", dcatit_quality_band_label((DcatitQualityBand)k, in->lang),
		                s->bands[k], k ? ", " : "\n");
}

static void fix_first(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	DcatitQualityAction acts[DCATIT_QI_COUNT];
	size_t n = dcatit_quality_actions(&in->q->total, acts);
	dcatit_buf_addf(b, "\n%s\n", s_(in, QS_FIX_FIRST));
	if (!n)
		dcatit_buf_addf(b, "  %s\n", s_(in, QS_FIX_FIRST_NONE));
	for (size_t i = 0; i < n; i++) {
		dcatit_buf_addf(b, "  %2zu. ", i + 1);
		dcatit_qr_action(b, &acts[i], in->lang);
		dcatit_buf_addf(b, " [%s]\n", dcatit_quality_indicator(acts[i].indicator)->metric);
	}
}

/* "... and N more" when a list was cut at shown items. */
static void more(const DcatitQualityReportInput *in, DcatitBuf *b, size_t n, size_t shown)
{
	if (n <= shown)
		return;
	char k[32];
	snprintf(k, sizeof k, "%zu", n - shown);
	const char *a[5] = { k };
	dcatit_buf_adds(b, "  ");
	dcatit_qr_fill(b, s_(in, QS_MORE), a);
	dcatit_buf_addc(b, '\n');
}

static void hints(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	if (!q->nhints)
		return;
	static const DcatitQualityStr text[DCATIT_QH_COUNT] = {
		QS_HINT_LICENCE, QS_HINT_FORMAT, QS_HINT_MEDIA_TYPE, QS_HINT_ACCESS_RIGHTS,
		QS_HINT_RIGHTS_AS_ACCESS,
	};
	dcatit_buf_addf(b, "\n%s\n", s_(in, QS_HINTS));
	DcatitBuf v, s;
	dcatit_buf_init(&v);
	dcatit_buf_init(&s);
	for (size_t i = 0; i < q->nhints && i < DCATIT_QUALITY_TEXT_ITEMS; i++) {
		const DcatitQualityHint *h = &q->hints[i];
		dcatit_buf_clear(&v);
		dcatit_buf_clear(&s);
		term(&v, q->terms, h->value);
		term(&s, q->terms, h->suggestion);
		const char *a[5] = { v.data, s.data };
		dcatit_buf_adds(b, "  - ");
		if (q->nsources > 1)
			dcatit_buf_addf(b, "%s: ", q->sources[h->source].name);
		dcatit_qr_fill(b, s_(in, text[h->kind]), a);
		char n2[32];
		dcatit_buf_clear(&v);
		dcatit_quality_count(&v, h->datasets, QS_DATASETS, QS_DATASETS_ONE, in->lang);
		snprintf(n2, sizeof n2, "%zu", h->uses);
		const char *c[5] = { v.data, n2 };
		dcatit_buf_adds(b, "; ");
		dcatit_qr_fill(b, s_(in, QS_HINT_USED_BY), c);
		dcatit_buf_adds(b, "\n");
	}
	more(in, b, q->nhints, DCATIT_QUALITY_TEXT_ITEMS);
	b->oom |= v.oom || s.oom;
	dcatit_buf_release(&v);
	dcatit_buf_release(&s);
}

static void findings(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	dcatit_buf_addf(b, "\n%s", s_(in, QS_FINDINGS));
	const DcatitQualityFindings *f = in->findings;
	if (!f) {
		dcatit_buf_addf(b, "\n  %s\n", s_(in, QS_FINDINGS_NOT_RUN));
		return;
	}
	dcatit_buf_addf(b, " (%zu %s, %zu %s)\n", f->violations, s_(in, QS_VIOLATION), f->warnings,
	                s_(in, QS_WARNING));
	if (!f->n)
		dcatit_buf_addf(b, "  %s\n", s_(in, QS_FINDINGS_NONE));
	for (size_t i = 0; i < f->n; i++) {
		const DcatitQualityFinding *g = &f->items[i];
		const char *sev = s_(in, g->severity == DCATIT_SEV_VIOLATION ? QS_VIOLATION
		                         : g->severity == DCATIT_SEV_WARNING ? QS_WARNING : QS_INFO);
		dcatit_buf_addf(b, "  %s %zu× %s\n", sev, g->count, g->message);
		for (size_t k = 0; k < g->nlocs; k++)
			if (g->locs[k].file[0])
				dcatit_buf_addf(b, "      %s:%u\n", g->locs[k].file, g->locs[k].line);
		if (g->count > g->nlocs)
			dcatit_buf_addf(b, "      ... (%zu)\n", g->count - g->nlocs);
	}
}

static void links(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	dcatit_buf_addf(b, "\n%s\n", s_(in, QS_LINKS));
	if (!q->links_checked) {
		dcatit_buf_addf(b, "  %s\n", s_(in, QS_LINKS_NOT_CHECKED));
		return;
	}
	if (!q->nbroken) {
		char n[32];
		snprintf(n, sizeof n, "%zu", in->links ? in->links->n : 0);
		const char *a[5] = { n };
		dcatit_buf_adds(b, "  ");
		dcatit_qr_fill(b, s_(in, QS_LINKS_NONE_BROKEN), a);
		dcatit_buf_addc(b, '\n');
		return;
	}
	for (size_t i = 0; i < q->nbroken && i < DCATIT_QUALITY_TEXT_ITEMS; i++) {
		const DcatitQualityBroken *br = &q->broken[i];
		char st[32];
		const char *reason = dcatit_qr_link_reason(in, br->url);
		dcatit_buf_addf(b, "  %s %s ", dcatit_qr_status_text(br->status, st, sizeof st),
		                s_(in, br->download ? QS_LINK_DOWNLOAD : QS_LINK_ACCESS));
		term(b, q->terms, br->url);
		dcatit_buf_adds(b, " (");
		dcatit_quality_count(b, br->uses, QS_DISTRIBUTIONS, QS_DISTRIBUTIONS_ONE, in->lang);
		dcatit_buf_addf(b, ")%s%s\n", *reason ? ": " : "", reason);
	}
	more(in, b, q->nbroken, DCATIT_QUALITY_TEXT_ITEMS);
}

static void league(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	size_t *order = dcatit_qr_league(q);
	if (!order) {
		b->oom = true;
		return;
	}
	dcatit_buf_addf(b, "\n%s\n", s_(in, QS_SOURCES));
	for (size_t r = 0; r < q->nsources; r++) {
		const DcatitQualitySource *s = &q->sources[order[r]];
		char n[32];
		dcatit_buf_addf(b, "  %2zu. %-24s %7s  %-12s ", r + 1, s->name,
		                s->sum.datasets ? dcatit_quality_num(n, sizeof n, s->sum.score, 1, in->lang) : "-",
		                s->sum.datasets ? dcatit_quality_band_label((DcatitQualityBand)s->sum.band,
		                                                            in->lang) : "");
		dcatit_quality_count(b, s->sum.datasets, QS_DATASETS, QS_DATASETS_ONE, in->lang);
		dcatit_buf_addc(b, '\n');
	}
	free(order);
}

static void compare(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQualityDiff *d = in->diff;
	const DcatitQuality *q = in->q;
	char n1[32], n2[32], n3[32];
	dcatit_buf_addf(b, "\n%s\n  ", s_(in, QS_COMPARE));
	const char *a[5] = { dcatit_quality_num(n1, sizeof n1, d->old_score, 1, in->lang),
	                     dcatit_quality_num(n2, sizeof n2, q->total.score, 1, in->lang),
	                     dcatit_quality_num(n3, sizeof n3, q->total.score - d->old_score, 1, in->lang) };
	if (q->total.score - d->old_score >= 0) {
		memmove(n3 + 1, n3, strlen(n3) + 1);
		n3[0] = '+';
	}
	dcatit_qr_fill(b, s_(in, QS_COMPARE_SCORE), a);
	dcatit_buf_addf(b, "\n  %s: %zu, %s: %zu\n", s_(in, QS_COMPARE_NEW), d->added,
	                s_(in, QS_COMPARE_GONE), d->ngone);
	if (!d->nchanged)
		dcatit_buf_addf(b, "  %s\n", s_(in, QS_COMPARE_NONE));
	for (size_t i = 0; i < d->nchanged && i < 50; i++) {
		const DcatitQualityChange *c = &d->changed[i];
		const DcatitQualityDataset *ds = &q->datasets[c->index];
		dcatit_buf_addf(b, "  %s (%d) -> %s (%d) <%s>\n",
		                dcatit_quality_band_label(c->old_band, in->lang), c->old_score,
		                dcatit_quality_band_label((DcatitQualityBand)ds->band, in->lang),
		                ds->score, dcatit_terms_str(q->terms, ds->iri));
	}
	if (d->nchanged > 50)
		dcatit_buf_addf(b, "  ... (%zu)\n", d->nchanged - 50);
}

static void datasets(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	size_t rows = dcatit_qr_rows(in, DCATIT_QUALITY_TEXT_ROWS);
	size_t *order = dcatit_qr_worst_first(q);
	if (!order) {
		b->oom = true;
		return;
	}
	dcatit_buf_addf(b, "\n%s\n", s_(in, QS_DATASET_TABLE));
	for (size_t r = 0; r < rows; r++) {
		const DcatitQualityDataset *ds = &q->datasets[order[r]];
		dcatit_buf_addf(b, "  %3d  %-11s <%s>", ds->score,
		                dcatit_quality_band_label((DcatitQualityBand)ds->band, in->lang),
		                dcatit_terms_str(q->terms, ds->iri));
		if (q->nsources > 1)
			dcatit_buf_addf(b, " [%s]", q->sources[ds->source].name);
		if (ds->file[0])
			dcatit_buf_addf(b, " %s:%u", ds->file, ds->line);
		dcatit_buf_addc(b, '\n');
		bool first = true;
		for (int i = 0; i < DCATIT_QI_COUNT; i++) {
			if (ds->state[i] != DCATIT_QS_NOT_MET)
				continue;
			dcatit_buf_addf(b, "%s%s", first ? "       - " : ", ",
			                dcatit_quality_indicator((DcatitQualityIndicator)i)->metric);
			first = false;
		}
		if (!first)
			dcatit_buf_addc(b, '\n');
	}
	if (rows < q->ndatasets) {
		char n1[32], n2[32];
		snprintf(n1, sizeof n1, "%zu", rows);
		snprintf(n2, sizeof n2, "%zu", q->ndatasets);
		const char *a[5] = { n1, n2 };
		dcatit_buf_adds(b, "  ");
		dcatit_qr_fill(b, s_(in, QS_DATASET_TABLE_CUT), a);
		dcatit_buf_addc(b, '\n');
	}
	free(order);
}

DcatitStatus dcatit_qr_text(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	dcatit_buf_addf(b, "%s: %s\n", s_(in, QS_TITLE), s_(in, QS_SUBTITLE));
	dcatit_buf_addf(b, "%s%s%s: ", s_(in, QS_CATALOGUE), in->title ? " " : "",
	                in->title ? in->title : "");
	dcatit_quality_count(b, q->total.datasets, QS_DATASETS, QS_DATASETS_ONE, in->lang);
	dcatit_buf_adds(b, ", ");
	dcatit_quality_count(b, q->total.distributions, QS_DISTRIBUTIONS, QS_DISTRIBUTIONS_ONE,
	                     in->lang);
	dcatit_buf_addc(b, '\n');
	if (!q->ndatasets) {
		dcatit_buf_addf(b, "%s\n", s_(in, QS_NO_DATASETS));
		return b->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
	}
	score_lines(in, &q->total, b);
	if (in->diff)
		compare(in, b);
	fix_first(in, b);
	hints(in, b);
	if (in->harvest)
		league(in, b);
	dimensions(in, b);
	indicators(in, b);
	bands(in, b);
	findings(in, b);
	links(in, b);
	datasets(in, b);
	const char *a[5] = { dcatit_quality_text(DCATIT_QUALITY_VOCAB_SNAPSHOT, in->lang) };
	dcatit_buf_adds(b, "\n");
	dcatit_qr_fill(b, s_(in, QS_VOCAB_NOTE), a);
	dcatit_buf_addc(b, '\n');
	return b->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}
