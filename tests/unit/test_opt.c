/* test_opt.c: option tables (cli/opt.h): parsing through getopt_long, and
 * the help text and manual page written from the same table. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/gen.h"
#include "cli/opt.h"

static bool flag;
static const char *out, *lang;
static DcatitOptList shapes;

static const DcatitOpt opts[] = {
	{ 'o', "output", DCATIT_OPT_STRING, &out, "OUT", "output directory (default out)", "dir" },
	{ 's', "shapes", DCATIT_OPT_LIST, &shapes, "FILE", "add the shapes in FILE (repeatable)", "file" },
	{ 0, "allow-invalid", DCATIT_OPT_FLAG, &flag, NULL,
	  "write the output even with SHACL violations, which is a long enough text to be "
	  "wrapped over more than one line of the help", NULL },
	{ 0, "allow-http", DCATIT_OPT_FLAG, &flag, NULL, "another flag", NULL },
	{ 0, "token", DCATIT_OPT_REFUSED, NULL, NULL, "never on the command line", NULL },
	{ 0, "token-file", DCATIT_OPT_STRING, &out, "F", "read the token from F", "file" },
	{ 0, "lang", DCATIT_OPT_LANG, &lang, "LANG", "the language", "it|en" },
	{ 0, NULL, DCATIT_OPT_END, NULL, NULL, NULL, NULL },
};

static const DcatitOptCmd cmd = {
	.name = "demo",
	.summary = "a command to test option tables",
	.operands = "DATA...",
	.more_usage = "--list",
	.description = "Read DATA and do things.\n\nA second paragraph.\n  an example line -x\n",
	.notes = "Some notes.",
	.exit_status = "0 ok, 2 usage error.",
	.opts = opts,
};

static void reset(void)
{
	flag = false;
	out = lang = NULL;
	dcatit_opt_release(&cmd);
}

static DcatitOptResult parse(int argc, const char **argv, int *first)
{
	/* getopt_long permutes argv: give it a copy it may change */
	static char *copy[32];
	for (int i = 0; i < argc; i++)
		copy[i] = (char *)argv[i];
	copy[argc] = NULL;
	return dcatit_opt_parse(&cmd, argc, copy, first);
}

/* Parse argv, expecting a usage error; returns what went to stderr. */
static char *usage_error(int argc, const char **argv)
{
	FILE *tmp = tmpfile();
	int saved = dup(2);
	fflush(stderr);
	dup2(fileno(tmp), 2);
	int first;
	DcatitOptResult r = parse(argc, argv, &first);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	ck_assert_int_eq(r, DCATIT_OPT_USAGE);
	long n = ftell(tmp);
	char *buf = calloc(1, (size_t)n + 1);
	rewind(tmp);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, tmp), (size_t)n);
	fclose(tmp);
	return buf;
}

static void assert_usage(int argc, const char **argv, const char *expected)
{
	char *msg = usage_error(argc, argv);
	ck_assert_str_eq(msg, expected);
	free(msg);
}

static char *capture(void (*fn)(const DcatitOptCmd *, FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	fn(&cmd, f);
	fclose(f);
	return buf;
}

static void man(const DcatitOptCmd *c, FILE *f)
{
	dcatit_gen_man(c, f, "1.2.3", "2026-12-06");
}

START_TEST(options_and_operands_are_stored_in_any_order)
{
	reset();
	const char *argv[] = { "demo", "a.ttl", "-o", "x", "--shapes=s1.ttl", "b.ttl",
	                       "-s", "s2.ttl", "--allow-invalid", "-" };
	int first = -1;
	ck_assert_int_eq(parse(10, argv, &first), DCATIT_OPT_PARSED);
	ck_assert_str_eq(out, "x");
	ck_assert(flag);
	ck_assert_uint_eq(shapes.n, 2);
	ck_assert_str_eq(shapes.v[0], "s1.ttl");
	ck_assert_str_eq(shapes.v[1], "s2.ttl");
	ck_assert_int_eq(first, 7);
	reset();
}
END_TEST

START_TEST(double_dash_ends_the_options)
{
	reset();
	const char *argv[] = { "demo", "--", "--output", "-o" };
	int first = -1;
	ck_assert_int_eq(parse(4, argv, &first), DCATIT_OPT_PARSED);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(first, 2);
}
END_TEST

START_TEST(a_command_can_be_parsed_twice_in_one_process)
{
	reset();
	const char *a1[] = { "demo", "-o", "one" };
	const char *a2[] = { "demo", "-o", "two" };
	int first;
	ck_assert_int_eq(parse(3, a1, &first), DCATIT_OPT_PARSED);
	ck_assert_int_eq(parse(3, a2, &first), DCATIT_OPT_PARSED);
	ck_assert_str_eq(out, "two");
}
END_TEST

START_TEST(an_unambiguous_prefix_names_its_option)
{
	reset();
	const char *argv[] = { "demo", "--out", "x", "--allow-i" };
	int first;
	ck_assert_int_eq(parse(4, argv, &first), DCATIT_OPT_PARSED);
	ck_assert_str_eq(out, "x");
	ck_assert(flag);
}
END_TEST

START_TEST(bad_command_lines_are_usage_errors_that_name_the_option)
{
	const char *unknown[] = { "demo", "--frobnicate" };
	const char *unknown_short[] = { "demo", "-z" };
	const char *missing[] = { "demo", "--output" };
	const char *missing_short[] = { "demo", "-o" };
	const char *ambiguous[] = { "demo", "--allow" };
	const char *flag_value[] = { "demo", "--allow-http=yes" };
	assert_usage(2, unknown, "dcatit demo: unknown option '--frobnicate'; try 'dcatit demo --help'\n");
	assert_usage(2, unknown_short, "dcatit demo: unknown option '-z'; try 'dcatit demo --help'\n");
	assert_usage(2, missing, "dcatit demo: option '--output' needs a value; try 'dcatit demo --help'\n");
	assert_usage(2, missing_short, "dcatit demo: option '-o' needs a value; try 'dcatit demo --help'\n");
	assert_usage(2, ambiguous, "dcatit demo: ambiguous option '--allow'; try 'dcatit demo --help'\n");
	assert_usage(2, flag_value, "dcatit demo: option '--allow-http' takes no value; try 'dcatit demo --help'\n");
	ck_assert_int_eq(dcatit_opt_exit_code(DCATIT_OPT_USAGE), 2);
	reset();
}
END_TEST

START_TEST(a_refused_option_never_repeats_its_value)
{
	const char *eq[] = { "demo", "--token=s3cret" };
	const char *sep[] = { "demo", "--token", "s3cret" };
	const char *typo[] = { "demo", "--tokn=s3cret" };
	const char *prefix[] = { "demo", "--tok=s3cret" };
	const char *want = "dcatit demo: never on the command line; try 'dcatit demo --help'\n";
	assert_usage(2, eq, want);
	assert_usage(3, sep, want);
	/* an unknown or ambiguous option is named without what follows '=' */
	assert_usage(2, typo, "dcatit demo: unknown option '--tokn'; try 'dcatit demo --help'\n");
	assert_usage(2, prefix, "dcatit demo: ambiguous option '--tok'; try 'dcatit demo --help'\n");
	/* the option that exists is still found by its whole name */
	reset();
	const char *file[] = { "demo", "--token-file", "t.txt" };
	int first;
	ck_assert_int_eq(parse(3, file, &first), DCATIT_OPT_PARSED);
	ck_assert_str_eq(out, "t.txt");
	reset();
}
END_TEST

START_TEST(the_language_option_takes_it_or_en)
{
	reset();
	const char *ok[] = { "demo", "--lang", "it" };
	const char *bad[] = { "demo", "--lang=fr" };
	int first;
	ck_assert_int_eq(parse(3, ok, &first), DCATIT_OPT_PARSED);
	ck_assert_str_eq(lang, "it");
	assert_usage(2, bad, "dcatit demo: unknown language 'fr' for --lang (it or en); "
	                     "try 'dcatit demo --help'\n");
	reset();
}
END_TEST

START_TEST(numbers_are_whole_and_in_range)
{
	long v = 0;
	ck_assert(dcatit_opt_number("demo", "--jobs", "8", 1, 64, false, &v));
	ck_assert_int_eq(v, 8);
	ck_assert(dcatit_opt_number("demo", "--max", "20%", 1, 100, true, &v));
	ck_assert_int_eq(v, 20);
	FILE *tmp = tmpfile();
	int saved = dup(2);
	fflush(stderr);
	dup2(fileno(tmp), 2);
	bool r1 = dcatit_opt_number("demo", "--jobs", "0", 1, 64, false, &v);
	bool r2 = dcatit_opt_number("demo", "--jobs", "4x", 1, 64, false, &v);
	bool r3 = dcatit_opt_number("demo", "--jobs", "-3", 1, 64, false, &v);
	bool r4 = dcatit_opt_number("demo", "--jobs", "", 1, 64, false, &v);
	bool r5 = dcatit_opt_number("demo", "--jobs", "20%", 1, 64, false, &v);
	bool r6 = dcatit_opt_number("demo", "--jobs", "99999999999999999999", 1, 64, false, &v);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	ck_assert(!r1 && !r2 && !r3 && !r4 && !r5 && !r6);
	char buf[2048] = "";
	rewind(tmp);
	size_t n = fread(buf, 1, sizeof buf - 1, tmp);
	buf[n] = '\0';
	fclose(tmp);
	ck_assert_ptr_nonnull(strstr(buf, "dcatit demo: --jobs needs a number from 1 to 64, not "
	                                  "'4x'; try 'dcatit demo --help'\n"));
	ck_assert(dcatit_opt_is_one_of("json", "text|json"));
	ck_assert(!dcatit_opt_is_one_of("jso", "text|json"));
	ck_assert(!dcatit_opt_is_one_of("", "text|json"));
}
END_TEST

START_TEST(help_is_an_option_of_every_command)
{
	int first;
	const char *argv[] = { "demo", "-o", "x", "--help" };
	ck_assert_int_eq(parse(4, argv, &first), DCATIT_OPT_HELP_SHOWN);
	ck_assert_int_eq(dcatit_opt_exit_code(DCATIT_OPT_HELP_SHOWN), 0);
	reset();
}
END_TEST

START_TEST(help_lists_every_option_within_79_columns)
{
	char *h = capture(dcatit_opt_print_help);
	ck_assert_ptr_nonnull(strstr(h, "usage: dcatit demo [-o OUT] [-s FILE]... [--allow-invalid]"));
	ck_assert_ptr_nonnull(strstr(h, "  -o, --output OUT      output directory"));
	ck_assert_ptr_nonnull(strstr(h, "      --allow-invalid   write the output"));
	ck_assert_ptr_nonnull(strstr(h, "  -h, --help            show this help"));
	ck_assert_ptr_nonnull(strstr(h, "A second paragraph.\n  an example line -x\n"));
	ck_assert_ptr_nonnull(strstr(h, "Exit status: 0 ok, 2 usage error."));
	ck_assert_ptr_nonnull(strstr(h, "\n       dcatit demo --list\n"));
	/* a refused option is not offered */
	ck_assert_ptr_null(strstr(h, "--token "));
	ck_assert_ptr_null(strstr(h, "[--token]"));
	for (const char *l = h; *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		ck_assert_msg(n <= 79, "line longer than 79 columns: %.*s", (int)n, l);
		l = e ? e + 1 : l + n;
	}
	free(h);
}
END_TEST

START_TEST(the_manual_page_has_every_option_escaped_for_roff)
{
	char *m = capture(man);
	ck_assert_ptr_nonnull(strstr(m, ".TH DCATIT-DEMO 1 \"2026-12-06\" \"dcatit 1.2.3\""));
	ck_assert_ptr_nonnull(strstr(m, "dcatit\\-demo \\- a command to test option tables"));
	ck_assert_ptr_nonnull(strstr(m, "\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIOUT\\fR"));
	ck_assert_ptr_nonnull(strstr(m, "\\fB\\-\\-allow\\-invalid\\fR"));
	ck_assert_ptr_nonnull(strstr(m, ".nf\nan example line \\-x\n.fi"));
	ck_assert_ptr_nonnull(strstr(m, ".SH \"EXIT STATUS\""));
	ck_assert_ptr_nonnull(strstr(m, "\\fB\\-\\-token\\-file\\fR"));
	ck_assert_ptr_null(strstr(m, "\\fB\\-\\-token\\fR"));
	free(m);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("opt");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, options_and_operands_are_stored_in_any_order);
	tcase_add_test(tc, double_dash_ends_the_options);
	tcase_add_test(tc, a_command_can_be_parsed_twice_in_one_process);
	tcase_add_test(tc, an_unambiguous_prefix_names_its_option);
	tcase_add_test(tc, bad_command_lines_are_usage_errors_that_name_the_option);
	tcase_add_test(tc, a_refused_option_never_repeats_its_value);
	tcase_add_test(tc, the_language_option_takes_it_or_en);
	tcase_add_test(tc, numbers_are_whole_and_in_range);
	tcase_add_test(tc, help_is_an_option_of_every_command);
	tcase_add_test(tc, help_lists_every_option_within_79_columns);
	tcase_add_test(tc, the_manual_page_has_every_option_escaped_for_roff);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
