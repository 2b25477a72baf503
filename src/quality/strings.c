/* strings.c: the English and Italian texts of the quality reports
 * (strings.h). Placeholders are %1 ... %5, filled by the report writers in
 * the order the comment of each entry gives; the Italian follows the
 * wording of data.europa.eu's Italian pages where it has one. */
#include "quality/strings.h"

#include <string.h>

#include "base/buf.h"

typedef struct {
	const char *en, *it;
} Pair;

static const Pair table[QS_COUNT_] = {
	[QS_TITLE] = { "Metadata quality", "Qualità dei metadati" },
	[QS_SUBTITLE] = { "Estimate of the data.europa.eu Metadata Quality Assessment (MQA), computed offline by dcatit",
	                  "Stima della valutazione della qualità dei metadati (MQA) di data.europa.eu, calcolata offline da dcatit" },
	[QS_CATALOGUE] = { "Catalogue", "Catalogo" },
	[QS_SCORE] = { "Score", "Punteggio" },
	[QS_OF] = { "%1 of %2", "%1 su %2" },
	[QS_POINTS] = { "points", "punti" },
	[QS_BAND] = { "Rating", "Valutazione" },
	[QS_DATASETS] = { "%1 datasets", "%1 dataset" },
	[QS_DATASETS_ONE] = { "%1 dataset", "%1 dataset" },
	[QS_DATASET] = { "Dataset", "Dataset" },
	[QS_DISTRIBUTIONS] = { "%1 distributions", "%1 distribuzioni" },
	[QS_DISTRIBUTIONS_ONE] = { "%1 distribution", "%1 distribuzione" },
	[QS_ASSESSED_MAX] = { "assessed maximum", "massimo valutato" },
	[QS_ASSESSED_MAX_CAP] = { "Assessed maximum", "Massimo valutato" },
	[QS_NOT_ASSESSED] = { "not assessed", "non valutato" },
	[QS_NOT_ASSESSED_LINKS] = { "link status not checked (run with --check-links)",
	                            "stato dei link non verificato (eseguire con --check-links)" },
	[QS_NOT_ASSESSED_DCATAP] = { "DCAT-AP compliance not assessed (validation skipped)",
	                             "conformità DCAT-AP non valutata (validazione non eseguita)" },
	/* %1 band */
	[QS_IF_ALL_PASS] = { "%1 if every indicator not assessed passes",
	                     "%1 se tutti gli indicatori non valutati risultano soddisfatti" },
	[QS_DIMENSIONS] = { "Dimensions", "Dimensioni" },
	[QS_DIMENSION] = { "Dimension", "Dimensione" },
	[QS_MEAN] = { "Mean", "Media" },
	[QS_MAX] = { "Maximum", "Massimo" },
	[QS_INDICATORS] = { "Indicators", "Indicatori" },
	[QS_INDICATOR] = { "Indicator", "Indicatore" },
	[QS_PROPERTY] = { "Property", "Proprietà" },
	[QS_SHARE] = { "Datasets meeting it", "Dataset che lo soddisfano" },
	[QS_MEETING] = { "meeting", "soddisfatto" },
	[QS_BANDS_TITLE] = { "Datasets by rating", "Dataset per valutazione" },
	[QS_FIX_FIRST] = { "Fix first", "Da correggere per primo" },
	[QS_FIX_FIRST_NONE] = { "Nothing to fix: every assessed indicator is met.",
	                        "Niente da correggere: tutti gli indicatori valutati sono soddisfatti." },
	/* %1 action, %2 "N datasets", %3 points each, %4 catalogue gain */
	[QS_FIX_LINE] = { "%1 in %2: +%3 each, catalogue +%4",
	                  "%1 in %2: +%3 ciascuno, catalogo +%4" },
	/* %1 action, %2 "N datasets", %3 min points, %4 catalogue gain, %5 max */
	[QS_FIX_LINE_RANGE] = { "%1 in %2: +%3 to +%5 each, catalogue +%4",
	                        "%1 in %2: da +%3 a +%5 ciascuno, catalogo +%4" },
	[QS_HINTS] = { "Values that cost points", "Valori che fanno perdere punti" },
	/* %1 value, %2 suggested IRI */
	[QS_HINT_LICENCE] = { "licence %1 is not known to data.europa.eu; %2 names the same licence and is on its list (knownLicence, +10 per dataset)",
	                      "la licenza %1 non è nota a data.europa.eu; %2 indica la stessa licenza ed è nel suo elenco (knownLicence, +10 per dataset)" },
	[QS_HINT_FORMAT] = { "format %1 is not an EU file type; use %2",
	                     "il formato %1 non è un tipo di file UE; usare %2" },
	[QS_HINT_MEDIA_TYPE] = { "media type %1 is not an IANA media type IRI; use %2",
	                         "il tipo di media %1 non è un IRI dei tipi di media IANA; usare %2" },
	[QS_HINT_ACCESS_RIGHTS] = { "access rights %1 are not from the EU access-right table; use %2",
	                            "i diritti di accesso %1 non sono della tabella UE access-right; usare %2" },
	[QS_HINT_RIGHTS_AS_ACCESS] = { "%1 is given as dct:rights; as dct:accessRights it counts for accessRightsAvailability and accessRightsVocabularyAlignment (+15)",
	                               "%1 è indicato come dct:rights; come dct:accessRights vale per accessRightsAvailability e accessRightsVocabularyAlignment (+15)" },
	/* %1 "N datasets", %2 uses */
	[QS_HINT_USED_BY] = { "%1, used %2 times", "%1, usato %2 volte" },
	[QS_FINDINGS] = { "Validation findings", "Rilievi della validazione" },
	[QS_FINDINGS_INTRO] = { "DCAT-AP compliance is estimated with dcatit's DCAT-AP_IT profile: a dataset complies when its description has no violation. data.europa.eu validates dati.gov.it's DCAT-AP export with its own shapes.",
	                        "La conformità DCAT-AP è stimata con il profilo DCAT-AP_IT di dcatit: un dataset è conforme se la sua descrizione non ha violazioni. data.europa.eu valida l'esportazione DCAT-AP di dati.gov.it con le proprie regole." },
	[QS_FINDINGS_NONE] = { "No validation findings.", "Nessun rilievo di validazione." },
	[QS_FINDINGS_NOT_RUN] = { "Validation was not run (--no-validate).",
	                          "La validazione non è stata eseguita (--no-validate)." },
	[QS_SEVERITY] = { "Severity", "Gravità" },
	[QS_COUNT] = { "Count", "Numero" },
	[QS_MESSAGE] = { "Message", "Messaggio" },
	[QS_WHERE] = { "Where", "Dove" },
	[QS_VIOLATION] = { "error", "errore" },
	[QS_WARNING] = { "warning", "avviso" },
	[QS_INFO] = { "info", "informazione" },
	[QS_DATASET_TABLE] = { "Datasets (lowest score first)", "Dataset (prima i punteggi più bassi)" },
	/* %1 shown, %2 total */
	[QS_DATASET_TABLE_CUT] = { "The %1 lowest of %2 datasets are listed; --format csv or json lists them all.",
	                           "Sono elencati i %1 dataset con il punteggio più basso su %2; --format csv o json li elenca tutti." },
	[QS_MISSING] = { "What is missing", "Cosa manca" },
	[QS_TITLE_COL] = { "Title", "Titolo" },
	[QS_LINKS] = { "Broken links", "Link non funzionanti" },
	[QS_LINKS_NOT_CHECKED] = { "Links were not checked: run with --check-links.",
	                           "I link non sono stati verificati: eseguire con --check-links." },
	/* %1 number of URLs checked */
	[QS_LINKS_NONE_BROKEN] = { "All %1 checked URLs answer 2xx.",
	                           "Tutti i %1 URL verificati rispondono 2xx." },
	[QS_LINK_URL] = { "URL", "URL" },
	[QS_LINK_STATUS] = { "Status", "Stato" },
	[QS_LINK_KIND] = { "Kind", "Tipo" },
	[QS_LINK_ACCESS] = { "access", "accesso" },
	[QS_LINK_DOWNLOAD] = { "download", "download" },
	[QS_LINK_USES] = { "Distributions", "Distribuzioni" },
	[QS_LINK_REASON] = { "Reason", "Motivo" },
	[QS_SOURCES] = { "Sources (league table)", "Fonti (classifica)" },
	[QS_SOURCE] = { "Source", "Fonte" },
	[QS_RANK] = { "Rank", "Posizione" },
	[QS_COMPARE] = { "Changes since the last run", "Cambiamenti dall'ultima esecuzione" },
	/* %1 before, %2 after, %3 change */
	[QS_COMPARE_SCORE] = { "catalogue score %1 → %2 (%3)", "punteggio del catalogo %1 → %2 (%3)" },
	[QS_COMPARE_CHANGED] = { "Datasets whose rating changed", "Dataset la cui valutazione è cambiata" },
	[QS_COMPARE_NEW] = { "new datasets", "nuovi dataset" },
	[QS_COMPARE_GONE] = { "datasets no longer in the catalogue", "dataset non più nel catalogo" },
	[QS_COMPARE_NONE] = { "No dataset changed rating.", "Nessun dataset ha cambiato valutazione." },
	[QS_BEFORE] = { "Before", "Prima" },
	[QS_AFTER] = { "After", "Dopo" },
	[QS_CHANGE] = { "Change", "Variazione" },
	[QS_METHOD_NOTE] = { "Each dataset scores its own properties plus its single best distribution; dct:issued and dct:modified count once; the catalogue score is the mean of the dataset scores. Ratings: Excellent 351–405, Good 221–350, Sufficient 121–220, Bad 0–120.",
	                     "Ogni dataset ottiene i punti delle proprie proprietà più quelli della sua migliore distribuzione; dct:issued e dct:modified contano una volta sola; il punteggio del catalogo è la media dei punteggi dei dataset. Valutazioni: Eccellente 351–405, Buono 221–350, Sufficiente 121–220, Scarso 0–120." },
	[QS_DCATAP_NOTE] = { "estimate", "stima" },
	/* %1 snapshot name */
	[QS_VOCAB_NOTE] = { "Vocabularies: %1.", "Vocabolari: %1." },
	[QS_CHART_DIMENSIONS] = { "Bar chart of the mean points per dimension against the maximum",
	                          "Grafico a barre dei punti medi per dimensione rispetto al massimo" },
	[QS_CHART_BANDS] = { "Bar chart of the number of datasets per rating",
	                     "Grafico a barre del numero di dataset per valutazione" },
	[QS_NO_DATASETS] = { "No dataset found (nothing typed dcat:Dataset or dcatapit:Dataset).",
	                     "Nessun dataset trovato (nessuna risorsa di tipo dcat:Dataset o dcatapit:Dataset)." },
	[QS_SKIP_LINK] = { "Skip to the fix-first list", "Vai all'elenco delle correzioni" },
	/* %1 generator */
	[QS_GENERATED_BY] = { "Generated by %1.", "Generato da %1." },
	/* %1 how many more (JSON lists them all) */
	[QS_MORE] = { "… and %1 more (--format json lists them all)", "… e altri %1 (--format json li elenca tutti)" },
};

static const Pair labels[DCATIT_QI_COUNT] = {
	[DCATIT_QI_KEYWORD] = { "Keywords", "Parole chiave" },
	[DCATIT_QI_CATEGORY] = { "Categories", "Categorie" },
	[DCATIT_QI_SPATIAL] = { "Geographic coverage", "Copertura geografica" },
	[DCATIT_QI_TEMPORAL] = { "Time coverage", "Copertura temporale" },
	[DCATIT_QI_ACCESS_URL_STATUS] = { "Access URL reachable", "URL di accesso raggiungibile" },
	[DCATIT_QI_DOWNLOAD_URL] = { "Download URL", "URL di download" },
	[DCATIT_QI_DOWNLOAD_URL_STATUS] = { "Download URL reachable", "URL di download raggiungibile" },
	[DCATIT_QI_FORMAT] = { "Format", "Formato" },
	[DCATIT_QI_MEDIA_TYPE] = { "Media type", "Tipo di media" },
	[DCATIT_QI_FORMAT_VOCAB] = { "Format and media type from vocabularies",
	                             "Formato e tipo di media da vocabolario" },
	[DCATIT_QI_NON_PROPRIETARY] = { "Non-proprietary format", "Formato non proprietario" },
	[DCATIT_QI_MACHINE_READABLE] = { "Machine-readable format", "Formato leggibile da macchina" },
	[DCATIT_QI_DCAT_AP] = { "DCAT-AP compliance (estimate)", "Conformità DCAT-AP (stima)" },
	[DCATIT_QI_LICENCE] = { "Licence", "Licenza" },
	[DCATIT_QI_KNOWN_LICENCE] = { "Known licence", "Licenza nota" },
	[DCATIT_QI_ACCESS_RIGHTS] = { "Access rights", "Diritti di accesso" },
	[DCATIT_QI_ACCESS_RIGHTS_VOCAB] = { "Access rights from vocabulary",
	                                    "Diritti di accesso da vocabolario" },
	[DCATIT_QI_CONTACT_POINT] = { "Contact point", "Punto di contatto" },
	[DCATIT_QI_PUBLISHER] = { "Publisher", "Editore" },
	[DCATIT_QI_RIGHTS] = { "Rights", "Diritti" },
	[DCATIT_QI_BYTE_SIZE] = { "File size", "Dimensione del file" },
	[DCATIT_QI_ISSUED] = { "Date of issue", "Data di rilascio" },
	[DCATIT_QI_MODIFIED] = { "Modification date", "Data di modifica" },
};

static const Pair actions[DCATIT_QI_COUNT] = {
	[DCATIT_QI_KEYWORD] = { "add dcat:keyword", "aggiungere dcat:keyword" },
	[DCATIT_QI_CATEGORY] = { "add dcat:theme", "aggiungere dcat:theme" },
	[DCATIT_QI_SPATIAL] = { "add dct:spatial", "aggiungere dct:spatial" },
	[DCATIT_QI_TEMPORAL] = { "add dct:temporal", "aggiungere dct:temporal" },
	[DCATIT_QI_ACCESS_URL_STATUS] = { "give a distribution a dcat:accessURL that answers 2xx",
	                                  "dare a una distribuzione un dcat:accessURL che risponda 2xx" },
	[DCATIT_QI_DOWNLOAD_URL] = { "add dcat:downloadURL to a distribution",
	                             "aggiungere dcat:downloadURL a una distribuzione" },
	[DCATIT_QI_DOWNLOAD_URL_STATUS] = { "give a distribution a dcat:downloadURL that answers 2xx",
	                                    "dare a una distribuzione un dcat:downloadURL che risponda 2xx" },
	[DCATIT_QI_FORMAT] = { "add dct:format to a distribution",
	                       "aggiungere dct:format a una distribuzione" },
	[DCATIT_QI_MEDIA_TYPE] = { "add dcat:mediaType to a distribution",
	                           "aggiungere dcat:mediaType a una distribuzione" },
	[DCATIT_QI_FORMAT_VOCAB] = { "give dct:format as an EU file-type IRI and dcat:mediaType as an IANA IRI",
	                             "indicare dct:format con un IRI dei tipi di file UE e dcat:mediaType con un IRI IANA" },
	[DCATIT_QI_NON_PROPRIETARY] = { "offer a non-proprietary format (CSV, JSON, XML, ...)",
	                                "offrire un formato non proprietario (CSV, JSON, XML, ...)" },
	[DCATIT_QI_MACHINE_READABLE] = { "offer a machine-readable format (CSV, JSON, XML, ...)",
	                                 "offrire un formato leggibile da macchina (CSV, JSON, XML, ...)" },
	[DCATIT_QI_DCAT_AP] = { "fix the validation violations", "correggere le violazioni della validazione" },
	[DCATIT_QI_LICENCE] = { "add dct:license to a distribution",
	                        "aggiungere dct:license a una distribuzione" },
	[DCATIT_QI_KNOWN_LICENCE] = { "use a licence IRI known to data.europa.eu",
	                              "usare un IRI di licenza noto a data.europa.eu" },
	[DCATIT_QI_ACCESS_RIGHTS] = { "add dct:accessRights", "aggiungere dct:accessRights" },
	[DCATIT_QI_ACCESS_RIGHTS_VOCAB] = { "give dct:accessRights as an EU access-right IRI",
	                                    "indicare dct:accessRights con un IRI della tabella UE access-right" },
	[DCATIT_QI_CONTACT_POINT] = { "add dcat:contactPoint", "aggiungere dcat:contactPoint" },
	[DCATIT_QI_PUBLISHER] = { "add dct:publisher", "aggiungere dct:publisher" },
	[DCATIT_QI_RIGHTS] = { "add dct:rights to a distribution", "aggiungere dct:rights a una distribuzione" },
	[DCATIT_QI_BYTE_SIZE] = { "add dcat:byteSize to a distribution",
	                          "aggiungere dcat:byteSize a una distribuzione" },
	[DCATIT_QI_ISSUED] = { "add dct:issued", "aggiungere dct:issued" },
	[DCATIT_QI_MODIFIED] = { "add dct:modified", "aggiungere dct:modified" },
};

static const Pair dims[DCATIT_QD_COUNT] = {
	{ "Findability", "Reperibilità" },
	{ "Accessibility", "Accessibilità" },
	{ "Interoperability", "Interoperabilità" },
	{ "Reusability", "Riusabilità" },
	{ "Contextuality", "Contestualità" },
};

static const Pair bands[DCATIT_QBAND_COUNT] = {
	{ "Bad", "Scarso" },
	{ "Sufficient", "Sufficiente" },
	{ "Good", "Buono" },
	{ "Excellent", "Eccellente" },
};

static const char *pick(const Pair *p, DcatitQualityLang lang)
{
	const char *s = lang == DCATIT_QLANG_IT ? p->it : p->en;
	return s ? s : "";
}

const char *dcatit_quality_str(DcatitQualityStr s, DcatitQualityLang lang)
{
	return pick(&table[s], lang);
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
	return pick(&labels[i], lang);
}

const char *dcatit_quality_indicator_action(DcatitQualityIndicator i, DcatitQualityLang lang)
{
	return pick(&actions[i], lang);
}

const char *dcatit_quality_dimension_label(DcatitQualityDimension d, DcatitQualityLang lang)
{
	return pick(&dims[d], lang);
}

const char *dcatit_quality_band_label(DcatitQualityBand b, DcatitQualityLang lang)
{
	return pick(&bands[b], lang);
}
