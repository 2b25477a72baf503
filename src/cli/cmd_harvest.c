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
#include "cli/datadir.h"
#include "cli/msg.h"
#include "cli/opt.h"
#include "cli/profile_load.h"
#include "harvest/config.h"
#include "harvest/harvest.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"
#include "base/str.h"

/* Invalid records listed on stdout per source; report.json has them all. */
#define LIST_INVALID 10

static const char usage[] =
	"usage: dcatit harvest [SOURCE...] [-c DIR] [-o OUT] [--jobs N]\n"
	"                      [--no-cache] [--no-validate] [--catalog-uri IRI]\n"
	"                      [--max-removal PCT] [--allow-mass-removal]\n"
	"                      [--no-quality]\n"
	"       dcatit harvest --list [-c DIR]\n"
	"\n"
	"Collect metadata from the sources described in DIR (one NAME.yaml per\n"
	"source: a CKAN portal, a DCAT RDF endpoint or a CSW catalogue; see\n"
	"harvest/README.md) and turn it into DCAT-AP_IT. SOURCE is a source NAME\n"
	"or the path of a .yaml file; without SOURCE every source of DIR is\n"
	"harvested, except those with 'enabled: false'.\n"
	"\n"
	"  -c, --config DIR    the source files (default: harvest)\n"
	"  -o, --output OUT    the output directory (default: harvested)\n"
	"  -j, --jobs N        parallel requests per source (default 4)\n"
	"      --no-cache      do not send conditional requests (ETag,\n"
	"                      If-Modified-Since): fetch and convert everything\n"
	"      --no-validate   do not validate the merged catalogue\n"
	"      --list          read the source files and list them; fetch nothing\n"
	"      --catalog-uri IRI  the IRI of the merged catalogue\n"
	"                      (default urn:dcatit:harvest:catalog)\n"
	"      --max-removal PCT  a run moves at most PCT% of a source's records\n"
	"                      to removed/ (default: the source's limits.max_removal,\n"
	"                      else 20)\n"
	"      --allow-mass-removal  move every record that is gone, however many\n"
	"      --no-quality    do not score the sources by the data.europa.eu metadata\n"
	"                      quality assessment (see 'dcatit quality')\n"
	"  -h, --help          show this help\n"
	"\n"
	"Output: OUT/NAME/*.ttl, one Turtle file per record (named from the record\n"
	"identifier); OUT/NAME/state.json, the content hash of every record and the\n"
	"page cache; OUT/NAME/report.json, the report of the last run (with the\n"
	"source's data.europa.eu quality score, links not checked: 'dcatit quality\n"
	"OUT' has the detail and a league table);\n"
	"OUT/NAME/removed/, records gone from the source; OUT/catalog.ttl, every\n"
	"record of every source of DIR, validated with the DCAT-AP_IT profile.\n"
	"\n"
	"Records are normalised on the way: schema:startDate/endDate become\n"
	"dcatapit:startDate/endDate, agents get foaf:Agent and dcatapit:Agent,\n"
	"'N/A' publishers and rights holders are replaced by the source's\n"
	"defaults, IRIs in http://dati.gov.it/onto/dcatapit without '#' are\n"
	"rewritten; each fix is counted in the report.\n"
	"\n"
	"A rerun rewrites only the records that changed. Records gone from a\n"
	"source move to removed/, never when the fetch failed, was cut short\n"
	"(paging loop, page cap, a short page) or came back empty, and never more\n"
	"than PCT% of them (at least one; never all but a handful): a source that\n"
	"shrinks more fails and nothing is removed. Every file is written to a\n"
	"temporary name and renamed: an interrupted run leaves the previous output\n"
	"intact; OUT and its directories must be real directories, not symlinks.\n"
	"\n"
	"Redirects and hydra next links stay on the source's host (http may become\n"
	"https) unless the source lists other hosts under follow_hosts; a loopback,\n"
	"link-local (169.254.169.254) or private address is never connected to\n"
	"unless the source itself is on one, checked on the address actually\n"
	"connected to. A dataset IRI claimed by two records is kept once and\n"
	"reported in both sources' reports.\n"
	"\n"
	"Exit status: 0 every source harvested (records may be invalid: see the\n"
	"reports), 1 a source failed, 2 usage error, 3 runtime error.\n";

typedef struct {
	char **items;
	size_t n;
} Paths;

static bool paths_add(Paths *p, const char *s)
{
	char **v = realloc(p->items, (p->n + 1) * sizeof *v);
	if (!v)
		return false;
	p->items = v;
	size_t n = strlen(s);
	v[p->n] = malloc(n + 1);
	if (!v[p->n])
		return false;
	memcpy(v[p->n++], s, n + 1);
	return true;
}

static void paths_free(Paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i]);
	free(p->items);
}

static bool has_yaml_ext(const char *s)
{
	size_t n = strlen(s);
	return (n > 5 && strcmp(s + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(s + n - 4, ".yml") == 0);
}

/* The .yaml/.yml files of dir, sorted; false when dir cannot be read. */
static bool list_sources(const char *dir, Paths *out)
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
		ok = !b.oom && paths_add(out, b.data);
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
	if (k > max)
		fprintf(f, "%s... and %zu more\n", prefix, k - max);
}

/* The source's data.europa.eu MQA score, offline (links not checked), and
 * what would add most to it. */
static void print_quality(const DcatitHarvestReport *r)
{
	const DcatitQualitySummary *s = &r->quality;
	if (!r->scored || !s->datasets)
		return;
	printf("  quality: %.1f of 405 (assessed %.0f), %s", s->score, s->assessed_max,
	       dcatit_quality_band_name((DcatitQualityBand)s->band));
	if (r->nfix)
		printf("; first fix: %s in %zu dataset%s (+%d each)",
		       dcatit_quality_indicator(r->fix[0].indicator)->metric, r->fix[0].datasets,
		       r->fix[0].datasets == 1 ? "" : "s", r->fix[0].gain_max);
	printf("\n");
}

static void print_report(const DcatitHarvestReport *r, const char *out_dir)
{
	const DcatitHarvestSource *s = r->src;
	printf("%s (%s %s): %s\n", s->name, type_name(s->type), s->url,
	       r->st == DCATIT_OK ? "ok" : "FAILED");
	printf("  records: %zu seen, %zu new, %zu changed, %zu unchanged, %zu removed, "
	       "%zu invalid", r->seen, r->added, r->changed, r->unchanged, r->removed, r->invalid);
	if (r->duplicates)
		printf(", %zu duplicates", r->duplicates);
	if (r->rejected)
		printf(", %zu rejected", r->rejected);
	if (r->claimed_elsewhere)
		printf(", %zu left out (dataset IRI claimed twice)", r->claimed_elsewhere);
	printf("; %u pages", r->pages);
	if (r->pages_not_modified)
		printf(" (%u not modified)", r->pages_not_modified);
	printf("\n");
	const DcatitHarvestFixes *f = &r->fixes;
	size_t nf = f->schema_dates + f->datetime_dates + f->untyped_agents + f->na_publishers +
	            f->na_unfixed + f->empty_agents + f->namespace_iris + f->default_publisher +
	            f->default_holder;
	if (nf)
		printf("  fixes: %zu schema:startDate/endDate, %zu dateTime dates, %zu untyped "
		       "agents, %zu N/A publishers replaced (%zu left, no default), %zu empty "
		       "creators dropped, %zu dcatapit namespace IRIs, %zu default publishers, "
		       "%zu default rights holders\n", f->schema_dates, f->datetime_dates,
		       f->untyped_agents, f->na_publishers, f->na_unfixed, f->empty_agents,
		       f->namespace_iris, f->default_publisher, f->default_holder);
	print_lines(stdout, "  warning: ", &r->warnings, 10);
	for (size_t i = 0; i < r->ninvalid_items && i < LIST_INVALID; i++) {
		const DcatitHarvestInvalid *it = &r->invalid_items[i];
		const char *p = it->reasons.data ? it->reasons.data : "";
		const char *nl = strchr(p, '\n');
		fputs("  invalid: ", stdout);
		dcatit_msg_put_text(stdout, it->id, strlen(it->id));
		fputs(": ", stdout);
		dcatit_msg_put_text(stdout, p, nl ? (size_t)(nl - p) : strlen(p));
		putc('\n', stdout);
	}
	if (r->ninvalid_items > LIST_INVALID)
		printf("  invalid: ... and %zu more\n", r->ninvalid_items - LIST_INVALID);
	if (r->removed)
		print_lines(stdout, "  removed: ", &r->removed_ids, 10);
	if (r->st != DCATIT_OK) {
		fputs("  error: ", stdout);
		dcatit_msg_put_text(stdout, r->error, strlen(r->error));
		putc('\n', stdout);
	}
	print_quality(r);
	printf("  report: %s/%s/report.json\n", out_dir, s->name);
}

int cmd_harvest(int argc, char **argv)
{
	const char *config = "harvest", *out_dir = "harvested", *jobs_s = NULL;
	const char *catalog_uri = NULL, *max_removal_s = NULL;
	bool no_cache = false, no_validate = false, opts_done = false, list = false;
	bool allow_mass = false, no_quality = false;
	DcatitQualityVocab *quality = NULL;
	Paths named = { 0 }, files = { 0 };
	DcatitHarvestSource *srcs = NULL;
	DcatitHarvestReport *reps = NULL;
	bool *only = NULL;
	size_t nsrc = 0;
	DcatitTerms *terms = NULL;
	DcatitModel *shapes = NULL;
	DcatitProfile profile;
	memset(&profile, 0, sizeof profile);
	int code = DCATIT_EXIT_USAGE;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r;
		if (opts_done || !dcatit_opt_is_option(a)) {
			if (!paths_add(&named, a))
				goto oom;
		} else if (strcmp(a, "--") == 0) {
			opts_done = true;
		} else if (dcatit_opt_flag(argv, i, "--help", "-h")) {
			fputs(usage, stdout);
			code = DCATIT_EXIT_OK;
			goto out;
		} else if (dcatit_opt_flag(argv, i, "--no-cache", NULL)) {
			no_cache = true;
		} else if (dcatit_opt_flag(argv, i, "--no-validate", NULL)) {
			no_validate = true;
		} else if (dcatit_opt_flag(argv, i, "--list", NULL)) {
			list = true;
		} else if (dcatit_opt_flag(argv, i, "--allow-mass-removal", NULL)) {
			allow_mass = true;
		} else if (dcatit_opt_flag(argv, i, "--no-quality", NULL)) {
			no_quality = true;
		} else if ((r = dcatit_opt_value("harvest", argc, argv, &i, "--config", "-c", &config)) ||
		           (r = dcatit_opt_value("harvest", argc, argv, &i, "--output", "-o", &out_dir)) ||
		           (r = dcatit_opt_value("harvest", argc, argv, &i, "--jobs", "-j", &jobs_s)) ||
		           (r = dcatit_opt_value("harvest", argc, argv, &i, "--catalog-uri", NULL,
		                                 &catalog_uri)) ||
		           (r = dcatit_opt_value("harvest", argc, argv, &i, "--max-removal", NULL,
		                                 &max_removal_s))) {
			if (r < 0)
				goto out;
		} else {
			dcatit_msg_usage("harvest", "unknown option '%s'", a);
			goto out;
		}
	}
	unsigned jobs = 4;
	if (jobs_s) {
		char *end;
		long v = strtol(jobs_s, &end, 10);
		if (*end || end == jobs_s || v < 1 || v > 64) {
			dcatit_msg_usage("harvest", "--jobs must be a number from 1 to 64, not '%s'",
			                 jobs_s);
			goto out;
		}
		jobs = (unsigned)v;
	}
	unsigned max_removal = 0;
	if (max_removal_s) {
		char *end;
		long v = strtol(max_removal_s, &end, 10);
		if (*end == '%')
			end++;
		if (*end || end == max_removal_s || v < 1 || v > 100) {
			dcatit_msg_usage("harvest", "--max-removal must be a percentage from 1 to 100, "
			                 "not '%s'", max_removal_s);
			goto out;
		}
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
		if (!found && !paths_add(&files, named.items[i]))
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
	if (list) {
		for (size_t k = 0; k < nsrc; k++)
			printf("%s\t%s\t%s\t%s\n", srcs[k].name, type_name(srcs[k].type), srcs[k].url,
			       only[k] ? "enabled" : "disabled");
		code = DCATIT_EXIT_OK;
		goto out;
	}

	if (!no_validate) {
		terms = dcatit_terms_new();
		shapes = terms ? dcatit_model_new(terms) : NULL;
		if (!shapes)
			goto oom;
		/* the dcatapit profile, as `validate` without --orgs */
		DcatitProfileLoadOpts po;
		memset(&po, 0, sizeof po);
		po.hint = "use --no-validate";
		if (!dcatit_profile_load(&profile, shapes, &po, &code))
			goto out;
	}
	if (!no_quality) {
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
	ho.catalog_uri = catalog_uri;
	ho.only = only;
	ho.no_cache = no_cache;
	ho.max_removal_pct = max_removal;
	ho.allow_mass_removal = allow_mass;
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
			fprintf(stderr, "dcatit: source '%s' failed: ", srcs[i].name);
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
	fprintf(stderr, "dcatit harvest: %zu source%s, %zu failed; %zu records seen, %zu new, "
	        "%zu changed, %zu removed, %zu invalid", harvested, harvested == 1 ? "" : "s",
	        failed, seen, added, changed, removed, invalid);
	if (twice)
		fprintf(stderr, ", %zu left out of the catalogue (a dataset IRI claimed by two "
		        "records)", twice);
	fprintf(stderr, "; catalogue %s/catalog.ttl\n", out_dir);
	code = failed ? DCATIT_EXIT_FINDINGS : DCATIT_EXIT_OK;
	goto out;
oom:
	dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
	code = DCATIT_EXIT_RUNTIME;
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
	paths_free(&named);
	paths_free(&files);
	return code;
}
