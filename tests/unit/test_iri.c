/* test_iri.c: the one RFC 3986 resolver (rdf/iri). The RFC's own examples
 * (§5.4.1 normal, §5.4.2 abnormal, base "http://a/b/c/d;p?q"), the
 * empty-segment cases raptor gets wrong, and the cases where the two
 * earlier resolvers of the project disagreed. */
#include "rdf/iri.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#define RFC_BASE "http://a/b/c/d;p?q"

typedef struct {
	const char *ref, *want;
} Case;

static void check_cases(const char *base, const Case *c, size_t n)
{
	DcatitBuf out;
	dcatit_buf_init(&out);
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(dcatit_iri_resolve(base, c[i].ref, &out), DCATIT_OK);
		ck_assert_msg(out.data && strcmp(out.data, c[i].want) == 0,
		              "<%s> against <%s>: got <%s>, want <%s>", c[i].ref, base,
		              out.data ? out.data : "(null)", c[i].want);
	}
	dcatit_buf_release(&out);
}

START_TEST(the_normal_examples_of_rfc_3986_resolve_as_the_rfc_says)
{
	static const Case c[] = {
		{"g:h", "g:h"},
		{"g", "http://a/b/c/g"},
		{"./g", "http://a/b/c/g"},
		{"g/", "http://a/b/c/g/"},
		{"/g", "http://a/g"},
		{"//g", "http://g"},
		{"?y", "http://a/b/c/d;p?y"},
		{"g?y", "http://a/b/c/g?y"},
		{"#s", "http://a/b/c/d;p?q#s"},
		{"g#s", "http://a/b/c/g#s"},
		{"g?y#s", "http://a/b/c/g?y#s"},
		{";x", "http://a/b/c/;x"},
		{"g;x", "http://a/b/c/g;x"},
		{"g;x?y#s", "http://a/b/c/g;x?y#s"},
		{"", "http://a/b/c/d;p?q"},
		{".", "http://a/b/c/"},
		{"./", "http://a/b/c/"},
		{"..", "http://a/b/"},
		{"../", "http://a/b/"},
		{"../g", "http://a/b/g"},
		{"../..", "http://a/"},
		{"../../", "http://a/"},
		{"../../g", "http://a/g"},
	};
	check_cases(RFC_BASE, c, sizeof c / sizeof c[0]);
}
END_TEST

START_TEST(the_abnormal_examples_of_rfc_3986_resolve_as_the_rfc_says)
{
	static const Case c[] = {
		{"../../../g", "http://a/g"},
		{"../../../../g", "http://a/g"},
		{"/./g", "http://a/g"},
		{"/../g", "http://a/g"},
		{"g.", "http://a/b/c/g."},
		{".g", "http://a/b/c/.g"},
		{"g..", "http://a/b/c/g.."},
		{"..g", "http://a/b/c/..g"},
		{"./../g", "http://a/b/g"},
		{"./g/.", "http://a/b/c/g/"},
		{"g/./h", "http://a/b/c/g/h"},
		{"g/../h", "http://a/b/c/h"},
		{"g;x=1/./y", "http://a/b/c/g;x=1/y"},
		{"g;x=1/../y", "http://a/b/c/y"},
		{"g?y/./x", "http://a/b/c/g?y/./x"},
		{"g?y/../x", "http://a/b/c/g?y/../x"},
		{"g#s/./x", "http://a/b/c/g#s/./x"},
		{"g#s/../x", "http://a/b/c/g#s/../x"},
		{"http:g", "http:g"}, /* the strict parser's answer */
	};
	check_cases(RFC_BASE, c, sizeof c / sizeof c[0]);
}
END_TEST

START_TEST(empty_segments_are_segments_when_dot_segments_are_removed)
{
	/* raptor 2.0.15 gives http://ab//xyz for the first */
	static const Case c[] = {
		{"../xyz", "http://ab//de/xyz"},
		{"../../xyz", "http://ab//xyz"},
		{"../../../xyz", "http://ab/xyz"},
		{"../../../../xyz", "http://ab/xyz"},
		{"xyz", "http://ab//de//xyz"},
		{"./xyz", "http://ab//de//xyz"},
		{".//xyz", "http://ab//de///xyz"},
		{"..", "http://ab//de/"},
		{"", "http://ab//de//ghi"},
	};
	check_cases("http://ab//de//ghi", c, sizeof c / sizeof c[0]);
	static const Case d[] = {
		{"./", "http://ab//"},
		{"..", "http://ab/"},
		{"x", "http://ab//x"},
	};
	check_cases("http://ab//", d, sizeof d / sizeof d[0]);
}
END_TEST

START_TEST(dot_dot_removes_the_parent_segment_for_every_caller)
{
	/* harvest/src_dcat.c said http://x/a/../c, rdf/jsonld.c http://x/c */
	static const Case c[] = {
		{"../c", "http://x/c"},
		{"?page=2", "http://x/a/b?page=2"},
		{"/c", "http://x/c"},
		{"//y/c", "http://y/c"},
		{"https://z/p", "https://z/p"},
	};
	check_cases("http://x/a/b", c, sizeof c / sizeof c[0]);
}
END_TEST

START_TEST(bases_without_path_or_with_an_empty_authority_merge_as_the_rfc_says)
{
	static const Case c[] = {{"b", "http://a/b"}, {"?q", "http://a?q"}, {"#f", "http://a#f"}};
	check_cases("http://a", c, sizeof c / sizeof c[0]);
	static const Case f[] = {{"b.ttl", "file:///tmp/b.ttl"}, {"../../x", "file:///x"}};
	check_cases("file:///tmp/a.ttl", f, sizeof f / sizeof f[0]);
	/* the base's fragment never reaches the target */
	static const Case g[] = {{"", "http://a/b"}, {"c", "http://a/c"}};
	check_cases("http://a/b#frag", g, sizeof g / sizeof g[0]);
	/* a base without authority (urn:, tag:) */
	static const Case u[] = {{"x", "tag:a/x"}, {"../y", "tag:/y"}};
	check_cases("tag:a/b", u, sizeof u / sizeof u[0]);
}
END_TEST

START_TEST(absolute_references_keep_their_dot_segments_for_rdf_readers)
{
	DcatitBuf out;
	dcatit_buf_init(&out);
	/* RFC 3986 strict removes them ... */
	ck_assert_int_eq(dcatit_iri_resolve("http://b/", "http://x/a/./b/../c", &out), DCATIT_OK);
	ck_assert_str_eq(out.data, "http://x/a/c");
	/* ... an RDF term written absolute stays as written */
	ck_assert_int_eq(dcatit_iri_resolve_ref("http://b/", "http://x/a/./b/../c", &out),
	                 DCATIT_OK);
	ck_assert_str_eq(out.data, "http://x/a/./b/../c");
	ck_assert_int_eq(dcatit_iri_resolve_ref("http://b/d/e", "../c", &out), DCATIT_OK);
	ck_assert_str_eq(out.data, "http://b/c");
	dcatit_buf_release(&out);
}
END_TEST

START_TEST(schemes_follow_the_rfc_grammar)
{
	ck_assert_uint_eq(dcatit_iri_scheme_len("http://x"), 4);
	ck_assert_uint_eq(dcatit_iri_scheme_len("a+b-c.d:x"), 7);
	ck_assert_uint_eq(dcatit_iri_scheme_len("urn:x"), 3);
	ck_assert_uint_eq(dcatit_iri_scheme_len("1a:x"), 0);
	ck_assert_uint_eq(dcatit_iri_scheme_len("a_b:x"), 0);
	ck_assert_uint_eq(dcatit_iri_scheme_len("/a:b"), 0);
	ck_assert_uint_eq(dcatit_iri_scheme_len(""), 0);
	ck_assert_uint_eq(dcatit_iri_scheme_len(NULL), 0);
	ck_assert(dcatit_iri_is_absolute("g:h"));
	ck_assert(!dcatit_iri_is_absolute("./g:h"));
}
END_TEST

static Suite *iri_suite(void)
{
	Suite *s = suite_create("iri");
	TCase *tc = tcase_create("resolve");
	tcase_add_test(tc, the_normal_examples_of_rfc_3986_resolve_as_the_rfc_says);
	tcase_add_test(tc, the_abnormal_examples_of_rfc_3986_resolve_as_the_rfc_says);
	tcase_add_test(tc, empty_segments_are_segments_when_dot_segments_are_removed);
	tcase_add_test(tc, dot_dot_removes_the_parent_segment_for_every_caller);
	tcase_add_test(tc, bases_without_path_or_with_an_empty_authority_merge_as_the_rfc_says);
	tcase_add_test(tc, absolute_references_keep_their_dot_segments_for_rdf_readers);
	tcase_add_test(tc, schemes_follow_the_rfc_grammar);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(iri_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
