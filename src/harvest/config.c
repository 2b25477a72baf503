/* config.c: reading harvest/NAME.yaml. A source file is a small mapping,
 * one level of nesting (filters, defaults, limits), scalars only but for
 * the follow_hosts list, read with the shared YAML reader (base/yaml.h: no
 * aliases, bounded depth). */
#include "harvest/config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "base/yaml.h"

#define MAX_PAGE_SIZE_CKAN 1000u /* package_search silently caps rows here */

void dcatit_harvest_source_release(DcatitHarvestSource *s)
{
	if (!s)
		return;
	free(s->name);
	free(s->path);
	free(s->url);
	free(s->organization);
	free(s->fq);
	free(s->constraint);
	free(s->syntax);
	free(s->publisher);
	free(s->publisher_name);
	free(s->rights_holder);
	free(s->rights_holder_name);
	free(s->lang);
	for (size_t i = 0; i < s->nfollow_hosts; i++)
		free(s->follow_hosts[i]);
	free(s->follow_hosts);
	memset(s, 0, sizeof *s);
}

bool dcatit_harvest_name_is_valid(const char *name)
{
	size_t n = strlen(name);
	if (!n || n > 64 || name[0] == '.')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

typedef enum { K_STR, K_UINT, K_TYPE, K_METHOD, K_ENABLED, K_HOSTS, K_PCT } Kind;

typedef struct {
	const char *key; /* "section.key" or "key" */
	Kind kind;
	size_t off;      /* of the char* or unsigned field */
	unsigned long max;
} Key;

#define S(k, f) { k, K_STR, offsetof(DcatitHarvestSource, f), 0 }
#define U(k, f, m) { k, K_UINT, offsetof(DcatitHarvestSource, f), m }

static const Key keys[] = {
	{ "type", K_TYPE, 0, 0 },
	S("url", url),
	{ "method", K_METHOD, 0, 0 },
	{ "enabled", K_ENABLED, 0, 0 },
	S("syntax", syntax),
	S("lang", lang),
	U("page_size", page_size, 10000),
	S("filters.organization", organization),
	S("filters.fq", fq),
	S("filters.constraint", constraint),
	S("defaults.publisher", publisher),
	S("defaults.publisher_name", publisher_name),
	S("defaults.rights_holder", rights_holder),
	S("defaults.rights_holder_name", rights_holder_name),
	U("limits.max_pages", max_pages, 1000000),
	{ "limits.max_body_mb", K_UINT, 0, 4096 },
	{ "limits.timeout_s", K_UINT, 0, 86400 },
	U("limits.retries", retries, 20),
	{ "limits.max_removal", K_PCT, 0, 100 },
	{ "follow_hosts", K_HOSTS, 0, 0 },
};

typedef struct {
	const char *path;
	DcatitDiag *d;
	DcatitHarvestSource *s;
	bool has_type;
} Ctx;

static DcatitStatus set_key(Ctx *c, const char *key, const char *val,
                            unsigned long line)
{
	const Key *k = NULL;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i].key, key) == 0)
			k = &keys[i];
	if (!k)
		return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, line, 1,
		                       "unknown key '%s'", key);
	char *base = (char *)c->s;
	if (k->kind == K_TYPE) {
		if (strcmp(val, "ckan") == 0)
			c->s->type = DCATIT_HARVEST_CKAN;
		else if (strcmp(val, "dcat") == 0)
			c->s->type = DCATIT_HARVEST_DCAT;
		else if (strcmp(val, "csw") == 0)
			c->s->type = DCATIT_HARVEST_CSW;
		else
			return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, line, 1,
			                       "unknown source type '%s' (ckan, dcat or csw)", val);
		c->has_type = true;
		return DCATIT_OK;
	}
	if (k->kind == K_ENABLED) {
		if (strcmp(val, "true") == 0 || strcmp(val, "yes") == 0)
			c->s->disabled = false;
		else if (strcmp(val, "false") == 0 || strcmp(val, "no") == 0)
			c->s->disabled = true;
		else
			return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, line, 1,
			                       "enabled must be true or false, not '%s'", val);
		return DCATIT_OK;
	}
	if (k->kind == K_METHOD) {
		if (strcmp(val, "GET") == 0 || strcmp(val, "get") == 0)
			c->s->use_get = true;
		else if (strcmp(val, "POST") == 0 || strcmp(val, "post") == 0)
			c->s->use_get = false;
		else
			return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, line, 1,
			                       "method must be GET or POST, not '%s'", val);
		return DCATIT_OK;
	}
	if (k->kind == K_HOSTS) {
		/* "host" or "host:port" ("[v6]:port"): what net/http.h matches */
		bool ok = *val != '\0' && strlen(val) < 256;
		for (const char *q = val; ok && *q; q++)
			ok = (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
			     (*q >= '0' && *q <= '9') || strchr(".-_:[]", *q);
		if (!ok)
			return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, line, 1,
			                       "follow_hosts: '%.80s' is not a host or host:port", val);
		char **n = realloc(c->s->follow_hosts, (c->s->nfollow_hosts + 1) * sizeof *n);
		if (!n)
			return dcatit_diag_set(c->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		c->s->follow_hosts = n;
		if (!(n[c->s->nfollow_hosts] = dcatit_strdup(val)))
			return dcatit_diag_set(c->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		c->s->nfollow_hosts++;
		return DCATIT_OK;
	}
	if (k->kind == K_PCT) {
		char *end;
		errno = 0;
		unsigned long v = strtoul(val, &end, 10);
		if (*end == '%')
			end++;
		if (errno || end == val || *end || val[0] == '-' || v < 1 || v > 100)
			return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, line, 1,
			                       "'%s' must be a percentage from 1 to 100, not '%s'", key, val);
		c->s->max_removal_pct = (unsigned)v;
		return DCATIT_OK;
	}
	if (k->kind == K_STR) {
		char **f = (char **)(base + k->off);
		free(*f);
		*f = dcatit_strdup(val);
		return *f ? DCATIT_OK : dcatit_diag_set(c->d, DCATIT_ERR_NOMEM, NULL, 0, 0,
		                                        "out of memory");
	}
	char *end;
	errno = 0;
	unsigned long v = strtoul(val, &end, 10);
	if (errno || end == val || *end || val[0] == '-' || v > k->max || v == 0)
		return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, line, 1,
		                       "'%s' must be a whole number from 1 to %lu, not '%s'",
		                       key, k->max, val);
	if (strcmp(key, "limits.max_body_mb") == 0)
		c->s->max_body = (size_t)v << 20;
	else if (strcmp(key, "limits.timeout_s") == 0)
		c->s->timeout_ms = (long)v * 1000;
	else
		*(unsigned *)(base + k->off) = (unsigned)v;
	return DCATIT_OK;
}

/* The value of key (at depth 1) or of section.key (depth 2). */
static DcatitStatus set_value(Ctx *c, const char *section, const DcatitYamlNode *k,
                              const DcatitYamlNode *v)
{
	if (v->kind == DCATIT_YAML_SEQUENCE && !section && strcmp(k->value, "follow_hosts") == 0) {
		DcatitStatus st = DCATIT_OK;
		for (size_t i = 0; i < v->nitems && st == DCATIT_OK; i++)
			st = v->items[i]->kind != DCATIT_YAML_SCALAR
			         ? dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, v->items[i]->line, 1,
			                           "follow_hosts is a list of host names")
			         : set_key(c, "follow_hosts", v->items[i]->value, v->items[i]->line);
		return st;
	}
	if (v->kind != DCATIT_YAML_SCALAR)
		return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, v->line, 1,
		                       v->kind == DCATIT_YAML_SEQUENCE
		                           ? N_("lists are not allowed here (only follow_hosts is a list)")
		                           : N_("too deeply nested"));
	char full[160];
	if (section)
		snprintf(full, sizeof full, "%s.%s", section, k->value);
	else
		snprintf(full, sizeof full, "%s", k->value);
	return *v->value ? set_key(c, full, v->value, v->line) : DCATIT_OK;
}

/* A key is a plain word, no longer than the longest known one could be. */
static DcatitStatus check_key(Ctx *c, const DcatitYamlNode *k)
{
	if (k->kind != DCATIT_YAML_SCALAR)
		return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, k->line, 1,
		                       "keys must be plain words");
	if (strlen(k->value) >= 64)
		return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, k->line, 1,
		                       "unknown key '%.40s...'", k->value);
	return DCATIT_OK;
}

/* A source file is a mapping of keys to scalars, or to one level of
 * mappings of keys to scalars (filters, defaults, limits). */
static DcatitStatus walk(Ctx *c, const DcatitYamlNode *root)
{
	if (!root)
		return DCATIT_OK;
	if (root->kind != DCATIT_YAML_MAPPING)
		return dcatit_diag_set(c->d, DCATIT_ERR_INVALID, c->path, root->line, 1,
		                       "a source file is a mapping of keys");
	DcatitStatus st = DCATIT_OK;
	for (size_t i = 0; i + 1 < root->nitems && st == DCATIT_OK; i += 2) {
		const DcatitYamlNode *k = root->items[i], *v = root->items[i + 1];
		if ((st = check_key(c, k)) != DCATIT_OK)
			return st;
		if (v->kind != DCATIT_YAML_MAPPING) {
			st = set_value(c, NULL, k, v);
			continue;
		}
		for (size_t j = 0; j + 1 < v->nitems && st == DCATIT_OK; j += 2) {
			const DcatitYamlNode *k2 = v->items[j], *v2 = v->items[j + 1];
			if ((st = check_key(c, k2)) == DCATIT_OK)
				st = set_value(c, k->value, k2, v2);
		}
	}
	return st;
}

DcatitStatus dcatit_harvest_source_load(const char *path, DcatitHarvestSource *s,
                                        DcatitDiag *d)
{
	memset(s, 0, sizeof *s);
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
		n -= 4;
	s->name = malloc(n + 1);
	s->path = dcatit_strdup(path);
	if (!s->name || !s->path) {
		dcatit_harvest_source_release(s);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	memcpy(s->name, base, n);
	s->name[n] = '\0';
	if (!dcatit_harvest_name_is_valid(s->name)) {
		dcatit_diag_set(d, DCATIT_ERR_INVALID, path, 0, 0,
		                "'%s' is not a usable source name (letters, digits, "
		                "'.', '_' and '-')", s->name);
		dcatit_harvest_source_release(s);
		return DCATIT_ERR_INVALID;
	}
	DcatitYamlDoc doc;
	DcatitStatus st = dcatit_yaml_read_file(&doc, path, d);
	if (st != DCATIT_OK) {
		dcatit_harvest_source_release(s);
		return st;
	}
	Ctx c = { .path = path, .d = d, .s = s };
	st = walk(&c, doc.root);
	dcatit_yaml_release(&doc);
	if (st == DCATIT_OK && !c.has_type)
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, path, 1, 1,
		                     "'type' is missing (ckan, dcat or csw)");
	if (st == DCATIT_OK && !s->url)
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, path, 1, 1, "'url' is missing");
	if (st == DCATIT_OK && (strncmp(s->url, "http://", 7) != 0 &&
	                        strncmp(s->url, "https://", 8) != 0))
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, path, 1, 1,
		                     "'url' must be an http or https URL, not '%s'", s->url);
	if (st == DCATIT_OK && s->type == DCATIT_HARVEST_CKAN && s->page_size > MAX_PAGE_SIZE_CKAN)
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, path, 1, 1,
		                     "page_size %u is above CKAN's cap of %u rows",
		                     s->page_size, MAX_PAGE_SIZE_CKAN);
	if (st != DCATIT_OK) {
		dcatit_harvest_source_release(s);
		return st;
	}
	if (!s->page_size)
		s->page_size = s->type == DCATIT_HARVEST_CKAN ? MAX_PAGE_SIZE_CKAN : 100;
	if (!s->max_pages)
		s->max_pages = 1000;
	if (!s->max_body)
		s->max_body = (size_t)64 << 20;
	if (!s->timeout_ms)
		s->timeout_ms = 120000;
	if (!s->retries)
		s->retries = 3;
	return DCATIT_OK;
}
