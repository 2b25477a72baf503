/* status.h: the one status enum of dcatit and the caller-owned diagnostic.
 * Modules return a DcatitStatus and put the detail (file, line, message) in a
 * DcatitDiag the caller owns; only the cli layer turns these into output. */
#ifndef DCATIT_STATUS_H
#define DCATIT_STATUS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Append-only: never renumber, the values appear in reports and tests. */
typedef enum {
	DCATIT_OK = 0,
	DCATIT_ERR_NOMEM = 1,      /* out of memory */
	DCATIT_ERR_IO = 2,         /* read/write failure, unreadable file */
	DCATIT_ERR_SYNTAX = 3,     /* malformed input (RDF, YAML, JSON, XML) */
	DCATIT_ERR_USAGE = 4,      /* bad arguments to a function or the CLI */
	DCATIT_ERR_LIMIT = 5,      /* a configured limit was exceeded */
	DCATIT_ERR_SHAPES = 6,     /* an ill-formed shapes graph */
	DCATIT_ERR_UNSUPPORTED = 7,/* a feature or syntax we do not handle */
	DCATIT_ERR_NOT_FOUND = 8,  /* a named thing does not exist */
	DCATIT_ERR_NETWORK = 9,    /* transport failure */
	DCATIT_ERR_REMOTE = 10,    /* the remote side refused the request */
	DCATIT_ERR_INVALID = 11,   /* data is well-formed but invalid */
} DcatitStatus;

/* Detail for the last failure: where and what. Caller-owned, on the stack. */
typedef struct {
	DcatitStatus status;
	char file[512];    /* source file, "" when not about a file */
	unsigned long line;/* 1-based, 0 when unknown */
	unsigned long col; /* 1-based, 0 when unknown */
	char message[1024];
} DcatitDiag;

/* Static text for a status, in the user's language; never NULL. */
const char *dcatit_strerror(DcatitStatus st);

/* Reset a diagnostic to "no error". */
void dcatit_diag_init(DcatitDiag *d);

/* Fill a diagnostic (file may be NULL) and return st, so callers can
 * `return dcatit_diag_set(d, ...)`. A NULL d is allowed and ignored. fmt
 * is English source text, translated here (do not wrap it in _()). */
DcatitStatus dcatit_diag_set(DcatitDiag *d, DcatitStatus st, const char *file,
                             unsigned long line, unsigned long col,
                             const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Same as dcatit_diag_set with a va_list. */
DcatitStatus dcatit_diag_vset(DcatitDiag *d, DcatitStatus st, const char *file,
                              unsigned long line, unsigned long col,
                              const char *fmt, va_list ap);

#endif
