/* fuzz_jsonld.c: libFuzzer target for the JSON-LD reader (rdf/jsonld) and
 * what follows it in `dcatit convert`: canonical N-Triples and the JSON-LD
 * writer, whose output must read back without error. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/canon.h"
#include "rdf/jsonld_read.h"
#include "rdf/jsonld_write.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = t ? dcatit_model_new(t) : NULL;
	if (m) {
		DcatitJsonldOpts o = {.base_uri = "http://example.org/dir/doc", .name = "fuzz"};
		DcatitDiag d;
		dcatit_diag_init(&d);
		/* a failed parse keeps the triples before the error: write those */
		(void)dcatit_jsonld_parse(m, (const char *)data, size, &o, NULL, &d);
		DcatitBuf b;
		dcatit_buf_init(&b);
		dcatit_canon_write(m, &b);
		dcatit_buf_clear(&b);
		if (dcatit_jsonld_write(m, &b, &d) == DCATIT_OK) {
			DcatitModel *m2 = dcatit_model_new(t);
			if (m2 && dcatit_jsonld_parse(m2, b.data, b.len, &o, NULL, &d) != DCATIT_OK &&
			    d.status != DCATIT_ERR_NOMEM)
				abort(); /* our own output must read back */
			dcatit_model_free(m2);
		}
		dcatit_buf_release(&b);
	}
	dcatit_model_free(m);
	dcatit_terms_free(t);
	return 0;
}
