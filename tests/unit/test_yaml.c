/* test_yaml.c: the YAML reader (base/yaml.h): nodes with their lines and
 * parents, and the refusals that keep a hostile file's cost in proportion
 * to its size: anchors and aliases at the first one, nesting past the
 * limit, a second document. */
#include "base/yaml.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"

static DcatitStatus read_text(DcatitYamlDoc *doc, const char *text, DcatitDiag *d)
{
	dcatit_diag_init(d);
	return dcatit_yaml_read(doc, text, strlen(text), "t.yaml", d);
}

START_TEST(a_document_becomes_nodes_with_lines_kinds_and_parents)
{
	DcatitYamlDoc doc;
	DcatitDiag d;
	ck_assert_int_eq(read_text(&doc, "id: x\nlist:\n  - 'a'\n  - {k: v}\n", &d), DCATIT_OK);
	DcatitYamlNode *root = doc.root;
	ck_assert_ptr_nonnull(root);
	ck_assert_int_eq(root->kind, DCATIT_YAML_MAPPING);
	ck_assert_uint_eq(root->nitems, 4); /* two keys, two values */
	ck_assert_str_eq(root->items[0]->value, "id");
	ck_assert(root->items[1]->plain);
	DcatitYamlNode *list = root->items[3];
	ck_assert_int_eq(list->kind, DCATIT_YAML_SEQUENCE);
	ck_assert_uint_eq(list->line, 3);
	ck_assert_uint_eq(list->nitems, 2);
	ck_assert(!list->items[0]->plain);
	ck_assert_str_eq(list->items[0]->value, "a");
	DcatitYamlNode *v = list->items[1]->items[1];
	ck_assert_str_eq(v->value, "v");
	ck_assert_uint_eq(v->line, 4);
	ck_assert_uint_eq(v->col, 9);
	ck_assert_ptr_eq(v->parent->parent, list);
	ck_assert_uint_eq(list->items[1]->pos, 1);
	dcatit_yaml_release(&doc);
	/* no document at all */
	ck_assert_int_eq(read_text(&doc, "# nothing\n", &d), DCATIT_OK);
	ck_assert_ptr_null(doc.root);
}
END_TEST

START_TEST(default_tags_read_as_untagged_and_others_are_kept)
{
	DcatitYamlDoc doc;
	DcatitDiag d;
	ck_assert_int_eq(read_text(&doc, "a: !!str x\nb: ! y\nc: !!map {}\nd: !foo z\n", &d),
	                 DCATIT_OK);
	ck_assert_ptr_null(doc.root->items[1]->tag);
	ck_assert_ptr_null(doc.root->items[3]->tag);
	ck_assert_ptr_null(doc.root->items[5]->tag);
	ck_assert_str_eq(doc.root->items[7]->tag, "!foo");
	dcatit_yaml_release(&doc);
}
END_TEST

START_TEST(an_alias_bomb_is_refused_at_its_first_anchor)
{
	/* 12 levels of ten aliases each: 10^12 nodes if anything walked them */
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, "a: &a [x,x,x,x,x,x,x,x,x,x]\n");
	for (int i = 0; i < 12; i++) {
		dcatit_buf_addf(&b, "%c: &%c [", 'b' + i, 'b' + i);
		for (int k = 0; k < 10; k++)
			dcatit_buf_addf(&b, "%s*%c", k ? "," : "", 'a' + i);
		dcatit_buf_adds(&b, "]\n");
	}
	DcatitYamlDoc doc;
	DcatitDiag d;
	ck_assert_int_eq(read_text(&doc, b.data, &d), DCATIT_ERR_SYNTAX);
	ck_assert_ptr_null(doc.root);
	ck_assert_str_eq(d.file, "t.yaml");
	ck_assert_uint_eq(d.line, 1);
	ck_assert_uint_eq(d.col, 4);
	ck_assert_ptr_nonnull(strstr(d.message, "anchors and aliases are not allowed ('&a')"));
	dcatit_buf_release(&b);
	/* an alias alone (its anchor undefined) is refused the same way */
	ck_assert_int_eq(read_text(&doc, "a: 1\nb: *x\n", &d), DCATIT_ERR_SYNTAX);
	ck_assert_uint_eq(d.line, 2);
}
END_TEST

START_TEST(nesting_past_the_limit_is_a_located_error)
{
	/* flow: 200,000 levels cost libyaml's scanner minutes when read whole */
	size_t n = 200000;
	char *s = malloc(2 * n + 16);
	ck_assert_ptr_nonnull(s);
	memcpy(s, "t: ", 3);
	memset(s + 3, '[', n);
	memset(s + 3 + n, ']', n);
	strcpy(s + 3 + 2 * n, "\n");
	DcatitYamlDoc doc;
	DcatitDiag d;
	ck_assert_int_eq(read_text(&doc, s, &d), DCATIT_ERR_SYNTAX);
	ck_assert_uint_eq(d.line, 1);
	/* the root mapping is the first level, the 255th '[' the last */
	ck_assert_uint_eq(d.col, 3 + DCATIT_YAML_MAX_DEPTH);
	ck_assert_ptr_nonnull(strstr(d.message, "nested more than 256 levels deep"));
	free(s);
	/* block mappings count too; exactly the limit is fine */
	DcatitBuf b;
	dcatit_buf_init(&b);
	for (int i = 0; i < DCATIT_YAML_MAX_DEPTH; i++)
		dcatit_buf_addf(&b, "%*sk:\n", i, "");
	dcatit_buf_addf(&b, "%*sk: v\n", DCATIT_YAML_MAX_DEPTH, "");
	ck_assert_int_eq(read_text(&doc, b.data, &d), DCATIT_ERR_SYNTAX);
	ck_assert_uint_eq(d.line, DCATIT_YAML_MAX_DEPTH + 1);
	dcatit_buf_clear(&b);
	for (int i = 0; i < DCATIT_YAML_MAX_DEPTH - 1; i++)
		dcatit_buf_addf(&b, "%*sk:\n", i, "");
	dcatit_buf_addf(&b, "%*sk: v\n", DCATIT_YAML_MAX_DEPTH - 1, "");
	ck_assert_int_eq(read_text(&doc, b.data, &d), DCATIT_OK);
	dcatit_yaml_release(&doc);
	dcatit_buf_release(&b);
}
END_TEST

START_TEST(a_second_document_and_bad_yaml_are_located_errors)
{
	DcatitYamlDoc doc;
	DcatitDiag d;
	ck_assert_int_eq(read_text(&doc, "a: 1\n---\nb: 2\n", &d), DCATIT_ERR_SYNTAX);
	ck_assert_ptr_nonnull(strstr(d.message, "only one YAML document"));
	ck_assert_uint_eq(d.line, 2);
	ck_assert_int_eq(read_text(&doc, "a: [1,\nb: 2\n", &d), DCATIT_ERR_SYNTAX);
	ck_assert_ptr_nonnull(strstr(d.message, "invalid YAML"));
	ck_assert_uint_gt(d.line, 0);
	static const char nul[] = "a: x\0y\n";
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_yaml_read(&doc, nul, sizeof nul - 1, "t.yaml", &d),
	                 DCATIT_ERR_SYNTAX);
	ck_assert_uint_eq(d.line, 1);
}
END_TEST

START_TEST(a_fifo_is_not_read_and_not_waited_on)
{
	char dir[] = "/tmp/dcatit-yaml-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/f.yaml", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	DcatitYamlDoc doc;
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_yaml_read_file(&doc, path, &d), DCATIT_ERR_IO);
	ck_assert_ptr_nonnull(strstr(d.message, "not a regular file"));
	remove(path);
	remove(dir);
}
END_TEST

static Suite *yaml_suite(void)
{
	Suite *s = suite_create("yaml");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, a_document_becomes_nodes_with_lines_kinds_and_parents);
	tcase_add_test(tc, default_tags_read_as_untagged_and_others_are_kept);
	tcase_add_test(tc, an_alias_bomb_is_refused_at_its_first_anchor);
	tcase_add_test(tc, nesting_past_the_limit_is_a_located_error);
	tcase_add_test(tc, a_second_document_and_bad_yaml_are_located_errors);
	tcase_add_test(tc, a_fifo_is_not_read_and_not_waited_on);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(yaml_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
