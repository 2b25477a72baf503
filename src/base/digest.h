/* digest.h: SHA-256 and SHA-1 digests in lower-case hex, of a buffer or of a
 * file read in chunks. The only user of nettle (the hash library GnuTLS
 * already brings), so no other module includes its headers. */
#ifndef DCATIT_DIGEST_H
#define DCATIT_DIGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/status.h"

typedef enum {
	DCATIT_DIGEST_SHA256, /* the checksum of `dcatit build`, push and harvest */
	DCATIT_DIGEST_SHA1,   /* only for DCAT-AP 2.1.1, whose Checksum shape requires it */
} DcatitDigestAlg;

/* Room for the hex form of the longest digest with its NUL. */
#define DCATIT_DIGEST_HEX_MAX 65

/* What dcatit_digest_file learns about a file. */
typedef struct {
	uint64_t size;   /* bytes */
	char sha256[65]; /* lower-case hex */
	char sha1[41];   /* lower-case hex; "" unless asked for */
} DcatitFileDigest;

/* Write the lower-case hex digest of n bytes at p into out
 * (DCATIT_DIGEST_HEX_MAX bytes is always enough; 41 suffice for SHA-1). */
void dcatit_digest_hex(DcatitDigestAlg alg, const void *p, size_t n, char *out);

/* Called with each chunk dcatit_digest_fd_each reads, to look at the bytes
 * on the way (a text check) without reading the file twice. */
typedef void (*DcatitDigestSink)(void *ud, const void *p, size_t n);

/* Read the open file fd from offset 0 to its end (pread: its offset does
 * not move) and fill size and digests as dcatit_digest_file does; what names
 * the file in an error. */
DcatitStatus dcatit_digest_fd(int fd, const char *what, bool with_sha1,
                              DcatitFileDigest *out, DcatitDiag *d);
/* The same, handing every chunk read to sink (with ud) as well. */
DcatitStatus dcatit_digest_fd_each(int fd, const char *what, bool with_sha1,
                                   DcatitFileDigest *out, DcatitDigestSink sink, void *ud,
                                   DcatitDiag *d);
/* Read the file at path once and fill its size, SHA-256 and, when with_sha1,
 * SHA-1; DCATIT_ERR_IO with d filled when it cannot be read. */
DcatitStatus dcatit_digest_file(const char *path, bool with_sha1,
                                DcatitFileDigest *out, DcatitDiag *d);

#endif
