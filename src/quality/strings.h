/* strings.h: every text a quality report shows to people, in one table
 * (strings.c) of English source text marked for gettext; the Italian is in
 * po/it.po like every other message. Machine names (JSON keys, metric
 * names, CSV headers) are not here: they do not change with the language. */
#ifndef DCATIT_QUALITY_STRINGS_H
#define DCATIT_QUALITY_STRINGS_H

#include <stddef.h>

#include "quality/indicators.h"
#include "quality/score.h"

typedef enum {
	DCATIT_QLANG_EN = 0,
	DCATIT_QLANG_IT = 1,
} DcatitQualityLang;

/* X(id) for every text of the table in strings.c. */
typedef enum {
	QS_TITLE,            /* page title */
	QS_SUBTITLE,
	QS_CATALOGUE,
	QS_SCORE,
	QS_OF,               /* "%s of %s" -> "score X of Y" */
	QS_POINTS,
	QS_BAND,
	QS_DATASETS,         /* plural: "%1 datasets" */
	QS_DATASETS_ONE,     /* "%1 dataset" */
	QS_DATASET,
	QS_DISTRIBUTIONS,    /* "%1 distributions" */
	QS_DISTRIBUTIONS_ONE,
	QS_ASSESSED_MAX,
	QS_ASSESSED_MAX_CAP,  /* the same at the start of a sentence */
	QS_NOT_ASSESSED,
	QS_NOT_ASSESSED_LINKS,
	QS_NOT_ASSESSED_DCATAP,
	QS_IF_ALL_PASS,
	QS_DIMENSIONS,
	QS_DIMENSION,
	QS_MEAN,
	QS_MAX,
	QS_INDICATORS,
	QS_INDICATOR,
	QS_PROPERTY,
	QS_SHARE,
	QS_MEETING,
	QS_BANDS_TITLE,
	QS_FIX_FIRST,
	QS_FIX_FIRST_NONE,
	QS_FIX_LINE,         /* "%1 in %2 datasets: +%3 each, catalogue +%4" */
	QS_FIX_LINE_RANGE,   /* same with "+%3 to +%5 each" */
	QS_HINTS,
	QS_HINT_LICENCE,
	QS_HINT_FORMAT,
	QS_HINT_MEDIA_TYPE,
	QS_HINT_ACCESS_RIGHTS,
	QS_HINT_RIGHTS_AS_ACCESS,
	QS_HINT_USED_BY,
	QS_FINDINGS,
	QS_FINDINGS_INTRO,
	QS_FINDINGS_NONE,
	QS_FINDINGS_NOT_RUN,
	QS_SEVERITY,
	QS_COUNT,
	QS_MESSAGE,
	QS_WHERE,
	QS_VIOLATION,
	QS_WARNING,
	QS_INFO,
	QS_DATASET_TABLE,
	QS_DATASET_TABLE_CUT,
	QS_MISSING,
	QS_TITLE_COL,
	QS_LINKS,
	QS_LINKS_NOT_CHECKED,
	QS_LINKS_NONE_BROKEN,
	QS_LINK_URL,
	QS_LINK_STATUS,
	QS_LINK_KIND,
	QS_LINK_ACCESS,
	QS_LINK_DOWNLOAD,
	QS_LINK_USES,
	QS_LINK_REASON,
	QS_SOURCES,
	QS_SOURCE,
	QS_RANK,
	QS_COMPARE,
	QS_COMPARE_SCORE,
	QS_COMPARE_CHANGED,
	QS_COMPARE_NEW,
	QS_COMPARE_GONE,
	QS_COMPARE_NONE,
	QS_BEFORE,
	QS_AFTER,
	QS_CHANGE,
	QS_METHOD_NOTE,
	QS_DCATAP_NOTE,
	QS_VOCAB_NOTE,
	QS_CHART_DIMENSIONS,
	QS_CHART_BANDS,
	QS_NO_DATASETS,
	QS_SKIP_LINK,
	QS_GENERATED_BY,
	QS_MORE,             /* "... and %1 more" */
	QS_COUNT_
} DcatitQualityStr;

/* Format v with the given decimals into out (n bytes), a decimal comma in
 * Italian; returns out. */
const char *dcatit_quality_num(char *out, size_t n, double v, int decimals,
                               DcatitQualityLang lang);
/* en (English source text marked N_(), or NULL for "") in lang: as it is
 * for English, through the message catalogue for Italian, which gives
 * Italian while the messages are Italian (cmd_quality switches to the
 * report's language while it writes); static. */
const char *dcatit_quality_text(const char *en, DcatitQualityLang lang);
/* The text of s in lang; static, never NULL. */
const char *dcatit_quality_str(DcatitQualityStr s, DcatitQualityLang lang);
/* The text of plural (for n != 1) or one (n == 1) with %1 set to n,
 * appended to b (a DcatitBuf *). */
void dcatit_quality_count(void *b, size_t n, DcatitQualityStr plural, DcatitQualityStr one,
                          DcatitQualityLang lang);
/* People's name of an indicator ("Keywords", "Parole chiave"); static. */
const char *dcatit_quality_indicator_label(DcatitQualityIndicator i, DcatitQualityLang lang);
/* What to do to meet an indicator ("add dcat:keyword"); static. */
const char *dcatit_quality_indicator_action(DcatitQualityIndicator i, DcatitQualityLang lang);
/* People's name of a dimension; static. */
const char *dcatit_quality_dimension_label(DcatitQualityDimension d, DcatitQualityLang lang);
/* People's name of a band ("Excellent", "Eccellente"); static. */
const char *dcatit_quality_band_label(DcatitQualityBand b, DcatitQualityLang lang);
/* A band as a word in a message, in the language of the messages
 * ("sufficient", "sufficiente"); static. */
const char *dcatit_quality_band_word(DcatitQualityBand b);

#endif
