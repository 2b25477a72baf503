/* idmap.h: an open-addressing hash map from term ids to 32-bit values,
 * used as a set of nodes (path closures) and as a lookup table (shape
 * node to shape index, class to its subclass closure). */
#ifndef DCATIT_IDMAP_H
#define DCATIT_IDMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rdf/term.h"

typedef struct {
	DcatitTermId *keys; /* 0 = empty slot */
	uint32_t *vals;
	size_t cap;         /* a power of two, or 0 */
	size_t n;
} DcatitIdMap;

/* Initialise an empty map (no allocation). */
void dcatit_idmap_init(DcatitIdMap *m);
/* Free the storage. */
void dcatit_idmap_release(DcatitIdMap *m);
/* Look a key up: true and *val set when present (val may be NULL). */
bool dcatit_idmap_get(const DcatitIdMap *m, DcatitTermId key, uint32_t *val);
/* Insert key with val unless present: 1 inserted, 0 already there (the
 * value is left alone), -1 out of memory. key must not be 0. */
int dcatit_idmap_put(DcatitIdMap *m, DcatitTermId key, uint32_t val);
/* The value slot of key, inserted with value 0 when absent; borrowed until
 * the next insertion. NULL on out of memory. key must not be 0. */
uint32_t *dcatit_idmap_ref(DcatitIdMap *m, DcatitTermId key);

#endif
