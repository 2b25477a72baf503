/* profile.h: the DCAT-AP_IT profile as one value (its shapes graph and its
 * organisations registry) and the one way to validate data with it: the
 * SHACL engine, then the checks SHACL Core cannot express (checks.h), both
 * appending to the same result set, plus any bundled profiles (the EU
 * shapes of bundle.h), each with its own shapes graph. `validate`, `build`
 * and `harvest` use it; cli/profile_load.h fills it from the data
 * directory. */
#ifndef DCATIT_PROFILE_H
#define DCATIT_PROFILE_H

#include <stdbool.h>

#include "base/status.h"
#include "profile/bundle.h"
#include "profile/orgs.h"
#include "rdf/model.h"
#include "shacl/engine.h"
#include "shacl/result.h"

typedef struct {
	DcatitModel *shapes; /* the shapes graph (not owned) */
	DcatitOrgs *orgs;    /* the organisations registry of the checks (not
	                      * owned); NULL: empty */
	bool checks;         /* also run the checks of checks.h */
	bool own_orgs;       /* orgs was made by its loader, which frees it */
	DcatitBundle **bundles; /* bundled profiles (owned; dcatit_profile_release) */
	size_t nbundles;
	DcatitShaclStats *stats; /* non-NULL: what the shapes selected, filled
	                          * by dcatit_profile_validate */
} DcatitProfile;

/* Add a bundled profile; p owns it from now on, even on failure. */
DcatitStatus dcatit_profile_add_bundle(DcatitProfile *p, DcatitBundle *b);
/* Parse the controlled vocabularies of every bundle into data, each file
 * once. */
DcatitStatus dcatit_profile_add_bundle_data(const DcatitProfile *p, DcatitModel *data,
                                            DcatitDiag *d);
/* Copy the shapes of every bundle into out, for reports (shape messages and
 * paths); validation keeps them apart. */
DcatitStatus dcatit_profile_merge_shapes(const DcatitProfile *p, DcatitModel *out);
/* Free the bundles (not shapes or orgs, which the loader owns). */
void dcatit_profile_release(DcatitProfile *p);

/* Validate data (which shares the term store of p->shapes) with the shapes
 * of p, the profile checks when p->checks, and each bundle; results are
 * appended to out, unsorted. On failure d says why (an ill-formed shapes graph, out of
 * memory). */
DcatitStatus dcatit_profile_validate(const DcatitProfile *p, DcatitModel *data,
                                     DcatitResults *out, DcatitDiag *d);

#endif
