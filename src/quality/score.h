/* score.h: the MQA score of every dataset of a graph, as data.europa.eu
 * computes it: the dataset's own indicators plus its single best-scoring
 * distribution, dct:issued and dct:modified counted once, the catalogue as
 * the mean of its datasets. Indicators that were not measured (link status
 * without --check-links, DCAT-AP compliance without validation) are "not
 * assessed" and leave the assessed maximum, never count as 0. Several
 * graphs (harvest sources) can be scored into one DcatitQuality; each keeps
 * its own summary. Nothing here prints: the reports read the structs. */
#ifndef DCATIT_QUALITY_SCORE_H
#define DCATIT_QUALITY_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/status.h"
#include "quality/indicators.h"
#include "quality/vocabs.h"
#include "rdf/model.h"
#include "shacl/idmap.h"
#include "shacl/result.h"

/* State of one indicator of one dataset. */
typedef enum {
	DCATIT_QS_NOT_MET = 0,
	DCATIT_QS_MET = 1,
	DCATIT_QS_NOT_ASSESSED = 2,
} DcatitQualityState;

/* Pseudo status codes of the link checker, as data.europa.eu's. */
enum {
	DCATIT_QUALITY_LINK_NETWORK_ERROR = 1100, /* no HTTP answer */
	DCATIT_QUALITY_LINK_INVALID_URL = 1300,   /* not an http(s) URL */
};

typedef struct {
	DcatitTermId iri;
	DcatitTermId title;          /* a dct:title literal (Italian first), 0 */
	DcatitTermId best;           /* the distribution that counts, 0 none */
	uint32_t ndist;
	uint32_t source;             /* index in DcatitQuality.sources */
	const char *file;            /* where it is described (borrowed from
	                              * the scored graph), "" unknown */
	uint32_t line;
	uint8_t state[DCATIT_QI_COUNT];  /* DcatitQualityState */
	uint8_t gain[DCATIT_QI_COUNT];   /* points this dataset would gain if
	                                  * the indicator were met (0 when met
	                                  * or not assessed) */
	int16_t dims[DCATIT_QD_COUNT];   /* points per dimension */
	int16_t score;               /* points obtained */
	int16_t assessed_max;        /* 405 minus the not-assessed points */
	uint8_t band;                /* DcatitQualityBand of score */
	uint8_t band_max;            /* band if every not-assessed indicator
	                              * passed (== band when all assessed) */
	int access_status;           /* best status of the best distribution's
	                              * access URLs, 0 when not checked/none */
	int download_status;
	uint32_t violations;         /* validation violations in its
	                              * description (dataset, distributions,
	                              * linked nodes) */
} DcatitQualityDataset;

/* Aggregates over a set of datasets (a source, the whole catalogue). */
typedef struct {
	size_t datasets;
	double score;                /* mean of the dataset scores */
	double assessed_max;         /* mean of their assessed maxima */
	double dims[DCATIT_QD_COUNT];/* mean points per dimension */
	size_t met[DCATIT_QI_COUNT];      /* datasets meeting the indicator */
	size_t assessed[DCATIT_QI_COUNT]; /* datasets where it was assessed */
	double gain[DCATIT_QI_COUNT];     /* sum of the gains (points) */
	int gain_min[DCATIT_QI_COUNT], gain_max[DCATIT_QI_COUNT]; /* of the
	                              * datasets not meeting it, 0 if none */
	size_t bands[DCATIT_QBAND_COUNT];
	uint8_t band, band_max;      /* of the mean (rounded) */
	size_t with_violations;      /* datasets with a violation */
	size_t distributions;
} DcatitQualitySummary;

typedef struct {
	char *name;                  /* "" for a plain catalogue */
	DcatitQualitySummary sum;
} DcatitQualitySource;

/* Values that cost points and have a listed equivalent. */
typedef enum {
	DCATIT_QH_LICENCE = 0,       /* licence not on the list; suggestion is */
	DCATIT_QH_FORMAT,            /* format not an EU file-type IRI */
	DCATIT_QH_MEDIA_TYPE,        /* media type not an IANA IRI */
	DCATIT_QH_ACCESS_RIGHTS,     /* access rights not from the EU table */
	DCATIT_QH_RIGHTS_AS_ACCESS,  /* dct:rights holds an access-right IRI and
	                              * dct:accessRights is missing */
	DCATIT_QH_COUNT
} DcatitQualityHintKind;

typedef struct {
	DcatitQualityHintKind kind;
	DcatitTermId value;          /* what the data says */
	DcatitTermId suggestion;     /* the listed IRI to use */
	size_t datasets;             /* datasets using it */
	size_t uses;                 /* triples using it */
	DcatitTermId example;        /* one such dataset */
	uint32_t source;
} DcatitQualityHint;

/* A checked URL that did not answer 2xx. */
typedef struct {
	DcatitTermId url;
	int status;                  /* HTTP status or a pseudo code */
	bool download;               /* a download URL (else an access URL) */
	size_t uses;                 /* distributions pointing to it */
	DcatitTermId example;        /* one dataset */
	uint32_t source;
} DcatitQualityBroken;

typedef struct {
	DcatitTerms *terms;          /* borrowed: every id below is in it */
	DcatitQualityDataset *datasets;
	size_t ndatasets, cap_datasets;
	DcatitQualitySource *sources;
	size_t nsources, cap_sources;
	DcatitQualityHint *hints;
	size_t nhints, cap_hints;
	DcatitQualityBroken *broken;
	size_t nbroken, cap_broken;
	DcatitQualitySummary total;  /* the whole catalogue */
	bool links_checked;          /* a link map was given */
	bool validated;              /* validation results were given */
} DcatitQuality;

/* What to score. */
typedef struct {
	DcatitModel *data;                 /* the graph (terms shared with q) */
	const DcatitQualityVocab *vocab;
	const DcatitResults *results;      /* its validation results, or NULL:
	                                    * dcatApCompliance not assessed (so
	                                    * it is for a dataset whose
	                                    * description has a check the
	                                    * validator could not complete and
	                                    * no violation) */
	const DcatitIdMap *links;          /* URL term -> status (HTTP or
	                                    * pseudo code), or NULL: the link
	                                    * status indicators are not assessed */
	const char *source;                /* source name ("" or NULL: none) */
	/* Several sources in one graph (harvest's merged catalogue): the index
	 * (from dcatit_quality_add_source) of the source a dataset belongs to,
	 * from where its first triple was read; NULL: all of them belong to
	 * a new source named source. */
	uint32_t (*source_of)(void *ud, DcatitLoc where);
	void *source_ud;
} DcatitQualityInput;

/* Initialise an empty result over the term store t (no allocation). */
void dcatit_quality_init(DcatitQuality *q, DcatitTerms *t);
/* Free what q holds. */
void dcatit_quality_release(DcatitQuality *q);
/* Register a source named name (copied) and return its index in *index,
 * for an input's source_of. */
DcatitStatus dcatit_quality_add_source(DcatitQuality *q, const char *name, uint32_t *index);
/* Score every dataset (a subject typed dcat:Dataset or dcatapit:Dataset,
 * not a catalogue) of in->data into q as one more source. */
DcatitStatus dcatit_quality_score(DcatitQuality *q, const DcatitQualityInput *in,
                                  DcatitDiag *d);
/* After the last dcatit_quality_score: fill the summaries (the datasets
 * are in source order, by IRI within a source). */
DcatitStatus dcatit_quality_finish(DcatitQuality *q, DcatitDiag *d);

/* The URLs the link status indicators look at (access and download URLs
 * of the distributions of the datasets of m), each once, appended to
 * out (a set: term id -> 0). */
DcatitStatus dcatit_quality_urls(DcatitModel *m, DcatitIdMap *out, DcatitDiag *d);

/* One "fix first" action: meet an indicator where it is not met. */
typedef struct {
	DcatitQualityIndicator indicator;
	size_t datasets;             /* datasets that do not meet it */
	int gain_min, gain_max;      /* points one of them would gain */
	double catalogue_gain;       /* what the catalogue score would gain */
} DcatitQualityAction;

/* The actions of a summary that would add points, best first (larger
 * catalogue gain, then methodology order) into out; returns how many. */
size_t dcatit_quality_actions(const DcatitQualitySummary *s,
                              DcatitQualityAction out[DCATIT_QI_COUNT]);

/* Points of one dataset's indicator (its points when met, else 0). */
int dcatit_quality_points(const DcatitQualityDataset *ds, DcatitQualityIndicator i);
/* Is a status code "accessible" (200-299)? */
bool dcatit_quality_status_ok(int status);

#endif
