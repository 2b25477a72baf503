/* guard.h: the proportional removal guard shared by harvest (records moved
 * to removed/) and push --prune (packages deleted): a run may remove at
 * most a share of what it holds, always at least one item (small sources
 * lose a record now and then), and never everything but a handful,
 * whatever the share. A source that suddenly shrinks, a broken search
 * index or the wrong file given to push then stops instead of deleting. */
#ifndef DCATIT_GUARD_H
#define DCATIT_GUARD_H

#include <stdbool.h>
#include <stddef.h>

/* The default share, in percent. */
#define DCATIT_GUARD_DEFAULT_PCT 20u
/* Fewer items than this left after a run that removes more than it
 * keeps is "all but a handful". */
#define DCATIT_GUARD_HANDFUL 5u

/* May a run remove `removing` of the `total` items it holds, with at
 * most pct percent (0: the default)? *limit (may be NULL) gets the most
 * the share allows. */
bool dcatit_guard_allows(size_t total, size_t removing, unsigned pct, size_t *limit);

#endif
