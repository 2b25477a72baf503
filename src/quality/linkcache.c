/* linkcache.c: the link check cache file (linkcache.h):
 * {"schema":"dcatit-links/1","links":{URL:{"status":N,"reason":S,
 * "checked":EPOCH},...}}, keys sorted so that the file diffs well. */
#include "quality/linkcache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/str.h"

#define SCHEMA "dcatit-links/1"

void dcatit_link_cache_init(DcatitLinkCache *c)
{
	memset(c, 0, sizeof *c);
	c->sorted = true;
}

void dcatit_link_cache_release(DcatitLinkCache *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->items[i].url);
		free(c->items[i].reason);
	}
	free(c->items);
	dcatit_link_cache_init(c);
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const DcatitLinkCacheEntry *)a)->url, ((const DcatitLinkCacheEntry *)b)->url);
}

static void sort(DcatitLinkCache *c)
{
	if (!c->sorted && c->n > 1)
		qsort(c->items, c->n, sizeof *c->items, cmp_entry);
	c->sorted = true;
}

static DcatitLinkCacheEntry *find(DcatitLinkCache *c, const char *url)
{
	sort(c);
	DcatitLinkCacheEntry probe = { (char *)url, 0, NULL, 0 };
	return c->n ? bsearch(&probe, c->items, c->n, sizeof *c->items, cmp_entry) : NULL;
}

const DcatitLinkCacheEntry *dcatit_link_cache_get(DcatitLinkCache *c, const char *url)
{
	return find(c, url);
}

static DcatitStatus append(DcatitLinkCache *c, const char *url, int status, const char *reason,
                           long long checked)
{
	DcatitLinkCacheEntry *e = dcatit_grow(c->items, &c->cap, c->n + 1, sizeof *e, 64);
	if (!e)
		return DCATIT_ERR_NOMEM;
	c->items = e;
	e = &c->items[c->n];
	e->url = dcatit_strdup(url);
	e->reason = dcatit_strdup(reason ? reason : "");
	if (!e->url || !e->reason) {
		free(e->url);
		free(e->reason);
		return DCATIT_ERR_NOMEM;
	}
	e->status = status;
	e->checked = checked;
	c->n++;
	c->sorted = false;
	return DCATIT_OK;
}

DcatitStatus dcatit_link_cache_put(DcatitLinkCache *c, const char *url, int status,
                                   const char *reason, long long checked)
{
	DcatitLinkCacheEntry *e = find(c, url);
	if (!e)
		return append(c, url, status, reason, checked);
	char *r = dcatit_strdup(reason ? reason : "");
	if (!r)
		return DCATIT_ERR_NOMEM;
	free(e->reason);
	e->reason = r;
	e->status = status;
	e->checked = checked;
	return DCATIT_OK;
}

DcatitStatus dcatit_link_cache_load(DcatitLinkCache *c, const char *path, DcatitDiag *d)
{
	DcatitStatus st = DCATIT_OK;
	DcatitJson *doc = dcatit_json_load(path, d);
	if (!doc) {
		st = d->status;
		if (st == DCATIT_ERR_NOT_FOUND) {
			/* no cache yet: the first run makes it */
			dcatit_diag_init(d);
			st = DCATIT_OK;
		}
		goto done;
	}
	const char *schema = dcatit_json_get_str(doc, "schema");
	const DcatitJson *links = dcatit_json_get(doc, "links");
	if (!schema || strcmp(schema, SCHEMA) != 0 || !dcatit_json_is_object(links)) {
		st = dcatit_diag_set(d, DCATIT_ERR_INVALID, path, 0, 0, "not a dcatit link cache "
		                     "(no \"schema\": \"%s\"); remove it or name another file with "
		                     "--link-cache", SCHEMA);
		goto done;
	}
	void *it = NULL;
	const char *url;
	DcatitJson *v;
	while (st == DCATIT_OK && dcatit_json_next(links, &it, &url, &v)) {
		long long status, checked;
		if (!dcatit_json_int(dcatit_json_get(v, "status"), &status) ||
		    !dcatit_json_int(dcatit_json_get(v, "checked"), &checked))
			continue; /* an entry we cannot use is an entry to check again */
		const char *reason = dcatit_json_get_str(v, "reason");
		if (append(c, url, (int)status, reason, checked) != DCATIT_OK)
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
done:
	dcatit_json_free(doc);
	return st;
}

DcatitStatus dcatit_link_cache_save(DcatitLinkCache *c, const char *path,
                                    long long drop_before, DcatitDiag *d)
{
	sort(c);
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, "{\"schema\":\"" SCHEMA "\",\"links\":{");
	bool first = true;
	for (size_t i = 0; i < c->n; i++) {
		const DcatitLinkCacheEntry *e = &c->items[i];
		if (e->checked < drop_before)
			continue;
		dcatit_buf_adds(&b, first ? "\n" : ",\n");
		first = false;
		dcatit_json_add_str(&b, e->url, strlen(e->url));
		dcatit_buf_addf(&b, ":{\"status\":%d,\"reason\":", e->status);
		dcatit_json_add_str(&b, e->reason, strlen(e->reason));
		dcatit_buf_addf(&b, ",\"checked\":%lld}", e->checked);
	}
	dcatit_buf_adds(&b, "\n}}\n");
	DcatitStatus st = b.oom ? dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory")
	                        : dcatit_file_write_atomic(path, b.data, b.len, d);
	dcatit_buf_release(&b);
	return st;
}
