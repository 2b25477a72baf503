/* checks.c: DCAT-AP_IT checks beyond SHACL Core (see checks.h). Each
 * finding becomes a DcatitResult with a dcatit:check-<name> source shape, a
 * dcatit:<Name>Check component and a message made for this value, interned
 * as an @en literal so every report format shows it like an sh:message. */
#include "profile/checks.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/json.h"
#include "profile/textlang.h"
#include "rdf/vocab.h"
#include "shacl/path.h"

/* ---- Partita IVA and codice fiscale ------------------------------------- */

char dcatit_check_piva_digit(const char *s)
{
	int sum = 0;
	for (int i = 0; i < 10; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		int d = s[i] - '0';
		if (i % 2) {     /* even positions counting from 1: doubled */
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return (char)('0' + (10 - sum % 10) % 10);
}

bool dcatit_check_piva(const char *s, size_t len)
{
	if (len != 11)
		return false;
	bool zero = true;
	for (size_t i = 0; i < 11; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		zero = zero && s[i] == '0';
	}
	return !zero && dcatit_check_piva_digit(s) == s[10];
}

/* Omocodia: a digit of a codice fiscale replaced by one of these letters,
 * in digit order 0..9, when two people would otherwise share a code. */
static const char omocodia[] = "LMNPQRSTUV";

/* Digit value of a codice fiscale digit position, -1 when neither a digit
 * nor an omocodia letter. */
static int cf_digit(char ch)
{
	unsigned char u = (unsigned char)toupper((unsigned char)ch);
	if (isdigit(u))
		return u - '0';
	const char *p = u ? strchr(omocodia, u) : NULL;
	return p ? (int)(p - omocodia) : -1;
}

bool dcatit_check_cf_shape(const char *s, size_t len)
{
	/* L = letter, D = digit or omocodia letter, M = month letter */
	static const char layout[] = "LLLLLLDDMDDLDDDL";
	if (len != 16)
		return false;
	for (size_t i = 0; i < 16; i++) {
		unsigned char u = (unsigned char)toupper((unsigned char)s[i]);
		switch (layout[i]) {
		case 'L':
			if (u < 'A' || u > 'Z')
				return false;
			break;
		case 'D':
			if (cf_digit((char)u) < 0)
				return false;
			break;
		default:
			if (!u || !strchr("ABCDEHLMPRST", u))
				return false;
		}
	}
	/* day of birth 1..31, plus 40 for women */
	int day = cf_digit(s[9]) * 10 + cf_digit(s[10]);
	return (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
}

char dcatit_check_cf_char(const char *s)
{
	/* the value of 0-9 / A-Z in an odd position (1st, 3rd, ...); in an
	 * even position digits count as themselves and letters as A=0..Z=25 */
	static const int odd[26] = { 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18,
	                             20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
	                             23 };
	int sum = 0;
	for (int i = 0; i < 15; i++) {
		unsigned char u = (unsigned char)toupper((unsigned char)s[i]);
		int v;
		if (isdigit(u))
			v = u - '0';
		else if (u >= 'A' && u <= 'Z')
			v = u - 'A';
		else
			return 0;
		sum += i % 2 == 0 ? odd[v] : v;
	}
	return (char)('A' + sum % 26);
}

bool dcatit_check_cf(const char *s, size_t len)
{
	return dcatit_check_cf_shape(s, len) &&
	       dcatit_check_cf_char(s) == toupper((unsigned char)s[15]);
}

/* ---- geometry: coordinates ---------------------------------------------- */

/* AXES_EITHER: the short "EPSG:4326" of GML 2 and WMS 1.1, which tools
 * write in both orders: only a coordinate wrong in both orders is out of
 * range, and no order is "swapped". */
typedef enum { AXES_LONLAT, AXES_LATLON, AXES_OTHER, AXES_EITHER } Axes;

/* What the coordinates of one literal looked like. */
typedef struct {
	Axes axes;
	size_t points, italy_swapped;
	bool range_bad;
	double bad_x, bad_y;
	char *why;
	size_t n;
} Coords;

/* Start with no point seen, lon/lat axes and an empty why. */
static void coords_init(Coords *c, char *why, size_t n)
{
	memset(c, 0, sizeof *c);
	c->why = why;
	c->n = n;
	if (n)
		why[0] = '\0';
}

/* Is the 4-digit EPSG code at code one of the geographic (degrees,
 * latitude first) CRSs used for Italy: WGS84, ETRS89, RDN2008, Monte
 * Mario? */
static bool epsg_latlon(const char *code)
{
	static const char *const latlon[] = { "4326", "4258", "6706", "4265" };
	for (size_t i = 0; i < sizeof latlon / sizeof latlon[0]; i++)
		if (memcmp(code, latlon[i], 4) == 0)
			return true;
	return false;
}

/* Account for one point (x, y as written). */
static void coords_point(Coords *c, double x, double y)
{
	if (c->axes == AXES_OTHER)
		return;
	if (c->axes == AXES_EITHER) {
		bool lonlat = x >= -180 && x <= 180 && y >= -90 && y <= 90;
		bool latlon = y >= -180 && y <= 180 && x >= -90 && x <= 90;
		if (!c->range_bad && !lonlat && !latlon) {
			c->range_bad = true;
			c->bad_x = x;
			c->bad_y = y;
		}
		return;
	}
	double lon = c->axes == AXES_LONLAT ? x : y;
	double lat = c->axes == AXES_LONLAT ? y : x;
	c->points++;
	if (!c->range_bad && (lon < -180 || lon > 180 || lat < -90 || lat > 90)) {
		c->range_bad = true;
		c->bad_x = x;
		c->bad_y = y;
	}
	/* Italy spans lon 6.6..18.5, lat 35.5..47.1: a point with lon in the
	 * Italian latitudes and lat in the Italian longitudes is swapped */
	if (lon >= 35 && lon <= 48 && lat >= 6 && lat <= 19)
		c->italy_swapped++;
}

/* The verdict on all the points seen, with c->why filled. */
static DcatitGeomVerdict coords_verdict(Coords *c)
{
	if (c->range_bad) {
		snprintf(c->why, c->n, _("coordinate (%.12g %.12g) is outside longitude "
		           "-180..180, latitude -90..90 in %s"), c->bad_x,
		         c->bad_y, c->axes == AXES_LONLAT ? _("CRS84 (longitude first)")
		         : c->axes == AXES_LATLON ? _("its EPSG CRS (latitude first)")
		         : _("EPSG:4326 (in either axis order)"));
		return DCATIT_GEOM_RANGE;
	}
	if (c->points && c->italy_swapped == c->points) {
		snprintf(c->why, c->n, "%s", c->axes == AXES_LONLAT
		         ? _("the coordinates are latitude first (e.g. 43.7 11.2), but "
		             "CRS84 (WKT without a CRS IRI, GeoJSON) is longitude "
		             "first: for Italy write e.g. 11.2 43.7")
		         : _("the coordinates are longitude first, but the EPSG CRS "
		             "given (EPSG:4326 and the other geographic ones) is "
		             "latitude first: swap them, or state CRS84 (longitude "
		             "first)"));
		return DCATIT_GEOM_SWAPPED;
	}
	return DCATIT_GEOM_OK;
}

/* ---- geometry: WKT -------------------------------------------------------- */

typedef struct {
	const char *s, *p, *end;
	Coords *c;
	int dims;      /* numbers per point: 2, 3 or 4; 0 = 2..4 accepted */
	bool failed;
} Wkt;

static void wkt_ws(Wkt *w)
{
	while (w->p < w->end && isspace((unsigned char)*w->p))
		w->p++;
}

/* Fail with a message pointing at the current position. */
static bool wkt_fail(Wkt *w, const char *what)
{
	if (w->failed)
		return false;
	w->failed = true;
	size_t left = (size_t)(w->end - w->p);
	if (!left)
		snprintf(w->c->why, w->c->n, _("%s at the end of the text"), _(what));
	else
		snprintf(w->c->why, w->c->n, _("%s at '%.*s%s'"), _(what),
		         (int)(left > 20 ? 20 : left), w->p, left > 20 ? "..." : "");
	return false;
}

static bool wkt_char(Wkt *w, char ch)
{
	wkt_ws(w);
	if (w->p < w->end && *w->p == ch) {
		w->p++;
		return true;
	}
	return false;
}

static bool wkt_number(Wkt *w, double *v)
{
	wkt_ws(w);
	const char *q = w->p;
	if (q < w->end && (*q == '+' || *q == '-'))
		q++;
	bool digits = false;
	while (q < w->end && isdigit((unsigned char)*q)) {
		q++;
		digits = true;
	}
	if (q < w->end && *q == '.') {
		q++;
		while (q < w->end && isdigit((unsigned char)*q)) {
			q++;
			digits = true;
		}
	}
	if (!digits)
		return false;
	if (q < w->end && (*q == 'e' || *q == 'E')) {
		const char *e = q + 1;
		if (e < w->end && (*e == '+' || *e == '-'))
			e++;
		if (e < w->end && isdigit((unsigned char)*e)) {
			while (e < w->end && isdigit((unsigned char)*e))
				e++;
			q = e;
		}
	}
	char tmp[64];
	size_t k = (size_t)(q - w->p);
	if (k >= sizeof tmp)
		return false;
	memcpy(tmp, w->p, k);
	tmp[k] = '\0';
	*v = strtod(tmp, NULL);
	w->p = q;
	return isfinite(*v);
}

/* One point "x y [z [m]]" into x, y. */
static bool wkt_point(Wkt *w, double *x, double *y)
{
	double v[4];
	int k = 0;
	while (k < 4 && wkt_number(w, &v[k]))
		k++;
	if (k < 2)
		return wkt_fail(w, "expected a coordinate (two numbers)");
	if (w->dims ? k != w->dims : false)
		return wkt_fail(w, "wrong number of values in a point");
	*x = v[0];
	*y = v[1];
	coords_point(w->c, *x, *y);
	return true;
}

/* "(p, p, ...)": a point list; min points, closed for polygon rings. */
static bool wkt_points(Wkt *w, size_t min, bool ring, size_t ringno)
{
	if (!wkt_char(w, '('))
		return wkt_fail(w, "expected '('");
	double fx = 0, fy = 0, lx = 0, ly = 0;
	size_t n = 0;
	do {
		if (!wkt_point(w, &lx, &ly))
			return false;
		if (!n) {
			fx = lx;
			fy = ly;
		}
		n++;
	} while (wkt_char(w, ','));
	if (!wkt_char(w, ')'))
		return wkt_fail(w, "expected ',' or ')' after a point");
	if (n < min) {
		w->failed = true;
		if (ring)
			snprintf(w->c->why, w->c->n, P_("a polygon ring has %zu point, at least %zu "
			                                "are needed", "a polygon ring has %zu points, "
			                                "at least %zu are needed", n), n, min);
		else
			snprintf(w->c->why, w->c->n, P_("a line has %zu point, at least %zu are needed",
			                                "a line has %zu points, at least %zu are needed",
			                                n), n, min);
		return false;
	}
	if (ring && (fx != lx || fy != ly)) {
		w->failed = true;
		snprintf(w->c->why, w->c->n, _("polygon ring %zu is not closed: it "
		           "starts at (%.12g %.12g) and ends at (%.12g %.12g); repeat the first "
		           "point at the end"), ringno, fx, fy, lx, ly);
		return false;
	}
	return true;
}

static bool wkt_polygon(Wkt *w)
{
	if (!wkt_char(w, '('))
		return wkt_fail(w, "expected '('");
	size_t ring = 1;
	do {
		if (!wkt_points(w, 4, true, ring++))
			return false;
	} while (wkt_char(w, ','));
	if (!wkt_char(w, ')'))
		return wkt_fail(w, "expected ',' or ')' after a ring");
	return true;
}

static bool wkt_word(Wkt *w, const char *word)
{
	wkt_ws(w);
	size_t k = strlen(word);
	if ((size_t)(w->end - w->p) < k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (toupper((unsigned char)w->p[i]) != word[i])
			return false;
	if (w->p + k < w->end && isalpha((unsigned char)w->p[k]))
		return false;
	w->p += k;
	return true;
}

static bool wkt_geometry(Wkt *w, int depth);

static bool wkt_body(Wkt *w, int type, int depth)
{
	double x, y;
	switch (type) {
	case 0: /* POINT */
		if (!wkt_char(w, '('))
			return wkt_fail(w, "expected '('");
		if (!wkt_point(w, &x, &y))
			return false;
		if (!wkt_char(w, ')'))
			return wkt_fail(w, "expected ')' after the point");
		return true;
	case 1: /* LINESTRING */
		return wkt_points(w, 2, false, 0);
	case 2: /* POLYGON */
		return wkt_polygon(w);
	case 3: /* MULTIPOINT: (1 2, 3 4) or ((1 2), (3 4)) */
		if (!wkt_char(w, '('))
			return wkt_fail(w, "expected '('");
		do {
			bool paren = wkt_char(w, '(');
			if (!wkt_point(w, &x, &y))
				return false;
			if (paren && !wkt_char(w, ')'))
				return wkt_fail(w, "expected ')' after the point");
		} while (wkt_char(w, ','));
		if (!wkt_char(w, ')'))
			return wkt_fail(w, "expected ',' or ')'");
		return true;
	case 4: /* MULTILINESTRING */
	case 5: /* MULTIPOLYGON */
		if (!wkt_char(w, '('))
			return wkt_fail(w, "expected '('");
		do {
			if (!(type == 4 ? wkt_points(w, 2, false, 0) : wkt_polygon(w)))
				return false;
		} while (wkt_char(w, ','));
		if (!wkt_char(w, ')'))
			return wkt_fail(w, "expected ',' or ')'");
		return true;
	default: /* GEOMETRYCOLLECTION */
		if (!wkt_char(w, '('))
			return wkt_fail(w, "expected '('");
		do {
			if (!wkt_geometry(w, depth + 1))
				return false;
		} while (wkt_char(w, ','));
		if (!wkt_char(w, ')'))
			return wkt_fail(w, "expected ',' or ')'");
		return true;
	}
}

static bool wkt_geometry(Wkt *w, int depth)
{
	static const char *const types[] = { "POINT", "LINESTRING", "POLYGON",
	                                     "MULTIPOINT", "MULTILINESTRING",
	                                     "MULTIPOLYGON", "GEOMETRYCOLLECTION" };
	if (depth > 8)
		return wkt_fail(w, "geometry collections nested too deep");
	int type = -1;
	for (int i = 0; i < 7 && type < 0; i++)
		if (wkt_word(w, types[i]))
			type = i;
	if (type < 0)
		return wkt_fail(w, "expected a geometry type (POINT, LINESTRING, "
		                   "POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON "
		                   "or GEOMETRYCOLLECTION)");
	int dims = 2;
	if (wkt_word(w, "ZM"))
		dims = 4;
	else if (wkt_word(w, "Z") || wkt_word(w, "M"))
		dims = 3;
	else
		dims = 0; /* legacy: "POINT(1 2 3)" without a Z */
	if (!depth)
		w->dims = dims;
	if (wkt_word(w, "EMPTY"))
		return true;
	return wkt_body(w, type, depth);
}

/* Axis order of a CRS IRI: CRS84 is lon/lat, the EPSG geographic CRSs
 * Italy uses (WGS84, ETRS89, RDN2008, Monte Mario) lat/lon, projected
 * CRSs are not degrees at all. */
static Axes crs_axes(const char *iri, size_t len)
{
	const char *slash = iri + len;
	while (slash > iri && slash[-1] != '/')
		slash--;
	size_t tail = (size_t)(iri + len - slash);
	if (tail == 5 && strncmp(slash, "CRS84", 5) == 0)
		return AXES_LONLAT;
	bool epsg = false;
	for (size_t i = 0; i + 6 <= len && !epsg; i++)
		epsg = memcmp(iri + i, "/EPSG/", 6) == 0;
	return epsg && tail == 4 && epsg_latlon(slash) ? AXES_LATLON : AXES_OTHER;
}

DcatitGeomVerdict dcatit_check_wkt(const char *s, size_t len, char *why,
                                   size_t n)
{
	Coords c;
	coords_init(&c, why, n);
	/* parentheses first: the commonest breakage, and the clearest message */
	long depth = 0, open = 0, close = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '(')
			depth++, open++;
		else if (s[i] == ')' && --depth < 0)
			break;
		close += s[i] == ')';
	}
	if (depth) {
		snprintf(why, n, _("unbalanced parentheses: %ld '(' and %ld ')'"),
		         open, close + (depth < 0));
		return DCATIT_GEOM_MALFORMED;
	}
	Wkt w = { s, s, s + len, &c, 0, false };
	wkt_ws(&w);
	if (w.p < w.end && *w.p == '<') {
		const char *gt = memchr(w.p, '>', (size_t)(w.end - w.p));
		if (!gt) {
			snprintf(why, n, _("the CRS IRI has no closing '>'"));
			return DCATIT_GEOM_MALFORMED;
		}
		c.axes = crs_axes(w.p + 1, (size_t)(gt - w.p - 1));
		w.p = gt + 1;
	}
	if (!wkt_geometry(&w, 0))
		return DCATIT_GEOM_MALFORMED;
	wkt_ws(&w);
	if (w.p != w.end) {
		wkt_fail(&w, "unexpected text after the geometry");
		return DCATIT_GEOM_MALFORMED;
	}
	return coords_verdict(&c);
}

/* ---- geometry: GeoJSON ---------------------------------------------------- */

static bool gj_fail(Coords *c, const char *what)
{
	snprintf(c->why, c->n, "%s", _(what));
	return false;
}

/* A position [x, y, ...] into x, y. */
static bool gj_position(Coords *c, const DcatitJson *a, double *x, double *y)
{
	size_t k = dcatit_json_size(a);
	if (!dcatit_json_is_array(a) || k < 2 || k > 4 ||
	    !dcatit_json_number(dcatit_json_at(a, 0), x) ||
	    !dcatit_json_number(dcatit_json_at(a, 1), y))
		return gj_fail(c, "a position is not an array of 2 to 4 numbers "
		                  "[longitude, latitude]");
	for (size_t i = 2; i < k; i++) {
		double z;
		if (!dcatit_json_number(dcatit_json_at(a, i), &z))
			return gj_fail(c, "a position holds something that is not a "
			                  "number");
	}
	coords_point(c, *x, *y);
	return true;
}

/* Coordinates nested depth levels (0 = one position); min points per
 * innermost array; rings closed when ring. */
static bool gj_coords(Coords *c, const DcatitJson *a, int depth, size_t min,
                      bool ring)
{
	double x, y;
	if (depth == 0)
		return gj_position(c, a, &x, &y);
	if (!dcatit_json_is_array(a))
		return gj_fail(c, "\"coordinates\" is not nested as the geometry type "
		                  "requires");
	size_t k = dcatit_json_size(a);
	double num;
	if (k && dcatit_json_number(dcatit_json_at(a, 0), &num))
		return gj_fail(c, "\"coordinates\" is not nested as the geometry "
		                  "type requires");
	if (depth == 1) {
		if (k < min) {
			if (ring)
				snprintf(c->why, c->n, P_("a polygon ring has %zu position, at least %zu "
				                          "are needed", "a polygon ring has %zu positions, "
				                          "at least %zu are needed", k), k, min);
			else
				snprintf(c->why, c->n, P_("a line has %zu position, at least %zu are "
				                          "needed", "a line has %zu positions, at least %zu "
				                          "are needed", k), k, min);
			return false;
		}
		double fx = 0, fy = 0;
		for (size_t i = 0; i < k; i++) {
			if (!gj_position(c, dcatit_json_at(a, i), &x, &y))
				return false;
			if (!i) {
				fx = x;
				fy = y;
			}
		}
		if (ring && k && (fx != x || fy != y)) {
			snprintf(c->why, c->n, _("a polygon ring is not closed: it starts "
			           "at [%.12g, %.12g] and ends at [%.12g, %.12g]; repeat the first "
			           "position at the end"), fx, fy, x, y);
			return false;
		}
		return true;
	}
	for (size_t i = 0; i < k; i++)
		if (!gj_coords(c, dcatit_json_at(a, i), depth - 1, min, ring))
			return false;
	return true;
}

static bool gj_geometry(Coords *c, const DcatitJson *g, int depth)
{
	static const struct {
		const char *type;
		int depth;
		size_t min;
		bool ring;
	} types[] = {
		{ "Point", 0, 0, false }, { "MultiPoint", 1, 0, false },
		{ "LineString", 1, 2, false }, { "MultiLineString", 2, 2, false },
		{ "Polygon", 2, 4, true }, { "MultiPolygon", 3, 4, true },
	};
	if (depth > 8)
		return gj_fail(c, "geometry collections nested too deep");
	const char *type = dcatit_json_is_object(g) ? dcatit_json_get_str(g, "type") : NULL;
	if (!type)
		return gj_fail(c, "not a GeoJSON geometry object (no \"type\")");
	if (strcmp(type, "GeometryCollection") == 0) {
		const DcatitJson *gs = dcatit_json_get(g, "geometries");
		if (!dcatit_json_is_array(gs))
			return gj_fail(c, "a GeometryCollection has no \"geometries\" array");
		for (size_t i = 0; i < dcatit_json_size(gs); i++)
			if (!gj_geometry(c, dcatit_json_at(gs, i), depth + 1))
				return false;
		return true;
	}
	if (strcmp(type, "Feature") == 0 || strcmp(type, "FeatureCollection") == 0)
		return gj_fail(c, "a GeoJSON Feature is not a geometry; give its "
		                  "\"geometry\" object only");
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		if (strcmp(type, types[i].type) != 0)
			continue;
		const DcatitJson *co = dcatit_json_get(g, "coordinates");
		if (!co)
			return gj_fail(c, "the geometry has no \"coordinates\"");
		return gj_coords(c, co, types[i].depth, types[i].min, types[i].ring);
	}
	snprintf(c->why, c->n, _("unknown GeoJSON geometry type \"%s\""), type);
	return false;
}

DcatitGeomVerdict dcatit_check_geojson(const char *s, size_t len, char *why,
                                       size_t n)
{
	Coords c;
	coords_init(&c, why, n);
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitJson *j = dcatit_json_parse(s, len, &d);
	if (!j) {
		snprintf(why, n, _("not valid JSON: %s"), d.message);
		return DCATIT_GEOM_MALFORMED;
	}
	/* the 2008 GeoJSON "crs" member names another CRS: no range checks */
	if (dcatit_json_is_object(j) && dcatit_json_get(j, "crs"))
		c.axes = AXES_OTHER;
	bool ok = gj_geometry(&c, j, 0);
	dcatit_json_free(j);
	return ok ? coords_verdict(&c) : DCATIT_GEOM_MALFORMED;
}

/* ---- geometry: GML coordinates ------------------------------------------- */

/* Where the coordinates of a GML element start: after the '>' of the first
 * <[prefix:]name ...> tag at or after from; NULL when there is none. */
static const char *gml_element(const char *end, const char *from,
                               const char *name)
{
	size_t k = strlen(name);
	for (const char *p = from; p < end; p++) {
		if (*p != '<' || p + 1 >= end || p[1] == '/')
			continue;
		const char *q = p + 1, *colon = NULL;
		while (q < end && (isalnum((unsigned char)*q) || *q == ':' || *q == '_' ||
		                   *q == '-')) {
			if (*q == ':')
				colon = q;
			q++;
		}
		const char *local = colon ? colon + 1 : p + 1;
		if ((size_t)(q - local) != k || memcmp(local, name, k) != 0)
			continue;
		const char *gt = memchr(q, '>', (size_t)(end - q));
		if (!gt)
			return NULL;
		return gt + 1;
	}
	return NULL;
}

DcatitGeomVerdict dcatit_check_gml(const char *s, size_t len, char *why,
                                   size_t n)
{
	static const char *const elements[] = { "lowerCorner", "upperCorner",
	                                        "pos", "posList", "coordinates" };
	Coords c;
	coords_init(&c, why, n);
	const char *end = s + len;
	/* the CRS: srsName="...EPSG...4326" or "...CRS84" (first one wins) */
	const char *srs = NULL;
	for (const char *p = s; p + 8 < end && !srs; p++)
		if (memcmp(p, "srsName=", 8) == 0 && (p[8] == '"' || p[8] == '\''))
			srs = p + 9;
	if (!srs)
		return DCATIT_GEOM_OK; /* no CRS stated: nothing to check against */
	const char *close = memchr(srs, srs[-1], (size_t)(end - srs));
	if (!close)
		return DCATIT_GEOM_OK;
	size_t slen = (size_t)(close - srs);
	/* "EPSG:4326", "urn:ogc:def:crs:EPSG::4326" and the opengis.net IRIs */
	const char *digits = close;
	while (digits > srs && isdigit((unsigned char)digits[-1]))
		digits--;
	bool epsg = false;
	for (size_t i = 0; i + 4 <= slen && !epsg; i++)
		epsg = memcmp(srs + i, "EPSG", 4) == 0;
	c.axes = AXES_OTHER;
	if (slen >= 5 && memcmp(close - 5, "CRS84", 5) == 0)
		c.axes = AXES_LONLAT;
	else if (epsg && close - digits == 4 && epsg_latlon(digits))
		/* the URN and http forms are strictly latitude first */
		c.axes = slen > 5 && memcmp(srs, "EPSG:", 5) == 0 ? AXES_EITHER
		                                                  : AXES_LATLON;
	if (c.axes == AXES_OTHER)
		return DCATIT_GEOM_OK;
	for (size_t e = 0; e < sizeof elements / sizeof elements[0]; e++) {
		const char *from = s;
		const char *p;
		while ((p = gml_element(end, from, elements[e])) != NULL) {
			const char *stop = memchr(p, '<', (size_t)(end - p));
			if (!stop)
				stop = end;
			/* numbers in pairs; gml:coordinates writes "x,y x,y" */
			double v[2];
			int k = 0;
			while (p < stop) {
				while (p < stop && (isspace((unsigned char)*p) || *p == ','))
					p++;
				if (p >= stop)
					break;
				char num[64];
				size_t m = 0;
				while (p < stop && !isspace((unsigned char)*p) && *p != ',' &&
				       m + 1 < sizeof num)
					num[m++] = *p++;
				num[m] = '\0';
				char *after;
				double x = strtod(num, &after);
				if (!m || *after || !isfinite(x)) {
					snprintf(why, n, _("gml:%s holds '%s', which is not a "
					           "number"), elements[e], num);
					return DCATIT_GEOM_MALFORMED;
				}
				v[k++] = x;
				if (k == 2) {
					coords_point(&c, v[0], v[1]);
					k = 0;
				}
			}
			from = stop;
		}
	}
	return coords_verdict(&c);
}

/* ---- running the checks on a graph ------------------------------------- */

#define CHECK_TERMS(X) \
	X(rdf_type, DCATIT_NS_RDF "type") \
	X(dcatapit_Agent, DCATIT_NS_DCATAPIT "Agent") \
	X(foaf_Agent, DCATIT_NS_FOAF "Agent") \
	X(dcatapit_Dataset, DCATIT_NS_DCATAPIT "Dataset") \
	X(dcat_Dataset, DCATIT_NS_DCAT "Dataset") \
	X(dct_publisher, DCATIT_NS_DCT "publisher") \
	X(dct_rightsHolder, DCATIT_NS_DCT "rightsHolder") \
	X(dct_creator, DCATIT_NS_DCT "creator") \
	X(dct_identifier, DCATIT_NS_DCT "identifier") \
	X(tax_code, DCATIT_NS_DCATIT "taxCode") \
	X(foaf_name, DCATIT_NS_FOAF "name") \
	X(dct_title, DCATIT_NS_DCT "title") \
	X(dct_description, DCATIT_NS_DCT "description") \
	X(vcard_fn, DCATIT_NS_VCARD "fn") \
	X(locn_geometry, DCATIT_NS_LOCN "geometry") \
	X(dcat_bbox, DCATIT_NS_DCAT "bbox") \
	X(dcat_centroid, DCATIT_NS_DCAT "centroid") \
	X(gsp_wkt, DCATIT_NS_GSP "wktLiteral") \
	X(gsp_gml, DCATIT_NS_GSP "gmlLiteral") \
	X(gsp_geojson, DCATIT_NS_GSP "geoJSONLiteral") \
	X(sh_violation, DCATIT_NS_SH "Violation") \
	X(sh_warning, DCATIT_NS_SH "Warning") \
	X(shape_ipa, DCATIT_CHECKS_NS "check-ipa") \
	X(comp_ipa, DCATIT_CHECKS_NS "IpaCodeCheck") \
	X(shape_name, DCATIT_CHECKS_NS "check-agent-name") \
	X(comp_name, DCATIT_CHECKS_NS "AgentNameCheck") \
	X(shape_tax, DCATIT_CHECKS_NS "check-tax-code") \
	X(comp_tax, DCATIT_CHECKS_NS "TaxCodeCheck") \
	X(shape_prefix, DCATIT_CHECKS_NS "check-dataset-identifier-prefix") \
	X(comp_prefix, DCATIT_CHECKS_NS "IdentifierPrefixCheck") \
	X(shape_geom, DCATIT_CHECKS_NS "check-geometry") \
	X(comp_geom, DCATIT_CHECKS_NS "GeometryCheck") \
	X(shape_range, DCATIT_CHECKS_NS "check-geometry-range") \
	X(comp_range, DCATIT_CHECKS_NS "GeometryRangeCheck") \
	X(shape_swap, DCATIT_CHECKS_NS "check-geometry-swapped") \
	X(comp_swap, DCATIT_CHECKS_NS "GeometryAxisOrderCheck") \
	X(shape_lang, DCATIT_CHECKS_NS "check-language-tag") \
	X(comp_lang, DCATIT_CHECKS_NS "LanguageTagCheck")

typedef struct {
	DcatitModel *d;
	DcatitTerms *t;
	DcatitOrgs *orgs;
	DcatitResults *out;
	DcatitBuf msg;
	bool oom;
#define CHECK_FIELD(f, iri) DcatitTermId f;
	CHECK_TERMS(CHECK_FIELD)
#undef CHECK_FIELD
} Run;

/* Append one result for triple number ti (focus = its subject, value = its
 * object), with the message in r->msg. */
static void report(Run *r, size_t ti, DcatitTermId shape, DcatitTermId comp,
                   bool violation)
{
	if (r->oom || r->msg.oom) {
		r->oom = true;
		return;
	}
	const DcatitTriple *tr = dcatit_model_triple(r->d, ti);
	DcatitResult res;
	memset(&res, 0, sizeof res);
	res.focus = tr->s;
	res.path = tr->p;
	res.value = tr->o;
	res.shape = shape;
	res.component = comp;
	res.severity = violation ? r->sh_violation : r->sh_warning;
	res.message = dcatit_terms_literal(r->t, r->msg.data, r->msg.len, 0, dcatit_i18n_lang());
	res.loc = dcatit_model_loc(r->d, ti);
	if (!res.message || dcatit_results_add(r->out, &res) != DCATIT_OK)
		r->oom = true;
	dcatit_buf_clear(&r->msg);
}

static bool add_subjects(Run *r, DcatitIds *l, DcatitTermId p, DcatitTermId o)
{
	DcatitRange rg = dcatit_model_po(r->d, p, o);
	for (size_t i = 0; i < rg.n; i++)
		if (!dcatit_ids_push(l, dcatit_model_triple(r->d, rg.idx[i])->s))
			return false;
	return true;
}

static bool add_objects(Run *r, DcatitIds *l, DcatitTermId p)
{
	DcatitRange rg = dcatit_model_po(r->d, p, 0);
	for (size_t i = 0; i < rg.n; i++)
		if (!dcatit_ids_push(l, dcatit_model_triple(r->d, rg.idx[i])->o))
			return false;
	return true;
}

static bool all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return len > 0;
}

static bool is_ipa_like(const char *s, size_t len)
{
	if (len < 2 || len > 32)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return false;
	return true;
}

/* A node in a message: <iri>, or "(a blank node)" whose label means
 * nothing to a publisher; the text is in b (cleared first). */
static const char *node_text(Run *r, DcatitTermId node, DcatitBuf *b)
{
	dcatit_buf_clear(b);
	if (dcatit_terms_is_iri(r->t, node))
		dcatit_buf_addf(b, "<%s>", dcatit_terms_str(r->t, node));
	else
		dcatit_buf_adds(b, _("(a blank node)"));
	if (b->oom)
		r->oom = true;
	return b->data ? b->data : "";
}

/* A tax code (Partita IVA, codice fiscale) with a wrong check digit: true
 * when a message was written. what names the property in the message. */
static bool tax_code_message(Run *r, const char *v, size_t len, const char *what,
                             DcatitTermId node)
{
	DcatitBuf nb;
	dcatit_buf_init(&nb);
	bool said = false;
	if (len == 11 && all_digits(v, len) && !dcatit_check_piva(v, len)) {
		if (strspn(v, "0") == len)
			dcatit_buf_addf(&r->msg, _("%s '%s' of agent %s looks like a Partita IVA (11 "
			                           "digits) but is not a valid one: it is all zeros; "
			                           "copy the number again from IndicePA or the Registro "
			                           "Imprese (dcatit check tax-code)"),
			                what, v, node_text(r, node, &nb));
		else
			dcatit_buf_addf(&r->msg, _("%s '%s' of agent %s looks like a Partita IVA (11 "
			                           "digits) but is not a valid one: the check digit "
			                           "should be %c, not %c; copy the number again from "
			                           "IndicePA or the Registro Imprese (dcatit check "
			                           "tax-code)"),
			                what, v, node_text(r, node, &nb), dcatit_check_piva_digit(v),
			                v[10]);
		said = true;
	} else if (len == 16 && dcatit_check_cf_shape(v, len) && !dcatit_check_cf(v, len)) {
		dcatit_buf_addf(&r->msg, _("%s '%s' of agent %s looks like a codice fiscale but its "
		                           "check character should be %c, not %c; copy it again from "
		                           "the tessera sanitaria or the Agenzia delle Entrate "
		                           "(dcatit check tax-code)"),
		                what, v, node_text(r, node, &nb), dcatit_check_cf_char(v), v[15]);
		said = true;
	}
	dcatit_buf_release(&nb);
	return said;
}

/* Are a and b one slip apart (a character changed, added or dropped, two
 * neighbours swapped; case ignored)? The registry's suggestion allows a third of the length,
 * which for a 4-letter code like m_it offers p_pt: too far to help. */
static bool one_edit(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la < lb) {
		const char *t = a;
		a = b;
		b = t;
		size_t n = la;
		la = lb;
		lb = n;
	}
	if (la - lb > 1)
		return false;
	size_t i = 0;
	while (i < lb && tolower((unsigned char)a[i]) == tolower((unsigned char)b[i]))
		i++;
	/* skip the differing character of a (and of b when equal lengths) */
	const char *ra = a + i + 1, *rb = b + i + (la == lb ? 1 : 0);
	if (i == lb)
		return true;
	/* two neighbours swapped (agdi for agid) count as one slip too */
	if (la == lb && i + 1 < la &&
	    tolower((unsigned char)a[i]) == tolower((unsigned char)b[i + 1]) &&
	    tolower((unsigned char)a[i + 1]) == tolower((unsigned char)b[i]) &&
	    strcasecmp(a + i + 2, b + i + 2) == 0)
		return true;
	return strcasecmp(ra, rb) == 0;
}

/* Next character of a name for comparing: ASCII folded to lower case,
 * runs of white space as one ' ', the typographic apostrophe as '\''. */
static int name_char(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	if (!*s)
		return -1;
	if (isspace(*s)) {
		while (isspace(*s))
			s++;
		*p = (const char *)s;
		return *s ? ' ' : -1;
	}
	if (s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99) {
		*p = (const char *)s + 3;
		return '\'';
	}
	*p = (const char *)s + 1;
	return tolower(*s);
}

/* Do two names match, case, spacing and apostrophes aside? */
static bool same_name(const char *a, const char *b)
{
	while (isspace((unsigned char)*a))
		a++;
	while (isspace((unsigned char)*b))
		b++;
	for (;;) {
		int x = name_char(&a), y = name_char(&b);
		if (x != y)
			return false;
		if (x < 0)
			return true;
	}
}

/* An agent whose code is in the registry: warn when none of its foaf:name
 * values is the official name there (dati.gov.it shows it as the
 * publisher; AgID rule 192 allows one more name per other language). */
static void check_agent_name(Run *r, DcatitTermId node, DcatitTermId reg_agent,
                             const char *code)
{
	DcatitModel *reg = dcatit_orgs_graph(r->orgs);
	DcatitTermId official = dcatit_model_object(reg, reg_agent, r->foaf_name);
	DcatitRange names = dcatit_model_sp(r->d, node, r->foaf_name);
	if (!official || !dcatit_terms_is_literal(r->t, official) || !names.n)
		return;
	const char *want = dcatit_terms_str(r->t, official);
	for (size_t i = 0; i < names.n; i++) {
		DcatitTermId o = dcatit_model_triple(r->d, names.idx[i])->o;
		if (dcatit_terms_is_literal(r->t, o) &&
		    same_name(dcatit_terms_str(r->t, o), want))
			return;
	}
	DcatitTermId first = dcatit_model_triple(r->d, names.idx[0])->o;
	DcatitBuf nb;
	dcatit_buf_init(&nb);
	dcatit_buf_addf(&r->msg, _("foaf:name '%s' of agent %s is not the official name "
	                           "registered in IPA for '%s': '%s'; use that name, once, so "
	                           "dati.gov.it shows the body as IPA knows it (dcatit check "
	                           "agent-name)"),
	                dcatit_terms_is_literal(r->t, first) ? dcatit_terms_str(r->t, first) : "",
	                node_text(r, node, &nb), code, want);
	dcatit_buf_release(&nb);
	report(r, names.idx[0], r->shape_name, r->comp_name, false);
}

static void check_agent_identifier(Run *r, size_t ti)
{
	const DcatitTriple *tr = dcatit_model_triple(r->d, ti);
	if (!dcatit_terms_is_literal(r->t, tr->o))
		return; /* AgID rule 190 reports it */
	const char *v = dcatit_terms_str(r->t, tr->o);
	size_t len = dcatit_terms_len(r->t, tr->o);
	if (strlen(v) != len)
		return; /* a NUL inside: not a code of anything */
	DcatitTermId agent;
	bool identified;
	if (r->orgs && dcatit_orgs_find(r->orgs, v, &agent, &identified)) {
		check_agent_name(r, tr->s, agent, v);
		return;
	}
	if (tax_code_message(r, v, len, "dct:identifier", tr->s)) {
		report(r, ti, r->shape_tax, r->comp_tax, false);
		return;
	}
	if ((len == 11 && all_digits(v, len)) || (len == 16 && dcatit_check_cf(v, len)))
		return; /* a valid Partita IVA or codice fiscale */
	if (!is_ipa_like(v, len))
		return; /* not even the syntax: dcatit check agent-identifier */
	const char *near = r->orgs ? dcatit_orgs_suggest(r->orgs, v) : NULL;
	if (near && len < 9 && !one_edit(v, near))
		near = NULL;
	DcatitBuf nb;
	dcatit_buf_init(&nb);
	const char *who = node_text(r, tr->s, &nb);
	if (near && strcasecmp(near, v) == 0)
		dcatit_buf_addf(&r->msg, _("dct:identifier '%s' of agent %s is not in the "
		                           "organisations registry (organizations.ttl and "
		                           "organisations files), nor a valid Partita IVA or codice "
		                           "fiscale; IPA codes are matched exactly: write '%s' as in "
		                           "the registry (dcatit check ipa)"), v, who, near);
	else if (near)
		dcatit_buf_addf(&r->msg, _("dct:identifier '%s' of agent %s is not in the "
		                           "organisations registry (organizations.ttl and "
		                           "organisations files), nor a valid Partita IVA or codice "
		                           "fiscale; did you mean %s? If '%s' is right (see "
		                           "indicepa.gov.it), add the body to an organisations file "
		                           "(validate --orgs FILE; for build, the catalogue's "
		                           "organizations.yaml) (dcatit check ipa)"),
		                v, who, near, v);
	else
		dcatit_buf_addf(&r->msg, _("dct:identifier '%s' of agent %s is not in the "
		                           "organisations registry (organizations.ttl and "
		                           "organisations files), nor a valid Partita IVA or codice "
		                           "fiscale; if '%s' is the body's code on indicepa.gov.it, "
		                           "add the body to an organisations file (validate --orgs "
		                           "FILE; for build, the catalogue's organizations.yaml) "
		                           "(dcatit check ipa)"), v, who, v);
	dcatit_buf_release(&nb);
	report(r, ti, r->shape_ipa, r->comp_ipa, false);
}

static void check_agents(Run *r)
{
	DcatitIds agents = { NULL, 0, 0 };
	bool ok = add_subjects(r, &agents, r->rdf_type, r->dcatapit_Agent) &&
	          add_subjects(r, &agents, r->rdf_type, r->foaf_Agent) &&
	          add_objects(r, &agents, r->dct_publisher) &&
	          add_objects(r, &agents, r->dct_rightsHolder) &&
	          add_objects(r, &agents, r->dct_creator);
	if (!ok) {
		r->oom = true;
		dcatit_ids_release(&agents);
		return;
	}
	dcatit_ids_unique_from(&agents, 0);
	for (size_t i = 0; i < agents.n && !r->oom; i++) {
		DcatitRange rg = dcatit_model_sp(r->d, agents.v[i], r->dct_identifier);
		for (size_t j = 0; j < rg.n; j++)
			check_agent_identifier(r, rg.idx[j]);
	}
	dcatit_ids_release(&agents);
	/* tax codes wherever they are given (our registry's own term) */
	DcatitRange rg = dcatit_model_po(r->d, r->tax_code, 0);
	for (size_t i = 0; i < rg.n && !r->oom; i++) {
		const DcatitTriple *tr = dcatit_model_triple(r->d, rg.idx[i]);
		if (!dcatit_terms_is_literal(r->t, tr->o))
			continue;
		const char *v = dcatit_terms_str(r->t, tr->o);
		if (tax_code_message(r, v, dcatit_terms_len(r->t, tr->o),
		                     "dcatit:taxCode", tr->s))
			report(r, rg.idx[i], r->shape_tax, r->comp_tax, false);
	}
}

/* The IPA code of a rights holder: its dct:identifier in the data, else in
 * the registry (an IRI of vocab/organizations.ttl used without its triples);
 * NULL when neither has one. Borrowed. */
static const char *holder_code(Run *r, DcatitTermId holder)
{
	DcatitRange rg = dcatit_model_sp(r->d, holder, r->dct_identifier);
	for (size_t i = 0; i < rg.n; i++) {
		DcatitTermId o = dcatit_model_triple(r->d, rg.idx[i])->o;
		if (dcatit_terms_is_literal(r->t, o))
			return dcatit_terms_str(r->t, o);
	}
	if (r->orgs && dcatit_terms_is_iri(r->t, holder)) {
		const char *c = dcatit_orgs_identifier(r->orgs, holder);
		if (c[0])
			return c;
	}
	return NULL;
}

static void check_dataset(Run *r, DcatitTermId ds)
{
	DcatitRange ids = dcatit_model_sp(r->d, ds, r->dct_identifier);
	if (!ids.n)
		return;
	DcatitRange hs = dcatit_model_sp(r->d, ds, r->dct_rightsHolder);
	const char *codes[4];
	size_t ncodes = 0;
	for (size_t i = 0; i < hs.n && ncodes < 4; i++) {
		const char *c = holder_code(r, dcatit_model_triple(r->d, hs.idx[i])->o);
		if (c && is_ipa_like(c, strlen(c)))
			codes[ncodes++] = c;
	}
	if (!ncodes)
		return; /* no rights holder code to compare with */
	for (size_t i = 0; i < ids.n; i++) {
		DcatitTermId o = dcatit_model_triple(r->d, ids.idx[i])->o;
		if (!dcatit_terms_is_literal(r->t, o))
			continue;
		const char *v = dcatit_terms_str(r->t, o);
		const char *colon = strchr(v, ':');
		if (!colon || !is_ipa_like(v, (size_t)(colon - v)))
			continue; /* no prefix at all: dcatit check dataset-identifier */
		size_t plen = (size_t)(colon - v);
		bool match = false;
		for (size_t k = 0; k < ncodes && !match; k++)
			match = strlen(codes[k]) == plen && strncmp(codes[k], v, plen) == 0;
		if (match)
			continue;
		/* bounded: a literal may be megabytes long */
		DcatitBuf nb;
		dcatit_buf_init(&nb);
		dcatit_buf_addf(&r->msg, _("dct:identifier '%.120s' of dataset %s starts with "
		                           "'%.*s', but its rights holder's IPA code is '%s'; write "
		                           "it as '%s:%.120s' (the identifier is <IPA code of the "
		                           "rights holder>:<local id>) (dcatit check "
		                           "dataset-identifier-prefix)"),
		                v, node_text(r, ds, &nb), (int)plen, v, codes[0], codes[0], colon + 1);
		dcatit_buf_release(&nb);
		report(r, ids.idx[i], r->shape_prefix, r->comp_prefix, false);
	}
}

static void check_datasets(Run *r)
{
	DcatitIds ds = { NULL, 0, 0 };
	if (!add_subjects(r, &ds, r->rdf_type, r->dcatapit_Dataset) ||
	    !add_subjects(r, &ds, r->rdf_type, r->dcat_Dataset)) {
		r->oom = true;
		dcatit_ids_release(&ds);
		return;
	}
	dcatit_ids_unique_from(&ds, 0);
	for (size_t i = 0; i < ds.n && !r->oom; i++)
		check_dataset(r, ds.v[i]);
	dcatit_ids_release(&ds);
}

/* The property name for messages. */
static const char *geom_prop(Run *r, DcatitTermId p)
{
	return p == r->dcat_bbox ? "dcat:bbox"
	       : p == r->dcat_centroid ? "dcat:centroid" : "locn:geometry";
}

static void check_geometry(Run *r, size_t ti)
{
	const DcatitTriple *tr = dcatit_model_triple(r->d, ti);
	if (!dcatit_terms_is_literal(r->t, tr->o))
		return;
	DcatitTermId dt = dcatit_terms_datatype(r->t, tr->o);
	const char *s = dcatit_terms_str(r->t, tr->o);
	size_t len = dcatit_terms_len(r->t, tr->o);
	size_t lead = 0;
	while (lead < len && isspace((unsigned char)s[lead]))
		lead++;
	bool json = false, gml = false;
	if (dt == r->gsp_gml) {
		gml = true;
	} else if (dt == r->gsp_geojson) {
		json = true;
	} else if (dt != r->gsp_wkt) {
		/* untyped (dcatit check geometry warns): go by the content; GML
		 * starts with '<' and a letter, a WKT CRS IRI with "<http" */
		gml = lead < len && s[lead] == '<' && !(len - lead > 5 &&
		      strncmp(s + lead + 1, "http", 4) == 0);
		json = lead < len && s[lead] == '{';
	}
	char why[400];
	DcatitGeomVerdict v = json ? dcatit_check_geojson(s, len, why, sizeof why)
	                      : gml ? dcatit_check_gml(s, len, why, sizeof why)
	                      : dcatit_check_wkt(s, len, why, sizeof why);
	const char *prop = geom_prop(r, tr->p);
	const char *kind = json ? "GeoJSON" : gml ? "GML" : "WKT";
	if (v == DCATIT_GEOM_OK)
		return;
	DcatitBuf nb;
	dcatit_buf_init(&nb);
	const char *where = node_text(r, tr->s, &nb);
	switch (v) {
	case DCATIT_GEOM_OK:
		break;
	case DCATIT_GEOM_MALFORMED:
		dcatit_buf_addf(&r->msg, _("%s of location %s is not well-formed %s: %s; fix the "
		                           "literal, e.g. %s (dcatit check geometry)"),
		                prop, where, kind, why,
		                json
		                ? _("{\"type\": \"Point\", \"coordinates\": [11.25, 43.77]} "
		                    "(longitude, latitude)")
		                : gml
		                ? _("<gml:Envelope srsName=\"http://www.opengis.net/def/crs/EPSG/0/"
		                    "4326\"><gml:lowerCorner>42.2 9.7</gml:lowerCorner><gml:"
		                    "upperCorner>44.5 12.4</gml:upperCorner></gml:Envelope> "
		                    "(latitude longitude)")
		                : _("POLYGON((10.0 43.0, 11.0 43.0, 11.0 44.0, 10.0 44.0, 10.0 "
		                    "43.0)) (longitude latitude, the ring closed)"));
		report(r, ti, r->shape_geom, r->comp_geom, true);
		break;
	case DCATIT_GEOM_RANGE:
		dcatit_buf_addf(&r->msg, _("%s of location %s: %s; give longitude and latitude in "
		                           "degrees, or if these are projected coordinates prefix "
		                           "the WKT with its CRS IRI, e.g. "
		                           "<http://www.opengis.net/def/crs/EPSG/0/3003> (dcatit "
		                           "check geometry-range)"), prop, where, why);
		report(r, ti, r->shape_range, r->comp_range, true);
		break;
	case DCATIT_GEOM_SWAPPED:
		dcatit_buf_addf(&r->msg, _("%s of location %s looks swapped: %s (dcatit check "
		                           "geometry-swapped)"), prop, where, why);
		report(r, ti, r->shape_swap, r->comp_swap, false);
		break;
	}
	dcatit_buf_release(&nb);
}

static void check_geometries(Run *r)
{
	DcatitTermId props[] = { r->locn_geometry, r->dcat_bbox, r->dcat_centroid };
	for (size_t k = 0; k < 3 && !r->oom; k++) {
		DcatitRange rg = dcatit_model_po(r->d, props[k], 0);
		for (size_t i = 0; i < rg.n && !r->oom; i++)
			check_geometry(r, rg.idx[i]);
	}
}

/* Names, titles and descriptions tagged with a language they are not
 * written in: Italian text @de or @en, as CKAN portals serve it (a second
 * name in another language is allowed by AgID rule 192, a mislabelled copy
 * of the Italian one is what it should not be). */
static void check_language_tags(Run *r)
{
	DcatitTermId props[] = { r->foaf_name, r->dct_title, r->dct_description, r->vcard_fn };
	for (size_t k = 0; k < sizeof props / sizeof props[0] && !r->oom; k++) {
		DcatitRange rg = dcatit_model_po(r->d, props[k], 0);
		for (size_t i = 0; i < rg.n && !r->oom; i++) {
			const DcatitTriple *tr = dcatit_model_triple(r->d, rg.idx[i]);
			const char *tag = dcatit_terms_is_literal(r->t, tr->o)
			                  ? dcatit_terms_lang(r->t, tr->o) : NULL;
			const char *v = tag ? dcatit_terms_str(r->t, tr->o) : NULL;
			const char *word = v ? dcatit_textlang_italian_word(
			                           v, dcatit_terms_len(r->t, tr->o), tag) : NULL;
			if (!word)
				continue;
			const char *prop = props[k] == r->foaf_name ? "foaf:name"
			                   : props[k] == r->dct_title ? "dct:title"
			                   : props[k] == r->vcard_fn ? "vcard:fn" : "dct:description";
			/* 80 bytes of a long description, cut between characters */
			size_t n = strlen(v), cut = n > 80 ? 80 : n;
			while (cut < n && cut > 0 && ((unsigned char)v[cut] & 0xC0) == 0x80)
				cut--;
			DcatitBuf nb;
			dcatit_buf_init(&nb);
			const char *fmt = props[k] == r->dct_description
				? _("%s '%.*s%s'@%s of %s reads as Italian ('%s') but is tagged @%s; tag "
				    "it @it, or write the text in that language (dcatit check "
				    "language-tag)")
				: props[k] == r->dct_title
				? _("%s '%.*s%s'@%s of %s reads as Italian ('%s') but is tagged @%s; tag "
				    "it @it, or write the title in that language (dcatit check "
				    "language-tag)")
				: _("%s '%.*s%s'@%s of %s reads as Italian ('%s') but is tagged @%s; tag "
				    "it @it, or write the name in that language (dcatit check "
				    "language-tag)");
			dcatit_buf_addf(&r->msg, fmt, prop, (int)cut, v, cut < n ? "..." : "", tag,
			                node_text(r, tr->s, &nb), word, tag);
			dcatit_buf_release(&nb);
			report(r, rg.idx[i], r->shape_lang, r->comp_lang, false);
		}
	}
}

DcatitStatus dcatit_checks_run(DcatitModel *data, DcatitOrgs *orgs,
                               DcatitResults *out)
{
	Run r;
	memset(&r, 0, sizeof r);
	r.d = data;
	r.t = dcatit_model_terms(data);
	r.orgs = orgs;
	r.out = out;
	dcatit_buf_init(&r.msg);
#define CHECK_INTERN(f, iri) \
	if (!(r.f = dcatit_terms_iri_z(r.t, iri))) \
		r.oom = true;
	CHECK_TERMS(CHECK_INTERN)
#undef CHECK_INTERN
	if (!r.oom && dcatit_model_freeze(data) != DCATIT_OK)
		r.oom = true;
	if (!r.oom)
		check_agents(&r);
	if (!r.oom)
		check_datasets(&r);
	if (!r.oom)
		check_geometries(&r);
	if (!r.oom)
		check_language_tags(&r);
	dcatit_buf_release(&r.msg);
	return r.oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}
