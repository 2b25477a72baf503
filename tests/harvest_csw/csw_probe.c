/* csw_probe.c: test driver for src/harvest/src_csw: harvest a CSW endpoint
 * (dcatit_csw_harvest) or map one ISO 19139 / CSW file (dcatit_iso_read) and print each record as "# record ID" followed
 * by its canonical N-Triples, then a "# pages ..." summary. Errors go to
 * stderr as "error: STATUS FILE:LINE: MESSAGE", exit 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "harvest/src_csw.h"
#include "iso/iso.h"
#include "net/http.h"
#include "rdf/canon.h"

static DcatitStatus print_record(void *ud, const char *id, DcatitModel *m,
                                 DcatitDiag *d)
{
	(void)ud;
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitStatus st = dcatit_canon_write(m, &b);
	if (st != DCATIT_OK || b.oom) {
		dcatit_buf_release(&b);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	printf("# record %s\n", id);
	fwrite(b.data ? b.data : "", 1, b.len, stdout);
	dcatit_buf_release(&b);
	return DCATIT_OK;
}

static int fail(const DcatitDiag *d)
{
	fprintf(stderr, "error: %s %s:%lu: %s\n", dcatit_strerror(d->status), d->file,
	        d->line, d->message);
	return 1;
}

int main(int argc, char **argv)
{
	DcatitCswSource src;
	memset(&src, 0, sizeof src);
	const char *file = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--get") == 0)
			src.use_get = true;
		else if (strcmp(a, "--file") == 0 && v)
			file = argv[++i];
		else if (strcmp(a, "--page") == 0 && v)
			src.page_size = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (strcmp(a, "--max-pages") == 0 && v)
			src.max_pages = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (strcmp(a, "--max-records") == 0 && v)
			src.max_records = strtoul(argv[++i], NULL, 10);
		else if (strcmp(a, "--cql") == 0 && v)
			src.constraint = argv[++i];
		else if (strcmp(a, "--base") == 0 && v)
			src.base_iri = argv[++i];
		else if (strcmp(a, "--holder") == 0 && v)
			src.default_rights_holder = argv[++i];
		else if (strcmp(a, "--publisher") == 0 && v)
			src.default_publisher = argv[++i];
		else if (a[0] != '-' && !src.url)
			src.url = a;
		else {
			fprintf(stderr, "usage: csw_probe (URL | --file F) [--get] [--page N] "
			                "[--max-pages N] [--max-records N] [--cql TEXT] "
			                "[--base IRI] [--holder IPA] [--publisher IPA]\n");
			return 2;
		}
	}
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitTerms *terms = dcatit_terms_new();
	if (!terms)
		return 3;
	src.terms = terms;
	int code = 0;
	if (file) {
		FILE *f = fopen(file, "rb");
		DcatitBuf b;
		dcatit_buf_init(&b);
		char chunk[65536];
		size_t n;
		while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
			dcatit_buf_add(&b, chunk, n);
		if (f)
			fclose(f);
		DcatitIsoOpts io = { .base_iri = src.base_iri,
		                     .default_publisher = src.default_publisher,
		                     .default_rights_holder = src.default_rights_holder,
		                     .terms = src.terms };
		DcatitStatus st = dcatit_iso_read(b.data ? b.data : "", b.len, file, &io, NULL,
		                                  print_record, NULL, &d);
		dcatit_buf_release(&b);
		if (st != DCATIT_OK)
			code = fail(&d);
	} else {
		DcatitHttpOpts ho;
		memset(&ho, 0, sizeof ho);
		ho.max_retries = 1;
		ho.backoff_base_ms = 10;
		ho.timeout_ms = 20000;
		ho.max_body = 8u << 20;
		DcatitHttp *h = dcatit_http_new(&ho, &d);
		if (!h) {
			dcatit_terms_free(terms);
			return fail(&d);
		}
		DcatitCswStats stats;
		DcatitStatus st = dcatit_csw_harvest(h, &src, print_record, NULL, &stats, &d);
		printf("# pages %u matched %lu records %lu skipped %lu\n", stats.pages,
		       stats.matched, stats.records, stats.skipped);
		if (st != DCATIT_OK)
			code = fail(&d);
		dcatit_http_free(h);
	}
	dcatit_terms_free(terms);
	if (fflush(stdout) != 0)
		return 3;
	return code;
}
