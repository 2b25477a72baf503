/* idmap.c: linear probing over a power-of-two table kept at most half
 * full; ids are dense small integers, so a multiplicative hash spreads
 * them well enough. */
#include "shacl/idmap.h"

#include <stdlib.h>

static size_t slot_of(DcatitTermId key, size_t cap)
{
	return (size_t)((key * 2654435761u) & (cap - 1));
}

void dcatit_idmap_init(DcatitIdMap *m)
{
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->n = 0;
}

void dcatit_idmap_release(DcatitIdMap *m)
{
	free(m->keys);
	free(m->vals);
	dcatit_idmap_init(m);
}

bool dcatit_idmap_get(const DcatitIdMap *m, DcatitTermId key, uint32_t *val)
{
	if (!m->cap || !key)
		return false;
	for (size_t h = slot_of(key, m->cap);; h = (h + 1) & (m->cap - 1)) {
		if (m->keys[h] == key) {
			if (val)
				*val = m->vals[h];
			return true;
		}
		if (!m->keys[h])
			return false;
	}
}

static bool grow(DcatitIdMap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 32;
	DcatitTermId *keys = calloc(cap, sizeof *keys);
	uint32_t *vals = malloc(cap * sizeof *vals);
	if (!keys || !vals) {
		free(keys);
		free(vals);
		return false;
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t h = slot_of(m->keys[i], cap);
		while (keys[h])
			h = (h + 1) & (cap - 1);
		keys[h] = m->keys[i];
		vals[h] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
	return true;
}

/* The slot of key, or of the empty place where it would go. */
static size_t find_slot(const DcatitIdMap *m, DcatitTermId key)
{
	size_t h = slot_of(key, m->cap);
	while (m->keys[h] && m->keys[h] != key)
		h = (h + 1) & (m->cap - 1);
	return h;
}

int dcatit_idmap_put(DcatitIdMap *m, DcatitTermId key, uint32_t val)
{
	if ((m->n + 1) * 2 > m->cap && !grow(m))
		return -1;
	size_t h = find_slot(m, key);
	if (m->keys[h])
		return 0;
	m->keys[h] = key;
	m->vals[h] = val;
	m->n++;
	return 1;
}

uint32_t *dcatit_idmap_ref(DcatitIdMap *m, DcatitTermId key)
{
	if (dcatit_idmap_put(m, key, 0) < 0)
		return NULL;
	return &m->vals[find_slot(m, key)];
}
