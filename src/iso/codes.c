/* codes.c: the code lists of the ISO 19139 mapping as tables of facts:
 * ISO 639 languages to EU language codes and BCP 47 tags, maintenance
 * frequencies to EU frequencies, INSPIRE themes and topic categories to EU
 * data themes, format names to EU file types, OGC services, licence texts
 * and URLs to the Italian licences vocabulary. */
#include "iso/codes.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool ieq(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

static bool icontains(const char *hay, const char *needle)
{
	if (!hay)
		return false;
	size_t n = strlen(needle);
	for (const char *h = hay; *h; h++)
		if (strncasecmp(h, needle, n) == 0)
			return true;
	return false;
}

static const IsoLang langs[] = {
	{"ita", "it", "ITA"}, {"it", "it", "ITA"}, {"eng", "en", "ENG"},
	{"en", "en", "ENG"}, {"ger", "de", "DEU"}, {"deu", "de", "DEU"},
	{"de", "de", "DEU"}, {"fre", "fr", "FRA"}, {"fra", "fr", "FRA"},
	{"fr", "fr", "FRA"}, {"dut", "nl", "NLD"}, {"nld", "nl", "NLD"},
	{"nl", "nl", "NLD"}, {"spa", "es", "SPA"}, {"es", "es", "SPA"},
	{"por", "pt", "POR"}, {"slv", "sl", "SLV"}, {"slo", "sk", "SLK"},
	{"slk", "sk", "SLK"}, {"cze", "cs", "CES"}, {"ces", "cs", "CES"},
	{"pol", "pl", "POL"}, {"gre", "el", "ELL"}, {"ell", "el", "ELL"},
	{"swe", "sv", "SWE"}, {"dan", "da", "DAN"}, {"fin", "fi", "FIN"},
	{"est", "et", "EST"}, {"lav", "lv", "LAV"}, {"lit", "lt", "LIT"},
	{"hun", "hu", "HUN"}, {"rum", "ro", "RON"}, {"ron", "ro", "RON"},
	{"bul", "bg", "BUL"}, {"hrv", "hr", "HRV"}, {"gle", "ga", "GLE"},
	{"mlt", "mt", "MLT"}, {"ltz", "lb", "LTZ"}, {"cat", "ca", "CAT"},
	{"nor", "no", "NOR"}, {"slv", "sl", "SLV"},
};

const IsoLang *iso_find_lang(const char *c)
{
	if (!c)
		return NULL;
	for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
		if (ieq(langs[i].iso, c))
			return &langs[i];
	return NULL;
}

/* ISO MD_MaintenanceFrequencyCode -> EU frequency. "biannually" is twice a
 * year (ANNUAL_2), not every two years (BIENNIAL). */
static const char *const freqs[][2] = {
	{"continual", "CONT"}, {"daily", "DAILY"}, {"weekly", "WEEKLY"},
	{"fortnightly", "BIWEEKLY"}, {"monthly", "MONTHLY"},
	{"quarterly", "QUARTERLY"}, {"biannually", "ANNUAL_2"},
	{"annually", "ANNUAL"}, {"asNeeded", "IRREG"}, {"irregular", "IRREG"},
	{"notPlanned", "NEVER"}, {"unknown", "UNKNOWN"},
};

const char *iso_find_freq(const char *code)
{
	for (size_t i = 0; code && i < sizeof freqs / sizeof *freqs; i++)
		if (strcmp(freqs[i][0], code) == 0)
			return freqs[i][1];
	return NULL;
}

/* INSPIRE Annex themes: code, English and Italian names, EU data theme. */
static const IsoInspire inspire[] = {
	{"ac", "Atmospheric conditions", "Condizioni atmosferiche", "ENVI"},
	{"ad", "Addresses", "Indirizzi", "REGI"},
	{"af", "Agricultural and aquaculture facilities", "Impianti agricoli e di acquacoltura", "AGRI"},
	{"am", "Area management/restriction/regulation zones and reporting units",
	 "Zone sottoposte a gestione/limitazioni/regolamentazione e unità con obbligo di comunicare dati", "ENVI"},
	{"au", "Administrative units", "Unità amministrative", "REGI"},
	{"br", "Bio-geographical regions", "Regioni biogeografiche", "ENVI"},
	{"bu", "Buildings", "Edifici", "REGI"},
	{"cp", "Cadastral parcels", "Parcelle catastali", "REGI"},
	{"ef", "Environmental monitoring facilities", "Impianti di monitoraggio ambientale", "ENVI"},
	{"el", "Elevation", "Elevazione", "ENVI"},
	{"er", "Energy resources", "Risorse energetiche", "ENER"},
	{"ge", "Geology", "Geologia", "ENVI"},
	{"gg", "Geographical grid systems", "Sistemi di griglie geografiche", "TECH"},
	{"gn", "Geographical names", "Nomi geografici", "REGI"},
	{"hb", "Habitats and biotopes", "Habitat e biotopi", "ENVI"},
	{"hh", "Human health and safety", "Salute umana e sicurezza", "HEAL"},
	{"hy", "Hydrography", "Idrografia", "ENVI"},
	{"lc", "Land cover", "Copertura del suolo", "ENVI"},
	{"lu", "Land use", "Utilizzo del territorio", "REGI"},
	{"mf", "Meteorological geographical features", "Elementi geografici meteorologici", "ENVI"},
	{"mr", "Mineral resources", "Risorse minerarie", "ECON"},
	{"nz", "Natural risk zones", "Zone a rischio naturale", "ENVI"},
	{"of", "Oceanographic geographical features", "Elementi geografici oceanografici", "ENVI"},
	{"oi", "Orthoimagery", "Orto immagini", "REGI"},
	{"pd", "Population distribution - demography", "Distribuzione della popolazione - demografia", "SOCI"},
	{"pf", "Production and industrial facilities", "Produzione e impianti industriali", "ECON"},
	{"ps", "Protected sites", "Siti protetti", "ENVI"},
	{"rs", "Coordinate reference systems", "Sistemi di coordinate", "TECH"},
	{"sd", "Species distribution", "Distribuzione delle specie", "ENVI"},
	{"so", "Soil", "Suolo", "ENVI"},
	{"sr", "Sea regions", "Regioni marine", "ENVI"},
	{"su", "Statistical units", "Unità statistiche", "REGI"},
	{"tn", "Transport networks", "Reti di trasporto", "TRAN"},
	{"us", "Utility and governmental services", "Servizi di pubblica utilità e servizi amministrativi", "GOVE"},
};

/* Compare theme names ignoring case, spaces, and dash/slash variants. */
static bool name_eq(const char *a, const char *b)
{
	for (;;) {
		while (*a && !isalnum((unsigned char)*a) && (unsigned char)*a < 0x80)
			a++;
		while (*b && !isalnum((unsigned char)*b) && (unsigned char)*b < 0x80)
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		a++;
		b++;
	}
}

/* An INSPIRE theme from a keyword text or an Anchor href
 * (http://inspire.ec.europa.eu/theme/hy). */
const IsoInspire *iso_find_inspire(const char *kw, const char *hr)
{
	for (size_t i = 0; i < sizeof inspire / sizeof *inspire; i++) {
		const IsoInspire *t = &inspire[i];
		if (hr && icontains(hr, "inspire.ec.europa.eu/theme/")) {
			const char *c = strstr(hr, "/theme/") + 7;
			if (strncasecmp(c, t->code, 2) == 0 && !isalnum((unsigned char)c[2]))
				return t;
		}
		if (kw && (name_eq(kw, t->en) || name_eq(kw, t->it)))
			return t;
	}
	return NULL;
}

static const char *const data_themes[] = {
	"AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST",
	"OP_DATPRO", "REGI", "SOCI", "TECH", "TRAN",
};

/* ISO topic categories -> EU data theme, used only when no keyword gave a
 * theme (the documented default). */
static const char *const topic_themes[][2] = {
	{"farming", "AGRI"}, {"biota", "ENVI"}, {"boundaries", "REGI"},
	{"climatologyMeteorologyAtmosphere", "ENVI"}, {"economy", "ECON"},
	{"elevation", "ENVI"}, {"environment", "ENVI"},
	{"geoscientificInformation", "TECH"}, {"health", "HEAL"},
	{"imageryBaseMapsEarthCover", "REGI"}, {"intelligenceMilitary", "JUST"},
	{"inlandWaters", "ENVI"}, {"location", "REGI"}, {"oceans", "ENVI"},
	{"planningCadastre", "REGI"}, {"society", "SOCI"}, {"structure", "REGI"},
	{"transportation", "TRAN"}, {"utilitiesCommunication", "ENER"},
	{"extraTerrestrial", "TECH"}, {"disaster", "ENVI"},
};

const char *iso_find_data_theme(const char *kw, const char *hr)
{
	for (size_t i = 0; i < sizeof data_themes / sizeof *data_themes; i++) {
		const char *c = data_themes[i];
		if (ieq(kw, c))
			return c;
		if (hr && icontains(hr, "data-theme/")) {
			const char *h = strstr(hr, "data-theme/") + 11;
			if (ieq(h, c))
				return c;
		}
	}
	return NULL;
}

const char *iso_topic_theme(const char *topic)
{
	for (size_t i = 0; topic && i < sizeof topic_themes / sizeof *topic_themes; i++)
		if (strcmp(topic_themes[i][0], topic) == 0)
			return topic_themes[i][1];
	return NULL;
}

typedef struct {
	const char *name, *code;
} Fmt;

/* Distribution format names seen in ISO records -> EU file type. */
static const Fmt formats[] = {
	{"shp", "SHP"}, {"shapefile", "SHP"}, {"esri shapefile", "SHP"},
	{"shape", "SHP"}, {"gml", "GML"}, {"kml", "KML"}, {"kmz", "KMZ"},
	{"geotiff", "TIFF"}, {"tiff", "TIFF"}, {"tif", "TIFF"},
	{"csv", "CSV"}, {"json", "JSON"}, {"geojson", "GEOJSON"},
	{"pdf", "PDF"}, {"zip", "ZIP"}, {"xml", "XML"}, {"ecw", "ECW"},
	{"dxf", "DXF"}, {"dwg", "DWG"}, {"jpeg", "JPEG"}, {"jpg", "JPEG"},
	{"png", "PNG"}, {"gpkg", "GPKG"}, {"geopackage", "GPKG"},
	{"netcdf", "NETCDF"}, {"ascii grid", "GRID_ASCII"}, {"html", "HTML"},
	{"xls", "XLS"}, {"xlsx", "XLSX"}, {"mrsid", "MRSID"},
	{"jpeg2000", "JPEG2000"}, {"jp2", "JPEG2000"}, {"dbf", "DBF"},
	{"e00", "E00"}, {"las", "LAS"}, {"laz", "LAZ"},
};

const char *iso_find_format(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (ieq(formats[i].name, name))
			return formats[i].code;
	/* "GML 3.2.1", "ESRI Shapefile (SHP)": the leading word decides */
	size_t k = strcspn(name, " (");
	if (k && k < strlen(name))
		for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
			if (strlen(formats[i].name) == k &&
			    strncasecmp(formats[i].name, name, k) == 0)
				return formats[i].code;
	return NULL;
}

/* OGC service kinds: protocol marker, standard IRI, EU file type. */
static const IsoOgc ogcs[] = {
	{"WMS", "http://www.opengis.net/def/serviceType/ogc/wms", "WMS_SRVC"},
	{"WFS", "http://www.opengis.net/def/serviceType/ogc/wfs", "WFS_SRVC"},
	{"WCS", "http://www.opengis.net/def/serviceType/ogc/wcs", "WCS_SRVC"},
	{"WMTS", "http://www.opengis.net/def/serviceType/ogc/wmts", NULL},
	{"CSW", "http://www.opengis.net/def/serviceType/ogc/csw", NULL},
	{"SOS", "http://www.opengis.net/def/serviceType/ogc/sos", NULL},
	{"WPS", "http://www.opengis.net/def/serviceType/ogc/wps", NULL},
};

static const char *const ogc_long[] = {
	"Web Map Service", "Web Feature Service", "Web Coverage Service",
	"Web Map Tile Service", "Catalogue Service", "Sensor Observation Service",
	"Web Processing Service",
};

/* The OGC service an online resource points to, from its protocol
 * ("OGC:WMS", "OGC:WMS-1.3.0-http-get-map", "WMS", "OGC Web Map Service")
 * or, failing that, a service= parameter in its URL. */
const IsoOgc *iso_find_ogc(const char *protocol, const char *url)
{
	for (size_t i = 0; i < sizeof ogcs / sizeof *ogcs; i++) {
		const char *k = ogcs[i].kind;
		size_t n = strlen(k);
		if (protocol) {
			const char *p = protocol;
			if (strncasecmp(p, "OGC:", 4) == 0)
				p += 4;
			if (strncasecmp(p, k, n) == 0 && !isalpha((unsigned char)p[n]))
				return &ogcs[i];
			if (icontains(protocol, ogc_long[i]))
				return &ogcs[i];
		}
	}
	if (url) {
		const char *q = strchr(url, '?');
		for (size_t i = 0; q && i < sizeof ogcs / sizeof *ogcs; i++) {
			char pat[16];
			snprintf(pat, sizeof pat, "service=%s", ogcs[i].kind);
			const char *h = q + 1;
			size_t n = strlen(pat);
			for (; *h; h++)
				if ((h[-1] == '?' || h[-1] == '&') && strncasecmp(h, pat, n) == 0 &&
				    (h[n] == '\0' || h[n] == '&'))
					return &ogcs[i];
		}
	}
	return NULL;
}

typedef struct {
	const char *needle, *code; /* a case-insensitive text or URL fragment */
} Lic;

/* Licence texts and URLs -> Italian licences vocabulary. More specific
 * entries first (BY-SA before BY). */
static const Lic lics[] = {
	{"creativecommons.org/publicdomain/zero/1.0", "A11_CCO10"},
	{"CC0", "A11_CCO10"},
	{"creativecommons.org/licenses/by-sa/4.0", "A31_CCBYSA40"},
	{"CC BY-SA 4.0", "A31_CCBYSA40"}, {"CC-BY-SA 4.0", "A31_CCBYSA40"},
	{"CC-BY-SA-4.0", "A31_CCBYSA40"},
	{"creativecommons.org/licenses/by/4.0", "A21_CCBY40"},
	{"CC BY 4.0", "A21_CCBY40"}, {"CC-BY 4.0", "A21_CCBY40"},
	{"CC-BY-4.0", "A21_CCBY40"}, {"CCBY 4.0", "A21_CCBY40"},
	{"Creative Commons Attribuzione 4.0", "A21_CCBY40"},
	{"Creative Commons Attribution 4.0", "A21_CCBY40"},
	{"creativecommons.org/licenses/by/3.0/it", "A23_CCBY30IT"},
	{"creativecommons.org/licenses/by/3.0", "A22_CCBY30"},
	{"CC BY 3.0", "A22_CCBY30"}, {"CC-BY 3.0", "A22_CCBY30"},
	{"CC-BY-3.0", "A22_CCBY30"},
	{"IODL 2.0", "A29_IODL20"}, {"IODL v2.0", "A29_IODL20"},
	{"IODL2.0", "A29_IODL20"}, {"Italian Open Data License 2.0", "A29_IODL20"},
	{"Italian Open Data License v2.0", "A29_IODL20"},
	{"dati.gov.it/iodl/2.0", "A29_IODL20"},
	{"IODL 1.0", "A39_IODL10"}, {"Italian Open Data License v1.0", "A39_IODL10"},
	{"opendatacommons.org/licenses/odbl", "A310_ODBL"}, {"ODbL", "A310_ODBL"},
};

const char *iso_find_licence(const char *s)
{
	for (size_t i = 0; s && i < sizeof lics / sizeof *lics; i++)
		if (icontains(s, lics[i].needle))
			return lics[i].code;
	return NULL;
}

