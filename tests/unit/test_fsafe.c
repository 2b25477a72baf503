/* test_fsafe.c: base/fsafe (files opened only inside a directory, what was
 * checked being what is read) and base/guard (the proportional removal
 * guard of harvest and push --prune), on real files in a temporary
 * directory. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fsafe.h"
#include "base/guard.h"

static char root[64];
static char dir[128];

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	ck_assert(f);
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/fsafe-XXXXXX");
	ck_assert(mkdtemp(root));
	snprintf(dir, sizeof dir, "%s/pub", root);
	ck_assert(mkdir(dir, 0700) == 0);
	char p[256];
	snprintf(p, sizeof p, "%s/secret", root);
	put(p, "secret\n");
	snprintf(p, sizeof p, "%s/data.csv", dir);
	put(p, "a,b\n");
}

static void teardown(void)
{
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	ck_assert(system(cmd) == 0);
}

static DcatitStatus try_open(const char *rel, char *msg, size_t cap)
{
	int fd;
	struct stat st;
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitStatus s = dcatit_fsafe_open_under(dir, rel, &fd, &st, &d);
	snprintf(msg, cap, "%s", d.message);
	if (s == DCATIT_OK) {
		char buf[8] = "";
		ck_assert(read(fd, buf, 3) == 3 && memcmp(buf, "a,b", 3) == 0);
		ck_assert(S_ISREG(st.st_mode));
		close(fd);
	} else {
		ck_assert_int_eq(fd, -1);
	}
	return s;
}

START_TEST(a_regular_file_inside_opens)
{
	char msg[1024];
	ck_assert_int_eq(try_open("data.csv", msg, sizeof msg), DCATIT_OK);
	char p[256];
	snprintf(p, sizeof p, "%s/inner", dir);
	ck_assert(symlink("data.csv", p) == 0);
	ck_assert_int_eq(try_open("inner", msg, sizeof msg), DCATIT_OK);
}
END_TEST

START_TEST(symlinks_out_fifos_devices_and_dotdot_are_refused)
{
	char msg[1024], p[256];
	snprintf(p, sizeof p, "%s/link", dir);
	ck_assert(symlink("../secret", p) == 0);
	ck_assert_int_eq(try_open("link", msg, sizeof msg), DCATIT_ERR_INVALID);
	ck_assert_msg(strstr(msg, "leads outside"), "%s", msg);
	snprintf(p, sizeof p, "%s/up", dir);
	ck_assert(symlink("..", p) == 0);
	ck_assert_int_eq(try_open("up/secret", msg, sizeof msg), DCATIT_ERR_INVALID);
	ck_assert_int_eq(try_open("../secret", msg, sizeof msg), DCATIT_ERR_INVALID);
	snprintf(p, sizeof p, "%s/environ", dir);
	ck_assert(symlink("/proc/self/environ", p) == 0);
	ck_assert_int_eq(try_open("environ", msg, sizeof msg), DCATIT_ERR_INVALID);
	snprintf(p, sizeof p, "%s/fifo", dir);
	ck_assert(mkfifo(p, 0600) == 0);
	/* returns at once: the open does not wait for a writer */
	ck_assert_int_eq(try_open("fifo", msg, sizeof msg), DCATIT_ERR_INVALID);
	ck_assert_msg(strstr(msg, "not a regular file"), "%s", msg);
	snprintf(p, sizeof p, "%s/null", dir);
	ck_assert(symlink("/dev/null", p) == 0);
	ck_assert_int_eq(try_open("null", msg, sizeof msg), DCATIT_ERR_INVALID);
	ck_assert_int_eq(try_open(".", msg, sizeof msg), DCATIT_ERR_INVALID);
	ck_assert_int_eq(try_open("missing", msg, sizeof msg), DCATIT_ERR_NOT_FOUND);
}
END_TEST

START_TEST(a_file_replaced_after_the_check_is_noticed)
{
	int fd;
	struct stat a, b;
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_fsafe_open_under(dir, "data.csv", &fd, &a, &d), DCATIT_OK);
	close(fd);
	/* the same name now a link to a file of the same size outside */
	char p[256], q[256];
	snprintf(p, sizeof p, "%s/data.csv", dir);
	snprintf(q, sizeof q, "%s/secret", root);
	ck_assert(unlink(p) == 0 && symlink(q, p) == 0);
	ck_assert_int_eq(dcatit_fsafe_open_under(dir, "data.csv", &fd, &b, &d), DCATIT_ERR_INVALID);
	/* or a new regular file there: another inode, not the one hashed */
	ck_assert(unlink(p) == 0);
	put(p, "a,b\n");
	ck_assert_int_eq(dcatit_fsafe_open_under(dir, "data.csv", &fd, &b, &d), DCATIT_OK);
	close(fd);
	ck_assert(!dcatit_fsafe_same(&a, &b));
	ck_assert(dcatit_fsafe_same(&b, &b));
}
END_TEST

START_TEST(the_guard_allows_a_share_one_item_and_never_all_but_a_handful)
{
	size_t lim;
	ck_assert(dcatit_guard_allows(200, 0, 0, &lim) && lim == 40);
	ck_assert(dcatit_guard_allows(200, 40, 0, NULL));
	ck_assert(!dcatit_guard_allows(200, 41, 0, NULL));
	ck_assert(!dcatit_guard_allows(200, 199, 0, NULL)); /* the probe's case */
	ck_assert(!dcatit_guard_allows(10, 9, 0, NULL));
	ck_assert(dcatit_guard_allows(10, 2, 0, NULL));
	ck_assert(!dcatit_guard_allows(10, 3, 0, NULL));
	/* a small source may lose one record per run */
	ck_assert(dcatit_guard_allows(3, 1, 0, &lim) && lim == 1);
	ck_assert(dcatit_guard_allows(1, 1, 0, NULL));
	ck_assert(!dcatit_guard_allows(3, 2, 0, NULL));
	/* a wide share still keeps more than a handful */
	ck_assert(dcatit_guard_allows(10, 5, 100, NULL));
	ck_assert(!dcatit_guard_allows(200, 199, 100, NULL));
	ck_assert(!dcatit_guard_allows(10, 8, 100, NULL));
	ck_assert(dcatit_guard_allows(8, 3, 50, NULL));
	ck_assert(!dcatit_guard_allows(5, 6, 100, NULL));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("fsafe");
	TCase *tc = tcase_create("fsafe");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_regular_file_inside_opens);
	tcase_add_test(tc, symlinks_out_fifos_devices_and_dotdot_are_refused);
	tcase_add_test(tc, a_file_replaced_after_the_check_is_noticed);
	tcase_add_test(tc, the_guard_allows_a_share_one_item_and_never_all_but_a_handful);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
