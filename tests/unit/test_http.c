/* test_http.c: the pure helpers of the HTTP module (transfers are tested
 * against local servers in tests/push and tests/ckan). */
#include "net/http.h"

#include <check.h>
#include <stdlib.h>

START_TEST(escape_keeps_only_unreserved_characters)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_http_escape(&b, "AZaz09-._~ /?&=+:é");
	ck_assert(!b.oom);
	ck_assert_str_eq(b.data, "AZaz09-._~%20%2F%3F%26%3D%2B%3A%C3%A9");
	dcatit_buf_clear(&b);
	dcatit_http_escape(&b, "");
	ck_assert(!b.oom);
	ck_assert_uint_eq(b.len, 0);
	dcatit_buf_release(&b);
}
END_TEST

START_TEST(only_http_and_https_urls_are_allowed)
{
	ck_assert(dcatit_http_url_is_allowed("https://dati.example.it/"));
	ck_assert(dcatit_http_url_is_allowed("HTTP://127.0.0.1:8080/x"));
	ck_assert(!dcatit_http_url_is_allowed("file:///etc/passwd"));
	ck_assert(!dcatit_http_url_is_allowed("ftp://example.org/"));
	ck_assert(!dcatit_http_url_is_allowed(NULL));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("http");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, escape_keeps_only_unreserved_characters);
	tcase_add_test(tc, only_http_and_https_urls_are_allowed);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
