/* http.h: HTTP client for the CKAN API and harvesting. The only user of
 * libcurl: one multi handle, N parallel transfers over kept-alive
 * HTTP/1.1 connections, timeouts, bounded retries with exponential backoff
 * and jitter (connection errors, 429, 5xx, honouring Retry-After), only
 * http/https (redirects included), TLS verification on, a cap on response
 * bodies, and credentials never sent on a redirect. */
#ifndef DCATIT_HTTP_H
#define DCATIT_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"

typedef struct DcatitHttpImpl DcatitHttp;

/* Client options; zero-initialise: every 0 means the default. */
typedef struct {
	unsigned jobs;            /* parallel transfers (4) */
	long connect_timeout_ms;  /* (10000) */
	long timeout_ms;          /* whole transfer of one attempt (120000) */
	unsigned max_retries;     /* retries after the first attempt (6) */
	long backoff_base_ms;     /* first backoff (200), doubled each retry */
	long backoff_max_ms;      /* cap of one backoff (30000); Retry-After is
	                             obeyed up to 120 s */
	size_t max_body;          /* response body cap in bytes (64 MiB), counted
	                             after content decoding: a gzip bomb stops
	                             at the cap too */
	const char *user_agent;   /* ("dcatit") */
	unsigned long seed;       /* jitter seed (0: from the clock) */
} DcatitHttpOpts;

/* One part of a multipart/form-data body: a field (value) or a file. */
typedef struct {
	const char *name;
	const char *value;    /* field text, when file is NULL */
	const char *file;     /* path of a file to upload */
	const char *filename; /* name sent for the file (default: basename) */
	const char *type;     /* content type of the file part (optional) */
} DcatitHttpPart;

/* A request; everything is copied by dcatit_http_submit. */
typedef struct {
	const char *method;           /* "GET" (default), "POST" */
	const char *url;
	const char *const *headers;   /* "Name: value" strings, NULL-terminated */
	bool secret_headers;          /* headers carry credentials: never follow
	                                 a redirect with them (3xx is returned) */
	const char *content_type;     /* of body */
	const char *body;
	size_t body_len;
	const DcatitHttpPart *parts;  /* multipart/form-data instead of body */
	size_t nparts;
} DcatitHttpRequest;

/* What a finished request got. Pointers are borrowed for the callback. */
typedef struct {
	DcatitStatus st;          /* OK when a response arrived (any status) */
	long status;              /* HTTP status, 0 without a response */
	const char *body;         /* NUL-terminated */
	size_t body_len;
	const char *content_type; /* "" when none */
	unsigned attempts;
	const char *error;        /* transport error text when st != OK */
	const char *etag;         /* ETag response header, "" when none */
	const char *last_modified;/* Last-Modified response header, "" when none */
} DcatitHttpResponse;

/* Called once per submitted request, from dcatit_http_run. May submit. */
typedef void (*DcatitHttpDone)(void *ud, const DcatitHttpResponse *r);

/* A new client (initialises libcurl); caller frees; NULL with d set. */
DcatitHttp *dcatit_http_new(const DcatitHttpOpts *opts, DcatitDiag *d);
/* Free the client and abandon queued requests; NULL is a no-op. */
void dcatit_http_free(DcatitHttp *h);
/* Queue a request; cb runs when it is done. DCATIT_ERR_USAGE for a URL
 * that is not http(s), DCATIT_ERR_NOMEM. */
DcatitStatus dcatit_http_submit(DcatitHttp *h, const DcatitHttpRequest *req,
                                DcatitHttpDone cb, void *ud, DcatitDiag *d);
/* Run transfers until no request is queued or running. */
DcatitStatus dcatit_http_run(DcatitHttp *h, DcatitDiag *d);
/* Retries made so far (for tests and verbose output). */
unsigned long dcatit_http_retries(const DcatitHttp *h);
/* Does url start with http:// or https:// (case-insensitive)? */
bool dcatit_http_url_is_allowed(const char *url);
/* Append s to b percent-encoded for a URL path segment or query value:
 * everything but the unreserved A-Z a-z 0-9 - . _ ~ (RFC 3986), by
 * libcurl; sets b->oom on out of memory. */
void dcatit_http_escape(DcatitBuf *b, const char *s);

#endif
