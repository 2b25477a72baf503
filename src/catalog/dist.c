/* dist.c: size, checksums (base/digest.h) and format of local distribution
 * files. Quotes are searched in text files read whole: they are the
 * catalogue's own short texts. */
#include "catalog/dist.h"

#include <string.h>
#include <strings.h>

#include "base/buf.h"

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

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Length of the match of needle (n bytes) at hay[i..], 0 when none. */
static size_t match_at(const char *hay, size_t len, size_t i, const char *needle, size_t n)
{
	size_t k = i;
	for (size_t j = 0; j < n;) {
		if (is_space(needle[j])) {
			if (k >= len || !is_space(hay[k]))
				return 0;
			while (j < n && is_space(needle[j]))
				j++;
			while (k < len && is_space(hay[k]))
				k++;
		} else {
			if (k >= len || hay[k] != needle[j])
				return 0;
			j++;
			k++;
		}
	}
	return k - i;
}

DcatitStatus dcatit_dist_find_text(const char *path, const char *text, size_t len,
                                   unsigned long *line, unsigned long *col, DcatitDiag *d)
{
	while (len && is_space(*text)) {
		text++;
		len--;
	}
	while (len && is_space(text[len - 1]))
		len--;
	DcatitBuf all;
	dcatit_buf_init(&all);
	int err;
	DcatitStatus st = dcatit_buf_read_file(&all, path, &err);
	if (st != DCATIT_OK) {
		dcatit_buf_release(&all);
		return st == DCATIT_ERR_IO ?
		       dcatit_diag_set(d, st, NULL, 0, 0, "cannot read '%s': %s", path, strerror(err)) :
		       dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
	}
	st = DCATIT_ERR_NOT_FOUND;
	unsigned long ln = 1, cl = 1;
	for (size_t i = 0; len && i < all.len; i++) {
		if (match_at(all.data, all.len, i, text, len)) {
			*line = ln;
			*col = cl;
			st = DCATIT_OK;
			break;
		}
		if (all.data[i] == '\n') {
			ln++;
			cl = 1;
		} else if (((unsigned char)all.data[i] & 0xC0) != 0x80) {
			cl++; /* columns count characters, as in YAML and CSV locations */
		}
	}
	dcatit_buf_release(&all);
	return st;
}
