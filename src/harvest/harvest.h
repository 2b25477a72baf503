/* harvest.h: the harvest driver shared by every kind of source (CKAN API,
 * DCAT RDF endpoints, CSW; their shared types are in harvest/source.h). A
 * source module turns what it fetches into one small model per record and
 * hands it to a DcatitHarvestRecordFn; the driver normalises known
 * defects, hashes the canonical form, compares it with the previous run
 * and writes only what changed (temp file + rename), moving records that
 * are gone to removed/ only after a complete fetch, and never more than a
 * share of them (base/guard.h). Requests follow the redirect and address
 * policy of net/http.h, the source's url being home. */
#ifndef DCATIT_HARVEST_H
#define DCATIT_HARVEST_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"
#include "harvest/source.h"
#include "profile/orgs.h"
#include "quality/score.h"
#include "quality/vocabs.h"
#include "rdf/model.h"

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
	unsigned max_removal_pct;  /* overrides every source's
	                              limits.max_removal (0: theirs) */
	bool allow_mass_removal;   /* remove however many records are gone */
	const DcatitQualityVocab *quality; /* non-NULL: score each source's
	                              records by the data.europa.eu MQA
	                              (quality/score.h) into its report; its
	                              term store must be shapes' when both are
	                              given */
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
	bool removal_refused;      /* the guard held removals back */
	size_t seen, added, changed, unchanged, removed, invalid, duplicates,
	       rejected;           /* rejected: records that could not be
	                              converted (no identity, ...) */
	size_t claimed_elsewhere;  /* records left out of the merged catalogue:
	                              another record (of this or another source)
	                              claims the same dataset IRI */
	unsigned pages, pages_not_modified;
	DcatitHarvestFixes fixes;
	DcatitBuf warnings;        /* one per line */
	DcatitBuf removed_ids;     /* one per line */
	DcatitHarvestInvalid *invalid_items;
	size_t ninvalid_items;
	bool scored;               /* quality and fix were filled */
	DcatitQualitySummary quality; /* the MQA score of the source's records
	                              (offline: link status not assessed) */
	DcatitQualityAction fix[3];/* what would add most to it */
	size_t nfix;
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
