/* fuzz_shapes.c: libFuzzer target for the SHACL path: a Turtle document is
 * parsed, compiled as a shapes graph, used to validate itself, and the
 * results are written in every report format. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/rdfio.h"
#include "shacl/engine.h"
#include "shacl/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Larger inputs only slow the fuzzer down without new paths. */
#define MAX_INPUT (64 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > MAX_INPUT)
		return 0;
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.syntax = DCATIT_SYNTAX_TURTLE;
	po.name = "fuzz.ttl";
	po.base_uri = "http://example.org/";
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = t ? dcatit_model_new(t) : NULL;
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (m && dcatit_rdfio_parse_mem(m, (const char *)data, size, &po, &d) == DCATIT_OK) {
		DcatitShapes *s = dcatit_shapes_compile(m, &d);
		if (s) {
			DcatitResults r;
			dcatit_results_init(&r);
			if (dcatit_shacl_validate(s, m, &r, &d) == DCATIT_OK) {
				dcatit_results_sort(&r, m);
				const char *files[] = { "fuzz.ttl" };
				DcatitReportInput in;
				memset(&in, 0, sizeof in);
				in.data = m;
				in.shapes = m;
				in.files = files;
				in.nfiles = 1;
				static const DcatitReportFormat fmts[] = {
					DCATIT_REPORT_TEXT, DCATIT_REPORT_JSON, DCATIT_REPORT_JUNIT,
					DCATIT_REPORT_TTL, DCATIT_REPORT_GITHUB,
				};
				for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
					DcatitBuf b;
					dcatit_buf_init(&b);
					dcatit_report_write(&r, &in, fmts[i], &b);
					dcatit_buf_release(&b);
				}
			}
			dcatit_results_release(&r);
			dcatit_shapes_free(s);
		}
	}
	dcatit_model_free(m);
	dcatit_terms_free(t);
	return 0;
}
