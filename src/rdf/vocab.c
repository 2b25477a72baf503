/* vocab.c: interning of the IRIs listed in vocab.h. */
#include "rdf/vocab.h"

DcatitStatus dcatit_vocab_init(DcatitVocab *v, DcatitTerms *t)
{
#define DCATIT_VOCAB_INTERN(f, iri) \
	if (!(v->f = dcatit_terms_iri_z(t, iri))) \
		return DCATIT_ERR_NOMEM;
	DCATIT_VOCAB_LIST(DCATIT_VOCAB_INTERN)
#undef DCATIT_VOCAB_INTERN
	return DCATIT_OK;
}
