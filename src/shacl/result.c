/* result.c: the list of validation results and its deterministic order.
 * Sorting compares term strings (not ids, which depend on parse order), so
 * the same data and shapes give the same report whatever the load order. */
#include "shacl/result.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

void dcatit_results_init(DcatitResults *r)
{
	r->items = NULL;
	r->n = r->cap = 0;
	r->failures = NULL;
	r->nfailures = r->capfailures = 0;
}

void dcatit_results_release(DcatitResults *r)
{
	free(r->items);
	free(r->failures);
	dcatit_results_init(r);
}

static DcatitStatus append(DcatitResult **v, size_t *n, size_t *cap, const DcatitResult *res)
{
	DcatitResult *g = dcatit_grow(*v, cap, *n + 1, sizeof *g, 64);
	if (!g)
		return DCATIT_ERR_NOMEM;
	*v = g;
	g[(*n)++] = *res;
	return DCATIT_OK;
}

DcatitStatus dcatit_results_add_failure(DcatitResults *r, const DcatitResult *res)
{
	return append(&r->failures, &r->nfailures, &r->capfailures, res);
}

DcatitStatus dcatit_results_add(DcatitResults *r, const DcatitResult *res)
{
	return append(&r->items, &r->n, &r->cap, res);
}

/* Everything the order looks at, resolved once per result. */
typedef struct {
	const char *file;
	uint32_t line;
	const char *focus, *path, *component, *value, *shape, *severity, *message;
	size_t index;
} SortKey;

static int str_cmp(const char *a, const char *b)
{
	return strcmp(a, b);
}

static int cmp_key(const void *pa, const void *pb)
{
	const SortKey *a = pa, *b = pb;
	int c;
	if ((c = str_cmp(a->file, b->file)))
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if ((c = str_cmp(a->focus, b->focus)) || (c = str_cmp(a->path, b->path)) ||
	    (c = str_cmp(a->component, b->component)) ||
	    (c = str_cmp(a->value, b->value)) || (c = str_cmp(a->shape, b->shape)) ||
	    (c = str_cmp(a->severity, b->severity)) ||
	    (c = str_cmp(a->message, b->message)))
		return c;
	/* stable for results equal in every compared field */
	return (a->index > b->index) - (a->index < b->index);
}

void dcatit_results_sort(DcatitResults *r, DcatitModel *data)
{
	if (r->n < 2)
		return;
	SortKey *keys = malloc(r->n * sizeof *keys);
	DcatitResult *tmp = malloc(r->n * sizeof *tmp);
	if (!keys || !tmp) {
		/* leave the order as it is: sorting is a nicety, not a failure */
		free(keys);
		free(tmp);
		return;
	}
	const DcatitTerms *t = dcatit_model_terms(data);
	for (size_t i = 0; i < r->n; i++) {
		const DcatitResult *x = &r->items[i];
		keys[i] = (SortKey){
			.file = dcatit_model_source_name(data, x->loc.file),
			.line = x->loc.line,
			.focus = dcatit_terms_str(t, x->focus),
			.path = dcatit_terms_str(t, x->path),
			.component = dcatit_terms_str(t, x->component),
			.value = dcatit_terms_str(t, x->value),
			.shape = dcatit_terms_str(t, x->shape),
			.severity = dcatit_terms_str(t, x->severity),
			.message = dcatit_terms_str(t, x->message),
			.index = i,
		};
	}
	qsort(keys, r->n, sizeof *keys, cmp_key);
	for (size_t i = 0; i < r->n; i++)
		tmp[i] = r->items[keys[i].index];
	memcpy(r->items, tmp, r->n * sizeof *tmp);
	free(keys);
	free(tmp);
}
