/* msg.c: user-facing output of the command-line tool (stderr messages,
 * progress, the final stdout check). Only the cli layer includes this. */
#include "cli/msg.h"

#include <errno.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"

/* The state here belongs to the process's terminal and stdout, not to a
 * module: whether a progress line is on screen, whether stdout was closed
 * (and what that gave). */
static bool progress_shown;
static bool stdout_finished;
static bool stdout_failed;
/* ... and the first error said on stderr, for reports that must carry it */
static DcatitDiag first_error;
static bool have_error;

/* Keep the first error, text already formatted and translated. */
static void remember_v(DcatitStatus st, const char *file, unsigned long line,
                       unsigned long col, const char *fmt, va_list ap)
{
	if (have_error)
		return;
	dcatit_diag_init(&first_error);
	first_error.status = st;
	snprintf(first_error.file, sizeof first_error.file, "%s", file ? file : "");
	first_error.line = line;
	first_error.col = col;
	vsnprintf(first_error.message, sizeof first_error.message, fmt, ap);
	have_error = true;
}

static void remember(DcatitStatus st, const char *file, unsigned long line,
                     unsigned long col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void remember(DcatitStatus st, const char *file, unsigned long line,
                     unsigned long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	remember_v(st, file, line, col, fmt, ap);
	va_end(ap);
}

bool dcatit_msg_first_error(DcatitDiag *d)
{
	if (have_error)
		*d = first_error;
	return have_error;
}

void dcatit_msg_error(const char *fmt, ...)
{
	va_list ap;
	fmt = _(fmt);
	dcatit_msg_progress_done();
	fputs("dcatit: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	va_start(ap, fmt);
	remember_v(DCATIT_ERR_IO, NULL, 0, 0, fmt, ap);
	va_end(ap);
}

int dcatit_msg_nomem(void)
{
	dcatit_msg_error("%s", dcatit_strerror(DCATIT_ERR_NOMEM));
	return DCATIT_EXIT_RUNTIME;
}

static void remark(const char *kind, const char *file, unsigned long line, const char *fmt,
                   va_list ap)
{
	dcatit_msg_progress_done();
	if (file && file[0] && line)
		fprintf(stderr, "%s:%lu: %s: ", file, line, kind);
	else if (file && file[0])
		fprintf(stderr, "%s: %s: ", file, kind);
	else
		fprintf(stderr, "dcatit: %s: ", kind);
	vfprintf(stderr, _(fmt), ap);
	fputc('\n', stderr);
}

void dcatit_msg_warning(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	remark("warning", file, line, fmt, ap);
	va_end(ap);
}

void dcatit_msg_info(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	remark("info", file, line, fmt, ap);
	va_end(ap);
}

int dcatit_msg_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	dcatit_msg_progress_done();
	if (cmd)
		fprintf(stderr, "dcatit %s: ", cmd);
	else
		fputs("dcatit: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, _("; try 'dcatit %s --help'\n"), cmd);
	else
		fputs(_("; try 'dcatit help'\n"), stderr);
	return DCATIT_EXIT_USAGE;
}

int dcatit_msg_exit_code(DcatitStatus st)
{
	if (st == DCATIT_OK)
		return DCATIT_EXIT_OK;
	if (st == DCATIT_ERR_USAGE)
		return DCATIT_EXIT_USAGE;
	return DCATIT_EXIT_RUNTIME;
}

int dcatit_msg_diag(const DcatitDiag *d)
{
	dcatit_msg_progress_done();
	const char *text = d->message[0] ? d->message : dcatit_strerror(d->status);
	if (d->file[0] && d->line) {
		if (d->col)
			fprintf(stderr, "%s:%lu:%lu: error: %s\n", d->file, d->line,
			        d->col, text);
		else
			fprintf(stderr, "%s:%lu: error: %s\n", d->file, d->line, text);
		remember(d->status, d->file, d->line, d->col, "%s", text);
	} else if (d->file[0] && d->status == DCATIT_ERR_IO) {
		const char *fmt = _("cannot read '%s': %s");
		fputs("dcatit: ", stderr);
		fprintf(stderr, fmt, d->file, text);
		fputc('\n', stderr);
		remember(d->status, d->file, 0, 0, fmt, d->file, text);
	} else if (d->file[0]) {
		fprintf(stderr, "%s: error: %s\n", d->file, text);
		remember(d->status, d->file, 0, 0, "%s", text);
	} else {
		fprintf(stderr, "dcatit: %s\n", text);
		remember(d->status, NULL, 0, 0, "%s", text);
	}
	return dcatit_msg_exit_code(d->status == DCATIT_OK ? DCATIT_ERR_IO
	                                                   : d->status);
}

bool dcatit_msg_stderr_is_tty(void)
{
	return isatty(STDERR_FILENO) == 1;
}

void dcatit_msg_progress(const char *fmt, ...)
{
	if (!dcatit_msg_stderr_is_tty())
		return;
	va_list ap;
	fputs("\r\033[K", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);
	va_end(ap);
	fflush(stderr);
	progress_shown = true;
}

void dcatit_msg_progress_done(void)
{
	if (!progress_shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	progress_shown = false;
}

int dcatit_msg_finish_stdout(int code)
{
	if (stdout_finished)
		return stdout_failed ? DCATIT_EXIT_RUNTIME : code;
	stdout_finished = true;
	dcatit_msg_progress_done();
	bool bad = fflush(stdout) != 0 || ferror(stdout);
	int err = errno;
	if (fclose(stdout) != 0 && !bad) {
		bad = true;
		err = errno;
	}
	if (bad) {
		/* EPIPE: the reader went away (dcatit ... | head); not our error */
		if (err == EPIPE)
			return code;
		fputs("dcatit: ", stderr);
		fprintf(stderr, _("cannot write to standard output: %s"), strerror(err));
		fputc('\n', stderr);
		stdout_failed = true;
		return DCATIT_EXIT_RUNTIME;
	}
	return code;
}

void dcatit_msg_put_text(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* C1 controls as UTF-8: U+0080..U+009F are C2 80..C2 9F */
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F) {
			putc('?', f);
			i++;
		} else {
			putc(c < 0x20 || c == 0x7F ? '?' : (int)c, f);
		}
	}
}

char *dcatit_msg_clean_text(const char *s)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	if (!f)
		return NULL;
	dcatit_msg_put_text(f, s, strlen(s));
	if (fclose(f) != 0) {
		free(out);
		return NULL;
	}
	return out;
}
