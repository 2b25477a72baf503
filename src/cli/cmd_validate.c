/* cmd_validate.c: `dcatit validate`: load data and shapes (from files and/or
 * the DCAT-AP_IT profile in the data directory), run the SHACL engine and
 * write a report. Exit 0 conforms, 1 findings at or above --fail-on,
 * 2 usage, 3 runtime error. */
#include "cli/cmds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "cli/imports.h"
#include "cli/input.h"
#include "cli/msg.h"
#include "cli/opt.h"
#include "cli/profile_load.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"
#include "shacl/report.h"

/* Inputs above this total size get a progress line (on a terminal only):
 * below it parsing and validation take well under a second. */
#define PROGRESS_BYTES (32L * 1024 * 1024)

static const char usage[] =
	"usage: dcatit validate DATA... [--shapes FILE]... [--format FORMAT]\n"
	"                       [--fail-on LEVEL] [--profile PROFILE] [--orgs FILE]...\n"
	"\n"
	"Validate the RDF files DATA ('-' for standard input) with SHACL shapes\n"
	"(ISO 19139 / RNDT XML is mapped to DCAT-AP_IT first, as by convert)\n"
	"and report what does not conform. All DATA files form one data graph,\n"
	"all shapes one shapes graph.\n"
	"\n"
	"  -s, --shapes FILE   add the shapes in FILE (repeatable)\n"
	"  -p, --profile NAME  dcatapit: the DCAT-AP_IT shapes of the data\n"
	"                      directory (shapes/*.ttl); dcatapit-strict: the same\n"
	"                      plus shapes/*strict*.ttl, and warnings fail too\n"
	"                      (--fail-on warning unless given); none: only\n"
	"                      --shapes. Default: dcatapit without --shapes, none\n"
	"                      with --shapes. With none and no --shapes, the data\n"
	"                      is its own shapes graph.\n"
	"                      The EU profiles bundled in profiles/ of the data\n"
	"                      directory: dcat-ap-2.1.1, dcat-ap-3.0.1, geodcat-ap,\n"
	"                      hvd, each with the vocabularies it needs; NAME:VARIANT\n"
	"                      runs one case of the EU validator (base, ranges,\n"
	"                      recommended, vocabularies; NAME alone is full).\n"
	"                      Repeatable: -p dcatapit -p hvd checks both\n"
	"      --orgs FILE     with the dcatapit profiles: more organisations (Turtle,\n"
	"                      the form of organizations.ttl of the data directory)\n"
	"                      whose dct:identifier counts as a known IPA code\n"
	"                      (repeatable)\n"
	"  -f, --format FORMAT text (default, one 'file:line: severity: message'\n"
	"                      per finding), json, junit, ttl (an\n"
	"                      sh:ValidationReport) or github (workflow commands)\n"
	"      --fail-on LEVEL exit 1 on findings at or above LEVEL: violation\n"
	"                      (default), warning or info\n"
	"  -h, --help          show this help\n"
	"\n"
	"The data directory is $DCATIT_DATADIR, else vocab/ of the source tree\n"
	"for a build that is not installed, else the installed one (next to the\n"
	"executable: ../share/dcatit). A summary line goes to standard error.\n"
	"\n"
	"owl:imports in the shapes are followed when they name a file next to\n"
	"the shapes that import them (a file: IRI, or an IRI whose last segment\n"
	"is the file's name) or a bundled shapes file (by its owl:Ontology IRI or\n"
	"file name); nothing is downloaded. An import not followed, and shapes\n"
	"that select no node of the data, are warnings on standard error and in\n"
	"the report. With --format json, junit, ttl or github, a file that\n"
	"cannot be read or parsed still gives a report of that format on\n"
	"standard output, with the error and its file:line.\n"
	"\n"
	"Exit status: 0 conforms, 1 findings at or above --fail-on, 2 usage\n"
	"error, 3 runtime error (unreadable file, syntax error, bad shapes, a\n"
	"sh:pattern too expensive to check on some value).\n";

typedef enum { PROFILE_DEFAULT, PROFILE_NONE, PROFILE_DCATAPIT, PROFILE_STRICT,
               PROFILE_BUNDLES_ONLY } Profile;

typedef struct {
	const char **items;
	size_t n;
} Names;

static bool names_add(Names *l, const char *s)
{
	const char **p = realloc(l->items, (l->n + 1) * sizeof *p);
	if (!p)
		return false;
	p[l->n++] = s;
	l->items = p;
	return true;
}

static long file_size(const char *path)
{
	struct stat st;
	if (strcmp(path, "-") == 0 || stat(path, &st) != 0)
		return 0;
	return (long)st.st_size;
}

/* Named graphs (N-Quads, TriG, JSON-LD) are validated as one graph, the
 * union of them all and the default graph: say so, once per file. */
static void graphs_note(DcatitModel *data, DcatitReportNotes *notes)
{
	size_t nq = dcatit_model_quad_count(data);
	uint32_t nf = 0;
	for (size_t i = 0; i < nq; i++)
		if (dcatit_model_quad_loc(data, i).file >= nf)
			nf = dcatit_model_quad_loc(data, i).file + 1;
	if (!nq)
		return;
	/* quads are sorted by graph: a graph is new to a file when it is not
	 * the last graph that file had */
	DcatitTermId *last = calloc(nf, sizeof *last);
	size_t *count = calloc(nf, sizeof *count);
	if (!last || !count) {
		notes->oom = true;
		free(last);
		free(count);
		return;
	}
	for (size_t i = 0; i < nq; i++) {
		uint32_t f = dcatit_model_quad_loc(data, i).file;
		DcatitTermId g = dcatit_model_quad(data, i)->g;
		if (last[f] != g) {
			last[f] = g;
			count[f]++;
		}
	}
	for (uint32_t f = 0; f < nf; f++)
		if (count[f])
			dcatit_report_notes_add(notes, DCATIT_SEV_INFO,
			                        dcatit_model_source_name(data, f), 0, 0,
			                        "%zu named graph%s: validated as one graph, their "
			                        "union with the default graph", count[f],
			                        count[f] == 1 ? "" : "s");
	free(last);
	free(count);
}

/* A warning when the shapes selected nothing: the data "conforms" to
 * nothing at all, which CI must not read as a pass. */
static void vacuous_note(const DcatitShaclStats *st, DcatitReportNotes *notes)
{
	if (st->focus_nodes)
		return;
	if (!st->shapes)
		dcatit_report_notes_add(notes, DCATIT_SEV_WARNING, NULL, 0, 0,
		                        "the shapes graph has no shapes: nothing was validated");
	else if (!st->targeted)
		dcatit_report_notes_add(notes, DCATIT_SEV_WARNING, NULL, 0, 0,
		                        "none of the %zu shapes has a target (sh:targetClass, "
		                        "sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf or "
		                        "a class that is a shape): nothing was validated", st->shapes);
	else
		dcatit_report_notes_add(notes, DCATIT_SEV_WARNING, NULL, 0, 0,
		                        "none of the %zu shapes with a target selected a node of the "
		                        "data: nothing was validated (do the shapes name the classes "
		                        "and properties the data uses?)", st->targeted);
}

/* The run stopped at an error (printed on standard error): with a machine
 * format, standard output still gets a report of that format saying so,
 * so CI shows the error where it shows findings. */
static void error_report(DcatitReportFormat fmt, DcatitModel *data, DcatitReportNotes *notes,
                         const char *const *files, size_t nfiles, DcatitSeverity level)
{
	DcatitDiag d;
	if (!dcatit_msg_first_error(&d))
		return;
	DcatitReportNote err = { DCATIT_SEV_VIOLATION, d.file, d.line, d.col, d.message };
	DcatitResults none;
	dcatit_results_init(&none);
	DcatitReportInput in;
	memset(&in, 0, sizeof in);
	in.data = data;
	in.files = files;
	in.nfiles = nfiles;
	in.fail_on = level;
	in.notes = notes;
	in.error = &err;
	DcatitBuf text;
	dcatit_buf_init(&text);
	if (dcatit_report_write(&none, &in, fmt, &text) == DCATIT_OK && text.len)
		fwrite(text.data, 1, text.len, stdout);
	dcatit_buf_release(&text);
	dcatit_results_release(&none);
}

int cmd_validate(int argc, char **argv)
{
	Names data_files = { NULL, 0 }, shape_files = { NULL, 0 }, report_names = { NULL, 0 };
	Names orgs_files = { NULL, 0 }, profiles = { NULL, 0 }, bundles = { NULL, 0 };
	const char *format = "text", *fail_on = NULL, *profile = NULL;
	bool opts_done = false;
	int code = DCATIT_EXIT_USAGE;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		int r;
		if (opts_done || !dcatit_opt_is_option(a)) {
			if (!names_add(&data_files, a))
				goto oom;
		} else if (strcmp(a, "--") == 0) {
			opts_done = true;
		} else if (dcatit_opt_flag(argv, i, "--help", "-h")) {
			fputs(usage, stdout);
			code = DCATIT_EXIT_OK;
			goto out;
		} else if ((r = dcatit_opt_value("validate", argc, argv, &i, "--shapes", "-s", &v))) {
			if (r < 0)
				goto out;
			if (!names_add(&shape_files, v))
				goto oom;
		} else if ((r = dcatit_opt_value("validate", argc, argv, &i, "--orgs", NULL, &v))) {
			if (r < 0)
				goto out;
			if (!names_add(&orgs_files, v))
				goto oom;
		} else if ((r = dcatit_opt_value("validate", argc, argv, &i, "--profile", "-p", &v))) {
			if (r < 0)
				goto out;
			if (!names_add(&profiles, v))
				goto oom;
		} else if ((r = dcatit_opt_value("validate", argc, argv, &i, "--format", "-f", &format)) ||
		           (r = dcatit_opt_value("validate", argc, argv, &i, "--fail-on", NULL, &fail_on))) {
			if (r < 0)
				goto out;
		} else {
			dcatit_msg_usage("validate", "unknown option '%s'", a);
			goto out;
		}
	}
	if (!data_files.n) {
		dcatit_msg_usage("validate", "no data files given");
		goto out;
	}
	DcatitReportFormat fmt;
	if (!dcatit_report_format_from_name(format, &fmt)) {
		dcatit_msg_usage("validate", "unknown format '%s' (text, json, junit, "
		                 "ttl or github)", format);
		goto out;
	}
	DcatitSeverity level;
	if (!fail_on || strcmp(fail_on, "violation") == 0 || strcmp(fail_on, "error") == 0)
		level = DCATIT_SEV_VIOLATION;
	else if (strcmp(fail_on, "warning") == 0)
		level = DCATIT_SEV_WARNING;
	else if (strcmp(fail_on, "info") == 0)
		level = DCATIT_SEV_INFO;
	else {
		dcatit_msg_usage("validate", "unknown level '%s' for --fail-on "
		                 "(violation, warning or info)", fail_on);
		goto out;
	}
	Profile prof = PROFILE_DEFAULT;
	for (size_t i = 0; i < profiles.n; i++) {
		Profile now;
		profile = profiles.items[i];
		if (strcmp(profile, "none") == 0) {
			now = PROFILE_NONE;
		} else if (strcmp(profile, "dcatapit") == 0) {
			now = PROFILE_DCATAPIT;
		} else if (strcmp(profile, "dcatapit-strict") == 0) {
			now = PROFILE_STRICT;
		} else if (dcatit_profile_is_bundle(profile)) {
			if (!names_add(&bundles, profile))
				goto oom;
			continue;
		} else {
			DcatitBuf known;
			dcatit_buf_init(&known);
			dcatit_profile_bundle_names(&known);
			dcatit_msg_usage("validate", "unknown profile '%s' (dcatapit, "
			                 "dcatapit-strict, none, or a bundled one: %s)", profile,
			                 known.oom ? "?" : known.data);
			dcatit_buf_release(&known);
			goto out;
		}
		if (prof != PROFILE_DEFAULT && prof != now) {
			dcatit_msg_usage("validate", "--profile %s cannot be combined with "
			                 "--profile %s", profile,
			                 prof == PROFILE_NONE ? "none" : prof == PROFILE_STRICT
			                 ? "dcatapit-strict" : "dcatapit");
			goto out;
		}
		prof = now;
	}
	if (prof == PROFILE_NONE && bundles.n) {
		dcatit_msg_usage("validate", "--profile none cannot be combined with "
		                 "--profile %s", bundles.items[0]);
		goto out;
	}
	if (prof == PROFILE_DEFAULT)
		prof = bundles.n ? PROFILE_BUNDLES_ONLY
		     : shape_files.n ? PROFILE_NONE : PROFILE_DCATAPIT;
	/* issue 3: the strict profile makes warnings fail too */
	if (prof == PROFILE_STRICT && !fail_on)
		level = DCATIT_SEV_WARNING;
	if (orgs_files.n && (prof == PROFILE_NONE || prof == PROFILE_BUNDLES_ONLY)) {
		dcatit_msg_usage("validate", "--orgs needs the dcatapit profile "
		                 "(--profile dcatapit)");
		goto out;
	}
	size_t stdin_uses = 0;
	for (size_t i = 0; i < data_files.n; i++)
		stdin_uses += strcmp(data_files.items[i], "-") == 0;
	for (size_t i = 0; i < shape_files.n; i++)
		stdin_uses += strcmp(shape_files.items[i], "-") == 0;
	if (stdin_uses > 1) {
		dcatit_msg_usage("validate", "standard input ('-') can be read only once");
		goto out;
	}
	for (size_t i = 0; i < data_files.n; i++)
		if (!names_add(&report_names, strcmp(data_files.items[i], "-") == 0
		                              ? "<stdin>" : data_files.items[i]))
			goto oom;

	code = DCATIT_EXIT_RUNTIME;
	long total = 0;
	for (size_t i = 0; i < data_files.n; i++)
		total += file_size(data_files.items[i]);
	for (size_t i = 0; i < shape_files.n; i++)
		total += file_size(shape_files.items[i]);
	bool progress = total > PROGRESS_BYTES && dcatit_msg_stderr_is_tty();

	DcatitResults results;
	dcatit_results_init(&results);
	DcatitReportNotes notes;
	dcatit_report_notes_init(&notes);
	DcatitShaclStats stats;
	memset(&stats, 0, sizeof stats);
	DcatitProfile profile_set;
	memset(&profile_set, 0, sizeof profile_set);
	DcatitBuf text;
	dcatit_buf_init(&text);
	DcatitTerms *terms = dcatit_terms_new();
	DcatitModel *data = terms ? dcatit_model_new(terms) : NULL;
	DcatitModel *shapes = terms ? dcatit_model_new(terms) : NULL;
	if (!data || !shapes) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		goto done;
	}
	for (size_t i = 0; i < data_files.n; i++) {
		const char *f = data_files.items[i];
		if (!dcatit_input_is_iso(f)) {
			if (!dcatit_profile_parse(data, f, progress, &code))
				goto done;
			continue;
		}
		/* ISO 19139 / RNDT: validated as the DCAT-AP_IT `convert` gives */
		DcatitDiag d;
		dcatit_diag_init(&d);
		if (dcatit_input_parse_iso(data, f, NULL, &d) != DCATIT_OK) {
			if (!d.file[0])
				snprintf(d.file, sizeof d.file, "%s", f);
			code = dcatit_msg_diag(&d);
			goto done;
		}
	}
	for (size_t i = 0; i < shape_files.n; i++)
		if (!dcatit_profile_parse(shapes, shape_files.items[i], progress, &code))
			goto done;
	if (prof != PROFILE_NONE) {
		DcatitProfileLoadOpts po;
		memset(&po, 0, sizeof po);
		po.strict = prof == PROFILE_STRICT;
		po.orgs_files = orgs_files.items;
		po.norgs_files = orgs_files.n;
		po.progress = progress;
		po.hint = "use --profile none";
		po.bundles = bundles.items;
		po.nbundles = bundles.n;
		po.bundle_data = data;
		po.bundles_only = prof == PROFILE_BUNDLES_ONLY;
		if (!dcatit_profile_load(&profile_set, shapes, &po, &code))
			goto done;
	}
	graphs_note(data, &notes);
	/* W3C test style: the data file carries its own shapes */
	DcatitModel *sg = (prof == PROFILE_NONE && !shape_files.n) ? data : shapes;
	profile_set.shapes = sg;
	profile_set.stats = &stats;
	if (!dcatit_imports_follow(sg, &notes, progress, &code))
		goto done;

	/* the shapes, then what SHACL Core cannot say: registry codes, check
	 * digits, the identifier prefix, geometry literals (profile/checks.h) */
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (progress)
		dcatit_msg_progress("dcatit: validating %zu triples", dcatit_model_size(data));
	if (dcatit_profile_validate(&profile_set, data, &results, &d) != DCATIT_OK) {
		code = dcatit_msg_diag(&d);
		goto done;
	}
	dcatit_msg_progress_done();
	dcatit_results_sort(&results, data);
	vacuous_note(&stats, &notes);
	if (notes.oom) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		goto done;
	}
	for (size_t i = 0; i < notes.n; i++) {
		if (notes.v[i].level == DCATIT_SEV_WARNING)
			dcatit_msg_warning(notes.v[i].file, notes.v[i].line, "%s", notes.v[i].message);
		else if (notes.v[i].level == DCATIT_SEV_INFO)
			dcatit_msg_info(notes.v[i].file, notes.v[i].line, "%s", notes.v[i].message);
	}

	/* the report looks shape messages up in one graph: the bundles' too */
	if (profile_set.nbundles &&
	    ((sg == shapes && dcatit_profile_merge_shapes(&profile_set, shapes) != DCATIT_OK))) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		goto done;
	}
	DcatitReportInput in;
	memset(&in, 0, sizeof in);
	in.data = data;
	in.shapes = sg;
	in.files = report_names.items;
	in.nfiles = report_names.n;
	in.fail_on = level;
	in.notes = &notes;
	if (dcatit_report_write(&results, &in, fmt, &text) != DCATIT_OK) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		goto done;
	}
	/* a failed write is reported once, by dcatit_msg_finish_stdout */
	if (text.len && fwrite(text.data, 1, text.len, stdout) != text.len)
		goto done;
	DcatitReportCounts counts = dcatit_report_count(&results, terms);
	dcatit_buf_clear(&text);
	dcatit_report_summary(&counts, data_files.n, &text);
	if (text.data)
		fprintf(stderr, "%s\n", text.data);
	size_t failing = counts.violations;
	if (level >= DCATIT_SEV_WARNING)
		failing += counts.warnings;
	if (level >= DCATIT_SEV_INFO)
		failing += counts.infos;
	/* a run that validated nothing fails --fail-on warning like a finding */
	failing += dcatit_report_notes_count(&notes, level);
	code = failing ? DCATIT_EXIT_FINDINGS : DCATIT_EXIT_OK;
	/* checks the engine could not complete: neither conforming nor not */
	for (size_t i = 0; i < results.nfailures; i++) {
		dcatit_buf_clear(&text);
		dcatit_report_failure_line(&results.failures[i], &in, &text);
		if (text.data)
			fprintf(stderr, "%s\n", text.data);
	}
	if (results.nfailures) {
		dcatit_msg_error("validation incomplete: %zu sh:pattern check%s hit the match limit "
		                 "and %s not made", results.nfailures,
		                 results.nfailures == 1 ? "" : "s",
		                 results.nfailures == 1 ? "was" : "were");
		code = DCATIT_EXIT_RUNTIME;
	}
done:
	if (code == DCATIT_EXIT_RUNTIME && fmt != DCATIT_REPORT_TEXT)
		error_report(fmt, data, &notes, report_names.items, report_names.n, level);
	dcatit_msg_progress_done();
	dcatit_report_notes_release(&notes);
	dcatit_buf_release(&text);
	dcatit_results_release(&results);
	dcatit_profile_load_release(&profile_set);
	dcatit_model_free(shapes);
	dcatit_model_free(data);
	dcatit_terms_free(terms);
	goto out;
oom:
	dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
	code = DCATIT_EXIT_RUNTIME;
out:
	free(data_files.items);
	free(shape_files.items);
	free(orgs_files.items);
	free(profiles.items);
	free(bundles.items);
	free(report_names.items);
	return code;
}
