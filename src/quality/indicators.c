/* indicators.c: the MQA tables (indicators.h). Points and dimensions are
 * those of the data.europa.eu methodology page and of the pv:trueScore
 * values of its DQV vocabulary, which agree (405 points in all). */
#include "quality/indicators.h"

#include <math.h>
#include <string.h>

#include "base/i18n.h"

static const DcatitQualityIndicatorInfo table[DCATIT_QI_COUNT] = {
	[DCATIT_QI_KEYWORD] = { "keywordAvailability", "dcat:keyword", 30,
	                        DCATIT_QD_FINDABILITY, DCATIT_QL_DATASET, false },
	[DCATIT_QI_CATEGORY] = { "categoryAvailability", "dcat:theme", 30,
	                         DCATIT_QD_FINDABILITY, DCATIT_QL_DATASET, false },
	[DCATIT_QI_SPATIAL] = { "spatialAvailability", "dct:spatial", 20,
	                        DCATIT_QD_FINDABILITY, DCATIT_QL_DATASET, false },
	[DCATIT_QI_TEMPORAL] = { "temporalAvailability", "dct:temporal", 20,
	                         DCATIT_QD_FINDABILITY, DCATIT_QL_DATASET, false },
	[DCATIT_QI_ACCESS_URL_STATUS] = { "accessUrlStatusCode", "dcat:accessURL", 50,
	                                  DCATIT_QD_ACCESSIBILITY, DCATIT_QL_DISTRIBUTION, true },
	[DCATIT_QI_DOWNLOAD_URL] = { "downloadUrlAvailability", "dcat:downloadURL", 20,
	                             DCATIT_QD_ACCESSIBILITY, DCATIT_QL_DISTRIBUTION, false },
	[DCATIT_QI_DOWNLOAD_URL_STATUS] = { "downloadUrlStatusCode", "dcat:downloadURL", 30,
	                                    DCATIT_QD_ACCESSIBILITY, DCATIT_QL_DISTRIBUTION, true },
	[DCATIT_QI_FORMAT] = { "formatAvailability", "dct:format", 20,
	                       DCATIT_QD_INTEROPERABILITY, DCATIT_QL_DISTRIBUTION, false },
	[DCATIT_QI_MEDIA_TYPE] = { "mediaTypeAvailability", "dcat:mediaType", 10,
	                           DCATIT_QD_INTEROPERABILITY, DCATIT_QL_DISTRIBUTION, false },
	[DCATIT_QI_FORMAT_VOCAB] = { "formatMediaTypeVocabularyAlignment",
	                             "dct:format, dcat:mediaType", 10,
	                             DCATIT_QD_INTEROPERABILITY, DCATIT_QL_DISTRIBUTION, false },
	[DCATIT_QI_NON_PROPRIETARY] = { "formatMediaTypeNonProprietary",
	                                "dct:format, dcat:mediaType", 20,
	                                DCATIT_QD_INTEROPERABILITY, DCATIT_QL_DISTRIBUTION, false },
	[DCATIT_QI_MACHINE_READABLE] = { "formatMediaTypeMachineInterpretable",
	                                 "dct:format, dcat:mediaType", 20,
	                                 DCATIT_QD_INTEROPERABILITY, DCATIT_QL_DISTRIBUTION, false },
	[DCATIT_QI_DCAT_AP] = { "dcatApCompliance", N_("(the whole description)"), 30,
	                        DCATIT_QD_INTEROPERABILITY, DCATIT_QL_DATASET, false },
	[DCATIT_QI_LICENCE] = { "licenceAvailability", "dct:license", 20,
	                        DCATIT_QD_REUSABILITY, DCATIT_QL_DISTRIBUTION, false },
	[DCATIT_QI_KNOWN_LICENCE] = { "knownLicence", "dct:license", 10,
	                              DCATIT_QD_REUSABILITY, DCATIT_QL_DISTRIBUTION, false },
	[DCATIT_QI_ACCESS_RIGHTS] = { "accessRightsAvailability", "dct:accessRights", 10,
	                              DCATIT_QD_REUSABILITY, DCATIT_QL_DATASET, false },
	[DCATIT_QI_ACCESS_RIGHTS_VOCAB] = { "accessRightsVocabularyAlignment",
	                                    "dct:accessRights", 5,
	                                    DCATIT_QD_REUSABILITY, DCATIT_QL_DATASET, false },
	[DCATIT_QI_CONTACT_POINT] = { "contactPointAvailability", "dcat:contactPoint", 20,
	                              DCATIT_QD_REUSABILITY, DCATIT_QL_DATASET, false },
	[DCATIT_QI_PUBLISHER] = { "publisherAvailability", "dct:publisher", 10,
	                          DCATIT_QD_REUSABILITY, DCATIT_QL_DATASET, false },
	[DCATIT_QI_RIGHTS] = { "rightsAvailability", "dct:rights", 5,
	                       DCATIT_QD_CONTEXTUALITY, DCATIT_QL_DISTRIBUTION, false },
	[DCATIT_QI_BYTE_SIZE] = { "byteSizeAvailability", "dcat:byteSize", 5,
	                          DCATIT_QD_CONTEXTUALITY, DCATIT_QL_DISTRIBUTION, false },
	[DCATIT_QI_ISSUED] = { "dateIssuedAvailability", "dct:issued", 5,
	                       DCATIT_QD_CONTEXTUALITY, DCATIT_QL_BOTH, false },
	[DCATIT_QI_MODIFIED] = { "dateModifiedAvailability", "dct:modified", 5,
	                         DCATIT_QD_CONTEXTUALITY, DCATIT_QL_BOTH, false },
};

static const struct {
	const char *name;
	int max;
} dims[DCATIT_QD_COUNT] = {
	{ "findability", 100 },
	{ "accessibility", 100 },
	{ "interoperability", 110 },
	{ "reusability", 75 },
	{ "contextuality", 20 },
};

static const char *const band_names[DCATIT_QBAND_COUNT] = {
	"bad", "sufficient", "good", "excellent",
};

/* Lower edges of the published table. piveau's code and SKOS scheme put
 * 120 in Sufficient; the published table, data.europa.eu's page and AgID
 * say 121 (README "Where our scoring differs"). */
static const int band_min[DCATIT_QBAND_COUNT] = { 0, 121, 221, 351 };

const DcatitQualityIndicatorInfo *dcatit_quality_indicator(DcatitQualityIndicator i)
{
	return &table[i];
}

bool dcatit_quality_indicator_from_name(const char *name, DcatitQualityIndicator *out)
{
	for (int i = 0; i < DCATIT_QI_COUNT; i++)
		if (strcmp(table[i].metric, name) == 0) {
			*out = (DcatitQualityIndicator)i;
			return true;
		}
	return false;
}

const char *dcatit_quality_dimension_name(DcatitQualityDimension d)
{
	return dims[d].name;
}

int dcatit_quality_dimension_max(DcatitQualityDimension d)
{
	return dims[d].max;
}

DcatitQualityBand dcatit_quality_band(int score)
{
	for (int b = DCATIT_QBAND_EXCELLENT; b > DCATIT_QBAND_BAD; b--)
		if (score >= band_min[b])
			return (DcatitQualityBand)b;
	return DCATIT_QBAND_BAD;
}

DcatitQualityBand dcatit_quality_band_of_mean(double score)
{
	return dcatit_quality_band((int)floor(score + 0.5));
}

const char *dcatit_quality_band_name(DcatitQualityBand b)
{
	return band_names[b];
}

bool dcatit_quality_band_from_name(const char *name, DcatitQualityBand *out)
{
	for (int b = 0; b < DCATIT_QBAND_COUNT; b++)
		if (strcmp(band_names[b], name) == 0) {
			*out = (DcatitQualityBand)b;
			return true;
		}
	return false;
}

int dcatit_quality_band_min(DcatitQualityBand b)
{
	return band_min[b];
}
