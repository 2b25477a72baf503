/* test_json.c: the JSON module, the parts the JSON-LD reader and writer use
 * (parse flags, kinds, member lookup, small constructors, pretty dump). */
#include "base/json.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

START_TEST(container_flag_refuses_a_scalar_at_the_top_located_at_the_file)
{
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitJson *j = dcatit_json_parse("42", 2, &d);
	ck_assert_int_eq(dcatit_json_kind(j), DCATIT_JSON_INTEGER);
	dcatit_json_free(j);
	ck_assert_ptr_null(dcatit_json_parse_opts("\n 42", 4, DCATIT_JSON_CONTAINER, "a.jsonld", &d));
	ck_assert_int_eq(d.status, DCATIT_ERR_SYNTAX);
	ck_assert_str_eq(d.file, "a.jsonld");
	ck_assert_uint_eq(d.line, 2);
	ck_assert_ptr_nonnull(strstr(d.message, "invalid JSON: "));
}
END_TEST

START_TEST(big_int_flag_reads_every_number_as_a_real_only_when_needed)
{
	const char *big = "[123456789012345678901234567890, 5]";
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_ptr_null(dcatit_json_parse_opts(big, strlen(big), 0, NULL, &d));
	DcatitJson *j = dcatit_json_parse_opts(big, strlen(big), DCATIT_JSON_BIG_INT_AS_REAL,
	                                       NULL, &d);
	ck_assert_int_eq(dcatit_json_kind(dcatit_json_at(j, 0)), DCATIT_JSON_REAL);
	ck_assert_int_eq(dcatit_json_kind(dcatit_json_at(j, 1)), DCATIT_JSON_REAL);
	dcatit_json_free(j);
	j = dcatit_json_parse_opts("[5]", 3, DCATIT_JSON_BIG_INT_AS_REAL, NULL, &d);
	ck_assert(dcatit_json_is_integer(dcatit_json_at(j, 0)));
	dcatit_json_free(j);
}
END_TEST

START_TEST(kinds_and_predicates_take_null)
{
	const char *s = "[null, true, false, 1, 1.5, \"s\", [], {}]";
	DcatitJson *j = dcatit_json_parse(s, strlen(s), NULL);
	const DcatitJsonKind want[] = {DCATIT_JSON_NULL, DCATIT_JSON_TRUE, DCATIT_JSON_FALSE,
	                               DCATIT_JSON_INTEGER, DCATIT_JSON_REAL, DCATIT_JSON_STRING,
	                               DCATIT_JSON_ARRAY, DCATIT_JSON_OBJECT};
	for (size_t i = 0; i < 8; i++)
		ck_assert_int_eq(dcatit_json_kind(dcatit_json_at(j, i)), want[i]);
	ck_assert(dcatit_json_is_bool(dcatit_json_at(j, 2)));
	ck_assert(!dcatit_json_is_bool(dcatit_json_at(j, 0)));
	ck_assert(dcatit_json_is_number(dcatit_json_at(j, 4)));
	ck_assert(!dcatit_json_is_integer(dcatit_json_at(j, 4)));
	ck_assert_int_eq(dcatit_json_kind(NULL), DCATIT_JSON_NULL);
	ck_assert(!dcatit_json_is_bool(NULL) && !dcatit_json_is_number(NULL) &&
	          !dcatit_json_is_integer(NULL) && !dcatit_json_equal(NULL, NULL));
	dcatit_json_free(j);
}
END_TEST

START_TEST(key_gives_the_stored_key_and_value_in_document_order)
{
	const char *s = "{\"b\": 1, \"a\": [2]}";
	DcatitJson *j = dcatit_json_parse(s, strlen(s), NULL);
	char probe[] = "a";
	DcatitJson *v = NULL;
	const char *k = dcatit_json_key(j, probe, &v);
	ck_assert_ptr_nonnull(k);
	ck_assert_ptr_ne(k, probe);
	ck_assert_str_eq(k, "a");
	ck_assert_ptr_eq(v, dcatit_json_get(j, "a"));
	ck_assert_ptr_null(dcatit_json_key(j, "c", &v));
	ck_assert_ptr_null(dcatit_json_key(v, "a", &v));
	const char *order[2];
	size_t n = 0;
	for (void *it = NULL; dcatit_json_next(j, &it, &k, &v);)
		order[n++] = k;
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(order[0], "b");
	ck_assert_str_eq(order[1], "a");
	dcatit_json_free(j);
}
END_TEST

START_TEST(pair_stringn_equal_and_pretty_dump)
{
	DcatitJson *arr = dcatit_json_array();
	dcatit_json_append(arr, dcatit_json_stringn("x\0y", 3));
	DcatitJson *list = dcatit_json_pair("@list", dcatit_json_ref(arr));
	ck_assert_ptr_eq(dcatit_json_get(list, "@list"), arr);
	ck_assert_uint_eq(dcatit_json_strlen(dcatit_json_at(arr, 0)), 3);
	ck_assert_ptr_null(dcatit_json_pair("@id", NULL));
	const char *s = "{\"@list\": [\"x\\u0000y\"]}";
	DcatitJson *same = dcatit_json_parse(s, strlen(s), NULL);
	ck_assert(dcatit_json_equal(list, same));
	DcatitJson *obj = dcatit_json_pair("z", dcatit_json_string("1"));
	dcatit_json_set(obj, "a", dcatit_json_integer(2));
	char *text = dcatit_json_dump_pretty(obj);
	ck_assert_str_eq(text, "{\n  \"a\": 2,\n  \"z\": \"1\"\n}");
	free(text);
	dcatit_json_free(obj);
	dcatit_json_free(same);
	dcatit_json_free(list);
	dcatit_json_free(arr);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, container_flag_refuses_a_scalar_at_the_top_located_at_the_file);
	tcase_add_test(tc, big_int_flag_reads_every_number_as_a_real_only_when_needed);
	tcase_add_test(tc, kinds_and_predicates_take_null);
	tcase_add_test(tc, key_gives_the_stored_key_and_value_in_document_order);
	tcase_add_test(tc, pair_stringn_equal_and_pretty_dump);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
