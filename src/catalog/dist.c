/* dist.c: size, digests, text check and format of local distribution
 * files. The file is read once in 64 KiB chunks, so a large table costs no
 * memory. */
#include "catalog/dist.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/sha1.h"
#include "base/sha256.h"

DcatitStatus dcatit_dist_facts(int fd, const char *display, DcatitFileFacts *f,
                               DcatitDiag *d)
{
	DcatitSha256 c;
	DcatitSha1 c1;
	dcatit_sha256_init(&c);
	dcatit_sha1_init(&c1);
	dcatit_utf8_init(&f->text);
	unsigned char buf[65536];
	ssize_t n;
	f->size = 0;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0,
			                       "cannot read '%s': %s", display, strerror(errno));
		dcatit_sha256_update(&c, buf, (size_t)n);
		dcatit_sha1_update(&c1, buf, (size_t)n);
		dcatit_utf8_feed(&f->text, buf, (size_t)n);
		f->size += (uint64_t)n;
	}
	dcatit_utf8_end(&f->text);
	unsigned char dig[32], dig1[20];
	dcatit_sha256_final(&c, dig);
	dcatit_md_hex(dig, sizeof dig, f->sha256);
	dcatit_sha1_final(&c1, dig1);
	dcatit_md_hex(dig1, sizeof dig1, f->sha1);
	return DCATIT_OK;
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
