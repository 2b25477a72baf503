/* http_probe.c: one request through DcatitHttp, for test_http.py:
 *   http_probe URL MAX_BODY RETRIES
 * prints "status=N bytes=N attempts=N st=NAME" and the error, if any. */
#include <stdio.h>
#include <stdlib.h>

#include "net/http.h"

static void done(void *ud, const DcatitHttpResponse *r)
{
	(void)ud;
	printf("status=%ld bytes=%zu attempts=%u st=%d error=%s\n", r->status, r->body_len,
	       r->attempts, (int)r->st, r->error ? r->error : "");
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: http_probe URL MAX_BODY RETRIES\n", stderr);
		return 2;
	}
	DcatitHttpOpts o = { .max_body = strtoul(argv[2], NULL, 10),
	                     .max_retries = (unsigned)strtoul(argv[3], NULL, 10),
	                     .backoff_base_ms = 50 };
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitHttp *h = dcatit_http_new(&o, &d);
	DcatitHttpRequest req = { .url = argv[1] };
	if (!h || dcatit_http_submit(h, &req, done, NULL, &d) != DCATIT_OK ||
	    dcatit_http_run(h, &d) != DCATIT_OK) {
		printf("error: %s\n", d.message);
		dcatit_http_free(h);
		return 3;
	}
	dcatit_http_free(h);
	return 0;
}
