/* extent.c: where and when, and in which coordinates: geographic bounding
 * boxes as WKT, temporal extents as periods, reference systems as EPSG
 * standards, spatial resolution as a distance. */
#include "iso/internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"

/* A decimal coordinate in range, returned as written; NULL otherwise. */
static const char *coord(IsoMap *x, const IsoNode *n, double lo, double hi,
                         double *val)
{
	const char *s = iso_prop(x, n, ISO_WS_REMOVE);
	if (!s)
		return NULL;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || end == s || !(v >= lo && v <= hi))
		return NULL;
	*val = v;
	return s;
}

/* A bounding box -> a dct:Location with the box as a WKT polygon. */
static void bbox(IsoMap *x, const IsoNode *b)
{
	/* initialised: gcc -O3 cannot see that coord() sets them when it
	 * returns non-NULL (-Wmaybe-uninitialized) */
	double w = 0, e = 0, s = 0, n = 0;
	const char *ws_ = coord(x, iso_xml_kid(b, "westBoundLongitude"), -180, 180, &w);
	const char *es = coord(x, iso_xml_kid(b, "eastBoundLongitude"), -180, 180, &e);
	const char *ss = coord(x, iso_xml_kid(b, "southBoundLatitude"), -90, 90, &s);
	const char *ns = coord(x, iso_xml_kid(b, "northBoundLatitude"), -90, 90, &n);
	if (!ws_ || !es || !ss || !ns || s > n)
		return;
	DcatitBuf t;
	dcatit_buf_init(&t);
	/* CRS84 (lon lat) is the default CRS of a WKT literal */
	dcatit_buf_addf(&t, "POLYGON((%s %s,%s %s,%s %s,%s %s,%s %s))", ws_, ss, es,
	                ss, es, ns, ws_, ns, ws_, ss);
	if (t.oom) {
		x->oom = true;
	} else {
		DcatitTermId loc = iso_bnode(x);
		DcatitTermId wkt = dcatit_terms_literal(x->t, t.data, t.len,
		                                        x->v.gsp_wktLiteral, NULL);
		iso_add(x, x->res, x->v.dct_spatial, loc, b);
		iso_add(x, loc, x->v.rdf_type, x->v.dct_Location, b);
		iso_add(x, loc, x->v.dcat_bbox, wkt, b);
		iso_add(x, loc, x->v.locn_geometry, wkt, b);
	}
	dcatit_buf_release(&t);
}

/* A gml:TimePeriod -> a dct:PeriodOfTime. */
static void period(IsoMap *x, const IsoNode *tp)
{
	DcatitTermId s = iso_date_lit(x, iso_prop(x, iso_xml_kid(tp, "beginPosition"),
	                                          ISO_WS_REMOVE));
	DcatitTermId e = iso_date_lit(x, iso_prop(x, iso_xml_kid(tp, "endPosition"),
	                                          ISO_WS_REMOVE));
	if (!s && !e)
		return;
	DcatitTermId pt = iso_bnode(x);
	iso_add(x, x->res, x->v.dct_temporal, pt, tp);
	iso_add(x, pt, x->v.rdf_type, x->v.dct_PeriodOfTime, tp);
	if (s) {
		iso_add(x, pt, x->v.dcatapit_startDate, s, tp);
		iso_add(x, pt, x->v.dcat_startDate, s, tp);
	}
	if (e) {
		iso_add(x, pt, x->v.dcatapit_endDate, e, tp);
		iso_add(x, pt, x->v.dcat_endDate, e, tp);
	}
}

void iso_map_extents(IsoMap *x, const IsoNode *ident)
{
	/* all boxes first, then all periods: document order within each */
	ISO_FOR_KIDS(ex, ident, "extent")
		ISO_FOR_KIDS(ge, iso_xml_kid(ex, "EX_Extent"), "geographicElement") {
			const IsoNode *b = iso_xml_kid(ge, "EX_GeographicBoundingBox");
			if (b)
				bbox(x, b);
		}
	ISO_FOR_KIDS(ex, ident, "extent")
		ISO_FOR_KIDS(te, iso_xml_kid(ex, "EX_Extent"), "temporalElement") {
			const IsoNode *ext = iso_xml_path(te, "EX_TemporalExtent/extent");
			const IsoNode *tp = iso_xml_kid(ext, "TimePeriod");
			if (tp)
				period(x, tp);
		}
}

/* EPSG code from a reference system identifier, or 0. */
static unsigned long epsg(const char *c, const char *space)
{
	if (!c)
		return 0;
	const char *num = NULL;
	if (iso_ieq(c, "WGS84") || iso_ieq(c, "WGS 84"))
		return 4326;
	const char *marks[] = { "EPSG/0/", "EPSG::", "EPSG:", "EPSG " };
	for (size_t i = 0; !num && i < sizeof marks / sizeof *marks; i++) {
		const char *h = c;
		size_t n = strlen(marks[i]);
		for (; *h && !num; h++)
			if (strncasecmp(h, marks[i], n) == 0)
				num = h + n;
	}
	if (!num && iso_digits(c, strlen(c)) && space && iso_icontains(space, "EPSG"))
		num = c;
	if (!num || !isdigit((unsigned char)*num))
		return 0;
	char *end;
	unsigned long v = strtoul(num, &end, 10);
	if (*end && isalnum((unsigned char)*end))
		return 0;
	return v > 0 && v < 1000000 ? v : 0;
}

void iso_map_refsys(IsoMap *x, const IsoNode *md)
{
	ISO_FOR_KIDS(rs, md, "referenceSystemInfo") {
		const IsoNode *id = iso_xml_path(rs, "MD_ReferenceSystem/"
		                                 "referenceSystemIdentifier/RS_Identifier");
		const IsoNode *cn = iso_xml_kid(id, "code");
		unsigned long e = epsg(iso_prop(x, cn, ISO_WS_COLLAPSE),
		                       iso_prop(x, iso_xml_kid(id, "codeSpace"), ISO_WS_COLLAPSE));
		if (!e)
			e = epsg(iso_href(x, cn), NULL);
		if (!e)
			continue;
		char buf[64];
		snprintf(buf, sizeof buf, ISO_NS_EPSG "%lu", e);
		DcatitTermId s = iso_iri(x, buf);
		iso_add(x, x->res, x->v.dct_conformsTo, s, rs);
		iso_type2(x, s, x->v.dct_Standard, x->v.dcatapit_Standard, rs);
		iso_add(x, s, x->v.dct_identifier, iso_lit(x, buf, NULL), rs);
		iso_add(x, s, x->v.dct_type, x->v.srs_type, rs);
	}
}

/* spatialResolution/MD_Resolution/distance in metres ->
 * dcat:spatialResolutionInMeters (a scale denominator is no distance). */
void iso_map_resolution(IsoMap *x, const IsoNode *ident)
{
	ISO_FOR_KIDS(sr, ident, "spatialResolution") {
		const IsoNode *dn = iso_xml_path(sr, "MD_Resolution/distance");
		const IsoNode *dv = iso_xml_first(dn);
		const char *v = iso_prop(x, dn, ISO_WS_REMOVE);
		const char *uom = iso_attr(x, dv, "uom", NULL, ISO_WS_REMOVE);
		if (!v || !uom || !(iso_ieq(uom, "m") || iso_ieq(uom, "metre") ||
		                    iso_ieq(uom, "meter") || iso_ieq(uom, "metres") ||
		                    iso_ieq(uom, "meters") ||
		                    iso_icontains(uom, "uom/ML_gmxUom.xml#m")))
			continue;
		char *end;
		errno = 0;
		double d = strtod(v, &end);
		if (errno || *end || end == v || !(d > 0) || strpbrk(v, "eExXnNiI"))
			continue;
		iso_add(x, x->res, x->v.dcat_spatialResolutionInMeters,
		        dcatit_terms_literal_z(x->t, v, x->v.xsd_decimal, NULL), dn);
	}
}
