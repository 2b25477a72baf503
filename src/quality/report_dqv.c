/* report_dqv.c: the quality report as DQV in Turtle, the form
 * data.europa.eu publishes its measurements in: per dataset one
 * dqv:QualityMeasurement per assessed indicator (dqv:computedOn the dataset,
 * or for distribution indicators the distribution that counts), with the
 * pv: metric IRIs; link indicators carry the status code, the others a
 * boolean; then pv:scoring and the five pv:<dimension>Scoring. Indicators
 * not assessed have no measurement. */
#include <stdio.h>
#include <string.h>

#include "quality/report_impl.h"
#include "rdf/vocab.h"

#define NS_DQV "http://www.w3.org/ns/dqv#"

static void node(DcatitBuf *b, const DcatitTerms *t, DcatitTermId id)
{
	dcatit_terms_write_nt(t, id, b);
}

/* One measurement as a blank node of its own, labelled from the dataset's
 * row and the metric (stable from run to run). */
static void measurement(DcatitBuf *b, size_t row, const char *metric, const DcatitTerms *t,
                        DcatitTermId subject, DcatitTermId on, const char *value)
{
	dcatit_buf_adds(b, "\n");
	node(b, t, subject);
	dcatit_buf_addf(b, " dqv:hasQualityMeasurement _:m%zu_%s .\n_:m%zu_%s a "
	                "dqv:QualityMeasurement ;\n  dqv:computedOn ", row, metric, row, metric);
	node(b, t, on);
	dcatit_buf_addf(b, " ;\n  dqv:isMeasurementOf pv:%s ;\n  dqv:value %s .\n", metric, value);
}

DcatitStatus dcatit_qr_dqv(const DcatitQualityReportInput *in, DcatitBuf *b)
{
	const DcatitQuality *q = in->q;
	dcatit_buf_adds(b, "@prefix dqv: <" NS_DQV "> .\n"
	                   "@prefix pv: <" DCATIT_NS_PV "> .\n"
	                   "@prefix xsd: <" DCATIT_NS_XSD "> .\n");
	for (size_t r = 0; r < q->ndatasets; r++) {
		const DcatitQualityDataset *ds = &q->datasets[r];
		for (int i = 0; i < DCATIT_QI_COUNT; i++) {
			if (ds->state[i] == DCATIT_QS_NOT_ASSESSED)
				continue;
			const DcatitQualityIndicatorInfo *info =
				dcatit_quality_indicator((DcatitQualityIndicator)i);
			char value[32];
			if (i == DCATIT_QI_ACCESS_URL_STATUS || i == DCATIT_QI_DOWNLOAD_URL_STATUS) {
				int st = i == DCATIT_QI_ACCESS_URL_STATUS ? ds->access_status
				                                         : ds->download_status;
				/* no URL at all: nothing was measured, the 0 points stand */
				if (!st)
					continue;
				snprintf(value, sizeof value, "%d", st);
			} else {
				snprintf(value, sizeof value, "%s",
				         ds->state[i] == DCATIT_QS_MET ? "true" : "false");
			}
			DcatitTermId on = info->level == DCATIT_QL_DISTRIBUTION && ds->best ? ds->best
			                                                                    : ds->iri;
			measurement(b, r, info->metric, q->terms, ds->iri, on, value);
		}
		for (int k = 0; k < DCATIT_QD_COUNT; k++) {
			char metric[64], value[32];
			snprintf(metric, sizeof metric, "%sScoring",
			         dcatit_quality_dimension_name((DcatitQualityDimension)k));
			snprintf(value, sizeof value, "%d", ds->dims[k]);
			measurement(b, r, metric, q->terms, ds->iri, ds->iri, value);
		}
		char value[32];
		snprintf(value, sizeof value, "%d", ds->score);
		measurement(b, r, "scoring", q->terms, ds->iri, ds->iri, value);
	}
	return b->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}
