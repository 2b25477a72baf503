/* dist.c: size, checksums (base/digest.h), text check and format of local
 * distribution files. The file is read once in 64 KiB chunks, so a large
 * table costs no memory. Quotes are searched in text files the caller read
 * whole: they are the catalogue's own short texts. */
#include "catalog/dist.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void utf8_sink(void *ud, const void *p, size_t n)
{
	dcatit_utf8_feed(ud, p, n);
}

DcatitStatus dcatit_dist_facts(int fd, const char *display, DcatitFileFacts *f,
                               DcatitDiag *d)
{
	DcatitFileDigest dg;
	dcatit_utf8_init(&f->text);
	DcatitStatus st = dcatit_digest_fd_each(fd, display, true, &dg, utf8_sink, &f->text, d);
	if (st != DCATIT_OK)
		return st;
	dcatit_utf8_end(&f->text);
	f->size = dg.size;
	memcpy(f->sha256, dg.sha256, sizeof f->sha256);
	memcpy(f->sha1, dg.sha1, sizeof f->sha1);
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

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* s with every run of white space as one ' ' and none at the ends; at[i]
 * (when at is not NULL) is where character i of the result was in s. */
static size_t squeeze(const char *s, size_t len, char *out, size_t *at)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		if (!is_space(s[i])) {
			if (at)
				at[n] = i;
			out[n++] = s[i++];
			continue;
		}
		size_t from = i;
		while (i < len && is_space(s[i]))
			i++;
		if (n && i < len) {
			if (at)
				at[n] = from;
			out[n++] = ' ';
		}
	}
	return n;
}

DcatitStatus dcatit_dist_find_text(const char *data, size_t dlen, const char *text,
                                   size_t len, unsigned long *line, unsigned long *col)
{
	/* Knuth-Morris-Pratt over both texts with white space squeezed: the
	 * naive search was quadratic in a file and a quote of repeated text */
	char *hay = malloc(dlen + 1), *needle = malloc(len + 1);
	size_t *at = malloc((dlen + 1) * sizeof *at), *fail = malloc((len + 1) * sizeof *fail);
	DcatitStatus st = DCATIT_ERR_NOMEM;
	if (!hay || !needle || !at || !fail)
		goto out;
	size_t h = squeeze(data, dlen, hay, at), m = squeeze(text, len, needle, NULL);
	st = DCATIT_ERR_NOT_FOUND;
	if (!m)
		goto out;
	fail[0] = 0;
	for (size_t i = 1, k = 0; i < m; i++) {
		while (k && needle[i] != needle[k])
			k = fail[k - 1];
		if (needle[i] == needle[k])
			k++;
		fail[i] = k;
	}
	size_t found = (size_t)-1;
	for (size_t i = 0, k = 0; i < h && found == (size_t)-1; i++) {
		while (k && hay[i] != needle[k])
			k = fail[k - 1];
		if (hay[i] == needle[k])
			k++;
		if (k == m)
			found = at[i + 1 - m];
	}
	if (found == (size_t)-1)
		goto out;
	unsigned long ln = 1, cl = 1;
	for (size_t i = 0; i < found; i++) {
		if (data[i] == '\n') {
			ln++;
			cl = 1;
		} else if (((unsigned char)data[i] & 0xC0) != 0x80) {
			cl++; /* columns count characters, as in YAML and CSV locations */
		}
	}
	*line = ln;
	*col = cl;
	st = DCATIT_OK;
out:
	free(hay);
	free(needle);
	free(at);
	free(fail);
	return st;
}
