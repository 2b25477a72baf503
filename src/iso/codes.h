/* codes.h: the code lists the ISO 19139 mapping translates (languages,
 * maintenance frequencies, INSPIRE themes, topic categories, file formats
 * and media types, OGC services, licences, coordinate reference systems,
 * character sets), as tables of facts with lookups; no XML and no RDF here.
 * For src/iso and its tests (tests/iso checks the tables against the
 * SEMIC alignments they come from). */
#ifndef DCATIT_ISO_CODES_H
#define DCATIT_ISO_CODES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	const char *iso;  /* ISO 639-2 (B or T) or 639-1 code */
	const char *tag;  /* BCP 47 tag for literals */
	const char *eu;   /* EU language authority code */
} IsoLang;

/* The language of an ISO 639-2 B/T or 639-1 code (any case); NULL when
 * unknown. Borrowed (static). */
const IsoLang *iso_find_lang(const char *code);
/* Does hay contain needle, ignoring case? false when hay is NULL. */
bool iso_icontains(const char *hay, const char *needle);

/* EU frequency code of an MD_MaintenanceFrequencyCode, NULL when none. */
const char *iso_find_freq(const char *code);

typedef struct {
	const char *code;       /* "hy": http://inspire.ec.europa.eu/theme/hy */
	const char *en, *it, *fr; /* the theme's name in three languages */
	const char *themes;     /* EU data themes, space-separated: the SEMIC
	                           alignment inspire-themes-to-mdr-data-themes */
} IsoInspire;

/* An INSPIRE theme from a keyword text (English, Italian or French name)
 * or an anchor href (http://inspire.ec.europa.eu/theme/hy); NULL when
 * none. Borrowed (static). */
const IsoInspire *iso_find_inspire(const char *kw, const char *href);
/* The i-th INSPIRE theme (0-based), NULL past the end. Borrowed. */
const IsoInspire *iso_inspire_at(size_t i);

/* An EU data theme code named by a keyword (its code) or an authority
 * IRI; NULL when none. Borrowed (static). */
const char *iso_find_data_theme(const char *kw, const char *href);

/* The EU data theme of an ISO topic category (the documented default),
 * NULL when the category is unknown. */
const char *iso_topic_theme(const char *topic);

/* The EU file type of a format name seen in ISO records ("ESRI Shapefile",
 * "GML 3.2.1", "NetCDF"), NULL when unknown. */
const char *iso_find_format(const char *name);

/* The EU file type of a media type ("application/gml+xml", any case), by
 * the SEMIC alignment inspire-media-types-to-mdr-file-types; NULL when it
 * has none. */
const char *iso_media_filetype(const char *type);
/* The i-th (media type, file type) pair of that alignment (0-based); false
 * past the end. */
bool iso_media_at(size_t i, const char **type, const char **filetype);

typedef struct {
	const char *kind;     /* "WMS" */
	const char *standard; /* OGC service type IRI (dct:conformsTo) */
	const char *protocol; /* OGC standard page (geodcatap:serviceProtocol) */
	const char *filetype; /* EU file type of a distribution through it */
	bool download;        /* serves the data itself (WFS, WCS, SOS...) */
} IsoOgc;

/* The OGC service an online resource points to, from its protocol
 * ("OGC:WMS", "OGC:WMS-1.3.0-http-get-map", "WMS", "OGC Web Map
 * Service") or, failing that, a service= parameter in its URL; NULL when
 * none. Borrowed (static). */
const IsoOgc *iso_find_ogc(const char *protocol, const char *url);

/* The Italian licences vocabulary code named by a licence text or URL,
 * NULL when none. */
const char *iso_find_licence(const char *s);

/* The EPSG code of a reference system name as RNDT and Italian GIS write
 * it ("ROMA40/OVEST", "Gauss-Boaga Fuso Est", "ETRS89/UTM 32N",
 * "RDN2008/TM32", "WGS84"); 0 when unknown. A bare "Gauss-Boaga" (or
 * "Monte Mario") names no zone: west gives the zone of longitudes up to
 * 12 E, and west < 0 means unknown; then 0. */
unsigned long iso_crs_epsg(const char *name, double west, double east);

/* The IANA name of an MD_CharacterSetCode ("utf8" -> "UTF-8"), NULL when
 * unknown. */
const char *iso_charset(const char *code);

/* The INSPIRE spatial data service type of an srv:serviceType text
 * ("view", "download", "discovery", "OGC:WMS" -> "view"), NULL when none.
 * Borrowed (static). */
const char *iso_service_type(const char *text);

/* The INSPIRE spatial data service category (ISO 19119) a keyword names,
 * in the register's spelling ("infomapaccessservice" ->
 * "infoMapAccessService"); NULL when none. Borrowed (static). */
const char *iso_service_category(const char *keyword);

#endif
