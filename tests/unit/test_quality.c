/* test_quality.c: the MQA tables, the rating bands at their edges, the
 * strings table and the link cache file. The scoring itself is tested on
 * real files by tests/quality (one fixture per indicator). */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "quality/indicators.h"
#include "quality/linkcache.h"
#include "quality/strings.h"
#include "quality/vocabs.h"

START_TEST(points_add_up_to_405_and_to_each_dimension_maximum)
{
	int total = 0, dims[DCATIT_QD_COUNT] = { 0 };
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		const DcatitQualityIndicatorInfo *info = dcatit_quality_indicator((DcatitQualityIndicator)i);
		total += info->points;
		dims[info->dim] += info->points;
	}
	ck_assert_int_eq(total, DCATIT_QUALITY_MAX);
	ck_assert_int_eq(total, 405);
	int expected[DCATIT_QD_COUNT] = { 100, 100, 110, 75, 20 };
	for (int k = 0; k < DCATIT_QD_COUNT; k++) {
		ck_assert_int_eq(dims[k], expected[k]);
		ck_assert_int_eq(dcatit_quality_dimension_max((DcatitQualityDimension)k), expected[k]);
	}
	ck_assert_int_eq(DCATIT_QI_COUNT, 23);
}
END_TEST

START_TEST(metric_names_round_trip)
{
	for (int i = 0; i < DCATIT_QI_COUNT; i++) {
		DcatitQualityIndicator got;
		ck_assert(dcatit_quality_indicator_from_name(
			dcatit_quality_indicator((DcatitQualityIndicator)i)->metric, &got));
		ck_assert_int_eq(got, i);
	}
	DcatitQualityIndicator got;
	ck_assert(!dcatit_quality_indicator_from_name("keywordavailability", &got));
	ck_assert(dcatit_quality_indicator_from_name("knownLicence", &got));
	ck_assert_int_eq(got, DCATIT_QI_KNOWN_LICENCE);
}
END_TEST

START_TEST(bands_follow_the_published_table_at_every_edge)
{
	ck_assert_int_eq(dcatit_quality_band(0), DCATIT_QBAND_BAD);
	ck_assert_int_eq(dcatit_quality_band(120), DCATIT_QBAND_BAD); /* piveau: Sufficient */
	ck_assert_int_eq(dcatit_quality_band(121), DCATIT_QBAND_SUFFICIENT);
	ck_assert_int_eq(dcatit_quality_band(220), DCATIT_QBAND_SUFFICIENT);
	ck_assert_int_eq(dcatit_quality_band(221), DCATIT_QBAND_GOOD);
	ck_assert_int_eq(dcatit_quality_band(350), DCATIT_QBAND_GOOD);
	ck_assert_int_eq(dcatit_quality_band(351), DCATIT_QBAND_EXCELLENT);
	ck_assert_int_eq(dcatit_quality_band(405), DCATIT_QBAND_EXCELLENT);
	ck_assert_str_eq(dcatit_quality_band_name(DCATIT_QBAND_SUFFICIENT), "sufficient");
	ck_assert_int_eq(dcatit_quality_band_min(DCATIT_QBAND_GOOD), 221);
}
END_TEST

START_TEST(a_catalogue_mean_is_rounded_before_its_band)
{
	ck_assert_int_eq(dcatit_quality_band_of_mean(120.49), DCATIT_QBAND_BAD);
	ck_assert_int_eq(dcatit_quality_band_of_mean(120.5), DCATIT_QBAND_SUFFICIENT);
	ck_assert_int_eq(dcatit_quality_band_of_mean(220.4), DCATIT_QBAND_SUFFICIENT);
	ck_assert_int_eq(dcatit_quality_band_of_mean(220.5), DCATIT_QBAND_GOOD);
	ck_assert_int_eq(dcatit_quality_band_of_mean(350.49), DCATIT_QBAND_GOOD);
	ck_assert_int_eq(dcatit_quality_band_of_mean(350.5), DCATIT_QBAND_EXCELLENT);
}
END_TEST

START_TEST(band_names_round_trip)
{
	for (int b = 0; b < DCATIT_QBAND_COUNT; b++) {
		DcatitQualityBand got;
		ck_assert(dcatit_quality_band_from_name(dcatit_quality_band_name((DcatitQualityBand)b), &got));
		ck_assert_int_eq(got, b);
	}
	DcatitQualityBand got;
	ck_assert(!dcatit_quality_band_from_name("Excellent", &got));
}
END_TEST

START_TEST(every_report_string_has_english_and_italian)
{
	/* the Italian comes from the build's message catalogue (po/it.po);
	 * po-it-complete checks that every string is translated there */
	const char *dir = getenv("DCATIT_LOCALEDIR");
	ck_assert_ptr_nonnull(dir);
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
	setenv("LANGUAGE", "it", 1);
	ck_assert_ptr_nonnull(bindtextdomain(DCATIT_TEXTDOMAIN, dir));
	bind_textdomain_codeset(DCATIT_TEXTDOMAIN, "UTF-8");
	for (int s = 0; s < QS_COUNT_; s++) {
		ck_assert_msg(*dcatit_quality_str((DcatitQualityStr)s, DCATIT_QLANG_EN), "string %d en", s);
		ck_assert_msg(*dcatit_quality_str((DcatitQualityStr)s, DCATIT_QLANG_IT), "string %d it", s);
	}
	for (int i = 0; i < DCATIT_QI_COUNT; i++)
		for (int l = 0; l < 2; l++) {
			ck_assert(*dcatit_quality_indicator_label((DcatitQualityIndicator)i, (DcatitQualityLang)l));
			ck_assert(*dcatit_quality_indicator_action((DcatitQualityIndicator)i, (DcatitQualityLang)l));
		}
	ck_assert_str_eq(dcatit_quality_band_label(DCATIT_QBAND_EXCELLENT, DCATIT_QLANG_IT), "Eccellente");
	ck_assert_str_eq(dcatit_quality_band_label(DCATIT_QBAND_EXCELLENT, DCATIT_QLANG_EN), "Excellent");
	ck_assert_str_eq(dcatit_quality_str(QS_FIX_FIRST, DCATIT_QLANG_IT), "Da correggere per primo");
	/* in a message: the language of the messages, whatever the report's */
	ck_assert_str_eq(dcatit_quality_band_word(DCATIT_QBAND_GOOD), "buono");
	setenv("LANGUAGE", "en", 1);
	textdomain(DCATIT_TEXTDOMAIN);
	ck_assert_str_eq(dcatit_quality_band_word(DCATIT_QBAND_GOOD), "good");
}
END_TEST

START_TEST(the_link_cache_keeps_results_and_drops_old_ones)
{
	char dir[] = "/tmp/dcatit-test-cacheXXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/links.json", dir);
	DcatitLinkCache c;
	dcatit_link_cache_init(&c);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_link_cache_load(&c, path, &d), DCATIT_OK); /* missing: empty */
	ck_assert_int_eq(dcatit_link_cache_put(&c, "http://a.example/x", 200, "", 1000), DCATIT_OK);
	ck_assert_int_eq(dcatit_link_cache_put(&c, "http://b.example/\"q\"", 1100, "timed out", 2000),
	                 DCATIT_OK);
	ck_assert_int_eq(dcatit_link_cache_put(&c, "http://a.example/x", 404, "", 3000), DCATIT_OK);
	ck_assert_int_eq(dcatit_link_cache_put(&c, "http://old.example/", 200, "", 10), DCATIT_OK);
	ck_assert_int_eq(dcatit_link_cache_save(&c, path, 500, &d), DCATIT_OK);
	dcatit_link_cache_release(&c);

	dcatit_link_cache_init(&c);
	ck_assert_int_eq(dcatit_link_cache_load(&c, path, &d), DCATIT_OK);
	ck_assert_uint_eq(c.n, 2);
	const DcatitLinkCacheEntry *e = dcatit_link_cache_get(&c, "http://a.example/x");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->status, 404);
	ck_assert_int_eq(e->checked, 3000);
	e = dcatit_link_cache_get(&c, "http://b.example/\"q\"");
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->reason, "timed out");
	ck_assert_ptr_null(dcatit_link_cache_get(&c, "http://old.example/"));
	dcatit_link_cache_release(&c);

	/* a file that is not a cache is refused, never overwritten */
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("{\"schema\":\"something-else\"}", f);
	fclose(f);
	dcatit_link_cache_init(&c);
	ck_assert_int_eq(dcatit_link_cache_load(&c, path, &d), DCATIT_ERR_INVALID);
	dcatit_link_cache_release(&c);
	unlink(path);
	rmdir(dir);
}
END_TEST

START_TEST(freeing_null_is_a_no_op)
{
	dcatit_quality_vocab_free(NULL);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("quality");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, points_add_up_to_405_and_to_each_dimension_maximum);
	tcase_add_test(tc, metric_names_round_trip);
	tcase_add_test(tc, bands_follow_the_published_table_at_every_edge);
	tcase_add_test(tc, a_catalogue_mean_is_rounded_before_its_band);
	tcase_add_test(tc, band_names_round_trip);
	tcase_add_test(tc, every_report_string_has_english_and_italian);
	tcase_add_test(tc, the_link_cache_keeps_results_and_drops_old_ones);
	tcase_add_test(tc, freeing_null_is_a_no_op);
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
