/* api.c: CKAN Action API calls over DcatitHttp. Builds action URLs and
 * query strings, unwraps the envelope, turns CKAN's error dicts (and the
 * bare-string 400s) into one readable line, and keeps the token out of
 * every message. */
#include "ckan/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/str.h"

struct DcatitCkanImpl {
	DcatitHttp *http;
	char *base;   /* site URL without trailing slash */
	char *token;
	char *hdr_auth, *hdr_key;
	unsigned long writes;
};

typedef struct {
	DcatitCkan *c;
	DcatitCkanDone cb;
	void *ud;
} Call;

static char *hdr(const char *name, const char *tok)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_addf(&b, "%s: %s", name, tok);
	if (b.oom) {
		dcatit_buf_release(&b);
		return NULL;
	}
	return dcatit_buf_detach(&b);
}

DcatitCkan *dcatit_ckan_new(const DcatitCkanOpts *o, DcatitDiag *d)
{
	if (!o || !dcatit_http_url_is_allowed(o->url)) {
		dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                "the CKAN URL must start with http:// or https://");
		return NULL;
	}
	if (o->token && strpbrk(o->token, "\r\n")) {
		dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                "the API token contains a line break");
		return NULL;
	}
	/* anyone on the path reads a token sent in clear: only this machine
	 * may see it unless the caller says otherwise */
	if (o->token && *o->token && strncasecmp(o->url, "http://", 7) == 0 &&
	    !dcatit_http_url_is_loopback(o->url) && !o->allow_http) {
		dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                "the API token would travel unencrypted over '%.200s': use https://, "
		                "or --allow-http if the network is trusted", o->url);
		return NULL;
	}
	DcatitCkan *c = calloc(1, sizeof *c);
	if (!c) {
		dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	c->base = dcatit_strdup(o->url);
	if (c->base) {
		size_t n = strlen(c->base);
		while (n > 0 && c->base[n - 1] == '/')
			c->base[--n] = '\0';
	}
	bool ok = c->base != NULL;
	if (ok && o->token && *o->token) {
		c->token = dcatit_strdup(o->token);
		c->hdr_auth = hdr("Authorization", o->token);
		c->hdr_key = hdr("X-CKAN-API-Key", o->token);
		ok = c->token && c->hdr_auth && c->hdr_key;
	}
	DcatitHttpPolicy pol = { .home = c->base };
	DcatitHttpOpts ho = o->http;
	if (!ho.policy)
		ho.policy = &pol;
	if (ok)
		c->http = dcatit_http_new(&ho, d);
	if (!ok || !c->http) {
		if (!ok)
			dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		dcatit_ckan_free(c);
		return NULL;
	}
	return c;
}

static void wipe_free(char *s)
{
	if (s) {
		volatile char *p = s;
		while (*p)
			*p++ = 0;
		free(s);
	}
}

void dcatit_ckan_free(DcatitCkan *c)
{
	if (!c)
		return;
	dcatit_http_free(c->http);
	free(c->base);
	wipe_free(c->token);
	wipe_free(c->hdr_auth);
	wipe_free(c->hdr_key);
	free(c);
}

unsigned long dcatit_ckan_writes(const DcatitCkan *c)
{
	return c ? c->writes : 0;
}

unsigned long dcatit_ckan_retries(const DcatitCkan *c)
{
	return c ? dcatit_http_retries(c->http) : 0;
}

void dcatit_ckan_redact(const DcatitCkan *c, char *buf)
{
	if (!c || !c->token || !*c->token || !buf)
		return;
	size_t tl = strlen(c->token);
	char *p;
	while ((p = strstr(buf, c->token))) {
		/* "***" is never longer than a token worth the name; pad otherwise */
		size_t rl = tl < 3 ? tl : 3;
		memcpy(p, "***", rl);
		memmove(p + rl, p + tl, strlen(p + tl) + 1);
	}
}

static void add_value_text(const DcatitJson *v, DcatitBuf *out)
{
	const char *s = dcatit_json_str(v);
	if (s) {
		dcatit_buf_adds(out, s);
		return;
	}
	if (dcatit_json_is_array(v)) {
		bool all_str = true;
		for (size_t i = 0; i < dcatit_json_size(v); i++)
			if (!dcatit_json_is_string(dcatit_json_at(v, i)))
				all_str = false;
		if (all_str) {
			for (size_t i = 0; i < dcatit_json_size(v); i++) {
				if (i)
					dcatit_buf_adds(out, ", ");
				dcatit_buf_adds(out, dcatit_json_str(dcatit_json_at(v, i)));
			}
			return;
		}
	}
	char *txt = dcatit_json_dump(v, false);
	if (txt) {
		dcatit_buf_adds(out, txt);
		free(txt);
	}
}

void dcatit_ckan_error_text(const DcatitJson *error, DcatitBuf *out)
{
	if (dcatit_json_is_string(error)) {
		dcatit_buf_adds(out, dcatit_json_str(error));
		return;
	}
	const char *type = dcatit_json_get_str(error, "__type");
	const char *msg = dcatit_json_get_str(error, "message");
	if (type)
		dcatit_buf_addf(out, "%s: ", type);
	if (msg) {
		dcatit_buf_adds(out, msg);
		return;
	}
	/* field errors, in the server's key order */
	void *it = NULL;
	const char *k;
	DcatitJson *v;
	bool first = true;
	while (dcatit_json_next(error, &it, &k, &v)) {
		if (strcmp(k, "__type") == 0)
			continue;
		if (!first)
			dcatit_buf_adds(out, "; ");
		first = false;
		dcatit_buf_addf(out, "%s: ", k);
		add_value_text(v, out);
	}
	if (first && !type)
		dcatit_buf_adds(out, _("unknown error"));
}

static void on_http(void *ud, const DcatitHttpResponse *r)
{
	Call *call = ud;
	DcatitCkan *c = call->c;
	DcatitCkanReply rep = { .st = r->st, .http_status = r->status, .message = "" };
	DcatitBuf msg;
	dcatit_buf_init(&msg);
	DcatitJson *doc = NULL;
	if (r->st != DCATIT_OK) {
		dcatit_buf_adds(&msg, r->error ? r->error : dcatit_strerror(r->st));
		if (r->attempts > 1)
			dcatit_buf_addf(&msg, " (after %u attempts)", r->attempts);
	} else {
		doc = dcatit_json_parse(r->body, r->body_len, NULL);
		if (dcatit_json_is_object(doc) && dcatit_json_get(doc, "success")) {
			if (dcatit_json_is_true(dcatit_json_get(doc, "success")) && r->status == 200) {
				rep.result = dcatit_json_get(doc, "result");
			} else {
				rep.st = DCATIT_ERR_REMOTE;
				rep.error = dcatit_json_get(doc, "error");
				dcatit_ckan_error_text(rep.error, &msg);
			}
		} else if (dcatit_json_is_string(doc)) {
			/* CKAN's bare-string 400s */
			rep.st = DCATIT_ERR_REMOTE;
			dcatit_buf_adds(&msg, dcatit_json_str(doc));
		} else if (r->status >= 300 && r->status < 400) {
			rep.st = DCATIT_ERR_REMOTE;
			dcatit_buf_addf(&msg, _("HTTP %ld: the portal redirects, and requests that carry "
			                  "the API token follow no redirect; give the final URL"),
			                r->status);
		} else {
			rep.st = r->status >= 400 ? DCATIT_ERR_REMOTE : DCATIT_ERR_SYNTAX;
			dcatit_buf_addf(&msg, _("HTTP %ld: the answer is not a CKAN API response"),
			                r->status);
		}
	}
	if (msg.oom)
		rep.message = "out of memory";
	else if (msg.data) {
		dcatit_ckan_redact(c, msg.data);
		msg.len = strlen(msg.data);
		rep.message = msg.data;
	}
	if (call->cb)
		call->cb(call->ud, &rep);
	dcatit_json_free(doc);
	dcatit_buf_release(&msg);
	free(call);
}

static DcatitStatus submit(DcatitCkan *c, DcatitHttpRequest *req, DcatitCkanDone cb, void *ud,
                           DcatitDiag *d)
{
	const char *headers[4] = { NULL, NULL, NULL, NULL };
	size_t nh = 0;
	headers[nh++] = "Accept: application/json";
	if (c->token) {
		headers[nh++] = c->hdr_auth;
		headers[nh++] = c->hdr_key;
		req->secret_headers = true;
	}
	req->headers = headers;
	Call *call = calloc(1, sizeof *call);
	if (!call)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	call->c = c;
	call->cb = cb;
	call->ud = ud;
	DcatitStatus st = dcatit_http_submit(c->http, req, on_http, call, d);
	if (st != DCATIT_OK)
		free(call);
	return st;
}

static bool action_url(DcatitCkan *c, DcatitBuf *u, const char *action)
{
	dcatit_buf_addf(u, "%s/api/3/action/", c->base);
	dcatit_http_escape(u, action);
	return !u->oom;
}

DcatitStatus dcatit_ckan_call(DcatitCkan *c, const char *action, const DcatitJson *params,
                              bool write, DcatitCkanDone cb, void *ud, DcatitDiag *d)
{
	DcatitBuf u;
	dcatit_buf_init(&u);
	action_url(c, &u, action);
	DcatitHttpRequest req = { 0 };
	char *body = NULL;
	if (write) {
		body = params ? dcatit_json_dump(params, false) : NULL;
		if (!body && params) {
			dcatit_buf_release(&u);
			return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		}
		req.method = "POST";
		req.content_type = "application/json";
		req.body = body ? body : "{}";
		req.body_len = strlen(req.body);
		c->writes++;
	} else {
		req.method = "GET";
		void *it = NULL;
		const char *k;
		DcatitJson *v;
		char sep = '?';
		while (dcatit_json_next(params, &it, &k, &v)) {
			dcatit_buf_addc(&u, sep);
			sep = '&';
			dcatit_http_escape(&u, k);
			dcatit_buf_addc(&u, '=');
			const char *s = dcatit_json_str(v);
			if (s) {
				dcatit_http_escape(&u, s);
			} else {
				char *txt = dcatit_json_dump(v, false);
				if (txt)
					dcatit_http_escape(&u, txt);
				free(txt);
			}
		}
	}
	if (u.oom) {
		free(body);
		dcatit_buf_release(&u);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	req.url = u.data;
	DcatitStatus st = submit(c, &req, cb, ud, d);
	free(body);
	dcatit_buf_release(&u);
	return st;
}

DcatitStatus dcatit_ckan_upload(DcatitCkan *c, const char *action, const DcatitHttpPart *parts,
                                size_t nparts, DcatitCkanDone cb, void *ud, DcatitDiag *d)
{
	DcatitBuf u;
	dcatit_buf_init(&u);
	if (!action_url(c, &u, action)) {
		dcatit_buf_release(&u);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	DcatitHttpRequest req = { .method = "POST", .url = u.data, .parts = parts,
	                          .nparts = nparts };
	c->writes++;
	DcatitStatus st = submit(c, &req, cb, ud, d);
	dcatit_buf_release(&u);
	return st;
}

DcatitStatus dcatit_ckan_run(DcatitCkan *c, DcatitDiag *d)
{
	return dcatit_http_run(c->http, d);
}
