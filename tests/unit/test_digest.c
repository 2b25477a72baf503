/* test_digest.c: the digests (base/digest.h) against the FIPS 180-4 / NIST
 * example vectors, for buffers and for files read in several chunks. */
#include "base/digest.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char two_blocks[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

static const char *sha256(const char *p, size_t n)
{
	static char hex[DCATIT_DIGEST_HEX_MAX];
	dcatit_digest_hex(DCATIT_DIGEST_SHA256, p, n, hex);
	return hex;
}

static const char *sha1(const char *p, size_t n)
{
	static char hex[DCATIT_DIGEST_HEX_MAX];
	dcatit_digest_hex(DCATIT_DIGEST_SHA1, p, n, hex);
	return hex;
}

START_TEST(sha256_matches_the_fips_180_4_examples)
{
	ck_assert_str_eq(sha256("abc", 3),
	                 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ck_assert_str_eq(sha256("", 0),
	                 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	ck_assert_str_eq(sha256(two_blocks, strlen(two_blocks)),
	                 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	char *million = malloc(1000000);
	ck_assert_ptr_nonnull(million);
	memset(million, 'a', 1000000);
	ck_assert_str_eq(sha256(million, 1000000),
	                 "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
}
END_TEST

START_TEST(sha1_matches_the_fips_180_4_examples)
{
	ck_assert_str_eq(sha1("abc", 3), "a9993e364706816aba3e25717850c26c9cd0d89d");
	ck_assert_str_eq(sha1("", 0), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	ck_assert_str_eq(sha1(two_blocks, strlen(two_blocks)),
	                 "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	char *million = malloc(1000000);
	ck_assert_ptr_nonnull(million);
	memset(million, 'a', 1000000);
	ck_assert_str_eq(sha1(million, 1000000), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
	free(million);
}
END_TEST

/* One million 'a' is 15 full 64 KiB reads and a partial one. */
START_TEST(a_file_read_in_chunks_gives_the_fips_digests_and_its_size)
{
	char path[] = "/tmp/dcatit-digest-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "wb");
	ck_assert_ptr_nonnull(f);
	for (int i = 0; i < 1000000; i++)
		fputc('a', f);
	ck_assert_int_eq(fclose(f), 0);

	DcatitFileDigest fdg;
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_digest_file(path, true, &fdg, &d), DCATIT_OK);
	ck_assert_uint_eq(fdg.size, 1000000);
	ck_assert_str_eq(fdg.sha256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	ck_assert_str_eq(fdg.sha1, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");

	/* without SHA-1 the field is empty, SHA-256 unchanged */
	ck_assert_int_eq(dcatit_digest_file(path, false, &fdg, &d), DCATIT_OK);
	ck_assert_str_eq(fdg.sha1, "");
	ck_assert_str_eq(fdg.sha256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	unlink(path);
}
END_TEST

START_TEST(an_unreadable_file_is_an_io_error_naming_it)
{
	DcatitFileDigest fdg;
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_digest_file("/nonexistent/dcatit/x.csv", true, &fdg, &d),
	                 DCATIT_ERR_IO);
	ck_assert_ptr_nonnull(strstr(d.message, "cannot read '/nonexistent/dcatit/x.csv'"));
	/* a directory opens but cannot be read */
	ck_assert_int_eq(dcatit_digest_file("/", true, &fdg, &d), DCATIT_ERR_IO);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("digest");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, sha256_matches_the_fips_180_4_examples);
	tcase_add_test(tc, sha1_matches_the_fips_180_4_examples);
	tcase_add_test(tc, a_file_read_in_chunks_gives_the_fips_digests_and_its_size);
	tcase_add_test(tc, an_unreadable_file_is_an_io_error_naming_it);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
