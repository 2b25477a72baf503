/* cmd_push.c: `dcatit push`: publish the datasets of DCAT-AP_IT RDF files
 * to a CKAN portal with the ckanext-dcatapit schema. The work is in
 * src/ckan (map, api, sync); this file reads the options and the token,
 * loads the catalogue, and prints the plan, progress and summary. The
 * token never comes from argv and is never printed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "config.h"
#include "ckan/api.h"
#include "ckan/map.h"
#include "ckan/sync.h"
#include "cli/cmds.h"
#include "cli/datadir.h"
#include "cli/msg.h"
#include "cli/opt.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"

static const char usage[] =
	"usage: dcatit push --ckan URL --org NAME [CATALOG...] [--dry-run] [--prune]\n"
	"                   [--force] [--jobs N] [--token-file F] [--org-identifier IPA]\n"
	"                   [--org-title TITLE] [--upload URL=DIR]\n"
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
	"The API token is read from the CKAN_API_TOKEN environment variable or from\n"
	"--token-file, never from the command line, and is never printed.\n"
	"\n"
	"  --ckan URL            the portal (http:// or https://)\n"
	"  --org NAME            the organization; created if missing, with the IPA\n"
	"                        code and name of the catalogue's rights holder (or\n"
	"                        --org-identifier, --org-title) and the email,\n"
	"                        telephone and site of its contact point\n"
	"  --dry-run             print the plan (create/update/unchanged/delete per\n"
	"                        dataset) and write nothing\n"
	"  --prune               delete the packages this tool created in NAME that\n"
	"                        are no longer in the catalogue (never when the\n"
	"                        catalogue is empty or a dataset could not be mapped)\n"
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
	"  --upload URL=DIR      upload the distributions whose download URL starts\n"
	"                        with URL from DIR (the rest of the URL is the path\n"
	"                        under DIR) instead of linking them; file:// URLs\n"
	"                        are always uploaded (repeatable)\n"
	"  --verify              then read back what harvesters read of each dataset (its\n"
	"                        DCAT RDF on the portal and the catalogue endpoint), as\n"
	"                        'dcatit verify' does, and report what the portal lost,\n"
	"                        altered or added\n"
	"  --fail-on LEVEL       --verify, and exit 1 also when a dataset is served\n"
	"                        degraded or invalid (degraded), or invalid (invalid)\n"
	"  -h, --help            show this help\n"
	"\n"
	"Exit status: 0 done, 1 some dataset failed, 2 usage error, 3 the catalogue\n"
	"could not be loaded or the portal could not be used.\n";

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
	const char *org_ident = NULL, *org_title = NULL, *fail_on = NULL;
	bool dry = false, prune = false, force = false, verify = false;
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
		if (dcatit_opt_flag(argv, i, "--verify", NULL)) {
			verify = true;
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
		    (r = dcatit_opt_value("push", argc, argv, &i, "--fail-on", NULL, &fail_on))) {
			if (r < 0) {
				free(files);
				return DCATIT_EXIT_USAGE;
			}
			continue;
		}
		free(files);
		return dcatit_msg_usage("push", "unknown option '%.40s'", a);
	}
	if (!url || !org) {
		free(files);
		return dcatit_msg_usage("push", "--ckan URL and --org NAME are required");
	}
	if (fail_on && strcmp(fail_on, "degraded") != 0 && strcmp(fail_on, "invalid") != 0) {
		free(files);
		return dcatit_msg_usage("push", "unknown level '%s' for --fail-on (degraded or "
		                        "invalid)", fail_on);
	}
	verify = verify || fail_on;
	unsigned jobs = 4;
	if (jobs_s) {
		char *end;
		long v = strtol(jobs_s, &end, 10);
		if (*end || v < 1 || v > 64) {
			free(files);
			return dcatit_msg_usage("push", "--jobs needs a number from 1 to 64, not '%s'",
			                        jobs_s);
		}
		jobs = (unsigned)v;
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
	if (!load_portal_vocab(m, &code))
		goto out;
	warn_granted_licences(m);
	if (dcatit_ckan_map_org(m, &org_fields) != DCATIT_OK) {
		dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
		code = DCATIT_EXIT_RUNTIME;
		goto out;
	}

	DcatitCkanOpts co = { .url = url, .token = token };
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
			printf("%-9s %s%s%s%s\n", dcatit_ckan_sync_action_name(it->planned),
			       it->identifier, *it->name ? " (" : "", it->name, *it->name ? ")" : "");
		if (it->outcome == DCATIT_SYNC_FAILED) {
			char msg[2048];
			snprintf(msg, sizeof msg, "%s", it->message ? it->message : "failed");
			dcatit_ckan_redact(api, msg);
			dcatit_msg_error("push: cannot %s '%s': %s",
			                 dcatit_ckan_sync_action_name(it->planned == DCATIT_SYNC_FAILED
			                                              ? DCATIT_SYNC_CREATE : it->planned),
			                 *it->identifier ? it->identifier : it->name, msg);
		}
	}
	if (dcatit_ckan_retries(api))
		dcatit_msg_error("push: %lu request(s) retried after transient failures",
		                 dcatit_ckan_retries(api));
	if (prune && rep.prune_skipped)
		dcatit_msg_error("push: --prune skipped: %s", rep.prune_skipped);
	if (dry) {
		size_t c = 0, u = 0, del = 0;
		for (size_t i = 0; i < rep.n; i++) {
			c += rep.items[i].planned == DCATIT_SYNC_CREATE;
			u += rep.items[i].planned == DCATIT_SYNC_UPDATE;
			del += rep.items[i].planned == DCATIT_SYNC_DELETE;
		}
		printf("dry run: %zu to create, %zu to update, %zu unchanged, %zu to delete, "
		       "%zu failed\n", c, u, rep.unchanged, del, rep.failed);
	} else {
		printf("%zu created, %zu updated, %zu unchanged, %zu deleted, %zu failed\n",
		       rep.created, rep.updated, rep.unchanged, rep.deleted, rep.failed);
	}
	code = rep.failed ? DCATIT_EXIT_FINDINGS : DCATIT_EXIT_OK;
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
