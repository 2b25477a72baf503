/* report_html.c: the quality report as one self-contained HTML page for
 * the people who fix the metadata: inline CSS and SVG, no script, no
 * request of any kind (a Content-Security-Policy says so), Italian by
 * default. Written for WCAG 2.1 AA: headings in order, tables with
 * captions and header cells, colours with 4.5:1 contrast and never the
 * only carrier of meaning, every chart an image with a text alternative
 * next to a table of the same numbers. Long lists are capped (--rows) so
 * that a browser renders a 50,000-dataset report in a second or two. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "quality/report_impl.h"

/* Longest literal shown. */
#define SHORT 120

typedef struct {
	const DcatitQualityReportInput *in;
	DcatitBuf *b;
	DcatitQualityLang L;
} Page;

static const char *S(const Page *p, DcatitQualityStr s)
{
	return dcatit_quality_str(s, p->L);
}

static void esc_n(DcatitBuf *b, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *e = NULL;
		switch (s[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		case '\0': e = "\xEF\xBF\xBD"; break;
		default: break;
		}
		if (!e) {
			run++;
			continue;
		}
		dcatit_buf_add(b, s + i - run, run);
		run = 0;
		dcatit_buf_adds(b, e);
	}
	dcatit_buf_add(b, s + n - run, run);
}

static void esc(DcatitBuf *b, const char *s)
{
	esc_n(b, s, strlen(s));
}

/* A term as text: an IRI whole, a literal cut at SHORT bytes (on a UTF-8
 * character boundary). */
static void term(const Page *p, DcatitTermId id)
{
	const DcatitTerms *t = p->in->q->terms;
	const char *s = dcatit_terms_str(t, id);
	size_t n = dcatit_terms_len(t, id);
	if (!dcatit_terms_is_literal(t, id) || n <= SHORT) {
		esc_n(p->b, s, n);
		return;
	}
	size_t k = SHORT;
	while (k && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	esc_n(p->b, s, k);
	dcatit_buf_adds(p->b, "…");
}

/* The template filled, escaped. */
static void fill(const Page *p, DcatitQualityStr s, const char *const a[5])
{
	DcatitBuf t;
	dcatit_buf_init(&t);
	dcatit_qr_fill(&t, S(p, s), a);
	esc(p->b, t.data ? t.data : "");
	p->b->oom |= t.oom;
	dcatit_buf_release(&t);
}

static void count(const Page *p, size_t n, DcatitQualityStr many, DcatitQualityStr one)
{
	DcatitBuf t;
	dcatit_buf_init(&t);
	dcatit_quality_count(&t, n, many, one, p->L);
	esc(p->b, t.data ? t.data : "");
	p->b->oom |= t.oom;
	dcatit_buf_release(&t);
}

static const char *num(const Page *p, char *buf, size_t n, double v, int dec)
{
	return dcatit_quality_num(buf, n, v, dec, p->L);
}

static const char *const band_class[DCATIT_QBAND_COUNT] = { "bad", "suff", "good", "exc" };

static void band_badge(const Page *p, int band)
{
	dcatit_buf_addf(p->b, "<span class=\"band %s\">", band_class[band]);
	esc(p->b, dcatit_quality_band_label((DcatitQualityBand)band, p->L));
	dcatit_buf_adds(p->b, "</span>");
}

/* Colours: text on white at 7:1 or more, badges with dark text on light
 * fills above 4.5:1; the band is always written, never only coloured. */
static const char css[] =
	"*{box-sizing:border-box}"
	"body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Liberation Sans',Arial,sans-serif;"
	"margin:0;color:#1b1b1b;background:#fff;line-height:1.5}"
	"main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}"
	"header{background:#06315c;color:#fff;padding:1.5rem}"
	"header .in{max-width:72rem;margin:0 auto}"
	"header h1{margin:0;font-size:2rem}header p{margin:.25rem 0 0}"
	".skip{position:absolute;left:-999px;top:0;background:#fff;color:#06315c;padding:.5rem}"
	".skip:focus{left:1rem;top:1rem;z-index:9}"
	"a{color:#0b4f9c}a:focus,summary:focus{outline:3px solid #c15700;outline-offset:2px}"
	"h2{border-bottom:2px solid #06315c;padding-bottom:.25rem;margin-top:2.5rem}"
	".score{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:center;margin:1.5rem 0}"
	".big{font-size:3rem;font-weight:700;line-height:1}.big small{font-size:1.25rem;font-weight:400}"
	".band{display:inline-block;padding:.15rem .6rem;border-radius:.3rem;font-weight:700;"
	"border:1px solid #1b1b1b}"
	".exc{background:#c9ecd4;color:#0c3d1d}.good{background:#d5e7fa;color:#0a2f57}"
	".suff{background:#fde9b8;color:#4a3300}.bad{background:#f8d0cc;color:#5c0f07}"
	".note{color:#3d3d3d}"
	"table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.95rem}"
	"caption{text-align:left;font-weight:700;padding:.25rem 0}"
	"th,td{border:1px solid #8a8a8a;padding:.3rem .5rem;text-align:left;vertical-align:top}"
	"th{background:#e8eef5}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
	"code{font-size:.85rem;word-break:break-all}"
	".meter{display:inline-block;width:6rem;height:.8rem;border:1px solid #1b1b1b;"
	"vertical-align:middle;margin-right:.4rem;background:#fff}"
	".meter span{display:block;height:100%;background:#06315c}"
	"ol.fix li{margin:.3rem 0}.gain{font-weight:700}"
	"svg text{font-family:inherit}"
	"@media print{header{background:#fff;color:#000}.skip{display:none}}";

/* "... and N more" after a list cut at DCATIT_QUALITY_HTML_ITEMS. */
static void more(const Page *p, size_t n)
{
	if (n <= DCATIT_QUALITY_HTML_ITEMS)
		return;
	char k[32];
	snprintf(k, sizeof k, "%zu", n - DCATIT_QUALITY_HTML_ITEMS);
	const char *a[5] = { k };
	dcatit_buf_adds(p->b, "<p class=\"note\">");
	fill(p, QS_MORE, a);
	dcatit_buf_adds(p->b, "</p>\n");
}

static void head(const Page *p)
{
	DcatitBuf *b = p->b;
	dcatit_buf_addf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
	                p->L == DCATIT_QLANG_IT ? "it" : "en");
	/* nothing may be fetched: the page works from a file, offline */
	dcatit_buf_adds(b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	                   "style-src 'unsafe-inline'; img-src data:\">\n"
	                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                   "<meta name=\"generator\" content=\"");
	esc(b, p->in->generator ? p->in->generator : "dcatit " DCATIT_VERSION);
	dcatit_buf_adds(b, "\">\n<title>");
	esc(b, S(p, QS_TITLE));
	if (p->in->title) {
		dcatit_buf_adds(b, " – ");
		esc(b, p->in->title);
	}
	dcatit_buf_addf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
	if (p->in->q->ndatasets) {
		dcatit_buf_adds(b, "<a class=\"skip\" href=\"#fix\">");
		esc(b, S(p, QS_SKIP_LINK));
		dcatit_buf_adds(b, "</a>\n");
	}
	dcatit_buf_adds(b, "<header><div class=\"in\"><h1>");
	esc(b, S(p, QS_TITLE));
	if (p->in->title) {
		dcatit_buf_adds(b, ": ");
		esc(b, p->in->title);
	}
	dcatit_buf_adds(b, "</h1><p>");
	esc(b, S(p, QS_SUBTITLE));
	dcatit_buf_adds(b, "</p></div></header>\n<main>\n");
}

static void summary(const Page *p)
{
	const DcatitQuality *q = p->in->q;
	const DcatitQualitySummary *s = &q->total;
	DcatitBuf *b = p->b;
	char n1[32], n2[32];
	dcatit_buf_adds(b, "<section aria-labelledby=\"h-score\"><h2 id=\"h-score\">");
	esc(b, S(p, QS_CATALOGUE));
	dcatit_buf_adds(b, "</h2>\n<p>");
	count(p, s->datasets, QS_DATASETS, QS_DATASETS_ONE);
	dcatit_buf_adds(b, ", ");
	count(p, s->distributions, QS_DISTRIBUTIONS, QS_DISTRIBUTIONS_ONE);
	dcatit_buf_adds(b, "</p>\n");
	if (!s->datasets) {
		dcatit_buf_adds(b, "<p>");
		esc(b, S(p, QS_NO_DATASETS));
		dcatit_buf_adds(b, "</p></section>\n");
		return;
	}
	dcatit_buf_adds(b, "<div class=\"score\"><p class=\"big\">");
	esc(b, num(p, n1, sizeof n1, s->score, 1));
	dcatit_buf_addf(b, " <small>/ %d ", DCATIT_QUALITY_MAX);
	esc(b, S(p, QS_POINTS));
	dcatit_buf_adds(b, "</small></p><p>");
	esc(b, S(p, QS_BAND));
	dcatit_buf_adds(b, ": ");
	band_badge(p, s->band);
	if (s->band_max != s->band) {
		const char *a[5] = { dcatit_quality_band_label((DcatitQualityBand)s->band_max, p->L) };
		dcatit_buf_adds(b, "<br><span class=\"note\">");
		fill(p, QS_IF_ALL_PASS, a);
		dcatit_buf_adds(b, "</span>");
	}
	dcatit_buf_adds(b, "</p></div>\n");
	if (s->assessed_max < DCATIT_QUALITY_MAX - 1e-9) {
		dcatit_buf_adds(b, "<p class=\"note\">");
		esc(b, S(p, QS_ASSESSED_MAX_CAP));
		dcatit_buf_addf(b, ": %s", num(p, n2, sizeof n2, s->assessed_max, 1));
		if (!q->links_checked) {
			dcatit_buf_adds(b, " — ");
			esc(b, S(p, QS_NOT_ASSESSED_LINKS));
		}
		if (!q->validated) {
			dcatit_buf_adds(b, q->links_checked ? " — " : "; ");
			esc(b, S(p, QS_NOT_ASSESSED_DCATAP));
		}
		dcatit_buf_adds(b, "</p>\n");
	}
	dcatit_buf_adds(b, "</section>\n");
}

static void fix_first(const Page *p)
{
	DcatitBuf *b = p->b;
	DcatitQualityAction acts[DCATIT_QI_COUNT];
	size_t n = dcatit_quality_actions(&p->in->q->total, acts);
	dcatit_buf_adds(b, "<section aria-labelledby=\"fix\"><h2 id=\"fix\" tabindex=\"-1\">");
	esc(b, S(p, QS_FIX_FIRST));
	dcatit_buf_adds(b, "</h2>\n");
	if (!n) {
		dcatit_buf_adds(b, "<p>");
		esc(b, S(p, QS_FIX_FIRST_NONE));
		dcatit_buf_adds(b, "</p></section>\n");
		return;
	}
	dcatit_buf_adds(b, "<ol class=\"fix\">\n");
	DcatitBuf line;
	dcatit_buf_init(&line);
	for (size_t i = 0; i < n; i++) {
		dcatit_buf_clear(&line);
		dcatit_qr_action(&line, &acts[i], p->L);
		dcatit_buf_adds(b, "<li>");
		esc(b, line.data ? line.data : "");
		dcatit_buf_addf(b, " <small>(<code>%s</code>)</small></li>\n",
		                dcatit_quality_indicator(acts[i].indicator)->metric);
	}
	b->oom |= line.oom;
	dcatit_buf_release(&line);
	dcatit_buf_adds(b, "</ol>\n</section>\n");
}

static void hints(const Page *p)
{
	static const DcatitQualityStr text[DCATIT_QH_COUNT] = {
		QS_HINT_LICENCE, QS_HINT_FORMAT, QS_HINT_MEDIA_TYPE, QS_HINT_ACCESS_RIGHTS,
		QS_HINT_RIGHTS_AS_ACCESS,
	};
	const DcatitQuality *q = p->in->q;
	DcatitBuf *b = p->b;
	if (!q->nhints)
		return;
	dcatit_buf_adds(b, "<section aria-labelledby=\"h-hints\"><h2 id=\"h-hints\">");
	esc(b, S(p, QS_HINTS));
	dcatit_buf_adds(b, "</h2>\n<ul>\n");
	DcatitBuf v, s, u;
	dcatit_buf_init(&v);
	dcatit_buf_init(&s);
	dcatit_buf_init(&u);
	for (size_t i = 0; i < q->nhints && i < DCATIT_QUALITY_HTML_ITEMS; i++) {
		const DcatitQualityHint *h = &q->hints[i];
		dcatit_buf_clear(&v);
		dcatit_buf_clear(&s);
		dcatit_buf_clear(&u);
		/* the values go into the escaped template as plain text */
		dcatit_buf_add(&v, dcatit_terms_str(q->terms, h->value),
		               dcatit_terms_len(q->terms, h->value) > SHORT ? SHORT
		               : dcatit_terms_len(q->terms, h->value));
		dcatit_buf_adds(&s, dcatit_terms_str(q->terms, h->suggestion));
		const char *a[5] = { v.data ? v.data : "", s.data };
		dcatit_buf_adds(b, "<li>");
		if (q->nsources > 1) {
			esc(b, q->sources[h->source].name);
			dcatit_buf_adds(b, ": ");
		}
		fill(p, text[h->kind], a);
		dcatit_quality_count(&u, h->datasets, QS_DATASETS, QS_DATASETS_ONE, p->L);
		char n2[32];
		snprintf(n2, sizeof n2, "%zu", h->uses);
		const char *c[5] = { u.data, n2 };
		dcatit_buf_adds(b, " — ");
		fill(p, QS_HINT_USED_BY, c);
		dcatit_buf_adds(b, "</li>\n");
	}
	b->oom |= v.oom || s.oom || u.oom;
	dcatit_buf_release(&v);
	dcatit_buf_release(&s);
	dcatit_buf_release(&u);
	dcatit_buf_adds(b, "</ul>\n");
	more(p, q->nhints);
	dcatit_buf_adds(b, "</section>\n");
}

/* A horizontal bar chart: value[i] of max[i] for label[i]; an image whose
 * text alternative is the title and the data in its description. */
static void bar_chart(const Page *p, const char *id, const char *title, size_t n,
                      const char *const *label, const double *value, const double *max,
                      const char *const *shown)
{
	DcatitBuf *b = p->b;
	const int row = 30, lw = 170, bw = 380, w = lw + bw + 110;
	int h = (int)n * row + 10;
	dcatit_buf_addf(b, "<svg role=\"img\" aria-labelledby=\"%s-t %s-d\" width=\"%d\" height=\"%d\" "
	                "viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">"
	                "<title id=\"%s-t\">", id, id, w, h, w, h, id);
	esc(b, title);
	dcatit_buf_addf(b, "</title><desc id=\"%s-d\">", id);
	for (size_t i = 0; i < n; i++) {
		esc(b, label[i]);
		dcatit_buf_adds(b, ": ");
		esc(b, shown[i]);
		dcatit_buf_adds(b, i + 1 < n ? "; " : ".");
	}
	dcatit_buf_adds(b, "</desc>");
	for (size_t i = 0; i < n; i++) {
		int y = (int)i * row + 5;
		double f = max[i] > 0 ? value[i] / max[i] : 0;
		if (f > 1)
			f = 1;
		dcatit_buf_addf(b, "<text x=\"0\" y=\"%d\" font-size=\"14\" fill=\"#1b1b1b\">", y + 16);
		esc(b, label[i]);
		dcatit_buf_addf(b, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" fill=\"#fff\" "
		                "stroke=\"#1b1b1b\"/><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" "
		                "fill=\"#06315c\"/><text x=\"%d\" y=\"%d\" font-size=\"14\" "
		                "fill=\"#1b1b1b\">", lw, y, bw, lw, y, (int)(f * bw + 0.5),
		                lw + bw + 8, y + 16);
		esc(b, shown[i]);
		dcatit_buf_adds(b, "</text>");
	}
	dcatit_buf_adds(b, "</svg>\n");
}

static void th(const Page *p, DcatitQualityStr s, bool numeric)
{
	dcatit_buf_addf(p->b, "<th scope=\"col\"%s>", numeric ? " class=\"n\"" : "");
	esc(p->b, S(p, s));
	dcatit_buf_adds(p->b, "</th>");
}

static void caption(const Page *p, DcatitQualityStr s)
{
	dcatit_buf_adds(p->b, "<caption>");
	esc(p->b, S(p, s));
	dcatit_buf_adds(p->b, "</caption>");
}

static void dimensions(const Page *p)
{
	const DcatitQualitySummary *s = &p->in->q->total;
	DcatitBuf *b = p->b;
	const char *label[DCATIT_QD_COUNT], *shown[DCATIT_QD_COUNT];
	char bufs[DCATIT_QD_COUNT][48];
	double val[DCATIT_QD_COUNT], max[DCATIT_QD_COUNT];
	for (int k = 0; k < DCATIT_QD_COUNT; k++) {
		char n[32];
		label[k] = dcatit_quality_dimension_label((DcatitQualityDimension)k, p->L);
		val[k] = s->dims[k];
		max[k] = dcatit_quality_dimension_max((DcatitQualityDimension)k);
		snprintf(bufs[k], sizeof bufs[k], "%s / %d", num(p, n, sizeof n, val[k], 1), (int)max[k]);
		shown[k] = bufs[k];
	}
	dcatit_buf_adds(b, "<section aria-labelledby=\"h-dims\"><h2 id=\"h-dims\">");
	esc(b, S(p, QS_DIMENSIONS));
	dcatit_buf_adds(b, "</h2>\n");
	bar_chart(p, "c-dims", S(p, QS_CHART_DIMENSIONS), DCATIT_QD_COUNT, label, val, max, shown);
	dcatit_buf_adds(b, "<table>");
	caption(p, QS_DIMENSIONS);
	dcatit_buf_adds(b, "<thead><tr>");
	th(p, QS_DIMENSION, false);
	th(p, QS_MEAN, true);
	th(p, QS_MAX, true);
	dcatit_buf_adds(b, "</tr></thead><tbody>\n");
	for (int k = 0; k < DCATIT_QD_COUNT; k++) {
		char n[32];
		dcatit_buf_adds(b, "<tr><th scope=\"row\">");
		esc(b, label[k]);
		dcatit_buf_addf(b, "</th><td class=\"n\">%s</td><td class=\"n\">%d</td></tr>\n",
		                num(p, n, sizeof n, val[k], 1), (int)max[k]);
	}
	dcatit_buf_adds(b, "</tbody></table>\n</section>\n");
}

static void indicators(const Page *p)
{
	const DcatitQualitySummary *s = &p->in->q->total;
	DcatitBuf *b = p->b;
	dcatit_buf_adds(b, "<section aria-labelledby=\"h-ind\"><h2 id=\"h-ind\">");
	esc(b, S(p, QS_INDICATORS));
	dcatit_buf_adds(b, "</h2>\n<table>");
	caption(p, QS_INDICATORS);
	dcatit_buf_adds(b, "<thead><tr>");
	th(p, QS_INDICATOR, false);
	th(p, QS_DIMENSION, false);
	th(p, QS_PROPERTY, false);
	th(p, QS_POINTS, true);
	th(p, QS_SHARE, false);
	dcatit_buf_adds(b, "</tr></thead><tbody>\n");
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		const DcatitQualityIndicatorInfo *info = dcatit_quality_indicator((DcatitQualityIndicator)i);
		dcatit_buf_adds(b, "<tr><th scope=\"row\">");
		esc(b, dcatit_quality_indicator_label((DcatitQualityIndicator)i, p->L));
		dcatit_buf_addf(b, "<br><code>%s</code></th><td>", info->metric);
		esc(b, dcatit_quality_dimension_label(info->dim, p->L));
		dcatit_buf_adds(b, "</td><td><code>");
		esc(b, dcatit_quality_text(info->property, p->L));
		dcatit_buf_addf(b, "</code></td><td class=\"n\">%d</td><td>", info->points);
		double share = dcatit_qr_share(s, (DcatitQualityIndicator)i);
		if (share < 0) {
			esc(b, S(p, QS_NOT_ASSESSED));
		} else {
			char pc[32], m[32], t[32];
			snprintf(m, sizeof m, "%zu", s->met[i]);
			snprintf(t, sizeof t, "%zu", s->assessed[i]);
			const char *a[5] = { m, t };
			/* decorative: the numbers follow in text */
			dcatit_buf_addf(b, "<span class=\"meter\" aria-hidden=\"true\"><span style=\"width:%d%%\">"
			                "</span></span>", (int)(share * 100 + 0.5));
			fill(p, QS_OF, a);
			dcatit_buf_addf(b, " (%s%%)", num(p, pc, sizeof pc, share * 100, 1));
			if (s->assessed[i] < s->datasets) {
				dcatit_buf_addf(b, "; %zu ", s->datasets - s->assessed[i]);
				esc(b, S(p, QS_NOT_ASSESSED));
			}
		}
		dcatit_buf_adds(b, "</td></tr>\n");
	}
	dcatit_buf_adds(b, "</tbody></table>\n</section>\n");
}

static void bands(const Page *p)
{
	const DcatitQualitySummary *s = &p->in->q->total;
	DcatitBuf *b = p->b;
	const char *label[DCATIT_QBAND_COUNT], *shown[DCATIT_QBAND_COUNT];
	char bufs[DCATIT_QBAND_COUNT][32];
	double val[DCATIT_QBAND_COUNT], max[DCATIT_QBAND_COUNT];
	for (int k = 0; k < DCATIT_QBAND_COUNT; k++) {
		int band = DCATIT_QBAND_EXCELLENT - k;
		label[k] = dcatit_quality_band_label((DcatitQualityBand)band, p->L);
		val[k] = (double)s->bands[band];
		max[k] = (double)s->datasets;
		snprintf(bufs[k], sizeof bufs[k], "%zu", s->bands[band]);
		shown[k] = bufs[k];
	}
	dcatit_buf_adds(b, "<section aria-labelledby=\"h-bands\"><h2 id=\"h-bands\">");
	esc(b, S(p, QS_BANDS_TITLE));
	dcatit_buf_adds(b, "</h2>\n");
	bar_chart(p, "c-bands", S(p, QS_CHART_BANDS), DCATIT_QBAND_COUNT, label, val, max, shown);
	dcatit_buf_adds(b, "<table>");
	caption(p, QS_BANDS_TITLE);
	dcatit_buf_adds(b, "<thead><tr>");
	th(p, QS_BAND, false);
	th(p, QS_COUNT, true);
	dcatit_buf_adds(b, "</tr></thead><tbody>\n");
	for (int k = 0; k < DCATIT_QBAND_COUNT; k++) {
		dcatit_buf_adds(b, "<tr><th scope=\"row\">");
		band_badge(p, DCATIT_QBAND_EXCELLENT - k);
		dcatit_buf_addf(b, "</th><td class=\"n\">%s</td></tr>\n", shown[k]);
	}
	dcatit_buf_adds(b, "</tbody></table>\n");
	dcatit_buf_adds(b, "<p class=\"note\">");
	esc(b, S(p, QS_METHOD_NOTE));
	dcatit_buf_adds(b, "</p>\n</section>\n");
}

static void league(const Page *p)
{
	const DcatitQuality *q = p->in->q;
	DcatitBuf *b = p->b;
	size_t *order = dcatit_qr_league(q);
	if (!order) {
		b->oom = true;
		return;
	}
	dcatit_buf_adds(b, "<section aria-labelledby=\"h-src\"><h2 id=\"h-src\">");
	esc(b, S(p, QS_SOURCES));
	dcatit_buf_adds(b, "</h2>\n<table>");
	caption(p, QS_SOURCES);
	dcatit_buf_adds(b, "<thead><tr>");
	th(p, QS_RANK, true);
	th(p, QS_SOURCE, false);
	th(p, QS_SCORE, true);
	th(p, QS_BAND, false);
	th(p, QS_ASSESSED_MAX_CAP, true);
	th(p, QS_DATASET, true);
	dcatit_buf_adds(b, "</tr></thead><tbody>\n");
	for (size_t r = 0; r < q->nsources; r++) {
		const DcatitQualitySource *s = &q->sources[order[r]];
		char n1[32], n2[32];
		dcatit_buf_addf(b, "<tr><td class=\"n\">%zu</td><th scope=\"row\">", r + 1);
		esc(b, s->name);
		dcatit_buf_adds(b, "</th>");
		if (s->sum.datasets) {
			dcatit_buf_addf(b, "<td class=\"n\">%s</td><td>", num(p, n1, sizeof n1, s->sum.score, 1));
			band_badge(p, s->sum.band);
			dcatit_buf_addf(b, "</td><td class=\"n\">%s</td>",
			                num(p, n2, sizeof n2, s->sum.assessed_max, 1));
		} else {
			dcatit_buf_adds(b, "<td class=\"n\">–</td><td>–</td><td class=\"n\">–</td>");
		}
		dcatit_buf_addf(b, "<td class=\"n\">%zu</td></tr>\n", s->sum.datasets);
	}
	free(order);
	dcatit_buf_adds(b, "</tbody></table>\n</section>\n");
}

static void compare(const Page *p)
{
	const DcatitQualityDiff *d = p->in->diff;
	const DcatitQuality *q = p->in->q;
	DcatitBuf *b = p->b;
	char n1[32], n2[32], n3[32];
	dcatit_buf_adds(b, "<section aria-labelledby=\"h-cmp\"><h2 id=\"h-cmp\">");
	esc(b, S(p, QS_COMPARE));
	dcatit_buf_adds(b, "</h2>\n<p>");
	double delta = q->total.score - d->old_score;
	num(p, n3 + 1, sizeof n3 - 1, delta, 1);
	n3[0] = '+';
	const char *a[5] = { num(p, n1, sizeof n1, d->old_score, 1),
	                     num(p, n2, sizeof n2, q->total.score, 1), delta >= 0 ? n3 : n3 + 1 };
	fill(p, QS_COMPARE_SCORE, a);
	dcatit_buf_adds(b, "</p>\n<ul><li>");
	esc(b, S(p, QS_COMPARE_NEW));
	dcatit_buf_addf(b, ": %zu</li><li>", d->added);
	esc(b, S(p, QS_COMPARE_GONE));
	dcatit_buf_addf(b, ": %zu</li></ul>\n", d->ngone);
	if (!d->nchanged) {
		dcatit_buf_adds(b, "<p>");
		esc(b, S(p, QS_COMPARE_NONE));
		dcatit_buf_adds(b, "</p></section>\n");
		return;
	}
	size_t rows = dcatit_qr_rows(p->in, DCATIT_QUALITY_HTML_ROWS);
	dcatit_buf_adds(b, "<table>");
	caption(p, QS_COMPARE_CHANGED);
	dcatit_buf_adds(b, "<thead><tr>");
	th(p, QS_DATASET, false);
	th(p, QS_BEFORE, false);
	th(p, QS_AFTER, false);
	dcatit_buf_adds(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < d->nchanged && i < rows; i++) {
		const DcatitQualityChange *c = &d->changed[i];
		const DcatitQualityDataset *ds = &q->datasets[c->index];
		dcatit_buf_adds(b, "<tr><th scope=\"row\"><code>");
		term(p, ds->iri);
		dcatit_buf_addf(b, "</code></th><td>%d ", c->old_score);
		band_badge(p, c->old_band);
		dcatit_buf_addf(b, "</td><td>%d ", ds->score);
		band_badge(p, ds->band);
		dcatit_buf_adds(b, "</td></tr>\n");
	}
	dcatit_buf_adds(b, "</tbody></table>\n</section>\n");
}

static void findings(const Page *p)
{
	const DcatitQualityFindings *f = p->in->findings;
	const DcatitQuality *q = p->in->q;
	DcatitBuf *b = p->b;
	dcatit_buf_adds(b, "<section aria-labelledby=\"h-val\"><h2 id=\"h-val\">");
	esc(b, S(p, QS_FINDINGS));
	dcatit_buf_adds(b, "</h2>\n<p class=\"note\">");
	if (!f) {
		esc(b, S(p, QS_FINDINGS_NOT_RUN));
		dcatit_buf_adds(b, "</p></section>\n");
		return;
	}
	esc(b, S(p, QS_FINDINGS_INTRO));
	dcatit_buf_adds(b, "</p>\n");
	if (!f->n) {
		dcatit_buf_adds(b, "<p>");
		esc(b, S(p, QS_FINDINGS_NONE));
		dcatit_buf_adds(b, "</p></section>\n");
		return;
	}
	dcatit_buf_adds(b, "<table>");
	caption(p, QS_FINDINGS);
	dcatit_buf_adds(b, "<thead><tr>");
	th(p, QS_SEVERITY, false);
	th(p, QS_COUNT, true);
	th(p, QS_MESSAGE, false);
	th(p, QS_WHERE, false);
	dcatit_buf_adds(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < f->n; i++) {
		const DcatitQualityFinding *g = &f->items[i];
		dcatit_buf_adds(b, "<tr><td>");
		esc(b, S(p, g->severity == DCATIT_SEV_VIOLATION ? QS_VIOLATION
		            : g->severity == DCATIT_SEV_WARNING ? QS_WARNING : QS_INFO));
		dcatit_buf_addf(b, "</td><td class=\"n\">%zu</td><td>", g->count);
		if (q->nsources > 1) {
			esc(b, q->sources[g->source].name);
			dcatit_buf_adds(b, ": ");
		}
		esc(b, g->message);
		dcatit_buf_adds(b, "</td><td>");
		for (size_t k = 0; k < g->nlocs; k++) {
			/* a finding about the whole graph (a class that must be
			 * present) has no place */
			if (!g->locs[k].file[0]) {
				dcatit_buf_adds(b, k ? "<br>–" : "–");
				continue;
			}
			dcatit_buf_adds(b, k ? "<br><code>" : "<code>");
			esc(b, g->locs[k].file);
			dcatit_buf_addf(b, ":%u</code>", g->locs[k].line);
		}
		if (g->count > g->nlocs)
			dcatit_buf_addf(b, "<br>… (+%zu)", g->count - g->nlocs);
		dcatit_buf_adds(b, "</td></tr>\n");
	}
	dcatit_buf_adds(b, "</tbody></table>\n</section>\n");
}

static void links(const Page *p)
{
	const DcatitQuality *q = p->in->q;
	DcatitBuf *b = p->b;
	dcatit_buf_adds(b, "<section aria-labelledby=\"h-links\"><h2 id=\"h-links\">");
	esc(b, S(p, QS_LINKS));
	dcatit_buf_adds(b, "</h2>\n");
	if (!q->links_checked || !q->nbroken) {
		char n[32];
		snprintf(n, sizeof n, "%zu", p->in->links ? p->in->links->n : 0);
		const char *a[5] = { n };
		dcatit_buf_adds(b, "<p>");
		if (!q->links_checked)
			esc(b, S(p, QS_LINKS_NOT_CHECKED));
		else
			fill(p, QS_LINKS_NONE_BROKEN, a);
		dcatit_buf_adds(b, "</p></section>\n");
		return;
	}
	dcatit_buf_adds(b, "<table>");
	caption(p, QS_LINKS);
	dcatit_buf_adds(b, "<thead><tr>");
	th(p, QS_LINK_URL, false);
	th(p, QS_LINK_STATUS, true);
	th(p, QS_LINK_KIND, false);
	th(p, QS_LINK_USES, true);
	th(p, QS_LINK_REASON, false);
	dcatit_buf_adds(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < q->nbroken && i < DCATIT_QUALITY_HTML_ITEMS; i++) {
		const DcatitQualityBroken *br = &q->broken[i];
		char st[32];
		dcatit_buf_adds(b, "<tr><td><code>");
		term(p, br->url);
		dcatit_buf_addf(b, "</code></td><td class=\"n\">%s</td><td>",
		                dcatit_qr_status_text(br->status, st, sizeof st));
		esc(b, S(p, br->download ? QS_LINK_DOWNLOAD : QS_LINK_ACCESS));
		dcatit_buf_addf(b, "</td><td class=\"n\">%zu</td><td>", br->uses);
		esc(b, dcatit_qr_link_reason(p->in, br->url));
		dcatit_buf_adds(b, "</td></tr>\n");
	}
	dcatit_buf_adds(b, "</tbody></table>\n");
	more(p, q->nbroken);
	dcatit_buf_adds(b, "</section>\n");
}

static void datasets(const Page *p)
{
	const DcatitQuality *q = p->in->q;
	DcatitBuf *b = p->b;
	size_t rows = dcatit_qr_rows(p->in, DCATIT_QUALITY_HTML_ROWS);
	size_t *order = dcatit_qr_worst_first(q);
	if (!order) {
		b->oom = true;
		return;
	}
	dcatit_buf_adds(b, "<section aria-labelledby=\"h-ds\"><h2 id=\"h-ds\">");
	esc(b, S(p, QS_DATASET_TABLE));
	dcatit_buf_adds(b, "</h2>\n");
	if (rows < q->ndatasets) {
		char n1[32], n2[32];
		snprintf(n1, sizeof n1, "%zu", rows);
		snprintf(n2, sizeof n2, "%zu", q->ndatasets);
		const char *a[5] = { n1, n2 };
		dcatit_buf_adds(b, "<p class=\"note\">");
		fill(p, QS_DATASET_TABLE_CUT, a);
		dcatit_buf_adds(b, "</p>\n");
	}
	dcatit_buf_adds(b, "<table>");
	caption(p, QS_DATASET_TABLE);
	dcatit_buf_adds(b, "<thead><tr>");
	th(p, QS_SCORE, true);
	th(p, QS_BAND, false);
	th(p, QS_DATASET, false);
	if (q->nsources > 1)
		th(p, QS_SOURCE, false);
	th(p, QS_MISSING, false);
	dcatit_buf_adds(b, "</tr></thead><tbody>\n");
	for (size_t r = 0; r < rows; r++) {
		const DcatitQualityDataset *ds = &q->datasets[order[r]];
		dcatit_buf_addf(b, "<tr><td class=\"n\">%d</td><td>", ds->score);
		band_badge(p, ds->band);
		dcatit_buf_adds(b, "</td><th scope=\"row\">");
		if (ds->title) {
			term(p, ds->title);
			dcatit_buf_adds(b, "<br>");
		}
		dcatit_buf_adds(b, "<code>");
		term(p, ds->iri);
		dcatit_buf_adds(b, "</code>");
		if (ds->file[0]) {
			dcatit_buf_adds(b, "<br><code>");
			esc(b, ds->file);
			dcatit_buf_addf(b, ":%u</code>", ds->line);
		}
		dcatit_buf_adds(b, "</th>");
		if (q->nsources > 1) {
			dcatit_buf_adds(b, "<td>");
			esc(b, q->sources[ds->source].name);
			dcatit_buf_adds(b, "</td>");
		}
		dcatit_buf_adds(b, "<td>");
		bool first = true;
		for (int i = 0; i < DCATIT_QI_COUNT; i++) {
			if (ds->state[i] != DCATIT_QS_NOT_MET)
				continue;
			dcatit_buf_adds(b, first ? "" : ", ");
			esc(b, dcatit_quality_indicator_label((DcatitQualityIndicator)i, p->L));
			first = false;
		}
		dcatit_buf_adds(b, "</td></tr>\n");
	}
	free(order);
	dcatit_buf_adds(b, "</tbody></table>\n</section>\n");
}

static void footer(const Page *p)
{
	DcatitBuf *b = p->b;
	const char *v[5] = { dcatit_quality_text(DCATIT_QUALITY_VOCAB_SNAPSHOT, p->L) };
	const char *g[5] = { p->in->generator ? p->in->generator : "dcatit " DCATIT_VERSION };
	dcatit_buf_adds(b, "</main>\n<footer><div class=\"in\" style=\"max-width:72rem;margin:0 auto;"
	                   "padding:0 1.5rem 2rem\"><p class=\"note\">");
	fill(p, QS_VOCAB_NOTE, v);
	dcatit_buf_adds(b, " ");
	fill(p, QS_GENERATED_BY, g);
	dcatit_buf_adds(b, "</p></div></footer>\n</body>\n</html>\n");
}

DcatitStatus dcatit_qr_html(const DcatitQualityReportInput *in, DcatitBuf *out)
{
	Page p = { in, out, in->lang };
	head(&p);
	summary(&p);
	if (in->q->ndatasets) {
		if (in->diff)
			compare(&p);
		fix_first(&p);
		hints(&p);
		if (in->harvest)
			league(&p);
		dimensions(&p);
		indicators(&p);
		bands(&p);
		findings(&p);
		links(&p);
		datasets(&p);
	}
	footer(&p);
	return out->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}
