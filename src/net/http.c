/* http.c: the libcurl multi loop behind DcatitHttp. Each attempt of a
 * request gets a fresh easy handle (the multi handle's connection cache
 * keeps the connections alive between them); a failed attempt that may
 * succeed later goes back to the queue with a due time. Redirects are
 * followed here, not by curl, so each one passes the policy before any
 * connection; every connection's address passes it in the open-socket
 * callback, before connect(). */
#include "net/http.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/str.h"

/* A server's Retry-After is obeyed up to this long, even past the backoff
 * cap: asking sooner only earns another 429. */
#define RETRY_AFTER_MAX_MS 120000L

/* A file part being sent: read with pread, so a retry resends it whole. */
typedef struct {
	int fd;
	long long size;
	long long off;
} FileSrc;

typedef struct Transfer {
	struct Transfer *next;      /* queue link */
	char *method, *url, *content_type;
	char *body;
	size_t body_len;
	struct curl_slist *headers;
	bool secret;
	DcatitHttpPart *parts;
	FileSrc *files;             /* per part; fd -1 for a field */
	size_t nparts;
	DcatitHttpDone cb;
	void *ud;
	bool no_body, once;
	long timeout_ms;
	char *host;                 /* "host:port" for the per-host cap */
	unsigned attempts;          /* of the current URL */
	unsigned redirects;
	long long due_ms;
	/* per attempt */
	CURL *easy;
	curl_mime *mime;
	DcatitBuf resp;
	bool too_big;
	bool stopped;               /* no_body: the body began, we hung up */
	size_t skipped;             /* no_body: redirect body bytes dropped */
	char ctype[128];
	char etag[256];
	char last_modified[64];
	long retry_after_ms;        /* -1 when none */
	char errbuf[CURL_ERROR_SIZE];
	bool proxied;               /* the connection goes to a proxy */
	char refused[512];          /* why the policy refused a connection */
	struct DcatitHttpImpl *owner;
} Transfer;

struct DcatitHttpImpl {
	DcatitHttpOpts o;
	bool has_policy;
	DcatitHttpPolicy policy;    /* o.policy, deep copied */
	char *home;
	char **follow;
	DcatitAddrKind home_kind;   /* known or learnt */
	struct curl_slist *resolve;
	CURLM *multi;
	Transfer *queue;            /* waiting, any order */
	size_t running;
	struct HostCount {          /* transfers running per host, for per_host */
		char *host;
		unsigned n;
	} *hosts;
	size_t nhosts;
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

/* ------------------------------------------------------------ policy */

/* The parts of an http(s) URL the policy looks at. */
typedef struct {
	bool https;
	bool port_given;
	unsigned port;
	char host[256]; /* lower case, no trailing dot; IPv6 in brackets */
} Url;

/* Parse the authority of an http(s) URL (or, with bare, a "host[:port]"
 * of follow_hosts). Hosts with characters no DNS name or address has
 * (percent escapes, spaces, zone ids) are refused: curl might read them
 * otherwise than we do. */
static bool url_parse(const char *url, bool bare, Url *u)
{
	memset(u, 0, sizeof *u);
	const char *p = url;
	if (!bare) {
		if (strncasecmp(p, "http://", 7) == 0) {
			p += 7;
		} else if (strncasecmp(p, "https://", 8) == 0) {
			u->https = true;
			p += 8;
		} else {
			return false;
		}
	}
	size_t alen = strcspn(p, "/?#");
	const char *end = p + alen;
	for (const char *q = p; q < end; q++)
		if (*q == '@')
			p = q + 1; /* userinfo */
	const char *hend;
	if (*p == '[') {
		hend = memchr(p, ']', (size_t)(end - p));
		if (!hend)
			return false;
		hend++;
	} else {
		hend = memchr(p, ':', (size_t)(end - p));
		if (!hend)
			hend = end;
	}
	size_t hl = (size_t)(hend - p);
	if (!hl || hl >= sizeof u->host)
		return false;
	for (size_t i = 0; i < hl; i++) {
		unsigned char c = (unsigned char)p[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		          c == '.' || c == '-' || c == '_' ||
		          (p[0] == '[' && (c == ':' || c == '[' || c == ']'));
		if (!ok)
			return false;
		u->host[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	u->host[hl] = '\0';
	if (hl > 1 && u->host[hl - 1] == '.')
		u->host[hl - 1] = '\0';
	u->port = u->https ? 443 : 80;
	if (hend < end) {
		if (*hend != ':')
			return false;
		unsigned long v = 0;
		const char *q = hend + 1;
		for (; q < end && *q >= '0' && *q <= '9' && v <= 65535; q++)
			v = v * 10 + (unsigned long)(*q - '0');
		if (q != end || v > 65535)
			return false;
		if (q > hend + 1) {
			u->port = (unsigned)v;
			u->port_given = true;
		}
	}
	return true;
}

static DcatitAddrKind kind4(uint32_t a)
{
	unsigned b0 = a >> 24, b1 = (a >> 16) & 0xff, b2 = (a >> 8) & 0xff;
	if (b0 == 0 || b0 == 127)
		return DCATIT_ADDR_LOOPBACK; /* 0.0.0.0 reaches this host too */
	if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168) ||
	    (b0 == 100 && (b1 & 0xc0) == 64))
		return DCATIT_ADDR_PRIVATE;
	if (b0 == 169 && b1 == 254)
		return DCATIT_ADDR_LINK_LOCAL;
	if (b0 >= 224 || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) ||
	    (b0 == 198 && (b1 & 0xfe) == 18) || (b0 == 198 && b1 == 51 && b2 == 100) ||
	    (b0 == 203 && b1 == 0 && b2 == 113))
		return DCATIT_ADDR_SPECIAL; /* multicast, reserved, protocol, test nets */
	return DCATIT_ADDR_PUBLIC;
}

static uint32_t be32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static DcatitAddrKind kind6(const unsigned char *b)
{
	static const unsigned char zero[16];
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	static const unsigned char nat64[12] = { 0, 0x64, 0xff, 0x9b };
	if (memcmp(b, zero, 15) == 0 && (b[15] == 0 || b[15] == 1))
		return DCATIT_ADDR_LOOPBACK; /* ::1, and :: reaches this host */
	/* IPv4 inside IPv6: mapped, compatible, NAT64 (64:ff9b::/96) */
	if (memcmp(b, mapped, 12) == 0 || memcmp(b, zero, 12) == 0 || memcmp(b, nat64, 12) == 0)
		return kind4(be32(b + 12));
	if (b[0] == 0x20 && b[1] == 0x02) { /* 6to4 carries an IPv4 address */
		DcatitAddrKind k = kind4(be32(b + 2));
		return k == DCATIT_ADDR_PUBLIC ? DCATIT_ADDR_PUBLIC : k;
	}
	if ((b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0))
		return DCATIT_ADDR_PRIVATE; /* unique local, old site-local */
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
		return DCATIT_ADDR_LINK_LOCAL;
	if (b[0] == 0xff || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) ||
	    (b[0] == 0x01 && b[1] == 0 && memcmp(b + 2, zero, 6) == 0))
		return DCATIT_ADDR_SPECIAL; /* multicast, documentation, discard */
	return DCATIT_ADDR_PUBLIC;
}

DcatitAddrKind dcatit_http_addr_kind(const char *host)
{
	if (!host || !*host)
		return DCATIT_ADDR_UNKNOWN;
	char buf[256];
	size_t n = strlen(host);
	if (host[0] == '[' && n >= 2 && host[n - 1] == ']') {
		host++;
		n -= 2;
	}
	if (n >= sizeof buf)
		return DCATIT_ADDR_UNKNOWN;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)((host[i] >= 'A' && host[i] <= 'Z') ? host[i] + 32 : host[i]);
	buf[n] = '\0';
	if (n > 1 && buf[n - 1] == '.')
		buf[--n] = '\0';
	if (strcmp(buf, "localhost") == 0 || dcatit_str_has_suffix(buf, ".localhost"))
		return DCATIT_ADDR_LOOPBACK; /* curl answers these itself, RFC 6761 */
	unsigned char b[16];
	if (inet_pton(AF_INET6, buf, b) == 1)
		return kind6(b);
	if (inet_pton(AF_INET, buf, b) == 1)
		return kind4(be32(b));
	/* "127.1", "2130706433", "0x7f.1": curl reads them as IPv4 too */
	bool numeric = buf[0] >= '0' && buf[0] <= '9';
	for (size_t i = 0; i < n && numeric; i++)
		numeric = strchr("0123456789abcdefx.", buf[i]) != NULL;
	struct in_addr ia;
	if (numeric && inet_aton(buf, &ia))
		return kind4(ntohl(ia.s_addr));
	return DCATIT_ADDR_UNKNOWN;
}

const char *dcatit_http_addr_kind_name(DcatitAddrKind k)
{
	switch (k) {
	case DCATIT_ADDR_UNKNOWN: return "unknown";
	case DCATIT_ADDR_PUBLIC: return "public";
	case DCATIT_ADDR_PRIVATE: return "private";
	case DCATIT_ADDR_LINK_LOCAL: return "link-local";
	case DCATIT_ADDR_LOOPBACK: return "loopback";
	case DCATIT_ADDR_SPECIAL: return "special-purpose";
	}
	return "unknown";
}

static bool in_follow_hosts(const DcatitHttpPolicy *p, const Url *u)
{
	for (size_t i = 0; p && i < p->nfollow_hosts; i++) {
		Url f;
		if (!p->follow_hosts[i] || !url_parse(p->follow_hosts[i], true, &f))
			continue;
		if (strcmp(f.host, u->host) == 0 && (!f.port_given || f.port == u->port))
			return true;
	}
	return false;
}

/* "host" or "host:port" as the URL wrote it. */
static const char *host_port(const Url *u, char *buf, size_t cap)
{
	if (u->port_given)
		snprintf(buf, cap, "%s:%u", u->host, u->port);
	else
		snprintf(buf, cap, "%s", u->host);
	return buf;
}

static void say(char *why, size_t cap, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(char *why, size_t cap, const char *fmt, ...)
{
	if (!why || !cap)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, cap, _(fmt), ap);
	va_end(ap);
}

/* The kind of home's address as far as the URL tells. */
static DcatitAddrKind static_home_kind(const DcatitHttpPolicy *p)
{
	if (p->home_kind != DCATIT_ADDR_UNKNOWN || !p->home)
		return p->home_kind;
	Url h;
	return url_parse(p->home, false, &h) ? dcatit_http_addr_kind(h.host) : DCATIT_ADDR_UNKNOWN;
}

bool dcatit_http_policy_allows_url(const DcatitHttpPolicy *p, const char *from,
                                   const char *url, char *why, size_t cap)
{
	Url u, f;
	if (!url || !url_parse(url, false, &u)) {
		say(why, cap, "not a usable http(s) URL");
		return false;
	}
	if (from && url_parse(from, false, &f) && f.https && !u.https) {
		say(why, cap, "it leads from https to plain http");
		return false;
	}
	if (!p)
		return true;
	bool listed = in_follow_hosts(p, &u);
	Url h;
	if (p->home && !listed && url_parse(p->home, false, &h)) {
		bool same = strcmp(h.host, u.host) == 0 &&
		            (h.port == u.port || (!h.https && u.https && h.port == 80 && u.port == 443));
		if (!same) {
			char a[300], b[300];
			say(why, cap, "'%s' is another host than the source's '%s' (list it under "
			    "follow_hosts to allow it)", host_port(&u, a, sizeof a),
			    host_port(&h, b, sizeof b));
			return false;
		}
	}
	DcatitAddrKind k = dcatit_http_addr_kind(u.host);
	if (k != DCATIT_ADDR_UNKNOWN && k != DCATIT_ADDR_PUBLIC && !listed &&
	    k != static_home_kind(p)) {
		say(why, cap, "'%s' is a %s address and the source is not (list it under "
		    "follow_hosts to allow it)", u.host, dcatit_http_addr_kind_name(k));
		return false;
	}
	return true;
}

bool dcatit_http_policy_allows_addr(const DcatitHttpPolicy *p, const char *url,
                                    DcatitAddrKind home_kind, const char *addr,
                                    char *why, size_t cap)
{
	DcatitAddrKind k = dcatit_http_addr_kind(addr);
	if (k == DCATIT_ADDR_UNKNOWN)
		k = DCATIT_ADDR_SPECIAL; /* not an IP address at all */
	if (!p || k == DCATIT_ADDR_PUBLIC || k == home_kind)
		return true;
	Url u;
	if (url && url_parse(url, false, &u) && in_follow_hosts(p, &u))
		return true;
	say(why, cap, "'%s' resolves to %s, a %s address, and the source is not on one (list "
	    "the host under follow_hosts to allow it)", url_parse(url ? url : "", false, &u)
	    ? u.host : "?", addr, dcatit_http_addr_kind_name(k));
	return false;
}

bool dcatit_http_allows_url(const DcatitHttp *h, const char *from, const char *url,
                            char *why, size_t cap)
{
	return dcatit_http_policy_allows_url(h && h->has_policy ? &h->policy : NULL, from, url,
	                                     why, cap);
}

bool dcatit_http_url_is_loopback(const char *url)
{
	Url u;
	return url && url_parse(url, false, &u) &&
	       dcatit_http_addr_kind(u.host) == DCATIT_ADDR_LOOPBACK;
}

static const char *env_set(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* Will curl send this URL through a proxy of the environment? The same
 * variables curl reads (uppercase HTTP_PROXY is ignored, as by curl). */
static bool proxied(const char *url)
{
	Url u;
	if (!url_parse(url, false, &u))
		return false;
	const char *px = u.https ? env_set("https_proxy") : env_set("http_proxy");
	if (!px && u.https)
		px = env_set("HTTPS_PROXY");
	if (!px)
		px = env_set("all_proxy");
	if (!px)
		px = env_set("ALL_PROXY");
	if (!px)
		return false;
	const char *np = env_set("no_proxy");
	if (!np)
		np = env_set("NO_PROXY");
	while (np && *np) {
		size_t n = strcspn(np, ", ");
		const char *e = np;
		size_t el = n;
		if (el && e[0] == '.') {
			e++;
			el--;
		}
		size_t hl = strlen(u.host);
		if ((n == 1 && np[0] == '*') ||
		    (el && el <= hl && strncasecmp(u.host + hl - el, e, el) == 0 &&
		     (el == hl || u.host[hl - el - 1] == '.')))
			return false;
		np += n;
		while (*np == ',' || *np == ' ')
			np++;
	}
	return true;
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
	free(t->host);
	free(t->content_type);
	free(t->body);
	curl_slist_free_all(t->headers);
	for (size_t i = 0; i < t->nparts; i++) {
		free((char *)t->parts[i].name);
		free((char *)t->parts[i].value);
		free((char *)t->parts[i].filename);
		free((char *)t->parts[i].type);
		if (t->files && t->files[i].fd >= 0)
			close(t->files[i].fd);
	}
	free(t->parts);
	free(t->files);
	dcatit_buf_release(&t->resp);
	free(t);
}

/* Free what copy_setup made. */
static void dcatit_http_free_setup(DcatitHttp *h)
{
	free(h->home);
	for (size_t i = 0; h->follow && i < h->policy.nfollow_hosts; i++)
		free(h->follow[i]);
	free(h->follow);
	curl_slist_free_all(h->resolve);
}

/* Own copies of the policy and the resolver pins of the options. */
static bool copy_setup(DcatitHttp *h)
{
	const DcatitHttpPolicy *p = h->o.policy;
	h->o.policy = NULL;
	if (p) {
		h->has_policy = true;
		h->policy = *p;
		h->home = p->home ? dcatit_strdup(p->home) : NULL;
		h->policy.home = h->home;
		h->follow = calloc(p->nfollow_hosts + 1, sizeof *h->follow);
		h->policy.follow_hosts = (const char *const *)h->follow;
		if ((p->home && !h->home) || !h->follow)
			return false;
		for (size_t i = 0; i < p->nfollow_hosts; i++)
			if (p->follow_hosts[i] && !(h->follow[i] = dcatit_strdup(p->follow_hosts[i])))
				return false;
		h->home_kind = static_home_kind(&h->policy);
	}
	for (size_t i = 0; h->o.resolve && h->o.resolve[i]; i++) {
		struct curl_slist *n = curl_slist_append(h->resolve, h->o.resolve[i]);
		if (!n)
			return false;
		h->resolve = n;
	}
	h->o.resolve = NULL;
	return true;
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
	if (!h->o.max_redirects)
		h->o.max_redirects = 5;
	if (!h->o.per_host || h->o.per_host > h->o.jobs)
		h->o.per_host = h->o.jobs;
	h->hosts = calloc(h->o.jobs, sizeof *h->hosts);
	if (!h->hosts || !copy_setup(h)) {
		free(h->hosts);
		dcatit_http_free_setup(h);
		free(h);
		curl_global_cleanup();
		dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	h->rng = h->o.seed ? h->o.seed : (uint64_t)now_ms() * 0x9E3779B97F4A7C15ULL;
	if (!h->rng)
		h->rng = 88172645463325252ULL;
	h->multi = curl_multi_init();
	if (!h->multi) {
		free(h->hosts);
		dcatit_http_free_setup(h);
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
	for (size_t i = 0; i < h->nhosts; i++)
		free(h->hosts[i].host);
	free(h->hosts);
	dcatit_http_free_setup(h);
	free(h);
	curl_global_cleanup();
}

unsigned long dcatit_http_retries(const DcatitHttp *h)
{
	return h ? h->retries : 0;
}

/* "host:port" of an http(s) URL, lower case, the key of the per-host cap;
 * caller frees. An unparsable URL gets its own key ("" host): curl will
 * refuse it anyway. */
static char *url_host(const char *url)
{
	CURLU *u = curl_url();
	char *host = NULL, *port = NULL;
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK) {
		curl_url_get(u, CURLUPART_HOST, &host, 0);
		curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
	}
	DcatitBuf b;
	dcatit_buf_init(&b);
	for (const char *p = host ? host : ""; *p; p++)
		dcatit_buf_addc(&b, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
	dcatit_buf_addf(&b, ":%s", port ? port : "");
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return dcatit_buf_detach(&b);
}

/* Transfers running on host. */
static unsigned host_running(const DcatitHttp *h, const char *host)
{
	for (size_t i = 0; i < h->nhosts; i++)
		if (h->hosts[i].n && strcmp(h->hosts[i].host, host) == 0)
			return h->hosts[i].n;
	return 0;
}

/* The running count of host, added when absent (hosts has room for jobs
 * entries, and fewer than jobs transfers run when one starts); NULL on
 * out of memory. */
static unsigned *host_count(DcatitHttp *h, const char *host)
{
	size_t free_slot = h->nhosts;
	for (size_t i = 0; i < h->nhosts; i++) {
		if (strcmp(h->hosts[i].host, host) == 0)
			return &h->hosts[i].n;
		if (!h->hosts[i].n && free_slot == h->nhosts)
			free_slot = i;
	}
	if (free_slot == h->nhosts) {
		if (h->nhosts == h->o.jobs)
			return NULL;
		h->nhosts++;
	} else {
		free(h->hosts[free_slot].host);
	}
	h->hosts[free_slot].host = dcatit_strdup(host);
	h->hosts[free_slot].n = 0;
	return h->hosts[free_slot].host ? &h->hosts[free_slot].n : NULL;
}

DcatitStatus dcatit_http_submit(DcatitHttp *h, const DcatitHttpRequest *req,
                                DcatitHttpDone cb, void *ud, DcatitDiag *d)
{
	if (!dcatit_http_url_is_allowed(req->url))
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                       "only http and https URLs are allowed");
	char why[512];
	if (!dcatit_http_allows_url(h, NULL, req->url, why, sizeof why))
		return dcatit_diag_set(d, DCATIT_ERR_REMOTE, NULL, 0, 0, "'%.300s' refused: %s",
		                       req->url, why);
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
	t->no_body = req->no_body;
	t->once = req->once;
	t->timeout_ms = req->timeout_ms;
	t->host = url_host(req->url);
	t->cb = cb;
	t->ud = ud;
	dcatit_buf_init(&t->resp);
	bool ok = t->method && t->url && t->host && (!req->content_type || t->content_type) &&
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
	int dup_err = 0;
	if (ok && req->nparts) {
		t->parts = calloc(req->nparts, sizeof *t->parts);
		t->files = calloc(req->nparts, sizeof *t->files);
		ok = t->parts && t->files;
		for (size_t i = 0; ok && i < req->nparts; i++) {
			const DcatitHttpPart *p = &req->parts[i];
			DcatitHttpPart *q = &t->parts[i];
			t->nparts = i + 1;
			t->files[i].fd = -1;
			q->name = dcatit_strdup(p->name);
			q->value = dcatit_strdup(p->value);
			q->filename = dcatit_strdup(p->filename);
			q->type = dcatit_strdup(p->type);
			ok = q->name && (!p->value || q->value) && (!p->filename || q->filename) &&
			     (!p->type || q->type);
			if (ok && p->filename) {
				t->files[i].fd = fcntl(p->fd, F_DUPFD_CLOEXEC, 0);
				t->files[i].size = p->size;
				if (t->files[i].fd < 0) {
					dup_err = errno;
					ok = false;
				}
			}
		}
	}
	if (!ok) {
		transfer_free(t);
		if (dup_err)
			return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0,
			                       "cannot keep the file to upload open: %s", strerror(dup_err));
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
	if (t->no_body && len) {
		/* a redirect's body is read and dropped (up to the body cap) so
		 * that the redirect completes and can be followed */
		long code = 0;
		curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
		if (code >= 300 && code < 400 && (t->skipped += len) <= t->owner->o.max_body)
			return len;
		t->stopped = true;
		return 0;
	}
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

static size_t on_file_read(char *buf, size_t sz, size_t n, void *ud)
{
	FileSrc *f = ud;
	size_t want = sz * n;
	if ((long long)want > f->size - f->off)
		want = (size_t)(f->size - f->off);
	if (!want)
		return 0;
	ssize_t got;
	do
		got = pread(f->fd, buf, want, (off_t)f->off);
	while (got < 0 && errno == EINTR);
	if (got <= 0)
		return CURL_READFUNC_ABORT; /* unreadable, or shorter than checked */
	f->off += got;
	return (size_t)got;
}

static int on_file_seek(void *ud, curl_off_t offset, int origin)
{
	FileSrc *f = ud;
	if (origin != SEEK_SET || offset < 0 || offset > f->size)
		return CURL_SEEKFUNC_FAIL;
	f->off = offset;
	return CURL_SEEKFUNC_OK;
}

/* The address rule, on the address curl is about to connect to. The
 * first connection to home's host tells the kind of home's address when
 * its URL did not. */
static curl_socket_t on_open_socket(void *ud, curlsocktype purpose, struct curl_sockaddr *a)
{
	Transfer *t = ud;
	DcatitHttp *h = t->owner;
	if (purpose == CURLSOCKTYPE_IPCXN && h->has_policy && !t->proxied) {
		struct sockaddr_storage ss;
		memset(&ss, 0, sizeof ss);
		memcpy(&ss, &a->addr, a->addrlen < sizeof ss ? a->addrlen : sizeof ss);
		char ip[INET6_ADDRSTRLEN] = "";
		if (a->family == AF_INET)
			inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, ip, sizeof ip);
		else if (a->family == AF_INET6)
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, ip, sizeof ip);
		Url u, home;
		bool at_home = h->policy.home && url_parse(t->url, false, &u) &&
		               url_parse(h->policy.home, false, &home) && strcmp(u.host, home.host) == 0;
		if (at_home && h->home_kind == DCATIT_ADDR_UNKNOWN && ip[0]) {
			h->home_kind = dcatit_http_addr_kind(ip);
		} else if (!dcatit_http_policy_allows_addr(&h->policy, t->url, h->home_kind,
		                                           ip[0] ? ip : "?", t->refused,
		                                           sizeof t->refused)) {
			return CURL_SOCKET_BAD;
		}
	}
#ifdef SOCK_CLOEXEC
	return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
#else
	return socket(a->family, a->socktype, a->protocol);
#endif
}

static bool start(DcatitHttp *h, Transfer *t)
{
	CURL *e = curl_easy_init();
	if (!e)
		return false;
	t->easy = e;
	dcatit_buf_clear(&t->resp);
	t->too_big = false;
	t->stopped = false;
	t->skipped = 0;
	t->ctype[0] = '\0';
	t->etag[0] = '\0';
	t->last_modified[0] = '\0';
	t->retry_after_ms = -1;
	t->errbuf[0] = '\0';
	t->refused[0] = '\0';
	t->proxied = proxied(t->url);
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
	long timeout = t->timeout_ms ? t->timeout_ms : h->o.timeout_ms;
	SET(CURLOPT_CONNECTTIMEOUT_MS, h->o.connect_timeout_ms < timeout ? h->o.connect_timeout_ms
	                                                                : timeout);
	SET(CURLOPT_TIMEOUT_MS, timeout);
	SET(CURLOPT_USERAGENT, h->o.user_agent);
	SET(CURLOPT_ACCEPT_ENCODING, "");
	/* a request that reads no body has no body to cap: a 10 GB file
	 * answers its HEAD like any other */
	if (!t->no_body && strcmp(t->method, "HEAD") != 0)
		SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)h->o.max_body);
	SET(CURLOPT_WRITEFUNCTION, on_body);
	SET(CURLOPT_WRITEDATA, (void *)t);
	SET(CURLOPT_HEADERFUNCTION, on_header);
	SET(CURLOPT_HEADERDATA, (void *)t);
	/* redirects are done() 's, one policy check each */
	SET(CURLOPT_FOLLOWLOCATION, 0L);
	SET(CURLOPT_UNRESTRICTED_AUTH, 0L);
	SET(CURLOPT_HTTPHEADER, t->headers);
	SET(CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
	SET(CURLOPT_OPENSOCKETDATA, (void *)t);
	if (h->resolve)
		SET(CURLOPT_RESOLVE, h->resolve);
	if (t->nparts) {
		t->mime = curl_mime_init(e);
		ok = ok && t->mime;
		for (size_t i = 0; ok && i < t->nparts; i++) {
			const DcatitHttpPart *p = &t->parts[i];
			curl_mimepart *mp = curl_mime_addpart(t->mime);
			ok = mp && curl_mime_name(mp, p->name) == CURLE_OK;
			if (ok && p->filename) {
				FileSrc *f = &t->files[i];
				f->off = 0;
				ok = curl_mime_data_cb(mp, (curl_off_t)f->size, on_file_read, on_file_seek,
				                       NULL, f) == CURLE_OK &&
				     curl_mime_filename(mp, p->filename) == CURLE_OK;
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
	} else if (strcmp(t->method, "HEAD") == 0) {
		/* NOBODY, not a custom method: curl then expects no body */
		SET(CURLOPT_NOBODY, 1L);
	} else if (strcmp(t->method, "GET") != 0) {
		SET(CURLOPT_CUSTOMREQUEST, t->method);
	}
#undef SET
	unsigned *on_host = ok ? host_count(h, t->host) : NULL;
	if (!on_host || curl_multi_add_handle(h->multi, e) != CURLM_OK) {
		curl_easy_cleanup(e);
		t->easy = NULL;
		curl_mime_free(t->mime);
		t->mime = NULL;
		return false;
	}
	h->running++;
	(*on_host)++;
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

/* Follow a redirect to loc, or finish t with the reason it is not. A
 * redirect starts the new URL afresh (its own retries); 303, and 301/302
 * after a POST, continue with a GET as browsers and curl do. */
static void redirect(DcatitHttp *h, Transfer *t, long status, const char *loc)
{
	char why[512];
	if (t->redirects >= h->o.max_redirects) {
		char msg[64];
		snprintf(msg, sizeof msg, _("more than %u redirects"), h->o.max_redirects);
		finish(t, DCATIT_ERR_NETWORK, status, msg);
		return;
	}
	if (!dcatit_http_allows_url(h, t->url, loc, why, sizeof why)) {
		char msg[1400];
		snprintf(msg, sizeof msg, _("redirect (HTTP %ld) to '%.600s' refused: %s"), status, loc,
		         why);
		finish(t, DCATIT_ERR_REMOTE, status, msg);
		return;
	}
	/* a HEAD stays a HEAD (RFC 9110 15.4); a POST becomes a GET */
	bool head = strcmp(t->method, "HEAD") == 0;
	bool to_get = !head && (status == 303 || ((status == 301 || status == 302) &&
	                                          strcmp(t->method, "GET") != 0));
	char *url = dcatit_strdup(loc);
	char *get = to_get ? dcatit_strdup("GET") : NULL;
	char *host = url ? url_host(url) : NULL;
	if (!url || !host || (to_get && !get)) {
		free(url);
		free(get);
		free(host);
		finish(t, DCATIT_ERR_NOMEM, 0, "out of memory");
		return;
	}
	free(t->url);
	t->url = url;
	free(t->host);
	t->host = host;
	if (to_get) {
		free(t->method);
		t->method = get;
		free(t->body);
		t->body = NULL;
		t->body_len = 0;
		for (size_t i = 0; i < t->nparts; i++) {
			free((char *)t->parts[i].name);
			free((char *)t->parts[i].value);
			free((char *)t->parts[i].filename);
			free((char *)t->parts[i].type);
			if (t->files[i].fd >= 0)
				close(t->files[i].fd);
		}
		free(t->parts);
		free(t->files);
		t->parts = NULL;
		t->files = NULL;
		t->nparts = 0;
	}
	curl_mime_free(t->mime);
	t->mime = NULL;
	t->redirects++;
	t->attempts = 0;
	t->due_ms = 0;
	t->next = h->queue;
	h->queue = t;
}

static void done(DcatitHttp *h, CURLMsg *m)
{
	Transfer *t = NULL;
	curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&t);
	CURLcode rc = m->data.result;
	long status = 0;
	curl_easy_getinfo(m->easy_handle, CURLINFO_RESPONSE_CODE, &status);
	char *loc = NULL;
	/* a request that hung up at the first body byte (no_body) got its
	 * answer: a redirect's body is no reason not to follow it */
	bool answered = rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && t->stopped);
	if (answered && status >= 300 && status < 400 && status != 304 && !t->secret) {
		char *l = NULL;
		curl_easy_getinfo(m->easy_handle, CURLINFO_REDIRECT_URL, &l);
		loc = l ? dcatit_strdup(l) : NULL; /* dies with the handle */
	}
	curl_multi_remove_handle(h->multi, m->easy_handle);
	curl_easy_cleanup(m->easy_handle);
	t->easy = NULL;
	h->running--;
	(*host_count(h, t->host))--;
	if (loc) {
		redirect(h, t, status, loc);
		free(loc);
		return;
	}
	if (t->refused[0]) {
		/* the policy closed every address: no retry can change that */
		char msg[600];
		snprintf(msg, sizeof msg, _("connection refused by the address policy: %s"), t->refused);
		finish(t, DCATIT_ERR_REMOTE, 0, msg);
		return;
	}
	bool can_retry = !t->once && t->attempts <= h->o.max_retries;
	if (rc == CURLE_WRITE_ERROR && t->stopped) {
		finish(t, DCATIT_OK, status, NULL);
		return;
	}
	if (rc != CURLE_OK) {
		if (t->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
			finish(t, DCATIT_ERR_LIMIT, status, _("response body exceeds the size limit"));
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
			if (host_running(h, t->host) >= h->o.per_host) {
				pp = &t->next; /* its host is full: the next one */
			} else if (t->due_ms <= now) {
				*pp = t->next;
				t->next = NULL;
				if (!start(h, t)) {
					finish(t, DCATIT_ERR_NOMEM, 0, _("cannot start a transfer"));
					pp = &h->queue; /* callback may have changed the queue */
				}
			} else {
				pp = &t->next;
			}
		}
		/* waiting for a full host is waiting for a transfer to end,
		 * which the poll below does: only the others have a due time */
		for (Transfer *t = h->queue; t; t = t->next)
			if ((next_due < 0 || t->due_ms < next_due) &&
			    host_running(h, t->host) < h->o.per_host)
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
