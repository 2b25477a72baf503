/* str.c: string helpers shared by every layer (see str.h). */
#include "base/str.h"

#include "base/buf.h"

#include <stdlib.h>
#include <string.h>

uint64_t dcatit_hash_more(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	return h;
}

uint64_t dcatit_hash_mem(const void *p, size_t n)
{
	return dcatit_hash_more(DCATIT_HASH_SEED, p, n);
}

uint64_t dcatit_hash_str(const char *s)
{
	return dcatit_hash_mem(s, strlen(s));
}

char *dcatit_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *dcatit_strdup(const char *s)
{
	return s ? dcatit_strndup(s, strlen(s)) : NULL;
}

int dcatit_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool dcatit_str_has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n > m && strcmp(s + n - m, suf) == 0;
}

bool dcatit_str_path_within(const char *p, const char *dir)
{
	size_t n = strlen(dir);
	if (strcmp(dir, "/") == 0)
		return p[0] == '/';
	return strncmp(p, dir, n) == 0 && (p[n] == '/' || p[n] == '\0');
}

size_t dcatit_utf8_seq_len(const unsigned char *s, size_t n)
{
	if (!n)
		return 0;
	if (s[0] < 0x80)
		return 1;
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (!len || s[0] > 0xF4 || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
		return 0;
	return len;
}

bool dcatit_utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = dcatit_utf8_seq_len(u + i, n - i);
		if (!k) {
			if (bad)
				*bad = i;
			return false;
		}
		i += k;
	}
	return true;
}

bool dcatit_strs_add(DcatitStrs *l, const char *s)
{
	char **v = dcatit_grow(l->items, &l->cap, l->n + 1, sizeof *v, 8);
	if (!v)
		return false;
	l->items = v;
	if (!(v[l->n] = dcatit_strdup(s)))
		return false;
	l->n++;
	return true;
}

void dcatit_strs_release(DcatitStrs *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}
