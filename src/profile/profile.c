/* profile.c: validating data with the DCAT-AP_IT profile (profile.h). */
#include "profile/profile.h"

#include "profile/checks.h"
#include "shacl/engine.h"

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
	return st;
}
