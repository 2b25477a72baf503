/* test_file.c: base/file, the whole-file writer of quality's and convert's
 * -o: what it replaces and what it never touches, on real files in a
 * temporary directory. */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/file.h"

static char root[64];

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/file-XXXXXX");
	ck_assert(mkdtemp(root));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	ck_assert_int_eq(system(cmd), 0);
}

static char *path_in(const char *name)
{
	static char p[4][160];
	static int k;
	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", root, name);
	return p[k];
}

static void slurp(const char *path, char *out, size_t cap)
{
	FILE *f = fopen(path, "r");
	ck_assert_msg(f, "cannot open %s", path);
	size_t n = fread(out, 1, cap - 1, f);
	out[n] = '\0';
	fclose(f);
}

/* How many entries root holds. */
static int entries(void)
{
	DIR *d = opendir(root);
	ck_assert(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

START_TEST(a_regular_file_is_replaced_whole)
{
	char *p = path_in("report.html");
	FILE *f = fopen(p, "w");
	fputs("old content, longer than the new one", f);
	fclose(f);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_file_write_atomic(p, "new", 3, &d), DCATIT_OK);
	char got[64];
	slurp(p, got, sizeof got);
	ck_assert_str_eq(got, "new");
	ck_assert_int_eq(entries(), 1); /* no temporary file left */
}
END_TEST

START_TEST(a_symlink_is_replaced_and_what_it_points_to_is_untouched)
{
	char *target = path_in("thesis.txt"), *link = path_in("out.json");
	FILE *f = fopen(target, "w");
	fputs("the user's own file", f);
	fclose(f);
	ck_assert_int_eq(symlink(target, link), 0);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_file_write_atomic(link, "{}", 2, &d), DCATIT_OK);
	char got[64];
	slurp(target, got, sizeof got);
	ck_assert_str_eq(got, "the user's own file");
	struct stat st;
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	slurp(link, got, sizeof got);
	ck_assert_str_eq(got, "{}");
}
END_TEST

START_TEST(a_fifo_is_written_in_place_not_replaced)
{
	char *fifo = path_in("pipe");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	/* a reader first, so that opening for writing does not wait */
	int rd = open(fifo, O_RDONLY | O_NONBLOCK);
	ck_assert(rd >= 0);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_file_write_atomic(fifo, "through the pipe", 16, &d), DCATIT_OK);
	char got[32] = "";
	ck_assert_int_eq(read(rd, got, sizeof got - 1), 16);
	ck_assert_str_eq(got, "through the pipe");
	close(rd);
	struct stat st;
	ck_assert_int_eq(lstat(fifo, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	ck_assert_int_eq(entries(), 1);
}
END_TEST

START_TEST(a_failure_leaves_the_target_and_no_temporary_file)
{
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_file_write_atomic(path_in("no/such/dir/x"), "x", 1, &d),
	                 DCATIT_ERR_IO);
	ck_assert(strstr(d.message, "no/such/dir/x"));
	/* a directory named as the output stays a directory, with its files */
	char *dir = path_in("out");
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	FILE *f = fopen(path_in("out/keep"), "w");
	fclose(f);
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_file_write_atomic(dir, "x", 1, &d), DCATIT_ERR_IO);
	struct stat st;
	ck_assert_int_eq(lstat(dir, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_int_eq(access(path_in("out/keep"), F_OK), 0);
	ck_assert_int_eq(entries(), 1); /* "out": no temporary file beside it */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("file");
	TCase *tc = tcase_create("file");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_regular_file_is_replaced_whole);
	tcase_add_test(tc, a_symlink_is_replaced_and_what_it_points_to_is_untouched);
	tcase_add_test(tc, a_fifo_is_written_in_place_not_replaced);
	tcase_add_test(tc, a_failure_leaves_the_target_and_no_temporary_file);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
