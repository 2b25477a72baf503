/* http_probe.c: one request through DcatitHttp, for test_http.py:
 *   http_probe URL MAX_BODY RETRIES [--home URL] [--follow HOST]...
 *              [--home-kind public|loopback|...] [--resolve HOST:PORT:ADDR]
 * prints "status=N bytes=N attempts=N st=NAME" and the error, if any. With
 * --home the client gets a policy (net/http.h) with that home. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/http.h"

static void done(void *ud, const DcatitHttpResponse *r)
{
	(void)ud;
	printf("status=%ld bytes=%zu attempts=%u st=%d error=%s\n", r->status, r->body_len,
	       r->attempts, (int)r->st, r->error ? r->error : "");
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fputs("usage: http_probe URL MAX_BODY RETRIES [options]\n", stderr);
		return 2;
	}
	DcatitHttpOpts o = { .max_body = strtoul(argv[2], NULL, 10),
	                     .max_retries = (unsigned)strtoul(argv[3], NULL, 10),
	                     .backoff_base_ms = 50 };
	DcatitHttpPolicy pol = { 0 };
	const char *follow[8], *resolve[8];
	size_t nf = 0, nr = 0;
	bool policy = false;
	for (int i = 4; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--home") == 0) {
			pol.home = argv[i + 1];
			policy = true;
		} else if (strcmp(argv[i], "--follow") == 0 && nf < 8) {
			follow[nf++] = argv[i + 1];
		} else if (strcmp(argv[i], "--resolve") == 0 && nr < 7) {
			resolve[nr++] = argv[i + 1];
		} else if (strcmp(argv[i], "--home-kind") == 0) {
			for (int k = DCATIT_ADDR_PUBLIC; k <= DCATIT_ADDR_SPECIAL; k++)
				if (strcmp(argv[i + 1], dcatit_http_addr_kind_name((DcatitAddrKind)k)) == 0)
					pol.home_kind = (DcatitAddrKind)k;
		} else {
			fprintf(stderr, "http_probe: unknown option '%s'\n", argv[i]);
			return 2;
		}
	}
	resolve[nr] = NULL;
	pol.follow_hosts = follow;
	pol.nfollow_hosts = nf;
	if (policy)
		o.policy = &pol;
	if (nr)
		o.resolve = resolve;
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
