/* guard.c: the rule of guard.h. */
#include "base/guard.h"

bool dcatit_guard_allows(size_t total, size_t removing, unsigned pct, size_t *limit)
{
	if (!pct)
		pct = DCATIT_GUARD_DEFAULT_PCT;
	if (pct > 100)
		pct = 100;
	/* total * pct / 100 without overflow for any size_t total */
	size_t lim = total / 100 * pct + total % 100 * pct / 100;
	if (lim < 1)
		lim = 1;
	if (limit)
		*limit = lim;
	if (!removing)
		return true;
	if (removing > total || removing > lim)
		return false;
	size_t kept = total - removing;
	return !(removing > 1 && removing > kept && kept < DCATIT_GUARD_HANDFUL);
}
