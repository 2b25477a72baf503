/* report_json.c: the quality report as JSON, schema dcatit-quality/1
 * (doc/quality-json.md; tests/quality/quality.schema.json checks it).
 * Streamed into the buffer: a catalogue of 50,000 datasets is one pass,
 * with no tree of values in between. Keys are in a fixed order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "config.h"
#include "quality/report_impl.h"

static void str(DcatitBuf *b, const char *s)
{
	dcatit_json_add_str(b, s, strlen(s));
}

static void key(DcatitBuf *b, const char *k)
{
	str(b, k);
	dcatit_buf_addc(b, ':');
}

static void term(DcatitBuf *b, const DcatitTerms *t, DcatitTermId id)
{
	if (!id) {
		dcatit_buf_adds(b, "null");
		return;
	}
	dcatit_json_add_str(b, dcatit_terms_str(t, id), dcatit_terms_len(t, id));
}

/* A mean, to two decimals (the same number on every platform). */
static void num(DcatitBuf *b, double v)
{
	char s[64];
	snprintf(s, sizeof s, "%.2f", v);
	/* "-0.00" is not a different number */
	dcatit_buf_adds(b, strcmp(s, "-0.00") == 0 ? "0.00" : s);
}

static void dims_mean(DcatitBuf *b, const double *d)
{
	dcatit_buf_addc(b, '{');
	for (int k = 0; k < DCATIT_QD_COUNT; k++) {
		if (k)
			dcatit_buf_addc(b, ',');
		key(b, dcatit_quality_dimension_name((DcatitQualityDimension)k));
		num(b, d[k]);
	}
	dcatit_buf_addc(b, '}');
}

static void summary(DcatitBuf *b, const DcatitQualitySummary *s, bool indicators)
{
	dcatit_buf_addf(b, "\"datasets\":%zu,\"distributions\":%zu,\"score\":", s->datasets,
	                s->distributions);
	if (s->datasets)
		num(b, s->score);
	else
		dcatit_buf_adds(b, "null");
	dcatit_buf_adds(b, ",\"assessed_max\":");
	if (s->datasets)
		num(b, s->assessed_max);
	else
		dcatit_buf_adds(b, "null");
	if (s->datasets)
		dcatit_buf_addf(b, ",\"band\":\"%s\",\"band_if_assessed_pass\":\"%s\"",
		                dcatit_quality_band_name((DcatitQualityBand)s->band),
		                dcatit_quality_band_name((DcatitQualityBand)s->band_max));
	else
		dcatit_buf_adds(b, ",\"band\":null,\"band_if_assessed_pass\":null");
	dcatit_buf_adds(b, ",\"dimensions\":");
	dims_mean(b, s->dims);
	dcatit_buf_adds(b, ",\"bands\":{");
	for (int k = DCATIT_QBAND_EXCELLENT; k >= 0; k--)
		dcatit_buf_addf(b, "\"%s\":%zu%s", dcatit_quality_band_name((DcatitQualityBand)k),
		                s->bands[k], k ? "," : "");
	dcatit_buf_addf(b, "},\"datasets_with_violations\":%zu", s->with_violations);
	if (!indicators)
		return;
	dcatit_buf_adds(b, ",\"indicators\":{");
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		const DcatitQualityIndicatorInfo *info = dcatit_quality_indicator((DcatitQualityIndicator)i);
		double share = dcatit_qr_share(s, (DcatitQualityIndicator)i);
		dcatit_buf_addf(b, "%s\"%s\":{\"points\":%d,\"dimension\":\"%s\",\"met\":%zu,"
		                "\"assessed\":%zu,\"share\":", i ? "," : "", info->metric,
		                info->points, dcatit_quality_dimension_name(info->dim), s->met[i],
		                s->assessed[i]);
		if (share < 0)
			dcatit_buf_adds(b, "null");
		else
			dcatit_buf_addf(b, "%.4f", share);
		dcatit_buf_addc(b, '}');
	}
	dcatit_buf_addc(b, '}');
}

static void methodology(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	dcatit_buf_addf(b, "\"methodology\":{\"name\":\"data.europa.eu Metadata Quality "
	                "Assessment\",\"max\":%d,\"bands\":{", DCATIT_QUALITY_MAX);
	for (int k = DCATIT_QBAND_EXCELLENT; k >= 0; k--)
		dcatit_buf_addf(b, "\"%s\":%d%s", dcatit_quality_band_name((DcatitQualityBand)k),
		                dcatit_quality_band_min((DcatitQualityBand)k), k ? "," : "");
	dcatit_buf_adds(b, "},\"vocabularies\":");
	str(b, DCATIT_QUALITY_VOCAB_SNAPSHOT);
	dcatit_buf_adds(b, ",\"dcatApCompliance\":");
	str(b, q->validated ? "estimate: no violation of the DCAT-AP_IT profile of dcatit"
	                    : "not assessed");
	dcatit_buf_addf(b, ",\"links\":\"%s\"}", q->links_checked ? "checked" : "not assessed");
}

static void actions(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	DcatitQualityAction acts[DCATIT_QI_COUNT];
	size_t n = dcatit_quality_actions(&in->q->total, acts);
	dcatit_buf_adds(b, "\"fix_first\":[");
	for (size_t i = 0; i < n; i++) {
		const DcatitQualityIndicatorInfo *info = dcatit_quality_indicator(acts[i].indicator);
		dcatit_buf_addf(b, "%s{\"indicator\":\"%s\",\"property\":", i ? "," : "", info->metric);
		str(b, info->property);
		dcatit_buf_addf(b, ",\"datasets\":%zu,\"points_min\":%d,\"points_max\":%d,"
		                "\"catalogue_gain\":", acts[i].datasets, acts[i].gain_min,
		                acts[i].gain_max);
		num(b, acts[i].catalogue_gain);
		dcatit_buf_addc(b, '}');
	}
	dcatit_buf_addc(b, ']');
}

static void hints(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	static const char *const kinds[DCATIT_QH_COUNT] = {
		"licence", "format", "media_type", "access_rights", "rights_as_access_rights",
	};
	const DcatitQuality *q = in->q;
	dcatit_buf_adds(b, "\"hints\":[");
	for (size_t i = 0; i < q->nhints; i++) {
		const DcatitQualityHint *h = &q->hints[i];
		dcatit_buf_addf(b, "%s{\"kind\":\"%s\",\"source\":", i ? "," : "", kinds[h->kind]);
		str(b, q->sources[h->source].name);
		dcatit_buf_adds(b, ",\"value\":");
		term(b, q->terms, h->value);
		dcatit_buf_adds(b, ",\"suggestion\":");
		term(b, q->terms, h->suggestion);
		dcatit_buf_addf(b, ",\"datasets\":%zu,\"uses\":%zu,\"example\":", h->datasets, h->uses);
		term(b, q->terms, h->example);
		dcatit_buf_addc(b, '}');
	}
	dcatit_buf_addc(b, ']');
}

static void findings(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	static const char *const sev[] = { "violation", "warning", "info" };
	const DcatitQualityFindings *f = in->findings;
	dcatit_buf_adds(b, "\"findings\":");
	if (!f) {
		dcatit_buf_adds(b, "null");
		return;
	}
	dcatit_buf_addf(b, "{\"violations\":%zu,\"warnings\":%zu,\"infos\":%zu,\"groups\":[",
	                f->violations, f->warnings, f->infos);
	for (size_t i = 0; i < f->n; i++) {
		const DcatitQualityFinding *g = &f->items[i];
		dcatit_buf_addf(b, "%s{\"shape\":", i ? "," : "");
		term(b, in->q->terms, g->shape);
		dcatit_buf_adds(b, ",\"source\":");
		str(b, in->q->sources[g->source].name);
		dcatit_buf_addf(b, ",\"severity\":\"%s\",\"count\":%zu,\"message\":", sev[g->severity],
		                g->count);
		str(b, g->message);
		dcatit_buf_adds(b, ",\"locations\":[");
		for (size_t k = 0; k < g->nlocs; k++) {
			dcatit_buf_addf(b, "%s{\"file\":", k ? "," : "");
			str(b, g->locs[k].file);
			dcatit_buf_addf(b, ",\"line\":%u}", g->locs[k].line);
		}
		dcatit_buf_adds(b, "]}");
	}
	dcatit_buf_adds(b, "]}");
}

static void links(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	dcatit_buf_adds(b, "\"links\":");
	if (!q->links_checked) {
		dcatit_buf_adds(b, "null");
		return;
	}
	const DcatitQualityLinks *l = in->links;
	dcatit_buf_addf(b, "{\"checked\":%zu,\"requests\":%zu,\"from_cache\":%zu,\"broken\":[",
	                l ? l->n : 0, l ? l->requests : 0, l ? l->from_cache : 0);
	for (size_t i = 0; i < q->nbroken; i++) {
		const DcatitQualityBroken *br = &q->broken[i];
		dcatit_buf_addf(b, "%s{\"url\":", i ? "," : "");
		term(b, q->terms, br->url);
		dcatit_buf_addf(b, ",\"status\":%d,\"reason\":", br->status);
		str(b, dcatit_qr_link_reason(in, br->url));
		dcatit_buf_addf(b, ",\"kind\":\"%s\",\"uses\":%zu,\"dataset\":",
		                br->download ? "download" : "access", br->uses);
		term(b, q->terms, br->example);
		dcatit_buf_adds(b, ",\"source\":");
		str(b, q->sources[br->source].name);
		dcatit_buf_addc(b, '}');
	}
	dcatit_buf_adds(b, "]}");
}

static void sources(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	dcatit_buf_adds(b, "\"sources\":[");
	size_t *order = in->harvest ? dcatit_qr_league(q) : NULL;
	if (in->harvest && !order) {
		b->oom = true;
		return;
	}
	for (size_t r = 0; in->harvest && r < q->nsources; r++) {
		const DcatitQualitySource *s = &q->sources[order[r]];
		dcatit_buf_addf(b, "%s{\"rank\":%zu,\"name\":", r ? "," : "", r + 1);
		str(b, s->name);
		dcatit_buf_addc(b, ',');
		summary(b, &s->sum, false);
		dcatit_buf_addc(b, '}');
	}
	free(order);
	dcatit_buf_addc(b, ']');
}

static void compare(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQualityDiff *d = in->diff;
	const DcatitQuality *q = in->q;
	dcatit_buf_adds(b, "\"compare\":");
	if (!d) {
		dcatit_buf_adds(b, "null");
		return;
	}
	dcatit_buf_adds(b, "{\"old_score\":");
	num(b, d->old_score);
	dcatit_buf_addf(b, ",\"old_band\":\"%s\",\"score_change\":",
	                dcatit_quality_band_name(d->old_band));
	num(b, q->total.score - d->old_score);
	dcatit_buf_addf(b, ",\"improved\":%zu,\"worsened\":%zu,\"added\":%zu,\"gone\":[",
	                d->improved, d->worsened, d->added);
	for (size_t i = 0; i < d->ngone; i++) {
		if (i)
			dcatit_buf_addc(b, ',');
		str(b, d->gone[i]);
	}
	dcatit_buf_adds(b, "],\"band_changed\":[");
	for (size_t i = 0; i < d->nchanged; i++) {
		const DcatitQualityChange *c = &d->changed[i];
		const DcatitQualityDataset *ds = &q->datasets[c->index];
		dcatit_buf_addf(b, "%s{\"iri\":", i ? "," : "");
		term(b, q->terms, ds->iri);
		dcatit_buf_addf(b, ",\"old_score\":%d,\"old_band\":\"%s\",\"score\":%d,\"band\":\"%s\"}",
		                c->old_score, dcatit_quality_band_name(c->old_band), ds->score,
		                dcatit_quality_band_name((DcatitQualityBand)ds->band));
	}
	dcatit_buf_adds(b, "]}");
}

static void status_or_null(DcatitBuf *b, int st)
{
	if (st)
		dcatit_buf_addf(b, "%d", st);
	else
		dcatit_buf_adds(b, "null");
}

static void dataset(const DcatitQualityReportInput *in, const DcatitQualityDataset *ds,
                    DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	dcatit_buf_adds(b, "{\"iri\":");
	term(b, q->terms, ds->iri);
	dcatit_buf_adds(b, ",\"title\":");
	term(b, q->terms, ds->title);
	dcatit_buf_adds(b, ",\"source\":");
	str(b, q->sources[ds->source].name);
	dcatit_buf_adds(b, ",\"file\":");
	str(b, ds->file);
	dcatit_buf_addf(b, ",\"line\":%u,\"score\":%d,\"assessed_max\":%d,\"band\":\"%s\","
	                "\"band_if_assessed_pass\":\"%s\",\"dimensions\":{", ds->line, ds->score,
	                ds->assessed_max, dcatit_quality_band_name((DcatitQualityBand)ds->band),
	                dcatit_quality_band_name((DcatitQualityBand)ds->band_max));
	for (int k = 0; k < DCATIT_QD_COUNT; k++)
		dcatit_buf_addf(b, "%s\"%s\":%d", k ? "," : "",
		                dcatit_quality_dimension_name((DcatitQualityDimension)k), ds->dims[k]);
	dcatit_buf_adds(b, "},\"indicators\":{");
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		const char *m = dcatit_quality_indicator((DcatitQualityIndicator)i)->metric;
		if (ds->state[i] == DCATIT_QS_NOT_ASSESSED)
			dcatit_buf_addf(b, "%s\"%s\":null", i ? "," : "", m);
		else
			dcatit_buf_addf(b, "%s\"%s\":%d", i ? "," : "", m,
			                dcatit_quality_points(ds, (DcatitQualityIndicator)i));
	}
	dcatit_buf_adds(b, "},\"missing\":[");
	bool first = true;
	for (int i = 0; i < DCATIT_QI_COUNT; i++)
		if (ds->state[i] == DCATIT_QS_NOT_MET) {
			dcatit_buf_addf(b, "%s\"%s\"", first ? "" : ",",
			                dcatit_quality_indicator((DcatitQualityIndicator)i)->metric);
			first = false;
		}
	dcatit_buf_adds(b, "],\"best_distribution\":");
	term(b, q->terms, ds->best);
	dcatit_buf_addf(b, ",\"distributions\":%u,\"violations\":", ds->ndist);
	if (q->validated)
		dcatit_buf_addf(b, "%u", ds->violations);
	else
		dcatit_buf_adds(b, "null");
	dcatit_buf_adds(b, ",\"access_url_status\":");
	status_or_null(b, ds->access_status);
	dcatit_buf_adds(b, ",\"download_url_status\":");
	status_or_null(b, ds->download_status);
	dcatit_buf_addc(b, '}');
}

DcatitStatus dcatit_qr_json(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	dcatit_buf_adds(b, "{\"schema\":\"" DCATIT_QUALITY_SCHEMA "\",\"generator\":");
	str(b, in->generator ? in->generator : "dcatit " DCATIT_VERSION);
	dcatit_buf_adds(b, ",\"title\":");
	if (in->title)
		str(b, in->title);
	else
		dcatit_buf_adds(b, "null");
	dcatit_buf_adds(b, ",\n");
	methodology(in, b);
	dcatit_buf_adds(b, ",\n\"catalogue\":{");
	summary(b, &q->total, true);
	dcatit_buf_adds(b, "},\n");
	sources(in, b);
	dcatit_buf_adds(b, ",\n");
	actions(in, b);
	dcatit_buf_adds(b, ",\n");
	hints(in, b);
	dcatit_buf_adds(b, ",\n");
	findings(in, b);
	dcatit_buf_adds(b, ",\n");
	links(in, b);
	dcatit_buf_adds(b, ",\n");
	compare(in, b);
	dcatit_buf_adds(b, ",\n\"datasets\":[");
	for (size_t i = 0; i < q->ndatasets; i++) {
		dcatit_buf_adds(b, i ? ",\n" : "\n");
		dataset(in, &q->datasets[i], b);
	}
	dcatit_buf_adds(b, "\n]}\n");
	return b->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}
