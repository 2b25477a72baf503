/* dist.c: how the resource is reached and under which terms: use and
 * access constraints as licence and access rights, online resources as
 * distributions, OGC services and pages, and a service record's own
 * operations and coupled datasets. */
#include "iso/internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "iso/codes.h"

/* The licence node, made on first use so that a record without
 * distributions leaves no dangling licence document. */
static DcatitTermId licence(IsoMap *x)
{
	if (x->lic || (!x->lic_code && !x->lic_href && !x->nlic_text))
		return x->lic;
	if (x->lic_code || x->lic_href) {
		x->lic = x->lic_code ? iso_iri2(x, DCATIT_NS_LICENCES, x->lic_code) : iso_iri(x, x->lic_href);
		const IsoNode *at = x->lic_code ? x->lic_at : x->lic_href_at;
		iso_type2(x, x->lic, x->v.dct_LicenseDocument, x->v.dcatapit_LicenseDocument, at);
		/* the texts that came with an IRI licence describe it */
		for (size_t i = 0; !x->lic_code && i < x->nlic_text; i++)
			iso_add(x, x->lic, x->v.rdfs_label, iso_lit(x, x->lic_text[i], x->tag),
			        x->lic_text_at[i]);
		return x->lic;
	}
	x->lic = iso_bnode(x);
	iso_type2(x, x->lic, x->v.dct_LicenseDocument, x->v.dcatapit_LicenseDocument,
	          x->lic_text_at[0]);
	for (size_t i = 0; i < x->nlic_text; i++)
		iso_add(x, x->lic, x->v.rdfs_label, iso_lit(x, x->lic_text[i], x->tag),
		        x->lic_text_at[i]);
	return x->lic;
}

void iso_map_constraints(IsoMap *x, const IsoNode *ident)
{
	DcatitTermId rights = 0;
	ISO_FOR_KIDS(rc, ident, "resourceConstraints") {
		const IsoNode *c = iso_xml_first(rc);
		if (!c)
			continue;
		bool legal = iso_xml_is(c, "MD_LegalConstraints");
		bool use = legal && iso_xml_kid(c, "useConstraints");
		bool access = legal && iso_xml_kid(c, "accessConstraints") && !use;
		/* use limitations and use-constraint texts are licence terms,
		 * access-constraint texts are access rights */
		const char *names[2] = { "useLimitation", "otherConstraints" };
		for (int i = 0; i < 2; i++)
			ISO_FOR_KIDS(t, c, names[i]) {
				const char *s = iso_prop(x, t, ISO_WS_COLLAPSE);
				const char *h = iso_href(x, t);
				if (i == 1 && access) {
					if (h && iso_icontains(h, "LimitationsOnPublicAccess/") && iso_iri_ok(h)) {
						DcatitTermId r = iso_iri(x, h);
						if (!rights) {
							rights = r;
							iso_add(x, x->res, x->v.dct_accessRights, r, t);
							iso_add(x, r, x->v.rdf_type, x->v.dct_RightsStatement, t);
						}
						/* the code list IRI says it; its anchor text is
						 * often English whatever the record's language */
						continue;
					}
					if (!s)
						continue;
					if (!rights) {
						rights = iso_bnode(x);
						iso_add(x, x->res, x->v.dct_accessRights, rights, t);
						iso_add(x, rights, x->v.rdf_type, x->v.dct_RightsStatement, t);
					}
					iso_add(x, rights, x->v.rdfs_label, iso_lit(x, s, x->tag), t);
					continue;
				}
				if (i == 1 && legal && !use)
					continue;
				const char *k = iso_find_licence(h);
				if (!k)
					k = iso_find_licence(s);
				if (k && !x->lic_code) {
					x->lic_code = k;
					x->lic_at = t;
				}
				/* an unknown licence given by IRI: an Anchor, or a text
				 * that is nothing but a URL */
				const char *u = h ? h : s;
				if (!k && u && !x->lic_href && iso_iri_ok(u) &&
				    (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0)) {
					x->lic_href = u;
					x->lic_href_at = t;
					if (u == s)
						continue;
				}
				if (!s || k)
					continue;
				if (x->nlic_text < sizeof x->lic_text / sizeof *x->lic_text) {
					x->lic_text[x->nlic_text] = s;
					x->lic_text_at[x->nlic_text++] = t;
				}
			}
	}
	/* a service carries its licence itself (DCAT-AP 2 dcat:DataService) */
	if (x->service && licence(x))
		iso_add(x, x->res, x->v.dct_license, x->lic, ident);
}

/* ---- distributions and services */

static DcatitTermId minted(IsoMap *x, const char *kind, unsigned n)
{
	if (dcatit_terms_is_bnode(x->t, x->res))
		return iso_bnode(x); /* no fileIdentifier, no IRIs to mint */
	char num[16];
	snprintf(num, sizeof num, "%u", n);
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, x->res_iri);
	dcatit_buf_adds(&b, kind);
	dcatit_buf_adds(&b, num);
	DcatitTermId id = b.oom ? 0 : dcatit_terms_iri(x->t, b.data, b.len);
	dcatit_buf_release(&b);
	return id;
}

/* Is this query key one of the OGC GetCapabilities parameters (OGC
 * 06-121r9 7.2), which make a request of a URL rather than name the
 * service? Vendor parameters (MapServer's map=) stay in the endpoint. */
static bool ogc_key(const char *k, size_t n)
{
	static const char *const keys[] = { "service", "request", "version",
	                                    "acceptversions", "sections",
	                                    "updatesequence", "acceptformats" };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (n == strlen(keys[i]) && strncasecmp(k, keys[i], n) == 0)
			return true;
	return false;
}

/* A service link: dcat:endpointURL is the service root (the URL without
 * its OGC request parameters), and a GetCapabilities request, which is what
 * records link to, is the dcat:endpointDescription. */
static void endpoint(IsoMap *x, DcatitTermId svc, const char *url, const IsoNode *at)
{
	const char *q = strchr(url, '?');
	if (!q) {
		iso_add(x, svc, x->v.dcat_endpointURL, iso_iri(x, url), at);
		return;
	}
	DcatitBuf root;
	dcatit_buf_init(&root);
	dcatit_buf_add(&root, url, (size_t)(q - url));
	bool caps = false, first = true;
	for (const char *k = q + 1; *k;) {
		size_t n = strcspn(k, "&#");
		size_t kn = strcspn(k, "=&#");
		if (kn > n)
			kn = n;
		if (ogc_key(k, kn)) {
			const char *v = k + kn + (k[kn] == '=');
			if (kn == 7 && strncasecmp(k, "request", 7) == 0 &&
			    (size_t)(k + n - v) == 15 && strncasecmp(v, "GetCapabilities", 15) == 0)
				caps = true;
		} else if (n) {
			dcatit_buf_addc(&root, first ? '?' : '&');
			dcatit_buf_add(&root, k, n);
			first = false;
		}
		k += n;
		if (*k == '#')
			break;
		if (*k == '&')
			k++;
	}
	if (root.oom)
		x->oom = true;
	else
		iso_add(x, svc, x->v.dcat_endpointURL,
		        dcatit_terms_iri(x->t, root.data, root.len), at);
	dcatit_buf_release(&root);
	if (caps)
		iso_add(x, svc, x->v.dcat_endpointDescription, iso_iri(x, url), at);
}

static void service_node(IsoMap *x, DcatitTermId dist, const IsoOgc *ogc,
                         const char *url, const char *name, const IsoNode *at)
{
	DcatitTermId svc = minted(x, "/service/", ++x->nsvc);
	iso_add(x, dist, x->v.dcat_accessService, svc, at);
	iso_add(x, svc, x->v.rdf_type, x->v.dcat_DataService, at);
	endpoint(x, svc, url, at);
	iso_add(x, svc, x->v.dct_conformsTo, iso_iri(x, ogc->standard), at);
	iso_add(x, svc, x->v.dcat_servesDataset, x->res, at);
	if (name)
		iso_add(x, svc, x->v.dct_title, iso_lit(x, name, x->tag), at);
}

static void online(IsoMap *x, const IsoNode *or_)
{
	const char *url = iso_prop(x, iso_xml_kid(or_, "linkage"), ISO_WS_REMOVE);
	if (!url || !iso_iri_ok(url))
		return;
	const char *protocol = iso_prop(x, iso_xml_kid(or_, "protocol"), ISO_WS_COLLAPSE);
	const char *name = iso_prop(x, iso_xml_kid(or_, "name"), ISO_WS_COLLAPSE);
	const char *desc = iso_prop(x, iso_xml_kid(or_, "description"), ISO_WS_TRIM);
	const char *fn = iso_code(x, iso_xml_kid(or_, "function"));
	const IsoOgc *ogc = iso_find_ogc(protocol, url);
	DcatitTermId u = iso_iri(x, url);
	if (x->service) {
		/* a service record: its links are endpoints or pages */
		if (fn && (strcmp(fn, "information") == 0 || strcmp(fn, "search") == 0))
			iso_add(x, x->res, x->v.foaf_page, u, or_);
		else
			endpoint(x, x->res, url, or_);
		if (ogc)
			iso_add(x, x->res, x->v.dct_conformsTo, iso_iri(x, ogc->standard), or_);
		return;
	}
	if (!ogc && fn && (strcmp(fn, "information") == 0 || strcmp(fn, "search") == 0)) {
		iso_add(x, x->res, x->v.foaf_page, u, or_);
		return;
	}
	bool download = !ogc && ((fn && strcmp(fn, "download") == 0) ||
	                         iso_icontains(protocol, "WWW:DOWNLOAD") ||
	                         iso_icontains(protocol, "download"));
	DcatitTermId d = minted(x, "/distribution/", ++x->ndist);
	iso_add(x, x->res, x->v.dcat_distribution, d, or_);
	iso_type2(x, d, x->v.dcat_Distribution, x->v.dcatapit_Distribution, or_);
	iso_add(x, d, x->v.dcat_accessURL, u, or_);
	if (download)
		iso_add(x, d, x->v.dcat_downloadURL, u, or_);
	if (name)
		iso_add(x, d, x->v.dct_title, iso_lit(x, name, x->tag), or_);
	if (desc)
		iso_add(x, d, x->v.dct_description, iso_lit(x, desc, x->tag), or_);
	const char *ft = ogc ? ogc->filetype : download ? x->format : NULL;
	if (ft)
		iso_add(x, d, x->v.dct_format, iso_iri2(x, DCATIT_NS_EU_AUTH "file-type/", ft), or_);
	if (licence(x))
		iso_add(x, d, x->v.dct_license, x->lic, or_);
	if (ogc)
		service_node(x, d, ogc, url, name, or_);
}

void iso_map_distributions(IsoMap *x, const IsoNode *md)
{
	const IsoNode *dist = iso_xml_path(md, "distributionInfo/MD_Distribution");
	/* the file type applies to the downloads, and only when it is unique */
	const char *fmt = NULL;
	bool many = false;
	ISO_FOR_KIDS(df, dist, "distributionFormat") {
		const char *f = iso_find_format(iso_prop(x, iso_xml_path(df, "MD_Format/name"), ISO_WS_COLLAPSE));
		if (f && fmt && strcmp(f, fmt) != 0)
			many = true;
		if (f && !fmt)
			fmt = f;
	}
	x->format = many ? NULL : fmt;
	ISO_FOR_KIDS(to, dist, "transferOptions")
		ISO_FOR_KIDS(ol, iso_xml_kid(to, "MD_DigitalTransferOptions"), "onLine") {
			const IsoNode *or_ = iso_xml_kid(ol, "CI_OnlineResource");
			if (or_)
				online(x, or_);
		}
	/* RNDT and INSPIRE put transfer options under the distributor too */
	ISO_FOR_KIDS(dr, dist, "distributor")
		ISO_FOR_KIDS(to, iso_xml_kid(dr, "MD_Distributor"), "distributorTransferOptions")
			ISO_FOR_KIDS(ol, iso_xml_kid(to, "MD_DigitalTransferOptions"), "onLine") {
				const IsoNode *or_ = iso_xml_kid(ol, "CI_OnlineResource");
				if (or_)
					online(x, or_);
			}
}

void iso_map_service(IsoMap *x, const IsoNode *ident)
{
	const char *st = iso_prop(x, iso_xml_kid(ident, "serviceType"), ISO_WS_COLLAPSE);
	const IsoOgc *ogc = iso_find_ogc(st, NULL);
	if (ogc)
		iso_add(x, x->res, x->v.dct_conformsTo, iso_iri(x, ogc->standard), ident);
	ISO_FOR_KIDS(co, ident, "containsOperations") {
		const IsoNode *om = iso_xml_kid(co, "SV_OperationMetadata");
		ISO_FOR_KIDS(cp, om, "connectPoint") {
			const char *u = iso_prop(x, iso_xml_path(cp, "CI_OnlineResource/linkage"), ISO_WS_REMOVE);
			if (!u || !iso_iri_ok(u))
				continue;
			endpoint(x, x->res, u, cp);
			const IsoOgc *o = iso_find_ogc(NULL, u);
			if (o)
				iso_add(x, x->res, x->v.dct_conformsTo, iso_iri(x, o->standard), cp);
		}
	}
	ISO_FOR_KIDS(op, ident, "operatesOn") {
		const char *uuid = iso_attr(x, op, "uuidref", NULL, ISO_WS_REMOVE);
		const char *h = iso_attr(x, op, "href", ISO_NS_XLINK, ISO_WS_REMOVE);
		if (uuid && (strncmp(uuid, "http://", 7) == 0 ||
		             strncmp(uuid, "https://", 8) == 0) && iso_iri_ok(uuid)) {
			iso_add(x, x->res, x->v.dcat_servesDataset, iso_iri(x, uuid), op);
		} else if (uuid) {
			DcatitBuf b;
			dcatit_buf_init(&b);
			dcatit_buf_adds(&b, x->o->base_iri ? x->o->base_iri : "urn:dcatit:csw:");
			iso_pct(&b, uuid);
			if (!b.oom)
				iso_add(x, x->res, x->v.dcat_servesDataset,
				        dcatit_terms_iri(x->t, b.data, b.len), op);
			dcatit_buf_release(&b);
		} else if (h && (strncmp(h, "http://", 7) == 0 ||
		                 strncmp(h, "https://", 8) == 0) && iso_iri_ok(h)) {
			iso_add(x, x->res, x->v.dcat_servesDataset, iso_iri(x, h), op);
		}
	}
}
