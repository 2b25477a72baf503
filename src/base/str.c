/* str.c: string helpers shared by every layer (see str.h). */
#include "base/str.h"

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
