/* strings.c: the texts of the quality reports (strings.h), in English;
 * the Italian is in po/it.po and follows the wording of data.europa.eu's
 * Italian pages where it has one. Placeholders are %1 ... %5, filled by the
 * report writers in the order the comment of each entry gives. */
#include "quality/strings.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"

static const char *const table[QS_COUNT_] = {
	[QS_TITLE] = N_("Metadata quality"),
	[QS_SUBTITLE] = N_("Estimate of the data.europa.eu Metadata Quality Assessment (MQA), computed offline by dcatit"),
	[QS_CATALOGUE] = N_("Catalogue"),
	[QS_SCORE] = N_("Score"),
	[QS_OF] = N_("%1 of %2"),
	[QS_POINTS] = N_("points"),
	[QS_BAND] = N_("Rating"),
	[QS_DATASETS] = N_("%1 datasets"),
	[QS_DATASETS_ONE] = N_("%1 dataset"),
	[QS_DATASET] = N_("Dataset"),
	[QS_DISTRIBUTIONS] = N_("%1 distributions"),
	[QS_DISTRIBUTIONS_ONE] = N_("%1 distribution"),
	[QS_ASSESSED_MAX] = N_("assessed maximum"),
	[QS_ASSESSED_MAX_CAP] = N_("Assessed maximum"),
	[QS_NOT_ASSESSED] = N_("not assessed"),
	[QS_NOT_ASSESSED_LINKS] = N_("link status not checked (run with --check-links)"),
	[QS_NOT_ASSESSED_DCATAP] = N_("DCAT-AP compliance not assessed (validation skipped)"),
	/* %1 band */
	[QS_IF_ALL_PASS] = N_("%1 if every indicator not assessed passes"),
	[QS_DIMENSIONS] = N_("Dimensions"),
	[QS_DIMENSION] = N_("Dimension"),
	[QS_MEAN] = N_("Mean"),
	[QS_MAX] = N_("Maximum"),
	[QS_INDICATORS] = N_("Indicators"),
	[QS_INDICATOR] = N_("Indicator"),
	[QS_PROPERTY] = N_("Property"),
	[QS_SHARE] = N_("Datasets meeting it"),
	[QS_MEETING] = N_("meeting"),
	[QS_BANDS_TITLE] = N_("Datasets by rating"),
	[QS_FIX_FIRST] = N_("Fix first"),
	[QS_FIX_FIRST_NONE] = N_("Nothing to fix: every assessed indicator is met."),
	/* %1 action, %2 "N datasets", %3 points each, %4 catalogue gain */
	[QS_FIX_LINE] = N_("%1 in %2: +%3 each, catalogue +%4"),
	/* %1 action, %2 "N datasets", %3 min points, %4 catalogue gain, %5 max */
	[QS_FIX_LINE_RANGE] = N_("%1 in %2: +%3 to +%5 each, catalogue +%4"),
	[QS_HINTS] = N_("Values that cost points"),
	/* %1 value, %2 suggested IRI */
	[QS_HINT_LICENCE] = N_("licence %1 is not known to data.europa.eu; %2 names the same licence and is on its list (knownLicence, +10 per dataset)"),
	[QS_HINT_FORMAT] = N_("format %1 is not an EU file type; use %2"),
	[QS_HINT_MEDIA_TYPE] = N_("media type %1 is not an IANA media type IRI; use %2"),
	[QS_HINT_ACCESS_RIGHTS] = N_("access rights %1 are not from the EU access-right table; use %2"),
	[QS_HINT_RIGHTS_AS_ACCESS] = N_("%1 is given as dct:rights; as dct:accessRights it counts for accessRightsAvailability and accessRightsVocabularyAlignment (+15)"),
	/* %1 "N datasets", %2 uses */
	[QS_HINT_USED_BY] = N_("%1, used %2 times"),
	[QS_FINDINGS] = N_("Validation findings"),
	[QS_FINDINGS_INTRO] = N_("DCAT-AP compliance is estimated with dcatit's DCAT-AP_IT profile: a dataset complies when its description has no violation. data.europa.eu validates dati.gov.it's DCAT-AP export with its own shapes."),
	[QS_FINDINGS_NONE] = N_("No validation findings."),
	[QS_FINDINGS_NOT_RUN] = N_("Validation was not run (--no-validate)."),
	[QS_SEVERITY] = N_("Severity"),
	[QS_COUNT] = N_("Count"),
	[QS_MESSAGE] = N_("Message"),
	[QS_WHERE] = N_("Where"),
	[QS_VIOLATION] = N_("error"),
	[QS_WARNING] = N_("warning"),
	[QS_INFO] = N_("info"),
	[QS_DATASET_TABLE] = N_("Datasets (lowest score first)"),
	/* %1 shown, %2 total */
	[QS_DATASET_TABLE_CUT] = N_("The %1 lowest of %2 datasets are listed; --format csv or json lists them all."),
	[QS_MISSING] = N_("What is missing"),
	[QS_TITLE_COL] = N_("Title"),
	[QS_LINKS] = N_("Broken links"),
	[QS_LINKS_NOT_CHECKED] = N_("Links were not checked: run with --check-links."),
	/* %1 number of URLs checked */
	[QS_LINKS_NONE_BROKEN] = N_("All %1 checked URLs answer 2xx."),
	[QS_LINK_URL] = N_("URL"),
	[QS_LINK_STATUS] = N_("Status"),
	[QS_LINK_KIND] = N_("Kind"),
	[QS_LINK_ACCESS] = N_("access"),
	[QS_LINK_DOWNLOAD] = N_("download"),
	[QS_LINK_USES] = N_("Distributions"),
	[QS_LINK_REASON] = N_("Reason"),
	[QS_SOURCES] = N_("Sources (league table)"),
	[QS_SOURCE] = N_("Source"),
	[QS_RANK] = N_("Rank"),
	[QS_COMPARE] = N_("Changes since the last run"),
	/* %1 before, %2 after, %3 change */
	[QS_COMPARE_SCORE] = N_("catalogue score %1 → %2 (%3)"),
	[QS_COMPARE_CHANGED] = N_("Datasets whose rating changed"),
	[QS_COMPARE_NEW] = N_("new datasets"),
	[QS_COMPARE_GONE] = N_("datasets no longer in the catalogue"),
	[QS_COMPARE_NONE] = N_("No dataset changed rating."),
	[QS_BEFORE] = N_("Before"),
	[QS_AFTER] = N_("After"),
	[QS_CHANGE] = N_("Change"),
	[QS_METHOD_NOTE] = N_("Each dataset scores its own properties plus its single best distribution; dct:issued and dct:modified count once; the catalogue score is the mean of the dataset scores. Ratings: Excellent 351–405, Good 221–350, Sufficient 121–220, Bad 0–120."),
	[QS_DCATAP_NOTE] = N_("estimate"),
	/* %1 snapshot name */
	[QS_VOCAB_NOTE] = N_("Vocabularies: %1."),
	[QS_CHART_DIMENSIONS] = N_("Bar chart of the mean points per dimension against the maximum"),
	[QS_CHART_BANDS] = N_("Bar chart of the number of datasets per rating"),
	[QS_NO_DATASETS] = N_("No dataset found (nothing typed dcat:Dataset or dcatapit:Dataset)."),
	[QS_SKIP_LINK] = N_("Skip to the fix-first list"),
	/* %1 generator */
	[QS_GENERATED_BY] = N_("Generated by %1."),
	/* %1 how many more (JSON lists them all) */
	[QS_MORE] = N_("… and %1 more (--format json lists them all)"),
};

static const char *const labels[DCATIT_QI_COUNT] = {
	[DCATIT_QI_KEYWORD] = N_("Keywords"),
	[DCATIT_QI_CATEGORY] = N_("Categories"),
	[DCATIT_QI_SPATIAL] = N_("Geographic coverage"),
	[DCATIT_QI_TEMPORAL] = N_("Time coverage"),
	[DCATIT_QI_ACCESS_URL_STATUS] = N_("Access URL reachable"),
	[DCATIT_QI_DOWNLOAD_URL] = N_("Download URL"),
	[DCATIT_QI_DOWNLOAD_URL_STATUS] = N_("Download URL reachable"),
	[DCATIT_QI_FORMAT] = N_("Format"),
	[DCATIT_QI_MEDIA_TYPE] = N_("Media type"),
	[DCATIT_QI_FORMAT_VOCAB] = N_("Format and media type from vocabularies"),
	[DCATIT_QI_NON_PROPRIETARY] = N_("Non-proprietary format"),
	[DCATIT_QI_MACHINE_READABLE] = N_("Machine-readable format"),
	[DCATIT_QI_DCAT_AP] = N_("DCAT-AP compliance (estimate)"),
	[DCATIT_QI_LICENCE] = N_("Licence"),
	[DCATIT_QI_KNOWN_LICENCE] = N_("Known licence"),
	[DCATIT_QI_ACCESS_RIGHTS] = N_("Access rights"),
	[DCATIT_QI_ACCESS_RIGHTS_VOCAB] = N_("Access rights from vocabulary"),
	[DCATIT_QI_CONTACT_POINT] = N_("Contact point"),
	[DCATIT_QI_PUBLISHER] = N_("Publisher"),
	[DCATIT_QI_RIGHTS] = N_("Rights"),
	[DCATIT_QI_BYTE_SIZE] = N_("File size"),
	[DCATIT_QI_ISSUED] = N_("Date of issue"),
	[DCATIT_QI_MODIFIED] = N_("Modification date"),
};

static const char *const actions[DCATIT_QI_COUNT] = {
	[DCATIT_QI_KEYWORD] = N_("add dcat:keyword"),
	[DCATIT_QI_CATEGORY] = N_("add dcat:theme"),
	[DCATIT_QI_SPATIAL] = N_("add dct:spatial"),
	[DCATIT_QI_TEMPORAL] = N_("add dct:temporal"),
	[DCATIT_QI_ACCESS_URL_STATUS] = N_("give a distribution a dcat:accessURL that answers 2xx"),
	[DCATIT_QI_DOWNLOAD_URL] = N_("add dcat:downloadURL to a distribution"),
	[DCATIT_QI_DOWNLOAD_URL_STATUS] = N_("give a distribution a dcat:downloadURL that answers 2xx"),
	[DCATIT_QI_FORMAT] = N_("add dct:format to a distribution"),
	[DCATIT_QI_MEDIA_TYPE] = N_("add dcat:mediaType to a distribution"),
	[DCATIT_QI_FORMAT_VOCAB] = N_("give dct:format as an EU file-type IRI and dcat:mediaType as an IANA IRI"),
	[DCATIT_QI_NON_PROPRIETARY] = N_("offer a non-proprietary format (CSV, JSON, XML, ...)"),
	[DCATIT_QI_MACHINE_READABLE] = N_("offer a machine-readable format (CSV, JSON, XML, ...)"),
	[DCATIT_QI_DCAT_AP] = N_("fix the validation violations"),
	[DCATIT_QI_LICENCE] = N_("add dct:license to a distribution"),
	[DCATIT_QI_KNOWN_LICENCE] = N_("use a licence IRI known to data.europa.eu"),
	[DCATIT_QI_ACCESS_RIGHTS] = N_("add dct:accessRights"),
	[DCATIT_QI_ACCESS_RIGHTS_VOCAB] = N_("give dct:accessRights as an EU access-right IRI"),
	[DCATIT_QI_CONTACT_POINT] = N_("add dcat:contactPoint"),
	[DCATIT_QI_PUBLISHER] = N_("add dct:publisher"),
	[DCATIT_QI_RIGHTS] = N_("add dct:rights to a distribution"),
	[DCATIT_QI_BYTE_SIZE] = N_("add dcat:byteSize to a distribution"),
	[DCATIT_QI_ISSUED] = N_("add dct:issued"),
	[DCATIT_QI_MODIFIED] = N_("add dct:modified"),
};

static const char *const dims[DCATIT_QD_COUNT] = {
	N_("Findability"),
	N_("Accessibility"),
	N_("Interoperability"),
	N_("Reusability"),
	N_("Contextuality"),
};

static const char *const bands[DCATIT_QBAND_COUNT] = {
	N_("Bad"),
	N_("Sufficient"),
	N_("Good"),
	N_("Excellent"),
};

/* The same in the middle of a sentence: the English ones are also the
 * bands' names in the JSON report (dcatit_quality_band_name). */
static const char *const band_words[DCATIT_QBAND_COUNT] = {
	N_("bad"),
	N_("sufficient"),
	N_("good"),
	N_("excellent"),
};

const char *dcatit_quality_text(const char *en, DcatitQualityLang lang)
{
	if (!en)
		return "";
	return lang == DCATIT_QLANG_IT ? _(en) : en;
}

const char *dcatit_quality_str(DcatitQualityStr s, DcatitQualityLang lang)
{
	return dcatit_quality_text(table[s], lang);
}

void dcatit_quality_count(void *b, size_t n, DcatitQualityStr plural, DcatitQualityStr one,
                          DcatitQualityLang lang)
{
	const char *t = dcatit_quality_str(n == 1 ? one : plural, lang);
	DcatitBuf *out = b;
	const char *p = strstr(t, "%1");
	if (!p) {
		dcatit_buf_adds(out, t);
		return;
	}
	dcatit_buf_add(out, t, (size_t)(p - t));
	dcatit_buf_addf(out, "%zu", n);
	dcatit_buf_adds(out, p + 2);
}

const char *dcatit_quality_indicator_label(DcatitQualityIndicator i, DcatitQualityLang lang)
{
	return dcatit_quality_text(labels[i], lang);
}

const char *dcatit_quality_indicator_action(DcatitQualityIndicator i, DcatitQualityLang lang)
{
	return dcatit_quality_text(actions[i], lang);
}

const char *dcatit_quality_dimension_label(DcatitQualityDimension d, DcatitQualityLang lang)
{
	return dcatit_quality_text(dims[d], lang);
}

const char *dcatit_quality_band_label(DcatitQualityBand b, DcatitQualityLang lang)
{
	return dcatit_quality_text(bands[b], lang);
}

const char *dcatit_quality_band_word(DcatitQualityBand b)
{
	return _(band_words[b]);
}

const char *dcatit_quality_num(char *out, size_t n, double v, int decimals,
                               DcatitQualityLang lang)
{
	snprintf(out, n, "%.*f", decimals, v);
	char *dot = lang == DCATIT_QLANG_IT ? strchr(out, '.') : NULL;
	if (dot)
		*dot = ',';
	return out;
}
