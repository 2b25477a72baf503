/* cmd_verify.c: `dcatit verify --ckan URL CATALOG`: read back what a CKAN
 * portal serves to harvesters for the datasets of CATALOG and report, per
 * dataset, what it lost, altered or added (src/ckan/verify.c does the
 * work). Also the end of `dcatit push --verify`. */
#include "cli/cmds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/json.h"
#include "ckan/verify.h"
#include "cli/msg.h"
#include "cli/opt.h"
#include "cli/profile_load.h"
#include "config.h"
#include "rdf/rdfio.h"
#include "shacl/report.h"

static const char *endpoint_note(unsigned e)
{
	if (e == DCATIT_VERIFY_DATASET_RDF)
		return _(" [per-dataset RDF only]");
	if (e == DCATIT_VERIFY_CATALOG_RDF)
		return _(" [catalogue endpoint only]");
	return "";
}

static void print_finding(const DcatitVerifyFinding *f)
{
	printf("  %-8s %s", _(dcatit_verify_kind_name(f->kind)), f->property);
	if (*f->subject)
		printf(_(" of %s"), f->subject);
	if (f->local && f->portal)
		printf(_(": %s served as %s"), f->local, f->portal);
	else if (f->local)
		printf(": %s", f->local);
	else if (f->portal)
		printf(": %s", f->portal);
	printf("%s\n", endpoint_note(f->endpoints));
	printf("           %s\n", f->why);
	if (f->todo)
		printf(_("           to do: %s\n"), f->todo);
}

/* The violations of one graph, one line per kind: how many, the message,
 * and where the first one is. */
static bool print_violations(const DcatitResults *r, DcatitModel *data, DcatitModel *shapes)
{
	DcatitReportInput in;
	memset(&in, 0, sizeof in);
	in.data = data;
	in.shapes = shapes;
	DcatitBuf a, b;
	dcatit_buf_init(&a);
	dcatit_buf_init(&b);
	bool *done = r->n ? calloc(r->n, sizeof *done) : NULL;
	bool ok = !r->n || done;
	for (size_t i = 0; ok && i < r->n; i++) {
		if (done[i])
			continue;
		dcatit_buf_clear(&a);
		ok = dcatit_report_message(&r->items[i], &in, &a);
		size_t count = 1;
		for (size_t k = i + 1; ok && k < r->n; k++) {
			if (done[k] || r->items[k].shape != r->items[i].shape ||
			    r->items[k].component != r->items[i].component)
				continue;
			dcatit_buf_clear(&b);
			ok = dcatit_report_message(&r->items[k], &in, &b);
			if (ok && strcmp(a.data ? a.data : "", b.data ? b.data : "") == 0) {
				done[k] = true;
				count++;
			}
		}
		printf("    %zu x %s (%s:%lu%s)\n", count, a.data ? a.data : "",
		       dcatit_model_source_name(data, r->items[i].loc.file),
		       (unsigned long)r->items[i].loc.line, count > 1 ? _(" and more") : "");
	}
	free(done);
	dcatit_buf_release(&a);
	dcatit_buf_release(&b);
	return ok;
}

static void print_text(const DcatitVerifyReport *rep, const char *url, DcatitModel *shapes)
{
	for (size_t i = 0; i < rep->n; i++) {
		const DcatitVerifyDataset *ds = &rep->datasets[i];
		size_t form = 0;
		printf("%s: %s", *ds->identifier ? ds->identifier : ds->iri,
		       _(dcatit_verify_status_name(ds->status)));
		if (ds->package)
			printf(" (%s/dataset/%s)", url, ds->package);
		printf("\n");
		if (ds->problem)
			printf("  %s\n", ds->problem);
		if (ds->violations.n) {
			printf(P_("  %zu violation of DCAT-AP_IT in what the portal serves:\n",
			          "  %zu violations of DCAT-AP_IT in what the portal serves:\n",
			          ds->violations.n), ds->violations.n);
			print_violations(&ds->violations, ds->served, shapes);
		}
		for (size_t k = 0; k < ds->nfindings; k++) {
			if (ds->findings[k].degrading)
				print_finding(&ds->findings[k]);
			else
				form++;
		}
		if (form) {
			printf(_("  the same information in another form (%zu):\n"), form);
			for (size_t k = 0; k < ds->nfindings; k++) {
				const DcatitVerifyFinding *f = &ds->findings[k];
				if (f->degrading)
					continue;
				/* once per property, subject and reason: seven keywords
				 * without their tags are one line */
				bool seen = false;
				size_t count = 0;
				for (size_t q = 0; q < ds->nfindings; q++) {
					const DcatitVerifyFinding *g = &ds->findings[q];
					if (g->degrading || strcmp(g->property, f->property) != 0 ||
					    strcmp(g->subject, f->subject) != 0 || g->why != f->why)
						continue;
					seen = seen || q < k;
					count++;
				}
				if (seen)
					continue;
				printf("    %s", f->property);
				if (*f->subject)
					printf(_(" of %s"), f->subject);
				printf(": %s%s", f->why, endpoint_note(f->endpoints));
				if (count > 1)
					printf(_(" (%zu values)"), count);
				printf("\n");
			}
		}
	}
	printf(P_("catalogue endpoint %s/catalog.*: %zu page", "catalogue endpoint %s/catalog.*: "
	          "%zu pages", rep->pages), url, rep->pages);
	printf(P_(", %zu dataset listed", ", %zu datasets listed", rep->catalog_datasets),
	       rep->catalog_datasets);
	if (rep->catalog_problem)
		printf("; %s", rep->catalog_problem);
	printf(P_("; %zu violation of DCAT-AP_IT\n", "; %zu violations of DCAT-AP_IT\n",
	          rep->catalog_violations.n), rep->catalog_violations.n);
	print_violations(&rep->catalog_violations, rep->catalog, shapes);
	printf(P_("%zu dataset: %zu intact, %zu degraded, %zu invalid\n",
	          "%zu datasets: %zu intact, %zu degraded, %zu invalid\n", rep->n),
	       rep->n, rep->intact, rep->degraded, rep->invalid);
}

static bool set_s(DcatitJson *o, const char *k, const char *v)
{
	return v ? dcatit_json_set_str(o, k, v) : true; /* none: the key is left out */
}

static DcatitJson *violations_json(const DcatitResults *r, DcatitModel *data,
                                   DcatitModel *shapes)
{
	DcatitJson *a = dcatit_json_array();
	DcatitReportInput in;
	memset(&in, 0, sizeof in);
	in.data = data;
	in.shapes = shapes;
	DcatitTerms *t = data ? dcatit_model_terms(data) : NULL;
	for (size_t i = 0; a && t && i < r->n; i++) {
		DcatitJson *o = dcatit_json_object();
		DcatitBuf msg;
		dcatit_buf_init(&msg);
		dcatit_report_message(&r->items[i], &in, &msg);
		set_s(o, "message", msg.data ? msg.data : "");
		set_s(o, "focus", dcatit_terms_str(t, r->items[i].focus));
		set_s(o, "file", dcatit_model_source_name(data, r->items[i].loc.file));
		dcatit_json_set(o, "line", dcatit_json_integer((long long)r->items[i].loc.line));
		dcatit_buf_release(&msg);
		dcatit_json_append(a, o);
	}
	return a;
}

static char *report_json(const DcatitVerifyReport *rep, const char *url, DcatitModel *shapes)
{
	DcatitJson *root = dcatit_json_object(), *arr = dcatit_json_array();
	for (size_t i = 0; root && arr && i < rep->n; i++) {
		const DcatitVerifyDataset *ds = &rep->datasets[i];
		DcatitJson *o = dcatit_json_object(), *fs = dcatit_json_array();
		set_s(o, "identifier", ds->identifier);
		set_s(o, "iri", ds->iri);
		set_s(o, "package", ds->package);
		set_s(o, "status", dcatit_verify_status_name(ds->status));
		set_s(o, "problem", ds->problem);
		dcatit_json_set(o, "listed_in_catalog", dcatit_json_bool(ds->listed));
		for (size_t k = 0; fs && k < ds->nfindings; k++) {
			const DcatitVerifyFinding *f = &ds->findings[k];
			DcatitJson *j = dcatit_json_object(), *ep = dcatit_json_array();
			set_s(j, "kind", dcatit_verify_kind_name(f->kind));
			set_s(j, "property", f->property);
			set_s(j, "subject", f->subject);
			set_s(j, "local", f->local);
			set_s(j, "portal", f->portal);
			dcatit_json_set(j, "degrading", dcatit_json_bool(f->degrading));
			set_s(j, "why", f->why);
			set_s(j, "todo", f->todo);
			if (f->endpoints & DCATIT_VERIFY_DATASET_RDF)
				dcatit_json_append(ep, dcatit_json_string("dataset"));
			if (f->endpoints & DCATIT_VERIFY_CATALOG_RDF)
				dcatit_json_append(ep, dcatit_json_string("catalog"));
			dcatit_json_set(j, "endpoints", ep);
			dcatit_json_append(fs, j);
		}
		dcatit_json_set(o, "findings", fs);
		dcatit_json_set(o, "violations", violations_json(&ds->violations, ds->served, shapes));
		dcatit_json_append(arr, o);
	}
	DcatitJson *cat = dcatit_json_object();
	set_s(cat, "url", url);
	dcatit_json_set(cat, "pages", dcatit_json_integer((long long)rep->pages));
	dcatit_json_set(cat, "datasets", dcatit_json_integer((long long)rep->catalog_datasets));
	set_s(cat, "problem", rep->catalog_problem);
	dcatit_json_set(cat, "violations",
	                violations_json(&rep->catalog_violations, rep->catalog, shapes));
	DcatitJson *sum = dcatit_json_object();
	dcatit_json_set(sum, "datasets", dcatit_json_integer((long long)rep->n));
	dcatit_json_set(sum, "intact", dcatit_json_integer((long long)rep->intact));
	dcatit_json_set(sum, "degraded", dcatit_json_integer((long long)rep->degraded));
	dcatit_json_set(sum, "invalid", dcatit_json_integer((long long)rep->invalid));
	dcatit_json_set(root, "datasets", arr);
	dcatit_json_set(root, "catalog", cat);
	dcatit_json_set(root, "summary", sum);
	char *txt = root ? dcatit_json_dump(root, false) : NULL;
	dcatit_json_free(root);
	return txt;
}

int cmd_verify_portal(const char *url, DcatitModel *m, unsigned jobs, const char *format,
                      const char *fail_on, const char *const *orgs, size_t norgs)
{
	bool json = format && strcmp(format, "json") == 0;
	DcatitModel *shapes = dcatit_model_new(dcatit_model_terms(m));
	if (!shapes) {
		return dcatit_msg_nomem();
	}
	DcatitProfile profile;
	memset(&profile, 0, sizeof profile);
	DcatitProfileLoadOpts po;
	memset(&po, 0, sizeof po);
	po.orgs_files = orgs;
	po.norgs_files = norgs;
	int code = DCATIT_EXIT_RUNTIME;
	DcatitVerifyReport rep;
	memset(&rep, 0, sizeof rep);
	if (!dcatit_profile_load(&profile, shapes, &po, &code))
		goto out;
	DcatitVerifyOpts vo = { .url = url, .jobs = jobs, .user_agent = "dcatit/" DCATIT_VERSION };
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_verify_run(m, &profile, &vo, &rep, &d) != DCATIT_OK) {
		code = dcatit_msg_diag(&d);
		goto out;
	}
	if (json) {
		char *txt = report_json(&rep, url, shapes);
		if (!txt) {
			dcatit_msg_nomem();
			goto out;
		}
		printf("%s\n", txt);
		free(txt);
	} else {
		print_text(&rep, url, shapes);
	}
	size_t failing = 0;
	if (fail_on && strcmp(fail_on, "invalid") == 0)
		failing = rep.invalid;
	else if (fail_on && strcmp(fail_on, "degraded") == 0)
		failing = rep.invalid + rep.degraded;
	code = failing ? DCATIT_EXIT_FINDINGS : DCATIT_EXIT_OK;
out:
	dcatit_verify_report_release(&rep);
	dcatit_profile_load_release(&profile);
	dcatit_model_free(shapes);
	return code;
}

static const char *o_url, *o_format, *o_fail_on, *o_jobs, *o_lang;
static DcatitOptList o_orgs;

static const DcatitOpt verify_opts[] = {
	{ 0, "ckan", DCATIT_OPT_STRING, &o_url, N_("URL"), N_("the portal (http:// or https://)"),
	  "url" },
	{ 'f', "format", DCATIT_OPT_STRING, &o_format, N_("FORMAT"),
	  N_("text (default: per dataset, what the portal lost, altered or added, why, and "
	     "what to do) or json (the same, for CI)"), "text|json" },
	{ 0, "fail-on", DCATIT_OPT_STRING, &o_fail_on, N_("LEVEL"),
	  N_("exit 1 when a dataset is served invalid (invalid), or degraded or invalid "
	     "(degraded); without it the exit status does not depend on what was found"),
	  "degraded|invalid" },
	{ 'j', "jobs", DCATIT_OPT_STRING, &o_jobs, N_("N"),
	  N_("parallel requests (default 4, at most 64)"), NULL },
	{ 0, "orgs", DCATIT_OPT_LIST, &o_orgs, N_("FILE"),
	  N_("more organisations for the DCAT-AP_IT checks, as in validate --orgs"), "file" },
	{ 0, "lang", DCATIT_OPT_LANG, &o_lang, N_("LANG"),
	  N_("the language of the report: it or en (default: from the locale, LANG)"),
	  "it|en" },
	{ 0, NULL, DCATIT_OPT_END, NULL, NULL, NULL, NULL },
};

const DcatitOptCmd dcatit_verify_cmd = {
	.name = "verify",
	.summary = N_("check what a CKAN portal serves to harvesters against the catalogue"),
	.operands = N_("[CATALOG...]"),
	.complete = "file",
	.description =
		N_("dati.gov.it does not read a portal's Action API: it harvests the portal's "
		   "DCAT-AP_IT RDF. For every dataset of CATALOG (default: out/catalog.ttl), read "
		   "back what harvesters read: the package with its identifier, its RDF "
		   "(/dataset/NAME.ttl) and the catalogue endpoint (/catalog.ttl, every hydra "
		   "page); validate them with the DCAT-AP_IT profile; and compare them with the "
		   "dataset, property by property. Each difference says what the portal lost, "
		   "altered or added, why (the changes recorded against a real CKAN with "
		   "ckanext-dcatapit) and, where something can be done, what.\n"
		   "\n"
		   "A dataset is intact when what is served says what the dataset says (another "
		   "form of the same information, such as a date written as a date-time, is listed "
		   "apart), degraded when something is lost, altered or added, and invalid when it "
		   "is not served or what is served violates DCAT-AP_IT. The last line counts them. "
		   "Nothing is written to the portal, and no token is used."),
	.exit_status = N_("0 done (or nothing at or above --fail-on), 1 datasets at or above "
	                  "--fail-on, 2 usage error, 3 the catalogue could not be loaded or the "
	                  "portal could not be read."),
	.opts = verify_opts,
};

int cmd_verify(int argc, char **argv)
{
	int first = 0;
	o_url = o_format = o_fail_on = o_jobs = o_lang = NULL;
	DcatitOptResult pr = dcatit_opt_parse(&dcatit_verify_cmd, argc, argv, &first);
	if (pr != DCATIT_OPT_PARSED)
		return dcatit_opt_exit_code(pr);
	int code = DCATIT_EXIT_USAGE;
	DcatitTerms *terms = NULL;
	DcatitModel *m = NULL;
	if (!o_url) {
		dcatit_msg_usage("verify", "--ckan URL is required");
		goto out;
	}
	if (o_format && strcmp(o_format, "text") != 0 && strcmp(o_format, "json") != 0) {
		dcatit_msg_usage("verify", "unknown format '%s' (text or json)", o_format);
		goto out;
	}
	if (o_fail_on && strcmp(o_fail_on, "degraded") != 0 && strcmp(o_fail_on, "invalid") != 0) {
		dcatit_msg_usage("verify", "unknown level '%s' for --fail-on (degraded or invalid)",
		                 o_fail_on);
		goto out;
	}
	unsigned jobs = 4;
	long v;
	if (o_jobs) {
		if (!dcatit_opt_number("verify", "--jobs", o_jobs, 1, 64, false, &v))
			goto out;
		jobs = (unsigned)v;
	}
	code = DCATIT_EXIT_RUNTIME;
	terms = dcatit_terms_new();
	m = terms ? dcatit_model_new(terms) : NULL;
	if (!m) {
		dcatit_msg_nomem();
		goto out;
	}
	const char *deflt[1] = { "out/catalog.ttl" };
	char *const *files = first < argc ? argv + first : (char *const *)deflt;
	size_t nfiles = first < argc ? (size_t)(argc - first) : 1;
	for (size_t i = 0; i < nfiles; i++) {
		if (!dcatit_profile_parse(m, files[i], false, &code))
			goto out;
	}
	code = cmd_verify_portal(o_url, m, jobs, o_format, o_fail_on, o_orgs.v, o_orgs.n);
out:
	dcatit_opt_release(&dcatit_verify_cmd);
	dcatit_model_free(m);
	dcatit_terms_free(terms);
	return dcatit_msg_finish_stdout(code);
}
