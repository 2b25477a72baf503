/* test_catalog.c: the catalogue builder's modules: file facts, code lists
 * and suggestions, CSV checks, the YAML records (located errors, minted IRIs
 * and identifiers) and the JSON-LD writer. Fixtures are written to a
 * temporary directory. */
#define _XOPEN_SOURCE 700 /* nftw, for removing the fixtures */
#include "catalog/build.h"

#include <check.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "rdf/codes.h"
#include "catalog/cfile.h"
#include "catalog/dist.h"
#include "catalog/notes.h"
#include "catalog/tables.h"
#include "rdf/jsonld_write.h"

static char tmpdir[256];

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Teardown: remove the fixture directory of the test. */
static void cleanup(void)
{
	if (tmpdir[0])
		nftw(tmpdir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	tmpdir[0] = '\0';
}

static void make_tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/dcatit-catalog-XXXXXX", t && *t ? t : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

/* Write text to tmpdir/rel (parents created); returns the full path in a
 * static buffer. */
static const char *put(const char *rel, const char *text)
{
	static char path[1024];
	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	for (char *s = path + strlen(tmpdir) + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		mkdir(path, 0777);
		*s = '/';
	}
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* Check the CSV file at path as the build does (read whole). */
static DcatitStatus check_file(const char *path, const char *display, const DcatitDict *dict,
                               DcatitOrgs *orgs, DcatitNotes *n)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	char buf[65536];
	size_t len = fread(buf, 1, sizeof buf, f);
	fclose(f);
	return dcatit_tables_check(buf, len, display, dict, orgs, n);
}

/* The facts of the file at path (opened here). */
static DcatitStatus facts_of(const char *path, DcatitFileFacts *f, DcatitDiag *d)
{
	int fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	DcatitStatus st = dcatit_dist_facts(fd, path, f, d);
	close(fd);
	return st;
}

START_TEST(file_facts_give_size_checksums_and_the_first_text_fault)
{
	make_tmpdir();
	const char *p = put("a.txt", "abc");
	DcatitFileFacts f;
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(facts_of(p, &f, &d), DCATIT_OK);
	ck_assert_uint_eq(f.size, 3);
	ck_assert_str_eq(f.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ck_assert_str_eq(f.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d");
	ck_assert_int_eq(f.text.fault, DCATIT_UTF8_OK);
	/* a NUL on line 2, after two characters (one of them two bytes) */
	static const char nul[] = "riga uno\n\xc3\xa8x\0y\n";
	p = put("nul.txt", "");
	FILE *fp = fopen(p, "wb");
	ck_assert_ptr_nonnull(fp);
	fwrite(nul, 1, sizeof nul - 1, fp);
	fclose(fp);
	ck_assert_int_eq(facts_of(p, &f, &d), DCATIT_OK);
	ck_assert_uint_eq(f.size, sizeof nul - 1);
	ck_assert_int_eq(f.text.fault, DCATIT_UTF8_NUL);
	ck_assert_uint_eq(f.text.line, 2);
	ck_assert_uint_eq(f.text.col, 3);
	p = put("cut.txt", "ok\n\xe2\x82");
	ck_assert_int_eq(facts_of(p, &f, &d), DCATIT_OK);
	ck_assert_int_eq(f.text.fault, DCATIT_UTF8_INVALID);
	ck_assert_uint_eq(f.text.line, 2);
}
END_TEST

START_TEST(catalogue_files_are_regular_files_inside_the_catalogue)
{
	make_tmpdir();
	put("cat/catalog.yaml", "base_uri: https://example.org\n");
	put("cat/files/a.csv", "a\n1\n");
	put("cat/sub/x.txt", "x\n");
	put("secret.txt", "password\n");
	char cat[600], p[700], q[700];
	snprintf(cat, sizeof cat, "%s/cat", tmpdir);
	snprintf(p, sizeof p, "%s/files/inside.csv", cat);
	ck_assert_int_eq(symlink("a.csv", p), 0);
	snprintf(p, sizeof p, "%s/files/out.csv", cat);
	snprintf(q, sizeof q, "%s/secret.txt", tmpdir);
	ck_assert_int_eq(symlink(q, p), 0);
	snprintf(p, sizeof p, "%s/files/env", cat);
	ck_assert_int_eq(symlink("/proc/self/environ", p), 0);
	snprintf(p, sizeof p, "%s/files/null", cat);
	ck_assert_int_eq(symlink("/dev/null", p), 0);
	snprintf(p, sizeof p, "%s/files/fifo", cat);
	ck_assert_int_eq(mkfifo(p, 0600), 0);
	snprintf(p, sizeof p, "%s/outdir", cat);
	ck_assert_int_eq(symlink(tmpdir, p), 0);
	DcatitBuild *b = dcatit_build_new(cat, NULL, NULL);
	ck_assert_ptr_nonnull(b);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_build_locate(b, &d), DCATIT_OK);
	static const struct {
		const char *rel;
		DcatitStatus st;
		const char *want;
	} cases[] = {
		{ "files/a.csv", DCATIT_OK, NULL },
		{ "files/inside.csv", DCATIT_OK, NULL },
		{ "files/out.csv", DCATIT_ERR_INVALID, "leads outside" },
		{ "files/env", DCATIT_ERR_INVALID, "leads outside" },
		{ "files/null", DCATIT_ERR_INVALID, "is a device, not a regular file" },
		{ "files/fifo", DCATIT_ERR_INVALID, "is a FIFO, not a regular file" },
		{ "files", DCATIT_ERR_INVALID, "is a directory, not a regular file" },
		{ "files/nope", DCATIT_ERR_NOT_FOUND, "cannot read" },
		{ "outdir/secret.txt", DCATIT_ERR_INVALID, "leads outside" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int fd = 12345;
		dcatit_diag_init(&d);
		DcatitStatus st = dcatit_cfile_open(b, cases[i].rel, &fd, &d);
		ck_assert_msg(st == cases[i].st, "%s: %d %s", cases[i].rel, st, d.message);
		if (st == DCATIT_OK) {
			ck_assert_int_ge(fd, 0);
			close(fd);
		} else {
			ck_assert_int_eq(fd, -1);
			ck_assert_msg(strstr(d.message, cases[i].want) != NULL, "%s: %s", cases[i].rel,
			              d.message);
		}
	}
	DcatitBuf text;
	dcatit_buf_init(&text);
	ck_assert_int_eq(dcatit_cfile_read(b, "files/inside.csv", &text, &d), DCATIT_OK);
	ck_assert_str_eq(text.data, "a\n1\n");
	dcatit_buf_release(&text);
	ck_assert_int_eq(dcatit_cfile_check_dir(b, "sub", &d), DCATIT_OK);
	ck_assert_int_eq(dcatit_cfile_check_dir(b, "outdir", &d), DCATIT_ERR_INVALID);
	ck_assert_int_eq(dcatit_cfile_check_dir(b, "files/a.csv", &d), DCATIT_ERR_INVALID);
	ck_assert_int_eq(dcatit_cfile_check_dir(b, "nope", &d), DCATIT_ERR_NOT_FOUND);
	dcatit_build_free(b);
}
END_TEST

START_TEST(formats_and_media_types_come_from_the_extension)
{
	ck_assert_str_eq(dcatit_dist_format_from_path("files/t.csv"), "CSV");
	ck_assert_str_eq(dcatit_dist_format_from_path("T.PDF"), "PDF");
	ck_assert_str_eq(dcatit_dist_media_type_from_path("a/b.md"), "text/markdown");
	ck_assert_ptr_null(dcatit_dist_format_from_path("dir.csv/noext"));
	ck_assert_ptr_null(dcatit_dist_format_from_path("x.unknownext"));
}
END_TEST

START_TEST(code_lists_are_scanned_from_iris_and_suggest_near_codes)
{
	make_tmpdir();
	const char *p = put("t.ttl",
	        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
	        "<http://x.org/theme/GOVE> a skos:Concept .\n"
	        "<http://x.org/theme/TECH> a skos:Concept .\n"
	        "<http://x.org/theme> a skos:ConceptScheme .\n"
	        "# http://x.org/theme/NOTANIRI is only text\n"
	        "<http://x.org/theme/OP_DATPRO> a skos:Concept .\n");
	DcatitCodes *c = dcatit_codes_new();
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_codes_scan_file(c, p, "http://x.org/theme/", &d), DCATIT_OK);
	ck_assert_uint_eq(dcatit_codes_count(c), 3);
	ck_assert(dcatit_codes_has(c, "GOVE"));
	ck_assert(!dcatit_codes_has(c, "gove"));
	ck_assert(!dcatit_codes_has(c, "NOTANIRI"));
	ck_assert_str_eq(dcatit_codes_suggest(c, "GOV"), "GOVE");
	ck_assert_str_eq(dcatit_codes_suggest(c, "tech"), "TECH");
	ck_assert_ptr_null(dcatit_codes_suggest(c, "ZZZZZZZZZZ"));
	dcatit_codes_free(c);
	dcatit_codes_free(NULL);
}
END_TEST

static DcatitDict *money_dict(void)
{
	static DcatitDictColumn cols[4];
	static size_t parts[2] = { 1, 2 };
	static size_t sums[3] = { 1, 2, 3 };
	static DcatitDict dict;
	cols[0] = (DcatitDictColumn){ .name = "ente", .type = DCATIT_COL_STRING, .required = true,
	                              .scale = -1 };
	cols[1] = (DcatitDictColumn){ .name = "a", .type = DCATIT_COL_DECIMAL, .required = true,
	                              .scale = 2 };
	cols[2] = (DcatitDictColumn){ .name = "b", .type = DCATIT_COL_DECIMAL, .required = false,
	                              .scale = 2 };
	cols[3] = (DcatitDictColumn){ .name = "totale", .type = DCATIT_COL_DECIMAL, .required = true,
	                              .scale = 2, .total_of = parts, .ntotal_of = 2 };
	dict = (DcatitDict){ NULL, cols, 4, true, 0, "TOTALI", sums, 3 };
	return &dict;
}

static const DcatitNote *find_note(const DcatitNotes *n, const char *needle)
{
	for (size_t i = 0; i < n->n; i++)
		if (strstr(n->items[i].message, needle))
			return &n->items[i];
	return NULL;
}

START_TEST(a_total_that_does_not_add_up_is_a_warning_with_both_figures)
{
	make_tmpdir();
	const char *p = put("t.csv",
	        "ente,a,b,totale\r\n"
	        "\"Unione, Valtiberina\",10000.00,4000.00,4000.00\r\n"
	        "Comune B,0.10,0.20,0.30\r\n"
	        "TOTALI,10000.10,4000.20,14000.30\r\n");
	DcatitNotes n;
	dcatit_notes_init(&n);
	ck_assert_int_eq(check_file(p, "t.csv", money_dict(), NULL, &n), DCATIT_OK);
	ck_assert_uint_eq(n.errors, 0);
	/* the row itself, and the totals row whose 'totale' is then off too */
	ck_assert_uint_eq(n.warnings, 2);
	const DcatitNote *w = find_note(&n, "Valtiberina");
	ck_assert_ptr_nonnull(w);
	ck_assert_int_eq(w->kind, DCATIT_NOTE_WARNING);
	ck_assert_ptr_nonnull(strstr(w->message, "4000.00"));
	ck_assert_ptr_nonnull(strstr(w->message, "14000.00"));
	ck_assert_uint_eq(w->line, 2);
	ck_assert_ptr_nonnull(strstr(w->message, "totale is 4000.00 but a+b add up to 14000.00 "
	                             "(difference -10000.00)"));
	ck_assert_ptr_nonnull(find_note(&n, "row 'TOTALI': totale is 14000.30 but the 2 data "
	                                "rows add up to 4000.30 (difference 10000.00)"));
	dcatit_notes_release(&n);
}
END_TEST

START_TEST(exact_decimals_add_up_without_rounding_noise)
{
	make_tmpdir();
	const char *p = put("t.csv", "ente,a,b,totale\nX,0.10,0.20,0.30\nTOTALI,0.10,0.20,0.30\n");
	DcatitNotes n;
	dcatit_notes_init(&n);
	ck_assert_int_eq(check_file(p, "t.csv", money_dict(), NULL, &n), DCATIT_OK);
	ck_assert_uint_eq(n.errors + n.warnings, 0);
	dcatit_notes_release(&n);
}
END_TEST

START_TEST(malformed_tables_are_errors_with_their_line)
{
	make_tmpdir();
	DcatitNotes n;
	dcatit_notes_init(&n);
	const char *p = put("ragged.csv", "a,b\n1,2\n3\n\"multi\nline\",4\n");
	check_file(p, "ragged.csv", NULL, NULL, &n);
	ck_assert_uint_eq(n.errors, 1);
	ck_assert_uint_eq(n.items[0].line, 3);
	ck_assert_ptr_nonnull(strstr(n.items[0].message, "has 1 fields"));
	dcatit_notes_release(&n);

	dcatit_notes_init(&n);
	p = put("latin1.csv", "a,b\ncitt\xe0,2\n");
	check_file(p, "latin1.csv", NULL, NULL, &n);
	ck_assert_uint_eq(n.errors, 1);
	ck_assert_ptr_nonnull(strstr(n.items[0].message, "UTF-8"));
	ck_assert_uint_eq(n.items[0].line, 2);
	ck_assert_uint_eq(n.items[0].col, 5);
	dcatit_notes_release(&n);

	/* a NUL byte (reliability probe 2, finding 13): located, not accepted */
	dcatit_notes_init(&n);
	static const char nul[] = "a,b\n1,x\0y\n";
	ck_assert_int_eq(dcatit_tables_check(nul, sizeof nul - 1, "nul.csv", NULL, NULL, &n),
	                 DCATIT_OK);
	ck_assert_uint_eq(n.errors, 1);
	ck_assert_ptr_nonnull(strstr(n.items[0].message, "NUL byte"));
	ck_assert_uint_eq(n.items[0].line, 2);
	ck_assert_uint_eq(n.items[0].col, 4);
	dcatit_notes_release(&n);

	dcatit_notes_init(&n);
	p = put("quote.csv", "a,b\nx\"y,2\n");
	check_file(p, "quote.csv", NULL, NULL, &n);
	ck_assert_uint_eq(n.errors, 1);
	dcatit_notes_release(&n);

	dcatit_notes_init(&n);
	p = put("header.csv", "ente,a,x,totale\nTOTALI,1.00,1.00,2.00\n");
	check_file(p, "header.csv", money_dict(), NULL, &n);
	ck_assert_ptr_nonnull(find_note(&n, "header does not match"));
	dcatit_notes_release(&n);
}
END_TEST

START_TEST(stated_counts_that_differ_from_the_table_are_warnings_naming_the_rows)
{
	make_tmpdir();
	const char *p = put("t.csv",
	        "ente,a,b,totale\n"
	        "Provincia di Arezzo,10.00,0.00,10.00\n"
	        "Provincia di Pisa,5.00,,5.00\n"
	        "Unione Valdera,0.00,3.00,3.00\n"
	        "Unione Alta Val di Cecina,0.00,0.00,0.00\n"
	        "TOTALI,15.00,3.00,18.00\n");
	DcatitDictCount a_counts[] = {
		/* stated 1, the table has 2: the two non-zero rows are named */
		{ .all_rows = true, .nonzero = 1, .source = "text A", .line = 7, .col = 9 },
		/* agrees: both Provinces */
		{ .match_col = 0, .prefix = "Provincia", .nonzero = 2, .source = "text B",
		  .line = 9, .col = 9 },
	};
	DcatitDictCount b_counts[] = {
		/* stated 2 Unions, 1 has a value: the zero row is named */
		{ .match_col = 0, .prefix = "Unione", .nonzero = 2, .source = "text C",
		  .line = 12, .col = 9 },
		/* selects nothing: a declaration error, not a silent pass */
		{ .match_col = 0, .prefix = "Comune", .nonzero = 0, .source = "text D",
		  .line = 14, .col = 9 },
	};
	DcatitDict *dict = money_dict();
	dict->file = "t.dictionary.yaml";
	dict->cols[1].counts = a_counts;
	dict->cols[1].ncounts = 2;
	dict->cols[2].counts = b_counts;
	dict->cols[2].ncounts = 2;
	DcatitNotes n;
	dcatit_notes_init(&n);
	ck_assert_int_eq(check_file(p, "t.csv", dict, NULL, &n), DCATIT_OK);
	dict->file = NULL;
	dict->cols[1].counts = dict->cols[2].counts = NULL;
	dict->cols[1].ncounts = dict->cols[2].ncounts = 0;
	ck_assert_uint_eq(n.warnings, 2);
	ck_assert_uint_eq(n.errors, 1);
	const DcatitNote *w = find_note(&n, "column 'a': 2 of the 4 data rows have a value other "
	                                "than zero, the source states 1 (text A); non-zero: "
	                                "Provincia di Arezzo, Provincia di Pisa");
	ck_assert_ptr_nonnull(w);
	ck_assert_int_eq(w->kind, DCATIT_NOTE_WARNING);
	ck_assert_str_eq(w->file, "t.dictionary.yaml");
	ck_assert_uint_eq(w->line, 7);
	ck_assert_uint_eq(w->col, 9);
	w = find_note(&n, "column 'b': 1 of the 2 data rows whose ente starts with 'Unione' have "
	              "a value other than zero, the source states 2 (text C); zero: Unione Alta "
	              "Val di Cecina");
	ck_assert_ptr_nonnull(w);
	ck_assert_uint_eq(w->line, 12);
	const DcatitNote *e = find_note(&n, "stated count of column 'b': no data row whose ente "
	                                "starts with 'Comune'");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->kind, DCATIT_NOTE_ERROR);
	ck_assert_uint_eq(e->line, 14);
	dcatit_notes_release(&n);
}
END_TEST

START_TEST(a_long_difference_names_eight_rows_and_counts_the_rest)
{
	make_tmpdir();
	DcatitBuf csv;
	dcatit_buf_init(&csv);
	dcatit_buf_adds(&csv, "ente,a,b,totale\n");
	for (int i = 1; i <= 11; i++)
		dcatit_buf_addf(&csv, "Unione %02d,1.00,0.00,1.00\n", i);
	dcatit_buf_adds(&csv, "TOTALI,11.00,0.00,11.00\n");
	const char *p = put("t.csv", csv.data);
	dcatit_buf_release(&csv);
	DcatitDictCount counts[] = {
		{ .all_rows = true, .nonzero = 8, .source = "8 piloti", .line = 3, .col = 1 },
	};
	DcatitDict *dict = money_dict();
	dict->cols[1].counts = counts;
	dict->cols[1].ncounts = 1;
	DcatitNotes n;
	dcatit_notes_init(&n);
	ck_assert_int_eq(check_file(p, "t.csv", dict, NULL, &n), DCATIT_OK);
	dict->cols[1].counts = NULL;
	dict->cols[1].ncounts = 0;
	ck_assert_uint_eq(n.warnings, 1);
	/* no dictionary file name: located in the table */
	ck_assert_str_eq(n.items[0].file, "t.csv");
	ck_assert_ptr_nonnull(strstr(n.items[0].message, "11 of the 11 data rows"));
	ck_assert_ptr_nonnull(strstr(n.items[0].message, "non-zero: Unione 01, Unione 02, "
	                             "Unione 03, Unione 04, Unione 05, Unione 06, Unione 07, "
	                             "Unione 08 and 3 more"));
	dcatit_notes_release(&n);
}
END_TEST

/* A small catalogue with its own vocabularies. */
static void write_catalogue(const char *record)
{
	make_tmpdir();
	put("vocab/eu/data-theme.ttl", "<http://publications.europa.eu/resource/authority/data-theme/GOVE> a <c> .\n");
	put("vocab/eu/frequencies.ttl", "<http://publications.europa.eu/resource/authority/frequency/NEVER> a <c> .\n");
	put("vocab/eu/filetypes.ttl", "<http://publications.europa.eu/resource/authority/file-type/TXT> a <c> .\n"
	    "<http://publications.europa.eu/resource/authority/file-type/CSV> a <c> .\n");
	put("vocab/eu/languages.ttl", "<http://publications.europa.eu/resource/authority/language/ITA> a <c> .\n");
	put("vocab/it/licences.ttl", "<https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40> a <c> .\n");
	put("vocab/organizations.ttl",
	    "@prefix dct: <http://purl.org/dc/terms/> .\n"
	    "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
	    "<https://w3id.org/dcatit/org/r_toscan> a <http://dati.gov.it/onto/dcatapit#Agent> ;\n"
	    "  dct:identifier \"r_toscan\" ; foaf:name \"Regione Toscana\"@it .\n");
	put("cat/catalog.yaml",
	    "base_uri: https://example.org/c\n"
	    "title: {it: Catalogo, en: Catalogue}\n"
	    "description:\n  it: Descrizione\n"
	    "publisher: r_toscan\n"
	    "records: [ds]\n"
	    "defaults:\n  license: A21_CCBY40\n  rights_holder: r_toscan\n  publisher: r_toscan\n"
	    "  contact: {name: Ufficio, email: uff@example.org}\n");
	put("cat/ds/files/t.txt", "abc");
	put("cat/ds/a.yaml", record);
}

static const char good_record[] =
	"id: primo\n"
	"title: {it: Primo}\n"
	"description: {it: Il primo}\n"
	"themes: [GOVE]\n"
	"frequency: NEVER\n"
	"modified: 2024-02-29\n"
	"distributions:\n"
	"  - id: testo\n"
	"    file: files/t.txt\n"
	"    format: TXT\n";

static DcatitBuild *load(DcatitNotes *n)
{
	char dir[600], vocab[600];
	snprintf(dir, sizeof dir, "%s/cat", tmpdir);
	snprintf(vocab, sizeof vocab, "%s/vocab", tmpdir);
	DcatitBuild *b = dcatit_build_new(dir, NULL, vocab);
	ck_assert_ptr_nonnull(b);
	DcatitDiag d;
	dcatit_diag_init(&d);
	dcatit_notes_init(n);
	ck_assert_int_eq(dcatit_build_locate(b, &d), DCATIT_OK);
	ck_assert_int_eq(dcatit_build_load(b, n, &d), DCATIT_OK);
	return b;
}

static bool has_literal(DcatitBuild *b, const char *s, const char *p, const char *lit)
{
	DcatitTermId si = dcatit_terms_find_iri(b->terms, s);
	DcatitTermId pi = dcatit_terms_find_iri(b->terms, p);
	DcatitRange r = dcatit_model_sp(b->model, si, pi);
	for (size_t i = 0; i < r.n; i++)
		if (strcmp(dcatit_terms_str(b->terms, dcatit_model_triple(b->model, r.idx[i])->o),
		           lit) == 0)
			return true;
	return false;
}

START_TEST(a_record_becomes_a_dataset_with_minted_iris_and_identifier)
{
	write_catalogue(good_record);
	DcatitNotes n;
	DcatitBuild *b = load(&n);
	for (size_t i = 0; i < n.n; i++)
		fprintf(stderr, "%s:%lu: %s\n", n.items[i].file, n.items[i].line, n.items[i].message);
	ck_assert_uint_eq(n.errors, 0);
	ck_assert_uint_eq(b->ndatasets, 1);
	const char *ds = "https://example.org/c/dataset/primo";
	ck_assert(has_literal(b, ds, "http://purl.org/dc/terms/identifier", "r_toscan:primo"));
	ck_assert(has_literal(b, "https://example.org/c/catalog", "http://www.w3.org/ns/dcat#dataset", ds));
	const char *dist = "https://example.org/c/dataset/primo/distribution/testo";
	ck_assert(has_literal(b, dist, "http://www.w3.org/ns/dcat#byteSize", "3"));
	ck_assert(has_literal(b, dist, "http://www.w3.org/ns/dcat#downloadURL",
	                      "https://example.org/c/ds/files/t.txt"));
	ck_assert(has_literal(b, dist, "http://purl.org/dc/terms/license",
	                      "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40"));
	/* the catalogue's modified defaults to the latest record date */
	ck_assert(has_literal(b, "https://example.org/c/catalog", "http://purl.org/dc/terms/modified",
	                      "2024-02-29"));
	/* the referenced agent is copied in full */
	ck_assert(has_literal(b, "https://w3id.org/dcatit/org/r_toscan",
	                      "http://xmlns.com/foaf/0.1/name", "Regione Toscana"));
	/* triples carry the YAML line they come from */
	DcatitTermId dsi = dcatit_terms_find_iri(b->terms, ds);
	DcatitTermId modp = dcatit_terms_find_iri(b->terms, "http://purl.org/dc/terms/modified");
	DcatitRange r = dcatit_model_sp(b->model, dsi, modp);
	ck_assert_uint_eq(r.n, 1);
	DcatitLoc loc = dcatit_model_loc(b->model, r.idx[0]);
	ck_assert_uint_eq(loc.line, 6);
	ck_assert_ptr_nonnull(strstr(dcatit_model_source_name(b->model, loc.file), "ds/a.yaml"));
	dcatit_notes_release(&n);
	dcatit_build_free(b);
	dcatit_build_free(NULL);
}
END_TEST

START_TEST(unknown_keys_and_codes_are_located_errors_with_a_suggestion)
{
	write_catalogue("id: primo\n"
	                "title: {it: Primo}\n"
	                "description: {it: Il primo}\n"
	                "themes: [GOVE, GOV]\n"
	                "frequency: NEVER\n"
	                "modified: 2023-02-29\n"
	                "distributions:\n"
	                "  - id: testo\n"
	                "    file: files/t.txt\n"
	                "    format: TXT\n"
	                "    licence: A21_CCBY40\n"
	                "creators: [r_toscann]\n");
	DcatitNotes n;
	DcatitBuild *b = load(&n);
	/* four in the record, and the catalogue left without any 'modified' */
	ck_assert_uint_eq(n.errors, 5);
	const DcatitNote *e = find_note(&n, "unknown key 'licence'");
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->line, 11);
	ck_assert_uint_eq(e->col, 5);
	ck_assert_ptr_nonnull(strstr(e->message, "did you mean 'license'?"));
	ck_assert_ptr_nonnull(strstr(e->message, "(at distributions[0].licence)"));
	ck_assert_ptr_nonnull(strstr(e->file, "ds/a.yaml"));
	e = find_note(&n, "unknown theme 'GOV', did you mean GOVE?");
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->line, 4);
	ck_assert_uint_eq(e->col, 16);
	ck_assert_ptr_nonnull(find_note(&n, "'2023-02-29' is not a date"));
	ck_assert_ptr_nonnull(find_note(&n, "did you mean r_toscan?"));
	dcatit_notes_release(&n);
	dcatit_build_free(b);
}
END_TEST

START_TEST(paths_may_not_leave_the_catalogue)
{
	write_catalogue("id: primo\n"
	                "title: {it: Primo}\n"
	                "description: {it: Il primo}\n"
	                "themes: [GOVE]\n"
	                "frequency: NEVER\n"
	                "modified: 2024-01-01\n"
	                "distributions:\n"
	                "  - id: testo\n"
	                "    file: ../../vocab/organizations.ttl\n"
	                "    format: TXT\n");
	DcatitNotes n;
	DcatitBuild *b = load(&n);
	ck_assert_uint_eq(n.errors, 1);
	ck_assert_ptr_nonnull(find_note(&n, "must be a relative path inside the catalogue"));
	dcatit_notes_release(&n);
	dcatit_build_free(b);
}
END_TEST

START_TEST(a_dataset_id_used_twice_is_an_error_at_the_second_record)
{
	write_catalogue(good_record);
	put("cat/ds/b.yaml", good_record);
	DcatitNotes n;
	DcatitBuild *b = load(&n);
	ck_assert_uint_eq(n.errors, 1);
	const DcatitNote *e = find_note(&n, "dataset id 'primo' is already used by");
	ck_assert_ptr_nonnull(e);
	ck_assert_ptr_nonnull(strstr(e->file, "ds/b.yaml"));
	ck_assert_uint_eq(e->line, 1);
	ck_assert_uint_eq(e->col, 5);
	dcatit_notes_release(&n);
	dcatit_build_free(b);
}
END_TEST

START_TEST(subjects_must_belong_to_one_of_the_record_themes)
{
	write_catalogue("id: primo\n"
	                "title: {it: Primo}\n"
	                "description: {it: Il primo}\n"
	                "themes: [GOVE]\n"
	                "subjects: [\"100169\", \"100245\", \"999\"]\n"
	                "frequency: NEVER\n"
	                "modified: 2024-01-01\n"
	                "distributions:\n"
	                "  - id: testo\n"
	                "    file: files/t.txt\n"
	                "    format: TXT\n");
	put("vocab/it/theme-subtheme-mapping.ttl",
	    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
	    "<http://publications.europa.eu/resource/authority/data-theme/GOVE> "
	    "skos:narrowMatch <http://eurovoc.europa.eu/100169> .\n"
	    "<http://publications.europa.eu/resource/authority/data-theme/AGRI> "
	    "skos:narrowMatch <http://eurovoc.europa.eu/100245> .\n");
	DcatitNotes n;
	DcatitBuild *b = load(&n);
	ck_assert_uint_eq(n.errors, 2);
	const DcatitNote *e = find_note(&n, "EuroVoc id '100245' belongs to theme AGRI");
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->line, 5);
	ck_assert_ptr_nonnull(find_note(&n, "EuroVoc id '999' is not in the AgID"));
	dcatit_notes_release(&n);
	dcatit_build_free(b);
}
END_TEST

/* A dictionary with two stated counts: two Unions, and every row, non-zero. */
#define COUNTS_DICT \
	"table: t.csv\n" \
	"decimal_separator: \".\"\n" \
	"columns:\n" \
	"  - name: ente\n" \
	"    type: string\n" \
	"    title: {it: Ente}\n" \
	"  - name: fondi\n" \
	"    type: decimal\n" \
	"    title: {it: Fondi}\n" \
	"    stated_counts:\n" \
	"      - rows: {column: ente, starts_with: Unione}\n" \
	"        nonzero: 2\n" \
	"        source: \"Beneficiari: 2 Unioni\"\n" \
	"      - nonzero: 2\n" \
	"        source: tutti\n"

START_TEST(a_dictionary_declares_stated_counts_located_at_their_line)
{
	write_catalogue("id: primo\n"
	                "title: {it: Primo}\n"
	                "description: {it: Il primo}\n"
	                "themes: [GOVE]\n"
	                "frequency: NEVER\n"
	                "modified: 2024-01-01\n"
	                "distributions:\n"
	                "  - id: tabella\n"
	                "    file: files/t.csv\n"
	                "    dictionary: files/t.dictionary.yaml\n"
	                "    format: CSV\n");
	put("cat/ds/files/t.csv", "ente,fondi\nUnione A,3.00\nUnione B,0.00\nProvincia C,2.00\n");
	put("cat/ds/files/t.dictionary.yaml", COUNTS_DICT
	    "      - rows: {column: entx, starts_with: U}\n"
	    "        nonzero: -1\n"
	    "        source: x\n");
	DcatitNotes n;
	DcatitBuild *b = load(&n);
	/* the third declaration is wrong twice; the first two are read */
	ck_assert_uint_eq(n.errors, 2);
	ck_assert_ptr_nonnull(find_note(&n, "'entx' is not a column of the dictionary"));
	ck_assert_ptr_nonnull(find_note(&n, "nonzero must be a whole number of rows, not '-1'"));
	dcatit_notes_release(&n);
	dcatit_build_free(b);

	/* without the faulty declaration: one warning, at the first one */
	put("cat/ds/files/t.dictionary.yaml", COUNTS_DICT);
	b = load(&n);
	ck_assert_uint_eq(n.errors, 0);
	ck_assert_uint_eq(n.warnings, 1);
	const DcatitNote *w = find_note(&n, "column 'fondi': 1 of the 2 data rows whose ente "
	                                "starts with 'Unione' have a value other than zero, the "
	                                "source states 2 (Beneficiari: 2 Unioni); zero: Unione B");
	ck_assert_ptr_nonnull(w);
	ck_assert_ptr_nonnull(strstr(w->file, "ds/files/t.dictionary.yaml"));
	ck_assert_uint_eq(w->line, 11);
	ck_assert_uint_eq(w->col, 9);
	dcatit_notes_release(&n);
	dcatit_build_free(b);
}
END_TEST

START_TEST(a_quote_is_found_across_line_breaks_of_the_file)
{
	make_tmpdir();
	const char *p = "# Titolo\n\nConvenzione sul Fascicolo\n  Sanitario (Delibera n. 1169\n"
	                "del 17/03/2015).\nPerciò «Nota»\n";
	size_t plen = strlen(p);
	unsigned long line = 0, col = 0;
	const char *q = "Delibera n. 1169 del 17/03/2015";
	ck_assert_int_eq(dcatit_dist_find_text(p, plen, q, strlen(q), &line, &col), DCATIT_OK);
	ck_assert_uint_eq(line, 4);
	ck_assert_uint_eq(col, 14);
	q = "  Fascicolo Sanitario ";
	ck_assert_int_eq(dcatit_dist_find_text(p, plen, q, strlen(q), &line, &col), DCATIT_OK);
	ck_assert_uint_eq(line, 3);
	ck_assert_uint_eq(col, 17);
	/* columns count characters, not bytes */
	q = "«Nota»";
	ck_assert_int_eq(dcatit_dist_find_text(p, plen, q, strlen(q), &line, &col), DCATIT_OK);
	ck_assert_uint_eq(line, 6);
	ck_assert_uint_eq(col, 8);
	q = "Delibera n. 1169 del 17/03/2016";
	ck_assert_int_eq(dcatit_dist_find_text(p, plen, q, strlen(q), &line, &col),
	                 DCATIT_ERR_NOT_FOUND);
	ck_assert_int_eq(dcatit_dist_find_text(p, plen, " ", 1, &line, &col), DCATIT_ERR_NOT_FOUND);
	/* the search is linear: a quote of repeated text in a file of it */
	size_t big = 4000000;
	char *hay = malloc(big + 2), *nd = malloc(200001);
	ck_assert(hay && nd);
	memset(hay, 'a', big);
	memcpy(hay + big, "b", 2);
	memset(nd, 'a', 200000);
	nd[199999] = 'b';
	ck_assert_int_eq(dcatit_dist_find_text(hay, big + 1, nd, 200000, &line, &col), DCATIT_OK);
	ck_assert_uint_eq(col, big - 199999 + 1);
	free(hay);
	free(nd);
}
END_TEST

static const char noted_record[] =
	"id: primo\n"
	"title: {it: Primo}\n"
	"description:\n"
	"  it: Il primo.\n"
	"  en: The first.\n"
	"themes: [GOVE]\n"
	"frequency: NEVER\n"
	"modified: 2024-01-01\n"
	"source_inconsistencies:\n"
	"  - quote: Delibera n. 1169 del 17/03/2015\n"
	"    note:\n"
	"      it: Numero e data incompatibili.\n"
	"      en: Number and date do not match.\n"
	"  - note: {it: Due cifre diverse., en: Two different figures.}\n"
	"unverified:\n"
	"  - it: Il sistema di riferimento.\n"
	"    en: The reference system.\n"
	"distributions:\n"
	"  - id: testo\n"
	"    file: files/t.txt\n"
	"    format: TXT\n";

START_TEST(notes_on_the_source_become_paragraphs_of_the_description_and_warnings)
{
	write_catalogue(noted_record);
	put("cat/ds/files/t.txt", "Premesse\nconvenzione (Delibera n. 1169\ndel 17/03/2015)\n");
	DcatitNotes n;
	DcatitBuild *b = load(&n);
	ck_assert_uint_eq(n.errors, 0);
	ck_assert_uint_eq(n.warnings, 2);
	const char *ds = "https://example.org/c/dataset/primo";
	ck_assert(has_literal(b, ds, "http://purl.org/dc/terms/description",
	                      "Il primo.\n\nIncongruenza della fonte: Numero e data incompatibili."
	                      "\n\nIncongruenza della fonte: Due cifre diverse.\n\nNon verificato: "
	                      "Il sistema di riferimento."));
	ck_assert(has_literal(b, ds, "http://purl.org/dc/terms/description",
	                      "The first.\n\nInconsistency in the source: Number and date do not "
	                      "match.\n\nInconsistency in the source: Two different figures.\n\n"
	                      "Not verified: The reference system."));
	/* at the quote in the file, across its line break */
	const DcatitNote *w = find_note(&n, "inconsistency in the source, kept as published: "
	                                "Number and date do not match.");
	ck_assert_ptr_nonnull(w);
	ck_assert_int_eq(w->kind, DCATIT_NOTE_WARNING);
	ck_assert_ptr_nonnull(strstr(w->file, "ds/files/t.txt"));
	ck_assert_uint_eq(w->line, 2);
	ck_assert_uint_eq(w->col, 14);
	/* without a quote, at the item of the record */
	w = find_note(&n, "kept as published: Two different figures.");
	ck_assert_ptr_nonnull(w);
	ck_assert_ptr_nonnull(strstr(w->file, "ds/a.yaml"));
	ck_assert_uint_eq(w->line, 14);
	dcatit_notes_release(&n);
	dcatit_build_free(b);
}
END_TEST

START_TEST(a_note_must_match_its_file_and_the_languages_of_the_description)
{
	write_catalogue(noted_record);
	/* the file no longer holds the quoted passage */
	put("cat/ds/files/t.txt", "Premesse\nconvenzione (Delibera n. 1169 del 17/03/2016)\n");
	DcatitNotes n;
	DcatitBuild *b = load(&n);
	ck_assert_uint_eq(n.errors, 1);
	const DcatitNote *e = find_note(&n, "quote 'Delibera n. 1169 del 17/03/2015' is not in "
	                                "any file of the record");
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->line, 10);
	dcatit_notes_release(&n);
	dcatit_build_free(b);

	/* an English description needs an English note; a German note needs a
	 * German description: no description is written half */
	write_catalogue("id: primo\n"
	                "title: {it: Primo}\n"
	                "description: {it: Il primo., en: The first.}\n"
	                "themes: [GOVE]\n"
	                "frequency: NEVER\n"
	                "modified: 2024-01-01\n"
	                "unverified:\n"
	                "  - {it: Non verificato., de: Nicht geprueft.}\n"
	                "distributions:\n"
	                "  - id: testo\n"
	                "    file: files/t.txt\n"
	                "    format: TXT\n");
	b = load(&n);
	ck_assert_uint_eq(n.errors, 2);
	ck_assert_ptr_nonnull(find_note(&n, "unverified note in 'de', a language the description "
	                                "does not have"));
	ck_assert_ptr_nonnull(find_note(&n, "unverified note has no 'en' text"));
	ck_assert(!has_literal(b, "https://example.org/c/dataset/primo",
	                       "http://purl.org/dc/terms/description", "The first."));
	dcatit_notes_release(&n);
	dcatit_build_free(b);
}
END_TEST

START_TEST(own_files_terms_go_to_the_files_the_catalogue_wrote_with_a_rights_statement)
{
	write_catalogue("id: primo\n"
	                "title: {it: Primo}\n"
	                "description: {it: Il primo}\n"
	                "themes: [GOVE]\n"
	                "frequency: NEVER\n"
	                "modified: 2024-01-01\n"
	                "distributions:\n"
	                "  - id: nostro\n"
	                "    file: files/t.txt\n"
	                "    format: TXT\n"
	                "  - id: loro\n"
	                "    file: files/u.txt\n"
	                "    format: TXT\n"
	                "    license: A11_CCO10\n");
	put("cat/ds/files/u.txt", "official");
	put("vocab/it/licences.ttl",
	    "<https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40> a <c> .\n"
	    "<https://w3id.org/italia/controlled-vocabulary/licences/A11_CCO10> a <c> .\n"
	    "<https://w3id.org/italia/controlled-vocabulary/licences/A29_IODL20> a <c> .\n");
	put("cat/catalog.yaml",
	    "base_uri: https://example.org/c\n"
	    "title: {it: Catalogo, en: Catalogue}\n"
	    "description:\n  it: Descrizione\n"
	    "publisher: r_toscan\n"
	    "records: [ds]\n"
	    "own_files:\n"
	    "  license: A29_IODL20\n"
	    "  statement:\n"
	    "    it: Testo redatto per il catalogo; licenza scelta dal manutentore.\n"
	    "    en: Text written for the catalogue; licence chosen by its maintainer.\n"
	    "defaults:\n  license: A21_CCBY40\n  rights_holder: r_toscan\n  publisher: r_toscan\n"
	    "  contact: {name: Ufficio, email: uff@example.org}\n");
	DcatitNotes n;
	DcatitBuild *b = load(&n);
	ck_assert_uint_eq(n.errors, 0);
	const char *ours = "https://example.org/c/dataset/primo/distribution/nostro";
	const char *theirs = "https://example.org/c/dataset/primo/distribution/loro";
	const char *lic = "http://purl.org/dc/terms/license";
	const char *rights = "http://purl.org/dc/terms/rights";
	const char *rs = "https://example.org/c/rights/own-files";
	ck_assert(has_literal(b, ours, lic,
	                      "https://w3id.org/italia/controlled-vocabulary/licences/A29_IODL20"));
	ck_assert(has_literal(b, ours, rights, rs));
	ck_assert(has_literal(b, rs, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
	                      "http://purl.org/dc/terms/RightsStatement"));
	ck_assert(has_literal(b, rs, "http://www.w3.org/2000/01/rdf-schema#label",
	                      "Text written for the catalogue; licence chosen by its maintainer."));
	/* a file with the licence of its source is not the catalogue's work */
	ck_assert(has_literal(b, theirs, lic,
	                      "https://w3id.org/italia/controlled-vocabulary/licences/A11_CCO10"));
	ck_assert(!has_literal(b, theirs, rights, rs));
	dcatit_notes_release(&n);
	dcatit_build_free(b);
}
END_TEST

START_TEST(jsonld_has_a_compact_context_and_sorted_nodes)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitLoc l = { 0, 0 };
	DcatitTermId b = dcatit_terms_iri_z(t, "https://e.org/b");
	DcatitTermId a = dcatit_terms_iri_z(t, "https://e.org/a");
	DcatitTermId title = dcatit_terms_iri_z(t, "http://purl.org/dc/terms/title");
	DcatitTermId type = dcatit_terms_iri_z(t, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
	DcatitTermId ds = dcatit_terms_iri_z(t, "http://www.w3.org/ns/dcat#Dataset");
	DcatitTermId date = dcatit_terms_iri_z(t, "http://www.w3.org/2001/XMLSchema#date");
	dcatit_model_add(m, b, title, dcatit_terms_literal_z(t, "Bi \"q\"", 0, "it"), l);
	dcatit_model_add(m, a, type, ds, l);
	dcatit_model_add(m, a, title, dcatit_terms_literal_z(t, "2024-01-01", date, NULL), l);
	dcatit_model_add(m, a, title, dcatit_terms_literal_z(t, "plain", 0, NULL), l);
	dcatit_model_add_prefix(m, "dct", "http://purl.org/dc/terms/");
	dcatit_model_add_prefix(m, "dcat", "http://www.w3.org/ns/dcat#");
	dcatit_model_add_prefix(m, "xsd", "http://www.w3.org/2001/XMLSchema#");
	DcatitBuf out;
	dcatit_buf_init(&out);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_jsonld_write(m, &out, &d), DCATIT_OK);
	const char *s = out.data;
	ck_assert_ptr_nonnull(strstr(s, "\"dct\": \"http://purl.org/dc/terms/\""));
	ck_assert_ptr_nonnull(strstr(s, "\"@type\": [\n        \"dcat:Dataset\""));
	ck_assert_ptr_nonnull(strstr(s, "\"@type\": \"xsd:date\""));
	ck_assert_ptr_nonnull(strstr(s, "\"@language\": \"it\""));
	ck_assert_ptr_nonnull(strstr(s, "\"Bi \\\"q\\\"\""));
	ck_assert_ptr_nonnull(strstr(s, "\"plain\""));
	const char *pa = strstr(s, "https://e.org/a"), *pb = strstr(s, "https://e.org/b");
	ck_assert(pa && pb && pa < pb);
	/* the same graph gives the same bytes */
	DcatitBuf again;
	dcatit_buf_init(&again);
	ck_assert_int_eq(dcatit_jsonld_write(m, &again, &d), DCATIT_OK);
	ck_assert_str_eq(again.data, out.data);
	dcatit_buf_release(&again);
	dcatit_buf_release(&out);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

static Suite *catalog_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 20);
	tcase_add_checked_fixture(tc, NULL, cleanup);
	tcase_add_test(tc, file_facts_give_size_checksums_and_the_first_text_fault);
	tcase_add_test(tc, catalogue_files_are_regular_files_inside_the_catalogue);
	tcase_add_test(tc, formats_and_media_types_come_from_the_extension);
	tcase_add_test(tc, code_lists_are_scanned_from_iris_and_suggest_near_codes);
	tcase_add_test(tc, a_total_that_does_not_add_up_is_a_warning_with_both_figures);
	tcase_add_test(tc, exact_decimals_add_up_without_rounding_noise);
	tcase_add_test(tc, malformed_tables_are_errors_with_their_line);
	tcase_add_test(tc, stated_counts_that_differ_from_the_table_are_warnings_naming_the_rows);
	tcase_add_test(tc, a_long_difference_names_eight_rows_and_counts_the_rest);
	tcase_add_test(tc, a_record_becomes_a_dataset_with_minted_iris_and_identifier);
	tcase_add_test(tc, unknown_keys_and_codes_are_located_errors_with_a_suggestion);
	tcase_add_test(tc, paths_may_not_leave_the_catalogue);
	tcase_add_test(tc, a_dataset_id_used_twice_is_an_error_at_the_second_record);
	tcase_add_test(tc, subjects_must_belong_to_one_of_the_record_themes);
	tcase_add_test(tc, a_dictionary_declares_stated_counts_located_at_their_line);
	tcase_add_test(tc, a_quote_is_found_across_line_breaks_of_the_file);
	tcase_add_test(tc, notes_on_the_source_become_paragraphs_of_the_description_and_warnings);
	tcase_add_test(tc, a_note_must_match_its_file_and_the_languages_of_the_description);
	tcase_add_test(tc, own_files_terms_go_to_the_files_the_catalogue_wrote_with_a_rights_statement);
	tcase_add_test(tc, jsonld_has_a_compact_context_and_sorted_nodes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(catalog_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
