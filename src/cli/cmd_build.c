/* cmd_build.c: `dcatit build`: assemble the catalogue kept as files
 * (catalog.yaml + records) into DCAT-AP_IT RDF, validate it with the
 * dcatapit profile, and write the output directory in one step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/build.h"
#include "catalog/output.h"
#include "cli/cmds.h"
#include "cli/datadir.h"
#include "cli/msg.h"
#include "cli/opt.h"
#include "cli/profile_load.h"
#include "shacl/report.h"

static const char usage[] =
	"usage: dcatit build [-C DIR] [-o OUT] [--base-uri URI] [--page-size N]\n"
	"                    [--format ttl,rdf,jsonld,nt] [--dcat-ap 2|3]\n"
	"                    [--checksum sha1|sha256] [--allow-invalid]\n"
	"\n"
	"Build the catalogue in DIR (DIR/catalog.yaml, else DIR/catalog/catalog.yaml)\n"
	"into OUT: catalog.ttl, catalog.rdf, catalog.jsonld (and catalog.nt when asked),\n"
	"dataset/<id>.ttl for each dataset, the published distribution files, and with\n"
	"--page-size hydra-paged catalogues page/<n>.<ext>. The output directory is\n"
	"replaced only when everything succeeded.\n"
	"\n"
	"OUT must be a new or empty directory, or the output of an earlier build:\n"
	"every build lists the files it writes in OUT/.dcatit-manifest, and a file\n"
	"in OUT that the manifest does not list (yours: notes, .git, a web server's\n"
	"config) makes the build stop before writing anything, naming the file.\n"
	"Only listed files are ever deleted. OUT may not be the catalogue directory,\n"
	"lie inside it or contain it (compared after resolving symbolic links), nor\n"
	"be a symbolic link itself.\n"
	"\n"
	"  -C, --dir DIR        catalogue directory (default .)\n"
	"  -o, --output OUT     output directory (default out)\n"
	"      --base-uri URI   base of minted IRIs (default: base_uri of catalog.yaml)\n"
	"      --page-size N    also write paged catalogues of N datasets per page\n"
	"  -f, --format LIST    formats to write, comma-separated (default ttl,rdf,jsonld)\n"
	"      --dcat-ap N      the EU profile the output also conforms to: 2 (default,\n"
	"                       DCAT-AP 2.1.1, what data.europa.eu harvests) or 3\n"
	"                       (DCAT-AP 3.0.1: dcat:byteSize as xsd:nonNegativeInteger)\n"
	"      --checksum ALG   spdx:checksum of local files: sha1 (default with\n"
	"                       --dcat-ap 2, the only algorithm DCAT-AP 2.1.1 accepts)\n"
	"                       or sha256 (default with --dcat-ap 3)\n"
	"      --allow-invalid  write the output even with SHACL violations\n"
	"\n"
	"Exit status: 0 built, 1 the catalogue has errors or violations, 2 usage,\n"
	"3 I/O or other runtime failure.\n";

static bool parse_formats(const char *list, unsigned *out)
{
	*out = 0;
	const char *p = list;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 3 && strncmp(p, "ttl", 3) == 0)
			*out |= DCATIT_OUT_TTL;
		else if (n == 3 && strncmp(p, "rdf", 3) == 0)
			*out |= DCATIT_OUT_RDF;
		else if (n == 6 && strncmp(p, "jsonld", 6) == 0)
			*out |= DCATIT_OUT_JSONLD;
		else if (n == 2 && strncmp(p, "nt", 2) == 0)
			*out |= DCATIT_OUT_NT;
		else
			return false;
		p = e ? e + 1 : p + n;
	}
	return *out != 0;
}

static void print_notes(const DcatitNotes *n)
{
	for (size_t i = 0; i < n->n; i++) {
		const DcatitNote *x = &n->items[i];
		const char *kind = x->kind == DCATIT_NOTE_ERROR ? "error" : "warning";
		if (x->file[0] && x->line)
			fprintf(stderr, "%s:%lu:%lu: %s: %s\n", x->file, x->line, x->col ? x->col : 1,
			        kind, x->message);
		else if (x->file[0])
			fprintf(stderr, "%s: %s: %s\n", x->file, kind, x->message);
		else
			fprintf(stderr, "dcatit: %s: %s\n", kind, x->message);
	}
}

/* The vocabularies are loaded next to the catalogue only so that shapes can
 * see the types and labels of the concepts it uses; findings about the
 * vocabularies themselves (their agents, their licences' extra properties)
 * are not the catalogue's to fix. Keep a result when its focus node is
 * described by the catalogue and, for a property path, when the catalogue
 * has a value there or nobody has (a missing value). */
static void drop_vocab_findings(DcatitResults *r, DcatitModel *cat, DcatitModel *data)
{
	DcatitTerms *t = dcatit_model_terms(cat);
	DcatitTermId max = dcatit_terms_iri_z(t, "http://www.w3.org/ns/shacl#MaxCountConstraintComponent");
	size_t w = 0;
	for (size_t i = 0; i < r->n; i++) {
		const DcatitResult *x = &r->items[i];
		bool keep = dcatit_model_sp(cat, x->focus, 0).n > 0;
		if (keep && x->path && dcatit_terms_is_iri(t, x->path))
			keep = dcatit_model_sp(cat, x->focus, x->path).n > 0 ||
			       dcatit_model_sp(data, x->focus, x->path).n == 0;
		/* too many values only because a vocabulary adds its own (the
		 * Italian licence type next to the ADMS one the build writes) */
		if (keep && x->component == max && x->param && x->path &&
		    dcatit_terms_is_iri(t, x->path)) {
			char *end;
			unsigned long n = strtoul(dcatit_terms_str(t, x->param), &end, 10);
			keep = dcatit_model_sp(cat, x->focus, x->path).n > n;
		}
		if (keep)
			r->items[w++] = *x;
	}
	r->n = w;
}

/* Validate the built graph with the dcatapit profile: shapes from
 * DATADIR/shapes (not the "strict" ones), the vocabularies of DATADIR as
 * extra data, then the profile checks (profile/checks.h) with the
 * organisations of the build (organizations.ttl and the catalogue's
 * registry). Returns the exit code so far (0 or 1), or 3 on failure. */
static int validate(DcatitBuild *b, bool allow_invalid, size_t *violations,
                    size_t *warnings)
{
	int code = DCATIT_EXIT_RUNTIME;
	DcatitModel *shapes = dcatit_model_new(b->terms);
	DcatitModel *data = dcatit_model_new(b->terms);
	DcatitProfile profile;
	memset(&profile, 0, sizeof profile);
	DcatitResults results;
	dcatit_results_init(&results);
	DcatitBuf text;
	dcatit_buf_init(&text);
	if (!shapes || !data || dcatit_model_add_all(data, b->model) != DCATIT_OK) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		goto out;
	}
	DcatitProfileLoadOpts po;
	memset(&po, 0, sizeof po);
	po.vocab = data;
	/* the build's registry: organizations.ttl and the catalogue's own */
	po.orgs = b->orgs;
	if (!dcatit_profile_load(&profile, shapes, &po, &code))
		goto out;
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_profile_validate(&profile, data, &results, &d) != DCATIT_OK) {
		code = dcatit_msg_diag(&d);
		goto out;
	}
	drop_vocab_findings(&results, b->model, data);
	dcatit_results_sort(&results, data);
	DcatitReportInput in;
	memset(&in, 0, sizeof in);
	in.data = data;
	in.shapes = shapes;
	if (dcatit_report_write(&results, &in, DCATIT_REPORT_TEXT, &text) != DCATIT_OK) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		code = DCATIT_EXIT_RUNTIME;
		goto out;
	}
	if (text.len)
		fputs(text.data, stderr);
	DcatitReportCounts c = dcatit_report_count(&results, b->terms);
	*violations = c.violations;
	*warnings = c.warnings;
	code = c.violations && !allow_invalid ? DCATIT_EXIT_FINDINGS : DCATIT_EXIT_OK;
out:
	dcatit_profile_load_release(&profile);
	dcatit_buf_release(&text);
	dcatit_results_release(&results);
	dcatit_model_free(data);
	dcatit_model_free(shapes);
	return code;
}

int cmd_build(int argc, char **argv)
{
	const char *dir = ".", *out = "out", *base = NULL, *page = NULL;
	const char *formats = "ttl,rdf,jsonld", *checksum = NULL, *dcat_ap = "2";
	bool allow_invalid = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r;
		if (!dcatit_opt_is_option(a))
			return dcatit_msg_usage("build", "unexpected argument '%s'", a);
		if (dcatit_opt_flag(argv, i, "--help", "-h")) {
			fputs(usage, stdout);
			return dcatit_msg_finish_stdout(DCATIT_EXIT_OK);
		} else if (dcatit_opt_flag(argv, i, "--allow-invalid", NULL)) {
			allow_invalid = true;
		} else if ((r = dcatit_opt_value("build", argc, argv, &i, "--dir", "-C", &dir)) ||
		           (r = dcatit_opt_value("build", argc, argv, &i, "--output", "-o", &out)) ||
		           (r = dcatit_opt_value("build", argc, argv, &i, "--base-uri", NULL, &base)) ||
		           (r = dcatit_opt_value("build", argc, argv, &i, "--page-size", NULL, &page)) ||
		           (r = dcatit_opt_value("build", argc, argv, &i, "--format", "-f", &formats)) ||
		           (r = dcatit_opt_value("build", argc, argv, &i, "--checksum", NULL, &checksum)) ||
		           (r = dcatit_opt_value("build", argc, argv, &i, "--dcat-ap", NULL, &dcat_ap))) {
			if (r < 0)
				return DCATIT_EXIT_USAGE;
		} else {
			return dcatit_msg_usage("build", "unknown option '%s'", a);
		}
	}
	unsigned fmts;
	if (!parse_formats(formats, &fmts))
		return dcatit_msg_usage("build", "unknown format list '%s' (ttl, rdf, jsonld, nt)",
		                        formats);
	if (strcmp(dcat_ap, "2") != 0 && strcmp(dcat_ap, "3") != 0)
		return dcatit_msg_usage("build", "unknown DCAT-AP version '%s' (2 or 3)", dcat_ap);
	if (!checksum)
		checksum = strcmp(dcat_ap, "3") == 0 ? "sha256" : "sha1";
	if (strcmp(checksum, "sha256") != 0 && strcmp(checksum, "sha1") != 0)
		return dcatit_msg_usage("build", "unknown checksum '%s' (sha1 or sha256)", checksum);
	size_t page_size = 0;
	if (page) {
		char *end = NULL;
		unsigned long long v = strtoull(page, &end, 10);
		if (!*page || *end || v == 0 || v > 1000000 || page[0] == '-')
			return dcatit_msg_usage("build", "--page-size needs a number from 1 to "
			                        "1000000, not '%s'", page);
		page_size = (size_t)v;
	}
	if (base) {
		size_t n = strlen(base);
		if ((strncmp(base, "http://", 7) != 0 && strncmp(base, "https://", 8) != 0) ||
		    base[n - 1] == '/' || strchr(base, '?') || strchr(base, '#'))
			return dcatit_msg_usage("build", "--base-uri needs an http(s) IRI without "
			                        "a trailing '/', query or fragment, not '%s'", base);
	}
	if (!*out || strcmp(out, ".") == 0 || strcmp(out, "/") == 0)
		return dcatit_msg_usage("build", "'%s' cannot be the output directory", out);

	char datadir[4096];
	DcatitStatus dst = dcatit_datadir_find(datadir, sizeof datadir);
	if (dst == DCATIT_ERR_LIMIT) {
		dcatit_msg_error("cannot find the vocabularies: the data directory path "
		                 "is longer than %zu bytes: '%.40s...'", sizeof datadir - 1,
		                 datadir);
		return DCATIT_EXIT_RUNTIME;
	}
	if (dst != DCATIT_OK) {
		dcatit_msg_error("cannot find the vocabularies: '%s' is not a directory "
		                 "(set DCATIT_DATADIR)", datadir);
		return DCATIT_EXIT_RUNTIME;
	}
	DcatitBuild *b = dcatit_build_new(dir, base, datadir);
	if (!b) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		return DCATIT_EXIT_RUNTIME;
	}
	b->checksum_sha1 = strcmp(checksum, "sha1") == 0;
	b->dcat_ap = dcat_ap[0] - '0';
	DcatitNotes notes;
	dcatit_notes_init(&notes);
	DcatitDiag d;
	dcatit_diag_init(&d);
	int code;
	DcatitStatus st = dcatit_build_locate(b, &d);
	if (st == DCATIT_OK && (st = dcatit_output_check(b, out, &d)) == DCATIT_ERR_USAGE) {
		code = dcatit_msg_usage("build", "%s", d.message);
		goto out;
	}
	if (st == DCATIT_OK)
		st = dcatit_build_load(b, &notes, &d);
	print_notes(&notes);
	if (st != DCATIT_OK) {
		code = dcatit_msg_diag(&d);
		goto out;
	}
	if (notes.oom) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		code = DCATIT_EXIT_RUNTIME;
		goto out;
	}
	if (notes.errors) {
		dcatit_msg_error("%zu error%s in the catalogue '%s'; nothing written", notes.errors,
		                 notes.errors == 1 ? "" : "s", b->dir);
		code = DCATIT_EXIT_FINDINGS;
		goto out;
	}
	size_t violations = 0, warnings = 0;
	code = validate(b, allow_invalid, &violations, &warnings);
	if (code != DCATIT_EXIT_OK) {
		if (code == DCATIT_EXIT_FINDINGS)
			dcatit_msg_error("%zu violation%s of the DCAT-AP_IT profile; nothing written "
			                 "(--allow-invalid writes anyway)", violations,
			                 violations == 1 ? "" : "s");
		goto out;
	}
	DcatitNotes wnotes;
	dcatit_notes_init(&wnotes);
	st = dcatit_output_write(b, out, fmts, page_size, &wnotes, &d);
	print_notes(&wnotes);
	dcatit_notes_release(&wnotes);
	if (st != DCATIT_OK) {
		code = dcatit_msg_diag(&d);
		goto out;
	}
	printf("built '%s' from '%s': %zu datasets, %zu triples, %zu warning%s, "
	       "%zu violation%s\n", out, b->dir, b->ndatasets, dcatit_model_size(b->model),
	       notes.warnings + warnings, notes.warnings + warnings == 1 ? "" : "s",
	       violations, violations == 1 ? "" : "s");
	code = dcatit_msg_finish_stdout(DCATIT_EXIT_OK);
out:
	dcatit_notes_release(&notes);
	dcatit_build_free(b);
	return code;
}
