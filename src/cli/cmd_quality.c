/* cmd_quality.c: `dcatit quality`: the data.europa.eu Metadata Quality
 * Assessment score of a catalogue, or of every source of a `dcatit
 * harvest` output directory, offline by default (link status "not
 * assessed"), with --check-links over HTTP; a report in text, JSON, HTML,
 * DQV or CSV. Exit 0, 1 when the score is under --fail-under, 2 usage,
 * 3 runtime error. */
#include "cli/cmds.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/file.h"
#include "base/buf.h"
#include "base/i18n.h"
#include "base/str.h"
#include "cli/datadir.h"
#include "cli/locale.h"
#include "cli/msg.h"
#include "cli/opt.h"
#include "cli/profile_load.h"
#include "config.h"
#include "quality/compare.h"
#include "quality/findings.h"
#include "quality/links.h"
#include "quality/report.h"
#include "quality/score.h"
#include "quality/strings.h"
#include "quality/vocabs.h"
#include "rdf/model.h"
#include "rdf/term.h"
#include "shacl/report.h"

/* One graph to score: a plain catalogue, or one harvest source. */
typedef struct {
	char *name;
	DcatitStrs files;
	DcatitModel *model;
	DcatitResults results;
} Group;

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The .ttl files of dir, sorted. */
static bool list_ttl(const char *dir, DcatitStrs *out)
{
	DIR *dh = opendir(dir);
	if (!dh)
		return false;
	struct dirent *e;
	bool ok = true;
	while (ok && (e = readdir(dh))) {
		if (e->d_name[0] == '.' || !dcatit_str_has_suffix(e->d_name, ".ttl"))
			continue;
		DcatitBuf b;
		dcatit_buf_init(&b);
		dcatit_buf_addf(&b, "%s/%s", dir, e->d_name);
		ok = !b.oom && is_file(b.data) ? dcatit_strs_add(out, b.data) : !b.oom;
		dcatit_buf_release(&b);
	}
	closedir(dh);
	if (out->n)
		qsort(out->items, out->n, sizeof *out->items, dcatit_cmp_str);
	return ok;
}

/* The sources of a harvest output directory: its subdirectories with a
 * state.json or report.json (removed/ records are not there: they moved
 * to NAME/removed/). */
static int harvest_groups(const char *dir, Group **groups, size_t *ngroups)
{
	DIR *dh = opendir(dir);
	if (!dh) {
		dcatit_msg_error("cannot read '%s'", dir);
		return DCATIT_EXIT_RUNTIME;
	}
	DcatitStrs names = { NULL, 0, 0 };
	struct dirent *e;
	bool ok = true;
	while (ok && (e = readdir(dh))) {
		if (e->d_name[0] == '.')
			continue;
		DcatitBuf a, b;
		dcatit_buf_init(&a);
		dcatit_buf_init(&b);
		dcatit_buf_addf(&a, "%s/%s/state.json", dir, e->d_name);
		dcatit_buf_addf(&b, "%s/%s/report.json", dir, e->d_name);
		if (a.oom || b.oom)
			ok = false;
		else if (is_file(a.data) || is_file(b.data))
			ok = dcatit_strs_add(&names, e->d_name);
		dcatit_buf_release(&a);
		dcatit_buf_release(&b);
	}
	closedir(dh);
	if (!ok) {
		dcatit_strs_release(&names);
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		return DCATIT_EXIT_RUNTIME;
	}
	if (!names.n) {
		dcatit_strs_release(&names);
		return dcatit_msg_usage("quality", "'%s' is a directory but not the output of "
		                        "'dcatit harvest' (no SOURCE/state.json in it)", dir);
	}
	qsort(names.items, names.n, sizeof *names.items, dcatit_cmp_str);
	*groups = calloc(names.n, sizeof **groups);
	if (!*groups) {
		dcatit_strs_release(&names);
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		return DCATIT_EXIT_RUNTIME;
	}
	*ngroups = names.n;
	for (size_t i = 0; i < names.n; i++) {
		Group *g = &(*groups)[i];
		g->name = names.items[i];
		names.items[i] = NULL;
		DcatitBuf sub;
		dcatit_buf_init(&sub);
		dcatit_buf_addf(&sub, "%s/%s", dir, g->name);
		ok = !sub.oom && list_ttl(sub.data, &g->files);
		dcatit_buf_release(&sub);
		if (!ok) {
			dcatit_strs_release(&names);
			dcatit_msg_error("cannot read the records of source '%s' in '%s'", g->name, dir);
			return DCATIT_EXIT_RUNTIME;
		}
	}
	dcatit_strs_release(&names);
	return DCATIT_EXIT_OK;
}

/* $XDG_CACHE_HOME/dcatit/links.json or ~/.cache/dcatit/links.json, the
 * directories made when missing; NULL (after an error message) when
 * neither variable is set or the directory cannot be made. */
static char *default_cache(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	DcatitBuf dir;
	dcatit_buf_init(&dir);
	if (xdg && *xdg == '/')
		dcatit_buf_adds(&dir, xdg);
	else if (home && *home)
		dcatit_buf_addf(&dir, "%s/.cache", home);
	else {
		dcatit_msg_error("no place for the link cache: set XDG_CACHE_HOME or HOME, or "
		                 "give --link-cache FILE or --link-cache none");
		return NULL;
	}
	mkdir(dir.data, 0777);
	dcatit_buf_adds(&dir, "/dcatit");
	mkdir(dir.data, 0777);
	if (!dir.oom && !is_dir(dir.data)) {
		dcatit_msg_error("cannot make the link cache directory '%s'", dir.data);
		dcatit_buf_release(&dir);
		return NULL;
	}
	dcatit_buf_adds(&dir, "/links.json");
	return dcatit_buf_detach(&dir);
}

static bool parse_number(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end || !(v >= lo && v <= hi))
		return false;
	*out = v;
	return true;
}

static const char *o_format, *o_output, *o_lang, *o_jobs, *o_max_age, *o_cache, *o_timeout;
static const char *o_compare, *o_rows, *o_title, *o_fail;
static bool o_check_links, o_no_validate;
static DcatitOptList o_orgs, o_shapes, o_allow_hosts;

static const DcatitOpt quality_opts[] = {
	{ 'f', "format", DCATIT_OPT_STRING, &o_format, N_("FORMAT"),
	  N_("text (default), json (doc/quality-json.md), html (one self-contained page), dqv "
	     "(Turtle, DQV measurements with the data.europa.eu metric IRIs) or csv (one row per "
	     "dataset)"), "text|json|html|dqv|csv" },
	{ 'o', "output", DCATIT_OPT_STRING, &o_output, N_("FILE"),
	  N_("write the report to FILE (replaced whole) instead of standard output"), "file" },
	{ 0, "lang", DCATIT_OPT_LANG, &o_lang, N_("LANG"),
	  N_("it or en: the language of the report and the messages (default: Italian for the "
	     "html report, else from the locale, LANG)"), "it|en" },
	{ 0, "check-links", DCATIT_OPT_FLAG, &o_check_links, NULL,
	  N_("check every access and download URL: HEAD (a GET that reads no body when HEAD is "
	     "refused), at most 5 redirects under harvest's policy, 2xx is accessible"), NULL },
	{ 'j', "jobs", DCATIT_OPT_STRING, &o_jobs, N_("N"),
	  N_("parallel link checks (default 16, 1-256); at most 4 per host"), NULL },
	{ 0, "max-age", DCATIT_OPT_STRING, &o_max_age, N_("DAYS"),
	  N_("reuse cached link results younger than DAYS (default 7; 0 checks everything "
	     "again)"), NULL },
	{ 0, "link-cache", DCATIT_OPT_STRING, &o_cache, N_("FILE"),
	  N_("the cache of link results (default $XDG_CACHE_HOME/dcatit/links.json, else "
	     "~/.cache/dcatit/links.json); 'none' for no cache"), "file" },
	{ 0, "link-timeout", DCATIT_OPT_STRING, &o_timeout, N_("SECONDS"),
	  N_("time allowed for one URL (default 10)"), NULL },
	{ 0, "allow-host", DCATIT_OPT_LIST, &o_allow_hosts, N_("HOST[:PORT]"),
	  N_("links to HOST may lead to a loopback, private or link-local address, which is "
	     "refused otherwise (an intranet server; repeatable)"), NULL },
	{ 0, "compare", DCATIT_OPT_STRING, &o_compare, N_("OLD.json"),
	  N_("show what changed since the report OLD.json (written earlier with --format json)"),
	  "file" },
	{ 0, "no-validate", DCATIT_OPT_FLAG, &o_no_validate, NULL,
	  N_("do not validate: DCAT-AP compliance is not assessed"), NULL },
	{ 0, "orgs", DCATIT_OPT_LIST, &o_orgs, N_("FILE"),
	  N_("more organisations for the validation (as validate)"), "file" },
	{ 's', "shapes", DCATIT_OPT_LIST, &o_shapes, N_("FILE"),
	  N_("more shapes for the validation, with the profile's (e.g. the EU DCAT-AP shapes "
	     "data.europa.eu uses)"), "file" },
	{ 0, "rows", DCATIT_OPT_STRING, &o_rows, N_("N"),
	  N_("datasets listed in the text (20) and html (1000) reports, lowest score first"),
	  NULL },
	{ 0, "title", DCATIT_OPT_STRING, &o_title, N_("TEXT"),
	  N_("the catalogue's name in the report"), NULL },
	{ 0, "fail-under", DCATIT_OPT_STRING, &o_fail, N_("SCORE"),
	  N_("exit 1 when the catalogue score is below SCORE"), NULL },
	{ 0, NULL, DCATIT_OPT_END, NULL, NULL, NULL, NULL },
};

const DcatitOptCmd dcatit_quality_cmd = {
	.name = "quality",
	.summary = N_("score a catalogue by the data.europa.eu metadata quality assessment"),
	.operands = N_("CATALOG..."),
	.complete = "file",
	.description =
		N_("Score the catalogue in the RDF files CATALOG (all files form one catalogue) by "
		   "the data.europa.eu Metadata Quality Assessment (MQA): 23 indicators, 405 points, "
		   "rated Excellent (351-405), Good (221-350), Sufficient (121-220) or Bad (0-120). A "
		   "dataset scores its own properties plus its best distribution; the catalogue "
		   "scores the mean of its datasets. CATALOG may instead be the output directory of "
		   "'dcatit harvest': each source is scored on its own and ranked in a league "
		   "table.\n"
		   "\n"
		   "Offline by default: the reachability of access and download URLs (80 points) is "
		   "'not assessed' and the score is given with the maximum that was assessed. DCAT-AP "
		   "compliance (30 points) is estimated with the DCAT-AP_IT profile of 'dcatit "
		   "validate': a dataset complies when its description has no violation."),
	.notes =
		N_("Where dcatit's score may differ from data.europa.eu's: README.md, 'Metadata "
		   "quality'. A summary line goes to standard error."),
	.exit_status =
		N_("0 scored, 1 score under --fail-under, 2 usage error, 3 runtime error (unreadable "
		   "file, syntax error, cache or output unwritable)."),
	.opts = quality_opts,
};

/* The values of a repeatable option, copied (the rest of the command owns
 * DcatitStrs). */
static bool paths_from(DcatitStrs *p, const DcatitOptList *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (!dcatit_strs_add(p, l->v[i]))
			return false;
	return true;
}

int cmd_quality(int argc, char **argv)
{
	DcatitStrs operands = { NULL, 0, 0 }, orgs_files = { NULL, 0, 0 };
	DcatitStrs allow_hosts = { NULL, 0, 0 }, shape_files = { NULL, 0, 0 };
	int code = DCATIT_EXIT_USAGE;
	Group *groups = NULL;
	size_t ngroups = 0;
	bool harvest = false;
	DcatitTerms *terms = NULL;
	DcatitModel *shapes = NULL;
	DcatitProfile profile;
	memset(&profile, 0, sizeof profile);
	DcatitQualityVocab *vocab = NULL;
	DcatitQuality q;
	DcatitQualityFindings findings;
	DcatitQualityLinks links;
	DcatitQualityDiff diff;
	DcatitIdMap statuses;
	DcatitBuf out;
	char *cache_path = NULL;
	bool have_q = false, have_diff = false;
	dcatit_quality_findings_init(&findings);
	dcatit_quality_links_init(&links);
	dcatit_idmap_init(&statuses);
	dcatit_buf_init(&out);
	memset(&diff, 0, sizeof diff);

	int first = 0;
	o_format = o_output = o_lang = o_jobs = o_max_age = o_cache = o_timeout = NULL;
	o_compare = o_rows = o_title = o_fail = NULL;
	o_check_links = o_no_validate = false;
	DcatitOptResult pr = dcatit_opt_parse(&dcatit_quality_cmd, argc, argv, &first);
	if (pr != DCATIT_OPT_PARSED) {
		code = dcatit_opt_exit_code(pr);
		goto out;
	}
	const char *format = o_format ? o_format : "text", *output = o_output;
	const char *jobs_s = o_jobs, *max_age_s = o_max_age, *cache_s = o_cache;
	const char *timeout_s = o_timeout, *compare_path = o_compare, *rows_s = o_rows;
	const char *title = o_title, *fail_s = o_fail;
	bool check_links = o_check_links, no_validate = o_no_validate;
	for (int i = first; i < argc; i++)
		if (!dcatit_strs_add(&operands, argv[i]))
			goto oom;
	if (!paths_from(&orgs_files, &o_orgs) || !paths_from(&shape_files, &o_shapes) ||
	    !paths_from(&allow_hosts, &o_allow_hosts))
		goto oom;
	if (!operands.n) {
		dcatit_msg_usage("quality", "no catalogue given");
		goto out;
	}
	DcatitQualityFormat fmt;
	if (!dcatit_quality_format_from_name(format, &fmt)) {
		dcatit_msg_usage("quality", "unknown format '%s' (text, json, html, dqv or csv)", format);
		goto out;
	}
	/* the html page is for the public bodies' officers: Italian unless --lang
	 * says otherwise; the other reports speak the run's language */
	bool italian = o_lang ? strcmp(o_lang, "it") == 0
	             : fmt == DCATIT_QFMT_HTML || strcmp(dcatit_locale_lang(), "it") == 0;
	DcatitQualityLang lang = italian ? DCATIT_QLANG_IT : DCATIT_QLANG_EN;
	double jobs = 16, max_age = 7, timeout = 10, rows = 0, fail_under = -1;
	if (jobs_s && !parse_number(jobs_s, 1, 256, &jobs)) {
		dcatit_msg_usage("quality", "--jobs must be a number from 1 to 256, not '%s'", jobs_s);
		goto out;
	}
	if (max_age_s && !parse_number(max_age_s, 0, 36500, &max_age)) {
		dcatit_msg_usage("quality", "--max-age must be a number of days, not '%s'", max_age_s);
		goto out;
	}
	if (timeout_s && !parse_number(timeout_s, 0.1, 600, &timeout)) {
		dcatit_msg_usage("quality", "--link-timeout must be seconds from 0.1 to 600, not '%s'",
		                 timeout_s);
		goto out;
	}
	if (rows_s && (!parse_number(rows_s, 1, 1e9, &rows) || rows != floor(rows))) {
		dcatit_msg_usage("quality", "--rows must be a whole number from 1, not '%s'", rows_s);
		goto out;
	}
	if (fail_s && !parse_number(fail_s, 0, DCATIT_QUALITY_MAX, &fail_under)) {
		dcatit_msg_usage("quality", "--fail-under must be a score from 0 to 405, not '%s'",
		                 fail_s);
		goto out;
	}
	if (!check_links && (jobs_s || max_age_s || cache_s || timeout_s || allow_hosts.n)) {
		dcatit_msg_usage("quality", "--jobs, --max-age, --link-cache, --link-timeout and "
		                 "--allow-host need --check-links");
		goto out;
	}
	if (no_validate && (orgs_files.n || shape_files.n)) {
		dcatit_msg_usage("quality", "--orgs and --shapes need the validation (drop "
		                 "--no-validate)");
		goto out;
	}
	size_t stdin_uses = 0;
	for (size_t i = 0; i < operands.n; i++)
		stdin_uses += strcmp(operands.items[i], "-") == 0;
	for (size_t i = 0; i < shape_files.n; i++)
		stdin_uses += strcmp(shape_files.items[i], "-") == 0;
	if (stdin_uses > 1) {
		dcatit_msg_usage("quality", "standard input ('-') can be read only once");
		goto out;
	}
	/* a directory is a harvest output: then it is the only operand */
	for (size_t i = 0; i < operands.n; i++)
		if (is_dir(operands.items[i]))
			harvest = true;
	if (harvest && operands.n > 1) {
		dcatit_msg_usage("quality", "give one harvest output directory or RDF files, not both");
		goto out;
	}
	if (harvest) {
		if ((code = harvest_groups(operands.items[0], &groups, &ngroups)) != DCATIT_EXIT_OK)
			goto out;
	} else {
		groups = calloc(1, sizeof *groups);
		if (!groups || !(groups[0].name = dcatit_strdup("")))
			goto oom;
		ngroups = 1;
		for (size_t i = 0; i < operands.n; i++)
			if (!dcatit_strs_add(&groups[0].files, operands.items[i]))
				goto oom;
	}

	code = DCATIT_EXIT_RUNTIME;
	char dir[4096];
	if (dcatit_datadir_find(dir, sizeof dir) != DCATIT_OK) {
		dcatit_msg_error("cannot find the data directory (vocab/): '%s' is not a directory "
		                 "(set DCATIT_DATADIR)", dir);
		goto out;
	}
	terms = dcatit_terms_new();
	if (!terms)
		goto oom;
	dcatit_quality_init(&q, terms);
	have_q = true;
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (!(vocab = dcatit_quality_vocab_load(terms, dir, &d))) {
		code = dcatit_msg_diag(&d);
		goto out;
	}
	if (!no_validate) {
		shapes = dcatit_model_new(terms);
		if (!shapes)
			goto oom;
		DcatitProfileLoadOpts po;
		memset(&po, 0, sizeof po);
		po.orgs_files = (const char *const *)orgs_files.items;
		po.norgs_files = orgs_files.n;
		po.hint = "use --no-validate";
		if (!dcatit_profile_load(&profile, shapes, &po, &code))
			goto out;
		for (size_t i = 0; i < shape_files.n; i++)
			if (!dcatit_profile_parse(shapes, shape_files.items[i], false, &code))
				goto out;
	}
	for (size_t g = 0; g < ngroups; g++) {
		Group *gr = &groups[g];
		dcatit_results_init(&gr->results);
		if (!(gr->model = dcatit_model_new(terms)))
			goto oom;
		for (size_t i = 0; i < gr->files.n; i++)
			if (!dcatit_profile_parse(gr->model, gr->files.items[i], false, &code))
				goto out;
		if (!no_validate) {
			if (dcatit_profile_validate(&profile, gr->model, &gr->results, &d) != DCATIT_OK) {
				code = dcatit_msg_diag(&d);
				goto out;
			}
			dcatit_results_sort(&gr->results, gr->model);
			DcatitReportInput ri;
			memset(&ri, 0, sizeof ri);
			ri.data = gr->model;
			ri.shapes = shapes;
			/* checks the engine could not complete: said, and the
			 * compliance of those datasets is not assessed */
			DcatitBuf line;
			dcatit_buf_init(&line);
			for (size_t i = 0; i < gr->results.nfailures; i++) {
				dcatit_buf_clear(&line);
				dcatit_report_failure_line(&gr->results.failures[i], &ri, &line);
				if (line.data)
					fprintf(stderr, "%s\n", line.data);
			}
			dcatit_buf_release(&line);
			if (gr->results.nfailures)
				dcatit_msg_error(P_("validation incomplete: %zu sh:pattern check hit the match "
				                    "limit; DCAT-AP compliance is not assessed where it applies",
				                    "validation incomplete: %zu sh:pattern checks hit the match "
				                    "limit; DCAT-AP compliance is not assessed where they apply",
				                    gr->results.nfailures), gr->results.nfailures);
			if (dcatit_quality_findings_add(&findings, &gr->results, &ri, (uint32_t)g) != DCATIT_OK)
				goto oom;
		}
	}
	dcatit_quality_findings_sort(&findings);

	if (check_links) {
		if (!cache_s)
			cache_path = default_cache();
		else if (strcmp(cache_s, "none") != 0)
			cache_path = dcatit_strdup(cache_s);
		if ((!cache_s && !cache_path) || (cache_s && strcmp(cache_s, "none") != 0 && !cache_path))
			goto out;
		DcatitIdMap urls;
		dcatit_idmap_init(&urls);
		for (size_t g = 0; g < ngroups; g++)
			if (dcatit_quality_urls(groups[g].model, &urls, &d) != DCATIT_OK) {
				dcatit_idmap_release(&urls);
				code = dcatit_msg_diag(&d);
				goto out;
			}
		/* in term-id order: the same catalogue asks in the same order */
		for (size_t id = 1; id <= dcatit_terms_count(terms); id++)
			if (dcatit_idmap_get(&urls, (DcatitTermId)id, NULL) &&
			    dcatit_quality_links_add(&links, terms, (DcatitTermId)id) != DCATIT_OK) {
				dcatit_idmap_release(&urls);
				goto oom;
			}
		dcatit_idmap_release(&urls);
		DcatitQualityLinkOpts lo;
		memset(&lo, 0, sizeof lo);
		lo.jobs = (unsigned)jobs;
		lo.timeout_ms = (long)(timeout * 1000);
		lo.cache_path = cache_path;
		lo.max_age_days = max_age > 0 ? max_age : -1;
		lo.allow_hosts = (const char *const *)allow_hosts.items;
		lo.nallow_hosts = allow_hosts.n;
		if (dcatit_quality_links_check(&links, &lo, &d) != DCATIT_OK) {
			code = dcatit_msg_diag(&d);
			goto out;
		}
		if (dcatit_quality_links_statuses(&links, &statuses) != DCATIT_OK)
			goto oom;
	}
	for (size_t g = 0; g < ngroups; g++) {
		DcatitQualityInput in;
		memset(&in, 0, sizeof in);
		in.data = groups[g].model;
		in.vocab = vocab;
		in.results = no_validate ? NULL : &groups[g].results;
		in.links = check_links ? &statuses : NULL;
		in.source = groups[g].name;
		if (dcatit_quality_score(&q, &in, &d) != DCATIT_OK) {
			code = dcatit_msg_diag(&d);
			goto out;
		}
	}
	if (dcatit_quality_finish(&q, &d) != DCATIT_OK) {
		code = dcatit_msg_diag(&d);
		goto out;
	}
	if (compare_path) {
		if (dcatit_quality_diff(&q, compare_path, &diff, &d) != DCATIT_OK) {
			code = dcatit_msg_diag(&d);
			goto out;
		}
		have_diff = true;
	}

	DcatitQualityReportInput ri;
	memset(&ri, 0, sizeof ri);
	ri.q = &q;
	ri.lang = lang;
	ri.findings = no_validate ? NULL : &findings;
	ri.links = check_links ? &links : NULL;
	ri.diff = have_diff ? &diff : NULL;
	ri.title = title;
	ri.generator = "dcatit " DCATIT_VERSION;
	ri.max_rows = (size_t)rows;
	ri.harvest = harvest;
	/* the report's texts come from the message catalogue in its language */
	char was[3];
	snprintf(was, sizeof was, "%s", dcatit_locale_lang());
	if (italian != (strcmp(was, "it") == 0))
		dcatit_locale_use(italian ? "it" : "en");
	DcatitStatus wst = dcatit_quality_report_write(&ri, fmt, &out);
	if (strcmp(was, dcatit_locale_lang()) != 0)
		dcatit_locale_use(was);
	if (wst != DCATIT_OK)
		goto oom;
	if (output && strcmp(output, "-") != 0) {
		if (dcatit_file_write_atomic(output, out.data ? out.data : "", out.len, &d) != DCATIT_OK) {
			code = dcatit_msg_diag(&d);
			goto out;
		}
	} else if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len) {
		/* reported once, by dcatit_msg_finish_stdout */
		goto out;
	}
	char score[32] = "-";
	if (q.total.datasets) {
		/* the summary speaks the messages' language, its decimal mark too */
		dcatit_quality_num(score, sizeof score, q.total.score, 1,
		                   strcmp(dcatit_locale_lang(), "it") == 0 ? DCATIT_QLANG_IT
		                                                           : DCATIT_QLANG_EN);
		fputs("dcatit quality: ", stderr);
		fprintf(stderr, P_("%zu dataset, score %s of %d (assessed %.0f), %s",
		                   "%zu datasets, score %s of %d (assessed %.0f), %s", q.total.datasets),
		        q.total.datasets, score, DCATIT_QUALITY_MAX, q.total.assessed_max,
		        dcatit_quality_band_word((DcatitQualityBand)q.total.band));
	} else {
		fputs("dcatit quality: ", stderr);
		fputs(_("no dataset (nothing typed dcat:Dataset or dcatapit:Dataset)"), stderr);
	}
	if (check_links)
		fprintf(stderr, _("; %zu URLs, %zu requests, %zu from the cache, %zu broken"), links.n,
		        links.requests, links.from_cache, q.nbroken);
	fputc('\n', stderr);
	code = DCATIT_EXIT_OK;
	if (fail_under >= 0 && (!q.total.datasets || q.total.score < fail_under)) {
		dcatit_msg_error("the catalogue score %s is under --fail-under %s", score, fail_s);
		code = DCATIT_EXIT_FINDINGS;
	}
	goto out;
oom:
	code = dcatit_msg_nomem();
out:
	dcatit_opt_release(&dcatit_quality_cmd);
	for (size_t g = 0; groups && g < ngroups; g++) {
		free(groups[g].name);
		dcatit_strs_release(&groups[g].files);
		dcatit_results_release(&groups[g].results);
	}
	if (have_q)
		dcatit_quality_release(&q);
	if (have_diff)
		dcatit_quality_diff_release(&diff);
	dcatit_quality_findings_release(&findings);
	dcatit_quality_links_release(&links);
	dcatit_idmap_release(&statuses);
	dcatit_quality_vocab_free(vocab);
	dcatit_profile_load_release(&profile);
	/* the models last: findings, datasets and hints borrow their names */
	for (size_t g = 0; groups && g < ngroups; g++)
		dcatit_model_free(groups[g].model);
	free(groups);
	dcatit_model_free(shapes);
	dcatit_terms_free(terms);
	dcatit_buf_release(&out);
	free(cache_path);
	dcatit_strs_release(&operands);
	dcatit_strs_release(&orgs_files);
	dcatit_strs_release(&allow_hosts);
	dcatit_strs_release(&shape_files);
	return code;
}
