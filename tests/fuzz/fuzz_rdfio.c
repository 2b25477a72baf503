/* fuzz_rdfio.c: libFuzzer target for RDF parsing (rdfio over raptor) and
 * the writers that follow it (canonical N-Triples, Turtle). The first byte
 * picks the syntax, the rest is the document. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/canon.h"
#include "rdf/rdfio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const DcatitSyntax syntaxes[] = {
		DCATIT_SYNTAX_TURTLE, DCATIT_SYNTAX_RDFXML, DCATIT_SYNTAX_NTRIPLES,
		DCATIT_SYNTAX_NQUADS, DCATIT_SYNTAX_TRIG, DCATIT_SYNTAX_GUESS,
	};
	if (size < 1)
		return 0;
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.syntax = syntaxes[data[0] % (sizeof syntaxes / sizeof syntaxes[0])];
	po.name = "fuzz";
	po.base_uri = "http://example.org/";
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = t ? dcatit_model_new(t) : NULL;
	if (m) {
		DcatitDiag d;
		dcatit_diag_init(&d);
		DcatitStatus st = dcatit_rdfio_parse_mem(m, (const char *)data + 1,
		                                         size - 1, &po, &d);
		/* a failed parse keeps the triples before the error: write those */
		(void)st;
		DcatitBuf b;
		dcatit_buf_init(&b);
		dcatit_canon_write(m, &b);
		dcatit_buf_clear(&b);
		dcatit_rdfio_write_buf(m, &b, DCATIT_SYNTAX_TURTLE, NULL, &d);
		dcatit_buf_release(&b);
	}
	dcatit_model_free(m);
	dcatit_terms_free(t);
	return 0;
}
