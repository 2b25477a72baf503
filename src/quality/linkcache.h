/* linkcache.h: the file that remembers link check results with their
 * date (JSON, schema dcatit-links/1), so that a rerun within --max-age
 * days sends no request. Results for URLs a run did not look at are kept:
 * one cache can serve several catalogues. */
#ifndef DCATIT_QUALITY_LINKCACHE_H
#define DCATIT_QUALITY_LINKCACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"

typedef struct {
	char *url;
	int status;
	char *reason;
	long long checked;    /* seconds since the epoch */
} DcatitLinkCacheEntry;

typedef struct {
	DcatitLinkCacheEntry *items; /* sorted by url after load/put */
	size_t n, cap;
	bool sorted;
} DcatitLinkCache;

/* Initialise an empty cache (no allocation). */
void dcatit_link_cache_init(DcatitLinkCache *c);
/* Free the entries. */
void dcatit_link_cache_release(DcatitLinkCache *c);
/* Read path into c; a missing file is an empty cache. A file that is not
 * a link cache is an error (DCATIT_ERR_INVALID / SYNTAX with the path):
 * it may be something else the user named by mistake, never overwritten. */
DcatitStatus dcatit_link_cache_load(DcatitLinkCache *c, const char *path, DcatitDiag *d);
/* The entry for url; borrowed; NULL when none. */
const DcatitLinkCacheEntry *dcatit_link_cache_get(DcatitLinkCache *c, const char *url);
/* Set the entry for url (copies the strings). */
DcatitStatus dcatit_link_cache_put(DcatitLinkCache *c, const char *url, int status,
                                   const char *reason, long long checked);
/* Write c to path (temporary file + rename), leaving out entries checked
 * before drop_before (seconds since the epoch; 0 keeps all). */
DcatitStatus dcatit_link_cache_save(DcatitLinkCache *c, const char *path,
                                    long long drop_before, DcatitDiag *d);

#endif
