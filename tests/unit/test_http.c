/* test_http.c: the pure parts of net/http: the redirect and address policy
 * (no connection is made, so the addresses of cloud metadata services and
 * private networks can be named freely) and URL escaping. Transfers are
 * tested against local servers in tests/push, tests/ckan and tests/harvest. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "net/http.h"

START_TEST(addresses_get_their_kind)
{
	static const struct {
		const char *a;
		DcatitAddrKind k;
	} cases[] = {
		{ "93.184.216.34", DCATIT_ADDR_PUBLIC },
		{ "2606:2800:220:1:248:1893:25c8:1946", DCATIT_ADDR_PUBLIC },
		{ "127.0.0.1", DCATIT_ADDR_LOOPBACK },
		{ "127.254.3.1", DCATIT_ADDR_LOOPBACK },
		{ "0.0.0.0", DCATIT_ADDR_LOOPBACK },
		{ "::1", DCATIT_ADDR_LOOPBACK },
		{ "[::1]", DCATIT_ADDR_LOOPBACK },
		{ "::", DCATIT_ADDR_LOOPBACK },
		{ "localhost", DCATIT_ADDR_LOOPBACK },
		{ "LocalHost.", DCATIT_ADDR_LOOPBACK },
		{ "portal.localhost", DCATIT_ADDR_LOOPBACK },
		{ "169.254.169.254", DCATIT_ADDR_LINK_LOCAL },
		{ "fe80::1", DCATIT_ADDR_LINK_LOCAL },
		{ "10.1.2.3", DCATIT_ADDR_PRIVATE },
		{ "172.16.0.1", DCATIT_ADDR_PRIVATE },
		{ "172.31.255.255", DCATIT_ADDR_PRIVATE },
		{ "172.32.0.1", DCATIT_ADDR_PUBLIC },
		{ "192.168.1.1", DCATIT_ADDR_PRIVATE },
		{ "100.64.0.1", DCATIT_ADDR_PRIVATE },
		{ "fd00::1", DCATIT_ADDR_PRIVATE },
		{ "224.0.0.1", DCATIT_ADDR_SPECIAL },
		{ "255.255.255.255", DCATIT_ADDR_SPECIAL },
		{ "ff02::1", DCATIT_ADDR_SPECIAL },
		/* IPv4 hidden in IPv6 and in curl's numeric forms */
		{ "::ffff:127.0.0.1", DCATIT_ADDR_LOOPBACK },
		{ "::ffff:169.254.169.254", DCATIT_ADDR_LINK_LOCAL },
		{ "64:ff9b::a9fe:a9fe", DCATIT_ADDR_LINK_LOCAL },
		{ "2002:a9fe:a9fe::1", DCATIT_ADDR_LINK_LOCAL },
		{ "2130706433", DCATIT_ADDR_LOOPBACK },
		{ "0x7f.1", DCATIT_ADDR_LOOPBACK },
		{ "127.1", DCATIT_ADDR_LOOPBACK },
		{ "0xa9fea9fe", DCATIT_ADDR_LINK_LOCAL },
		{ "dati.toscana.it", DCATIT_ADDR_UNKNOWN },
		{ "deadbeef.example", DCATIT_ADDR_UNKNOWN },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(dcatit_http_addr_kind(cases[i].a) == cases[i].k, "%s: %s, not %s",
		              cases[i].a, dcatit_http_addr_kind_name(dcatit_http_addr_kind(cases[i].a)),
		              dcatit_http_addr_kind_name(cases[i].k));
}
END_TEST

START_TEST(redirects_stay_on_the_source_host_unless_listed)
{
	const char *follow[] = { "cdn.example.org", "mirror.example.org:8443" };
	DcatitHttpPolicy p = { .home = "http://dati.example.it/catalog.ttl",
	                       .follow_hosts = follow, .nfollow_hosts = 2 };
	char why[512];
	const char *from = "http://dati.example.it/catalog.ttl";
	ck_assert(dcatit_http_policy_allows_url(&p, from, "http://dati.example.it/p2.ttl", why,
	                                        sizeof why));
	ck_assert(dcatit_http_policy_allows_url(&p, from, "http://DATI.example.it./p2", why,
	                                        sizeof why));
	/* http -> https on the default ports is the usual upgrade */
	ck_assert(dcatit_http_policy_allows_url(&p, from, "https://dati.example.it/p2", why,
	                                        sizeof why));
	ck_assert(!dcatit_http_policy_allows_url(&p, from, "http://evil.example/p2", why,
	                                         sizeof why));
	ck_assert_msg(strstr(why, "another host") && strstr(why, "follow_hosts"), "%s", why);
	ck_assert(!dcatit_http_policy_allows_url(&p, from, "http://dati.example.it:8080/", why,
	                                         sizeof why));
	ck_assert(!dcatit_http_policy_allows_url(&p, from, "http://user@evil.example/", why,
	                                         sizeof why));
	ck_assert(!dcatit_http_policy_allows_url(&p, from, "http://dati.example.it@evil.example/",
	                                         why, sizeof why));
	ck_assert(dcatit_http_policy_allows_url(&p, from, "https://cdn.example.org:4443/x", why,
	                                        sizeof why));
	ck_assert(dcatit_http_policy_allows_url(&p, from, "https://mirror.example.org:8443/x", why,
	                                        sizeof why));
	ck_assert(!dcatit_http_policy_allows_url(&p, from, "https://mirror.example.org/x", why,
	                                         sizeof why));
	/* never from https down to http, never another scheme */
	ck_assert(!dcatit_http_policy_allows_url(&p, "https://dati.example.it/",
	                                         "http://dati.example.it/p2", why, sizeof why));
	ck_assert_msg(strstr(why, "plain http"), "%s", why);
	ck_assert(!dcatit_http_policy_allows_url(&p, from, "file:///etc/passwd", why, sizeof why));
	ck_assert(!dcatit_http_policy_allows_url(&p, from, "http://a%2eexample/", why, sizeof why));
	/* no policy: any http(s) URL */
	ck_assert(dcatit_http_policy_allows_url(NULL, from, "http://evil.example/", why,
	                                        sizeof why));
}
END_TEST

START_TEST(internal_addresses_are_refused_unless_the_source_is_one)
{
	char why[512];
	/* a public source redirected to the metadata service or loopback */
	DcatitHttpPolicy pub = { .home = "https://dati.example.it/" };
	const char *internal[] = { "http://169.254.169.254/latest/meta-data/",
	                           "http://127.0.0.1:8080/", "http://[::1]/", "http://10.0.0.5/",
	                           "http://2130706433/", "http://localhost/" };
	const char *follow_local[] = { "169.254.169.254" };
	DcatitHttpPolicy any = { .follow_hosts = follow_local, .nfollow_hosts = 1 };
	for (size_t i = 0; i < sizeof internal / sizeof internal[0]; i++) {
		ck_assert_msg(!dcatit_http_policy_allows_url(&pub, NULL, internal[i], why, sizeof why),
		              "%s", internal[i]);
		/* without a home (a link checker): the address rule alone */
		bool listed = i == 0;
		ck_assert_msg(dcatit_http_policy_allows_url(&any, NULL, internal[i], why, sizeof why) ==
		              listed, "%s", internal[i]);
	}
	ck_assert(dcatit_http_policy_allows_url(&any, NULL, "https://93.184.216.34/", why,
	                                        sizeof why));
	/* the address connected to: a public name that resolves inside */
	ck_assert(!dcatit_http_policy_allows_addr(&pub, "https://dati.example.it/x",
	                                          DCATIT_ADDR_PUBLIC, "169.254.169.254", why,
	                                          sizeof why));
	ck_assert_msg(strstr(why, "169.254.169.254") && strstr(why, "link-local"), "%s", why);
	ck_assert(!dcatit_http_policy_allows_addr(&pub, "https://dati.example.it/x",
	                                          DCATIT_ADDR_PUBLIC, "::ffff:127.0.0.1", why,
	                                          sizeof why));
	ck_assert(dcatit_http_policy_allows_addr(&pub, "https://dati.example.it/x",
	                                         DCATIT_ADDR_PUBLIC, "93.184.216.34", why,
	                                         sizeof why));
	/* a source on a private network may use it; a loopback one loopback */
	DcatitHttpPolicy intra = { .home = "http://geoserver.intra/csw" };
	ck_assert(dcatit_http_policy_allows_addr(&intra, "http://geoserver.intra/csw",
	                                         DCATIT_ADDR_PRIVATE, "10.1.1.9", why, sizeof why));
	ck_assert(!dcatit_http_policy_allows_addr(&intra, "http://geoserver.intra/csw",
	                                          DCATIT_ADDR_PRIVATE, "169.254.169.254", why,
	                                          sizeof why));
	DcatitHttpPolicy lo = { .home = "http://127.0.0.1:8000/" };
	ck_assert(dcatit_http_policy_allows_url(&lo, NULL, "http://127.0.0.1:8000/p", why,
	                                        sizeof why));
	/* a listed host may be anywhere */
	const char *meta[] = { "metadata.internal" };
	DcatitHttpPolicy listed = { .home = "https://dati.example.it/", .follow_hosts = meta,
	                            .nfollow_hosts = 1 };
	ck_assert(dcatit_http_policy_allows_addr(&listed, "http://metadata.internal/",
	                                         DCATIT_ADDR_PUBLIC, "169.254.169.254", why,
	                                         sizeof why));
}
END_TEST

START_TEST(loopback_urls_are_recognised_for_the_token_rule)
{
	ck_assert(dcatit_http_url_is_loopback("http://127.0.0.1:5000/"));
	ck_assert(dcatit_http_url_is_loopback("http://localhost/"));
	ck_assert(dcatit_http_url_is_loopback("http://[::1]:80/ckan"));
	ck_assert(!dcatit_http_url_is_loopback("http://dati.toscana.it/"));
	ck_assert(!dcatit_http_url_is_loopback("http://127.0.0.1.evil.example/"));
	ck_assert(!dcatit_http_url_is_loopback("http://localhost@evil.example/"));
	ck_assert(!dcatit_http_url_is_loopback("http://10.0.0.1/"));
}
END_TEST

START_TEST(escape_keeps_only_unreserved_characters)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_http_escape(&b, "AZaz09-._~ /?&=+:é");
	ck_assert(!b.oom);
	ck_assert_str_eq(b.data, "AZaz09-._~%20%2F%3F%26%3D%2B%3A%C3%A9");
	dcatit_buf_clear(&b);
	dcatit_http_escape(&b, "");
	ck_assert(!b.oom);
	ck_assert_uint_eq(b.len, 0);
	dcatit_buf_release(&b);
}
END_TEST

START_TEST(only_http_and_https_urls_are_allowed)
{
	ck_assert(dcatit_http_url_is_allowed("https://dati.example.it/"));
	ck_assert(dcatit_http_url_is_allowed("HTTP://127.0.0.1:8080/x"));
	ck_assert(!dcatit_http_url_is_allowed("file:///etc/passwd"));
	ck_assert(!dcatit_http_url_is_allowed("ftp://example.org/"));
	ck_assert(!dcatit_http_url_is_allowed(NULL));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("http");
	TCase *tc = tcase_create("policy");
	tcase_add_test(tc, addresses_get_their_kind);
	tcase_add_test(tc, redirects_stay_on_the_source_host_unless_listed);
	tcase_add_test(tc, internal_addresses_are_refused_unless_the_source_is_one);
	tcase_add_test(tc, loopback_urls_are_recognised_for_the_token_rule);
	tcase_add_test(tc, escape_keeps_only_unreserved_characters);
	tcase_add_test(tc, only_http_and_https_urls_are_allowed);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
