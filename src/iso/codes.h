/* codes.h: the code lists the ISO 19139 mapping translates (languages,
 * maintenance frequencies, INSPIRE themes, topic categories, file formats,
 * OGC services, licences), as tables of facts with lookups; no XML and no
 * RDF here. For src/iso and its tests. */
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

/* EU frequency code of an MD_MaintenanceFrequencyCode, NULL when none. */
const char *iso_find_freq(const char *code);

typedef struct {
	const char *code, *en, *it, *theme;
} IsoInspire;

/* An INSPIRE theme from a keyword text (English or Italian name) or an
 * anchor href (http://inspire.ec.europa.eu/theme/hy); NULL when none.
 * Borrowed (static). */
const IsoInspire *iso_find_inspire(const char *kw, const char *href);

/* An EU data theme code named by a keyword (its code) or an authority
 * IRI; NULL when none. Borrowed (static). */
const char *iso_find_data_theme(const char *kw, const char *href);

/* The EU data theme of an ISO topic category (the documented default),
 * NULL when the category is unknown. */
const char *iso_topic_theme(const char *topic);

/* The EU file type of a format name seen in ISO records ("ESRI Shapefile",
 * "GML 3.2.1"), NULL when unknown. */
const char *iso_find_format(const char *name);

typedef struct {
	const char *kind, *standard, *filetype;
} IsoOgc;

/* The OGC service an online resource points to, from its protocol
 * ("OGC:WMS", "OGC:WMS-1.3.0-http-get-map", "WMS", "OGC Web Map
 * Service") or, failing that, a service= parameter in its URL; NULL when
 * none. Borrowed (static). */
const IsoOgc *iso_find_ogc(const char *protocol, const char *url);

/* The Italian licences vocabulary code named by a licence text or URL,
 * NULL when none. */
const char *iso_find_licence(const char *s);

#endif
