/* status.c: status texts and diagnostic helpers. */
#include "status.h"

#include <stdio.h>
#include <string.h>

const char *dcatit_strerror(DcatitStatus st)
{
	switch (st) {
	case DCATIT_OK: return "success";
	case DCATIT_ERR_NOMEM: return "out of memory";
	case DCATIT_ERR_IO: return "input/output error";
	case DCATIT_ERR_SYNTAX: return "syntax error";
	case DCATIT_ERR_USAGE: return "usage error";
	case DCATIT_ERR_LIMIT: return "limit exceeded";
	case DCATIT_ERR_SHAPES: return "ill-formed shapes graph";
	case DCATIT_ERR_UNSUPPORTED: return "unsupported";
	case DCATIT_ERR_NOT_FOUND: return "not found";
	case DCATIT_ERR_NETWORK: return "network error";
	case DCATIT_ERR_REMOTE: return "request refused by the server";
	case DCATIT_ERR_INVALID: return "invalid data";
	}
	return "unknown status";
}

void dcatit_diag_init(DcatitDiag *d)
{
	memset(d, 0, sizeof *d);
}

DcatitStatus dcatit_diag_vset(DcatitDiag *d, DcatitStatus st, const char *file,
                              unsigned long line, unsigned long col,
                              const char *fmt, va_list ap)
{
	if (!d)
		return st;
	d->status = st;
	snprintf(d->file, sizeof d->file, "%s", file ? file : "");
	d->line = line;
	d->col = col;
	vsnprintf(d->message, sizeof d->message, fmt, ap);
	return st;
}

DcatitStatus dcatit_diag_set(DcatitDiag *d, DcatitStatus st, const char *file,
                             unsigned long line, unsigned long col,
                             const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	dcatit_diag_vset(d, st, file, line, col, fmt, ap);
	va_end(ap);
	return st;
}
