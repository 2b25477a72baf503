/* dist.c: how the resource is reached and under which terms: use and
 * access constraints as licence and access rights, online resources as
 * distributions, OGC services and pages, and a service record's own
 * operations and coupled datasets. */
#include "iso/internal.h"

#include <ctype.h>
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
		x->lic = x->lic_code ? iso_iri2(x, DCATIT_NS_LICENCES, x->lic_code)
		                     : iso_iri(x, x->lic_href);
		const IsoNode *at = x->lic_code ? x->lic_at : x->lic_href_at;
		iso_type2(x, x->lic, x->v.dct_LicenseDocument, x->v.dcatapit_LicenseDocument, at);
		/* the texts that came with an IRI licence describe it */
		for (size_t i = 0; !x->lic_code && i < x->nlic_text; i++)
			iso_add_text(x, x->lic, x->v.rdfs_label, x->lic_text[i], ISO_WS_COLLAPSE);
		return x->lic;
	}
	x->lic = iso_bnode(x);
	iso_type2(x, x->lic, x->v.dct_LicenseDocument, x->v.dcatapit_LicenseDocument,
	          x->lic_text[0]);
	for (size_t i = 0; i < x->nlic_text; i++)
		iso_add_text(x, x->lic, x->v.rdfs_label, x->lic_text[i], ISO_WS_COLLAPSE);
	return x->lic;
}

/* The access rights: a LimitationsOnPublicAccess IRI, else a statement
 * with the texts. One for the dataset (DCAT-AP_IT: at most one), the same
 * on each distribution (GeoDCAT-AP). */
static void access_rights(IsoMap *x, const IsoNode *t, const char *s, const char *h)
{
	if (iso_icontains(h, "LimitationsOnPublicAccess/") && iso_iri_ok(h)) {
		if (!x->rights) {
			x->rights = iso_iri(x, h);
			iso_add(x, x->res, x->v.dct_accessRights, x->rights, t);
			iso_add(x, x->rights, x->v.rdf_type, x->v.dct_RightsStatement, t);
		}
		/* the code list IRI says it; its anchor text is often English
		 * whatever the record's language */
		return;
	}
	if (!s)
		return;
	if (!x->rights) {
		x->rights = iso_bnode(x);
		iso_add(x, x->res, x->v.dct_accessRights, x->rights, t);
		iso_add(x, x->rights, x->v.rdf_type, x->v.dct_RightsStatement, t);
	}
	if (dcatit_terms_is_bnode(x->t, x->rights))
		iso_add_text(x, x->rights, x->v.rdfs_label, t, ISO_WS_COLLAPSE);
}

void iso_map_constraints(IsoMap *x, const IsoNode *ident)
{
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
					access_rights(x, t, s, h);
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
				if (!k && u && !x->lic_href && iso_http(u)) {
					x->lic_href = u;
					x->lic_href_at = t;
					if (u == s)
						continue;
				}
				if (!s || k)
					continue;
				if (x->nlic_text < sizeof x->lic_text / sizeof *x->lic_text)
					x->lic_text[x->nlic_text++] = t;
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

/* s dct:conformsTo <OGC service type>, the type a dct:Standard. */
static void conforms(IsoMap *x, DcatitTermId s, const IsoOgc *ogc, const IsoNode *at)
{
	DcatitTermId std = iso_iri(x, ogc->standard);
	iso_add(x, s, x->v.dct_conformsTo, std, at);
	iso_add(x, std, x->v.rdf_type, x->v.dct_Standard, at);
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

/* The access service of a distribution through an OGC service. */
static void service_node(IsoMap *x, DcatitTermId dist, const IsoOgc *ogc,
                         const char *url, const IsoNode *or_)
{
	DcatitTermId svc = minted(x, "/service/", ++x->nsvc);
	iso_add(x, dist, x->v.dcat_accessService, svc, or_);
	iso_add(x, svc, x->v.rdf_type, x->v.dcat_DataService, or_);
	endpoint(x, svc, url, or_);
	conforms(x, svc, ogc, or_);
	DcatitTermId proto = iso_iri(x, ogc->protocol);
	iso_add(x, svc, x->v.geodcat_serviceProtocol, proto, or_);
	iso_add(x, proto, x->v.rdf_type, x->v.dct_Standard, or_);
	iso_add(x, svc, x->v.dcat_servesDataset, x->res, or_);
	/* the resource's name, else its description, names the service */
	if (!iso_add_text(x, svc, x->v.dct_title, iso_xml_kid(or_, "name"), ISO_WS_COLLAPSE))
		iso_add_text(x, svc, x->v.dct_title, iso_xml_kid(or_, "description"),
		             ISO_WS_COLLAPSE);
}

/* A page about the resource: the first link without a function is its
 * landing page (DCAT-AP_IT allows one), the others and the information
 * and search links are pages; each a foaf:Document with its name and
 * description. */
static void page(IsoMap *x, const char *url, const IsoNode *or_, bool landing)
{
	DcatitTermId u = iso_iri(x, url);
	if (landing && !x->landing) {
		iso_add(x, x->res, x->v.dcat_landingPage, u, or_);
		x->landing = url;
		x->landing_at = or_;
	} else {
		iso_add(x, x->res, x->v.foaf_page, u, or_);
	}
	iso_add(x, u, x->v.rdf_type, x->v.foaf_Document, or_);
	iso_add_text(x, u, x->v.dct_title, iso_xml_kid(or_, "name"), ISO_WS_COLLAPSE);
	iso_add_text(x, u, x->v.dct_description, iso_xml_kid(or_, "description"), ISO_WS_TRIM);
}

/* Does the URL name a data file by its extension (data.zip, a.shp.gz)? */
static bool file_like(const char *url)
{
	static const char *const exts[] = {
		"zip", "7z", "gz", "tgz", "bz2", "rar", "tar", "shp", "gml", "csv", "json",
		"geojson", "kml", "kmz", "tif", "tiff", "gpkg", "xls", "xlsx", "ods", "jp2",
		"ecw", "dxf", "dwg", "las", "laz", "nc", "sqlite", "dbf", "asc",
	};
	const char *s = strstr(url, "://");
	s = s ? s + 3 : url;
	size_t n = strcspn(s, "?#");
	const char *dot = NULL;
	for (const char *c = s; c < s + n; c++)
		if (*c == '.')
			dot = c;
		else if (*c == '/')
			dot = NULL;
	if (!dot)
		return false;
	size_t en = (size_t)(s + n - dot - 1);
	for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
		if (en == strlen(exts[i]) && strncasecmp(dot + 1, exts[i], en) == 0)
			return true;
	return false;
}

/* A distribution reached at url, with what applies to every distribution
 * of the record: licence, access rights, representation, encoding. */
static DcatitTermId distribution(IsoMap *x, const char *url, const IsoNode *at)
{
	DcatitTermId d = minted(x, "/distribution/", ++x->ndist);
	iso_add(x, x->res, x->v.dcat_distribution, d, at);
	iso_type2(x, d, x->v.dcat_Distribution, x->v.dcatapit_Distribution, at);
	iso_add(x, d, x->v.dcat_accessURL, iso_iri(x, url), at);
	if (licence(x))
		iso_add(x, d, x->v.dct_license, x->lic, at);
	if (x->rights)
		iso_add(x, d, x->v.dct_accessRights, x->rights, at);
	for (size_t i = 0; i < x->nreptech; i++)
		iso_add(x, d, x->v.adms_representationTechnique, x->reptech[i], at);
	if (x->charset)
		iso_add(x, d, x->v.cnt_characterEncoding, iso_lit(x, x->charset, NULL), at);
	return d;
}

/* A protocol that says "a web link", nothing more. */
static bool link_protocol(const char *p)
{
	return !p || iso_icontains(p, "WWW:LINK") || iso_icontains(p, "WWW-LINK") ||
	       iso_ieq(p, "http") || iso_ieq(p, "https") || iso_ieq(p, "link");
}

/* The distributions of one MD_DigitalTransferOptions share its size. */
typedef struct {
	const char *bytes;      /* transferSize in bytes, NULL: not given */
	const IsoNode *size_at;
} Transfer;

static void online(IsoMap *x, const IsoNode *or_, const Transfer *tr)
{
	const char *url = iso_prop(x, iso_xml_kid(or_, "linkage"), ISO_WS_REMOVE);
	if (!url || !iso_iri_ok(url))
		return;
	const char *protocol = iso_prop(x, iso_xml_kid(or_, "protocol"), ISO_WS_COLLAPSE);
	const char *fn = iso_code(x, iso_xml_kid(or_, "function"));
	const IsoOgc *ogc = iso_find_ogc(protocol, url);
	if (!ogc)
		ogc = iso_find_ogc(iso_href(x, iso_xml_kid(or_, "protocol")), NULL);
	if (x->service) {
		/* a service record: its links are endpoints or pages */
		if (fn && (strcmp(fn, "information") == 0 || strcmp(fn, "search") == 0))
			iso_add(x, x->res, x->v.foaf_page, iso_iri(x, url), or_);
		else
			endpoint(x, x->res, url, or_);
		if (ogc)
			conforms(x, x->res, ogc, or_);
		return;
	}
	if (!ogc && fn && (strcmp(fn, "information") == 0 || strcmp(fn, "search") == 0)) {
		page(x, url, or_, false);
		return;
	}
	bool download = !ogc && ((fn && strcmp(fn, "download") == 0) ||
	                         iso_icontains(protocol, "WWW:DOWNLOAD") ||
	                         iso_icontains(protocol, "download"));
	bool file = !ogc && file_like(url);
	if (!ogc && !download && !file && !fn && link_protocol(protocol)) {
		page(x, url, or_, true);
		return;
	}
	DcatitTermId d = distribution(x, url, or_);
	if (download)
		iso_add(x, d, x->v.dcat_downloadURL, iso_iri(x, url), or_);
	iso_add_text(x, d, x->v.dct_title, iso_xml_kid(or_, "name"), ISO_WS_COLLAPSE);
	iso_add_text(x, d, x->v.dct_description, iso_xml_kid(or_, "description"), ISO_WS_TRIM);
	/* the record's format is the data's: it applies to the files and to
	 * the services that hand out the data (WFS, WCS), not to a map view */
	const char *ft = ogc ? ogc->filetype : download || file ? x->filetype : NULL;
	if (ft) {
		DcatitTermId fi = iso_iri2(x, DCATIT_NS_EU_AUTH "file-type/", ft);
		iso_add(x, d, x->v.dct_format, fi, or_);
		iso_type_iri(x, fi, x->v.dct_MediaTypeOrExtent, or_);
	}
	if (x->media && (download || file || (ogc && ogc->download))) {
		DcatitTermId mt = iso_iri(x, x->media);
		iso_add(x, d, x->v.dcat_mediaType, mt, or_);
		iso_type2(x, mt, x->v.dct_MediaType, x->v.dct_MediaTypeOrExtent, or_);
	}
	if (tr->bytes)
		iso_add(x, d, x->v.dcat_byteSize,
		        dcatit_terms_literal_z(x->t, tr->bytes, x->v.xsd_nonNegativeInteger, NULL),
		        tr->size_at);
	if (ogc)
		service_node(x, d, ogc, url, or_);
}

/* A transferSize in megabytes (10^6 bytes, as ISO 19115 says) as a number
 * of bytes, rounded to the byte; NULL when it is no positive decimal. */
static const char *bytes(IsoMap *x, const char *mb)
{
	if (!mb || !*mb)
		return NULL;
	char digits[64];
	size_t n = 0, frac = 0;
	bool point = false;
	for (const char *c = mb; *c; c++) {
		if (*c == '.' && !point) {
			point = true;
		} else if (isdigit((unsigned char)*c) && n < 40) {
			if (point && frac == 7)
				continue; /* past the rounding digit */
			digits[n++] = *c;
			frac += point;
		} else {
			return NULL;
		}
	}
	/* shift the point six places: pad to 7 fraction digits, round on the
	 * 7th */
	while (frac < 7 && n < sizeof digits - 1) {
		digits[n++] = '0';
		frac++;
	}
	bool up = digits[--n] >= '5';
	digits[n] = '\0';
	for (size_t i = n; up && i > 0; i--) {
		if (digits[i - 1] == '9') {
			digits[i - 1] = '0';
		} else {
			digits[i - 1]++;
			up = false;
		}
	}
	DcatitBuf b;
	dcatit_buf_init(&b);
	if (up)
		dcatit_buf_addc(&b, '1');
	const char *d = digits;
	while (*d == '0' && d[1])
		d++;
	dcatit_buf_adds(&b, d);
	if (b.oom || strcmp(b.data, "0") == 0) {
		dcatit_buf_release(&b);
		return NULL;
	}
	return iso_pool_keep(&x->pool, dcatit_buf_detach(&b));
}

/* The media type and EU file type of an MD_Format: an anchor to the IANA
 * or INSPIRE media type registers, to the EU file types, or a name. */
static void format(IsoMap *x, const IsoNode *mf, const char **ft, const char **media)
{
	const IsoNode *nn = iso_xml_kid(mf, "name");
	const char *name = iso_prop(x, nn, ISO_WS_COLLAPSE);
	const char *h = iso_href(x, nn);
	*ft = *media = NULL;
	const char *type = NULL;
	static const char *const regs[] = { "iana.org/assignments/media-types/",
	                                    "inspire.ec.europa.eu/media-types/" };
	for (size_t i = 0; h && !type && i < 2; i++) {
		const char *at = strstr(h, regs[i]);
		if (at) {
			type = at + strlen(regs[i]);
			if (i == 0 && iso_http(h))
				*media = h;
		}
	}
	if (!type && name && strchr(name, '/') && !strchr(name, ' '))
		type = name; /* "application/gml+xml" */
	if (type) {
		*ft = iso_media_filetype(type);
		/* an INSPIRE media type that IANA registers too */
		if (!*media && *ft && strncmp(strchr(type, '/') + 1, "x-", 2) != 0) {
			DcatitBuf b;
			dcatit_buf_init(&b);
			dcatit_buf_adds(&b, "https://www.iana.org/assignments/media-types/");
			dcatit_buf_adds(&b, type);
			if (!b.oom && iso_iri_ok(b.data))
				*media = iso_pool_keep(&x->pool, dcatit_buf_detach(&b));
			dcatit_buf_release(&b);
		}
	}
	if (!*ft && h && strstr(h, "authority/file-type/")) {
		const char *c = strstr(h, "authority/file-type/") + 20;
		if (*c && !strpbrk(c, "/#?") && iso_iri_ok(h))
			*ft = c;
	}
	if (!*ft)
		*ft = iso_find_format(name);
}

/* The formats of the distribution: the file type and media type apply
 * when the record names exactly one of each (ISO does not tie a format to
 * a link, and giving one of several to every file would be a guess). */
static void formats(IsoMap *x, const IsoNode *dist)
{
	const IsoNode *mfs[32];
	size_t n = 0;
	ISO_FOR_KIDS(df, dist, "distributionFormat")
		if (n < sizeof mfs / sizeof *mfs)
			mfs[n++] = iso_xml_kid(df, "MD_Format");
	ISO_FOR_KIDS(dr, dist, "distributor")
		ISO_FOR_KIDS(df, iso_xml_kid(dr, "MD_Distributor"), "distributorFormat")
			if (n < sizeof mfs / sizeof *mfs)
				mfs[n++] = iso_xml_kid(df, "MD_Format");
	const char *ft = NULL, *mt = NULL;
	bool many_ft = false, many_mt = false;
	for (size_t i = 0; i < n; i++) {
		const char *f, *m;
		format(x, mfs[i], &f, &m);
		many_ft |= f && ft && strcmp(f, ft) != 0;
		many_mt |= m && mt && strcmp(m, mt) != 0;
		ft = ft ? ft : f;
		mt = mt ? mt : m;
	}
	x->filetype = many_ft ? NULL : ft;
	x->media = many_mt ? NULL : mt;
}

static void transfer(IsoMap *x, const IsoNode *to)
{
	const IsoNode *dto = iso_xml_kid(to, "MD_DigitalTransferOptions");
	Transfer tr = { NULL, iso_xml_kid(dto, "transferSize") };
	tr.bytes = bytes(x, iso_prop(x, tr.size_at, ISO_WS_REMOVE));
	ISO_FOR_KIDS(ol, dto, "onLine") {
		const IsoNode *or_ = iso_xml_kid(ol, "CI_OnlineResource");
		if (or_)
			online(x, or_, &tr);
	}
}

void iso_map_distributions(IsoMap *x, const IsoNode *md)
{
	const IsoNode *dist = iso_xml_path(md, "distributionInfo/MD_Distribution");
	formats(x, dist);
	/* the spatial representation types apply to every distribution */
	const IsoNode *ident = iso_xml_first(iso_xml_kid(md, "identificationInfo"));
	ISO_FOR_KIDS(srt, ident, "spatialRepresentationType") {
		static const char *const types[] = { "vector", "grid", "textTable", "tin",
		                                     "stereoModel", "video" };
		const char *c = iso_code(x, srt);
		for (size_t i = 0; c && i < sizeof types / sizeof *types; i++)
			if (strcmp(c, types[i]) == 0 &&
			    x->nreptech < sizeof x->reptech / sizeof *x->reptech)
				x->reptech[x->nreptech++] =
				    iso_iri2(x, ISO_NS_INSPIRE_CL "SpatialRepresentationType/", c);
	}
	ISO_FOR_KIDS(to, dist, "transferOptions")
		transfer(x, to);
	/* RNDT and INSPIRE put transfer options under the distributor too */
	ISO_FOR_KIDS(dr, dist, "distributor")
		ISO_FOR_KIDS(to, iso_xml_kid(dr, "MD_Distributor"), "distributorTransferOptions")
			transfer(x, to);
	/* a dataset whose only link is its landing page is reached there:
	 * DCAT lets an accessURL be a landing page, and DCAT-AP_IT wants a
	 * distribution */
	if (!x->service && !x->ndist && x->landing) {
		DcatitTermId d = distribution(x, x->landing, x->landing_at);
		iso_add_text(x, d, x->v.dct_title, iso_xml_kid(x->landing_at, "name"),
		             ISO_WS_COLLAPSE);
		iso_add_text(x, d, x->v.dct_description,
		             iso_xml_kid(x->landing_at, "description"), ISO_WS_TRIM);
	}
}

void iso_map_service(IsoMap *x, const IsoNode *ident)
{
	const IsoNode *stn = iso_xml_kid(ident, "serviceType");
	const char *st = iso_prop(x, stn, ISO_WS_COLLAPSE);
	const IsoOgc *ogc = iso_find_ogc(st, NULL);
	if (ogc)
		conforms(x, x->res, ogc, ident);
	const char *type = iso_service_type(st);
	if (!type)
		type = iso_service_type(iso_href(x, stn));
	if (type)
		iso_add(x, x->res, x->v.geodcat_serviceType,
		        iso_iri2(x, ISO_NS_INSPIRE_CL "SpatialDataServiceType/", type), stn);
	ISO_FOR_KIDS(co, ident, "containsOperations") {
		const IsoNode *om = iso_xml_kid(co, "SV_OperationMetadata");
		ISO_FOR_KIDS(cp, om, "connectPoint") {
			const char *u = iso_prop(x, iso_xml_path(cp, "CI_OnlineResource/linkage"),
			                         ISO_WS_REMOVE);
			if (!u || !iso_iri_ok(u))
				continue;
			endpoint(x, x->res, u, cp);
			const IsoOgc *o = iso_find_ogc(NULL, u);
			if (o)
				conforms(x, x->res, o, cp);
		}
	}
	/* the datasets the service operates on; not typed here: a node typed
	 * dcat:Dataset would have to be described (title, description) */
	ISO_FOR_KIDS(op, ident, "operatesOn") {
		const char *uuid = iso_attr(x, op, "uuidref", NULL, ISO_WS_REMOVE);
		const char *h = iso_attr(x, op, "href", ISO_NS_XLINK, ISO_WS_REMOVE);
		DcatitTermId served = 0;
		if (iso_http(uuid)) {
			served = iso_iri(x, uuid);
		} else if (uuid) {
			DcatitBuf b;
			dcatit_buf_init(&b);
			dcatit_buf_adds(&b, x->o->base_iri ? x->o->base_iri : ISO_DEFAULT_BASE);
			iso_pct(&b, uuid);
			served = b.oom ? 0 : dcatit_terms_iri(x->t, b.data, b.len);
			dcatit_buf_release(&b);
		} else if (iso_http(h)) {
			served = iso_iri(x, h);
		}
		if (served)
			iso_add(x, x->res, x->v.dcat_servesDataset, served, op);
	}
}
