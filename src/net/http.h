/* http.h: HTTP client for the CKAN API and harvesting. The only user of
 * libcurl: one multi handle, N parallel transfers over kept-alive
 * HTTP/1.1 connections, timeouts, bounded retries with exponential backoff
 * and jitter (connection errors, 429, 5xx, honouring Retry-After), only
 * http/https (redirects included), TLS verification on, a cap on response
 * bodies, credentials never sent on a redirect, and a policy of where
 * requests, redirects and links may lead (DcatitHttpPolicy): a source's own
 * host unless it names others, and no loopback, link-local or private
 * address unless the source itself is one, checked on the address each
 * connection really goes to. */
#ifndef DCATIT_HTTP_H
#define DCATIT_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"

typedef struct DcatitHttpImpl DcatitHttp;

/* The kind of an IP address, for the policy below. */
typedef enum {
	DCATIT_ADDR_UNKNOWN = 0,  /* not an address (a name), or not known yet */
	DCATIT_ADDR_PUBLIC,
	DCATIT_ADDR_PRIVATE,      /* 10/8, 172.16/12, 192.168/16, 100.64/10
	                             (carrier NAT), fc00::/7 */
	DCATIT_ADDR_LINK_LOCAL,   /* 169.254/16 (cloud metadata services),
	                             fe80::/10 */
	DCATIT_ADDR_LOOPBACK,     /* 127/8, ::1, 0/8 (reaches this host) */
	DCATIT_ADDR_SPECIAL,      /* multicast, reserved, broadcast, :: */
} DcatitAddrKind;

/* Where requests may go. A harvest source sets home to its URL; a link
 * checker leaves home NULL and gets the address rule alone.
 * - Host rule (with home): every request, redirect and followed link stays
 *   on home's host and port (http -> https on the default ports allowed),
 *   or goes to a host of follow_hosts; https never redirects to http.
 * - Address rule: a connection to a non-public address (loopback,
 *   link-local, private, special) is refused unless home itself is of that
 *   kind or the host is in follow_hosts. It is checked on the address each
 *   connection really goes to (a name may resolve to 169.254.169.254),
 *   and on literal addresses in URLs before any connection. Through a
 *   proxy (http_proxy, https_proxy, all_proxy) the proxy resolves names:
 *   then only the URL is checked. */
typedef struct {
	const char *home;                /* URL of the source, or NULL */
	const char *const *follow_hosts; /* "host" (any port) or "host:port"
	                                    ("[v6]:port"); case-insensitive */
	size_t nfollow_hosts;
	DcatitAddrKind home_kind;        /* kind of home's address; UNKNOWN:
	                                    that of the first connection to
	                                    home's host (known at once for a
	                                    literal address or localhost) */
} DcatitHttpPolicy;

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
	const DcatitHttpPolicy *policy; /* copied; NULL: any http(s) URL */
	const char *const *resolve;     /* NULL-terminated "HOST:PORT:ADDRESS"
	                                   pins (curl's CURLOPT_RESOLVE), for
	                                   tests: a name mapped to 127.0.0.1 */
	unsigned max_redirects;   /* redirects followed per request (5) */
	unsigned per_host;        /* parallel transfers to one host:port (jobs);
	                             the others wait in the queue, so a slow
	                             host does not hold up the rest */
} DcatitHttpOpts;

/* One part of a multipart/form-data body: a field (value) or the content
 * of an open file. The module never opens a path itself: the caller opens
 * and checks the file and uploads what it checked. */
typedef struct {
	const char *name;
	const char *value;    /* field text, when filename is NULL */
	const char *filename; /* non-NULL: a file part with this name, its
	                         content read from fd */
	int fd;               /* with filename: an open regular file, read
	                         with pread from offset 0 (so retries resend
	                         it whole); duplicated by dcatit_http_submit,
	                         the caller keeps its own */
	long long size;       /* with filename: bytes to send from fd */
	const char *type;     /* content type of the file part (optional) */
} DcatitHttpPart;

/* A request; everything is copied by dcatit_http_submit. */
typedef struct {
	const char *method;           /* "GET" (default), "POST", "HEAD" */
	const char *url;
	const char *const *headers;   /* "Name: value" strings, NULL-terminated */
	bool secret_headers;          /* headers carry credentials: never follow
	                                 a redirect with them (3xx is returned);
	                                 otherwise redirects are followed as the
	                                 client's policy allows */
	const char *content_type;     /* of body */
	const char *body;
	size_t body_len;
	const DcatitHttpPart *parts;  /* multipart/form-data instead of body */
	size_t nparts;
	bool no_body;                 /* stop at the first byte of the body: the
	                                 status and headers are the answer (a
	                                 GET that downloads nothing) */
	bool once;                    /* one attempt: no retry on 429, 5xx or a
	                                 transport error */
	long timeout_ms;              /* whole transfer, redirects included
	                                 (0: the client's) */
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
 * that is not http(s), DCATIT_ERR_REMOTE for one the policy refuses,
 * DCATIT_ERR_NOMEM. A redirect or connection the policy refuses ends the
 * request with st DCATIT_ERR_REMOTE and the reason in error. */
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

/* The kind of a textual IPv4 or IPv6 address (IPv4 also in the numeric
 * forms curl accepts: "127.1", "2130706433", "0x7f.1"); UNKNOWN for a
 * name. "localhost" and names under ".localhost" count as LOOPBACK. */
DcatitAddrKind dcatit_http_addr_kind(const char *host);
/* "public", "private", "link-local", "loopback", "special", "unknown". */
const char *dcatit_http_addr_kind_name(DcatitAddrKind k);
/* May a request (from NULL) or a redirect or link (from the URL that
 * named it) go to url under policy p (NULL: any http(s) URL)? The host
 * rule and the address rule for literal addresses, before any connection.
 * false with the reason in why (cap bytes; may be NULL). */
bool dcatit_http_policy_allows_url(const DcatitHttpPolicy *p, const char *from,
                                   const char *url, char *why, size_t cap);
/* May a connection for url go to the address addr (textual IPv4/IPv6)
 * under policy p, home's address being of home_kind? The address rule;
 * pure, for tests and for callers that resolve names themselves. false
 * with the reason in why. */
bool dcatit_http_policy_allows_addr(const DcatitHttpPolicy *p, const char *url,
                                    DcatitAddrKind home_kind, const char *addr,
                                    char *why, size_t cap);
/* dcatit_http_policy_allows_url with the client's own policy. */
bool dcatit_http_allows_url(const DcatitHttp *h, const char *from, const char *url,
                            char *why, size_t cap);
/* Is url an http(s) URL whose host is a loopback address or localhost
 * (where a token over plain http stays on this machine)? */
bool dcatit_http_url_is_loopback(const char *url);

#endif
