/* codes.c: the code lists of the ISO 19139 mapping as tables of facts:
 * ISO 639 languages to EU language codes and BCP 47 tags, maintenance
 * frequencies to EU frequencies, INSPIRE themes and topic categories to EU
 * data themes, format names and media types to EU file types, OGC
 * services, licence texts and URLs to the Italian licences vocabulary, the
 * reference system names of RNDT to EPSG codes, character sets. The two
 * SEMIC alignments (themes, media types) are copied in tests/iso/alignments
 * and test_iso_codes checks these tables against them. */
#include "iso/codes.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool ieq(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

bool iso_icontains(const char *hay, const char *needle)
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

/* INSPIRE Annex themes: code; English, Italian and French names; the EU
 * data themes of the SEMIC alignment (skos:broadMatch). */
static const IsoInspire inspire[] = {
	{"ac", "Atmospheric conditions", "Condizioni atmosferiche",
	 "Conditions atmosphériques", "ENVI"},
	{"ad", "Addresses", "Indirizzi", "Adresses", "REGI"},
	{"af", "Agricultural and aquaculture facilities",
	 "Impianti agricoli e di acquacoltura", "Installations agricoles et aquacoles", "AGRI"},
	{"am", "Area management/restriction/regulation zones and reporting units",
	 "Zone sottoposte a gestione/limitazioni/regolamentazione e unità con obbligo "
	 "di comunicare dati",
	 "Zones de gestion, de restriction ou de réglementation et unités de déclaration",
	 "ENVI"},
	{"au", "Administrative units", "Unità amministrative", "Unités administratives", "GOVE"},
	{"br", "Bio-geographical regions", "Regioni biogeografiche",
	 "Régions biogéographiques", "ENVI"},
	{"bu", "Buildings", "Edifici", "Bâtiments", "REGI"},
	{"cp", "Cadastral parcels", "Parcelle catastali", "Parcelles cadastrales", "REGI ECON"},
	{"ef", "Environmental monitoring facilities", "Impianti di monitoraggio ambientale",
	 "Installations de suivi environnemental", "ENVI"},
	{"el", "Elevation", "Elevazione", "Altitude", "REGI"},
	{"er", "Energy resources", "Risorse energetiche", "Sources d'énergie", "ENER"},
	{"ge", "Geology", "Geologia", "Géologie", "REGI TECH"},
	{"gg", "Geographical grid systems", "Sistemi di griglie geografiche",
	 "Systèmes de maillage géographique", "REGI"},
	{"gn", "Geographical names", "Nomi geografici", "Dénominations géographiques", "REGI"},
	{"hb", "Habitats and biotopes", "Habitat e biotopi", "Habitats et biotopes", "ENVI"},
	{"hh", "Human health and safety", "Salute umana e sicurezza",
	 "Santé et sécurité des personnes", "HEAL"},
	{"hy", "Hydrography", "Idrografia", "Hydrographie", "ENVI TECH"},
	{"lc", "Land cover", "Copertura del suolo", "Occupation des terres", "ENVI"},
	{"lu", "Land use", "Utilizzo del territorio", "Usage des sols", "ECON ENVI"},
	{"mf", "Meteorological geographical features", "Elementi geografici meteorologici",
	 "Caractéristiques géographiques météorologiques", "ENVI TECH"},
	{"mr", "Mineral resources", "Risorse minerarie", "Ressources minérales",
	 "ECON ENVI ENER"},
	{"nz", "Natural risk zones", "Zone a rischio naturale", "Zones à risque naturel", "ENVI"},
	{"of", "Oceanographic geographical features", "Elementi geografici oceanografici",
	 "Caractéristiques géographiques océanographiques", "ENVI"},
	{"oi", "Orthoimagery", "Orto immagini", "Ortho-imagerie", "REGI TECH"},
	{"pd", "Population distribution - demography",
	 "Distribuzione della popolazione - demografia",
	 "Répartition de la population - démographie", "SOCI"},
	{"pf", "Production and industrial facilities", "Produzione e impianti industriali",
	 "Lieux de production et sites industriels", "ECON"},
	{"ps", "Protected sites", "Siti protetti", "Sites protégés", "ENVI"},
	{"rs", "Coordinate reference systems", "Sistemi di coordinate",
	 "Référentiels de coordonnées", "REGI"},
	{"sd", "Species distribution", "Distribuzione delle specie", "Répartition des espèces",
	 "ENVI"},
	{"so", "Soil", "Suolo", "Sols", "ENVI"},
	{"sr", "Sea regions", "Regioni marine", "Régions maritimes", "ENVI"},
	{"su", "Statistical units", "Unità statistiche", "Unités statistiques", "SOCI"},
	{"tn", "Transport networks", "Reti di trasporto", "Réseaux de transport", "TRAN"},
	{"us", "Utility and governmental services",
	 "Servizi di pubblica utilità e servizi amministrativi",
	 "Services d'utilité publique et services publics", "GOVE"},
};

const IsoInspire *iso_inspire_at(size_t i)
{
	return i < sizeof inspire / sizeof *inspire ? &inspire[i] : NULL;
}

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
		if (hr && iso_icontains(hr, "inspire.ec.europa.eu/theme/")) {
			const char *c = strstr(hr, "/theme/") + 7;
			if (strncasecmp(c, t->code, 2) == 0 && !isalnum((unsigned char)c[2]))
				return t;
		}
		if (kw && (name_eq(kw, t->en) || name_eq(kw, t->it) || name_eq(kw, t->fr)))
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
		if (hr && iso_icontains(hr, "data-theme/")) {
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

/* The SEMIC alignment of the INSPIRE media types to the EU file types
 * (skos:exactMatch); application/vnd.sqlite3 has no file type there. */
static const char *const media[][2] = {
	{"application/atom+xml", "ATOM"}, {"application/geo+json", "GEOJSON"},
	{"application/geopackage+sqlite3", "GPKG"}, {"application/gml+xml", "GML"},
	{"application/vnd.google-earth.kml+xml", "KML"},
	{"application/vnd.google-earth.kmz", "KMZ"}, {"application/vnd.las", "LAS"},
	{"application/vnd.shp", "SHP"}, {"application/x-ascii-grid", "GRID_ASCII"},
	{"application/x-ecw", "ECW"}, {"application/x-filegdb", "GDB"},
	{"application/x-gmz", "GMZ"}, {"application/x-las", "LAS"},
	{"application/x-laz", "LAZ"}, {"application/x-oracledump", "DMP"},
	{"application/x-shapefile", "SHP"}, {"application/x-tab", "TAB"},
	{"application/x-tab-raster", "TAB_RSTR"}, {"application/x-worldfile", "WORLD"},
	{"image/jp2", "JPEG2000"}, {"image/tiff", "TIFF"}, {"text/csv", "CSV"},
};

const char *iso_media_filetype(const char *type)
{
	for (size_t i = 0; type && i < sizeof media / sizeof *media; i++)
		if (ieq(media[i][0], type))
			return media[i][1];
	return NULL;
}

bool iso_media_at(size_t i, const char **type, const char **filetype)
{
	if (i >= sizeof media / sizeof *media)
		return false;
	*type = media[i][0];
	*filetype = media[i][1];
	return true;
}

/* OGC service kinds: protocol marker, service type IRI, standard page, EU
 * file type, whether the service hands out the data itself. */
static const IsoOgc ogcs[] = {
	{"WMS", "http://www.opengis.net/def/serviceType/ogc/wms",
	 "http://www.opengeospatial.org/standards/wms", "WMS_SRVC", false},
	{"WFS", "http://www.opengis.net/def/serviceType/ogc/wfs",
	 "http://www.opengeospatial.org/standards/wfs", "WFS_SRVC", true},
	{"WCS", "http://www.opengis.net/def/serviceType/ogc/wcs",
	 "http://www.opengeospatial.org/standards/wcs", "WCS_SRVC", true},
	{"WMTS", "http://www.opengis.net/def/serviceType/ogc/wmts",
	 "http://www.opengeospatial.org/standards/wmts", NULL, false},
	{"CSW", "http://www.opengis.net/def/serviceType/ogc/csw",
	 "http://www.opengeospatial.org/standards/cat", NULL, false},
	{"SOS", "http://www.opengis.net/def/serviceType/ogc/sos",
	 "http://www.opengeospatial.org/standards/sos", NULL, true},
	{"WPS", "http://www.opengis.net/def/serviceType/ogc/wps",
	 "http://www.opengeospatial.org/standards/wps", NULL, false},
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
			if (iso_icontains(protocol, ogc_long[i]))
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

/* Licence texts and URLs -> Italian licences vocabulary, the needles in
 * lower case. More specific entries first (BY-SA before BY). */
static const char *const lics[][2] = {
	{"creativecommons.org/publicdomain/zero/1.0", "A11_CCO10"},
	{"cc0", "A11_CCO10"},
	{"creativecommons.org/licenses/by-sa/4.0", "A31_CCBYSA40"},
	{"cc by-sa 4.0", "A31_CCBYSA40"}, {"cc-by-sa 4.0", "A31_CCBYSA40"},
	{"cc-by-sa-4.0", "A31_CCBYSA40"},
	{"creativecommons.org/licenses/by/4.0", "A21_CCBY40"},
	{"cc by 4.0", "A21_CCBY40"}, {"cc-by 4.0", "A21_CCBY40"},
	{"cc-by-4.0", "A21_CCBY40"}, {"ccby 4.0", "A21_CCBY40"},
	{"creative commons attribuzione 4.0", "A21_CCBY40"},
	{"creative commons attribution 4.0", "A21_CCBY40"},
	{"creativecommons.org/licenses/by/3.0/it", "A23_CCBY30IT"},
	{"creativecommons.org/licenses/by/3.0", "A22_CCBY30"},
	{"cc by 3.0", "A22_CCBY30"}, {"cc-by 3.0", "A22_CCBY30"},
	{"cc-by-3.0", "A22_CCBY30"},
	{"iodl 2.0", "A29_IODL20"}, {"iodl v2.0", "A29_IODL20"},
	{"iodl2.0", "A29_IODL20"}, {"italian open data license 2.0", "A29_IODL20"},
	{"italian open data license v2.0", "A29_IODL20"},
	{"dati.gov.it/iodl/2.0", "A29_IODL20"},
	{"iodl 1.0", "A39_IODL10"}, {"italian open data license v1.0", "A39_IODL10"},
	{"opendatacommons.org/licenses/odbl", "A310_ODBL"}, {"odbl", "A310_ODBL"},
};

const char *iso_find_licence(const char *s)
{
	if (!s)
		return NULL;
	/* every needle names a "cc", "iodl", "odbl", "creative" or "license"
	 * text: most texts have none, and are done with here */
	char buf[1024];
	size_t n = strlen(s);
	char *low = n < sizeof buf ? buf : malloc(n + 1);
	if (!low)
		return NULL;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	const char *code = NULL;
	if (strstr(low, "cc") || strstr(low, "iodl") || strstr(low, "odbl") ||
	    strstr(low, "creative") || strstr(low, "license"))
		for (size_t i = 0; !code && i < sizeof lics / sizeof *lics; i++)
			if (strstr(low, lics[i][0]))
				code = lics[i][1];
	if (low != buf)
		free(low);
	return code;
}

/* Reference system names of the RNDT code list and of Italian GIS
 * practice, compared on their letters and digits only (case, spaces,
 * slashes and dashes aside). RDN2008 is the national datum since 2012
 * (EPSG 6706); its TM32/33/34 names are the N-E UTM zones. */
static const struct {
	const char *key;
	unsigned long epsg;
} crs[] = {
	{"WGS84", 4326}, {"WGS84GEOGRAPHIC", 4326}, {"WGS843D", 4979},
	{"ETRS89", 4258}, {"ETRS89ETRSLAEA", 3035}, {"ETRS89LAEA", 3035},
	{"ETRS89ETRSLCC", 3034}, {"ETRS89LCC", 3034},
	{"ETRS89ETRSTM32", 3044}, {"ETRS89ETRSTM33", 3045},
	{"ETRS89UTM32N", 25832}, {"ETRS89UTMZONE32N", 25832},
	{"ETRS89UTM33N", 25833}, {"ETRS89UTMZONE33N", 25833},
	{"ETRS89UTM34N", 25834}, {"ETRS89UTMZONE34N", 25834},
	{"ROMA40", 4265}, {"MONTEMARIO", 4265}, {"ROMA40ROMA", 4806},
	{"ROMA40OVEST", 3003}, {"ROMA40EST", 3004},
	{"GAUSSBOAGAOVEST", 3003}, {"GAUSSBOAGAFUSOOVEST", 3003},
	{"GAUSSBOAGAEST", 3004}, {"GAUSSBOAGAFUSOEST", 3004},
	{"MONTEMARIOITALY1", 3003}, {"MONTEMARIOITALYZONE1", 3003},
	{"MONTEMARIOITALY2", 3004}, {"MONTEMARIOITALYZONE2", 3004},
	{"ED50", 4230}, {"ED50UTM32N", 23032}, {"ED50UTMZONE32N", 23032},
	{"ED50UTM33N", 23033}, {"ED50UTMZONE33N", 23033},
	{"ED50UTM34N", 23034}, {"ED50UTMZONE34N", 23034},
	{"IGM95", 4670}, {"IGM95UTM32N", 3064}, {"IGM95UTMZONE32N", 3064},
	{"IGM95UTM33N", 3065}, {"IGM95UTMZONE33N", 3065},
	{"WGS84UTM32N", 32632}, {"WGS84UTMZONE32N", 32632},
	{"WGS84UTM33N", 32633}, {"WGS84UTMZONE33N", 32633},
	{"WGS84UTM34N", 32634}, {"WGS84UTMZONE34N", 32634},
	{"RDN2008", 6706}, {"RDN2008TM32", 6707}, {"RDN2008TM33", 6708},
	{"RDN2008TM34", 6709}, {"RDN2008UTM32N", 7791}, {"RDN2008UTMZONE32N", 7791},
	{"RDN2008UTM33N", 7792}, {"RDN2008UTMZONE33N", 7792},
	{"RDN2008UTM34N", 7793}, {"RDN2008UTMZONE34N", 7793},
	{"RDN2008ITALYZONE", 6875}, {"RDN2008ZONE12", 6876},
};

/* Letters and digits of s, upper case, into out (cap bytes). */
static void crs_key(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	for (; *s && n + 1 < cap; s++)
		if (isalnum((unsigned char)*s))
			out[n++] = (char)toupper((unsigned char)*s);
	out[n] = '\0';
}

unsigned long iso_crs_epsg(const char *name, double west, double east)
{
	if (!name)
		return 0;
	char key[64];
	crs_key(name, key, sizeof key);
	for (size_t i = 0; i < sizeof crs / sizeof *crs; i++)
		if (strcmp(crs[i].key, key) == 0)
			return crs[i].epsg;
	/* Gauss-Boaga without a zone: the west zone reaches 12 E, the east
	 * one starts there (with the customary half-degree overlap) */
	if (strcmp(key, "GAUSSBOAGA") == 0 || strcmp(key, "MONTEMARIOGAUSSBOAGA") == 0 ||
	    strcmp(key, "MONTEMARIOITALY") == 0) {
		if (west < -180 || east < west)
			return 0;
		if (east <= 12.5)
			return 3003;
		if (west >= 11.5)
			return 3004;
	}
	return 0;
}

/* MD_CharacterSetCode -> IANA character set name. */
static const char *const charsets[][2] = {
	{"utf8", "UTF-8"}, {"utf16", "UTF-16"}, {"ucs2", "ISO-10646-UCS-2"},
	{"ucs4", "ISO-10646-UCS-4"}, {"usAscii", "US-ASCII"},
	{"8859part1", "ISO-8859-1"}, {"8859part2", "ISO-8859-2"},
	{"8859part3", "ISO-8859-3"}, {"8859part4", "ISO-8859-4"},
	{"8859part5", "ISO-8859-5"}, {"8859part6", "ISO-8859-6"},
	{"8859part7", "ISO-8859-7"}, {"8859part8", "ISO-8859-8"},
	{"8859part9", "ISO-8859-9"}, {"8859part10", "ISO-8859-10"},
	{"8859part13", "ISO-8859-13"}, {"8859part14", "ISO-8859-14"},
	{"8859part15", "ISO-8859-15"}, {"8859part16", "ISO-8859-16"},
	{"jis", "JIS_Encoding"}, {"shiftJIS", "Shift_JIS"}, {"eucJP", "EUC-JP"},
	{"eucKR", "EUC-KR"}, {"big5", "Big5"}, {"GB2312", "GB2312"},
	{"ebcdic", "EBCDIC"},
};

const char *iso_charset(const char *code)
{
	for (size_t i = 0; code && i < sizeof charsets / sizeof *charsets; i++)
		if (ieq(charsets[i][0], code))
			return charsets[i][1];
	return NULL;
}

const char *iso_service_type(const char *text)
{
	static const char *const types[] = { "discovery", "view", "download",
	                                     "transformation", "invoke", "other" };
	if (!text)
		return NULL;
	const char *t = text;
	const char *slash = strrchr(t, '/');
	if (slash && slash[1])
		t = slash + 1; /* an anchor to the INSPIRE register */
	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (ieq(t, types[i]))
			return types[i];
	/* what OGC services are, in INSPIRE's terms */
	const IsoOgc *o = iso_find_ogc(text, NULL);
	if (!o)
		return NULL;
	if (strcmp(o->kind, "CSW") == 0)
		return "discovery";
	if (strcmp(o->kind, "WMS") == 0 || strcmp(o->kind, "WMTS") == 0)
		return "view";
	return o->download ? "download" : NULL;
}

/* The spatial data service categories of ISO 19119 as the INSPIRE
 * metadata regulation (Part D.4) and register name them. */
static const char *const categories[] = {
	"humanInteractionService", "humanCatalogueViewer", "humanGeographicViewer",
	"humanGeographicSpreadsheetViewer", "humanServiceEditor",
	"humanChainDefinitionEditor", "humanWorkflowEnactmentManager",
	"humanGeographicFeatureEditor", "humanGeographicSymbolEditor",
	"humanFeatureGeneralizationEditor", "humanGeographicDataStructureViewer",
	"infoManagementService", "infoFeatureAccessService", "infoMapAccessService",
	"infoCoverageAccessService", "infoSensorDescriptionService",
	"infoProductAccessService", "infoFeatureTypeService", "infoCatalogueService",
	"infoRegistryService", "infoGazetteerService", "infoOrderHandlingService",
	"infoStandingOrderService", "taskManagementService", "chainDefinitionService",
	"workflowEnactmentService", "subscriptionService", "spatialProcessingService",
	"spatialCoordinateConversionService", "spatialCoordinateTransformationService",
	"spatialCoverageVectorConversionService", "spatialImageCoordinateConversionService",
	"spatialRectificationService", "spatialOrthorectificationService",
	"spatialSensorGeometryModelAdjustmentService",
	"spatialImageGeometryModelConversionService", "spatialSubsettingService",
	"spatialSamplingService", "spatialTilingChangeService",
	"spatialDimensionMeasurementService", "spatialFeatureManipulationService",
	"spatialFeatureMatchingService", "spatialFeatureGeneralizationService",
	"spatialRouteDeterminationService", "spatialPositioningService",
	"spatialProximityAnalysisService", "thematicProcessingService",
	"thematicGoparameterCalculationService", "thematicClassificationService",
	"thematicFeatureGeneralizationService", "thematicSubsettingService",
	"thematicSpatialCountingService", "thematicChangeDetectionService",
	"thematicGeographicInformationExtractionService", "thematicImageProcessingService",
	"thematicReducedResolutionGenerationService", "thematicImageManipulationService",
	"thematicImageUnderstandingService", "thematicImageSynthesisService",
	"thematicMultibandImageManipulationService", "thematicObjectDetectionService",
	"thematicGeoparsingService", "thematicGeocodingService", "temporalProcessingService",
	"temporalReferenceSystemTransformationService", "temporalSubsettingService",
	"temporalSamplingService", "temporalProximityAnalysisService",
	"metadataProcessingService", "metadataStatisticalCalculationService",
	"metadataGeographicAnnotationService", "comService", "comEncodingService",
	"comTransferService", "comGeographicCompressionService",
	"comGeographicFormatConversionService", "comMessagingService",
	"comRemoteFileAndExecutableManagement",
};

const char *iso_service_category(const char *keyword)
{
	for (size_t i = 0; keyword && i < sizeof categories / sizeof *categories; i++)
		if (ieq(categories[i], keyword))
			return categories[i];
	return NULL;
}
