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
#include "base/i18n.h"
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
			                        P_("%zu named graph: validated as one graph, its "
			                           "union with the default graph",
			                           "%zu named graphs: validated as one graph, their "
			                           "union with the default graph", count[f]),
			                        count[f]);
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

static const char *o_format, *o_fail_on, *o_lang;
static DcatitOptList o_shapes, o_profiles, o_orgs;

static const DcatitOpt validate_opts[] = {
	{ 's', "shapes", DCATIT_OPT_LIST, &o_shapes, N_("FILE"),
	  N_("add the shapes in FILE (repeatable)"), "file" },
	{ 'p', "profile", DCATIT_OPT_LIST, &o_profiles, N_("NAME"),
	  N_("dcatapit: the DCAT-AP_IT shapes of the data directory (shapes/*.ttl); "
	     "dcatapit-strict: the same plus shapes/*strict*.ttl, and warnings fail too "
	     "(--fail-on warning unless given); none: only --shapes. Default: dcatapit without "
	     "--shapes, none with --shapes. With none and no --shapes, the data is its own "
	     "shapes graph. The EU profiles bundled in profiles/ of the data directory: "
	     "dcat-ap-2.1.1, dcat-ap-3.0.1, geodcat-ap, hvd, each with the vocabularies it "
	     "needs; NAME:VARIANT runs one case of the EU validator (base, ranges, recommended, "
	     "vocabularies; NAME alone is full). Repeatable: -p dcatapit -p hvd checks both"),
	  "profile" },
	{ 0, "orgs", DCATIT_OPT_LIST, &o_orgs, N_("FILE"),
	  N_("with the dcatapit profiles: more organisations (Turtle, the form of "
	     "organizations.ttl of the data directory) whose dct:identifier counts as a known "
	     "IPA code (repeatable)"), "file" },
	{ 'f', "format", DCATIT_OPT_STRING, &o_format, N_("FORMAT"),
	  N_("text (default, one 'file:line: severity: message' per finding), json, junit, "
	     "ttl (an sh:ValidationReport) or github (workflow commands)"),
	  "text|json|junit|ttl|github" },
	{ 0, "fail-on", DCATIT_OPT_STRING, &o_fail_on, N_("LEVEL"),
	  N_("exit 1 on findings at or above LEVEL: violation (default), warning or info"),
	  "violation|warning|info" },
	{ 0, "lang", DCATIT_OPT_LANG, &o_lang, N_("LANG"),
	  N_("the language of messages and reports: it or en (default: from the locale, "
	     "LANG)"), "it|en" },
	{ 0, NULL, DCATIT_OPT_END, NULL, NULL, NULL, NULL },
};

const DcatitOptCmd dcatit_validate_cmd = {
	.name = "validate",
	.summary = N_("validate RDF data with SHACL shapes (DCAT-AP_IT by default)"),
	.operands = N_("DATA..."),
	.complete = "file",
	.description =
		N_("Validate the RDF files DATA ('-' for standard input) with SHACL shapes "
		   "(ISO 19139 / RNDT XML is mapped to DCAT-AP_IT first, as by convert) and report "
		   "what does not conform. All DATA files form one data graph, all shapes one "
		   "shapes graph."),
	.notes =
		N_("The data directory is $DCATIT_DATADIR, else vocab/ of the source tree for a "
		   "build that is not installed, else the installed one (next to the executable: "
		   "../share/dcatit). A summary line goes to standard error.\n"
		   "\n"
		   "owl:imports in the shapes are followed when they name a file next to the shapes "
		   "that import them (a file: IRI, or an IRI whose last segment is the file's name) "
		   "or a bundled shapes file (by its owl:Ontology IRI or file name); nothing is "
		   "downloaded. An import not followed, and shapes that select no node of the data, "
		   "are warnings on standard error and in the report. With --format json, junit, "
		   "ttl or github, a file that cannot be read or parsed still gives a report of that "
		   "format on standard output, with the error and its file:line."),
	.exit_status =
		N_("0 conforms, 1 findings at or above --fail-on, 2 usage error, 3 runtime error "
		   "(unreadable file, syntax error, bad shapes, a sh:pattern too expensive to check "
		   "on some value)."),
	.opts = validate_opts,
};

int cmd_validate(int argc, char **argv)
{
	Names report_names = { NULL, 0 }, bundles = { NULL, 0 };
	const char *format, *fail_on, *profile = NULL;
	int first = 0;
	o_format = o_fail_on = o_lang = NULL;
	DcatitOptResult pr = dcatit_opt_parse(&dcatit_validate_cmd, argc, argv, &first);
	if (pr != DCATIT_OPT_PARSED) {
		dcatit_opt_release(&dcatit_validate_cmd);
		return dcatit_opt_exit_code(pr);
	}
	format = o_format ? o_format : "text";
	fail_on = o_fail_on;
	DcatitOptList data_files = { (const char **)argv + first, (size_t)(argc - first) };
	DcatitOptList shape_files = o_shapes, orgs_files = o_orgs, profiles = o_profiles;
	int code = DCATIT_EXIT_USAGE;
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
		profile = profiles.v[i];
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
		stdin_uses += strcmp(data_files.v[i], "-") == 0;
	for (size_t i = 0; i < shape_files.n; i++)
		stdin_uses += strcmp(shape_files.v[i], "-") == 0;
	if (stdin_uses > 1) {
		dcatit_msg_usage("validate", "standard input ('-') can be read only once");
		goto out;
	}
	for (size_t i = 0; i < data_files.n; i++)
		if (!names_add(&report_names, strcmp(data_files.v[i], "-") == 0
		                              ? "<stdin>" : data_files.v[i]))
			goto oom;

	code = DCATIT_EXIT_RUNTIME;
	long total = 0;
	for (size_t i = 0; i < data_files.n; i++)
		total += file_size(data_files.v[i]);
	for (size_t i = 0; i < shape_files.n; i++)
		total += file_size(shape_files.v[i]);
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
		dcatit_msg_nomem();
		goto done;
	}
	for (size_t i = 0; i < data_files.n; i++) {
		const char *f = data_files.v[i];
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
		if (!dcatit_profile_parse(shapes, shape_files.v[i], progress, &code))
			goto done;
	if (prof != PROFILE_NONE) {
		DcatitProfileLoadOpts po;
		memset(&po, 0, sizeof po);
		po.strict = prof == PROFILE_STRICT;
		po.orgs_files = orgs_files.v;
		po.norgs_files = orgs_files.n;
		po.progress = progress;
		po.hint = N_("use --profile none");
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
		dcatit_msg_nomem();
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
		dcatit_msg_nomem();
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
		dcatit_msg_nomem();
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
		dcatit_msg_error(P_("validation incomplete: %zu sh:pattern check hit the match limit "
		                    "and was not made",
		                    "validation incomplete: %zu sh:pattern checks hit the match limit "
		                    "and were not made", results.nfailures), results.nfailures);
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
	code = dcatit_msg_nomem();
out:
	dcatit_opt_release(&dcatit_validate_cmd);
	free(bundles.items);
	free(report_names.items);
	return code;
}
