/* test_ckan_api.c: the CKAN API client's offline parts: CKAN's error
 * dicts turned into one line, token redaction, URL and token checks, the
 * JSON module's errors, and _free(NULL). */
#include "ckan/api.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "net/http.h"
#include "base/json.h"

static char *error_line(const char *json)
{
	DcatitJson *j = dcatit_json_parse(json, strlen(json), NULL);
	ck_assert_ptr_nonnull(j);
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_ckan_error_text(j, &b);
	dcatit_json_free(j);
	return dcatit_buf_detach(&b);
}

START_TEST(validation_errors_read_as_field_and_message)
{
	/* as recorded from CKAN 2.10 + ckanext-dcatapit */
	char *s = error_line("{\"frequency\": [\"Missing value\"], \"identifier\": [\"Missing value\"],"
	                     " \"__type\": \"Validation Error\"}");
	ck_assert_str_eq(s, "Validation Error: frequency: Missing value; identifier: Missing value");
	free(s);
	s = error_line("{\"__type\": \"Authorization Error\", \"message\": \"Access denied: User  not "
	               "authorized to create packages\"}");
	ck_assert_str_eq(s, "Authorization Error: Access denied: User  not authorized to create "
	                    "packages");
	free(s);
	s = error_line("\"Bad request - Action name not known: nope\"");
	ck_assert_str_eq(s, "Bad request - Action name not known: nope");
	free(s);
	s = error_line("{\"extras\": [{\"key\": [\"There is a schema field with the same name\"]}],"
	               " \"__type\": \"Validation Error\"}");
	ck_assert_str_eq(s, "Validation Error: extras: [{\"key\":[\"There is a schema field with "
	                    "the same name\"]}]");
	free(s);
}
END_TEST

START_TEST(the_token_is_redacted_everywhere_in_a_message)
{
	DcatitCkanOpts o = { .url = "http://127.0.0.1:1", .token = "tok-secret-42" };
	DcatitCkan *c = dcatit_ckan_new(&o, NULL);
	ck_assert_ptr_nonnull(c);
	char msg[] = "header tok-secret-42 and again tok-secret-42!";
	dcatit_ckan_redact(c, msg);
	ck_assert_str_eq(msg, "header *** and again ***!");
	dcatit_ckan_free(c);
}
END_TEST

START_TEST(only_http_urls_and_single_line_tokens_are_accepted)
{
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitCkanOpts o = { .url = "ftp://example.org" };
	ck_assert_ptr_null(dcatit_ckan_new(&o, &d));
	ck_assert_int_eq(d.status, DCATIT_ERR_USAGE);
	DcatitCkanOpts o2 = { .url = "https://example.org", .token = "a\r\nX-Evil: 1" };
	dcatit_diag_init(&d);
	ck_assert_ptr_null(dcatit_ckan_new(&o2, &d));
	/* the refusal is reported, and the message does not echo the token */
	ck_assert_int_eq(d.status, DCATIT_ERR_USAGE);
	ck_assert_str_eq(d.message, "the API token contains a line break");
	ck_assert(!strstr(d.message, "Evil"));
	ck_assert(dcatit_http_url_is_allowed("HTTPS://x"));
	ck_assert(!dcatit_http_url_is_allowed("file:///etc/passwd"));
	ck_assert(!dcatit_http_url_is_allowed(NULL));
}
END_TEST

START_TEST(bad_json_is_located)
{
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_ptr_null(dcatit_json_parse("{\n  \"a\": [1,\n}", 14, &d));
	ck_assert_int_eq(d.status, DCATIT_ERR_SYNTAX);
	ck_assert_uint_eq(d.line, 3);
	DcatitJson *j = dcatit_json_parse("{\"b\":1,\"a\":\"x\"}", 15, &d);
	char *sorted = dcatit_json_dump(j, true);
	ck_assert_str_eq(sorted, "{\"a\":\"x\",\"b\":1}");
	free(sorted);
	dcatit_json_free(j);
}
END_TEST

START_TEST(free_of_null_is_a_no_op)
{
	dcatit_json_free(NULL);
	dcatit_http_free(NULL);
	dcatit_ckan_free(NULL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ckan_api");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, validation_errors_read_as_field_and_message);
	tcase_add_test(tc, the_token_is_redacted_everywhere_in_a_message);
	tcase_add_test(tc, only_http_urls_and_single_line_tokens_are_accepted);
	tcase_add_test(tc, bad_json_is_located);
	tcase_add_test(tc, free_of_null_is_a_no_op);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
