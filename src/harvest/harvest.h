/* harvest.h: the harvest driver shared by every kind of source (CKAN API,
 * DCAT RDF endpoints, CSW). A source module turns what it fetches into one
 * small model per record and hands it to a DcatitHarvestRecordFn; the
 * driver normalises known defects, hashes the canonical form, compares it
 * with the previous run and writes only what changed (temp file + rename),
 * moving records that are gone to removed/ only after a complete fetch. */
#ifndef DCATIT_HARVEST_H
#define DCATIT_HARVEST_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"
#include "profile/orgs.h"
#include "net/http.h"
#include "base/json.h"
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

/* Options of a harvest run; zero-initialise. */
typedef struct {
	const char *out_dir;       /* OUT */
	unsigned jobs;             /* parallel requests (4) */
	DcatitModel *shapes;       /* the profile's shapes graph (its term store
	                              is used for the merged catalogue), or
	                              NULL: no validation */
	bool checks;               /* with shapes: also the profile's checks
	                              SHACL Core cannot express (profile/checks.h) */
	DcatitOrgs *orgs;          /* their organisations registry (shapes' term
	                              store); NULL: empty */
	bool progress;             /* call the progress callback */
	void (*progress_fn)(void *ud, const char *source, size_t records,
	                    unsigned pages);
	void *progress_ud;
	const char *catalog_uri;   /* IRI of the merged catalogue */
	const bool *only;          /* only[i]: harvest source i now (the others
	                              only contribute their earlier records to
	                              the merged catalogue); NULL: all */
	bool no_cache;             /* no conditional requests */
} DcatitHarvestOpts;

/* One record found invalid, with its reasons. */
typedef struct {
	char *id;                  /* record identifier */
	char *file;                /* OUT/SOURCE/STEM.ttl */
	DcatitBuf reasons;         /* one per line */
} DcatitHarvestInvalid;

/* The outcome of one source. */
typedef struct {
	const DcatitHarvestSource *src;
	DcatitStatus st;           /* OK, or why the source failed */
	char error[1024];
	bool harvested;            /* the source was run (not skipped) */
	bool removal_done;         /* removals were allowed */
	size_t seen, added, changed, unchanged, removed, invalid, duplicates,
	       rejected;           /* rejected: records that could not be
	                              converted (no identity, ...) */
	unsigned pages, pages_not_modified;
	DcatitHarvestFixes fixes;
	DcatitBuf warnings;        /* one per line */
	DcatitBuf removed_ids;     /* one per line */
	DcatitHarvestInvalid *invalid_items;
	size_t ninvalid_items;
} DcatitHarvestReport;

/* Harvest the sources (n of them; only those opts->only marks) into
 * opts->out_dir, filling reps[i] for each; then build OUT/catalog.ttl from
 * the records of every source given (fetched now or kept from earlier
 * runs), validate it with opts->shapes and trace the violations back to
 * records. Each harvested source's report goes to OUT/NAME/report.json.
 * A source that fails (network, HTTP, syntax, limits) has its status and
 * message in its report; the return value is for failures of the run
 * itself (out of memory, OUT cannot be written), with d filled. */
DcatitStatus dcatit_harvest_run(const DcatitHarvestSource *srcs, size_t n,
                                const DcatitHarvestOpts *opts,
                                DcatitHarvestReport *reps, DcatitDiag *d);
/* Free what a report holds. */
void dcatit_harvest_report_release(DcatitHarvestReport *r);
/* Append the JSON form of a report (the content of report.json). */
DcatitStatus dcatit_harvest_report_json(const DcatitHarvestReport *r,
                                        DcatitBuf *out);

/* A file name stem for a record identifier: safe characters only
 * ([A-Za-z0-9._-]), at most 80 of them, then '-' and 12 hex digits of the
 * identifier's SHA-256, so distinct identifiers never share a file. out
 * needs 96 bytes. */
void dcatit_harvest_stem(const char *record_id, char out[96]);

#endif
