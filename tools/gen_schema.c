/* gen_schema.c: writes the JSON Schemas of the catalog/ files
 * (src/catalog/schema.h) into a directory, at build time, from the loader's
 * format tables and the code lists of a vocab/ directory. Not installed.
 * usage: gen-schema VOCABDIR OUTDIR */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "catalog/format.h"
#include "catalog/schema.h"
#include "rdf/codes.h"

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fputc('\n', f) < 0) {
		fprintf(stderr, "gen-schema: cannot write '%s': %s\n", path, strerror(errno));
		if (f)
			fclose(f);
		return 1;
	}
	if (fclose(f) != 0) {
		fprintf(stderr, "gen-schema: cannot write '%s': %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gen-schema VOCABDIR OUTDIR\n");
		return 2;
	}
	DcatitCodes *codes[DCATIT_CODES_N] = { NULL };
	int rc = 0;
	for (int l = DCATIT_CODES_NONE + 1; l < DCATIT_CODES_N && !rc; l++) {
		const DcatitCodeSource *src = dcatit_fmt_code_source((DcatitCodeList)l);
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", argv[1], src->file);
		DcatitDiag d;
		dcatit_diag_init(&d);
		if (!(codes[l] = dcatit_codes_new()) ||
		    dcatit_codes_scan_file(codes[l], path, src->ns, &d) != DCATIT_OK) {
			fprintf(stderr, "gen-schema: %s\n", d.message[0] ? d.message : "out of memory");
			rc = 1;
		} else if (dcatit_codes_count(codes[l]) == 0) {
			fprintf(stderr, "gen-schema: no %s codes in '%s'\n", src->name, path);
			rc = 1;
		}
	}
	for (int k = 0; k < DCATIT_SCHEMA_N && !rc; k++) {
		DcatitJson *j = dcatit_schema_new((DcatitSchemaKind)k, codes);
		char *text = j ? dcatit_json_dump(j, true) : NULL;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", argv[2], dcatit_schema_file((DcatitSchemaKind)k));
		if (!text) {
			fprintf(stderr, "gen-schema: out of memory\n");
			rc = 1;
		} else {
			rc = write_file(path, text);
		}
		free(text);
		dcatit_json_free(j);
	}
	for (int l = 0; l < DCATIT_CODES_N; l++)
		dcatit_codes_free(codes[l]);
	return rc;
}
