/* cmd_push.c: `dcatit push`: publish the datasets of DCAT-AP_IT RDF files
 * to a CKAN portal with the ckanext-dcatapit schema. The work is in
 * src/ckan (map, api, sync); this file reads the options and the token,
 * loads and validates the catalogue, and prints the plan, progress and
 * summary. The token never comes from argv, is never printed, and never
 * travels over plain http beyond this machine unless --allow-http. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "config.h"
#include "ckan/api.h"
#include "ckan/map.h"
#include "ckan/sync.h"
#include "cli/cmds.h"
#include "cli/datadir.h"
#include "cli/msg.h"
#include "cli/opt.h"
#include "cli/profile_load.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"
#include "shacl/report.h"

static const char usage[] =
	"usage: dcatit push --ckan URL --org NAME [CATALOG...] [--dry-run] [--prune]\n"
	"                   [--force] [--jobs N] [--token-file F] [--org-identifier IPA]\n"
	"                   [--org-title TITLE] [--upload URL=DIR]... [--no-validate]\n"
	"                   [--max-removal PCT] [--allow-mass-removal] [--allow-http]\n"
	"                   [--verify [--fail-on degraded|invalid]]\n"
	"\n"
	"Publish the datasets of the DCAT-AP_IT RDF files CATALOG (default:\n"
	"out/catalog.ttl) to the CKAN portal URL, in organization NAME, with the\n"
	"ckanext-dcatapit schema. Datasets are matched by dct:identifier; an\n"
	"unchanged dataset costs no write. A dataset CKAN refuses is reported with\n"
	"CKAN's own error text and the others go on. On a terminal a progress line\n"
	"is shown; at the end a summary: N created, N updated, N unchanged,\n"
	"N deleted, N failed.\n"
	"\n"
	"The catalogue is validated first with the DCAT-AP_IT profile (as\n"
	"`dcatit validate`): with a violation nothing is pushed and the violations\n"
	"are printed, located, unless --no-validate.\n"
	"\n"
	"The API token is read from the CKAN_API_TOKEN environment variable or from\n"
	"--token-file, never from the command line, and is never printed. It is\n"
	"never sent over plain http:// to a host other than this machine\n"
	"(loopback) unless --allow-http.\n"
	"\n";

/* The options: one string of its own would pass the 4095 bytes a C
 * compiler must accept. */
static const char usage_options[] =
	"  --ckan URL            the portal (http:// or https://)\n"
	"  --org NAME            the organization; created if missing, with the IPA\n"
	"                        code and name of the catalogue's rights holder (or\n"
	"                        --org-identifier, --org-title) and the email,\n"
	"                        telephone and site of its contact point\n"
	"  --dry-run             print the plan (create/update/unchanged/delete per\n"
	"                        dataset) and write nothing\n"
	"  --prune               delete the packages of this catalogue in NAME that\n"
	"                        are no longer in it: those whose dcatit marker names\n"
	"                        this catalogue's IRI (its one dcat:Catalog) and whose\n"
	"                        owner is NAME; never when the catalogue is empty or\n"
	"                        a dataset could not be mapped. Packages marked by an\n"
	"                        older dcatit (no catalogue IRI) are never pruned;\n"
	"                        a push records the IRI on every package it writes\n"
	"  --max-removal PCT     --prune deletes at most PCT% of the packages this\n"
	"                        catalogue manages (default 20; at least one, and\n"
	"                        never all but a handful); above it nothing is\n"
	"                        deleted and push exits 1; --dry-run shows the same\n"
	"  --allow-mass-removal  delete however many --prune finds\n"
	"  --force               update every package of the catalogue, even those\n"
	"                        whose content hash says unchanged (e.g. after edits\n"
	"                        made in CKAN)\n"
	"  -j, --jobs N          parallel requests (default 4, at most 64)\n"
	"  --token-file F        read the API token from F, trailing newline ignored\n"
	"                        (default: the CKAN_API_TOKEN environment variable)\n"
	"  --org-identifier IPA  IPA code of the organization (default: the rights\n"
	"                        holder's)\n"
	"  --org-title TITLE     title of the organization (default: the official name\n"
	"                        of the catalogue's rights holder); an organization that\n"
	"                        exists with another title or IPA code is updated, since\n"
	"                        the portal names the rights holder of its datasets\n"
	"                        after it\n"
	"  --upload URL=DIR      upload the distributions whose download URL (else\n"
	"                        access URL) starts with URL from DIR, the rest of\n"
	"                        the URL being the path under DIR, instead of linking\n"
	"                        them (repeatable). Only regular files whose real\n"
	"                        path stays inside DIR are sent (no symlink out, no\n"
	"                        device or FIFO). No other local file is ever read:\n"
	"                        a file: URL anywhere else in a dataset fails that\n"
	"                        dataset. The usual way to publish the files\n"
	"                        `dcatit build -o OUT` wrote, whose URLs start with\n"
	"                        the catalogue's base_uri BASE: --upload BASE/=OUT\n"
	"  --no-validate         push even when the catalogue has violations\n"
	"  --allow-http          send the token over plain http:// to a host that is\n"
	"                        not loopback (a trusted network only)\n"
	"  --verify              then read back what harvesters read of each dataset (its\n"
	"                        DCAT RDF on the portal and the catalogue endpoint), as\n"
	"                        'dcatit verify' does, and report what the portal lost,\n"
	"                        altered or added\n"
	"  --fail-on LEVEL       --verify, and exit 1 also when a dataset is served\n"
	"                        degraded or invalid (degraded), or invalid (invalid)\n"
	"  -h, --help            show this help\n"
	"\n"
	"Exit status: 0 done, 1 some dataset failed, the catalogue has violations\n"
	"or --prune was refused, 2 usage error, 3 the catalogue could not be loaded\n"
	"or the portal could not be used.\n";

static char *read_token_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		dcatit_msg_error("cannot read '%s': %s", path, strerror(errno));
		return NULL;
	}
	DcatitBuf b;
	dcatit_buf_init(&b);
	char chunk[512];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < 65536)
		dcatit_buf_add(&b, chunk, n);
	bool err = ferror(f);
	fclose(f);
	if (err || b.oom) {
		dcatit_msg_error("cannot read '%s': %s", path, err ? strerror(EIO) : "out of memory");
		dcatit_buf_release(&b);
		return NULL;
	}
	while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == '\r' ||
	                 b.data[b.len - 1] == ' ' || b.data[b.len - 1] == '\t'))
		b.data[--b.len] = '\0';
	if (!b.len) {
		dcatit_msg_error("the token file '%s' is empty", path);
		dcatit_buf_release(&b);
		return NULL;
	}
	return dcatit_buf_detach(&b);
}

static void wipe(char *s)
{
	if (s) {
		volatile char *p = s;
		while (*p)
			*p++ = 0;
	}
}

static void progress(void *ud, size_t done, size_t total)
{
	(void)ud;
	dcatit_msg_progress("push: %zu/%zu datasets", done, total);
}

/* Validate m with the DCAT-AP_IT profile, as `dcatit validate` does, and
 * print its violations (located) to stderr. The number of violations, or
 * -1 when the profile could not be used (printed; *code set). */
static long validate_first(DcatitModel *m, const char *const *files, size_t nfiles, int *code)
{
	DcatitTerms *terms = dcatit_model_terms(m);
	DcatitModel *shapes = dcatit_model_new(terms);
	DcatitProfile prof;
	memset(&prof, 0, sizeof prof);
	DcatitResults res, viol;
	dcatit_results_init(&res);
	dcatit_results_init(&viol);
	DcatitBuf text;
	dcatit_buf_init(&text);
	long n = -1;
	DcatitProfileLoadOpts po;
	memset(&po, 0, sizeof po);
	po.hint = "use --no-validate";
	if (!shapes) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		*code = DCATIT_EXIT_RUNTIME;
		goto out;
	}
	if (!dcatit_profile_load(&prof, shapes, &po, code))
		goto out;
	prof.shapes = shapes;
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_profile_validate(&prof, m, &res, &d) != DCATIT_OK) {
		*code = dcatit_msg_diag(&d);
		goto out;
	}
	dcatit_results_sort(&res, m);
	for (size_t i = 0; i < res.n; i++)
		if (dcatit_report_severity(terms, res.items[i].severity) == DCATIT_SEV_VIOLATION &&
		    dcatit_results_add(&viol, &res.items[i]) != DCATIT_OK)
			goto oom;
	DcatitReportInput in;
	memset(&in, 0, sizeof in);
	in.data = m;
	in.shapes = shapes;
	in.files = files;
	in.nfiles = nfiles;
	if (viol.n && dcatit_report_write(&viol, &in, DCATIT_REPORT_TEXT, &text) != DCATIT_OK)
		goto oom;
	if (text.len)
		fwrite(text.data, 1, text.len, stderr);
	/* a check the engine could not complete holds the push back too */
	for (size_t i = 0; i < res.nfailures; i++) {
		dcatit_buf_clear(&text);
		dcatit_report_failure_line(&res.failures[i], &in, &text);
		if (text.data)
			fprintf(stderr, "%s\n", text.data);
	}
	n = (long)(viol.n + res.nfailures);
	goto out;
oom:
	dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
	*code = DCATIT_EXIT_RUNTIME;
out:
	dcatit_buf_release(&text);
	dcatit_results_release(&viol);
	dcatit_results_release(&res);
	dcatit_profile_load_release(&prof);
	dcatit_model_free(shapes);
	return n;
}

/* Print what --prune did not do, and why. */
static void report_prune(const DcatitSyncReport *rep, const char *org, bool dry, unsigned pct)
{
	if (rep->prune_skipped)
		dcatit_msg_error("push: --prune skipped: %s", rep->prune_skipped);
	if (rep->prune_refused) {
		dcatit_msg_error("push: --prune refused: %s %zu of the %zu packages this catalogue "
		                 "manages in '%s' (at most %zu, %u%%): nothing %sdeleted; check the "
		                 "catalogue given, or use --allow-mass-removal",
		                 dry ? "it would delete" : "it would have deleted", rep->prune_planned,
		                 rep->managed, org, rep->prune_limit, pct ? pct : 20u,
		                 dry ? "would be " : "");
		size_t k = 0;
		for (size_t i = 0; i < rep->n && !dry; i++) {
			if (!rep->items[i].held)
				continue;
			if (k++ < 10)
				dcatit_msg_error("push: not deleted: '%s' (%s)", rep->items[i].identifier,
				                 rep->items[i].name);
		}
		if (k > 10)
			dcatit_msg_error("push: not deleted: ... and %zu more", k - 10);
	}
	if (rep->legacy)
		dcatit_msg_error("push: %zu package(s) of '%s' carry the dcatit marker of an older "
		                 "version, with no catalogue IRI: --prune never deletes them (delete "
		                 "them by hand if they are gone, or push their catalogue once to mark "
		                 "them)", rep->legacy, org);
}

/* Parse DATADIR/rel (when it exists) into a new graph on m's terms and copy
 * its (s, p, o) triples into m; false after printing an error. */
static bool copy_vocab(DcatitModel *m, const char *dir, const char *rel, const char *pred,
                       int *code)
{
	DcatitBuf p;
	dcatit_buf_init(&p);
	dcatit_buf_addf(&p, "%s/%s", dir, rel);
	FILE *f = p.oom ? NULL : fopen(p.data, "rb");
	if (!f) {
		dcatit_buf_release(&p);
		return true;
	}
	fclose(f);
	DcatitModel *side = dcatit_model_new(dcatit_model_terms(m));
	DcatitTermId pid = dcatit_terms_iri_z(dcatit_model_terms(m), pred);
	DcatitParseOpts po = { .syntax = DCATIT_SYNTAX_TURTLE };
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitStatus st = side && pid ? dcatit_rdfio_parse_file(side, p.data, &po, &d)
	                              : dcatit_diag_set(&d, DCATIT_ERR_NOMEM, NULL, 0, 0,
	                                                "out of memory");
	DcatitRange r = st == DCATIT_OK ? dcatit_model_po(side, pid, 0) : (DcatitRange){ 0 };
	for (size_t i = 0; i < r.n && st == DCATIT_OK; i++) {
		const DcatitTriple *t = dcatit_model_triple(side, r.idx[i]);
		st = dcatit_model_add(m, t->s, t->p, t->o, dcatit_model_loc(side, r.idx[i]));
		if (st != DCATIT_OK)
			dcatit_diag_set(&d, st, NULL, 0, 0, "out of memory");
	}
	dcatit_model_free(side);
	dcatit_buf_release(&p);
	if (st != DCATIT_OK)
		*code = dcatit_msg_diag(&d);
	return st == DCATIT_OK;
}

/* What the mapping looks up in the vocabularies of the data directory:
 * the AgID theme -> EuroVoc mapping (every subtheme goes under its own
 * theme) and the licence documents of the Italian licences (the resource
 * `license` the portal recognises), whatever built the catalogue. Only those
 * triples join the catalogue: the vocabulary files describe datasets of
 * their own. False after printing an error. */
static bool load_portal_vocab(DcatitModel *m, int *code)
{
	char dir[4096];
	if (dcatit_datadir_find(dir, sizeof dir) != DCATIT_OK)
		return true;
	return copy_vocab(m, dir, "it/theme-subtheme-mapping.ttl",
	                  "http://www.w3.org/2004/02/skos/core#narrowMatch", code) &&
	       copy_vocab(m, dir, "it/licences.ttl", "http://dati.gov.it/onto/dcatapit#referenceDoc",
	                  code);
}

/* Say, before anything is written, which datasets the portal will publish
 * under a CC BY 4.0 licence nobody granted: ckanext-dcatapit writes that
 * licence for every distribution whose licence has no document it knows
 * (C1_Unknown, a licence outside its vocabulary, none). Returns how many. */
static size_t warn_granted_licences(DcatitModel *m)
{
	DcatitTermId *ds;
	size_t n, warned = 0;
	if (dcatit_ckan_map_datasets(m, &ds, &n) != DCATIT_OK)
		return 0;
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitTermId ident = dcatit_terms_iri_z(t, "http://purl.org/dc/terms/identifier");
	for (size_t i = 0; i < n; i++) {
		const char *lic = NULL;
		size_t k = dcatit_ckan_licences_unknown_to_portal(m, ds[i], &lic);
		if (!k)
			continue;
		DcatitTermId id = ident ? dcatit_model_object(m, ds[i], ident) : 0;
		dcatit_msg_error("push: warning: '%s': the portal will publish CC BY 4.0 "
		                 "(http://creativecommons.org/licenses/by/4.0/it/) as the licence of "
		                 "%zu distribution%s licensed %s%s%s: ckanext-dcatapit writes CC BY "
		                 "for a licence it has no document for; give %s its real licence",
		                 id ? dcatit_terms_str(t, id) : dcatit_terms_str(t, ds[i]), k,
		                 k == 1 ? "" : "s", lic ? "<" : "", lic ? lic : "with no licence",
		                 lic ? ">" : "", k == 1 ? "it" : "them");
		warned++;
	}
	free(ds);
	if (warned)
		dcatit_msg_error("push: warning: %zu dataset%s will show a licence nobody granted "
		                 "(CC BY 4.0) on the portal and on every catalogue that harvests it",
		                 warned, warned == 1 ? "" : "s");
	return warned;
}

/* Declared in cli/cmds.h once the command table lists push; repeated
 * here so this file builds on its own. */
int cmd_push(int argc, char **argv);

int cmd_push(int argc, char **argv)
{
	const char *url = NULL, *org = NULL, *token_file = NULL, *jobs_s = NULL;
	const char *org_ident = NULL, *org_title = NULL, *max_removal_s = NULL, *fail_on = NULL;
	bool dry = false, prune = false, force = false, no_validate = false, allow_http = false;
	bool allow_mass = false, verify = false;
	DcatitSyncUpload uploads[16];
	char *upload_specs[16];
	size_t nuploads = 0;
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	size_t nfiles = 0;
	if (!files) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		return DCATIT_EXIT_RUNTIME;
	}
	int code = DCATIT_EXIT_OK;
	bool opts_done = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r;
		if (opts_done || !dcatit_opt_is_option(a)) {
			files[nfiles++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			opts_done = true;
			continue;
		}
		if (dcatit_opt_flag(argv, i, "--help", "-h")) {
			fputs(usage, stdout);
			fputs(usage_options, stdout);
			free(files);
			return dcatit_msg_finish_stdout(DCATIT_EXIT_OK);
		}
		if (dcatit_opt_flag(argv, i, "--dry-run", NULL)) {
			dry = true;
			continue;
		}
		if (dcatit_opt_flag(argv, i, "--prune", NULL)) {
			prune = true;
			continue;
		}
		if (dcatit_opt_flag(argv, i, "--force", NULL)) {
			force = true;
			continue;
		}
		if (dcatit_opt_flag(argv, i, "--no-validate", NULL)) {
			no_validate = true;
			continue;
		}
		if (dcatit_opt_flag(argv, i, "--allow-http", NULL)) {
			allow_http = true;
			continue;
		}
		if (dcatit_opt_flag(argv, i, "--verify", NULL)) {
			verify = true;
			continue;
		}
		if (dcatit_opt_flag(argv, i, "--allow-mass-removal", NULL)) {
			allow_mass = true;
			continue;
		}
		/* never echo what follows --token: it would be the secret */
		if (strncmp(a, "--token", 7) == 0 && strncmp(a, "--token-file", 12) != 0) {
			free(files);
			return dcatit_msg_usage("push", "the API token is never taken from the command "
			                        "line: set CKAN_API_TOKEN or use --token-file");
		}
		const char *up = NULL;
		if ((r = dcatit_opt_value("push", argc, argv, &i, "--upload", NULL, &up))) {
			const char *eq = r > 0 ? strchr(up, '=') : NULL;
			if (r < 0 || !eq || eq == up || !eq[1] || nuploads == 16) {
				for (size_t k = 0; k < nuploads; k++)
					free(upload_specs[k]);
				free(files);
				return r < 0 ? DCATIT_EXIT_USAGE
				             : dcatit_msg_usage("push", "--upload needs URL=DIR (at most 16)");
			}
			char *spec = strdup(up);
			if (!spec) {
				dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
				free(files);
				return DCATIT_EXIT_RUNTIME;
			}
			spec[eq - up] = '\0';
			struct stat dst;
			if (stat(spec + (eq - up) + 1, &dst) != 0 || !S_ISDIR(dst.st_mode)) {
				int err = errno;
				int code2 = dcatit_msg_usage("push", "--upload: '%s' is not a directory%s%s",
				                             spec + (eq - up) + 1, err ? ": " : "",
				                             err ? strerror(err) : "");
				free(spec);
				for (size_t k = 0; k < nuploads; k++)
					free(upload_specs[k]);
				free(files);
				return code2;
			}
			upload_specs[nuploads] = spec;
			uploads[nuploads++] = (DcatitSyncUpload){ spec, spec + (eq - up) + 1 };
			continue;
		}
		if ((r = dcatit_opt_value("push", argc, argv, &i, "--ckan", NULL, &url)) ||
		    (r = dcatit_opt_value("push", argc, argv, &i, "--org", NULL, &org)) ||
		    (r = dcatit_opt_value("push", argc, argv, &i, "--jobs", "-j", &jobs_s)) ||
		    (r = dcatit_opt_value("push", argc, argv, &i, "--token-file", NULL, &token_file)) ||
		    (r = dcatit_opt_value("push", argc, argv, &i, "--org-identifier", NULL, &org_ident)) ||
		    (r = dcatit_opt_value("push", argc, argv, &i, "--org-title", NULL, &org_title)) ||
		    (r = dcatit_opt_value("push", argc, argv, &i, "--max-removal", NULL,
		                          &max_removal_s)) ||
		    (r = dcatit_opt_value("push", argc, argv, &i, "--fail-on", NULL, &fail_on))) {
			if (r < 0) {
				for (size_t k = 0; k < nuploads; k++)
					free(upload_specs[k]);
				free(files);
				return DCATIT_EXIT_USAGE;
			}
			continue;
		}
		for (size_t k = 0; k < nuploads; k++)
			free(upload_specs[k]);
		free(files);
		return dcatit_msg_usage("push", "unknown option '%.40s'", a);
	}
	unsigned jobs = 4, max_removal = 0;
	const char *bad = NULL;
	if (!url || !org) {
		bad = "--ckan URL and --org NAME are required";
	} else if (jobs_s) {
		char *end;
		long v = strtol(jobs_s, &end, 10);
		if (*end || end == jobs_s || v < 1 || v > 64)
			bad = "--jobs needs a number from 1 to 64";
		jobs = (unsigned)v;
	}
	if (!bad && max_removal_s) {
		char *end;
		long v = strtol(max_removal_s, &end, 10);
		if (*end == '%')
			end++;
		if (*end || end == max_removal_s || v < 1 || v > 100)
			bad = "--max-removal needs a percentage from 1 to 100";
		max_removal = (unsigned)v;
	}
	if (!bad && fail_on && strcmp(fail_on, "degraded") != 0 && strcmp(fail_on, "invalid") != 0) {
		for (size_t k = 0; k < nuploads; k++)
			free(upload_specs[k]);
		free(files);
		return dcatit_msg_usage("push", "unknown level '%s' for --fail-on (degraded or "
		                        "invalid)", fail_on);
	}
	verify = verify || fail_on;
	if (bad) {
		for (size_t k = 0; k < nuploads; k++)
			free(upload_specs[k]);
		free(files);
		return dcatit_msg_usage("push", "%s", bad);
	}
	if (!nfiles)
		files[nfiles++] = "out/catalog.ttl";

	char *token = NULL;
	if (token_file) {
		token = read_token_file(token_file);
		if (!token) {
			free(files);
			return DCATIT_EXIT_RUNTIME;
		}
	} else if (getenv("CKAN_API_TOKEN") && *getenv("CKAN_API_TOKEN")) {
		token = strdup(getenv("CKAN_API_TOKEN"));
	}

	DcatitTerms *terms = dcatit_terms_new();
	DcatitModel *m = terms ? dcatit_model_new(terms) : NULL;
	DcatitCkan *api = NULL;
	DcatitSyncReport rep = { 0 };
	DcatitJson *org_fields = NULL; /* from the catalogue's rights holder */
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (!m) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		code = DCATIT_EXIT_RUNTIME;
		goto out;
	}
	/* the whole catalogue loads, or nothing is pushed (and nothing pruned) */
	for (size_t i = 0; i < nfiles; i++) {
		DcatitParseOpts po = { 0 };
		if (dcatit_rdfio_parse_file(m, files[i], &po, &d) != DCATIT_OK) {
			code = dcatit_msg_diag(&d);
			dcatit_msg_error("nothing pushed: the catalogue did not load");
			goto out;
		}
	}
	if (!no_validate) {
		long nviol = validate_first(m, files, nfiles, &code);
		if (nviol < 0)
			goto out;
		if (nviol > 0) {
			dcatit_msg_error("push: nothing pushed: the catalogue has %ld violation%s of the "
			                 "DCAT-AP_IT profile, or checks that could not be made (above); "
			                 "fix them, or use --no-validate", nviol, nviol == 1 ? "" : "s");
			code = DCATIT_EXIT_FINDINGS;
			goto out;
		}
	}
	if (!load_portal_vocab(m, &code))
		goto out;
	warn_granted_licences(m);
	if (dcatit_ckan_map_org(m, &org_fields) != DCATIT_OK) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		code = DCATIT_EXIT_RUNTIME;
		goto out;
	}

	DcatitCkanOpts co = { .url = url, .token = token, .allow_http = allow_http };
	co.http.jobs = jobs;
	co.http.user_agent = "dcatit/" DCATIT_VERSION;
	api = dcatit_ckan_new(&co, &d);
	wipe(token);
	if (!api) {
		code = dcatit_msg_diag(&d);
		goto out;
	}
	DcatitSyncOpts so = {
		.org = org,
		.org_title = org_title ? org_title : dcatit_json_get_str(org_fields, "title"),
		.org_identifier = org_ident ? org_ident : dcatit_json_get_str(org_fields, "identifier"),
		.org_email = dcatit_json_get_str(org_fields, "email"),
		.org_telephone = dcatit_json_get_str(org_fields, "telephone"),
		.org_site = dcatit_json_get_str(org_fields, "site"),
		.dry_run = dry,
		.prune = prune,
		.max_prune_pct = max_removal,
		.allow_mass_removal = allow_mass,
		.force = force,
		.uploads = uploads,
		.nuploads = nuploads,
		.progress = progress,
	};
	DcatitStatus st = dcatit_ckan_sync(api, m, &so, &rep, &d);
	dcatit_msg_progress_done();
	if (st != DCATIT_OK) {
		dcatit_ckan_redact(api, d.message);
		code = dcatit_msg_diag(&d);
		goto out;
	}
	if (rep.org_created)
		printf("%sorganization '%s'\n", dry ? "would create " : "created ", org);
	if (rep.org_old_title && !rep.org_message)
		printf("%s organization '%s' '%s' (was '%s'): the portal names the rights "
		       "holder of its datasets after it\n", dry ? "would retitle" : "retitled", org,
		       so.org_title, rep.org_old_title);
	if (rep.org_old_identifier && !rep.org_message)
		printf("%s the identifier of organization '%s' to '%s' (was '%s')\n",
		       dry ? "would set" : "set", org, so.org_identifier, rep.org_old_identifier);
	if (rep.org_message) {
		char msg[2048];
		snprintf(msg, sizeof msg, "%s", rep.org_message);
		dcatit_ckan_redact(api, msg);
		dcatit_msg_error("push: warning: cannot give organization '%s' the official name "
		                 "'%s': %s", org, so.org_title ? so.org_title : "", msg);
	}
	for (size_t i = 0; i < rep.n; i++) {
		const DcatitSyncItem *it = &rep.items[i];
		if (dry)
			printf("%-9s %s%s%s%s%s\n", dcatit_ckan_sync_action_name(it->planned),
			       it->identifier, *it->name ? " (" : "", it->name, *it->name ? ")" : "",
			       it->held ? " [not deleted: --prune refused]" : "");
		if (it->outcome == DCATIT_SYNC_FAILED) {
			char msg[2048];
			snprintf(msg, sizeof msg, "%s", it->message ? it->message : "failed");
			dcatit_ckan_redact(api, msg);
			/* the portal's text and the catalogue's identifiers: shown, never
			 * obeyed by the terminal */
			const char *who = *it->identifier ? it->identifier : it->name;
			fprintf(stderr, "dcatit: push: cannot %s '",
			        dcatit_ckan_sync_action_name(it->planned == DCATIT_SYNC_FAILED
			                                     ? DCATIT_SYNC_CREATE : it->planned));
			dcatit_msg_put_text(stderr, who, strlen(who));
			fputs("': ", stderr);
			dcatit_msg_put_text(stderr, msg, strlen(msg));
			putc('\n', stderr);
		}
	}
	if (dcatit_ckan_retries(api))
		dcatit_msg_error("push: %lu request(s) retried after transient failures",
		                 dcatit_ckan_retries(api));
	if (prune)
		report_prune(&rep, org, dry, max_removal);
	if (dry) {
		size_t c = 0, u = 0, del = 0;
		for (size_t i = 0; i < rep.n; i++) {
			c += rep.items[i].planned == DCATIT_SYNC_CREATE;
			u += rep.items[i].planned == DCATIT_SYNC_UPDATE;
			del += rep.items[i].planned == DCATIT_SYNC_DELETE && !rep.items[i].held;
		}
		printf("dry run: %zu to create, %zu to update, %zu unchanged, %zu to delete, "
		       "%zu failed%s\n", c, u, rep.unchanged, del, rep.failed,
		       rep.prune_refused ? "; --prune refused" : "");
	} else {
		printf("%zu created, %zu updated, %zu unchanged, %zu deleted, %zu failed\n",
		       rep.created, rep.updated, rep.unchanged, rep.deleted, rep.failed);
	}
	code = rep.failed || rep.prune_refused ? DCATIT_EXIT_FINDINGS : DCATIT_EXIT_OK;
	if (verify && !dry) {
		/* what harvesters will read, now that the portal holds it */
		fflush(stdout);
		int vcode = cmd_verify_portal(url, m, jobs, "text", fail_on, NULL, 0);
		if (vcode > code)
			code = vcode;
	}
out:
	dcatit_ckan_sync_report_release(&rep);
	dcatit_ckan_free(api);
	dcatit_model_free(m);
	dcatit_terms_free(terms);
	if (token) {
		wipe(token);
		free(token);
	}
	dcatit_json_free(org_fields);
	free(files);
	for (size_t k = 0; k < nuploads; k++)
		free(upload_specs[k]);
	return dcatit_msg_finish_stdout(code);
}
