/* compare.h: what changed since an earlier run, from the JSON report that
 * run wrote (--compare OLD.json): the catalogue score, datasets whose
 * rating changed, datasets that came or went. */
#ifndef DCATIT_QUALITY_COMPARE_H
#define DCATIT_QUALITY_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"
#include "quality/score.h"

typedef struct {
	size_t index;                /* in DcatitQuality.datasets */
	int old_score;
	DcatitQualityBand old_band;
} DcatitQualityChange;

typedef struct {
	double old_score;            /* catalogue score of the old run */
	DcatitQualityBand old_band;
	double old_assessed_max;
	DcatitQualityChange *changed;/* rating changed, in dataset order */
	size_t nchanged;
	size_t added;                /* datasets not in the old run */
	char **gone;                 /* IRIs of datasets no longer there, sorted */
	size_t ngone;
	size_t improved, worsened;   /* datasets whose score went up / down */
} DcatitQualityDiff;

/* Read the JSON report at path and compare q (finished) with it into
 * out (release with dcatit_quality_diff_release). DCATIT_ERR_SYNTAX /
 * DCATIT_ERR_INVALID with the place in d when it is not a dcatit quality
 * report. */
DcatitStatus dcatit_quality_diff(const DcatitQuality *q, const char *path,
                                 DcatitQualityDiff *out, DcatitDiag *d);
/* Free what a diff holds. */
void dcatit_quality_diff_release(DcatitQualityDiff *diff);

#endif
