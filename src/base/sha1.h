/* sha1.h: SHA-1 (FIPS 180-4), only for the checksums DCAT-AP 2.1.1 insists
 * on (its Checksum shape requires spdx:checksumAlgorithm_sha1); SHA-256 is
 * the default of `dcatit build`. */
#ifndef DCATIT_SHA1_H
#define DCATIT_SHA1_H

#include <stddef.h>
#include <stdint.h>

#include "base/md.h"

/* Stack object: _init, _update any number of times, _final. */
typedef DcatitMd DcatitSha1;

/* Start a new hash. */
void dcatit_sha1_init(DcatitSha1 *c);
/* Hash n more bytes. */
void dcatit_sha1_update(DcatitSha1 *c, const void *p, size_t n);
/* Finish: write the 20-byte digest. */
void dcatit_sha1_final(DcatitSha1 *c, unsigned char out[20]);

#endif
