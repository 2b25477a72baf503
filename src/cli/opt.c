/* opt.c: option tables of the subcommands (see opt.h): parsing through
 * getopt_long, and the --help text written from the same table (the
 * manual page and the completion are in gen.c). */
#include "cli/opt.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/locale.h"
#include "cli/msg.h"

/* The table's texts are English source text, translated on their way out
 * (never "": gettext maps it to the catalogue's header). */
const char *dcatit_opt_text(const char *s)
{
	return s && *s ? _(s) : s;
}
#define TR(s) dcatit_opt_text(s)

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

/* Store val into o's dest; false after printing a usage error. */
static bool store(const DcatitOptCmd *cmd, const DcatitOpt *o, const char *val, bool *oom)
{
	switch (o->kind) {
	case DCATIT_OPT_FLAG:
		*(bool *)o->dest = true;
		break;
	case DCATIT_OPT_STRING:
		*(const char **)o->dest = val;
		break;
	case DCATIT_OPT_LANG:
		if (dcatit_locale_use(val) != 0) {
			dcatit_msg_usage(cmd->name, "unknown language '%s' for --%s (it or en)", val,
			                 o->lng);
			return false;
		}
		*(const char **)o->dest = val;
		break;
	case DCATIT_OPT_LIST: {
		DcatitOptList *l = o->dest;
		const char **v = realloc(l->v, (l->n + 1) * sizeof *v);
		if (!v) {
			*oom = true;
			return true;
		}
		v[l->n++] = val;
		l->v = v;
		break;
	}
	case DCATIT_OPT_REFUSED:
		/* the value (if any) is never repeated: it may be a secret */
		dcatit_msg_usage(cmd->name, "%s", TR(o->help));
		return false;
	case DCATIT_OPT_END:
		break;
	}
	return true;
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

/* An option the table does not have: named without the value given after
 * '=' (it may be a secret typed at the wrong option). */
static DcatitOptResult unknown(const DcatitOptCmd *cmd, size_t n_opts, const char *arg, int shrt)
{
	if (shrt) {
		dcatit_msg_usage(cmd->name, "unknown option '-%c'", shrt);
		return DCATIT_OPT_USAGE;
	}
	const char *name = arg && strncmp(arg, "--", 2) == 0 ? arg + 2 : NULL;
	size_t n = name ? strcspn(name, "=") : 0;
	if (n && prefix_matches(cmd->opts, n_opts, name, n) > 1)
		dcatit_msg_usage(cmd->name, "ambiguous option '--%.*s'", (int)n, name);
	else if (name)
		dcatit_msg_usage(cmd->name, "unknown option '--%.*s'", (int)n, name);
	else
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
		dcatit_msg_nomem();
		return DCATIT_OPT_NOMEM;
	}
	size_t k = 0;
	shorts[k++] = ':';
	shorts[k++] = 'h';
	for (size_t i = 0; i < n; i++) {
		const DcatitOpt *o = &cmd->opts[i];
		bool arg = o->kind != DCATIT_OPT_FLAG && o->kind != DCATIT_OPT_REFUSED;
		lo[i].name = o->lng;
		/* a refused option matches with or without "=value" */
		lo[i].has_arg = o->kind == DCATIT_OPT_REFUSED ? optional_argument
		              : arg ? required_argument : no_argument;
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
	bool oom = false, help = false;
	/* optind = 0 makes glibc start afresh: commands may be parsed more
	 * than once in a process (tests drive cmd_push repeatedly) */
	optind = 0;
	opterr = 0;
	int c;
	while (res == DCATIT_OPT_PARSED && !oom &&
	       (c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		const DcatitOpt *o = NULL;
		if (c >= LONG_BASE)
			o = &cmd->opts[c - LONG_BASE];
		for (size_t i = 0; !o && c != ':' && c != '?' && i < n; i++)
			if (cmd->opts[i].shrt == c)
				o = &cmd->opts[i];
		if (c == 'h') {
			/* printed once the options are read: --lang may follow */
			help = true;
		} else if (help) {
			/* after --help the rest is not checked, but --lang counts */
			if (o && o->kind == DCATIT_OPT_LANG && optarg)
				dcatit_locale_use(optarg);
		} else if (o) {
			if (!store(cmd, o, optarg, &oom))
				res = DCATIT_OPT_USAGE;
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
		} else {
			res = unknown(cmd, n, optopt ? NULL : argv[optind - 1], optopt);
		}
	}
	free(lo);
	free(shorts);
	if (oom) {
		dcatit_msg_nomem();
		return DCATIT_OPT_NOMEM;
	}
	if (help && res == DCATIT_OPT_PARSED) {
		dcatit_opt_print_help(cmd, stdout);
		res = DCATIT_OPT_HELP_SHOWN;
	}
	*first = optind;
	return res;
}

bool dcatit_opt_number(const char *cmd, const char *opt, const char *s, long min, long max,
                       bool pct, long *out)
{
	char *end = NULL;
	errno = 0;
	long v = s[0] == '-' || s[0] == '+' || s[0] == ' ' ? 0 : strtol(s, &end, 10);
	if (end && pct && *end == '%')
		end++;
	if (!end || end == s || *end || errno || v < min || v > max) {
		if (pct)
			dcatit_msg_usage(cmd, "%s needs a percentage from %ld to %ld, not '%s'", opt,
			                 min, max, s);
		else
			dcatit_msg_usage(cmd, "%s needs a number from %ld to %ld, not '%s'", opt, min,
			                 max, s);
		return false;
	}
	*out = v;
	return true;
}

bool dcatit_opt_is_one_of(const char *s, const char *list)
{
	size_t n = strlen(s);
	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, '|');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && strncmp(p, s, n) == 0)
			return true;
		p = e ? e + 1 : p + k;
	}
	return false;
}

bool dcatit_opt_is_shown(const DcatitOpt *o)
{
	return o->kind != DCATIT_OPT_REFUSED && o->kind != DCATIT_OPT_END;
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
		snprintf(buf, cap, "%s--%s %s", sh, o->lng, o->arg ? TR(o->arg) : "VALUE");
}

/* Display width of UTF-8 text: its characters (the translations of
 * "usage:" are not all ASCII). */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

void dcatit_opt_print_usage(const DcatitOptCmd *cmd, FILE *f)
{
	char head[128];
	/* TRANSLATORS: the start of a synopsis, "usage: dcatit build [-C DIR]..." */
	const char *word = _("usage:");
	int hn = snprintf(head, sizeof head, "%s dcatit %s", word, cmd->name);
	size_t hw = width(head);
	size_t indent = hn > 0 && hw < 40 ? hw + 1 : 8;
	size_t col = hw;
	fputs(head, f);
	char item[160];
	for (size_t i = 0; cmd->opts && cmd->opts[i].kind != DCATIT_OPT_END; i++) {
		const DcatitOpt *o = &cmd->opts[i];
		if (!dcatit_opt_is_shown(o))
			continue;
		char name[64];
		if (o->shrt)
			snprintf(name, sizeof name, "-%c", o->shrt);
		else
			snprintf(name, sizeof name, "--%s", o->lng);
		if (o->kind == DCATIT_OPT_FLAG)
			snprintf(item, sizeof item, "[%s]", name);
		else
			snprintf(item, sizeof item, "[%s %s]%s", name, o->arg ? TR(o->arg) : "VALUE",
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
		const char *ops = TR(cmd->operands);
		size_t len = width(ops);
		if (col + 1 + len > WIDTH)
			fprintf(f, "\n%*s", (int)indent, "");
		else
			fputc(' ', f);
		fputs(ops, f);
	}
	fputc('\n', f);
	if (cmd->more_usage)
		fprintf(f, "%*sdcatit %s %s\n", (int)(width(word) + 1), "", cmd->name,
		        cmd->more_usage);
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
		if (dcatit_opt_is_shown(&cmd->opts[i]))
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
