/* cmd_build.c: `dcatit build`: assemble the catalogue kept as files
 * (catalog.yaml + records) into DCAT-AP_IT RDF, validate it with the
 * dcatapit profile, and write the output directory in one step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "catalog/build.h"
#include "catalog/output.h"
#include "cli/cmds.h"
#include "cli/datadir.h"
#include "cli/msg.h"
#include "cli/opt.h"
#include "cli/profile_load.h"
#include "shacl/report.h"

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
		/* the severity word stays English: editors and CI read it */
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
		dcatit_msg_nomem();
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
		code = dcatit_msg_nomem();
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

static const char *o_dir, *o_out, *o_base, *o_page, *o_formats, *o_checksum, *o_dcat_ap;
static const char *o_lang;
static bool o_allow_invalid;

static const DcatitOpt build_opts[] = {
	{ 'C', "dir", DCATIT_OPT_STRING, &o_dir, N_("DIR"), N_("catalogue directory (default .)"),
	  "dir" },
	{ 'o', "output", DCATIT_OPT_STRING, &o_out, N_("OUT"), N_("output directory (default out)"),
	  "dir" },
	{ 0, "base-uri", DCATIT_OPT_STRING, &o_base, N_("URI"),
	  N_("base of minted IRIs (default: base_uri of catalog.yaml)"), "url" },
	{ 0, "page-size", DCATIT_OPT_STRING, &o_page, N_("N"),
	  N_("also write paged catalogues of N datasets per page"), NULL },
	{ 'f', "format", DCATIT_OPT_STRING, &o_formats, N_("LIST"),
	  N_("formats to write, comma-separated (default ttl,rdf,jsonld; also nt)"),
	  "ttl|rdf|jsonld|nt|ttl,rdf,jsonld|ttl,rdf,jsonld,nt" },
	{ 0, "dcat-ap", DCATIT_OPT_STRING, &o_dcat_ap, N_("N"),
	  N_("the EU profile the output also conforms to: 2 (default, DCAT-AP 2.1.1, what "
	     "data.europa.eu harvests) or 3 (DCAT-AP 3.0.1: dcat:byteSize as "
	     "xsd:nonNegativeInteger)"), "2|3" },
	{ 0, "checksum", DCATIT_OPT_STRING, &o_checksum, N_("ALG"),
	  N_("spdx:checksum of local files: sha1 (default with --dcat-ap 2, the only algorithm "
	     "DCAT-AP 2.1.1 accepts) or sha256 (default with --dcat-ap 3)"), "sha1|sha256" },
	{ 0, "allow-invalid", DCATIT_OPT_FLAG, &o_allow_invalid, NULL,
	  N_("write the output even with SHACL violations"), NULL },
	{ 0, "lang", DCATIT_OPT_LANG, &o_lang, N_("LANG"),
	  N_("the language of messages and findings: it or en (default: from the locale, "
	     "LANG)"), "it|en" },
	{ 0, NULL, DCATIT_OPT_END, NULL, NULL, NULL, NULL },
};

const DcatitOptCmd dcatit_build_cmd = {
	.name = "build",
	.summary = N_("assemble the catalogue kept as files into DCAT-AP_IT RDF"),
	.operands = N_("[DIR]"),
	.complete = "dir",
	.description =
		N_("Build the catalogue in DIR, given as an operand or with -C "
		   "(DIR/catalog.yaml, else DIR/catalog/catalog.yaml) "
		   "into OUT: catalog.ttl, catalog.rdf, catalog.jsonld (and catalog.nt when asked), "
		   "dataset/<id>.ttl for each dataset, the published distribution files, and with "
		   "--page-size hydra-paged catalogues page/<n>.<ext>. The output directory is "
		   "replaced only when everything succeeded.\n"
		   "\n"
		   "OUT must be a new or empty directory, or the output of an earlier build: every "
		   "build lists the files it writes in OUT/.dcatit-manifest, and a file in OUT that "
		   "the manifest does not list (yours: notes, .git, a web server's config) makes the "
		   "build stop before writing anything, naming the file. Only listed files are ever "
		   "deleted. OUT may not be the catalogue directory, lie inside it or contain it "
		   "(compared after resolving symbolic links), nor be a symbolic link itself."),
	.exit_status =
		N_("0 built, 1 the catalogue has errors or violations, 2 usage, 3 I/O or other "
		   "runtime failure."),
	.opts = build_opts,
};

int cmd_build(int argc, char **argv)
{
	int first = 0;
	o_dir = o_out = o_base = o_page = o_formats = o_checksum = o_dcat_ap = o_lang = NULL;
	o_allow_invalid = false;
	DcatitOptResult pr = dcatit_opt_parse(&dcatit_build_cmd, argc, argv, &first);
	if (pr != DCATIT_OPT_PARSED)
		return dcatit_msg_finish_stdout(dcatit_opt_exit_code(pr));
	/* `dcatit build catalog` is what people type: the operand is -C's DIR */
	if (first < argc && (o_dir || first + 1 < argc))
		return dcatit_msg_usage("build", "unexpected argument '%s' (one catalogue "
		                        "directory, as an operand or with -C)",
		                        argv[o_dir ? first : first + 1]);
	if (first < argc)
		o_dir = argv[first];
	const char *dir = o_dir ? o_dir : ".", *out = o_out ? o_out : "out", *base = o_base;
	const char *page = o_page, *formats = o_formats ? o_formats : "ttl,rdf,jsonld";
	const char *checksum = o_checksum, *dcat_ap = o_dcat_ap ? o_dcat_ap : "2";
	bool allow_invalid = o_allow_invalid;
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
	long v;
	if (page) {
		if (!dcatit_opt_number("build", "--page-size", page, 1, 1000000, false, &v))
			return DCATIT_EXIT_USAGE;
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
		return dcatit_msg_nomem();
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
		code = dcatit_msg_nomem();
		goto out;
	}
	if (notes.errors) {
		dcatit_msg_error(P_("%zu error in the catalogue '%s'; nothing written",
		                    "%zu errors in the catalogue '%s'; nothing written", notes.errors),
		                 notes.errors, b->dir);
		code = DCATIT_EXIT_FINDINGS;
		goto out;
	}
	size_t violations = 0, warnings = 0;
	code = validate(b, allow_invalid, &violations, &warnings);
	if (code != DCATIT_EXIT_OK) {
		if (code == DCATIT_EXIT_FINDINGS)
			dcatit_msg_error(P_("%zu violation of the DCAT-AP_IT profile; nothing written "
			                    "(--allow-invalid writes anyway)",
			                    "%zu violations of the DCAT-AP_IT profile; nothing written "
			                    "(--allow-invalid writes anyway)", violations),
			                 violations);
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
	char nwarn[64], nviol[64];
	snprintf(nwarn, sizeof nwarn, P_("%zu warning", "%zu warnings", notes.warnings + warnings),
	         notes.warnings + warnings);
	snprintf(nviol, sizeof nviol, P_("%zu violation", "%zu violations", violations),
	         violations);
	/* TRANSLATORS: the last two %s are "N warnings" and "N violations" */
	printf(_("built '%s' from '%s': %zu datasets, %zu triples, %s, %s\n"), out, b->dir,
	       b->ndatasets, dcatit_model_size(b->model), nwarn, nviol);
	code = dcatit_msg_finish_stdout(DCATIT_EXIT_OK);
out:
	dcatit_notes_release(&notes);
	dcatit_build_free(b);
	return code;
}
