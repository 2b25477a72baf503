/* opt.c: option tables of the subcommands (see opt.h): parsing through
 * getopt_long, and the --help text and manual page written from the same
 * table. */
#include "cli/opt.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/msg.h"

/* The table's texts are English source text, translated on their way out
 * (never "": gettext maps it to the catalogue's header). */
static const char *tr(const char *s)
{
	return s && *s ? _(s) : s;
}
#define TR(s) tr(s)

/* Help is wrapped to this width: an 80-column terminal without the last
 * column, which some terminals wrap on. */
#define WIDTH 79
/* Option help starts in this column; longer option names get a line of
 * their own. */
#define HELP_COL 24

static size_t count_opts(const DcatitOpt *o)
{
	size_t n = 0;
	while (o && o[n].kind != DCATIT_OPT_END)
		n++;
	return n;
}

/* Long options are numbered from here in getopt_long's val, above every
 * short option character. */
#define LONG_BASE 256

static void store(const DcatitOpt *o, const char *val, bool *oom)
{
	switch (o->kind) {
	case DCATIT_OPT_FLAG:
		*(bool *)o->dest = true;
		break;
	case DCATIT_OPT_STRING:
		*(const char **)o->dest = val;
		break;
	case DCATIT_OPT_LIST: {
		DcatitOptList *l = o->dest;
		const char **v = realloc(l->v, (l->n + 1) * sizeof *v);
		if (!v) {
			*oom = true;
			return;
		}
		v[l->n++] = val;
		l->v = v;
		break;
	}
	case DCATIT_OPT_END:
		break;
	}
}

/* The long options that start with the n characters of name: for an
 * "ambiguous option" message. Returns how many. */
static size_t prefix_matches(const DcatitOpt *o, size_t n_opts, const char *name, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n_opts; i++)
		if (strncmp(o[i].lng, name, n) == 0)
			k++;
	if (strncmp("help", name, n) == 0)
		k++;
	return k;
}

static DcatitOptResult unknown(const DcatitOptCmd *cmd, size_t n_opts, const char *arg, int shrt)
{
	if (shrt) {
		dcatit_msg_usage(cmd->name, "unknown option '-%c'", shrt);
		return DCATIT_OPT_USAGE;
	}
	if (arg && strncmp(arg, "--", 2) == 0) {
		const char *name = arg + 2;
		size_t n = strcspn(name, "=");
		if (n && prefix_matches(cmd->opts, n_opts, name, n) > 1) {
			dcatit_msg_usage(cmd->name, "ambiguous option '--%.*s'", (int)n, name);
			return DCATIT_OPT_USAGE;
		}
	}
	dcatit_msg_usage(cmd->name, "unknown option '%s'", arg ? arg : "?");
	return DCATIT_OPT_USAGE;
}

DcatitOptResult dcatit_opt_parse(const DcatitOptCmd *cmd, int argc, char **argv, int *first)
{
	size_t n = count_opts(cmd->opts);
	struct option *lo = calloc(n + 2, sizeof *lo);
	/* ":" first: a missing value comes back as ':' rather than '?' */
	char *shorts = malloc(2 * n + 4);
	if (!lo || !shorts) {
		free(lo);
		free(shorts);
		dcatit_msg_error("out of memory");
		return DCATIT_OPT_NOMEM;
	}
	size_t k = 0;
	shorts[k++] = ':';
	shorts[k++] = 'h';
	for (size_t i = 0; i < n; i++) {
		const DcatitOpt *o = &cmd->opts[i];
		bool arg = o->kind != DCATIT_OPT_FLAG;
		lo[i].name = o->lng;
		lo[i].has_arg = arg ? required_argument : no_argument;
		lo[i].flag = NULL;
		lo[i].val = LONG_BASE + (int)i;
		if (o->shrt) {
			shorts[k++] = o->shrt;
			if (arg)
				shorts[k++] = ':';
		}
	}
	shorts[k] = '\0';
	lo[n].name = "help";
	lo[n].has_arg = no_argument;
	lo[n].val = 'h';

	DcatitOptResult res = DCATIT_OPT_PARSED;
	bool oom = false;
	/* optind = 0 makes glibc start afresh: commands may be parsed more
	 * than once in a process (tests drive cmd_push repeatedly) */
	optind = 0;
	opterr = 0;
	int c;
	while (res == DCATIT_OPT_PARSED && !oom &&
	       (c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		if (c == 'h') {
			dcatit_opt_print_help(cmd, stdout);
			res = DCATIT_OPT_HELP_SHOWN;
		} else if (c >= LONG_BASE) {
			store(&cmd->opts[c - LONG_BASE], optarg, &oom);
		} else if (c == ':') {
			/* optopt is the short name, or the val of a long option */
			if (optopt >= LONG_BASE)
				dcatit_msg_usage(cmd->name, "option '--%s' needs a value",
				                 cmd->opts[optopt - LONG_BASE].lng);
			else
				dcatit_msg_usage(cmd->name, "option '-%c' needs a value", optopt);
			res = DCATIT_OPT_USAGE;
		} else if (c == '?' && optopt >= LONG_BASE) {
			/* a long flag given "=value" */
			dcatit_msg_usage(cmd->name, "option '--%s' takes no value",
			                 cmd->opts[optopt - LONG_BASE].lng);
			res = DCATIT_OPT_USAGE;
		} else if (c == '?') {
			res = unknown(cmd, n, optopt ? NULL : argv[optind - 1], optopt);
		} else {
			for (size_t i = 0; i < n; i++)
				if (cmd->opts[i].shrt == c) {
					store(&cmd->opts[i], optarg, &oom);
					break;
				}
		}
	}
	free(lo);
	free(shorts);
	if (oom) {
		dcatit_msg_error("out of memory");
		return DCATIT_OPT_NOMEM;
	}
	*first = optind;
	return res;
}

int dcatit_opt_exit_code(DcatitOptResult r)
{
	switch (r) {
	case DCATIT_OPT_PARSED:
	case DCATIT_OPT_HELP_SHOWN:
		return DCATIT_EXIT_OK;
	case DCATIT_OPT_USAGE:
		return DCATIT_EXIT_USAGE;
	case DCATIT_OPT_NOMEM:
		return DCATIT_EXIT_RUNTIME;
	}
	return DCATIT_EXIT_RUNTIME;
}

void dcatit_opt_release(const DcatitOptCmd *cmd)
{
	for (size_t i = 0; cmd->opts && cmd->opts[i].kind != DCATIT_OPT_END; i++)
		if (cmd->opts[i].kind == DCATIT_OPT_LIST) {
			DcatitOptList *l = cmd->opts[i].dest;
			free(l->v);
			l->v = NULL;
			l->n = 0;
		}
}

/* ---- text ---- */

/* Write text wrapped to WIDTH, every line indented by indent columns, the
 * first line starting at column col (already written). Paragraphs are
 * separated by blank lines; a line starting with two spaces is written as
 * it is. */
static void wrap(FILE *f, const char *text, size_t indent, size_t col)
{
	const char *p = text;
	bool first_line = true;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len == 0) {
			/* paragraph break */
			fputc('\n', f);
			col = 0;
			p = eol + 1;
			continue;
		}
		if (len >= 2 && p[0] == ' ' && p[1] == ' ') {
			if (col > 0)
				fputc('\n', f);
			fprintf(f, "%*s%.*s\n", (int)indent, "", (int)len, p);
			col = 0;
			first_line = false;
			p = eol ? eol + 1 : p + len;
			continue;
		}
		/* a paragraph: its lines up to a blank or verbatim line */
		const char *q = p;
		while (*q) {
			const char *e = strchr(q, '\n');
			if (!e) {
				q += strlen(q);
				break;
			}
			if (e[1] == '\n' || e[1] == '\0' || (e[1] == ' ' && e[2] == ' ')) {
				q = e;
				break;
			}
			q = e + 1;
		}
		if (col == 0 && !first_line)
			col = 0;
		if (col < indent) {
			fprintf(f, "%*s", (int)(indent - col), "");
			col = indent;
		}
		bool line_empty = true;
		const char *w = p;
		while (w < q) {
			while (w < q && (*w == ' ' || *w == '\n'))
				w++;
			if (w >= q)
				break;
			const char *we = w;
			while (we < q && *we != ' ' && *we != '\n')
				we++;
			size_t wl = (size_t)(we - w);
			if (!line_empty && col + 1 + wl > WIDTH) {
				fprintf(f, "\n%*s", (int)indent, "");
				col = indent;
				line_empty = true;
			}
			if (!line_empty) {
				fputc(' ', f);
				col++;
			}
			fwrite(w, 1, wl, f);
			col += wl;
			line_empty = false;
			w = we;
		}
		fputc('\n', f);
		col = 0;
		first_line = false;
		p = *q ? q + 1 : q;
	}
}

/* "-C, --dir DIR" or "    --base-uri URI" into buf. */
static void opt_label(const DcatitOpt *o, char *buf, size_t cap)
{
	char sh[8] = "    ";
	if (o->shrt)
		snprintf(sh, sizeof sh, "-%c, ", o->shrt);
	if (o->kind == DCATIT_OPT_FLAG)
		snprintf(buf, cap, "%s--%s", sh, o->lng);
	else
		snprintf(buf, cap, "%s--%s %s", sh, o->lng, o->arg ? o->arg : "VALUE");
}

void dcatit_opt_print_usage(const DcatitOptCmd *cmd, FILE *f)
{
	char head[64];
	int hn = snprintf(head, sizeof head, "usage: dcatit %s", cmd->name);
	size_t indent = hn > 0 && (size_t)hn < 40 ? (size_t)hn + 1 : 8;
	size_t col = (size_t)(hn > 0 ? hn : 0);
	fputs(head, f);
	char item[160];
	for (size_t i = 0; cmd->opts && cmd->opts[i].kind != DCATIT_OPT_END; i++) {
		const DcatitOpt *o = &cmd->opts[i];
		char name[64];
		if (o->shrt)
			snprintf(name, sizeof name, "-%c", o->shrt);
		else
			snprintf(name, sizeof name, "--%s", o->lng);
		if (o->kind == DCATIT_OPT_FLAG)
			snprintf(item, sizeof item, "[%s]", name);
		else
			snprintf(item, sizeof item, "[%s %s]%s", name, o->arg ? o->arg : "VALUE",
			         o->kind == DCATIT_OPT_LIST ? "..." : "");
		size_t len = strlen(item);
		if (col + 1 + len > WIDTH) {
			fprintf(f, "\n%*s", (int)indent, "");
			col = indent;
		} else {
			fputc(' ', f);
			col++;
		}
		fputs(item, f);
		col += len;
	}
	if (cmd->operands) {
		size_t len = strlen(cmd->operands);
		if (col + 1 + len > WIDTH)
			fprintf(f, "\n%*s", (int)indent, "");
		else
			fputc(' ', f);
		fputs(cmd->operands, f);
	}
	fputc('\n', f);
}

static void print_opt_help(FILE *f, const DcatitOpt *o, const char *help)
{
	char label[128];
	opt_label(o, label, sizeof label);
	size_t len = strlen(label) + 2;
	fprintf(f, "  %s", label);
	if (len + 1 > HELP_COL) {
		fputc('\n', f);
		len = 0;
	}
	wrap(f, help, HELP_COL, len);
}

void dcatit_opt_print_help(const DcatitOptCmd *cmd, FILE *f)
{
	dcatit_opt_print_usage(cmd, f);
	fputc('\n', f);
	if (cmd->description) {
		wrap(f, TR(cmd->description), 0, 0);
		fputc('\n', f);
	}
	for (size_t i = 0; cmd->opts && cmd->opts[i].kind != DCATIT_OPT_END; i++)
		print_opt_help(f, &cmd->opts[i], TR(cmd->opts[i].help));
	const DcatitOpt help = { 'h', "help", DCATIT_OPT_FLAG, NULL, NULL, N_("show this help"), NULL };
	print_opt_help(f, &help, TR(help.help));
	if (cmd->notes) {
		fputc('\n', f);
		wrap(f, TR(cmd->notes), 0, 0);
	}
	if (cmd->exit_status) {
		fputc('\n', f);
		const char *label = _("Exit status:");
		fprintf(f, "%s ", label);
		wrap(f, TR(cmd->exit_status), 0, strlen(label) + 1);
	}
}

/* ---- roff ---- */

/* Write s escaped for roff text: backslashes, hyphens that are options,
 * and a leading dot or quote. */
static void roff_text(FILE *f, const char *s, size_t n, bool line_start)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (line_start && (c == '.' || c == '\''))
			fputs("\\&", f);
		line_start = false;
		if (c == '\\')
			fputs("\\e", f);
		else if (c == '-')
			fputs("\\-", f);
		else if (c == '\n') {
			fputc('\n', f);
			line_start = true;
		} else
			fputc(c, f);
	}
}

/* Paragraphs as .PP blocks, verbatim lines in .nf/.fi. */
static void roff_paragraphs(FILE *f, const char *text)
{
	const char *p = text;
	bool in_nf = false, need_pp = false;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		bool verbatim = len >= 2 && p[0] == ' ' && p[1] == ' ';
		if (len == 0) {
			if (in_nf) {
				fputs(".fi\n.RE\n", f);
				in_nf = false;
			}
			need_pp = true;
		} else {
			if (verbatim && !in_nf) {
				fputs(".RS 4\n.nf\n", f);
				in_nf = true;
			} else if (!verbatim && in_nf) {
				fputs(".fi\n.RE\n", f);
				in_nf = false;
				need_pp = true;
			}
			if (need_pp) {
				fputs(".PP\n", f);
				need_pp = false;
			}
			roff_text(f, verbatim ? p + 2 : p, verbatim ? len - 2 : len, true);
			fputc('\n', f);
		}
		p = eol ? eol + 1 : p + len;
	}
	if (in_nf)
		fputs(".fi\n.RE\n", f);
}

static void roff_upper(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s, f);
}

void dcatit_opt_print_man(const DcatitOptCmd *cmd, FILE *f, const char *version,
                          const char *date)
{
	fputs(".TH DCATIT-", f);
	roff_upper(f, cmd->name);
	fprintf(f, " 1 \"%s\" \"dcatit %s\" \"dcatit manual\"\n", date, version);
	fputs(".SH NAME\n", f);
	fprintf(f, "dcatit\\-%s \\- ", cmd->name);
	roff_text(f, TR(cmd->summary), strlen(TR(cmd->summary)), false);
	fputs("\n.SH SYNOPSIS\n", f);
	fprintf(f, ".B dcatit %s\n", cmd->name);
	for (size_t i = 0; cmd->opts && cmd->opts[i].kind != DCATIT_OPT_END; i++) {
		const DcatitOpt *o = &cmd->opts[i];
		fputs("[\\fB\\-\\-", f);
		roff_text(f, o->lng, strlen(o->lng), false);
		fputs("\\fR", f);
		if (o->kind != DCATIT_OPT_FLAG)
			fprintf(f, " \\fI%s\\fR", o->arg ? o->arg : "VALUE");
		fputs(o->kind == DCATIT_OPT_LIST ? "]...\n" : "]\n", f);
	}
	if (cmd->operands) {
		fputs("\\fI", f);
		roff_text(f, cmd->operands, strlen(cmd->operands), false);
		fputs("\\fR\n", f);
	}
	if (cmd->description) {
		fputs(".SH DESCRIPTION\n", f);
		roff_paragraphs(f, TR(cmd->description));
	}
	fputs(".SH OPTIONS\n", f);
	const DcatitOpt help = { 'h', "help", DCATIT_OPT_FLAG, NULL, NULL, N_("show this help"), NULL };
	for (size_t i = 0;; i++) {
		const DcatitOpt *o = cmd->opts && cmd->opts[i].kind != DCATIT_OPT_END ? &cmd->opts[i] : &help;
		fputs(".TP\n", f);
		if (o->shrt)
			fprintf(f, "\\fB\\-%c\\fR, ", o->shrt);
		fputs("\\fB\\-\\-", f);
		roff_text(f, o->lng, strlen(o->lng), false);
		fputs("\\fR", f);
		if (o->kind != DCATIT_OPT_FLAG)
			fprintf(f, " \\fI%s\\fR", o->arg ? o->arg : "VALUE");
		fputc('\n', f);
		roff_paragraphs(f, TR(o->help));
		if (o == &help)
			break;
	}
	if (cmd->notes) {
		fputs(".SH NOTES\n", f);
		roff_paragraphs(f, TR(cmd->notes));
	}
	if (cmd->exit_status) {
		fputs(".SH \"EXIT STATUS\"\n", f);
		roff_paragraphs(f, TR(cmd->exit_status));
	}
	fputs(".SH \"SEE ALSO\"\n.BR dcatit (1)\n", f);
}

/* ---- the older scanner ---- */

bool dcatit_opt_is_option(const char *arg)
{
	return arg[0] == '-' && arg[1] != '\0';
}

bool dcatit_opt_flag(char **argv, int i, const char *lng, const char *shrt)
{
	return strcmp(argv[i], lng) == 0 || (shrt && strcmp(argv[i], shrt) == 0);
}

int dcatit_opt_value(const char *cmd, int argc, char **argv, int *i,
                     const char *lng, const char *shrt, const char **val)
{
	const char *a = argv[*i];
	size_t n = strlen(lng);
	if (strncmp(a, lng, n) == 0 && a[n] == '=') {
		*val = a + n + 1;
		return 1;
	}
	if (strcmp(a, lng) != 0 && !(shrt && strcmp(a, shrt) == 0))
		return 0;
	if (*i + 1 >= argc) {
		dcatit_msg_usage(cmd, "option '%s' needs a value", a);
		return -1;
	}
	*i += 1;
	*val = argv[*i];
	return 1;
}
