/* md.h: what SHA-1 and SHA-256 share: both hash 64-byte blocks and end
 * with the same padding (0x80, zeros, the bit length big-endian), so the
 * buffering and padding live here once and each hash gives its block
 * function. */
#ifndef DCATIT_MD_H
#define DCATIT_MD_H

#include <stddef.h>
#include <stdint.h>

/* Compress one 64-byte block into the state words h. */
typedef void (*DcatitMdBlock)(uint32_t *h, const unsigned char *blk);

/* Stack object, filled by the hash's _init. */
typedef struct {
	uint32_t h[8];         /* state words (SHA-1 uses 5) */
	uint64_t total;        /* bytes hashed so far */
	unsigned char blk[64]; /* pending partial block */
	size_t nblk;
} DcatitMd;

/* Hash n more bytes with block function f. */
void dcatit_md_update(DcatitMd *c, DcatitMdBlock f, const void *p, size_t n);
/* Pad, hash the last blocks and write nwords state words big-endian. */
void dcatit_md_final(DcatitMd *c, DcatitMdBlock f, unsigned char *out, size_t nwords);

/* Write the lower-case hex form of an n-byte digest into out (2n + 1
 * bytes with the NUL). */
void dcatit_md_hex(const unsigned char *dig, size_t n, char *out);

#endif
