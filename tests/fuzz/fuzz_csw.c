/* fuzz_csw.c: libFuzzer target for the ISO 19139 / CSW reader and mapping
 * (src/iso): every record that maps must give a model whose
 * canonical N-Triples can be written. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/buf.h"
#include "iso/iso.h"
#include "rdf/canon.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static DcatitStatus record(void *ud, const char *id, DcatitModel *m, DcatitDiag *d)
{
	(void)ud;
	(void)d;
	if (!id || !*id)
		abort(); /* every record has an id */
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitStatus st = dcatit_canon_write(m, &b);
	dcatit_buf_release(&b);
	return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	DcatitTerms *t = dcatit_terms_new();
	if (!t)
		return 0;
	DcatitIsoOpts o = { .base_iri = "https://example.org/csw/",
	                    .default_rights_holder = "r_toscan", .terms = t };
	DcatitDiag d;
	dcatit_diag_init(&d);
	(void)dcatit_iso_read((const char *)data, size, "fuzz", &o, NULL, record, NULL, &d);
	dcatit_terms_free(t);
	return 0;
}
