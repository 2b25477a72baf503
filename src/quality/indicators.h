/* indicators.h: the data.europa.eu Metadata Quality Assessment as data: its
 * 23 indicators (metric local names, points, dimension, where each is
 * measured), the five dimensions with their maxima and the rating bands.
 * Everything else in src/quality reads these tables, so a change of the
 * methodology is a change here. */
#ifndef DCATIT_QUALITY_INDICATORS_H
#define DCATIT_QUALITY_INDICATORS_H

#include <stdbool.h>

/* The namespace of the data.europa.eu (piveau) DQV metrics. */
#define DCATIT_NS_PV "https://piveau.eu/ns/voc#"
/* Total points of the methodology. */
#define DCATIT_QUALITY_MAX 405

/* In the order of the methodology page (dimension by dimension). */
typedef enum {
	DCATIT_QI_KEYWORD = 0,        /* keywordAvailability */
	DCATIT_QI_CATEGORY,           /* categoryAvailability */
	DCATIT_QI_SPATIAL,            /* spatialAvailability */
	DCATIT_QI_TEMPORAL,           /* temporalAvailability */
	DCATIT_QI_ACCESS_URL_STATUS,  /* accessUrlStatusCode */
	DCATIT_QI_DOWNLOAD_URL,       /* downloadUrlAvailability */
	DCATIT_QI_DOWNLOAD_URL_STATUS,/* downloadUrlStatusCode */
	DCATIT_QI_FORMAT,             /* formatAvailability */
	DCATIT_QI_MEDIA_TYPE,         /* mediaTypeAvailability */
	DCATIT_QI_FORMAT_VOCAB,       /* formatMediaTypeVocabularyAlignment */
	DCATIT_QI_NON_PROPRIETARY,    /* formatMediaTypeNonProprietary */
	DCATIT_QI_MACHINE_READABLE,   /* formatMediaTypeMachineInterpretable */
	DCATIT_QI_DCAT_AP,            /* dcatApCompliance */
	DCATIT_QI_LICENCE,            /* licenceAvailability */
	DCATIT_QI_KNOWN_LICENCE,      /* knownLicence */
	DCATIT_QI_ACCESS_RIGHTS,      /* accessRightsAvailability */
	DCATIT_QI_ACCESS_RIGHTS_VOCAB,/* accessRightsVocabularyAlignment */
	DCATIT_QI_CONTACT_POINT,      /* contactPointAvailability */
	DCATIT_QI_PUBLISHER,          /* publisherAvailability */
	DCATIT_QI_RIGHTS,             /* rightsAvailability */
	DCATIT_QI_BYTE_SIZE,          /* byteSizeAvailability */
	DCATIT_QI_ISSUED,             /* dateIssuedAvailability */
	DCATIT_QI_MODIFIED,           /* dateModifiedAvailability */
	DCATIT_QI_COUNT
} DcatitQualityIndicator;

typedef enum {
	DCATIT_QD_FINDABILITY = 0,
	DCATIT_QD_ACCESSIBILITY,
	DCATIT_QD_INTEROPERABILITY,
	DCATIT_QD_REUSABILITY,
	DCATIT_QD_CONTEXTUALITY,
	DCATIT_QD_COUNT
} DcatitQualityDimension;

/* Where an indicator is measured (DQV dqv:computedOn). */
typedef enum {
	DCATIT_QL_DATASET = 0,
	DCATIT_QL_DISTRIBUTION,
	DCATIT_QL_BOTH,    /* dct:issued, dct:modified: counted once */
} DcatitQualityLevel;

/* Rating bands, worst first. */
typedef enum {
	DCATIT_QBAND_BAD = 0,
	DCATIT_QBAND_SUFFICIENT,
	DCATIT_QBAND_GOOD,
	DCATIT_QBAND_EXCELLENT,
	DCATIT_QBAND_COUNT
} DcatitQualityBand;

typedef struct {
	const char *metric;     /* local name of the pv: metric IRI */
	const char *property;   /* the property it looks at, prefixed (a phrase
	                         * marked N_() for the whole description) */
	int points;
	DcatitQualityDimension dim;
	DcatitQualityLevel level;
	bool needs_network;     /* an HTTP status: not assessed offline */
} DcatitQualityIndicatorInfo;

/* The table entry of indicator i; borrowed, static. */
const DcatitQualityIndicatorInfo *dcatit_quality_indicator(DcatitQualityIndicator i);
/* The indicator whose metric local name is name; false when none. */
bool dcatit_quality_indicator_from_name(const char *name, DcatitQualityIndicator *out);
/* Local name of a dimension ("findability"); static. */
const char *dcatit_quality_dimension_name(DcatitQualityDimension d);
/* Maximum points of a dimension (100, 100, 110, 75, 20). */
int dcatit_quality_dimension_max(DcatitQualityDimension d);
/* The band of a whole-number score, by the published table: Excellent
 * 351-405, Good 221-350, Sufficient 121-220, Bad 0-120. */
DcatitQualityBand dcatit_quality_band(int score);
/* The band of a score that may have decimals (a catalogue mean): rounded
 * half up first, as data.europa.eu rounds the mean. */
DcatitQualityBand dcatit_quality_band_of_mean(double score);
/* Machine name of a band ("excellent", "good", "sufficient", "bad"). */
const char *dcatit_quality_band_name(DcatitQualityBand b);
/* The band from its machine name; false when unknown. */
bool dcatit_quality_band_from_name(const char *name, DcatitQualityBand *out);
/* Lowest score of a band (0, 121, 221, 351). */
int dcatit_quality_band_min(DcatitQualityBand b);

#endif
