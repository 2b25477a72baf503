/* status.c: status texts and diagnostic helpers. Both speak the user's
 * language: a diagnostic's format is translated when it is set (xgettext
 * extracts the formats given to dcatit_diag_set, po/meson.build). */
#include "status.h"

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"

const char *dcatit_strerror(DcatitStatus st)
{
	switch (st) {
	case DCATIT_OK: return _("success");
	case DCATIT_ERR_NOMEM: return _("out of memory");
	case DCATIT_ERR_IO: return _("input/output error");
	case DCATIT_ERR_SYNTAX: return _("syntax error");
	case DCATIT_ERR_USAGE: return _("usage error");
	case DCATIT_ERR_LIMIT: return _("limit exceeded");
	case DCATIT_ERR_SHAPES: return _("ill-formed shapes graph");
	case DCATIT_ERR_UNSUPPORTED: return _("unsupported");
	case DCATIT_ERR_NOT_FOUND: return _("not found");
	case DCATIT_ERR_NETWORK: return _("network error");
	case DCATIT_ERR_REMOTE: return _("request refused by the server");
	case DCATIT_ERR_INVALID: return _("invalid data");
	}
	return _("unknown status");
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
	vsnprintf(d->message, sizeof d->message, _(fmt), ap);
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
