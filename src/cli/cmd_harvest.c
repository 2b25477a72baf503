/* cmd_harvest.c: `dcatit harvest`: read the sources (harvest/NAME.yaml),
 * harvest them (all, or the ones named) into OUT, print one report per
 * source and a summary. Exit 0 when every source was harvested, 1 when one
 * failed, 2 usage, 3 runtime error (cannot write OUT, no profile). */
#include "cli/cmds.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "cli/datadir.h"
#include "cli/msg.h"
#include "cli/opt.h"
#include "cli/profile_load.h"
#include "harvest/config.h"
#include "harvest/harvest.h"
#include "quality/strings.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"
#include "base/str.h"

/* Invalid records listed on stdout per source; report.json has them all. */
#define LIST_INVALID 10

static bool has_yaml_ext(const char *s)
{
	size_t n = strlen(s);
	return (n > 5 && strcmp(s + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(s + n - 4, ".yml") == 0);
}

/* The .yaml/.yml files of dir, sorted; false when dir cannot be read. */
static bool list_sources(const char *dir, DcatitStrs *out)
{
	DIR *dh = opendir(dir);
	if (!dh)
		return false;
	struct dirent *e;
	bool ok = true;
	while (ok && (e = readdir(dh))) {
		if (e->d_name[0] == '.' || !has_yaml_ext(e->d_name))
			continue;
		DcatitBuf b;
		dcatit_buf_init(&b);
		dcatit_buf_addf(&b, "%s/%s", dir, e->d_name);
		ok = !b.oom && dcatit_strs_add(out, b.data);
		dcatit_buf_release(&b);
	}
	closedir(dh);
	if (out->n)
		qsort(out->items, out->n, sizeof *out->items, dcatit_cmp_str);
	return ok;
}

typedef struct {
	bool tty;
	struct timespec last;
} Progress;

static void on_progress(void *ud, const char *source, size_t records, unsigned pages)
{
	Progress *p = ud;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long ms = (now.tv_sec - p->last.tv_sec) * 1000 + (now.tv_nsec - p->last.tv_nsec) / 1000000;
	if (ms < 100)
		return;
	p->last = now;
	dcatit_msg_progress("dcatit harvest: %s: %zu records, %u pages", source, records, pages);
}

static const char *type_name(DcatitHarvestType t)
{
	switch (t) {
	case DCATIT_HARVEST_CKAN: return "ckan";
	case DCATIT_HARVEST_DCAT: return "dcat";
	case DCATIT_HARVEST_CSW: return "csw";
	}
	return "?";
}

/* Print the lines of b, each prefixed. */
static void print_lines(FILE *f, const char *prefix, const DcatitBuf *b, size_t max)
{
	const char *p = b->data, *end = b->data ? b->data + b->len : NULL;
	size_t k = 0;
	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (k++ < max) {
			fputs(prefix, f);
			dcatit_msg_put_text(f, p, n);
			putc('\n', f);
		}
		p += n + 1;
	}
	if (k > max) {
		fputs(prefix, f);
		fprintf(f, _("... and %zu more\n"), k - max);
	}
}

/* The source's data.europa.eu MQA score, offline (links not checked), and
 * what would add most to it. */
static void print_quality(const DcatitHarvestReport *r)
{
	const DcatitQualitySummary *s = &r->quality;
	if (!r->scored || !s->datasets)
		return;
	printf(_("  quality: %.1f of 405 (assessed %.0f), %s"), s->score, s->assessed_max,
	       dcatit_quality_band_word((DcatitQualityBand)s->band));
	if (r->nfix)
		printf(P_("; first fix: %s in %zu dataset (+%d each)",
		          "; first fix: %s in %zu datasets (+%d each)", r->fix[0].datasets),
		       dcatit_quality_indicator(r->fix[0].indicator)->metric, r->fix[0].datasets,
		       r->fix[0].gain_max);
	printf("\n");
}

static void print_report(const DcatitHarvestReport *r, const char *out_dir)
{
	const DcatitHarvestSource *s = r->src;
	printf("%s (%s %s): %s\n", s->name, type_name(s->type), s->url,
	       r->st == DCATIT_OK ? _("ok") : _("FAILED"));
	printf(_("  records: %zu seen, %zu new, %zu changed, %zu unchanged, %zu removed, "
	         "%zu invalid"), r->seen, r->added, r->changed, r->unchanged, r->removed,
	       r->invalid);
	if (r->duplicates)
		printf(_(", %zu duplicates"), r->duplicates);
	if (r->rejected)
		printf(_(", %zu rejected"), r->rejected);
	if (r->claimed_elsewhere)
		printf(_(", %zu left out (dataset IRI claimed twice)"), r->claimed_elsewhere);
	printf(P_("; %u page", "; %u pages", r->pages), r->pages);
	if (r->pages_not_modified)
		printf(_(" (%u not modified)"), r->pages_not_modified);
	printf("\n");
	const DcatitHarvestFixes *f = &r->fixes;
	size_t nf = f->schema_dates + f->datetime_dates + f->untyped_agents + f->na_publishers +
	            f->na_unfixed + f->empty_agents + f->namespace_iris + f->default_publisher +
	            f->default_holder;
	if (nf)
		printf(_("  fixes: %zu schema:startDate/endDate, %zu dateTime dates, %zu untyped "
		         "agents, %zu N/A publishers replaced (%zu left, no default), %zu empty "
		         "creators dropped, %zu dcatapit namespace IRIs, %zu default publishers, "
		         "%zu default rights holders\n"), f->schema_dates, f->datetime_dates,
		       f->untyped_agents, f->na_publishers, f->na_unfixed, f->empty_agents,
		       f->namespace_iris, f->default_publisher, f->default_holder);
	print_lines(stdout, _("  warning: "), &r->warnings, 10);
	for (size_t i = 0; i < r->ninvalid_items && i < LIST_INVALID; i++) {
		const DcatitHarvestInvalid *it = &r->invalid_items[i];
		const char *p = it->reasons.data ? it->reasons.data : "";
		const char *nl = strchr(p, '\n');
		fputs(_("  invalid: "), stdout);
		dcatit_msg_put_text(stdout, it->id, strlen(it->id));
		fputs(": ", stdout);
		dcatit_msg_put_text(stdout, p, nl ? (size_t)(nl - p) : strlen(p));
		putc('\n', stdout);
	}
	if (r->ninvalid_items > LIST_INVALID)
		printf(_("  invalid: ... and %zu more\n"), r->ninvalid_items - LIST_INVALID);
	if (r->removed)
		print_lines(stdout, _("  removed: "), &r->removed_ids, 10);
	if (r->st != DCATIT_OK) {
		fputs(_("  error: "), stdout);
		dcatit_msg_put_text(stdout, r->error, strlen(r->error));
		putc('\n', stdout);
	}
	print_quality(r);
	printf(_("  report: %s/%s/report.json\n"), out_dir, s->name);
}

static const char *o_config, *o_out, *o_jobs, *o_catalog_uri, *o_max_removal, *o_lang;
static bool o_no_cache, o_no_validate, o_list, o_allow_mass, o_no_quality;

static const DcatitOpt harvest_opts[] = {
	{ 'c', "config", DCATIT_OPT_STRING, &o_config, N_("DIR"),
	  N_("the source files (default: harvest)"), "dir" },
	{ 'o', "output", DCATIT_OPT_STRING, &o_out, N_("OUT"),
	  N_("the output directory (default: harvested)"), "dir" },
	{ 'j', "jobs", DCATIT_OPT_STRING, &o_jobs, N_("N"),
	  N_("parallel requests per source (default 4, at most 64)"), NULL },
	{ 0, "no-cache", DCATIT_OPT_FLAG, &o_no_cache, NULL,
	  N_("do not send conditional requests (ETag, If-Modified-Since): fetch and convert "
	     "everything"), NULL },
	{ 0, "no-validate", DCATIT_OPT_FLAG, &o_no_validate, NULL,
	  N_("do not validate the merged catalogue"), NULL },
	{ 0, "list", DCATIT_OPT_FLAG, &o_list, NULL,
	  N_("read the source files and list them; fetch nothing"), NULL },
	{ 0, "catalog-uri", DCATIT_OPT_STRING, &o_catalog_uri, N_("IRI"),
	  N_("the IRI of the merged catalogue (default urn:dcatit:harvest:catalog)"), NULL },
	{ 0, "max-removal", DCATIT_OPT_STRING, &o_max_removal, N_("PCT"),
	/* xgettext:no-c-format */
	  N_("a run moves at most PCT% of a source's records to removed/ (default: the "
	     "source's limits.max_removal, else 20)"), NULL },
	{ 0, "allow-mass-removal", DCATIT_OPT_FLAG, &o_allow_mass, NULL,
	  N_("move every record that is gone, however many"), NULL },
	{ 0, "no-quality", DCATIT_OPT_FLAG, &o_no_quality, NULL,
	  N_("do not score the sources by the data.europa.eu metadata quality assessment (see "
	     "'dcatit quality')"), NULL },
	{ 0, "lang", DCATIT_OPT_LANG, &o_lang, N_("LANG"),
	  N_("the language of messages and reports: it or en (default: from the locale, "
	     "LANG)"), "it|en" },
	{ 0, NULL, DCATIT_OPT_END, NULL, NULL, NULL, NULL },
};

const DcatitOptCmd dcatit_harvest_cmd = {
	.name = "harvest",
	.summary = N_("collect metadata from CKAN, DCAT and CSW sources into DCAT-AP_IT"),
	.operands = N_("[SOURCE...]"),
	.complete = "source",
	.more_usage = "--list [-c DIR]",
	.description =
		N_("Collect metadata from the sources described in DIR (one NAME.yaml per source: "
		   "a CKAN portal, a DCAT RDF endpoint or a CSW catalogue; see harvest/README.md) "
		   "and turn it into DCAT-AP_IT. SOURCE is a source NAME or the path of a .yaml "
		   "file; without SOURCE every source of DIR is harvested, except those with "
		   "'enabled: false'."),
	.notes =
		/* xgettext:no-c-format */
		N_("Output: OUT/NAME/*.ttl, one Turtle file per record (named from the record "
		   "identifier); OUT/NAME/state.json, the content hash of every record and the page "
		   "cache; OUT/NAME/report.json, the report of the last run (with the source's "
		   "data.europa.eu quality score, links not checked: 'dcatit quality OUT' has the "
		   "detail and a league table); OUT/NAME/removed/, "
		   "records gone from the source; OUT/catalog.ttl, every record of every source of "
		   "DIR, validated with the DCAT-AP_IT profile.\n"
		   "\n"
		   "Records are normalised on the way: schema:startDate/endDate become "
		   "dcatapit:startDate/endDate, agents get foaf:Agent and dcatapit:Agent, 'N/A' "
		   "publishers and rights holders are replaced by the source's defaults, IRIs in "
		   "http://dati.gov.it/onto/dcatapit without '#' are rewritten; each fix is counted "
		   "in the report.\n"
		   "\n"
		   "A rerun rewrites only the records that changed. Records gone from a source move "
		   "to removed/, never when the fetch failed, was cut short (paging loop, page cap, "
		   "a short page) or came back empty, and never more than PCT% of them (at least "
		   "one; never all but a handful): a source that shrinks more fails and nothing is "
		   "removed. Every file is written to a temporary name and renamed: an interrupted "
		   "run leaves the previous output intact; OUT and its directories must be real "
		   "directories, not symlinks.\n"
		   "\n"
		   "Redirects and hydra next links stay on the source's host (http may become "
		   "https) unless the source lists other hosts under follow_hosts; a loopback, "
		   "link-local (169.254.169.254) or private address is never connected to unless "
		   "the source itself is on one, checked on the address actually connected to. A "
		   "dataset IRI claimed by two records is kept once and reported in both sources' "
		   "reports."),
	.exit_status =
		N_("0 every source harvested (records may be invalid: see the reports), 1 a source "
		   "failed, 2 usage error, 3 runtime error."),
	.opts = harvest_opts,
};

int cmd_harvest(int argc, char **argv)
{
	DcatitQualityVocab *quality = NULL;
	DcatitStrs named = { 0 }, files = { 0 };
	DcatitHarvestSource *srcs = NULL;
	DcatitHarvestReport *reps = NULL;
	bool *only = NULL;
	size_t nsrc = 0;
	DcatitTerms *terms = NULL;
	DcatitModel *shapes = NULL;
	DcatitProfile profile;
	memset(&profile, 0, sizeof profile);
	int first = 0;
	o_config = o_out = o_jobs = o_catalog_uri = o_max_removal = o_lang = NULL;
	o_no_cache = o_no_validate = o_list = o_allow_mass = o_no_quality = false;
	DcatitOptResult pr = dcatit_opt_parse(&dcatit_harvest_cmd, argc, argv, &first);
	if (pr != DCATIT_OPT_PARSED)
		return dcatit_opt_exit_code(pr);
	const char *config = o_config ? o_config : "harvest";
	const char *out_dir = o_out ? o_out : "harvested";
	int code = DCATIT_EXIT_USAGE;
	for (int i = first; i < argc; i++)
		if (!dcatit_strs_add(&named, argv[i]))
			goto oom;
	unsigned jobs = 4, max_removal = 0;
	long v;
	if (o_jobs) {
		if (!dcatit_opt_number("harvest", "--jobs", o_jobs, 1, 64, false, &v))
			goto out;
		jobs = (unsigned)v;
	}
	if (o_max_removal) {
		if (!dcatit_opt_number("harvest", "--max-removal", o_max_removal, 1, 100, true, &v))
			goto out;
		max_removal = (unsigned)v;
	}
	code = DCATIT_EXIT_RUNTIME;
	if (!list_sources(config, &files)) {
		if (!named.n) {
			dcatit_msg_error("cannot read the source directory '%s' (use -c DIR)", config);
			goto out;
		}
	}
	/* named paths outside the directory join the list */
	for (size_t i = 0; i < named.n; i++) {
		if (!has_yaml_ext(named.items[i]))
			continue;
		bool found = false;
		for (size_t k = 0; k < files.n && !found; k++)
			found = strcmp(files.items[k], named.items[i]) == 0;
		if (!found && !dcatit_strs_add(&files, named.items[i]))
			goto oom;
	}
	if (!files.n) {
		dcatit_msg_error("no sources: '%s' has no .yaml files", config);
		goto out;
	}
	srcs = calloc(files.n, sizeof *srcs);
	reps = calloc(files.n, sizeof *reps);
	only = calloc(files.n, sizeof *only);
	if (!srcs || !reps || !only)
		goto oom;
	for (size_t i = 0; i < files.n; i++) {
		DcatitDiag d;
		dcatit_diag_init(&d);
		if (dcatit_harvest_source_load(files.items[i], &srcs[nsrc], &d) != DCATIT_OK) {
			code = dcatit_msg_diag(&d);
			if (d.status == DCATIT_ERR_INVALID || d.status == DCATIT_ERR_SYNTAX)
				code = DCATIT_EXIT_USAGE;
			goto out;
		}
		for (size_t k = 0; k < nsrc; k++) {
			if (strcmp(srcs[k].name, srcs[nsrc].name) == 0) {
				dcatit_msg_error("two sources are named '%s': '%s' and '%s'",
				                 srcs[k].name, srcs[k].path, srcs[nsrc].path);
				nsrc++;
				code = DCATIT_EXIT_USAGE;
				goto out;
			}
		}
		nsrc++;
	}
	for (size_t i = 0; i < named.n; i++) {
		bool found = false;
		for (size_t k = 0; k < nsrc; k++) {
			if (strcmp(srcs[k].name, named.items[i]) == 0 ||
			    strcmp(srcs[k].path, named.items[i]) == 0) {
				only[k] = true;
				found = true;
			}
		}
		if (!found) {
			code = dcatit_msg_usage("harvest", "no source '%s' in '%s'", named.items[i],
			                        config);
			goto out;
		}
	}
	if (!named.n)
		for (size_t k = 0; k < nsrc; k++)
			only[k] = !srcs[k].disabled;
	if (o_list) {
		for (size_t k = 0; k < nsrc; k++)
			/* tab-separated for scripts: the words stay as they are */
			printf("%s\t%s\t%s\t%s\n", srcs[k].name, type_name(srcs[k].type), srcs[k].url,
			       only[k] ? "enabled" : "disabled");
		code = DCATIT_EXIT_OK;
		goto out;
	}

	if (!o_no_validate) {
		terms = dcatit_terms_new();
		shapes = terms ? dcatit_model_new(terms) : NULL;
		if (!shapes)
			goto oom;
		/* the dcatapit profile, as `validate` without --orgs */
		DcatitProfileLoadOpts po;
		memset(&po, 0, sizeof po);
		po.hint = N_("use --no-validate");
		if (!dcatit_profile_load(&profile, shapes, &po, &code))
			goto out;
	}
	if (!o_no_quality) {
		/* the MQA lists, on the term store the merged catalogue will use */
		if (!terms && !(terms = dcatit_terms_new()))
			goto oom;
		char dir[4096];
		DcatitDiag qd;
		dcatit_diag_init(&qd);
		if (dcatit_datadir_find(dir, sizeof dir) != DCATIT_OK) {
			dcatit_msg_error("cannot find the data directory (vocab/) for the quality "
			                 "scores: '%s' is not a directory (set DCATIT_DATADIR or use "
			                 "--no-quality)", dir);
			code = DCATIT_EXIT_RUNTIME;
			goto out;
		}
		if (!(quality = dcatit_quality_vocab_load(terms, dir, &qd))) {
			code = dcatit_msg_diag(&qd);
			goto out;
		}
	}
	Progress prog = { .tty = dcatit_msg_stderr_is_tty() };
	clock_gettime(CLOCK_MONOTONIC, &prog.last);
	DcatitHarvestOpts ho;
	memset(&ho, 0, sizeof ho);
	ho.out_dir = out_dir;
	ho.jobs = jobs;
	ho.shapes = shapes;
	ho.checks = profile.checks;
	ho.orgs = profile.orgs;
	ho.progress = prog.tty;
	ho.progress_fn = on_progress;
	ho.progress_ud = &prog;
	ho.catalog_uri = o_catalog_uri;
	ho.only = only;
	ho.no_cache = o_no_cache;
	ho.max_removal_pct = max_removal;
	ho.allow_mass_removal = o_allow_mass;
	ho.quality = quality;
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitStatus st = dcatit_harvest_run(srcs, nsrc, &ho, reps, &d);
	dcatit_msg_progress_done();
	size_t failed = 0, harvested = 0, seen = 0, added = 0, changed = 0, removed = 0,
	       invalid = 0, twice = 0;
	for (size_t i = 0; i < nsrc; i++) {
		if (!reps[i].harvested)
			continue;
		harvested++;
		print_report(&reps[i], out_dir);
		if (reps[i].st != DCATIT_OK) {
			failed++;
			fputs("dcatit: ", stderr);
			fprintf(stderr, _("source '%s' failed: "), srcs[i].name);
			dcatit_msg_put_text(stderr, reps[i].error, strlen(reps[i].error));
			putc('\n', stderr);
		}
		seen += reps[i].seen;
		added += reps[i].added;
		changed += reps[i].changed;
		removed += reps[i].removed;
		invalid += reps[i].invalid;
	}
	for (size_t i = 0; i < nsrc; i++)
		twice += reps[i].claimed_elsewhere; /* harvested now or not */
	if (st != DCATIT_OK) {
		code = dcatit_msg_diag(&d);
		goto out;
	}
	fputs("dcatit harvest: ", stderr);
	fprintf(stderr, P_("%zu source, %zu failed", "%zu sources, %zu failed", harvested),
	        harvested, failed);
	fprintf(stderr, _("; %zu records seen, %zu new, %zu changed, %zu removed, %zu invalid"),
	        seen, added, changed, removed, invalid);
	if (twice)
		fprintf(stderr, _(", %zu left out of the catalogue (a dataset IRI claimed by two "
		                  "records)"), twice);
	fprintf(stderr, _("; catalogue %s/catalog.ttl\n"), out_dir);
	code = failed ? DCATIT_EXIT_FINDINGS : DCATIT_EXIT_OK;
	goto out;
oom:
	code = dcatit_msg_nomem();
out:
	for (size_t i = 0; reps && i < files.n; i++)
		dcatit_harvest_report_release(&reps[i]);
	for (size_t i = 0; srcs && i < nsrc; i++)
		dcatit_harvest_source_release(&srcs[i]);
	free(reps);
	free(srcs);
	free(only);
	dcatit_profile_load_release(&profile);
	dcatit_quality_vocab_free(quality);
	dcatit_model_free(shapes);
	dcatit_terms_free(terms);
	dcatit_strs_release(&named);
	dcatit_strs_release(&files);
	return code;
}
