/* test_outdir.c: the output directory of a build (catalog/outdir.h): what
 * may be replaced, the manifest, and that nothing a build did not write is
 * ever removed, also when it appears while the build runs. Fixtures live
 * in a temporary directory. */
#define _XOPEN_SOURCE 700 /* nftw, for removing the fixtures */
#include "catalog/outdir.h"

#include <check.h>
#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[256];
static char path[1024];

static int remove_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static void setup(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/dcatit-outdir-XXXXXX", t && *t ? t : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(path, sizeof path, "%s/cat", tmpdir);
	ck_assert_int_eq(mkdir(path, 0777), 0);
}

static void cleanup(void)
{
	if (tmpdir[0])
		nftw(tmpdir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	tmpdir[0] = '\0';
}

/* tmpdir/rel, in a static buffer. */
static const char *at(const char *rel)
{
	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	return path;
}

static void put(const char *rel, const char *text)
{
	char p[1024];
	snprintf(p, sizeof p, "%s/%s", tmpdir, rel);
	for (char *s = p + strlen(tmpdir) + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		mkdir(p, 0777);
		*s = '/';
	}
	FILE *f = fopen(p, "wb");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static char *slurp(const char *rel)
{
	static char buf[8192];
	FILE *f = fopen(at(rel), "rb");
	if (!f)
		return NULL;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* How many entries tmpdir itself holds (temporaries left behind show). */
static size_t entries(void)
{
	DIR *dp = opendir(tmpdir);
	ck_assert_ptr_nonnull(dp);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(dp);
	return n;
}

/* A whole build's output step into tmpdir/out: one file per name. */
static DcatitStatus build_into(const char *out, const char *const *files, size_t n,
                               DcatitNotes *notes, DcatitDiag *d)
{
	DcatitOutDir o;
	char cat[1024];
	snprintf(cat, sizeof cat, "%s/cat", tmpdir);
	DcatitStatus st = dcatit_outdir_open(&o, at(out), cat, d);
	if (st != DCATIT_OK)
		return st;
	st = dcatit_outdir_begin(&o, d);
	for (size_t i = 0; i < n && st == DCATIT_OK; i++)
		st = dcatit_outdir_write_file(o.tmp, files[i], "x\n", 2, d);
	if (st == DCATIT_OK)
		st = dcatit_outdir_commit(&o, notes, d);
	dcatit_outdir_release(&o);
	return st;
}

START_TEST(a_new_output_gets_a_manifest_of_every_file_and_no_temporary_stays)
{
	static const char *const files[] = { "catalog.ttl", "dataset/a.ttl", "files/b 100%.csv" };
	DcatitNotes notes;
	dcatit_notes_init(&notes);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(build_into("out", files, 3, &notes, &d), DCATIT_OK);
	const char *m = slurp("out/" DCATIT_OUTDIR_MANIFEST);
	ck_assert_ptr_nonnull(m);
	ck_assert_ptr_nonnull(strstr(m, "\ncatalog.ttl\ndataset/a.ttl\nfiles/b 100%25.csv\n"));
	ck_assert_uint_eq(entries(), 2); /* cat and out */
	/* a rebuild replaces it, and what the new build does not write goes */
	static const char *const fewer[] = { "catalog.ttl" };
	ck_assert_int_eq(build_into("out", fewer, 1, &notes, &d), DCATIT_OK);
	ck_assert_int_ne(access(at("out/dataset"), F_OK), 0);
	ck_assert_int_eq(access(at("out/catalog.ttl"), F_OK), 0);
	ck_assert_uint_eq(entries(), 2);
	ck_assert_uint_eq(notes.n, 0);
	dcatit_notes_release(&notes);
}
END_TEST

START_TEST(a_file_no_build_wrote_is_named_and_nothing_is_replaced)
{
	static const char *const files[] = { "catalog.ttl", "dataset/a.ttl" };
	DcatitNotes notes;
	dcatit_notes_init(&notes);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(build_into("out", files, 2, &notes, &d), DCATIT_OK);
	put("out/dataset/thesis.tex", "mine\n");
	ck_assert_int_eq(build_into("out", files, 1, &notes, &d), DCATIT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(d.message, "'dataset/thesis.tex'"));
	ck_assert_str_eq(slurp("out/dataset/thesis.tex"), "mine\n");
	ck_assert_int_eq(access(at("out/dataset/a.ttl"), F_OK), 0);
	ck_assert_uint_eq(entries(), 2);
	/* no manifest at all: a directory of the user's */
	put("home/.ssh_key", "k\n");
	put("home/docs/thesis.tex", "t\n");
	dcatit_diag_init(&d);
	ck_assert_int_eq(build_into("home", files, 1, &notes, &d), DCATIT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(d.message, "'.ssh_key'"));
	ck_assert_str_eq(slurp("home/docs/thesis.tex"), "t\n");
	/* an empty directory is fine */
	ck_assert_int_eq(mkdir(at("empty"), 0777), 0);
	ck_assert_int_eq(build_into("empty", files, 1, &notes, &d), DCATIT_OK);
	dcatit_notes_release(&notes);
}
END_TEST

START_TEST(a_file_that_appears_during_the_build_stops_the_swap)
{
	static const char *const files[] = { "catalog.ttl" };
	DcatitNotes notes;
	dcatit_notes_init(&notes);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(build_into("out", files, 1, &notes, &d), DCATIT_OK);
	char cat[1024];
	snprintf(cat, sizeof cat, "%s/cat", tmpdir);
	DcatitOutDir o;
	ck_assert_int_eq(dcatit_outdir_open(&o, at("out"), cat, &d), DCATIT_OK);
	ck_assert_int_eq(dcatit_outdir_begin(&o, &d), DCATIT_OK);
	ck_assert_int_eq(dcatit_outdir_write_file(o.tmp, "catalog.ttl", "new\n", 4, &d),
	                 DCATIT_OK);
	put("out/report.pdf", "mine\n"); /* while the build runs */
	ck_assert_int_ne(dcatit_outdir_commit(&o, &notes, &d), DCATIT_OK);
	ck_assert_ptr_nonnull(strstr(d.message, "'report.pdf'"));
	dcatit_outdir_release(&o);
	ck_assert_str_eq(slurp("out/report.pdf"), "mine\n");
	ck_assert_str_eq(slurp("out/catalog.ttl"), "x\n");
	ck_assert_uint_eq(entries(), 2);
	dcatit_notes_release(&notes);
}
END_TEST

START_TEST(removal_never_follows_a_symbolic_link_nor_a_forged_manifest)
{
	static const char *const files[] = { "catalog.ttl", "dataset/a.ttl" };
	DcatitNotes notes;
	dcatit_notes_init(&notes);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(build_into("out", files, 2, &notes, &d), DCATIT_OK);
	/* dataset/ replaced by a link to a victim holding a.ttl */
	put("victim/a.ttl", "precious\n");
	ck_assert_int_eq(remove(at("out/dataset/a.ttl")), 0);
	ck_assert_int_eq(rmdir(at("out/dataset")), 0);
	char target[1024];
	snprintf(target, sizeof target, "%s/victim", tmpdir);
	ck_assert_int_eq(symlink(target, at("out/dataset")), 0);
	ck_assert_int_eq(build_into("out", files, 1, &notes, &d), DCATIT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(d.message, "'dataset'"));
	ck_assert_str_eq(slurp("victim/a.ttl"), "precious\n");
	/* a manifest that lists a path out of OUT is not one a build wrote */
	ck_assert_int_eq(remove(at("out/dataset")), 0);
	FILE *f = fopen(at("out/" DCATIT_OUTDIR_MANIFEST), "ab");
	ck_assert_ptr_nonnull(f);
	fputs("../victim/a.ttl\n", f);
	fclose(f);
	dcatit_diag_init(&d);
	ck_assert_int_eq(build_into("out", files, 1, &notes, &d), DCATIT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(d.message, "is not a path a build writes"));
	ck_assert_str_eq(slurp("victim/a.ttl"), "precious\n");
	dcatit_notes_release(&notes);
}
END_TEST

START_TEST(the_catalogue_directory_its_inside_and_its_parents_are_refused)
{
	static const char *const files[] = { "catalog.ttl" };
	DcatitNotes notes;
	dcatit_notes_init(&notes);
	DcatitDiag d;
	static const struct {
		const char *out, *want;
	} cases[] = {
		{ "cat", "is the catalogue directory" },
		{ "cat/out", "is inside the catalogue directory" },
		{ "cat/sub/../out", "is inside the catalogue directory" },
		{ "", "contains the catalogue directory" }, /* tmpdir itself */
		{ "link/cat", "is the catalogue directory" }, /* through a linked parent */
		{ "link/cat/x", "is inside the catalogue directory" },
		{ "catlink", "is a symbolic link" },
		{ "cat/../nope/out", "cannot create" },
	};
	ck_assert_int_eq(mkdir(at("cat/sub"), 0777), 0);
	ck_assert_int_eq(symlink(tmpdir, at("link")), 0);
	char target[1024];
	snprintf(target, sizeof target, "%s/cat", tmpdir);
	ck_assert_int_eq(symlink(target, at("catlink")), 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		dcatit_diag_init(&d);
		char out[64];
		snprintf(out, sizeof out, "%s", cases[i].out);
		DcatitStatus st;
		if (!*out) {
			DcatitOutDir o;
			st = dcatit_outdir_open(&o, tmpdir, target, &d);
		} else {
			st = build_into(out, files, 1, &notes, &d);
		}
		ck_assert_msg(st != DCATIT_OK, "case %zu accepted", i);
		ck_assert_msg(strstr(d.message, cases[i].want) != NULL, "case %zu: %s", i, d.message);
	}
	ck_assert_int_eq(access(at("cat/sub"), F_OK), 0);
	ck_assert_uint_eq(entries(), 3); /* cat, link, catlink */
	dcatit_notes_release(&notes);
}
END_TEST

static Suite *outdir_suite(void)
{
	Suite *s = suite_create("outdir");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, cleanup);
	tcase_add_test(tc, a_new_output_gets_a_manifest_of_every_file_and_no_temporary_stays);
	tcase_add_test(tc, a_file_no_build_wrote_is_named_and_nothing_is_replaced);
	tcase_add_test(tc, a_file_that_appears_during_the_build_stops_the_swap);
	tcase_add_test(tc, removal_never_follows_a_symbolic_link_nor_a_forged_manifest);
	tcase_add_test(tc, the_catalogue_directory_its_inside_and_its_parents_are_refused);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(outdir_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
