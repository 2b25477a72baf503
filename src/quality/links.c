/* links.c: the link checker (links.h). URLs are handed to the HTTP client
 * a window at a time, interleaved by host, so that the queue stays short
 * (memory does not grow with the catalogue) and no host waits behind
 * another's backlog; the client caps transfers per host. */
#include "quality/links.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/str.h"
#include "config.h"
#include "net/http.h"
#include "quality/linkcache.h"
#include "quality/score.h"

/* Requests handed to the client beyond the running ones: enough to keep
 * every slot busy between two passes of its loop. */
#define WINDOW_PER_JOB 2

void dcatit_quality_links_init(DcatitQualityLinks *l)
{
	memset(l, 0, sizeof *l);
	dcatit_idmap_init(&l->index);
}

void dcatit_quality_links_release(DcatitQualityLinks *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].url);
		free(l->items[i].reason);
	}
	free(l->items);
	dcatit_idmap_release(&l->index);
	memset(l, 0, sizeof *l);
}

DcatitStatus dcatit_quality_links_add(DcatitQualityLinks *l, const DcatitTerms *t,
                                      DcatitTermId id)
{
	uint32_t *slot = dcatit_idmap_ref(&l->index, id);
	if (!slot)
		return DCATIT_ERR_NOMEM;
	if (*slot)
		return DCATIT_OK;
	DcatitQualityLink *it = dcatit_grow(l->items, &l->cap, l->n + 1, sizeof *it, 256);
	if (!it)
		return DCATIT_ERR_NOMEM;
	l->items = it;
	it = &l->items[l->n];
	memset(it, 0, sizeof *it);
	it->term = id;
	it->url = dcatit_strndup(dcatit_terms_str(t, id), dcatit_terms_len(t, id));
	if (!it->url)
		return DCATIT_ERR_NOMEM;
	l->n++;
	*slot = (uint32_t)l->n;
	return DCATIT_OK;
}

const DcatitQualityLink *dcatit_quality_links_find(const DcatitQualityLinks *l, DcatitTermId id)
{
	uint32_t k;
	if (!dcatit_idmap_get(&l->index, id, &k))
		return NULL;
	return &l->items[k - 1];
}

DcatitStatus dcatit_quality_links_statuses(const DcatitQualityLinks *l, DcatitIdMap *out)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].status && dcatit_idmap_put(out, l->items[i].term,
		                                           (uint32_t)l->items[i].status) < 0)
			return DCATIT_ERR_NOMEM;
	return DCATIT_OK;
}

/* The authority of an http(s) URL (lower case), or NULL when url is not
 * one we would send: another scheme, no host, spaces or control
 * characters (a URL in a catalogue is not retyped by a browser). */
static bool url_host(const char *url, char *host, size_t cap)
{
	const char *p;
	if (strncasecmp(url, "http://", 7) == 0)
		p = url + 7;
	else if (strncasecmp(url, "https://", 8) == 0)
		p = url + 8;
	else
		return false;
	for (const unsigned char *q = (const unsigned char *)url; *q; q++)
		if (*q <= 0x20 || *q == 0x7f)
			return false;
	size_t n = strcspn(p, "/?#");
	const char *at = memchr(p, '@', n);
	if (at) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	if (!n || n >= cap || *p == ':')
		return false;
	for (size_t i = 0; i < n; i++)
		host[i] = (char)tolower((unsigned char)p[i]);
	host[n] = '\0';
	return true;
}

static void set_result(DcatitQualityLink *it, int status, const char *reason, long long now,
                       bool cached)
{
	char *r = dcatit_strdup(reason ? reason : "");
	if (r) {
		free(it->reason);
		it->reason = r;
	}
	it->status = status;
	it->checked = now;
	it->cached = cached;
}

typedef struct {
	DcatitQualityLinks *l;
	DcatitHttp *h;
	const DcatitQualityLinkOpts *o;
	size_t *order;        /* items to request, interleaved by host */
	size_t norder, next;
	size_t queued;        /* submitted, not yet done */
	size_t window;
	long long now;
	DcatitStatus st;
} Run;

typedef struct {
	Run *run;
	size_t item;
	bool get;             /* the GET after a refused HEAD */
} Req;

static void feed(Run *r);
static void on_done(void *ud, const DcatitHttpResponse *resp);

static void submit(Run *r, size_t item, bool get)
{
	DcatitQualityLink *it = &r->l->items[item];
	Req *q = malloc(sizeof *q);
	if (!q) {
		r->st = DCATIT_ERR_NOMEM;
		return;
	}
	*q = (Req){ r, item, get };
	DcatitHttpRequest req;
	memset(&req, 0, sizeof req);
	req.method = get ? "GET" : "HEAD";
	req.url = it->url;
	req.no_body = true;
	req.once = true;
	req.timeout_ms = r->o->timeout_ms;
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_http_submit(r->h, &req, on_done, q, &d) != DCATIT_OK) {
		free(q);
		if (d.status == DCATIT_ERR_NOMEM)
			r->st = DCATIT_ERR_NOMEM;
		else if (d.status == DCATIT_ERR_USAGE)
			set_result(it, DCATIT_QUALITY_LINK_INVALID_URL, d.message, r->now, false);
		else /* the address policy refused it: never asked, like an
		      * unreachable host */
			set_result(it, DCATIT_QUALITY_LINK_NETWORK_ERROR, d.message, r->now, false);
		return;
	}
	r->l->requests++;
	r->queued++;
}

static void on_done(void *ud, const DcatitHttpResponse *resp)
{
	Req *q = ud;
	Run *r = q->run;
	DcatitQualityLink *it = &r->l->items[q->item];
	bool get = q->get;
	size_t item = q->item;
	free(q);
	r->queued--;
	if (resp->st == DCATIT_OK) {
		/* servers and API endpoints that refuse HEAD get a GET whose body
		 * is never read (the MQA itself notes HEAD is refused) */
		if (!get && (resp->status == 405 || resp->status == 501)) {
			submit(r, item, true);
			return;
		}
		set_result(it, (int)resp->status, "", r->now, false);
	} else if (resp->st == DCATIT_ERR_USAGE) {
		set_result(it, DCATIT_QUALITY_LINK_INVALID_URL, resp->error, r->now, false);
	} else {
		set_result(it, DCATIT_QUALITY_LINK_NETWORK_ERROR,
		           resp->error ? resp->error : dcatit_strerror(resp->st), r->now, false);
	}
	feed(r);
}

static void feed(Run *r)
{
	while (r->st == DCATIT_OK && r->queued < r->window && r->next < r->norder)
		submit(r, r->order[r->next++], false);
}

typedef struct {
	char *host;
	size_t item;
} HostKey;

static int cmp_host(const void *a, const void *b)
{
	const HostKey *x = a, *y = b;
	int c = strcmp(x->host, y->host);
	return c ? c : (x->item < y->item ? -1 : x->item > y->item);
}

/* Round robin over hosts: the first URL of every host, then the second,
 * and so on. */
static DcatitStatus interleave(Run *r, HostKey *keys, size_t n)
{
	qsort(keys, n, sizeof *keys, cmp_host);
	size_t *rank = malloc((n ? n : 1) * sizeof *rank);
	if (!rank)
		return DCATIT_ERR_NOMEM;
	size_t maxrank = 0;
	for (size_t i = 0; i < n; i++) {
		rank[i] = i && strcmp(keys[i].host, keys[i - 1].host) == 0 ? rank[i - 1] + 1 : 0;
		if (rank[i] > maxrank)
			maxrank = rank[i];
	}
	/* counting sort by rank, stable: hosts stay in name order */
	size_t *start = calloc(maxrank + 2, sizeof *start);
	if (!start) {
		free(rank);
		return DCATIT_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++)
		start[rank[i] + 1]++;
	for (size_t k = 1; k <= maxrank + 1; k++)
		start[k] += start[k - 1];
	for (size_t i = 0; i < n; i++)
		r->order[start[rank[i]]++] = keys[i].item;
	r->norder = n;
	free(start);
	free(rank);
	return DCATIT_OK;
}

DcatitStatus dcatit_quality_links_check(DcatitQualityLinks *l, const DcatitQualityLinkOpts *o,
                                        DcatitDiag *d)
{
	DcatitQualityLinkOpts opts = *o;
	if (!opts.jobs)
		opts.jobs = 16;
	if (!opts.per_host)
		opts.per_host = 4;
	if (!opts.timeout_ms)
		opts.timeout_ms = 10000;
	if (opts.max_age_days == 0)
		opts.max_age_days = 7;
	if (!opts.user_agent)
		opts.user_agent = "dcatit/" DCATIT_VERSION " (link check)";
	long long now = opts.now ? opts.now : (long long)time(NULL);
	l->requests = l->from_cache = 0;

	DcatitLinkCache cache;
	dcatit_link_cache_init(&cache);
	Run r;
	memset(&r, 0, sizeof r);
	HostKey *keys = NULL;
	size_t nkeys = 0;
	DcatitStatus st = DCATIT_OK;
	if (opts.cache_path && (st = dcatit_link_cache_load(&cache, opts.cache_path, d)) != DCATIT_OK)
		goto done;
	r.order = malloc((l->n ? l->n : 1) * sizeof *r.order);
	keys = malloc((l->n ? l->n : 1) * sizeof *keys);
	if (!r.order || !keys)
		goto oom;
	for (size_t i = 0; i < l->n; i++) {
		DcatitQualityLink *it = &l->items[i];
		const DcatitLinkCacheEntry *e = opts.cache_path ? dcatit_link_cache_get(&cache, it->url)
		                                                : NULL;
		if (e && opts.max_age_days >= 0 && e->checked <= now &&
		    (double)(now - e->checked) < opts.max_age_days * 86400.0) {
			set_result(it, e->status, e->reason, e->checked, true);
			l->from_cache++;
			continue;
		}
		char host[512];
		if (!url_host(it->url, host, sizeof host)) {
			set_result(it, DCATIT_QUALITY_LINK_INVALID_URL, _("not an http(s) URL"), now, false);
			continue;
		}
		keys[nkeys].host = dcatit_strdup(host);
		if (!keys[nkeys].host)
			goto oom;
		keys[nkeys++].item = i;
	}
	if (nkeys) {
		if (interleave(&r, keys, nkeys) != DCATIT_OK)
			goto oom;
		DcatitHttpOpts ho;
		memset(&ho, 0, sizeof ho);
		ho.jobs = opts.jobs;
		ho.per_host = opts.per_host;
		ho.timeout_ms = opts.timeout_ms;
		ho.connect_timeout_ms = opts.timeout_ms;
		ho.user_agent = opts.user_agent;
		/* HEAD answers and hung-up GETs carry no body; an error page a
		 * server still sends is cut here */
		ho.max_body = 64 * 1024;
		/* harvest's policy with no home: links may go anywhere public,
		 * and to the hosts allowed by name */
		DcatitHttpPolicy pol = { .home = NULL, .follow_hosts = opts.allow_hosts,
		                         .nfollow_hosts = opts.nallow_hosts };
		ho.policy = &pol;
		ho.max_redirects = 5;
		r.h = dcatit_http_new(&ho, d);
		if (!r.h) {
			st = d->status;
			goto done;
		}
		r.l = l;
		r.o = &opts;
		r.now = now;
		r.window = (size_t)opts.jobs * WINDOW_PER_JOB;
		r.st = DCATIT_OK;
		feed(&r);
		if (r.st == DCATIT_OK && (st = dcatit_http_run(r.h, d)) != DCATIT_OK)
			goto done;
		if (r.st != DCATIT_OK)
			goto oom;
	}
	if (opts.cache_path) {
		for (size_t i = 0; i < l->n; i++) {
			const DcatitQualityLink *it = &l->items[i];
			if (it->status && !it->cached &&
			    dcatit_link_cache_put(&cache, it->url, it->status, it->reason, it->checked) != DCATIT_OK)
				goto oom;
		}
		/* a year-old result helps nobody; drop it rather than grow */
		st = dcatit_link_cache_save(&cache, opts.cache_path, now - 366LL * 86400, d);
	}
	goto done;
oom:
	st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
done:
	dcatit_http_free(r.h);
	for (size_t i = 0; i < nkeys; i++)
		free(keys[i].host);
	free(keys);
	free(r.order);
	dcatit_link_cache_release(&cache);
	return st;
}
