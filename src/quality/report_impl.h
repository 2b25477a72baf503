/* report_impl.h: what the quality report formats share (report.c): the
 * order datasets and sources are listed in, numbers in the reader's
 * language, filling the %1..%5 placeholders of the strings table. Only
 * the report_*.c files include it. */
#ifndef DCATIT_QUALITY_REPORT_IMPL_H
#define DCATIT_QUALITY_REPORT_IMPL_H

#include "quality/report.h"

/* Default number of datasets the HTML report lists: a page people can
 * still read and a browser renders in a second or two. */
#define DCATIT_QUALITY_HTML_ROWS 1000
/* The same for the text report: a terminal page. */
#define DCATIT_QUALITY_TEXT_ROWS 20
/* Hints and broken links the text report lists (the most used first);
 * the HTML page lists more, JSON all of them. */
#define DCATIT_QUALITY_TEXT_ITEMS 50
#define DCATIT_QUALITY_HTML_ITEMS 1000

/* Append tmpl with %1..%5 replaced by args[0..4] (NULL args are ""). */
void dcatit_qr_fill(DcatitBuf *b, const char *tmpl, const char *const args[5]);
/* Append the sentence of one fix-first action ("add dct:temporal in 12
 * datasets: +20 each, catalogue +4.8"), plain text. */
void dcatit_qr_action(DcatitBuf *b, const DcatitQualityAction *a, DcatitQualityLang lang);
/* Indexes of the datasets, lowest score first (then source, IRI); caller
 * frees; NULL on OOM (or no dataset). */
size_t *dcatit_qr_worst_first(const DcatitQuality *q);
/* Indexes of the sources, highest mean score first; caller frees. */
size_t *dcatit_qr_league(const DcatitQuality *q);
/* Rows the text and HTML reports list (in->max_rows, else dflt; at most
 * the number of datasets). */
size_t dcatit_qr_rows(const DcatitQualityReportInput *in, size_t dflt);
/* Share met/assessed as a fraction, -1 when nothing was assessed. */
double dcatit_qr_share(const DcatitQualitySummary *s, DcatitQualityIndicator i);
/* The reason text of a broken link ("" when none is known); borrowed. */
const char *dcatit_qr_link_reason(const DcatitQualityReportInput *in, DcatitTermId url);
/* The readable name of a status code (e.g. "404", "1100 network error"),
 * in the language of the messages (gettext); static or in buf. */
const char *dcatit_qr_status_text(int status, char *buf, size_t n);

/* The formats. */
DcatitStatus dcatit_qr_text(const DcatitQualityReportInput *in, DcatitBuf *out);
DcatitStatus dcatit_qr_json(const DcatitQualityReportInput *in, DcatitBuf *out);
DcatitStatus dcatit_qr_html(const DcatitQualityReportInput *in, DcatitBuf *out);
DcatitStatus dcatit_qr_dqv(const DcatitQualityReportInput *in, DcatitBuf *out);
DcatitStatus dcatit_qr_csv(const DcatitQualityReportInput *in, DcatitBuf *out);

#endif
