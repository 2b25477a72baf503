/* iri.c: RFC 3986 §5.2 reference resolution, written from the RFC's
 * pseudo-code (§5.2.2 transform, §5.2.3 merge, §5.2.4 remove_dot_segments,
 * §5.3 recomposition) with the component split of §3 / Appendix B. One
 * resolver for the whole program: raptor's resolves "../x" against a base
 * with empty segments wrongly and normalises absolute IRIs, and two copies
 * of our own disagreed on "../". */
#include "rdf/iri.h"

#include <string.h>

/* The five components of §3; a component is defined when its has_ flag
 * is set (an empty query "?" is defined, §5.2.2 cares). */
typedef struct {
	const char *scheme, *auth, *path, *query, *frag;
	size_t nscheme, nauth, npath, nquery, nfrag;
	bool has_scheme, has_auth, has_query, has_frag;
} Parts;

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t dcatit_iri_scheme_len(const char *s)
{
	if (!s || !is_alpha(s[0]))
		return 0;
	size_t n = 1;
	while (is_alpha(s[n]) || (s[n] >= '0' && s[n] <= '9') || s[n] == '+' ||
	       s[n] == '-' || s[n] == '.')
		n++;
	return s[n] == ':' ? n : 0;
}

bool dcatit_iri_is_absolute(const char *s)
{
	return dcatit_iri_scheme_len(s) > 0;
}

/* Appendix B's regular expression, by hand:
 * ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))? */
static void split(const char *s, Parts *u)
{
	memset(u, 0, sizeof *u);
	size_t sl = dcatit_iri_scheme_len(s);
	const char *p = s;
	if (sl) {
		u->has_scheme = true;
		u->scheme = s;
		u->nscheme = sl;
		p += sl + 1;
	}
	if (p[0] == '/' && p[1] == '/') {
		p += 2;
		u->has_auth = true;
		u->auth = p;
		p += strcspn(p, "/?#");
		u->nauth = (size_t)(p - u->auth);
	}
	u->path = p;
	p += strcspn(p, "?#");
	u->npath = (size_t)(p - u->path);
	if (*p == '?') {
		u->has_query = true;
		u->query = ++p;
		p += strcspn(p, "#");
		u->nquery = (size_t)(p - u->query);
	}
	if (*p == '#') {
		u->has_frag = true;
		u->frag = p + 1;
		u->nfrag = strlen(p + 1);
	}
}

/* §5.2.4 step 2C/2B's "remove the last segment and its preceding '/' (if
 * any) from the output buffer"; the output starts at out->data + start. */
static void drop_last_segment(DcatitBuf *out, size_t start)
{
	while (out->len > start && out->data[out->len - 1] != '/')
		out->len--;
	if (out->len > start)
		out->len--;
	if (out->data)
		out->data[out->len] = '\0';
}

/* §5.2.4 remove_dot_segments of the n bytes at in, appended to out. The
 * letters are the RFC's steps; "." and ".." count only as whole segments,
 * and empty segments ("//") are segments like any other. */
static void remove_dot_segments(const char *in, size_t n, DcatitBuf *out)
{
	size_t start = out->len;
	const char *p = in, *end = in + n;
	while (p < end) {
		size_t left = (size_t)(end - p);
		if (left >= 3 && memcmp(p, "../", 3) == 0) {
			p += 3; /* A */
		} else if (left >= 2 && memcmp(p, "./", 2) == 0) {
			p += 2; /* A */
		} else if (left >= 3 && memcmp(p, "/./", 3) == 0) {
			p += 2; /* B: "/./" becomes "/" */
		} else if (left == 2 && memcmp(p, "/.", 2) == 0) {
			dcatit_buf_addc(out, '/'); /* B then E: a final "/." is "/" */
			p = end;
		} else if (left >= 4 && memcmp(p, "/../", 4) == 0) {
			p += 3; /* C: "/../" becomes "/" */
			drop_last_segment(out, start);
		} else if (left == 3 && memcmp(p, "/..", 3) == 0) {
			drop_last_segment(out, start); /* C then E: final "/.." */
			dcatit_buf_addc(out, '/');
			p = end;
		} else if ((left == 1 && p[0] == '.') || (left == 2 && memcmp(p, "..", 2) == 0)) {
			p = end; /* D */
		} else {
			/* E: the first segment, with its leading '/' if any */
			const char *q = p + (*p == '/');
			while (q < end && *q != '/')
				q++;
			dcatit_buf_add(out, p, (size_t)(q - p));
			p = q;
		}
	}
}

/* §5.2.3 merge(Base.path, R.path), dot segments removed, appended to out. */
static DcatitStatus merge_paths(const Parts *b, const Parts *r, DcatitBuf *out)
{
	DcatitBuf m;
	dcatit_buf_init(&m);
	if (b->has_auth && b->npath == 0) {
		dcatit_buf_addc(&m, '/');
	} else {
		size_t k = b->npath;
		while (k > 0 && b->path[k - 1] != '/')
			k--;
		dcatit_buf_add(&m, b->path, k);
	}
	dcatit_buf_add(&m, r->path, r->npath);
	if (m.oom)
		out->oom = true;
	else
		remove_dot_segments(m.data, m.len, out);
	dcatit_buf_release(&m);
	return out->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}

DcatitStatus dcatit_iri_resolve(const char *base, const char *ref, DcatitBuf *out)
{
	dcatit_buf_clear(out);
	Parts b, r;
	split(ref, &r);
	split(base, &b);
	/* §5.2.2: T.scheme, T.authority and T.path, recomposed (§5.3) as we go */
	const Parts *scheme = r.has_scheme ? &r : &b;
	if (scheme->has_scheme) {
		dcatit_buf_add(out, scheme->scheme, scheme->nscheme);
		dcatit_buf_addc(out, ':');
	}
	const Parts *auth = r.has_scheme || r.has_auth ? &r : &b;
	if (auth->has_auth) {
		dcatit_buf_adds(out, "//");
		dcatit_buf_add(out, auth->auth, auth->nauth);
	}
	const Parts *query = &r;
	if (r.has_scheme || r.has_auth || (r.npath && r.path[0] == '/')) {
		remove_dot_segments(r.path, r.npath, out);
	} else if (r.npath == 0) {
		dcatit_buf_add(out, b.path, b.npath);
		if (!r.has_query)
			query = &b;
	} else if (merge_paths(&b, &r, out)) {
		return DCATIT_ERR_NOMEM;
	}
	if (query->has_query) {
		dcatit_buf_addc(out, '?');
		dcatit_buf_add(out, query->query, query->nquery);
	}
	if (r.has_frag) {
		dcatit_buf_addc(out, '#');
		dcatit_buf_add(out, r.frag, r.nfrag);
	}
	dcatit_buf_add(out, "", 0); /* data is a string even when empty */
	return out->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}

DcatitStatus dcatit_iri_resolve_ref(const char *base, const char *ref, DcatitBuf *out)
{
	if (!dcatit_iri_is_absolute(ref))
		return dcatit_iri_resolve(base, ref, out);
	dcatit_buf_clear(out);
	dcatit_buf_adds(out, ref);
	return out->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}
