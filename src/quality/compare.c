/* compare.c: reading an earlier JSON quality report and comparing
 * (compare.h). Only the fields the comparison needs are read; the rest of
 * the old report may differ (a newer schema adds fields, never renames). */
#include "quality/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/json.h"
#include "base/str.h"

typedef struct {
	const char *iri;
	long long score;
	DcatitQualityBand band;
	bool seen;
} Old;

static int cmp_old(const void *a, const void *b)
{
	return strcmp(((const Old *)a)->iri, ((const Old *)b)->iri);
}

/* what: marked N_() by the callers, or already translated (the same
 * translation again is a no-op) */
static DcatitStatus invalid(DcatitDiag *d, const char *path, const char *what)
{
	return dcatit_diag_set(d, DCATIT_ERR_INVALID, path, 0, 0,
	                       "not a dcatit quality report (--format json): %s", _(what));
}

static bool get_band(const DcatitJson *o, const char *k, DcatitQualityBand *out)
{
	const char *s = dcatit_json_get_str(o, k);
	return s && dcatit_quality_band_from_name(s, out);
}

DcatitStatus dcatit_quality_diff(const DcatitQuality *q, const char *path,
                                 DcatitQualityDiff *out, DcatitDiag *d)
{
	memset(out, 0, sizeof *out);
	Old *old = NULL;
	DcatitStatus st = DCATIT_OK;
	DcatitJson *doc = dcatit_json_load(path, d);
	if (!doc) {
		st = d->status;
		goto done;
	}
	const char *schema = dcatit_json_get_str(doc, "schema");
	if (!schema || strncmp(schema, "dcatit-quality/", 15) != 0) {
		st = invalid(d, path, N_("no \"schema\": \"dcatit-quality/...\""));
		goto done;
	}
	const DcatitJson *cat = dcatit_json_get(doc, "catalogue");
	double score = 0, amax = 0;
	if (!dcatit_json_number(dcatit_json_get(cat, "score"), &score) ||
	    !get_band(cat, "band", &out->old_band)) {
		/* an empty catalogue has a null score: compare with 0 */
		if (!cat || !dcatit_json_is_null(dcatit_json_get(cat, "score"))) {
			st = invalid(d, path, N_("no catalogue score and band"));
			goto done;
		}
		score = 0;
		out->old_band = DCATIT_QBAND_BAD;
	}
	dcatit_json_number(dcatit_json_get(cat, "assessed_max"), &amax);
	out->old_score = score;
	out->old_assessed_max = amax;
	const DcatitJson *list = dcatit_json_get(doc, "datasets");
	if (!dcatit_json_is_array(list)) {
		st = invalid(d, path, N_("no \"datasets\" array"));
		goto done;
	}
	size_t n = dcatit_json_size(list), nold = 0;
	old = calloc(n ? n : 1, sizeof *old);
	if (!old) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const DcatitJson *e = dcatit_json_at(list, i);
		const char *iri = dcatit_json_get_str(e, "iri");
		long long s;
		DcatitQualityBand b;
		if (!iri || !dcatit_json_int(dcatit_json_get(e, "score"), &s) || !get_band(e, "band", &b)) {
			char what[256];
			snprintf(what, sizeof what, _("dataset %zu has no iri, score and band"), i + 1);
			st = invalid(d, path, what);
			goto done;
		}
		old[nold++] = (Old){ iri, s, b, false };
	}
	qsort(old, nold, sizeof *old, cmp_old);
	size_t cap_changed = 0, cap_gone = 0;

	for (size_t i = 0; i < q->ndatasets; i++) {
		const DcatitQualityDataset *ds = &q->datasets[i];
		Old probe = { dcatit_terms_str(q->terms, ds->iri), 0, 0, false };
		Old *hit = nold ? bsearch(&probe, old, nold, sizeof *old, cmp_old) : NULL;
		if (!hit) {
			out->added++;
			continue;
		}
		hit->seen = true;
		if (ds->score > hit->score)
			out->improved++;
		else if (ds->score < hit->score)
			out->worsened++;
		if ((int)hit->band == ds->band)
			continue;
		DcatitQualityChange *c = dcatit_grow(out->changed, &cap_changed, out->nchanged + 1,
		                                     sizeof *c, 64);
		if (!c) {
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		out->changed = c;
		c[out->nchanged++] = (DcatitQualityChange){ i, (int)hit->score, hit->band };
	}
	for (size_t i = 0; i < nold; i++) {
		if (old[i].seen)
			continue;
		char **g = dcatit_grow(out->gone, &cap_gone, out->ngone + 1, sizeof *g, 64);
		if (!g || !(g[out->ngone] = dcatit_strdup(old[i].iri))) {
			if (g)
				out->gone = g;
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			goto done;
		}
		out->gone = g;
		out->ngone++;
	}
done:
	free(old);
	dcatit_json_free(doc);
	if (st != DCATIT_OK)
		dcatit_quality_diff_release(out);
	return st;
}

void dcatit_quality_diff_release(DcatitQualityDiff *diff)
{
	free(diff->changed);
	for (size_t i = 0; i < diff->ngone; i++)
		free(diff->gone[i]);
	free(diff->gone);
	memset(diff, 0, sizeof *diff);
}
