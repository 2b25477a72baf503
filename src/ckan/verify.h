/* verify.h: what a CKAN portal serves to harvesters, compared with what was
 * pushed. dati.gov.it does not read the Action API: it harvests the
 * portal's DCAT RDF (/dataset/NAME.ttl, /catalog.ttl). For each local
 * dataset this reads both back, validates them with the DCAT-AP_IT profile
 * and lists, property by property, what the portal lost, altered or added,
 * with the reason where it is known (the changes recorded against the real
 * ckanext-dcatapit, shared/ckan-transcripts/roundtrip) and what to do. */
#ifndef DCATIT_CKAN_VERIFY_H
#define DCATIT_CKAN_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"
#include "ckan/api.h"
#include "profile/profile.h"
#include "rdf/model.h"
#include "shacl/result.h"

typedef enum {
	DCATIT_VERIFY_LOST = 0,    /* the local value is not served */
	DCATIT_VERIFY_ALTERED,     /* served, but not as it was */
	DCATIT_VERIFY_ADDED,       /* served, and the dataset never had it */
} DcatitVerifyKind;

/* Where a finding was seen (bits). */
enum {
	DCATIT_VERIFY_DATASET_RDF = 1, /* /dataset/NAME.ttl */
	DCATIT_VERIFY_CATALOG_RDF = 2, /* /catalog.ttl?page=N */
};

/* One difference. Strings are owned by the report. */
typedef struct {
	DcatitVerifyKind kind;
	char *property;     /* "dct:license" */
	char *subject;      /* "" for the dataset itself, else what it is about:
	                     * "distribution <IRI>", "creator r_toscan" */
	char *local;        /* the local value as text, NULL when none */
	char *portal;       /* the served value as text, NULL when none */
	const char *why;    /* what the portal does (static text) */
	const char *todo;   /* what to do about it, NULL when nothing can be
	                     * done from here (static text) */
	bool degrading;     /* false: the same information in another form */
	unsigned endpoints; /* DCATIT_VERIFY_* bits */
} DcatitVerifyFinding;

typedef enum {
	DCATIT_VERIFY_INTACT = 0,  /* nothing lost, altered or added that matters */
	DCATIT_VERIFY_DEGRADED,    /* served, valid, with degrading differences */
	DCATIT_VERIFY_INVALID,     /* not served, or served with DCAT-AP_IT violations */
} DcatitVerifyStatus;

/* One local dataset. */
typedef struct {
	char *identifier;          /* dct:identifier */
	char *iri;                 /* the local node */
	char *package;             /* its package name on the portal, NULL if none */
	char *problem;             /* why it could not be read back, or NULL */
	DcatitVerifyStatus status;
	DcatitVerifyFinding *findings;
	size_t nfindings;
	DcatitResults violations;  /* DCAT-AP_IT findings on the per-dataset RDF
	                            * (rule 112, no catalogue in a one-dataset
	                            * document, left out) */
	DcatitModel *served;       /* that RDF (for locating violations) */
	bool listed;               /* found in the catalogue endpoint */
} DcatitVerifyDataset;

/* Everything verify found; release with dcatit_verify_report_release. */
typedef struct {
	DcatitVerifyDataset *datasets;
	size_t n;
	size_t intact, degraded, invalid;
	size_t pages;              /* catalogue endpoint pages read */
	size_t catalog_datasets;   /* datasets the catalogue endpoint lists */
	char *catalog_problem;     /* why the catalogue endpoint failed, or NULL */
	DcatitResults catalog_violations; /* DCAT-AP_IT findings on its pages */
	DcatitModel *catalog;      /* the pages read, as one graph */
} DcatitVerifyReport;

/* Options; zero-initialise. */
typedef struct {
	const char *url;           /* the portal */
	unsigned jobs;             /* parallel requests (default 4) */
	size_t max_pages;          /* catalogue endpoint page cap (default 1000) */
	const char *syntax;        /* "ttl" (default), "rdf" or "jsonld" */
	const char *user_agent;
} DcatitVerifyOpts;

/* Read back every dataset of local (the catalogue as pushed; it shares its
 * term store with profile->shapes) from the portal: its package (by
 * identifier, with the Action API), its /dataset/NAME RDF and the
 * catalogue endpoint's pages; validate with profile; compare. Per-dataset
 * failures go into the report; an error return (with d) means nothing
 * could be read (the portal is unreachable, out of memory). */
DcatitStatus dcatit_verify_run(DcatitModel *local, const DcatitProfile *profile,
                               const DcatitVerifyOpts *o, DcatitVerifyReport *rep,
                               DcatitDiag *d);

/* Compare one local dataset with its served description: served (a graph
 * on the same terms) and its node. Appends to ds's findings, tagged with
 * endpoint (a DCATIT_VERIFY_* bit), merging those already found in the
 * other endpoint. DCATIT_ERR_NOMEM on failure. */
DcatitStatus dcatit_verify_compare(DcatitModel *local, DcatitTermId node,
                                   DcatitModel *served, DcatitTermId served_node,
                                   unsigned endpoint, DcatitVerifyDataset *ds);

/* Set ds->status from its findings and violations, and count it in rep. */
void dcatit_verify_settle(DcatitVerifyReport *rep, DcatitVerifyDataset *ds);

/* "lost", "altered", "added"; "intact", "degraded", "invalid": the
 * English words of the JSON report (marked N_(): _() them for text). */
const char *dcatit_verify_kind_name(DcatitVerifyKind k);
const char *dcatit_verify_status_name(DcatitVerifyStatus s);

/* Free what a report holds. */
void dcatit_verify_report_release(DcatitVerifyReport *rep);

#endif
