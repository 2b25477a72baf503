/* profile.c: validating data with the DCAT-AP_IT profile and the bundled
 * ones (profile.h). */
#include "profile/profile.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "profile/checks.h"
#include "rdf/rdfio.h"
#include "shacl/engine.h"

DcatitStatus dcatit_profile_add_bundle(DcatitProfile *p, DcatitBundle *b)
{
	size_t cap = p->nbundles;
	DcatitBundle **v = dcatit_grow(p->bundles, &cap, p->nbundles + 1, sizeof *v, 4);
	if (!v) {
		dcatit_bundle_free(b);
		return DCATIT_ERR_NOMEM;
	}
	p->bundles = v;
	v[p->nbundles++] = b;
	return DCATIT_OK;
}

DcatitStatus dcatit_profile_add_bundle_data(const DcatitProfile *p, DcatitModel *data,
                                            DcatitDiag *d)
{
	for (size_t i = 0; i < p->nbundles; i++) {
		for (size_t j = 0; j < dcatit_bundle_data_count(p->bundles[i]); j++) {
			const char *f = dcatit_bundle_data_file(p->bundles[i], j);
			bool seen = false;
			/* a few files per bundle: a linear look back is enough */
			for (size_t k = 0; k <= i && !seen; k++)
				for (size_t m = 0; m < dcatit_bundle_data_count(p->bundles[k]) &&
				                   (k < i || m < j) && !seen; m++)
					seen = strcmp(dcatit_bundle_data_file(p->bundles[k], m), f) == 0;
			if (seen)
				continue;
			DcatitParseOpts po;
			memset(&po, 0, sizeof po);
			DcatitStatus st = dcatit_rdfio_parse_file(data, f, &po, d);
			if (st != DCATIT_OK)
				return st;
		}
	}
	return DCATIT_OK;
}

DcatitStatus dcatit_profile_merge_shapes(const DcatitProfile *p, DcatitModel *out)
{
	for (size_t i = 0; i < p->nbundles; i++) {
		DcatitStatus st = dcatit_model_add_all(out, dcatit_bundle_shapes(p->bundles[i]));
		if (st != DCATIT_OK)
			return st;
	}
	return DCATIT_OK;
}

void dcatit_profile_release(DcatitProfile *p)
{
	for (size_t i = 0; i < p->nbundles; i++)
		dcatit_bundle_free(p->bundles[i]);
	free(p->bundles);
	p->bundles = NULL;
	p->nbundles = 0;
}

DcatitStatus dcatit_profile_validate(const DcatitProfile *p, DcatitModel *data,
                                     DcatitResults *out, DcatitDiag *d)
{
	DcatitShapes *compiled = dcatit_shapes_compile(p->shapes, d);
	if (!compiled)
		return d && d->status ? d->status : DCATIT_ERR_SHAPES;
	DcatitStatus st = dcatit_shacl_validate_counted(compiled, data, out, p->stats, d);
	dcatit_shapes_free(compiled);
	if (st == DCATIT_OK && p->checks && (st = dcatit_checks_run(data, p->orgs, out)) != DCATIT_OK)
		return dcatit_diag_set(d, st, NULL, 0, 0, "%s", dcatit_strerror(st));
	/* each bundle has its own shapes graph; what they select adds up */
	for (size_t i = 0; st == DCATIT_OK && i < p->nbundles; i++) {
		DcatitShaclStats bs;
		st = dcatit_bundle_validate(p->bundles[i], data, p->stats ? &bs : NULL, out, d);
		if (st == DCATIT_OK && p->stats) {
			p->stats->shapes += bs.shapes;
			p->stats->targeted += bs.targeted;
			p->stats->focus_nodes += bs.focus_nodes;
		}
	}
	return st;
}
