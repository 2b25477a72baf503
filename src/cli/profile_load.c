/* profile_load.c: loading the DCAT-AP_IT profile from the data directory
 * (profile_load.h). */
#include "cli/profile_load.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "cli/datadir.h"
#include "cli/msg.h"
#include "rdf/rdfio.h"

bool dcatit_profile_parse(DcatitModel *m, const char *path, bool progress,
                          int *code)
{
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (progress)
		dcatit_msg_progress("dcatit: reading %s", po.name);
	if (dcatit_rdfio_parse_file(m, path, &po, &d) != DCATIT_OK) {
		if (!d.file[0])
			snprintf(d.file, sizeof d.file, "%s", po.name);
		*code = dcatit_msg_diag(&d);
		return false;
	}
	return true;
}

/* The shapes (the .ttl files of dir/shapes, the strict ones only when
 * strict). Nothing goes into the data graph here: the shapes check
 * vocabulary membership with sh:in lists (vocab/README.md). */
static bool load_shapes(const char *dir, DcatitModel *shapes,
                        const DcatitProfileLoadOpts *o, const char *hint,
                        int *code)
{
	char sub[4200];
	snprintf(sub, sizeof sub, "%s/shapes", dir);
	size_t n = 0, nshapes = 0;
	char **list = dcatit_datadir_list(sub, false, NULL, &n);
	if (!list) {
		dcatit_msg_error("cannot read the profile shapes in '%s'", sub);
		*code = DCATIT_EXIT_RUNTIME;
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		const char *base = strrchr(list[i], '/');
		base = base ? base + 1 : list[i];
		/* shapes with "strict" in their name belong to dcatapit-strict */
		if (!o->strict && strstr(base, "strict"))
			continue;
		ok = dcatit_profile_parse(shapes, list[i], o->progress, code);
		nshapes++;
	}
	dcatit_datadir_list_free(list);
	if (ok && !nshapes) {
		dcatit_msg_error("no shapes in '%s' (set DCATIT_DATADIR%s)", sub, hint);
		*code = DCATIT_EXIT_RUNTIME;
		return false;
	}
	return ok;
}

static bool load_vocab(const char *dir, DcatitModel *vocab, bool progress,
                       int *code)
{
	size_t n = 0;
	char **list = dcatit_datadir_list(dir, true, "shapes", &n);
	if (!list) {
		dcatit_msg_error("cannot read the vocabularies in '%s'", dir);
		*code = DCATIT_EXIT_RUNTIME;
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		/* the bundled profiles' own vocabularies load with them */
		if (strstr(list[i] + strlen(dir), "/" DCATIT_BUNDLE_DIR "/"))
			continue;
		ok = dcatit_profile_parse(vocab, list[i], progress, code);
	}
	dcatit_datadir_list_free(list);
	return ok;
}

/* The bundled profiles of o, their vocabularies into o->bundle_data. */
static bool load_bundles(const char *dir, DcatitProfile *p, DcatitModel *shapes,
                         const DcatitProfileLoadOpts *o, int *code)
{
	DcatitDiag d;
	dcatit_diag_init(&d);
	for (size_t i = 0; i < o->nbundles; i++) {
		if (o->progress)
			dcatit_msg_progress("dcatit: reading profile %s", o->bundles[i]);
		DcatitBundle *b = dcatit_bundle_load(dcatit_model_terms(shapes), dir,
		                                     o->bundles[i], &d);
		if (!b || dcatit_profile_add_bundle(p, b) != DCATIT_OK) {
			if (b)
				dcatit_diag_set(&d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			*code = dcatit_msg_diag(&d);
			/* an unknown variant is the user's word, not a broken install */
			if (d.status == DCATIT_ERR_NOT_FOUND)
				*code = DCATIT_EXIT_USAGE;
			return false;
		}
	}
	if (o->nbundles && dcatit_profile_add_bundle_data(p, o->bundle_data, &d) != DCATIT_OK) {
		*code = dcatit_msg_diag(&d);
		return false;
	}
	return true;
}

void dcatit_profile_bundle_names(DcatitBuf *out)
{
	char dir[4096];
	size_t len = out->len;
	if (dcatit_datadir_find(dir, sizeof dir) == DCATIT_OK)
		dcatit_bundle_list(dir, out);
	if (out->len == len)
		dcatit_buf_adds(out, "none");
}

bool dcatit_profile_is_bundle(const char *name)
{
	char dir[4096];
	return dcatit_datadir_find(dir, sizeof dir) == DCATIT_OK &&
	       dcatit_bundle_exists(dir, name);
}

/* organizations.ttl of dir plus the --orgs files. */
static DcatitOrgs *load_orgs(const char *dir, DcatitTerms *terms,
                             const DcatitProfileLoadOpts *o, int *code)
{
	DcatitOrgs *orgs = dcatit_orgs_new(terms);
	if (!orgs) {
		*code = dcatit_msg_nomem();
		return NULL;
	}
	char path[4200];
	const char *cur = path;
	struct stat st;
	DcatitDiag d;
	dcatit_diag_init(&d);
	snprintf(path, sizeof path, "%s/organizations.ttl", dir);
	if (stat(path, &st) == 0 && st.st_size &&
	    dcatit_orgs_load_ttl(orgs, path, &d) != DCATIT_OK)
		goto fail;
	for (size_t i = 0; i < o->norgs_files; i++)
		if (dcatit_orgs_load_ttl(orgs, cur = o->orgs_files[i], &d) != DCATIT_OK)
			goto fail;
	return orgs;
fail:
	if (!d.file[0])
		snprintf(d.file, sizeof d.file, "%.500s", cur);
	*code = dcatit_msg_diag(&d);
	dcatit_orgs_free(orgs);
	return NULL;
}

bool dcatit_profile_load(DcatitProfile *p, DcatitModel *shapes,
                         const DcatitProfileLoadOpts *o, int *code)
{
	memset(p, 0, sizeof *p);
	p->shapes = shapes;
	char hint[200] = "";
	if (o->hint)
		/* TRANSLATORS: ends "(set DCATIT_DATADIR%s)"; %s is "use --no-validate" */
		snprintf(hint, sizeof hint, _(" or %s"), _(o->hint));
	char dir[4096];
	DcatitStatus dst = dcatit_datadir_find(dir, sizeof dir);
	if (dst == DCATIT_ERR_LIMIT) {
		dcatit_msg_error("cannot find the DCAT-AP_IT profile: the data "
		                 "directory path is longer than %zu bytes: '%.40s...'",
		                 sizeof dir - 1, dir);
		*code = DCATIT_EXIT_RUNTIME;
		return false;
	}
	if (dst != DCATIT_OK) {
		dcatit_msg_error("cannot find the DCAT-AP_IT profile: '%s' is not a "
		                 "directory (set DCATIT_DATADIR%s)", dir, hint);
		*code = DCATIT_EXIT_RUNTIME;
		return false;
	}
	if (o->nbundles && !load_bundles(dir, p, shapes, o, code))
		return false;
	if (o->bundles_only)
		return true;
	if (!load_shapes(dir, shapes, o, hint, code))
		return false;
	if (o->vocab && !load_vocab(dir, o->vocab, o->progress, code))
		return false;
	if (o->orgs)
		p->orgs = o->orgs;
	else if (!(p->orgs = load_orgs(dir, dcatit_model_terms(shapes), o, code)))
		return false;
	p->own_orgs = !o->orgs;
	p->checks = true;
	return true;
}

void dcatit_profile_load_release(DcatitProfile *p)
{
	dcatit_profile_release(p);
	if (p->own_orgs)
		dcatit_orgs_free(p->orgs);
	p->orgs = NULL;
	p->own_orgs = false;
}
