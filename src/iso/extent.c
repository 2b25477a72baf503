/* extent.c: where and when, and in which coordinates. The geographic
 * extent is one dct:Location (DCAT-AP_IT allows one dct:spatial): the
 * place a geographic identifier names, with the bounding boxes as WKT
 * polygons (dcat:bbox the envelope of them all); the temporal extent is one
 * dct:PeriodOfTime covering every period and instant, at the precision the
 * record gives (years, year-months, dates). Reference systems become EPSG
 * standards, RNDT names included; spatial resolution a distance and a
 * scale. */
#include "iso/internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "iso/codes.h"

/* ------------------------------------------------------------ where */

/* A decimal coordinate in range, written without a sign '+' or leading
 * zeros ("-054.75" -> "-54.75", as a WKT reader would read it); NULL
 * otherwise. */
static const char *coord(IsoMap *x, const IsoNode *n, double lo, double hi, double *val)
{
	char *s = iso_prop(x, n, ISO_WS_REMOVE);
	if (!s)
		return NULL;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || end == s || !(v >= lo && v <= hi) || strpbrk(s, "eExXnNiI"))
		return NULL;
	*val = v;
	char *w = s, *r = s;
	if (*r == '+')
		r++;
	else if (*r == '-')
		*w++ = *r++;
	while (r[0] == '0' && isdigit((unsigned char)r[1]))
		r++;
	memmove(w, r, strlen(r) + 1);
	return s;
}

/* The Location of the record, made on first use. */
typedef struct {
	DcatitTermId loc;
	double w, s, e, n;   /* the envelope of the boxes */
	const char *ws, *ss, *es, *ns;
	const IsoNode *at;
	unsigned boxes;
	const char *scheme_name; /* the authority of the last named place */
} Where;

static DcatitTermId location(IsoMap *x, Where *wh, const IsoNode *at)
{
	if (!wh->loc) {
		wh->loc = iso_bnode(x);
		iso_add(x, x->res, x->v.dct_spatial, wh->loc, at);
		iso_add(x, wh->loc, x->v.rdf_type, x->v.dct_Location, at);
	}
	return wh->loc;
}

static DcatitTermId wkt_box(IsoMap *x, const char *w, const char *s, const char *e,
                            const char *n)
{
	DcatitBuf t;
	dcatit_buf_init(&t);
	/* CRS84 (lon lat) is the default CRS of a WKT literal; the ring runs
	 * counter-clockwise, as simple features want an outer ring */
	dcatit_buf_addf(&t, "POLYGON((%s %s,%s %s,%s %s,%s %s,%s %s))", w, s, e, s, e, n,
	                w, n, w, s);
	DcatitTermId id = t.oom ? 0 : dcatit_terms_literal(x->t, t.data, t.len,
	                                                   x->v.gsp_wktLiteral, NULL);
	dcatit_buf_release(&t);
	return id;
}

static void bbox(IsoMap *x, Where *wh, const IsoNode *b)
{
	/* initialised: gcc -O3 cannot see that coord() sets them when it
	 * returns non-NULL (-Wmaybe-uninitialized) */
	double w = 0, e = 0, s = 0, n = 0;
	const char *ws = coord(x, iso_xml_kid(b, "westBoundLongitude"), -180, 180, &w);
	const char *es = coord(x, iso_xml_kid(b, "eastBoundLongitude"), -180, 180, &e);
	const char *ss = coord(x, iso_xml_kid(b, "southBoundLatitude"), -90, 90, &s);
	const char *ns = coord(x, iso_xml_kid(b, "northBoundLatitude"), -90, 90, &n);
	if (!ws || !es || !ss || !ns || s > n)
		return;
	DcatitTermId loc = location(x, wh, b);
	iso_add(x, loc, x->v.locn_geometry, wkt_box(x, ws, ss, es, ns), b);
	if (!wh->boxes++) {
		wh->w = w, wh->s = s, wh->e = e, wh->n = n;
		wh->ws = ws, wh->ss = ss, wh->es = es, wh->ns = ns;
		wh->at = b;
		return;
	}
	/* the envelope; a box across the antimeridian (west > east) is left
	 * as the first one said, not merged */
	if (w <= e && wh->w <= wh->e) {
		if (w < wh->w) { wh->w = w; wh->ws = ws; }
		if (e > wh->e) { wh->e = e; wh->es = es; }
	}
	if (s < wh->s) { wh->s = s; wh->ss = ss; }
	if (n > wh->n) { wh->n = n; wh->ns = ns; }
}

/* A geographic identifier: an http(s) IRI names the place (the Location
 * is that IRI, unless one was named already: then it is an identifier of
 * the Location), a URN is its dct:identifier, a text its name. */
static void place(IsoMap *x, Where *wh, const IsoNode *gd)
{
	const IsoNode *id = iso_xml_first(iso_xml_kid(gd, "geographicIdentifier"));
	const IsoNode *cn = iso_xml_kid(id, "code");
	const char *text = iso_prop(x, cn, ISO_WS_COLLAPSE);
	const char *href = iso_href(x, cn);
	const char *uri = iso_http(href) ? href : iso_http(text) ? text : NULL;
	if (uri && !wh->loc) {
		wh->loc = iso_iri(x, uri);
		iso_add(x, x->res, x->v.dct_spatial, wh->loc, gd);
		iso_add(x, wh->loc, x->v.rdf_type, x->v.dct_Location, gd);
		if (text && text != uri)
			iso_add_text(x, wh->loc, x->v.skos_prefLabel, cn, ISO_WS_COLLAPSE);
		return;
	}
	DcatitTermId loc = location(x, wh, gd);
	if (uri || (text && strncasecmp(text, "urn:", 4) == 0 && iso_iri_ok(text))) {
		iso_add(x, loc, x->v.dct_identifier,
		        dcatit_terms_literal_z(x->t, uri ? uri : text, x->v.xsd_anyURI, NULL), gd);
		if (!uri || text == uri)
			return;
	}
	if (!text)
		return;
	iso_add_text(x, loc, x->v.skos_prefLabel, cn, ISO_WS_COLLAPSE);
	/* the authority: a scheme IRI when anchored, else its title */
	const IsoNode *tn = iso_xml_path(id, "authority/CI_Citation/title");
	const char *ah = iso_href(x, tn);
	const char *space = iso_prop(x, iso_xml_kid(id, "codeSpace"), ISO_WS_COLLAPSE);
	const char *title = iso_prop(x, tn, ISO_WS_COLLAPSE);
	DcatitTermId scheme = 0;
	if (iso_http(ah)) {
		scheme = iso_iri(x, ah);
	} else if (title || space) {
		/* one node per authority: the Location is in it once */
		if (wh->scheme_name && strcmp(wh->scheme_name, title ? title : space) == 0)
			return;
		scheme = iso_bnode(x);
		wh->scheme_name = title ? title : space;
		if (title)
			iso_add_text(x, scheme, x->v.dct_title, tn, ISO_WS_COLLAPSE);
		else
			iso_add(x, scheme, x->v.dct_title, iso_lit(x, space, NULL), id);
	}
	if (scheme) {
		iso_add(x, loc, x->v.skos_inScheme, scheme, id);
		iso_add(x, scheme, x->v.rdf_type, x->v.skos_ConceptScheme, id);
	}
}

/* ------------------------------------------------------------ when */

/* A time position as the record gives it: a date or date-time, a year or
 * a year-month. */
typedef struct {
	DcatitTermId lit;    /* the literal at its own precision */
	char lo[11], hi[11]; /* the first and last day it covers, YYYY-MM-DD */
	bool has_time;       /* a dateTime (lo/hi are its date) */
} When;

static int days_in(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

static bool when(IsoMap *x, const char *s, When *w)
{
	memset(w, 0, sizeof *w);
	if (!s)
		return false;
	size_t n = strlen(s);
	if (n == 4 && iso_digits(s, 4)) {
		w->lit = dcatit_terms_literal(x->t, s, 4, x->v.xsd_gYear, NULL);
		snprintf(w->lo, sizeof w->lo, "%.4s-01-01", s);
		snprintf(w->hi, sizeof w->hi, "%.4s-12-31", s);
		return w->lit != 0;
	}
	if (n == 7 && iso_digits(s, 4) && s[4] == '-' && iso_digits(s + 5, 2)) {
		int m = (s[5] - '0') * 10 + (s[6] - '0');
		if (m < 1 || m > 12)
			return false;
		int y = ((s[0] - '0') * 10 + (s[1] - '0')) * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		w->lit = dcatit_terms_literal(x->t, s, 7, x->v.xsd_gYearMonth, NULL);
		snprintf(w->lo, sizeof w->lo, "%.7s-01", s);
		snprintf(w->hi, sizeof w->hi, "%.7s-%02d", s, days_in(y, m));
		return w->lit != 0;
	}
	w->lit = iso_date_lit(x, s);
	if (!w->lit)
		return false;
	const char *d = dcatit_terms_str(x->t, w->lit);
	snprintf(w->lo, sizeof w->lo, "%.10s", d);
	memcpy(w->hi, w->lo, sizeof w->hi);
	w->has_time = strlen(d) > 10;
	return true;
}

/* The period covering every temporal element. */
typedef struct {
	When start, end;
	bool has_start, has_end, open_end;
	const IsoNode *at;
} Period;

/* A position element: its text, or the nested gml:TimeInstant of GML 3.1
 * (gml:begin/gml:TimeInstant/gml:timePosition). */
static const char *position(IsoMap *x, const IsoNode *n)
{
	const char *s = iso_prop(x, n, ISO_WS_REMOVE);
	if (!s)
		s = iso_prop(x, iso_xml_path(n, "TimeInstant/timePosition"), ISO_WS_REMOVE);
	return s;
}

static void widen(IsoMap *x, Period *p, const char *b, const char *e, const IsoNode *at)
{
	When wb, we;
	bool hb = when(x, b, &wb), he = when(x, e, &we);
	if (!hb && !he)
		return;
	if (!p->at)
		p->at = at;
	if (hb && (!p->has_start || strcmp(wb.lo, p->start.lo) < 0)) {
		p->start = wb;
		p->has_start = true;
	}
	if (!he)
		p->open_end = true; /* "now", "unknown", or no end given */
	else if (!p->has_end || strcmp(we.hi, p->end.hi) > 0) {
		p->end = we;
		p->has_end = true;
	}
}

/* dcat: dates at the record's precision; dcatapit: dates, as DCAT-AP_IT
 * allows only xsd:date and xsd:dateTime (a year becomes its first and
 * last day). */
static void period(IsoMap *x, const Period *p)
{
	if (!p->has_start && !p->has_end)
		return;
	DcatitTermId pt = iso_bnode(x);
	iso_add(x, x->res, x->v.dct_temporal, pt, p->at);
	iso_add(x, pt, x->v.rdf_type, x->v.dct_PeriodOfTime, p->at);
	const When *ws[2] = { p->has_start ? &p->start : NULL,
	                      p->has_end && !p->open_end ? &p->end : NULL };
	DcatitTermId dcat[2] = { x->v.dcat_startDate, x->v.dcat_endDate };
	DcatitTermId it[2] = { x->v.dcatapit_startDate, x->v.dcatapit_endDate };
	for (int i = 0; i < 2; i++) {
		if (!ws[i])
			continue;
		iso_add(x, pt, dcat[i], ws[i]->lit, p->at);
		const char *s = dcatit_terms_str(x->t, ws[i]->lit);
		DcatitTermId d = strlen(s) >= 10 ? ws[i]->lit
		                 : dcatit_terms_literal(x->t, i ? ws[i]->hi : ws[i]->lo, 10,
		                                        x->v.xsd_date, NULL);
		iso_add(x, pt, it[i], d, p->at);
	}
}

void iso_map_extents(IsoMap *x, const IsoNode *ident)
{
	Where wh;
	memset(&wh, 0, sizeof wh);
	/* a named place first: it becomes the Location the boxes describe */
	ISO_FOR_KIDS(ex, ident, "extent")
		ISO_FOR_KIDS(ge, iso_xml_kid(ex, "EX_Extent"), "geographicElement") {
			const IsoNode *gd = iso_xml_kid(ge, "EX_GeographicDescription");
			if (gd)
				place(x, &wh, gd);
		}
	ISO_FOR_KIDS(ex, ident, "extent")
		ISO_FOR_KIDS(ge, iso_xml_kid(ex, "EX_Extent"), "geographicElement") {
			const IsoNode *b = iso_xml_kid(ge, "EX_GeographicBoundingBox");
			if (b)
				bbox(x, &wh, b);
		}
	if (wh.boxes) {
		iso_add(x, wh.loc, x->v.dcat_bbox,
		        wkt_box(x, wh.ws, wh.ss, wh.es, wh.ns), wh.at);
		x->west = wh.w;
		x->east = wh.e;
	}

	Period p;
	memset(&p, 0, sizeof p);
	ISO_FOR_KIDS(ex, ident, "extent")
		ISO_FOR_KIDS(te, iso_xml_kid(ex, "EX_Extent"), "temporalElement") {
			const IsoNode *ext = iso_xml_path(te, "EX_TemporalExtent/extent");
			const IsoNode *tp = iso_xml_kid(ext, "TimePeriod");
			const IsoNode *ti = iso_xml_kid(ext, "TimeInstant");
			if (tp) {
				const IsoNode *b = iso_xml_kid(tp, "beginPosition");
				const IsoNode *e = iso_xml_kid(tp, "endPosition");
				widen(x, &p, position(x, b ? b : iso_xml_kid(tp, "begin")),
				      position(x, e ? e : iso_xml_kid(tp, "end")), tp);
			} else if (ti) {
				const char *s = iso_prop(x, iso_xml_kid(ti, "timePosition"),
				                         ISO_WS_REMOVE);
				widen(x, &p, s, s, ti);
			}
		}
	period(x, &p);
}

/* ------------------------------------------------------------ how */

/* EPSG code from a reference system identifier, or 0. */
static unsigned long epsg(IsoMap *x, const char *c, const char *space)
{
	if (!c)
		return 0;
	const char *num = NULL;
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
	if (!num)
		return iso_crs_epsg(c, x->west, x->east);
	if (!isdigit((unsigned char)*num))
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
		unsigned long e = epsg(x, iso_href(x, cn), NULL);
		if (!e)
			e = epsg(x, iso_prop(x, cn, ISO_WS_COLLAPSE),
			         iso_prop(x, iso_xml_kid(id, "codeSpace"), ISO_WS_COLLAPSE));
		if (!e)
			continue;
		char buf[64];
		snprintf(buf, sizeof buf, ISO_NS_EPSG "%lu", e);
		DcatitTermId s = iso_iri(x, buf);
		iso_add(x, x->res, x->v.dct_conformsTo, s, rs);
		iso_add(x, x->res, x->v.geodcat_referenceSystem, s, rs);
		iso_type2(x, s, x->v.dct_Standard, x->v.dcatapit_Standard, rs);
		iso_add(x, s, x->v.dct_identifier, iso_lit(x, buf, NULL), rs);
		iso_add(x, s, x->v.dct_type, x->v.srs_type, rs);
	}
}

/* A positive decimal as written, NULL otherwise. */
static const char *positive(const char *v)
{
	if (!v)
		return NULL;
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	if (errno || *end || end == v || !(d > 0) || strpbrk(v, "eExXnNiI+"))
		return NULL;
	return v;
}

/* 1/n as a decimal literal (the scale 1:50000 is 0.00002), at most 18
 * significant digits, no trailing zeros. */
static DcatitTermId reciprocal(IsoMap *x, unsigned long long n)
{
	char buf[64] = "0.";
	size_t len = 2, sig = 0;
	unsigned long long r = 1;
	while (r && sig < 18 && len < sizeof buf - 1) {
		r *= 10;
		unsigned long long q = r / n;
		r %= n;
		buf[len++] = (char)('0' + q);
		if (q || sig)
			sig++;
	}
	while (len > 3 && buf[len - 1] == '0')
		len--;
	buf[len] = '\0';
	return dcatit_terms_literal_z(x->t, buf, x->v.xsd_decimal, NULL);
}

static void measurement(IsoMap *x, DcatitTermId metric, DcatitTermId value,
                        DcatitTermId unit, const IsoNode *at)
{
	DcatitTermId q = iso_bnode(x);
	iso_add(x, x->res, x->v.dqv_hasQualityMeasurement, q, at);
	iso_add(x, q, x->v.rdf_type, x->v.dqv_QualityMeasurement, at);
	iso_add(x, q, x->v.dqv_isMeasurementOf, metric, at);
	iso_add(x, metric, x->v.rdf_type, x->v.dqv_Metric, at);
	iso_add(x, q, x->v.dqv_value, value, at);
	if (unit) {
		iso_add(x, q, x->v.sdmx_unitMeasure, unit, at);
		/* GeoDCAT-AP: the unit is a skos:Concept (DCAT-AP: with a label);
		 * the only unit written is the metre */
		iso_add(x, unit, x->v.rdf_type, x->v.skos_Concept, at);
		iso_add(x, unit, x->v.skos_prefLabel, iso_lit(x, "metre", "en"), at);
	}
}

void iso_map_resolution(IsoMap *x, const IsoNode *ident)
{
	ISO_FOR_KIDS(sr, ident, "spatialResolution") {
		/* a distance in metres (also dcat:spatialResolutionInMeters) */
		const IsoNode *dn = iso_xml_path(sr, "MD_Resolution/distance");
		const char *v = positive(iso_prop(x, dn, ISO_WS_REMOVE));
		const char *uom = iso_attr(x, iso_xml_first(dn), "uom", NULL, ISO_WS_REMOVE);
		if (v && uom && (iso_ieq(uom, "m") || iso_ieq(uom, "metre") ||
		                 iso_ieq(uom, "meter") || iso_ieq(uom, "metres") ||
		                 iso_ieq(uom, "meters") ||
		                 iso_icontains(uom, "uom/ML_gmxUom.xml#m"))) {
			DcatitTermId d = dcatit_terms_literal_z(x->t, v, x->v.xsd_decimal, NULL);
			iso_add(x, x->res, x->v.dcat_spatialResolutionInMeters, d, dn);
			measurement(x, x->v.geodcat_spatialResolutionAsDistance, d, x->v.om_metre,
			            dn);
		}
		/* an equivalent scale 1:N, as the fraction 1/N */
		const IsoNode *den = iso_xml_path(sr, "MD_Resolution/equivalentScale/"
		                                  "MD_RepresentativeFraction/denominator");
		const char *ds = iso_prop(x, den, ISO_WS_REMOVE);
		if (ds && iso_digits(ds, strlen(ds)) && strlen(ds) < 19) {
			unsigned long long n = strtoull(ds, NULL, 10);
			if (n > 0)
				measurement(x, x->v.geodcat_spatialResolutionAsScale,
				            reciprocal(x, n), 0, den);
		}
	}
}
