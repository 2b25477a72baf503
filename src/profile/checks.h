/* checks.h: the DCAT-AP_IT checks that SHACL Core cannot express (agent
 * codes against the IPA registry and the tax-code check digits, the dataset
 * identifier prefix, GeoDCAT-AP geometry literals), run by `validate` when
 * the dcatapit profile is active. They add ordinary SHACL results, so the
 * report, its order and its locations are those of the shapes. */
#ifndef DCATIT_CHECKS_H
#define DCATIT_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"
#include "profile/orgs.h"
#include "rdf/model.h"
#include "shacl/result.h"

/* The namespace of the source shapes (dcatit:check-<name>) and of the
 * constraint components (dcatit:<Name>Check) these checks report with. */
#define DCATIT_CHECKS_NS "https://w3id.org/dcatit/ns#"

/* Run every check on data, appending results to out. orgs is the registry
 * of known organisations (vocab/organizations.ttl plus the user's files);
 * NULL means an empty registry. It shares the term store of data. Fails
 * only with DCATIT_ERR_NOMEM. */
DcatitStatus dcatit_checks_run(DcatitModel *data, DcatitOrgs *orgs,
                               DcatitResults *out);

/* Is s (len bytes) an 11-digit Partita IVA (or numeric codice fiscale of a
 * body) with the right check digit? All zeros is not. */
bool dcatit_check_piva(const char *s, size_t len);
/* The check digit ('0'..'9') the first 10 digits of a Partita IVA call
 * for; 0 when s does not start with 10 digits. */
char dcatit_check_piva_digit(const char *s);
/* Does s (len bytes) have the shape of a personal codice fiscale: 6
 * letters, 2 digits, month letter, 2 digits (day, +40 for women), a
 * letter, 3 digits, the check letter, where the digits may be replaced by
 * the omocodia letters L M N P Q R S T U V? Case-insensitive. */
bool dcatit_check_cf_shape(const char *s, size_t len);
/* The check character of the first 15 characters of a codice fiscale
 * (official odd/even tables, sum mod 26); 0 when one is not a letter or
 * digit. */
char dcatit_check_cf_char(const char *s);
/* Is s a well-shaped codice fiscale whose check character is right? */
bool dcatit_check_cf(const char *s, size_t len);

/* What a geometry literal check found. */
typedef enum {
	DCATIT_GEOM_OK = 0,
	DCATIT_GEOM_MALFORMED,   /* not WKT / GeoJSON as the grammar wants */
	DCATIT_GEOM_RANGE,       /* a coordinate outside lon -180..180,
	                          * lat -90..90 */
	DCATIT_GEOM_SWAPPED,     /* latitude/longitude swapped for Italy */
} DcatitGeomVerdict;

/* Check a WKT literal (optionally preceded by a CRS IRI: CRS84 and no IRI
 * mean lon/lat, EPSG geographic codes lat/lon, other CRSs are not
 * range-checked). On anything but OK, why (n bytes) says what is wrong. */
DcatitGeomVerdict dcatit_check_wkt(const char *s, size_t len, char *why,
                                   size_t n);
/* Check the coordinates of a GML geometry (gml:lowerCorner, upperCorner,
 * pos, posList, coordinates) against the CRS of its srsName: CRS84 lon/lat,
 * the EPSG geographic CRSs lat/lon; no srsName or another CRS: OK. The XML
 * itself is not parsed (MALFORMED only for a coordinate that is not a
 * number). */
DcatitGeomVerdict dcatit_check_gml(const char *s, size_t len, char *why,
                                   size_t n);
/* Check a GeoJSON geometry object (RFC 7946, always lon/lat). */
DcatitGeomVerdict dcatit_check_geojson(const char *s, size_t len, char *why,
                                       size_t n);

#endif
