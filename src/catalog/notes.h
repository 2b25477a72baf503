/* notes.h: the located errors and warnings a catalogue build collects.
 * Loading a catalogue reports every problem it finds, not only the first,
 * so the modules append here and the command prints them. */
#ifndef DCATIT_NOTES_H
#define DCATIT_NOTES_H

#include <stdarg.h>
#include <stddef.h>

#include "base/status.h"

typedef enum {
	DCATIT_NOTE_ERROR = 0,
	DCATIT_NOTE_WARNING = 1,
} DcatitNoteKind;

typedef struct {
	DcatitNoteKind kind;
	char *file;          /* "" when not about a file */
	unsigned long line;  /* 1-based, 0 when unknown */
	unsigned long col;   /* 1-based, 0 when unknown */
	char *message;
} DcatitNote;

/* Stack object: _init / _release. */
typedef struct {
	DcatitNote *items;
	size_t n, cap;
	size_t errors, warnings;
	int oom; /* set when a note could not be stored */
} DcatitNotes;

/* Initialise an empty list (no allocation). */
void dcatit_notes_init(DcatitNotes *n);
/* Free every note. */
void dcatit_notes_release(DcatitNotes *n);
/* Append a note (file may be NULL); a failed allocation sets oom. */
void dcatit_notes_add(DcatitNotes *n, DcatitNoteKind kind, const char *file,
                      unsigned long line, unsigned long col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Same with a va_list. */
void dcatit_notes_vadd(DcatitNotes *n, DcatitNoteKind kind, const char *file,
                       unsigned long line, unsigned long col, const char *fmt,
                       va_list ap);
/* Count a note without storing it (one past a limit of shown notes). */
void dcatit_notes_count(DcatitNotes *n, DcatitNoteKind kind);
/* Append a diagnostic as an error note. */
void dcatit_notes_add_diag(DcatitNotes *n, const DcatitDiag *d);

#endif
