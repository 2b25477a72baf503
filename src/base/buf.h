/* buf.h: a growable byte buffer, always NUL-terminated, for building text. */
#ifndef DCATIT_BUF_H
#define DCATIT_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/status.h"

/* Stack object: _init / _release. `data` is NUL-terminated when len > 0
 * or after any append; `oom` latches the first allocation failure so a
 * sequence of appends can be checked once at the end. */
typedef struct {
	char *data;
	size_t len;
	size_t cap;
	bool oom;
} DcatitBuf;

/* Initialise an empty buffer (no allocation). */
void dcatit_buf_init(DcatitBuf *b);
/* Free the storage and reset to empty. */
void dcatit_buf_release(DcatitBuf *b);
/* Drop the content, keep the storage. */
void dcatit_buf_clear(DcatitBuf *b);
/* Make room for n more bytes (plus the NUL); false on out of memory. */
bool dcatit_buf_reserve(DcatitBuf *b, size_t n);
/* Append n bytes. */
bool dcatit_buf_add(DcatitBuf *b, const void *p, size_t n);
/* Append a NUL-terminated string. */
bool dcatit_buf_adds(DcatitBuf *b, const char *s);
/* Append one byte. */
bool dcatit_buf_addc(DcatitBuf *b, char c);
/* Append printf-formatted text. */
bool dcatit_buf_addf(DcatitBuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Append with a va_list. */
bool dcatit_buf_vaddf(DcatitBuf *b, const char *fmt, va_list ap);
/* Append everything left to read from the descriptor fd: 0, or the errno
 * of the failed read (ENOMEM when the buffer could not grow). */
int dcatit_buf_read_fd(DcatitBuf *b, int fd);
/* Append the whole content of the file at path: DCATIT_OK, DCATIT_ERR_IO
 * with *err the errno of the failure, or DCATIT_ERR_NOMEM. The buffer keeps
 * what was read before a failure; the caller releases it either way. */
DcatitStatus dcatit_buf_read_file(DcatitBuf *b, const char *path, int *err);
/* Append what remains of the open stream fp (not closed), as
 * dcatit_buf_read_file. */
DcatitStatus dcatit_buf_read_stream(DcatitBuf *b, FILE *fp, int *err);
/* Take ownership of the content (caller frees; never NULL unless oom);
 * the buffer is left empty. */
char *dcatit_buf_detach(DcatitBuf *b);

/* Grow an array of elem-byte items so that it holds at least need items:
 * the capacity doubles from *cap (or starts at initial) until it is
 * enough. Returns the (possibly moved) array and updates *cap; v itself
 * when need <= *cap. NULL on size overflow or out of memory, leaving v
 * and *cap untouched (the caller still owns v). */
void *dcatit_grow(void *v, size_t *cap, size_t need, size_t elem, size_t initial);

#endif
