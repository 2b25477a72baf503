/* src_ckan.c: package_search paging for harvest. The first page gives the
 * count; the other pages are then queued at once with their start offsets
 * and come back in any order (records are independent). `id asc` keeps
 * the order stable while the portal is edited; a page that comes back full
 * at the end of the planned range means the portal grew: one more page is
 * asked for. De-duplication by id is the driver's (stems). */
#include "harvest/src_ckan.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "ckan/map.h"
#include "base/json.h"

typedef struct {
	DcatitHttp *h;
	const DcatitHarvestSource *src;
	DcatitHarvestRecordFn fn;
	void *ud;
	DcatitHarvestFetch *f;
	DcatitDiag *d;          /* first failure */
	DcatitStatus st;
	long long count;        /* from the first page, -1 before */
	long long next_start;   /* first start not yet queued */
	long long received;     /* results over all pages */
	unsigned submitted;     /* pages asked for */
	DcatitCkanBackOpts mopts;
} Ctx;

typedef struct {
	Ctx *c;
	long long start;
} Page;

static void fail(Ctx *c, DcatitStatus st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(Ctx *c, DcatitStatus st, const char *fmt, ...)
{
	if (c->st != DCATIT_OK)
		return; /* keep the first failure */
	c->st = st;
	va_list ap;
	va_start(ap, fmt);
	dcatit_diag_vset(c->d, st, NULL, 0, 0, fmt, ap);
	va_end(ap);
}

static void on_page(void *ud, const DcatitHttpResponse *r);

static void submit(Ctx *c, long long start)
{
	/* a count of 10^12 must not turn into 10^9 queued requests */
	if (c->submitted >= c->src->max_pages) {
		fail(c, DCATIT_ERR_LIMIT, "more than %u pages of %u rows (limits.max_pages): "
		     "stopped at start=%lld", c->src->max_pages, c->src->page_size, start);
		return;
	}
	c->submitted++;
	Page *pg = malloc(sizeof *pg);
	DcatitBuf u, fq;
	dcatit_buf_init(&u);
	dcatit_buf_init(&fq);
	if (c->src->organization)
		dcatit_buf_addf(&fq, "organization:%s", c->src->organization);
	if (c->src->fq)
		dcatit_buf_addf(&fq, "%s%s", fq.len ? " AND " : "", c->src->fq);
	const char *base = c->src->url;
	size_t bl = strlen(base);
	while (bl && base[bl - 1] == '/')
		bl--;
	dcatit_buf_add(&u, base, bl);
	dcatit_buf_addf(&u, "/api/3/action/package_search?q=%%2A%%3A%%2A&sort=id%%20asc"
	                "&rows=%u&start=%lld", c->src->page_size, start);
	if (fq.len) {
		dcatit_buf_adds(&u, "&fq=");
		dcatit_http_escape(&u, fq.data);
	}
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (!pg || u.oom || fq.oom) {
		free(pg);
		fail(c, DCATIT_ERR_NOMEM, "out of memory");
	} else {
		pg->c = c;
		pg->start = start;
		DcatitHttpRequest req = { .method = "GET", .url = u.data };
		const char *hdrs[] = { "Accept: application/json", NULL };
		req.headers = hdrs;
		if (dcatit_http_submit(c->h, &req, on_page, pg, &d) != DCATIT_OK) {
			free(pg);
			fail(c, d.status, "%s", d.message);
		} else if (start + c->src->page_size > c->next_start) {
			c->next_start = start + c->src->page_size;
		}
	}
	dcatit_buf_release(&u);
	dcatit_buf_release(&fq);
}

/* A short excerpt of a body for an error message: printable ASCII only. */
static void excerpt(const char *s, size_t n, char *out, size_t cap)
{
	size_t j = 0;
	for (size_t i = 0; i < n && j + 1 < cap && j < 120; i++) {
		unsigned char ch = (unsigned char)s[i];
		out[j++] = (ch >= 32 && ch < 127) ? (char)ch : ' ';
	}
	out[j] = '\0';
}

static void on_page(void *ud, const DcatitHttpResponse *r)
{
	Page *pg = ud;
	Ctx *c = pg->c;
	long long start = pg->start;
	free(pg);
	if (c->st != DCATIT_OK)
		return;
	c->f->pages_fetched++;
	if (r->st == DCATIT_ERR_LIMIT) {
		fail(c, r->st, "package_search start=%lld: response body exceeds the size limit "
		     "of %zu MiB (limits.max_body_mb)", start, c->src->max_body >> 20);
		return;
	}
	if (r->st != DCATIT_OK) {
		fail(c, r->st, "package_search start=%lld: %s", start,
		     r->error ? r->error : dcatit_strerror(r->st));
		return;
	}
	if (r->status != 200) {
		char ex[160];
		excerpt(r->body, r->body_len, ex, sizeof ex);
		fail(c, DCATIT_ERR_REMOTE, "package_search start=%lld: HTTP %ld: %s", start,
		     r->status, ex);
		return;
	}
	DcatitDiag jd;
	dcatit_diag_init(&jd);
	DcatitJson *doc = dcatit_json_parse(r->body, r->body_len, &jd);
	if (!doc) {
		fail(c, DCATIT_ERR_SYNTAX, "package_search start=%lld: not JSON (%s)", start,
		     jd.message);
		return;
	}
	DcatitJson *res = dcatit_json_get(doc, "result");
	DcatitJson *results = dcatit_json_get(res, "results");
	long long count = -1;
	if (!dcatit_json_is_true(dcatit_json_get(doc, "success")) ||
	    !dcatit_json_int(dcatit_json_get(res, "count"), &count) ||
	    !dcatit_json_is_array(results)) {
		dcatit_json_free(doc);
		fail(c, DCATIT_ERR_REMOTE, "package_search start=%lld: not a package_search "
		     "result", start);
		return;
	}
	size_t n = dcatit_json_size(results);
	c->received += (long long)n;
	if (c->count < 0) {
		c->count = count;
		for (long long s = c->next_start; s < count && c->st == DCATIT_OK;
		     s += c->src->page_size)
			submit(c, s);
	} else if (count != c->count) {
		/* the portal changed under us: paging may skip or repeat */
		c->f->cut_short = true;
	}
	/* a full last page: the portal grew since the first page */
	if (n == c->src->page_size && start + (long long)n >= c->next_start &&
	    c->st == DCATIT_OK)
		submit(c, c->next_start);
	for (size_t i = 0; i < n && c->st == DCATIT_OK; i++) {
		DcatitJson *pkg = dcatit_json_at(results, i);
		const char *id = dcatit_json_get_str(pkg, "id");
		if (!id || !*id) {
			c->f->rejected++;
			dcatit_buf_addf(&c->f->warnings, _("package_search start=%lld: result %zu "
			                  "has no id\n"), start, i);
			continue;
		}
		if (strlen(id) != dcatit_json_strlen(dcatit_json_get(pkg, "id"))) {
			/* "a\u0000b" would be record "a": another package's identity */
			c->f->rejected++;
			dcatit_buf_addf(&c->f->warnings, _("package_search start=%lld: result %zu: the "
			                  "id ('%s...') contains a NUL character: skipped\n"), start, i, id);
			continue;
		}
		DcatitModel *m = dcatit_model_new(c->f->terms);
		if (!m) {
			fail(c, DCATIT_ERR_NOMEM, "out of memory");
			break;
		}
		DcatitDiag md;
		dcatit_diag_init(&md);
		if (dcatit_ckan_map_package(m, pkg, &c->mopts, NULL, &md) != DCATIT_OK) {
			c->f->rejected++;
			dcatit_buf_addf(&c->f->warnings, "package %s: %s\n", id, md.message);
		} else {
			DcatitDiag rd;
			dcatit_diag_init(&rd);
			DcatitStatus st = c->fn(c->ud, id, m, &rd);
			if (st != DCATIT_OK)
				fail(c, st, "package %s: %s", id, rd.message);
		}
		dcatit_model_free(m);
	}
	dcatit_json_free(doc);
}

DcatitStatus dcatit_src_ckan_harvest(DcatitHttp *h, const DcatitHarvestSource *src,
                                     DcatitHarvestRecordFn fn, void *ud,
                                     DcatitHarvestFetch *f, DcatitDiag *d)
{
	Ctx c = { .h = h, .src = src, .fn = fn, .ud = ud, .f = f, .d = d,
	          .st = DCATIT_OK, .count = -1 };
	c.mopts.site_url = src->url;
	c.mopts.lang = src->lang;
	submit(&c, 0);
	DcatitDiag rd;
	dcatit_diag_init(&rd);
	if (dcatit_http_run(h, &rd) != DCATIT_OK)
		fail(&c, rd.status, "%s", rd.message);
	if (c.st == DCATIT_OK && c.received < c.count) {
		f->cut_short = true;
		dcatit_buf_addf(&f->warnings, _("the portal announced %lld datasets but "
		                  "%lld came back: no record is removed this run\n"),
		                c.count, c.received);
	}
	return c.st;
}
