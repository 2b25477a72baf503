/* input.c: ISO 19139 input for convert and validate (input.h), through the
 * ISO mapping that the CSW harvester uses too. */
#include "cli/input.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "harvest/src_csw.h"

/* Add the triples of one ISO record to the output graph. */
static DcatitStatus add_record(void *ud, const char *id, DcatitModel *rec,
                               DcatitDiag *d)
{
	(void)id;
	DcatitStatus st = dcatit_model_add_all(ud, rec);
	return st == DCATIT_OK ? st : dcatit_diag_set(d, st, NULL, 0, 0, "%s",
	                                              dcatit_strerror(st));
}

/* Read IN whole ('-': standard input) into b. */
static DcatitStatus read_all(const char *in, DcatitBuf *b, DcatitDiag *d)
{
	int err;
	DcatitStatus st = dcatit_buf_read_file(b, strcmp(in, "-") == 0 ? "/dev/stdin" : in, &err);
	if (st == DCATIT_ERR_IO)
		return dcatit_diag_set(d, st, NULL, 0, 0, "cannot read '%s': %s", in,
		                       strerror(err));
	if (st)
		return dcatit_diag_set(d, st, NULL, 0, 0, "%s", dcatit_strerror(st));
	return DCATIT_OK;
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
	return dcatit_csw_is_iso_xml(head, n);
}

DcatitStatus dcatit_input_parse_iso(DcatitModel *m, const char *in, const char *base,
                                    DcatitDiag *d)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitStatus st = read_all(in, &b, d);
	if (st == DCATIT_OK) {
		DcatitCswSource o;
		memset(&o, 0, sizeof o);
		o.base_iri = base;
		o.terms = dcatit_model_terms(m);
		st = dcatit_iso19139_to_model(b.data ? b.data : "", b.len,
		                              strcmp(in, "-") == 0 ? "<stdin>" : in, &o,
		                              add_record, m, d);
	}
	dcatit_buf_release(&b);
	return st;
}
