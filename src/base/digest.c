/* digest.c: SHA-256 and SHA-1 through nettle (digest.h). Files are read in
 * 64 KiB chunks, so a large distribution file costs no memory. */
#include "base/digest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <nettle/sha1.h>
#include <nettle/sha2.h>

static void to_hex(const uint8_t *dig, size_t n, char *out)
{
	static const char hx[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hx[dig[i] >> 4];
		out[2 * i + 1] = hx[dig[i] & 15];
	}
	out[2 * n] = '\0';
}

void dcatit_digest_hex(DcatitDigestAlg alg, const void *p, size_t n, char *out)
{
	uint8_t dig[SHA256_DIGEST_SIZE];
	switch (alg) {
	case DCATIT_DIGEST_SHA256: {
		struct sha256_ctx c;
		sha256_init(&c);
		sha256_update(&c, n, p);
		sha256_digest(&c, SHA256_DIGEST_SIZE, dig);
		to_hex(dig, SHA256_DIGEST_SIZE, out);
		return;
	}
	case DCATIT_DIGEST_SHA1: {
		struct sha1_ctx c;
		sha1_init(&c);
		sha1_update(&c, n, p);
		sha1_digest(&c, SHA1_DIGEST_SIZE, dig);
		to_hex(dig, SHA1_DIGEST_SIZE, out);
		return;
	}
	}
}

DcatitStatus dcatit_digest_fd_each(int fd, const char *what, bool with_sha1,
                                   DcatitFileDigest *out, DcatitDigestSink sink, void *ud,
                                   DcatitDiag *d)
{
	struct sha256_ctx c256;
	struct sha1_ctx c1;
	sha256_init(&c256);
	sha1_init(&c1);
	unsigned char buf[65536];
	off_t off = 0;
	out->size = 0;
	for (;;) {
		/* pread: the caller's file offset stays where it was, so the same
		 * descriptor can be sent afterwards */
		ssize_t n = pread(fd, buf, sizeof buf, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0,
			                       "cannot read '%s': %s", what, strerror(errno));
		if (n == 0)
			break;
		sha256_update(&c256, (size_t)n, buf);
		if (with_sha1)
			sha1_update(&c1, (size_t)n, buf);
		if (sink)
			sink(ud, buf, (size_t)n);
		off += n;
		out->size += (uint64_t)n;
	}
	uint8_t dig[SHA256_DIGEST_SIZE];
	sha256_digest(&c256, SHA256_DIGEST_SIZE, dig);
	to_hex(dig, SHA256_DIGEST_SIZE, out->sha256);
	out->sha1[0] = '\0';
	if (with_sha1) {
		sha1_digest(&c1, SHA1_DIGEST_SIZE, dig);
		to_hex(dig, SHA1_DIGEST_SIZE, out->sha1);
	}
	return DCATIT_OK;
}

DcatitStatus dcatit_digest_fd(int fd, const char *what, bool with_sha1,
                              DcatitFileDigest *out, DcatitDiag *d)
{
	return dcatit_digest_fd_each(fd, what, with_sha1, out, NULL, NULL, d);
}

DcatitStatus dcatit_digest_file(const char *path, bool with_sha1,
                                DcatitFileDigest *out, DcatitDiag *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0,
		                       "cannot read '%s': %s", path, strerror(errno));
	DcatitStatus st = dcatit_digest_fd(fd, path, with_sha1, out, d);
	close(fd);
	return st;
}
