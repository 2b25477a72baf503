/* codes.c: code lists as sorted string arrays, filled by scanning the vocab
 * files for IRIs in a namespace, and the edit-distance suggestion. */
#include "rdf/codes.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"

struct DcatitCodesImpl {
	char **items;
	size_t n, cap;
	bool sorted;
};

DcatitCodes *dcatit_codes_new(void)
{
	return calloc(1, sizeof(DcatitCodes));
}

void dcatit_codes_free(DcatitCodes *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->items[i]);
	free(c->items);
	free(c);
}

static DcatitStatus add_n(DcatitCodes *c, const char *s, size_t len)
{
	char **p = dcatit_grow(c->items, &c->cap, c->n + 1, sizeof *p, 64);
	if (!p)
		return DCATIT_ERR_NOMEM;
	c->items = p;
	char *dup = malloc(len + 1);
	if (!dup)
		return DCATIT_ERR_NOMEM;
	memcpy(dup, s, len);
	dup[len] = '\0';
	c->items[c->n++] = dup;
	c->sorted = false;
	return DCATIT_OK;
}

DcatitStatus dcatit_codes_add(DcatitCodes *c, const char *code)
{
	return add_n(c, code, strlen(code));
}

static bool code_char(int ch)
{
	return isalnum(ch) || ch == '_' || ch == '-' || ch == '.';
}

DcatitStatus dcatit_codes_scan_file(DcatitCodes *c, const char *path,
                                    const char *ns, DcatitDiag *d)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0,
		                       "cannot read '%s': %s", path, strerror(errno));
	char *data = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (cap - len < 65536) {
			char *p = realloc(data, cap + 262144 + 1);
			if (!p) {
				free(data);
				fclose(fp);
				return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0,
				                       "out of memory reading '%s'", path);
			}
			data = p;
			cap += 262144;
		}
		size_t got = fread(data + len, 1, cap - len, fp);
		len += got;
		if (got == 0)
			break;
	}
	bool bad = ferror(fp);
	fclose(fp);
	if (bad) {
		free(data);
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0,
		                       "cannot read '%s'", path);
	}
	data[len] = '\0';
	size_t nslen = strlen(ns);
	DcatitStatus st = DCATIT_OK;
	for (char *p = data; st == DCATIT_OK && (p = strstr(p, ns)) != NULL;) {
		bool opened = p > data && p[-1] == '<';
		p += nslen;
		char *q = p;
		while (code_char((unsigned char)*q))
			q++;
		if (q > p && *q == '>' && opened)
			st = add_n(c, p, (size_t)(q - p));
		p = q;
	}
	free(data);
	if (st != DCATIT_OK)
		return dcatit_diag_set(d, st, NULL, 0, 0, "out of memory reading '%s'", path);
	return DCATIT_OK;
}

static void sort_codes(DcatitCodes *c)
{
	if (c->sorted || !c->n)
		return;
	qsort(c->items, c->n, sizeof *c->items, dcatit_cmp_str);
	size_t w = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (w && strcmp(c->items[w - 1], c->items[i]) == 0)
			free(c->items[i]);
		else
			c->items[w++] = c->items[i];
	}
	c->n = w;
	c->sorted = true;
}

bool dcatit_codes_has(DcatitCodes *c, const char *code)
{
	sort_codes(c);
	if (!c->n)
		return false;
	return bsearch(&code, c->items, c->n, sizeof *c->items, dcatit_cmp_str) != NULL;
}

size_t dcatit_codes_count(DcatitCodes *c)
{
	sort_codes(c);
	return c->n;
}

const char *dcatit_codes_at(DcatitCodes *c, size_t i)
{
	sort_codes(c);
	return i < c->n ? c->items[i] : NULL;
}

const char *dcatit_codes_suggest(DcatitCodes *c, const char *word)
{
	sort_codes(c);
	return dcatit_codes_closest(word, (const char *const *)c->items, c->n);
}

/* Case-insensitive Levenshtein distance, giving up above limit. */
static size_t distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > limit || lb > 255)
		return limit + 1;
	size_t row[256];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = i;
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = tolower((unsigned char)a[i - 1]) ==
			              tolower((unsigned char)b[j - 1]) ? 0 : 1;
			size_t v = diag + cost;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (up + 1 < v)
				v = up + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
	}
	return row[lb];
}

const char *dcatit_codes_closest(const char *word, const char *const *cands,
                                 size_t n)
{
	size_t len = strlen(word);
	size_t limit = len / 3 < 2 ? 2 : len / 3;
	const char *best = NULL;
	size_t bestd = limit + 1;
	for (size_t i = 0; i < n; i++) {
		size_t dd = distance(word, cands[i], limit);
		if (dd < bestd) {
			bestd = dd;
			best = cands[i];
		}
	}
	return best;
}
