/* sha256.h: SHA-256 (FIPS 180-4) for the checksums of distribution files.
 * Small and self-contained so the builder needs no crypto library. */
#ifndef DCATIT_SHA256_H
#define DCATIT_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "base/md.h"

/* Stack object: _init, _update any number of times, _final. */
typedef DcatitMd DcatitSha256;

/* Start a new hash. */
void dcatit_sha256_init(DcatitSha256 *c);
/* Hash n more bytes. */
void dcatit_sha256_update(DcatitSha256 *c, const void *p, size_t n);
/* Finish: write the 32-byte digest. */
void dcatit_sha256_final(DcatitSha256 *c, unsigned char out[32]);
/* Write the lower-case hex form of a 32-byte digest (65 bytes with NUL). */
void dcatit_sha256_hex(const unsigned char dig[32], char out[65]);

#endif
