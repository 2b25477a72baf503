/* input.c: ISO 19139 input for convert and validate (input.h), through the
 * ISO mapping (src/iso) that the CSW harvester and the build use too. */
#include "cli/input.h"

#include <stdio.h>
#include <string.h>

#include "iso/iso.h"

/* Add the triples of one ISO record to the output graph. */
static DcatitStatus add_record(void *ud, const char *id, DcatitModel *rec,
                               DcatitDiag *d)
{
	(void)id;
	DcatitStatus st = dcatit_model_add_all(ud, rec);
	return st == DCATIT_OK ? st : dcatit_diag_set(d, st, NULL, 0, 0, "%s",
	                                              dcatit_strerror(st));
}

bool dcatit_input_is_iso(const char *in)
{
	if (strcmp(in, "-") == 0)
		return false;
	FILE *f = fopen(in, "rb");
	if (!f)
		return false;
	char head[4096];
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return dcatit_iso_is_iso_xml(head, n);
}

DcatitStatus dcatit_input_parse_iso(DcatitModel *m, const char *in, const char *base,
                                    DcatitDiag *d)
{
	DcatitIsoOpts o;
	memset(&o, 0, sizeof o);
	o.base_iri = base;
	o.terms = dcatit_model_terms(m);
	return dcatit_iso_read_file(in, NULL, &o, NULL, add_record, m, d);
}
