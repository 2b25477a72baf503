/* notes.c: the list of located build errors and warnings. */
#include "catalog/notes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"

void dcatit_notes_init(DcatitNotes *n)
{
	memset(n, 0, sizeof *n);
}

void dcatit_notes_release(DcatitNotes *n)
{
	for (size_t i = 0; i < n->n; i++) {
		free(n->items[i].file);
		free(n->items[i].message);
	}
	free(n->items);
	memset(n, 0, sizeof *n);
}

void dcatit_notes_count(DcatitNotes *n, DcatitNoteKind kind)
{
	if (kind == DCATIT_NOTE_ERROR)
		n->errors++;
	else
		n->warnings++;
}

void dcatit_notes_vadd(DcatitNotes *n, DcatitNoteKind kind, const char *file,
                       unsigned long line, unsigned long col, const char *fmt,
                       va_list ap)
{
	dcatit_notes_count(n, kind);
	DcatitNote *p = dcatit_grow(n->items, &n->cap, n->n + 1, sizeof *p, 16);
	if (!p) {
		n->oom = 1;
		return;
	}
	n->items = p;
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_vaddf(&b, _(fmt), ap);
	char *msg = dcatit_buf_detach(&b);
	char *f = strdup(file ? file : "");
	if (!msg || !f) {
		free(msg);
		free(f);
		n->oom = 1;
		return;
	}
	n->items[n->n++] = (DcatitNote){ kind, f, line, col, msg };
}

void dcatit_notes_add(DcatitNotes *n, DcatitNoteKind kind, const char *file,
                      unsigned long line, unsigned long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	dcatit_notes_vadd(n, kind, file, line, col, fmt, ap);
	va_end(ap);
}

void dcatit_notes_add_diag(DcatitNotes *n, const DcatitDiag *d)
{
	dcatit_notes_add(n, DCATIT_NOTE_ERROR, d->file, d->line, d->col, "%s",
	                 d->message[0] ? d->message : dcatit_strerror(d->status));
}
