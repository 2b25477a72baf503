/* md.c: block buffering and final padding shared by sha1.c and sha256.c
 * (FIPS 180-4 section 5.1.1). */
#include "base/md.h"

#include <string.h>

void dcatit_md_update(DcatitMd *c, DcatitMdBlock f, const void *p, size_t n)
{
	const unsigned char *s = p;
	c->total += n;
	if (c->nblk) {
		size_t take = 64 - c->nblk < n ? 64 - c->nblk : n;
		memcpy(c->blk + c->nblk, s, take);
		c->nblk += take;
		s += take;
		n -= take;
		if (c->nblk < 64)
			return;
		f(c->h, c->blk);
		c->nblk = 0;
	}
	for (; n >= 64; s += 64, n -= 64)
		f(c->h, s);
	if (n)
		memcpy(c->blk, s, n);
	c->nblk = n;
}

void dcatit_md_final(DcatitMd *c, DcatitMdBlock f, unsigned char *out, size_t nwords)
{
	uint64_t bits = c->total * 8;
	unsigned char pad[72] = { 0x80 };
	size_t padlen = (c->nblk < 56 ? 56 : 120) - c->nblk;
	for (int i = 0; i < 8; i++)
		pad[padlen + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
	dcatit_md_update(c, f, pad, padlen + 8);
	for (size_t i = 0; i < nwords; i++) {
		out[4 * i] = (unsigned char)(c->h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
		out[4 * i + 3] = (unsigned char)c->h[i];
	}
}

void dcatit_md_hex(const unsigned char *dig, size_t n, char *out)
{
	static const char hx[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hx[dig[i] >> 4];
		out[2 * i + 1] = hx[dig[i] & 15];
	}
	out[2 * n] = '\0';
}
