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
#include "base/i18n.h"
#include "base/str.h"
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
		dcatit_msg_error("cannot read '%s': %s", path,
		                 err ? strerror(EIO) : dcatit_strerror(DCATIT_ERR_NOMEM));
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
	po.hint = N_("use --no-validate");
	if (!shapes) {
		*code = dcatit_msg_nomem();
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
	*code = dcatit_msg_nomem();
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
		if (dry)
			dcatit_msg_error("push: --prune refused: it would delete %zu of the %zu packages "
			                 "this catalogue manages in '%s' (at most %zu, %u%%): nothing would "
			                 "be deleted; check the catalogue given, or use "
			                 "--allow-mass-removal", rep->prune_planned, rep->managed, org,
			                 rep->prune_limit, pct ? pct : 20u);
		else
			dcatit_msg_error("push: --prune refused: it would have deleted %zu of the %zu "
			                 "packages this catalogue manages in '%s' (at most %zu, %u%%): "
			                 "nothing deleted; check the catalogue given, or use "
			                 "--allow-mass-removal", rep->prune_planned, rep->managed, org,
			                 rep->prune_limit, pct ? pct : 20u);
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
	                              : dcatit_diag_set(&d, DCATIT_ERR_NOMEM, NULL, 0, 0, "%s",
	                                                dcatit_strerror(DCATIT_ERR_NOMEM));
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
		const char *who = id ? dcatit_terms_str(t, id) : dcatit_terms_str(t, ds[i]);
		if (lic)
			dcatit_msg_error(P_("push: warning: '%s': the portal will publish CC BY 4.0 "
			                    "(http://creativecommons.org/licenses/by/4.0/it/) as the "
			                    "licence of %zu distribution licensed <%s>: ckanext-dcatapit "
			                    "writes CC BY for a licence it has no document for; give it "
			                    "its real licence",
			                    "push: warning: '%s': the portal will publish CC BY 4.0 "
			                    "(http://creativecommons.org/licenses/by/4.0/it/) as the "
			                    "licence of %zu distributions licensed <%s>: ckanext-dcatapit "
			                    "writes CC BY for a licence it has no document for; give them "
			                    "their real licence", k), who, k, lic);
		else
			dcatit_msg_error(P_("push: warning: '%s': the portal will publish CC BY 4.0 "
			                    "(http://creativecommons.org/licenses/by/4.0/it/) as the "
			                    "licence of %zu distribution with no licence: "
			                    "ckanext-dcatapit writes CC BY for a licence it has no "
			                    "document for; give it its real licence",
			                    "push: warning: '%s': the portal will publish CC BY 4.0 "
			                    "(http://creativecommons.org/licenses/by/4.0/it/) as the "
			                    "licence of %zu distributions with no licence: "
			                    "ckanext-dcatapit writes CC BY for a licence it has no "
			                    "document for; give them their real licence", k), who, k);
		warned++;
	}
	free(ds);
	if (warned)
		dcatit_msg_error(P_("push: warning: %zu dataset will show a licence nobody granted "
		                    "(CC BY 4.0) on the portal and on every catalogue that harvests it",
		                    "push: warning: %zu datasets will show a licence nobody granted "
		                    "(CC BY 4.0) on the portal and on every catalogue that harvests it",
		                    warned), warned);
	return warned;
}

static const char *o_url, *o_org, *o_token_file, *o_jobs, *o_org_ident, *o_org_title;
static const char *o_max_removal, *o_fail_on, *o_lang;
static bool o_dry, o_prune, o_force, o_no_validate, o_allow_http, o_allow_mass, o_verify;
static DcatitOptList o_uploads;

static const DcatitOpt push_opts[] = {
	{ 0, "ckan", DCATIT_OPT_STRING, &o_url, N_("URL"), N_("the portal (http:// or https://)"),
	  "url" },
	{ 0, "org", DCATIT_OPT_STRING, &o_org, N_("NAME"),
	  N_("the organization; created if missing, with the IPA code and name of the "
	     "catalogue's rights holder (or --org-identifier, --org-title) and the email, "
	     "telephone and site of its contact point"), NULL },
	{ 0, "dry-run", DCATIT_OPT_FLAG, &o_dry, NULL,
	  N_("print the plan (create/update/unchanged/delete per dataset) and write nothing"),
	  NULL },
	{ 0, "prune", DCATIT_OPT_FLAG, &o_prune, NULL,
	  N_("delete the packages of this catalogue in NAME that are no longer in it: those "
	     "whose dcatit marker names this catalogue's IRI (its one dcat:Catalog) and whose "
	     "owner is NAME; never when the catalogue is empty or a dataset could not be "
	     "mapped. Packages marked by an older dcatit (no catalogue IRI) are never pruned; "
	     "a push records the IRI on every package it writes"), NULL },
	{ 0, "max-removal", DCATIT_OPT_STRING, &o_max_removal, N_("PCT"),
	/* xgettext:no-c-format */
	  N_("--prune deletes at most PCT% of the packages this catalogue manages (default "
	     "20; at least one, and never all but a handful); above it nothing is deleted and "
	     "push exits 1; --dry-run shows the same"), NULL },
	{ 0, "allow-mass-removal", DCATIT_OPT_FLAG, &o_allow_mass, NULL,
	  N_("delete however many --prune finds"), NULL },
	{ 0, "force", DCATIT_OPT_FLAG, &o_force, NULL,
	  N_("update every package of the catalogue, even those whose content hash says "
	     "unchanged (e.g. after edits made in CKAN)"), NULL },
	{ 'j', "jobs", DCATIT_OPT_STRING, &o_jobs, N_("N"),
	  N_("parallel requests (default 4, at most 64)"), NULL },
	{ 0, "token-file", DCATIT_OPT_STRING, &o_token_file, N_("F"),
	  N_("read the API token from F, trailing newline ignored (default: the "
	     "CKAN_API_TOKEN environment variable)"), "file" },
	{ 0, "token", DCATIT_OPT_REFUSED, NULL, NULL,
	  N_("the API token is never taken from the command line: set CKAN_API_TOKEN or use "
	     "--token-file"), NULL },
	{ 0, "org-identifier", DCATIT_OPT_STRING, &o_org_ident, N_("IPA"),
	  N_("IPA code of the organization (default: the rights holder's)"), NULL },
	{ 0, "org-title", DCATIT_OPT_STRING, &o_org_title, N_("TITLE"),
	  N_("title of the organization (default: the official name of the catalogue's "
	     "rights holder); an organization that exists with another title or IPA code is "
	     "updated, since the portal names the rights holder of its datasets after it"),
	  NULL },
	{ 0, "upload", DCATIT_OPT_LIST, &o_uploads, N_("URL=DIR"),
	  N_("upload the distributions whose download URL (else access URL) starts with URL "
	     "from DIR, the rest of the URL being the path under DIR, instead of linking them "
	     "(repeatable). Only regular files whose real path stays inside DIR are sent (no "
	     "symlink out, no device or FIFO). No other local file is ever read: a file: URL "
	     "anywhere else in a dataset fails that dataset. The usual way to publish the files "
	     "`dcatit build -o OUT` wrote, whose URLs start with the catalogue's base_uri "
	     "BASE: --upload BASE/=OUT"), NULL },
	{ 0, "no-validate", DCATIT_OPT_FLAG, &o_no_validate, NULL,
	  N_("push even when the catalogue has violations"), NULL },
	{ 0, "allow-http", DCATIT_OPT_FLAG, &o_allow_http, NULL,
	  N_("send the token over plain http:// to a host that is not loopback (a trusted "
	     "network only)"), NULL },
	{ 0, "verify", DCATIT_OPT_FLAG, &o_verify, NULL,
	  N_("then read back what harvesters read of each dataset (its DCAT RDF on the "
	     "portal and the catalogue endpoint), as 'dcatit verify' does, and report what the "
	     "portal lost, altered or added"), NULL },
	{ 0, "fail-on", DCATIT_OPT_STRING, &o_fail_on, N_("LEVEL"),
	  N_("--verify, and exit 1 also when a dataset is served degraded or invalid "
	     "(degraded), or invalid (invalid)"), "degraded|invalid" },
	{ 0, "lang", DCATIT_OPT_LANG, &o_lang, N_("LANG"),
	  N_("the language of messages and findings: it or en (default: from the locale, "
	     "LANG)"), "it|en" },
	{ 0, NULL, DCATIT_OPT_END, NULL, NULL, NULL, NULL },
};

const DcatitOptCmd dcatit_push_cmd = {
	.name = "push",
	.summary = N_("publish a catalogue to a CKAN instance"),
	.operands = N_("[CATALOG...]"),
	.complete = "file",
	.description =
		N_("Publish the datasets of the DCAT-AP_IT RDF files CATALOG (default: "
		   "out/catalog.ttl) to the CKAN portal URL, in organization NAME, with the "
		   "ckanext-dcatapit schema; --ckan and --org are required. Datasets are matched by "
		   "dct:identifier; an unchanged dataset costs no write. A dataset CKAN refuses is "
		   "reported with CKAN's own error text and the others go on. On a terminal a "
		   "progress line is shown; at the end a summary: N created, N updated, N unchanged, "
		   "N deleted, N failed.\n"
		   "\n"
		   "The catalogue is validated first with the DCAT-AP_IT profile (as `dcatit "
		   "validate`): with a violation nothing is pushed and the violations are printed, "
		   "located, unless --no-validate.\n"
		   "\n"
		   "The API token is read from the CKAN_API_TOKEN environment variable or from "
		   "--token-file, never from the command line, and is never printed. It is never "
		   "sent over plain http:// to a host other than this machine (loopback) unless "
		   "--allow-http."),
	.exit_status =
		N_("0 done, 1 some dataset failed, the catalogue has violations or --prune was "
		   "refused, 2 usage error, 3 the catalogue could not be loaded or the portal could "
		   "not be used."),
	.opts = push_opts,
};

/* The --upload values as (URL prefix, directory) pairs into uploads and
 * specs (the strings, which the caller frees); false after printing a
 * usage error or running out of memory (*code says which). */
static bool read_uploads(DcatitSyncUpload *uploads, char **specs, size_t *n, int *code)
{
	*code = DCATIT_EXIT_USAGE;
	for (size_t i = 0; i < o_uploads.n; i++) {
		const char *up = o_uploads.v[i];
		const char *eq = strchr(up, '=');
		if (!eq || eq == up || !eq[1] || *n == 16) {
			dcatit_msg_usage("push", "--upload needs URL=DIR (at most 16)");
			return false;
		}
		char *spec = dcatit_strdup(up);
		if (!spec) {
			*code = dcatit_msg_nomem();
			return false;
		}
		spec[eq - up] = '\0';
		const char *dir = spec + (eq - up) + 1;
		struct stat dst;
		if (stat(dir, &dst) != 0 || !S_ISDIR(dst.st_mode)) {
			int err = errno;
			if (err)
				dcatit_msg_usage("push", "--upload: '%s' is not a directory: %s", dir,
				                 strerror(err));
			else
				dcatit_msg_usage("push", "--upload: '%s' is not a directory", dir);
			free(spec);
			return false;
		}
		specs[*n] = spec;
		uploads[(*n)++] = (DcatitSyncUpload){ spec, dir };
	}
	return true;
}

int cmd_push(int argc, char **argv)
{
	DcatitSyncUpload uploads[16];
	char *upload_specs[16];
	size_t nuploads = 0;
	int first = 0;
	o_url = o_org = o_token_file = o_jobs = o_org_ident = o_org_title = NULL;
	o_max_removal = o_fail_on = o_lang = NULL;
	o_dry = o_prune = o_force = o_no_validate = o_allow_http = o_allow_mass = o_verify = false;
	DcatitOptResult pr = dcatit_opt_parse(&dcatit_push_cmd, argc, argv, &first);
	if (pr != DCATIT_OPT_PARSED) {
		dcatit_opt_release(&dcatit_push_cmd);
		return dcatit_msg_finish_stdout(dcatit_opt_exit_code(pr));
	}
	const char *url = o_url, *org = o_org, *token_file = o_token_file, *fail_on = o_fail_on;
	const char *org_ident = o_org_ident, *org_title = o_org_title;
	bool dry = o_dry, prune = o_prune, force = o_force, no_validate = o_no_validate;
	bool allow_http = o_allow_http, allow_mass = o_allow_mass, verify = o_verify;
	const char *deflt[1] = { "out/catalog.ttl" };
	const char *const *files = first < argc ? (const char *const *)argv + first : deflt;
	size_t nfiles = first < argc ? (size_t)(argc - first) : 1;
	int code = DCATIT_EXIT_OK;
	bool ok = read_uploads(uploads, upload_specs, &nuploads, &code);
	dcatit_opt_release(&dcatit_push_cmd);
	if (!ok) {
		for (size_t k = 0; k < nuploads; k++)
			free(upload_specs[k]);
		return code;
	}
	code = DCATIT_EXIT_OK;
	unsigned jobs = 4, max_removal = 0;
	long v;
	code = DCATIT_EXIT_USAGE;
	if (!url || !org) {
		dcatit_msg_usage("push", "--ckan URL and --org NAME are required");
		goto free_uploads;
	}
	if (o_jobs) {
		if (!dcatit_opt_number("push", "--jobs", o_jobs, 1, 64, false, &v))
			goto free_uploads;
		jobs = (unsigned)v;
	}
	if (o_max_removal) {
		if (!dcatit_opt_number("push", "--max-removal", o_max_removal, 1, 100, true, &v))
			goto free_uploads;
		max_removal = (unsigned)v;
	}
	if (fail_on && !dcatit_opt_is_one_of(fail_on, "degraded|invalid")) {
		dcatit_msg_usage("push", "unknown level '%s' for --fail-on (degraded or invalid)",
		                 fail_on);
		goto free_uploads;
	}
	verify = verify || fail_on;
	code = DCATIT_EXIT_OK;

	char *token = NULL;
	if (token_file) {
		token = read_token_file(token_file);
		if (!token) {
			code = DCATIT_EXIT_RUNTIME;
			goto free_uploads;
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
		code = dcatit_msg_nomem();
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
			dcatit_msg_error(P_("push: nothing pushed: the catalogue has %ld violation of the "
			                    "DCAT-AP_IT profile, or checks that could not be made (above); "
			                    "fix them, or use --no-validate",
			                    "push: nothing pushed: the catalogue has %ld violations of the "
			                    "DCAT-AP_IT profile, or checks that could not be made (above); "
			                    "fix them, or use --no-validate", nviol), nviol);
			code = DCATIT_EXIT_FINDINGS;
			goto out;
		}
	}
	if (!load_portal_vocab(m, &code))
		goto out;
	warn_granted_licences(m);
	if (dcatit_ckan_map_org(m, &org_fields) != DCATIT_OK) {
		code = dcatit_msg_nomem();
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
		printf(dry ? _("would create organization '%s'\n") : _("created organization '%s'\n"),
		       org);
	if (rep.org_old_title && !rep.org_message)
		printf(dry ? _("would retitle organization '%s' '%s' (was '%s'): the portal names "
		               "the rights holder of its datasets after it\n")
		           : _("retitled organization '%s' '%s' (was '%s'): the portal names the "
		               "rights holder of its datasets after it\n"),
		       org, so.org_title, rep.org_old_title);
	if (rep.org_old_identifier && !rep.org_message)
		printf(dry ? _("would set the identifier of organization '%s' to '%s' (was '%s')\n")
		           : _("set the identifier of organization '%s' to '%s' (was '%s')\n"),
		       org, so.org_identifier, rep.org_old_identifier);
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
			       it->held ? _(" [not deleted: --prune refused]") : "");
		if (it->outcome == DCATIT_SYNC_FAILED) {
			char msg[2048];
			snprintf(msg, sizeof msg, "%s", it->message ? it->message : _("failed"));
			dcatit_ckan_redact(api, msg);
			/* the portal's text and the catalogue's identifiers: shown, never
			 * obeyed by the terminal */
			const char *who = *it->identifier ? it->identifier : it->name;
			DcatitSyncAction act = it->planned == DCATIT_SYNC_FAILED ? DCATIT_SYNC_CREATE
			                                                         : it->planned;
			char *cwho = dcatit_msg_clean_text(who), *cmsg = dcatit_msg_clean_text(msg);
			fputs("dcatit: push: ", stderr);
			fprintf(stderr, act == DCATIT_SYNC_UPDATE   ? _("cannot update '%s': %s")
			                : act == DCATIT_SYNC_DELETE ? _("cannot delete '%s': %s")
			                                            : _("cannot create '%s': %s"),
			        cwho ? cwho : "?", cmsg ? cmsg : "?");
			putc('\n', stderr);
			free(cwho);
			free(cmsg);
		}
	}
	if (dcatit_ckan_retries(api))
		dcatit_msg_error(P_("push: %lu request retried after transient failures",
		                    "push: %lu requests retried after transient failures",
		                    dcatit_ckan_retries(api)), dcatit_ckan_retries(api));
	if (prune)
		report_prune(&rep, org, dry, max_removal);
	if (dry) {
		size_t c = 0, u = 0, del = 0;
		for (size_t i = 0; i < rep.n; i++) {
			c += rep.items[i].planned == DCATIT_SYNC_CREATE;
			u += rep.items[i].planned == DCATIT_SYNC_UPDATE;
			del += rep.items[i].planned == DCATIT_SYNC_DELETE && !rep.items[i].held;
		}
		printf(_("dry run: %zu to create, %zu to update, %zu unchanged, %zu to delete, "
		         "%zu failed"), c, u, rep.unchanged, del, rep.failed);
		fputs(rep.prune_refused ? _("; --prune refused\n") : "\n", stdout);
	} else {
		printf(_("%zu created, %zu updated, %zu unchanged, %zu deleted, %zu failed\n"),
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
free_uploads:
	for (size_t k = 0; k < nuploads; k++)
		free(upload_specs[k]);
	return dcatit_msg_finish_stdout(code);
}
