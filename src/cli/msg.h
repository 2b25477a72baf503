/* msg.h: everything the command-line tool says to the user goes through
 * here: error lines in the git/curl style, located data errors, usage
 * errors, progress, and the final check that stdout was really written. */
#ifndef DCATIT_MSG_H
#define DCATIT_MSG_H

#include <stdbool.h>
#include <stdio.h>

#include "base/status.h"

/* Exit codes, from one place (STYLE.md). */
enum {
	DCATIT_EXIT_OK = 0,       /* success, the data conforms */
	DCATIT_EXIT_FINDINGS = 1, /* the data has errors */
	DCATIT_EXIT_USAGE = 2,    /* bad command line */
	DCATIT_EXIT_RUNTIME = 3,  /* I/O, syntax error, out of memory */
};

/* The functions below that take a format translate it (gettext) before
 * use: xgettext knows them as keywords (po/meson.build), so their literal
 * formats are extracted without _(), which would translate twice. The
 * severity words of located lines ("error:", "warning:") stay English:
 * editors and CI read them. */

/* Print "dcatit: MESSAGE" to stderr. */
void dcatit_msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "dcatit: out of memory" to stderr; returns DCATIT_EXIT_RUNTIME. */
int dcatit_msg_nomem(void);
/* Print "dcatit CMD: MESSAGE; try 'dcatit CMD --help'" to stderr and
 * return DCATIT_EXIT_USAGE. */
int dcatit_msg_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print a diagnostic: "FILE:LINE:COL: error: MESSAGE" when it is located,
 * else "dcatit: MESSAGE"; returns the exit code for its status. */
int dcatit_msg_diag(const DcatitDiag *d);
/* The first error printed by dcatit_msg_error or dcatit_msg_diag in this
 * process, copied into d (file, line, column and the message as printed
 * after the location): false when none was. `validate` writes it into
 * the report format asked for, so CI sees why nothing was validated. */
bool dcatit_msg_first_error(DcatitDiag *d);
/* Print "dcatit: warning: MESSAGE" (unlocated) or "FILE[:LINE]: warning:
 * MESSAGE" to stderr. */
void dcatit_msg_warning(const char *file, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same with "info:" for something worth knowing that is no problem. */
void dcatit_msg_info(const char *file, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Exit code for a status (usage errors 2, everything else 3, OK 0). */
int dcatit_msg_exit_code(DcatitStatus st);
/* Is stderr a terminal (progress and colour are only shown there)? */
bool dcatit_msg_stderr_is_tty(void);
/* Print a progress line on stderr ("\r" + text), only when stderr is a
 * terminal; dcatit_msg_progress_done() clears it. */
void dcatit_msg_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Clear a progress line if one was printed. */
void dcatit_msg_progress_done(void);
/* Write the n bytes at s to f with control characters (C0, DEL, C1)
 * shown as '?': text from a remote source (record ids, CKAN's error text)
 * must not drive the user's terminal. */
void dcatit_msg_put_text(FILE *f, const char *s, size_t n);
/* s with control characters shown as '?' (as dcatit_msg_put_text), to
 * go into a translated message; caller frees, NULL when out of memory. */
char *dcatit_msg_clean_text(const char *s);
/* Flush and close stdout, reporting a write error (disk full); returns
 * code unchanged on success, DCATIT_EXIT_RUNTIME on error. main() calls it
 * after every command; later calls only repeat the first outcome. */
int dcatit_msg_finish_stdout(int code);

#endif
