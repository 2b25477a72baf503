/* test_buf.c: the growable buffer. */
#include "base/buf.h"
#include "base/str.h"

#include <check.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

START_TEST(appends_accumulate_and_stay_nul_terminated)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	ck_assert(dcatit_buf_adds(&b, "abc"));
	ck_assert(dcatit_buf_addc(&b, '-'));
	ck_assert(dcatit_buf_addf(&b, "%d/%s", 42, "x"));
	ck_assert_str_eq(b.data, "abc-42/x");
	ck_assert_uint_eq(b.len, 8);
	dcatit_buf_release(&b);
	ck_assert_ptr_null(b.data);
}
END_TEST

START_TEST(large_appends_grow_the_buffer)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	for (int i = 0; i < 100000; i++)
		dcatit_buf_adds(&b, "0123456789");
	ck_assert_uint_eq(b.len, 1000000);
	ck_assert(!b.oom);
	ck_assert_int_eq(b.data[999999], '9');
	dcatit_buf_release(&b);
}
END_TEST

START_TEST(detach_hands_over_the_string_and_empties_the_buffer)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	char *empty = dcatit_buf_detach(&b);
	ck_assert_str_eq(empty, "");
	free(empty);
	dcatit_buf_adds(&b, "kept");
	char *s = dcatit_buf_detach(&b);
	ck_assert_str_eq(s, "kept");
	ck_assert_uint_eq(b.len, 0);
	ck_assert_ptr_null(b.data);
	free(s);
}
END_TEST

START_TEST(clear_keeps_storage_but_drops_content)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, "something");
	dcatit_buf_clear(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(b.data, "");
	dcatit_buf_adds(&b, "new");
	ck_assert_str_eq(b.data, "new");
	dcatit_buf_release(&b);
}
END_TEST

START_TEST(read_file_appends_a_whole_file_and_reports_why_it_cannot)
{
	const char *t = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/dcatit-buf-XXXXXX", t && *t ? t : "/tmp");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	/* larger than one read chunk, with a NUL inside */
	static char big[70000];
	memset(big, 'x', sizeof big);
	big[10] = '\0';
	ck_assert_int_eq(write(fd, big, sizeof big), (ssize_t)sizeof big);
	close(fd);
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, "head:");
	int err = -1;
	ck_assert_int_eq(dcatit_buf_read_file(&b, path, &err), DCATIT_OK);
	ck_assert_int_eq(err, 0);
	ck_assert_uint_eq(b.len, 5 + sizeof big);
	ck_assert_int_eq(memcmp(b.data + 5, big, sizeof big), 0);
	unlink(path);
	ck_assert_int_eq(dcatit_buf_read_file(&b, path, &err), DCATIT_ERR_IO);
	ck_assert_int_eq(err, ENOENT);
	dcatit_buf_release(&b);
}
END_TEST

/* A regular file is read at its size, a pipe (size unknown) chunk by
 * chunk: both whole. */
START_TEST(read_stream_reads_files_at_their_size_and_pipes_whole)
{
	const char *t = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/dcatit-buf-XXXXXX", t && *t ? t : "/tmp");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	static char big[200000];
	for (size_t i = 0; i < sizeof big; i++)
		big[i] = (char)('a' + i % 26);
	ck_assert_int_eq(write(fd, big, sizeof big), (ssize_t)sizeof big);
	close(fd);
	FILE *fp = fopen(path, "rb");
	ck_assert_ptr_nonnull(fp);
	DcatitBuf b;
	dcatit_buf_init(&b);
	int err = -1;
	ck_assert_int_eq(dcatit_buf_read_stream(&b, fp, &err), DCATIT_OK);
	fclose(fp);
	unlink(path);
	ck_assert_int_eq(err, 0);
	ck_assert_uint_eq(b.len, sizeof big);
	ck_assert_int_eq(memcmp(b.data, big, sizeof big), 0);
	dcatit_buf_release(&b);

	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(write(p[1], big, 30000), 30000);
	close(p[1]);
	fp = fdopen(p[0], "rb");
	ck_assert_ptr_nonnull(fp);
	dcatit_buf_init(&b);
	ck_assert_int_eq(dcatit_buf_read_stream(&b, fp, &err), DCATIT_OK);
	fclose(fp);
	ck_assert_uint_eq(b.len, 30000);
	ck_assert_int_eq(memcmp(b.data, big, 30000), 0);
	dcatit_buf_release(&b);
}
END_TEST

START_TEST(grow_doubles_keeps_contents_and_refuses_overflow)
{
	size_t cap = 0;
	int *v = dcatit_grow(NULL, &cap, 1, sizeof *v, 8);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(cap, 8);
	for (int i = 0; i < 8; i++)
		v[i] = i;
	ck_assert_ptr_eq(dcatit_grow(v, &cap, 8, sizeof *v, 8), v);
	int *w = dcatit_grow(v, &cap, 9, sizeof *v, 8);
	ck_assert_ptr_nonnull(w);
	ck_assert_uint_eq(cap, 16);
	for (int i = 0; i < 8; i++)
		ck_assert_int_eq(w[i], i);
	size_t before = cap;
	ck_assert_ptr_null(dcatit_grow(w, &cap, SIZE_MAX / 2, sizeof *w, 8));
	ck_assert_uint_eq(cap, before);
	free(w);
}
END_TEST

START_TEST(a_string_list_owns_copies_and_empties_on_release)
{
	DcatitStrs l = { NULL, 0, 0 };
	char word[8] = "first";
	ck_assert(dcatit_strs_add(&l, word));
	memcpy(word, "later", 6); /* the list holds its own copy */
	for (int i = 0; i < 20; i++)
		ck_assert(dcatit_strs_add(&l, "more"));
	ck_assert_uint_eq(l.n, 21);
	ck_assert_str_eq(l.items[0], "first");
	ck_assert_str_eq(l.items[20], "more");
	dcatit_strs_release(&l);
	ck_assert_ptr_null(l.items);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_uint_eq(l.cap, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, appends_accumulate_and_stay_nul_terminated);
	tcase_add_test(tc, large_appends_grow_the_buffer);
	tcase_add_test(tc, detach_hands_over_the_string_and_empties_the_buffer);
	tcase_add_test(tc, clear_keeps_storage_but_drops_content);
	tcase_add_test(tc, grow_doubles_keeps_contents_and_refuses_overflow);
	tcase_add_test(tc, read_file_appends_a_whole_file_and_reports_why_it_cannot);
	tcase_add_test(tc, read_stream_reads_files_at_their_size_and_pipes_whole);
	tcase_add_test(tc, a_string_list_owns_copies_and_empties_on_release);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
