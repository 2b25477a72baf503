/* utf8.h: checking that text is UTF-8 without NUL bytes, in one pass over
 * the pieces a file is read in. The first fault is kept with its line and
 * column (columns count characters, as an editor shows them), so a table
 * or a text file can be refused with a located error. */
#ifndef DCATIT_UTF8_H
#define DCATIT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
	DCATIT_UTF8_OK = 0,
	DCATIT_UTF8_NUL,     /* a NUL byte */
	DCATIT_UTF8_INVALID, /* not a UTF-8 sequence (or one cut short at the end) */
} DcatitUtf8Fault;

/* Stack object: _init, _feed..., _end. */
typedef struct {
	DcatitUtf8Fault fault;           /* the first one */
	unsigned long line, col;         /* where it is, 1-based */
	/* internal */
	unsigned long at_line, at_col;   /* the next character */
	unsigned long seq_line, seq_col; /* the sequence being read */
	unsigned need, len;
	uint32_t cp;
} DcatitUtf8Check;

/* Start a check at line 1, column 1. */
void dcatit_utf8_init(DcatitUtf8Check *c);
/* Check the next len bytes (nothing more once a fault is found). */
void dcatit_utf8_feed(DcatitUtf8Check *c, const void *data, size_t len);
/* End the check; true when no fault was found. */
bool dcatit_utf8_end(DcatitUtf8Check *c);

#endif
