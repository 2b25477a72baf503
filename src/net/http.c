/* http.c: the libcurl multi loop behind DcatitHttp. Each attempt of a
 * request gets a fresh easy handle (the multi handle's connection cache
 * keeps the connections alive between them); a failed attempt that may
 * succeed later goes back to the queue with a due time. */
#include "net/http.h"

#include <curl/curl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/buf.h"
#include "base/str.h"

/* A server's Retry-After is obeyed up to this long, even past the backoff
 * cap: asking sooner only earns another 429. */
#define RETRY_AFTER_MAX_MS 120000L

typedef struct Transfer {
	struct Transfer *next;      /* queue link */
	char *method, *url, *content_type;
	char *body;
	size_t body_len;
	struct curl_slist *headers;
	bool secret;
	DcatitHttpPart *parts;
	size_t nparts;
	DcatitHttpDone cb;
	void *ud;
	unsigned attempts;
	long long due_ms;
	/* per attempt */
	CURL *easy;
	curl_mime *mime;
	DcatitBuf resp;
	bool too_big;
	char ctype[128];
	char etag[256];
	char last_modified[64];
	long retry_after_ms;        /* -1 when none */
	char errbuf[CURL_ERROR_SIZE];
	struct DcatitHttpImpl *owner;
} Transfer;

struct DcatitHttpImpl {
	DcatitHttpOpts o;
	CURLM *multi;
	Transfer *queue;            /* waiting, any order */
	size_t running;
	uint64_t rng;
	unsigned long retries;
};

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static uint64_t rnd(DcatitHttp *h)
{
	/* xorshift64*: jitter only, no need for more */
	h->rng ^= h->rng >> 12;
	h->rng ^= h->rng << 25;
	h->rng ^= h->rng >> 27;
	return h->rng * 2685821657736338717ULL;
}

bool dcatit_http_url_is_allowed(const char *url)
{
	return url && (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0);
}

void dcatit_http_escape(DcatitBuf *b, const char *s)
{
	size_t n = strlen(s);
	/* curl takes an int length; 0 would mean "use strlen" */
	char *e = n <= INT_MAX ? curl_easy_escape(NULL, s, (int)n) : NULL;
	if (!e) {
		b->oom = true;
		return;
	}
	dcatit_buf_adds(b, e);
	curl_free(e);
}

static void transfer_free(Transfer *t)
{
	if (!t)
		return;
	if (t->easy)
		curl_easy_cleanup(t->easy);
	curl_mime_free(t->mime);
	free(t->method);
	free(t->url);
	free(t->content_type);
	free(t->body);
	curl_slist_free_all(t->headers);
	for (size_t i = 0; i < t->nparts; i++) {
		free((char *)t->parts[i].name);
		free((char *)t->parts[i].value);
		free((char *)t->parts[i].file);
		free((char *)t->parts[i].filename);
		free((char *)t->parts[i].type);
	}
	free(t->parts);
	dcatit_buf_release(&t->resp);
	free(t);
}

DcatitHttp *dcatit_http_new(const DcatitHttpOpts *opts, DcatitDiag *d)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		dcatit_diag_set(d, DCATIT_ERR_NETWORK, NULL, 0, 0, "cannot initialise libcurl");
		return NULL;
	}
	DcatitHttp *h = calloc(1, sizeof *h);
	if (!h) {
		curl_global_cleanup();
		dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	if (opts)
		h->o = *opts;
	if (!h->o.jobs)
		h->o.jobs = 4;
	if (!h->o.connect_timeout_ms)
		h->o.connect_timeout_ms = 10000;
	if (!h->o.timeout_ms)
		h->o.timeout_ms = 120000;
	if (!h->o.max_retries)
		h->o.max_retries = 6;
	if (!h->o.backoff_base_ms)
		h->o.backoff_base_ms = 200;
	if (!h->o.backoff_max_ms)
		h->o.backoff_max_ms = 30000;
	if (!h->o.max_body)
		h->o.max_body = (size_t)64 << 20;
	if (!h->o.user_agent)
		h->o.user_agent = "dcatit";
	h->rng = h->o.seed ? h->o.seed : (uint64_t)now_ms() * 0x9E3779B97F4A7C15ULL;
	if (!h->rng)
		h->rng = 88172645463325252ULL;
	h->multi = curl_multi_init();
	if (!h->multi) {
		free(h);
		curl_global_cleanup();
		dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "cannot create a curl multi handle");
		return NULL;
	}
	/* Cap on connections to one host = jobs, so --jobs is what the server sees. */
	curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)h->o.jobs);
	curl_multi_setopt(h->multi, CURLMOPT_MAXCONNECTS, (long)h->o.jobs + 2);
	return h;
}

void dcatit_http_free(DcatitHttp *h)
{
	if (!h)
		return;
	Transfer *t = h->queue;
	while (t) {
		Transfer *n = t->next;
		transfer_free(t);
		t = n;
	}
	/* running transfers are only left after an aborted run */
	curl_multi_cleanup(h->multi);
	free(h);
	curl_global_cleanup();
}

unsigned long dcatit_http_retries(const DcatitHttp *h)
{
	return h ? h->retries : 0;
}

DcatitStatus dcatit_http_submit(DcatitHttp *h, const DcatitHttpRequest *req,
                                DcatitHttpDone cb, void *ud, DcatitDiag *d)
{
	if (!dcatit_http_url_is_allowed(req->url))
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                       "only http and https URLs are allowed");
	Transfer *t = calloc(1, sizeof *t);
	if (!t)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	t->owner = h;
	t->method = dcatit_strdup(req->method ? req->method : "GET");
	t->url = dcatit_strdup(req->url);
	t->content_type = dcatit_strdup(req->content_type);
	t->body = req->body ? dcatit_strndup(req->body, req->body_len) : NULL;
	t->body_len = req->body_len;
	t->secret = req->secret_headers;
	t->cb = cb;
	t->ud = ud;
	dcatit_buf_init(&t->resp);
	bool ok = t->method && t->url && (!req->content_type || t->content_type) &&
	          (!req->body || t->body);
	for (size_t i = 0; ok && req->headers && req->headers[i]; i++) {
		struct curl_slist *n = curl_slist_append(t->headers, req->headers[i]);
		if (!n)
			ok = false;
		else
			t->headers = n;
	}
	if (ok && t->content_type) {
		DcatitBuf b;
		dcatit_buf_init(&b);
		dcatit_buf_addf(&b, "Content-Type: %s", t->content_type);
		struct curl_slist *n = b.oom ? NULL : curl_slist_append(t->headers, b.data);
		dcatit_buf_release(&b);
		if (!n)
			ok = false;
		else
			t->headers = n;
	}
	if (ok) {
		/* no "Expect: 100-continue" round trip on POST */
		struct curl_slist *n = curl_slist_append(t->headers, "Expect:");
		if (!n)
			ok = false;
		else
			t->headers = n;
	}
	if (ok && req->nparts) {
		t->parts = calloc(req->nparts, sizeof *t->parts);
		ok = t->parts != NULL;
		for (size_t i = 0; ok && i < req->nparts; i++) {
			const DcatitHttpPart *p = &req->parts[i];
			DcatitHttpPart *q = &t->parts[i];
			t->nparts = i + 1;
			q->name = dcatit_strdup(p->name);
			q->value = dcatit_strdup(p->value);
			q->file = dcatit_strdup(p->file);
			q->filename = dcatit_strdup(p->filename);
			q->type = dcatit_strdup(p->type);
			ok = q->name && (!p->value || q->value) && (!p->file || q->file) &&
			     (!p->filename || q->filename) && (!p->type || q->type);
		}
	}
	if (!ok) {
		transfer_free(t);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	t->due_ms = 0;
	t->next = h->queue;
	h->queue = t;
	return DCATIT_OK;
}

static size_t on_body(char *p, size_t sz, size_t n, void *ud)
{
	Transfer *t = ud;
	size_t len = sz * n;
	if (t->resp.len + len > t->owner->o.max_body) {
		t->too_big = true;
		return 0;
	}
	if (!dcatit_buf_add(&t->resp, p, len))
		return 0;
	return len;
}

static void trim_copy(char *dst, size_t cap, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == '\r' || s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static long parse_retry_after(const char *v)
{
	if (!*v)
		return -1;
	if (v[0] >= '0' && v[0] <= '9') {
		char *end;
		long s = strtol(v, &end, 10);
		if (s < 0 || (*end && *end != ' '))
			return -1;
		return s > 86400 ? 86400000L : s * 1000L;
	}
	time_t when = curl_getdate(v, NULL);
	if (when == (time_t)-1)
		return -1;
	double diff = difftime(when, time(NULL));
	if (diff < 0)
		return 0;
	return diff > 86400 ? 86400000L : (long)diff * 1000L;
}

static size_t on_header(char *p, size_t sz, size_t n, void *ud)
{
	Transfer *t = ud;
	size_t len = sz * n;
	if (len >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		/* a new response (after a redirect or 100): forget the last one's */
		t->ctype[0] = '\0';
		t->etag[0] = '\0';
		t->last_modified[0] = '\0';
		t->retry_after_ms = -1;
	} else if (len > 5 && strncasecmp(p, "ETag:", 5) == 0) {
		trim_copy(t->etag, sizeof t->etag, p + 5, len - 5);
	} else if (len > 14 && strncasecmp(p, "Last-Modified:", 14) == 0) {
		trim_copy(t->last_modified, sizeof t->last_modified, p + 14, len - 14);
	} else if (len > 13 && strncasecmp(p, "Content-Type:", 13) == 0) {
		trim_copy(t->ctype, sizeof t->ctype, p + 13, len - 13);
	} else if (len > 12 && strncasecmp(p, "Retry-After:", 12) == 0) {
		char v[64];
		trim_copy(v, sizeof v, p + 12, len - 12);
		t->retry_after_ms = parse_retry_after(v);
	}
	return len;
}

static bool start(DcatitHttp *h, Transfer *t)
{
	CURL *e = curl_easy_init();
	if (!e)
		return false;
	t->easy = e;
	dcatit_buf_clear(&t->resp);
	t->too_big = false;
	t->ctype[0] = '\0';
	t->etag[0] = '\0';
	t->last_modified[0] = '\0';
	t->retry_after_ms = -1;
	t->errbuf[0] = '\0';
	t->attempts++;
	bool ok = true;
#define SET(opt, val) ok = ok && curl_easy_setopt(e, opt, val) == CURLE_OK
	SET(CURLOPT_URL, t->url);
	SET(CURLOPT_PRIVATE, (void *)t);
	SET(CURLOPT_ERRORBUFFER, t->errbuf);
	SET(CURLOPT_PROTOCOLS_STR, "http,https");
	SET(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	SET(CURLOPT_SSL_VERIFYPEER, 1L);
	SET(CURLOPT_SSL_VERIFYHOST, 2L);
	SET(CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_CONNECTTIMEOUT_MS, h->o.connect_timeout_ms);
	SET(CURLOPT_TIMEOUT_MS, h->o.timeout_ms);
	SET(CURLOPT_USERAGENT, h->o.user_agent);
	SET(CURLOPT_ACCEPT_ENCODING, "");
	SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)h->o.max_body);
	SET(CURLOPT_WRITEFUNCTION, on_body);
	SET(CURLOPT_WRITEDATA, (void *)t);
	SET(CURLOPT_HEADERFUNCTION, on_header);
	SET(CURLOPT_HEADERDATA, (void *)t);
	/* Credentials travel in custom headers, which curl would resend to
	 * any host a redirect names: requests that carry them follow none. */
	SET(CURLOPT_FOLLOWLOCATION, t->secret ? 0L : 1L);
	SET(CURLOPT_MAXREDIRS, 5L);
	SET(CURLOPT_UNRESTRICTED_AUTH, 0L);
	SET(CURLOPT_HTTPHEADER, t->headers);
	if (t->nparts) {
		t->mime = curl_mime_init(e);
		ok = ok && t->mime;
		for (size_t i = 0; ok && i < t->nparts; i++) {
			const DcatitHttpPart *p = &t->parts[i];
			curl_mimepart *mp = curl_mime_addpart(t->mime);
			ok = mp && curl_mime_name(mp, p->name) == CURLE_OK;
			if (ok && p->file) {
				ok = curl_mime_filedata(mp, p->file) == CURLE_OK;
				if (ok && p->filename)
					ok = curl_mime_filename(mp, p->filename) == CURLE_OK;
				if (ok && p->type)
					ok = curl_mime_type(mp, p->type) == CURLE_OK;
			} else if (ok) {
				ok = curl_mime_data(mp, p->value ? p->value : "", CURL_ZERO_TERMINATED) == CURLE_OK;
			}
		}
		SET(CURLOPT_MIMEPOST, t->mime);
	} else if (strcmp(t->method, "POST") == 0) {
		SET(CURLOPT_POST, 1L);
		SET(CURLOPT_POSTFIELDS, t->body ? t->body : "");
		SET(CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(t->body ? t->body_len : 0));
	} else if (strcmp(t->method, "GET") != 0) {
		SET(CURLOPT_CUSTOMREQUEST, t->method);
	}
#undef SET
	if (!ok || curl_multi_add_handle(h->multi, e) != CURLM_OK) {
		curl_easy_cleanup(e);
		t->easy = NULL;
		curl_mime_free(t->mime);
		t->mime = NULL;
		return false;
	}
	h->running++;
	return true;
}

static void finish(Transfer *t, DcatitStatus st, long status, const char *err)
{
	DcatitHttpResponse r = {
		.st = st,
		.status = status,
		.body = t->resp.data ? t->resp.data : "",
		.body_len = t->resp.len,
		.content_type = t->ctype,
		.attempts = t->attempts,
		.error = err,
		.etag = t->etag,
		.last_modified = t->last_modified,
	};
	if (t->cb)
		t->cb(t->ud, &r);
	transfer_free(t);
}

static bool retryable_code(CURLcode c)
{
	switch (c) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_HTTP2:
		return true;
	default:
		return false;
	}
}

static void requeue(DcatitHttp *h, Transfer *t)
{
	/* exponential backoff, full jitter in [base/2, base] */
	long long wait = h->o.backoff_base_ms;
	for (unsigned i = 1; i < t->attempts && wait < h->o.backoff_max_ms; i++)
		wait *= 2;
	if (wait > h->o.backoff_max_ms)
		wait = h->o.backoff_max_ms;
	wait = wait / 2 + (long long)(rnd(h) % (uint64_t)(wait / 2 + 1));
	if (t->retry_after_ms >= 0) {
		long long ra = t->retry_after_ms;
		if (ra > RETRY_AFTER_MAX_MS)
			ra = RETRY_AFTER_MAX_MS;
		if (ra > wait)
			wait = ra;
	}
	curl_mime_free(t->mime);
	t->mime = NULL;
	t->due_ms = now_ms() + wait;
	t->next = h->queue;
	h->queue = t;
	h->retries++;
}

static void done(DcatitHttp *h, CURLMsg *m)
{
	Transfer *t = NULL;
	curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&t);
	CURLcode rc = m->data.result;
	long status = 0;
	curl_easy_getinfo(m->easy_handle, CURLINFO_RESPONSE_CODE, &status);
	curl_multi_remove_handle(h->multi, m->easy_handle);
	curl_easy_cleanup(m->easy_handle);
	t->easy = NULL;
	h->running--;
	bool can_retry = t->attempts <= h->o.max_retries;
	if (rc != CURLE_OK) {
		if (t->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
			finish(t, DCATIT_ERR_LIMIT, status, "response body exceeds the size limit");
			return;
		}
		if (retryable_code(rc) && can_retry) {
			requeue(h, t);
			return;
		}
		char msg[CURL_ERROR_SIZE + 64];
		snprintf(msg, sizeof msg, "%s", t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc));
		finish(t, DCATIT_ERR_NETWORK, 0, msg);
		return;
	}
	if ((status == 429 || status == 502 || status == 503 || status == 504 ||
	     status == 500) && can_retry) {
		requeue(h, t);
		return;
	}
	finish(t, DCATIT_OK, status, NULL);
}

DcatitStatus dcatit_http_run(DcatitHttp *h, DcatitDiag *d)
{
	while (h->queue || h->running) {
		long long now = now_ms();
		long long next_due = -1;
		/* start what is due, oldest first is not needed: CKAN writes are
		 * independent, and a retried one waits its backoff anyway */
		Transfer **pp = &h->queue;
		while (*pp && h->running < h->o.jobs) {
			Transfer *t = *pp;
			if (t->due_ms <= now) {
				*pp = t->next;
				t->next = NULL;
				if (!start(h, t)) {
					finish(t, DCATIT_ERR_NOMEM, 0, "cannot start a transfer");
					pp = &h->queue; /* callback may have changed the queue */
				}
			} else {
				pp = &t->next;
			}
		}
		for (Transfer *t = h->queue; t; t = t->next)
			if (next_due < 0 || t->due_ms < next_due)
				next_due = t->due_ms;
		int still = 0;
		if (curl_multi_perform(h->multi, &still) != CURLM_OK)
			return dcatit_diag_set(d, DCATIT_ERR_NETWORK, NULL, 0, 0, "curl multi failure");
		CURLMsg *m;
		int left;
		bool any = false;
		while ((m = curl_multi_info_read(h->multi, &left))) {
			if (m->msg == CURLMSG_DONE) {
				done(h, m);
				any = true;
			}
		}
		if (any)
			continue;
		long wait = 1000;
		if (next_due >= 0 && (h->running < h->o.jobs || !h->running)) {
			long long w = next_due - now_ms();
			wait = w < 0 ? 0 : (w > 1000 ? 1000 : (long)w);
		}
		if (h->running) {
			if (curl_multi_poll(h->multi, NULL, 0, (int)wait, NULL) != CURLM_OK)
				return dcatit_diag_set(d, DCATIT_ERR_NETWORK, NULL, 0, 0, "curl poll failure");
		} else if (wait > 0) {
			struct timespec ts = { wait / 1000, (wait % 1000) * 1000000L };
			nanosleep(&ts, NULL);
		}
	}
	return DCATIT_OK;
}
