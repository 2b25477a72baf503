/* dist.c: size, checksums (base/digest.h) and format of local distribution
 * files. */
#include "catalog/dist.h"

#include <string.h>
#include <strings.h>

DcatitStatus dcatit_dist_file_facts(const char *path, DcatitFileFacts *f,
                                    DcatitDiag *d)
{
	return dcatit_digest_file(path, true, f, d);
}

typedef struct {
	const char *ext, *format, *media;
} ExtInfo;

/* Sorted by extension; the formats are codes of the EU file-type table. */
static const ExtInfo exts[] = {
	{ "csv", "CSV", "text/csv" },
	{ "geojson", "GEOJSON", "application/geo+json" },
	{ "gpkg", "GPKG", "application/geopackage+sqlite3" },
	{ "htm", "HTML", "text/html" },
	{ "html", "HTML", "text/html" },
	{ "json", "JSON", "application/json" },
	{ "jsonld", "JSON_LD", "application/ld+json" },
	{ "kml", "KML", "application/vnd.google-earth.kml+xml" },
	{ "md", "TXT", "text/markdown" },
	{ "nt", "RDF_N_TRIPLES", "application/n-triples" },
	{ "ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet" },
	{ "odt", "ODT", "application/vnd.oasis.opendocument.text" },
	{ "pdf", "PDF", "application/pdf" },
	{ "rdf", "RDF_XML", "application/rdf+xml" },
	{ "shp", "SHP", NULL },
	{ "ttl", "RDF_TURTLE", "text/turtle" },
	{ "txt", "TXT", "text/plain" },
	{ "xls", "XLS", "application/vnd.ms-excel" },
	{ "xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
	{ "xml", "XML", "application/xml" },
	{ "zip", "ZIP", "application/zip" },
};

static const ExtInfo *lookup(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');
	if (!dot || !dot[1])
		return NULL;
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (strcasecmp(exts[i].ext, dot + 1) == 0)
			return &exts[i];
	return NULL;
}

const char *dcatit_dist_format_from_path(const char *path)
{
	const ExtInfo *e = lookup(path);
	return e ? e->format : NULL;
}

const char *dcatit_dist_media_type_from_path(const char *path)
{
	const ExtInfo *e = lookup(path);
	return e ? e->media : NULL;
}
