/* buf.c: growable byte buffer. */
#include "buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void dcatit_buf_init(DcatitBuf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->oom = false;
}

void dcatit_buf_release(DcatitBuf *b)
{
	free(b->data);
	dcatit_buf_init(b);
}

void dcatit_buf_clear(DcatitBuf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

bool dcatit_buf_reserve(DcatitBuf *b, size_t n)
{
	if (b->oom)
		return false;
	if (n > ((size_t)-1) / 2 - b->len) {
		b->oom = true;
		return false;
	}
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

bool dcatit_buf_add(DcatitBuf *b, const void *p, size_t n)
{
	if (!dcatit_buf_reserve(b, n))
		return false;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

bool dcatit_buf_adds(DcatitBuf *b, const char *s)
{
	return dcatit_buf_add(b, s, strlen(s));
}

bool dcatit_buf_addc(DcatitBuf *b, char c)
{
	return dcatit_buf_add(b, &c, 1);
}

bool dcatit_buf_vaddf(DcatitBuf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || !dcatit_buf_reserve(b, (size_t)n))
		return false;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return true;
}

bool dcatit_buf_addf(DcatitBuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bool ok = dcatit_buf_vaddf(b, fmt, ap);
	va_end(ap);
	return ok;
}

int dcatit_buf_read_fd(DcatitBuf *b, int fd)
{
	/* a regular file is read in place at its size (one allocation, no
	 * copy through a chunk); anything else in 64 KiB steps */
	struct stat sb;
	size_t want = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0 ?
	              (size_t)sb.st_size + 1 : 65536;
	for (;;) {
		if (!dcatit_buf_reserve(b, want))
			return ENOMEM;
		size_t room = b->cap - b->len - 1;
		ssize_t got = read(fd, b->data + b->len, room);
		if (got == 0)
			return b->oom ? ENOMEM : 0;
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		b->len += (size_t)got;
		b->data[b->len] = '\0';
		want = 65536;
	}
}

char *dcatit_buf_detach(DcatitBuf *b)
{
	if (b->oom) {
		dcatit_buf_release(b);
		return NULL;
	}
	if (!b->data && !dcatit_buf_reserve(b, 0))
		return NULL;
	if (b->len == 0)
		b->data[0] = '\0';
	char *p = b->data;
	dcatit_buf_init(b);
	return p;
}

void *dcatit_grow(void *v, size_t *cap, size_t need, size_t elem, size_t initial)
{
	if (need <= *cap)
		return v;
	size_t c = *cap ? *cap : (initial ? initial : 1);
	while (c < need) {
		if (c > ((size_t)-1) / 2)
			return NULL;
		c *= 2;
	}
	if (elem && c > ((size_t)-1) / elem)
		return NULL;
	void *p = realloc(v, c * elem);
	if (!p)
		return NULL;
	*cap = c;
	return p;
}

DcatitStatus dcatit_buf_read_stream(DcatitBuf *b, FILE *fp, int *err)
{
	*err = 0;
	/* a regular file is read in place at its size: growing the buffer
	 * chunk by chunk copied a 30 MB CSW answer several times over */
	struct stat sb;
	size_t want = fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0 ?
	              (size_t)sb.st_size + 1 : 65536;
	while (dcatit_buf_reserve(b, want)) {
		size_t room = b->cap - b->len - 1;
		size_t got = fread(b->data + b->len, 1, room, fp);
		b->len += got;
		b->data[b->len] = '\0';
		if (got < room)
			break; /* end of file or error */
		want = 65536;
	}
	if (ferror(fp))
		*err = errno ? errno : EIO;
	if (*err)
		return DCATIT_ERR_IO;
	return b->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}

DcatitStatus dcatit_buf_read_file(DcatitBuf *b, const char *path, int *err)
{
	*err = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*err = errno;
		return DCATIT_ERR_IO;
	}
	int e = dcatit_buf_read_fd(b, fd);
	close(fd);
	if (e == ENOMEM)
		return DCATIT_ERR_NOMEM;
	*err = e;
	return e ? DCATIT_ERR_IO : DCATIT_OK;
}
