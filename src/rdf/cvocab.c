/* cvocab.c: interning of the IRIs listed in cvocab.h. */
#include "rdf/cvocab.h"

DcatitStatus dcatit_cvocab_init(DcatitCatVocab *v, DcatitTerms *t)
{
#define DCATIT_CVOCAB_INTERN(f, iri) \
	if (!(v->f = dcatit_terms_iri_z(t, iri))) \
		return DCATIT_ERR_NOMEM;
	DCATIT_CVOCAB_LIST(DCATIT_CVOCAB_INTERN)
#undef DCATIT_CVOCAB_INTERN
	return DCATIT_OK;
}
