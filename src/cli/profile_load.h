/* profile_load.h: load the DCAT-AP_IT profile of the data directory once
 * for `validate`, `build` and `harvest`: the shapes of DATADIR/shapes, the
 * controlled vocabularies (optional), organizations.ttl and the user's
 * --orgs files, and the bundled profiles asked for (DATADIR/profiles,
 * profile/bundle.h). Errors are printed (cli/msg.h). */
#ifndef DCATIT_PROFILE_LOAD_H
#define DCATIT_PROFILE_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "profile/profile.h"

typedef struct {
	bool strict;                  /* also the "strict" shapes files */
	const char *const *orgs_files;/* more organisations (--orgs) */
	size_t norgs_files;
	DcatitModel *vocab;           /* non-NULL: load the vocabularies (every
	                               * .ttl of DATADIR outside shapes/) here */
	DcatitOrgs *orgs;             /* non-NULL: the registry to check with
	                               * (not owned; orgs_files are ignored),
	                               * instead of organizations.ttl */
	bool progress;                /* progress lines while reading */
	const char *hint;             /* ends "set DCATIT_DATADIR or HINT" in
	                               * the errors (marked N_(), translated
	                               * there); NULL: "set DCATIT_DATADIR" */
	const char *const *bundles;   /* bundled profiles ("hvd",
	                               * "dcat-ap-3.0.1:base"), validated too */
	size_t nbundles;
	DcatitModel *bundle_data;     /* where their vocabularies go: the data
	                               * graph; required with bundles */
	bool bundles_only;            /* only the bundles: no DCAT-AP_IT shapes,
	                               * organisations or checks */
} DcatitProfileLoadOpts;

/* Load the profile shapes into shapes (which may already hold other
 * shapes) and, unless o->orgs, a new organisations registry on its term
 * store into p->orgs (free with dcatit_profile_load_release); p->checks is
 * set. False
 * after printing the error, with the exit code in *code. */
bool dcatit_profile_load(DcatitProfile *p, DcatitModel *shapes,
                         const DcatitProfileLoadOpts *o, int *code);
/* Is name a bundled profile of the data directory (with or without
 * ":VARIANT")? False too when there is no data directory. */
bool dcatit_profile_is_bundle(const char *name);
/* Append the names of the bundled profiles of the data directory,
 * ", "-separated ("none" when there are none). */
void dcatit_profile_bundle_names(DcatitBuf *out);
/* Free what dcatit_profile_load allocated (not the shapes graph). */
void dcatit_profile_load_release(DcatitProfile *p);

/* Parse one RDF file into m ('-' is standard input); prints the error and
 * returns false, with the exit code in *code, on failure. */
bool dcatit_profile_parse(DcatitModel *m, const char *path, bool progress,
                          int *code);

#endif
