/* source.h: what every harvest source module shares with the driver: the
 * source as configured (harvest/NAME.yaml, read by config.h), the record
 * callbacks, and the fetch a module fills in. src_ckan, src_dcat and the
 * CSW adapter of harvest.c speak these types; the driver (harvest.h) runs
 * them. */
#ifndef DCATIT_HARVEST_SOURCE_H
#define DCATIT_HARVEST_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/status.h"
#include "net/http.h"
#include "rdf/model.h"

/* Called by a source once per record. record_id is the source's own
 * identity of the record (dataset IRI, CKAN package id, ISO
 * fileIdentifier); record is borrowed for the call (the callee copies what
 * it keeps). A non-OK return stops the source with that status. */
#ifndef DCATIT_HARVEST_RECORD_FN
#define DCATIT_HARVEST_RECORD_FN
typedef DcatitStatus (*DcatitHarvestRecordFn)(void *ud, const char *record_id,
                                              DcatitModel *record,
                                              DcatitDiag *d);
#endif

/* Called by a source for a record it did not fetch again because the page
 * holding it answered 304 Not Modified: the record is still there. */
typedef void (*DcatitHarvestKeepFn)(void *ud, const char *record_id);

typedef enum {
	DCATIT_HARVEST_CKAN = 1, /* CKAN Action API, package_search */
	DCATIT_HARVEST_DCAT = 2, /* an RDF document, hydra paged */
	DCATIT_HARVEST_CSW = 3,  /* CSW 2.0.2 GetRecords, ISO 19139 */
} DcatitHarvestType;

/* One source, as read from harvest/NAME.yaml (see harvest/README.md).
 * Strings are malloc'd (NULL when absent); free with
 * dcatit_harvest_source_release (harvest/config.h). */
typedef struct {
	char *name;               /* NAME: the output directory OUT/NAME */
	char *path;               /* the YAML file it came from */
	DcatitHarvestType type;
	char *url;                /* CKAN site, RDF document, CSW endpoint */
	char *organization;       /* ckan: only this organization */
	char *fq;                 /* ckan: extra Solr filter query */
	char *constraint;         /* csw: CQL constraint */
	char *syntax;             /* dcat: force this RDF syntax */
	char *publisher;          /* default publisher IPA code */
	char *publisher_name;     /* its name (optional) */
	char *rights_holder;      /* default rights holder IPA code */
	char *rights_holder_name; /* its name (optional) */
	char *lang;               /* ckan: language tag of CKAN's texts */
	bool use_get;             /* csw: GetRecords by GET (default POST) */
	bool disabled;            /* enabled: false: harvested only when named */
	unsigned page_size;       /* ckan rows (<= 1000, default 1000), csw
	                             maxRecords (default 100) */
	unsigned max_pages;       /* dcat/csw page cap (default 1000) */
	size_t max_body;          /* response body cap, bytes (64 MiB) */
	long timeout_ms;          /* one request (120 s) */
	unsigned retries;         /* retries of a failed request (3) */
	unsigned max_removal_pct; /* a run may move at most this share of the
	                             records to removed/ (0: 20, base/guard.h) */
	char **follow_hosts;      /* hosts redirects and hydra links may lead
	                             to besides url's ("host" or "host:port") */
	size_t nfollow_hosts;
} DcatitHarvestSource;

/* Counts of the defects fixed in the records of one source. */
typedef struct {
	size_t schema_dates;       /* schema:startDate/endDate renamed */
	size_t datetime_dates;     /* midnight xsd:dateTime period bounds -> xsd:date */
	size_t untyped_agents;     /* agents given foaf:Agent / dcatapit:Agent */
	size_t na_publishers;      /* "N/A" or empty publishers/holders replaced */
	size_t na_unfixed;         /* ... left, no default configured */
	size_t empty_agents;       /* empty creators dropped */
	size_t namespace_iris;     /* dcatapit IRIs without '#' rewritten */
	size_t default_publisher;  /* missing publisher filled from defaults */
	size_t default_holder;     /* missing rights holder filled */
} DcatitHarvestFixes;

/* What a source module tells the driver about its fetch. The driver
 * zero-initialises it and sets terms, prev_pages, keep and ud. */
typedef struct {
	DcatitTerms *terms;        /* store for the record models (borrowed) */
	const DcatitJson *prev_pages; /* dcat: page cache of the last run */
	DcatitJson *pages;         /* dcat: page cache of this run (array,
	                              owned by the driver once set) */
	DcatitHarvestKeepFn keep;  /* records of an unmodified page */
	void *ud;                  /* for keep */
	unsigned pages_fetched;
	unsigned pages_not_modified;
	size_t rejected;           /* records that could not be converted */
	bool cut_short;            /* a record or page may be missing: no
	                              removal may follow */
	DcatitBuf warnings;        /* one warning per line */
} DcatitHarvestFetch;

/* A source module: fetch src through h and hand records to fn (src_ckan.h
 * and src_dcat.h have this shape; harvest.c adapts src_csw.h to it). */
typedef DcatitStatus (*DcatitHarvestSourceFn)(DcatitHttp *h,
                                              const DcatitHarvestSource *src,
                                              DcatitHarvestRecordFn fn,
                                              void *ud, DcatitHarvestFetch *f,
                                              DcatitDiag *d);

#endif
