/* report_csv.c: the quality report as CSV (RFC 4180), one row per dataset:
 * its score, band, the five dimensions and the points of each indicator
 * (an empty cell: not assessed). Text cells that a spreadsheet would take
 * for a formula (=, +, -, @ first) get a leading apostrophe. */
#include <string.h>

#include "quality/report_impl.h"

static void cell(DcatitBuf *b, const char *s, size_t n)
{
	bool quote = false;
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
	bool formula = n && strchr("=+-@\t\r", s[0]);
	if (quote || formula)
		dcatit_buf_addc(b, '"');
	if (formula)
		dcatit_buf_addc(b, '\'');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			dcatit_buf_addc(b, '"');
		dcatit_buf_addc(b, s[i]);
	}
	if (quote || formula)
		dcatit_buf_addc(b, '"');
}

static void cellz(DcatitBuf *b, const char *s)
{
	cell(b, s, strlen(s));
}

DcatitStatus dcatit_qr_csv(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	dcatit_buf_adds(b, "iri,title,source,file,line,score,assessed_max,band,band_if_assessed_pass");
	for (int k = 0; k < DCATIT_QD_COUNT; k++)
		dcatit_buf_addf(b, ",%s", dcatit_quality_dimension_name((DcatitQualityDimension)k));
	for (int i = 0; i < DCATIT_QI_COUNT; i++)
		dcatit_buf_addf(b, ",%s", dcatit_quality_indicator((DcatitQualityIndicator)i)->metric);
	dcatit_buf_adds(b, ",violations,access_url_status,download_url_status,missing\r\n");
	for (size_t r = 0; r < q->ndatasets; r++) {
		const DcatitQualityDataset *ds = &q->datasets[r];
		cell(b, dcatit_terms_str(q->terms, ds->iri), dcatit_terms_len(q->terms, ds->iri));
		dcatit_buf_addc(b, ',');
		if (ds->title)
			cell(b, dcatit_terms_str(q->terms, ds->title), dcatit_terms_len(q->terms, ds->title));
		dcatit_buf_addc(b, ',');
		cellz(b, q->sources[ds->source].name);
		dcatit_buf_addc(b, ',');
		cellz(b, ds->file);
		dcatit_buf_addf(b, ",%u,%d,%d,%s,%s", ds->line, ds->score, ds->assessed_max,
		                dcatit_quality_band_name((DcatitQualityBand)ds->band),
		                dcatit_quality_band_name((DcatitQualityBand)ds->band_max));
		for (int k = 0; k < DCATIT_QD_COUNT; k++)
			dcatit_buf_addf(b, ",%d", ds->dims[k]);
		for (int i = 0; i < DCATIT_QI_COUNT; i++) {
			if (ds->state[i] == DCATIT_QS_NOT_ASSESSED)
				dcatit_buf_addc(b, ',');
			else
				dcatit_buf_addf(b, ",%d", dcatit_quality_points(ds, (DcatitQualityIndicator)i));
		}
		if (q->validated)
			dcatit_buf_addf(b, ",%u", ds->violations);
		else
			dcatit_buf_addc(b, ',');
		dcatit_buf_addc(b, ',');
		if (ds->access_status)
			dcatit_buf_addf(b, "%d", ds->access_status);
		dcatit_buf_addc(b, ',');
		if (ds->download_status)
			dcatit_buf_addf(b, "%d", ds->download_status);
		dcatit_buf_addc(b, ',');
		bool first = true;
		for (int i = 0; i < DCATIT_QI_COUNT; i++)
			if (ds->state[i] == DCATIT_QS_NOT_MET) {
				dcatit_buf_addf(b, "%s%s", first ? "" : " ",
				                dcatit_quality_indicator((DcatitQualityIndicator)i)->metric);
				first = false;
			}
		dcatit_buf_adds(b, "\r\n");
	}
	return b->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}
