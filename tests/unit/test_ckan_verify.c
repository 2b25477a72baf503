/* test_ckan_verify.c: the comparison of a local dataset with what a portal
 * serves (ckan/verify.h): equivalent forms are not degradations, the
 * portal's known changes are named, the two endpoints' findings merge. */
#include "ckan/verify.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "rdf/rdfio.h"

static const char LOCAL[] =
	"@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	"@prefix dct: <http://purl.org/dc/terms/> .\n"
	"@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
	"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
	"@prefix l: <https://w3id.org/italia/controlled-vocabulary/licences/> .\n"
	"<http://ex.org/d> a dcat:Dataset ; dct:identifier \"x:d\" ;\n"
	"  dct:title \"Titolo\"@it ; dct:issued \"2015-11-02\"^^xsd:date ;\n"
	"  dcat:distribution <http://ex.org/d/1>, <http://ex.org/d/2> .\n"
	"<http://ex.org/d/1> dcat:accessURL <http://ex.org/1> ; dct:license l:A21_CCBY40 ;\n"
	"  dcat:byteSize \"3365\"^^xsd:decimal .\n"
	"<http://ex.org/d/2> dcat:accessURL <http://ex.org/2> ; dct:license l:C1_Unknown .\n"
	"l:A21_CCBY40 rdfs:seeAlso <https://creativecommons.org/licenses/by/4.0/> .\n";

/* What the real portal serves of it: untagged title, dateTime, size as
 * 3365.0, the CC document for CC BY and its CC BY fallback for C1_Unknown,
 * and (per dataset) the issued date read month first. */
static const char SERVED[] =
	"@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	"@prefix dct: <http://purl.org/dc/terms/> .\n"
	"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
	"<http://ex.org/d> a dcat:Dataset ; dct:identifier \"x:d\" ;\n"
	"  dct:title \"Titolo\" ; dct:issued \"2015-02-11T00:00:00\"^^xsd:dateTime ;\n"
	"  dcat:distribution <http://ex.org/d/1>, <http://ex.org/d/2> .\n"
	"<http://ex.org/d/1> dcat:accessURL <http://ex.org/1> ;\n"
	"  dct:license <https://creativecommons.org/licenses/by/4.0/> ;\n"
	"  dcat:byteSize \"3365.0\"^^xsd:decimal .\n"
	"<http://ex.org/d/2> dcat:accessURL <http://ex.org/2> ;\n"
	"  dct:license <http://creativecommons.org/licenses/by/4.0/it/> .\n";

static DcatitTerms *terms;

static DcatitModel *load(const char *ttl, const char *name)
{
	DcatitModel *m = dcatit_model_new(terms);
	DcatitParseOpts po = { .syntax = DCATIT_SYNTAX_TURTLE, .name = name };
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, ttl, strlen(ttl), &po, &d), DCATIT_OK);
	return m;
}

static const DcatitVerifyFinding *find(const DcatitVerifyDataset *ds, const char *prop,
                                       const char *subject_part, bool degrading)
{
	for (size_t i = 0; i < ds->nfindings; i++)
		if (strcmp(ds->findings[i].property, prop) == 0 &&
		    strstr(ds->findings[i].subject, subject_part) &&
		    ds->findings[i].degrading == degrading)
			return &ds->findings[i];
	return NULL;
}

START_TEST(the_known_changes_are_named_and_equivalent_forms_are_not_degradations)
{
	terms = dcatit_terms_new();
	DcatitModel *local = load(LOCAL, "local.ttl"), *served = load(SERVED, "served.ttl");
	DcatitTermId d = dcatit_terms_iri_z(terms, "http://ex.org/d");
	DcatitVerifyDataset ds;
	memset(&ds, 0, sizeof ds);
	dcatit_results_init(&ds.violations);
	ck_assert_int_eq(dcatit_verify_compare(local, d, served, d, DCATIT_VERIFY_DATASET_RDF, &ds),
	                 DCATIT_OK);
	const DcatitVerifyFinding *f = find(&ds, "dct:issued", "", true);
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(strstr(f->why, "day and month swapped"));
	ck_assert_ptr_nonnull(f->todo);
	f = find(&ds, "dct:license", "d/2", true);
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(strstr(f->why, "nobody granted"));
	ck_assert_ptr_nonnull(find(&ds, "dct:license", "d/1", false));
	ck_assert_ptr_null(find(&ds, "dct:license", "d/1", true));
	ck_assert_ptr_nonnull(find(&ds, "dcat:byteSize", "d/1", false));
	ck_assert_ptr_nonnull(find(&ds, "dct:title", "", false));
	/* the catalogue endpoint serves the date right: its findings merge */
	DcatitModel *cat = load(SERVED, "catalog.ttl");
	size_t before = ds.nfindings;
	ck_assert_int_eq(dcatit_verify_compare(local, d, cat, d, DCATIT_VERIFY_CATALOG_RDF, &ds),
	                 DCATIT_OK);
	ck_assert_uint_eq(ds.nfindings, before);
	ck_assert_uint_eq(find(&ds, "dct:issued", "", true)->endpoints,
	                  DCATIT_VERIFY_DATASET_RDF | DCATIT_VERIFY_CATALOG_RDF);
	DcatitVerifyReport rep;
	memset(&rep, 0, sizeof rep);
	dcatit_verify_settle(&rep, &ds);
	ck_assert_int_eq(ds.status, DCATIT_VERIFY_DEGRADED);
	ck_assert_uint_eq(rep.degraded, 1);
	/* the same graph served back: intact */
	DcatitVerifyDataset same;
	memset(&same, 0, sizeof same);
	dcatit_results_init(&same.violations);
	ck_assert_int_eq(dcatit_verify_compare(local, d, local, d, DCATIT_VERIFY_DATASET_RDF, &same),
	                 DCATIT_OK);
	ck_assert_uint_eq(same.nfindings, 0);
	dcatit_verify_settle(&rep, &same);
	ck_assert_int_eq(same.status, DCATIT_VERIFY_INTACT);
	ck_assert_uint_eq(rep.intact, 1);
	/* release through a report */
	rep.datasets = calloc(2, sizeof *rep.datasets);
	rep.datasets[0] = ds;
	rep.datasets[1] = same;
	rep.n = 2;
	dcatit_verify_report_release(&rep);
	dcatit_model_free(local);
	dcatit_model_free(served);
	dcatit_model_free(cat);
	dcatit_terms_free(terms);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ckan_verify");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, the_known_changes_are_named_and_equivalent_forms_are_not_degradations);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
