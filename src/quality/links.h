/* links.h: checking the access and download URLs the MQA link indicators
 * need: HEAD, a GET that reads no body when HEAD is refused (405/501),
 * redirects under the same policy as harvest (net/http.h: at most 5, never
 * from https to http, no loopback, link-local or private address unless
 * allowed), 2xx = accessible, one
 * attempt with a time limit, many URLs in parallel with a cap per host,
 * and a cache of dated results so that a rerun within max_age asks
 * nothing. Network errors and invalid URLs get data.europa.eu's pseudo
 * codes (1100, 1300) with the reason. */
#ifndef DCATIT_QUALITY_LINKS_H
#define DCATIT_QUALITY_LINKS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"
#include "rdf/term.h"
#include "shacl/idmap.h"

typedef struct {
	char *url;            /* the text checked (an IRI or a literal) */
	DcatitTermId term;
	int status;           /* HTTP status, 1100, 1300; 0 = not checked */
	char *reason;         /* why it failed ("" when it answered) */
	long long checked;    /* when (seconds since the epoch) */
	bool cached;          /* taken from the cache, no request made */
} DcatitQualityLink;

typedef struct {
	DcatitQualityLink *items;
	size_t n, cap;
	DcatitIdMap index;    /* term -> item index + 1 */
	size_t requests;      /* requests sent by the last check */
	size_t from_cache;    /* results reused from the cache */
} DcatitQualityLinks;

/* Options of a check; zero-initialise: every 0 means the default. */
typedef struct {
	unsigned jobs;          /* parallel requests (16) */
	unsigned per_host;      /* parallel requests to one host (4) */
	long timeout_ms;        /* one URL, redirects included (10000) */
	const char *cache_path; /* NULL: no cache */
	double max_age_days;    /* cached results younger than this are reused
	                         * (7; negative: never reuse) */
	const char *user_agent; /* ("dcatit (link check)") */
	const char *const *allow_hosts; /* "host" or "host:port" a link may lead
	                         * to even on a loopback, private or
	                         * link-local address (the policy's
	                         * follow_hosts; URLs have no "home") */
	size_t nallow_hosts;
	long long now;          /* the time of the check (0: the clock) */
} DcatitQualityLinkOpts;

/* Initialise an empty set (no allocation). */
void dcatit_quality_links_init(DcatitQualityLinks *l);
/* Free what l holds. */
void dcatit_quality_links_release(DcatitQualityLinks *l);
/* Add the URL term id of store t to check (once, whatever the number of
 * calls). */
DcatitStatus dcatit_quality_links_add(DcatitQualityLinks *l, const DcatitTerms *t,
                                      DcatitTermId id);
/* Check every URL added: from the cache when fresh, else over HTTP; then
 * write the cache (temporary file, rename). Per-URL failures are results
 * (status 1100/1300), not errors; d is for the run's own failures (cache
 * unwritable, out of memory). */
DcatitStatus dcatit_quality_links_check(DcatitQualityLinks *l, const DcatitQualityLinkOpts *o,
                                        DcatitDiag *d);
/* Fill out (term -> status) with every checked URL. */
DcatitStatus dcatit_quality_links_statuses(const DcatitQualityLinks *l, DcatitIdMap *out);
/* The result for a URL term; borrowed; NULL when it was not added. */
const DcatitQualityLink *dcatit_quality_links_find(const DcatitQualityLinks *l,
                                                   DcatitTermId id);

#endif
