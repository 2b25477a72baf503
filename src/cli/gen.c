/* gen.c: manual pages and shell completions written from the command
 * tables (gen.h, opt.h). The build runs `dcatit __generate ...` on the
 * binary it just linked (man/meson.build, completion/meson.build), so
 * what is installed always matches the options the binary parses. */
#include "cli/gen.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/str.h"
#include "cli/datadir.h"
#include "cli/msg.h"
#include "config.h"
#include "profile/bundle.h"

#define TR(s) dcatit_opt_text(s)

/* ---- roff ---- */

/* Write n bytes of s escaped for roff text: backslashes, hyphens (which
 * roff would turn into typographic ones, breaking copied options), and a
 * leading dot or quote. */
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

static void roff_z(FILE *f, const char *s)
{
	roff_text(f, s, strlen(s), false);
}

/* Paragraphs as .PP blocks, verbatim lines (two leading spaces) in
 * .nf/.fi. */
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

/* "\fB\-o\fR, \fB\-\-output\fR \fIOUT\fR" */
static void roff_opt(FILE *f, const DcatitOpt *o)
{
	if (o->shrt)
		fprintf(f, "\\fB\\-%c\\fR, ", o->shrt);
	fputs("\\fB\\-\\-", f);
	roff_z(f, o->lng);
	fputs("\\fR", f);
	if (o->kind != DCATIT_OPT_FLAG)
		fprintf(f, " \\fI%s\\fR", o->arg ? TR(o->arg) : "VALUE");
}

static const DcatitOpt help_opt = { 'h', "help", DCATIT_OPT_FLAG, NULL, NULL,
                                    N_("show this help"), NULL };

void dcatit_gen_man(const DcatitOptCmd *cmd, FILE *f, const char *version, const char *date)
{
	fputs(".TH DCATIT-", f);
	roff_upper(f, cmd->name);
	fprintf(f, " 1 \"%s\" \"dcatit %s\" \"%s\"\n", date, version, _("dcatit manual"));
	fprintf(f, ".SH %s\n", _("NAME"));
	fprintf(f, "dcatit\\-%s \\- ", cmd->name);
	roff_z(f, TR(cmd->summary));
	fprintf(f, "\n.SH %s\n", _("SYNOPSIS"));
	fprintf(f, ".B dcatit %s\n", cmd->name);
	for (size_t i = 0; cmd->opts && cmd->opts[i].kind != DCATIT_OPT_END; i++) {
		const DcatitOpt *o = &cmd->opts[i];
		if (!dcatit_opt_is_shown(o))
			continue;
		fputs("[\\fB\\-\\-", f);
		roff_z(f, o->lng);
		fputs("\\fR", f);
		if (o->kind != DCATIT_OPT_FLAG)
			fprintf(f, " \\fI%s\\fR", o->arg ? TR(o->arg) : "VALUE");
		fputs(o->kind == DCATIT_OPT_LIST ? "]...\n" : "]\n", f);
	}
	if (cmd->operands) {
		fputs("\\fI", f);
		roff_z(f, TR(cmd->operands));
		fputs("\\fR\n", f);
	}
	if (cmd->more_usage) {
		fprintf(f, ".br\n.B dcatit %s\n", cmd->name);
		roff_z(f, cmd->more_usage);
		fputc('\n', f);
	}
	if (cmd->description) {
		fprintf(f, ".SH %s\n", _("DESCRIPTION"));
		roff_paragraphs(f, TR(cmd->description));
	}
	fprintf(f, ".SH %s\n", _("OPTIONS"));
	for (size_t i = 0;; i++) {
		bool end = !cmd->opts || cmd->opts[i].kind == DCATIT_OPT_END;
		const DcatitOpt *o = end ? &help_opt : &cmd->opts[i];
		if (dcatit_opt_is_shown(o)) {
			fputs(".TP\n", f);
			roff_opt(f, o);
			fputc('\n', f);
			roff_paragraphs(f, TR(o->help));
		}
		if (end)
			break;
	}
	if (cmd->notes) {
		fprintf(f, ".SH %s\n", _("NOTES"));
		roff_paragraphs(f, TR(cmd->notes));
	}
	if (cmd->exit_status) {
		fprintf(f, ".SH \"%s\"\n", _("EXIT STATUS"));
		roff_paragraphs(f, TR(cmd->exit_status));
	}
	fprintf(f, ".SH \"%s\"\n.BR dcatit (1)\n", _("SEE ALSO"));
}

/* The sections of dcatit(1) that are not about one command. */
static const char overview_description[] =
	N_("dcatit builds, validates, publishes and harvests DCAT-AP_IT open-data catalogues, "
	   "the Italian application profile of DCAT that dati.gov.it harvests. The catalogue is "
	   "kept as files in a Git repository (catalog.yaml and one record per dataset), built "
	   "into RDF, validated with the national rules expressed as SHACL shapes, published to "
	   "a CKAN portal, and checked against what harvesters read back.\n"
	   "\n"
	   "Each command has its own manual page, dcatit-COMMAND(1), and its own --help. The "
	   "messages are in Italian under an Italian locale (LANG=it_IT.UTF-8) and in English "
	   "otherwise; --lang it|en chooses for one run.");

/* A term and its explanation, for the overview page's lists. */
typedef struct {
	const char *name;
	const char *text; /* N_() */
} Entry;

static const Entry overview_env[] = {
	{ "DCATIT_DATADIR",
	  N_("the data directory: the DCAT-AP_IT shapes, the controlled vocabularies, the "
	     "registry of organisations and the bundled EU profiles (a directory holding vocab/, "
	     "or vocab/ itself). Default: vocab/ of the source tree for a build that is not "
	     "installed, else the installed one, found next to the executable "
	     "(../share/dcatit/vocab), so a moved installation keeps working.") },
	{ "CKAN_API_TOKEN",
	  N_("the API token of dcatit push (or --token-file). It is never taken from the "
	     "command line and never printed.") },
	{ "LANG, LC_ALL, LC_MESSAGES, LANGUAGE",
	  N_("the language of messages, help and reports: Italian when the locale is Italian "
	     "(it_IT.UTF-8, even when that locale is not generated on the system), English "
	     "otherwise. The --lang option of the commands that print findings overrides it.") },
	{ "DCATIT_LOCALEDIR",
	  N_("where the message catalogues are (default: next to the executable, as for the "
	     "data directory).") },
};

static const Entry overview_files[] = {
	{ DCATIT_DATADIR "/vocab",
	  N_("the installed data directory (see DCATIT_DATADIR).") },
	{ DCATIT_DATADIR "/catalog",
	  N_("the bundled catalogue of Regione Toscana, an example of the record format.") },
	{ "catalog/catalog.yaml",
	  N_("the catalogue that dcatit build reads, with one record per dataset next to it "
	     "(catalog/README.md of the sources describes the keys).") },
	{ "harvest/*.yaml",
	  N_("the harvest sources, one file per source (dcatit harvest -c DIR).") },
	{ "out/",
	  N_("what dcatit build writes by default, and what push and verify read "
	     "(out/catalog.ttl).") },
};

/* The entries as a tagged list, each name in font ('B' bold, 'I' italic). */
static void roff_entries(FILE *f, const Entry *e, size_t n, char font)
{
	for (size_t i = 0; i < n; i++) {
		fprintf(f, ".TP\n.%c ", font);
		roff_z(f, e[i].name);
		fputc('\n', f);
		roff_paragraphs(f, _(e[i].text));
	}
}

static const char overview_exit[] =
	N_("0 success (the data conforms), 1 the data has errors (violations, invalid records, "
	   "a CKAN item refused), 2 usage error, 3 runtime failure (input/output, network, out "
	   "of memory).");

void dcatit_gen_man_overview(FILE *f, const DcatitOptCmd *const *cmds, size_t n,
                             const char *version, const char *date)
{
	fprintf(f, ".TH DCATIT 1 \"%s\" \"dcatit %s\" \"%s\"\n", date, version, _("dcatit manual"));
	fprintf(f, ".SH %s\n", _("NAME"));
	fputs("dcatit \\- ", f);
	roff_z(f, _("build, validate, publish and harvest DCAT-AP_IT catalogues"));
	fprintf(f, "\n.SH %s\n", _("SYNOPSIS"));
	fprintf(f, ".B dcatit\n[\\fB\\-\\-version\\fR] [\\fB\\-\\-help\\fR] \\fI%s\\fR [\\fI%s\\fR]\n",
	        _("COMMAND"), _("ARGS"));
	fprintf(f, ".SH %s\n", _("DESCRIPTION"));
	roff_paragraphs(f, _(overview_description));
	fprintf(f, ".SH %s\n", _("COMMANDS"));
	for (size_t i = 0; i < n; i++) {
		fprintf(f, ".TP\n.BR dcatit\\-%s (1)\n", cmds[i]->name);
		roff_paragraphs(f, TR(cmds[i]->summary));
	}
	fprintf(f, ".SH %s\n", _("OPTIONS"));
	fprintf(f, ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n");
	roff_paragraphs(f, _("list the commands"));
	fprintf(f, ".TP\n\\fB\\-V\\fR, \\fB\\-\\-version\\fR\n");
	roff_paragraphs(f, _("print the version of dcatit"));
	fprintf(f, ".SH %s\n", _("ENVIRONMENT"));
	roff_entries(f, overview_env, sizeof overview_env / sizeof overview_env[0], 'B');
	fprintf(f, ".SH %s\n", _("FILES"));
	roff_entries(f, overview_files, sizeof overview_files / sizeof overview_files[0], 'I');
	fprintf(f, ".SH \"%s\"\n", _("EXIT STATUS"));
	roff_paragraphs(f, _(overview_exit));
	fprintf(f, ".SH \"%s\"\n", _("SEE ALSO"));
	for (size_t i = 0; i < n; i++)
		fprintf(f, ".BR dcatit\\-%s (1)%s\n", cmds[i]->name, i + 1 < n ? "," : "");
}

/* ---- shell completion ---- */

/* The words of a '|' list, space-separated. */
static void put_words(FILE *f, const char *list)
{
	for (const char *p = list; *p; p++)
		fputc(*p == '|' ? ' ' : *p, f);
}

static bool is_word_list(const char *complete)
{
	return complete && strchr(complete, '|');
}

/* Shell-safe (single-quoted) text. */
static void put_squoted(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", f);
		else
			fputc(*s, f);
	}
	fputc('\'', f);
}

/* The bash script: static tables for the options, values computed when
 * asked (files, directories, profiles from `dcatit __complete profiles`,
 * harvest sources from the *.yaml of -c DIR). The current word is taken
 * from the line itself, so "--format=j" and "-p dcat-ap-2.1.1:ba" complete
 * whatever COMP_WORDBREAKS splits. */
static const char bash_functions[] =
	"# Put the candidates among \"$@\" that start with $1 into COMPREPLY,\n"
	"# without what bash already counts as an earlier word (up to the last\n"
	"# '=' or ':' of the value).\n"
	"_dcatit_reply()\n"
	"{\n"
	"    local cur=$1 pre c\n"
	"    shift\n"
	"    pre=${cur%\"${cur##*[=:]}\"}\n"
	"    for c in \"$@\"; do\n"
	"        [[ $c == \"$cur\"* ]] && COMPREPLY+=(\"${c#\"$pre\"}\")\n"
	"    done\n"
	"}\n"
	"\n"
	"# Complete the value $2 of kind $1 (file, dir, url, profile, source,\n"
	"# command, or words separated by spaces).\n"
	"_dcatit_value()\n"
	"{\n"
	"    local kind=$1 cur=$2 dir=harvest i c\n"
	"    local -a found\n"
	"    case $kind in\n"
	"    file)\n"
	"        compopt -o filenames 2>/dev/null\n"
	"        mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
	"        ;;\n"
	"    dir)\n"
	"        compopt -o filenames 2>/dev/null\n"
	"        mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")\n"
	"        ;;\n"
	"    url|'')\n"
	"        ;;\n"
	"    profile)\n"
	"        mapfile -t found < <(\"${COMP_WORDS[0]}\" __complete profiles 2>/dev/null)\n"
	"        _dcatit_reply \"$cur\" \"${found[@]}\"\n"
	"        ;;\n"
	"    source)\n"
	"        for ((i = 2; i < ${#_dcatit_words[@]} - 1; i++)); do\n"
	"            case ${_dcatit_words[i]} in\n"
	"            -c|--config) dir=${_dcatit_words[i+1]} ;;\n"
	"            --config=*) dir=${_dcatit_words[i]#--config=} ;;\n"
	"            esac\n"
	"        done\n"
	"        for c in \"$dir\"/*.yaml \"$dir\"/*.yml; do\n"
	"            [[ -f $c ]] || continue\n"
	"            c=${c##*/}\n"
	"            found+=(\"${c%.*}\")\n"
	"        done\n"
	"        _dcatit_reply \"$cur\" \"${found[@]}\"\n"
	"        ;;\n"
	"    command)\n"
	"        _dcatit_reply \"$cur\" $_dcatit_commands\n"
	"        ;;\n"
	"    *)\n"
	"        _dcatit_reply \"$cur\" $kind\n"
	"        ;;\n"
	"    esac\n"
	"}\n"
	"\n"
	"_dcatit()\n"
	"{\n"
	"    local line=${COMP_LINE:0:COMP_POINT} cur prev cmd kind\n"
	"    COMPREPLY=()\n"
	"    read -r -a _dcatit_words <<< \"$line\"\n"
	"    [[ $line == *[[:space:]] || ${#_dcatit_words[@]} -eq 0 ]] && _dcatit_words+=('')\n"
	"    local n=${#_dcatit_words[@]}\n"
	"    cur=${_dcatit_words[n-1]}\n"
	"    if ((n <= 2)); then\n"
	"        if [[ $cur == -* ]]; then\n"
	"            _dcatit_reply \"$cur\" --help --version\n"
	"        else\n"
	"            _dcatit_reply \"$cur\" $_dcatit_commands\n"
	"        fi\n"
	"        return 0\n"
	"    fi\n"
	"    cmd=${_dcatit_words[1]}\n"
	"    prev=${_dcatit_words[n-2]}\n"
	"    if [[ $cur == --*=* ]]; then\n"
	"        kind=$(_dcatit_kind \"$cmd\" \"${cur%%=*}\")\n"
	"        [[ $kind != none ]] && _dcatit_value \"${kind#value:}\" \"${cur#*=}\"\n"
	"        return 0\n"
	"    fi\n"
	"    kind=$(_dcatit_kind \"$cmd\" \"$prev\")\n"
	"    if [[ $kind == value:* && $prev == -* ]]; then\n"
	"        _dcatit_value \"${kind#value:}\" \"$cur\"\n"
	"    elif [[ $cur == -* ]]; then\n"
	"        _dcatit_reply \"$cur\" $(_dcatit_options \"$cmd\")\n"
	"    else\n"
	"        _dcatit_value \"$(_dcatit_operand \"$cmd\")\" \"$cur\"\n"
	"    fi\n"
	"    return 0\n"
	"}\n"
	"complete -F _dcatit dcatit\n";

/* The completion kind of a value in bash: a kind name, or the words. */
static void bash_kind(FILE *f, const char *complete)
{
	if (!complete)
		return;
	if (is_word_list(complete))
		put_words(f, complete);
	else
		fputs(complete, f);
}

int dcatit_gen_bash(FILE *f, const DcatitOptCmd *const *cmds, size_t n)
{
	fputs("# bash completion for dcatit, written by `dcatit __generate bash` from the\n"
	      "# option tables of the commands: do not edit, rebuild.\n"
	      "# shellcheck shell=bash\n\n", f);
	fputs("_dcatit_commands='", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? " " : "", cmds[i]->name);
	fputs("'\n\n", f);
	/* options of each command */
	fputs("_dcatit_options()\n{\n    case $1 in\n", f);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "    %s) echo '--help", cmds[i]->name);
		for (size_t k = 0; cmds[i]->opts[k].kind != DCATIT_OPT_END; k++) {
			const DcatitOpt *o = &cmds[i]->opts[k];
			if (!dcatit_opt_is_shown(o))
				continue;
			fprintf(f, " --%s", o->lng);
			if (o->shrt)
				fprintf(f, " -%c", o->shrt);
		}
		fputs("' ;;\n", f);
	}
	fputs("    esac\n}\n\n", f);
	/* what the value of an option is: "none" for a flag, value:KIND */
	fputs("_dcatit_kind()\n{\n    case \"$1 $2\" in\n", f);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; cmds[i]->opts[k].kind != DCATIT_OPT_END; k++) {
			const DcatitOpt *o = &cmds[i]->opts[k];
			if (!dcatit_opt_is_shown(o) || o->kind == DCATIT_OPT_FLAG)
				continue;
			fprintf(f, "    '%s --%s'", cmds[i]->name, o->lng);
			if (o->shrt)
				fprintf(f, "|'%s -%c'", cmds[i]->name, o->shrt);
			fputs(") echo 'value:", f);
			bash_kind(f, o->complete);
			fputs("' ;;\n", f);
		}
	}
	fputs("    *) echo none ;;\n    esac\n}\n\n", f);
	fputs("_dcatit_operand()\n{\n    case $1 in\n", f);
	for (size_t i = 0; i < n; i++) {
		if (!cmds[i]->complete)
			continue;
		fprintf(f, "    %s) echo '", cmds[i]->name);
		bash_kind(f, cmds[i]->complete);
		fputs("' ;;\n", f);
	}
	fputs("    esac\n}\n\n", f);
	fputs(bash_functions, f);
	return DCATIT_EXIT_OK;
}

/* The first clause of an option's help, for zsh's [description]: up to
 * the first ';' or '(' or 60 characters, with the characters _arguments
 * reads ('[', ']', ':', '\') left out. */
static void zsh_description(FILE *f, const char *help)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	size_t n = 0;
	for (const char *p = help; *p && *p != ';' && *p != '(' && *p != '\n'; p++) {
		if (*p == '[' || *p == ']' || *p == ':' || *p == '\\')
			continue;
		if (n >= 60 && *p == ' ')
			break;
		dcatit_buf_addc(&b, *p);
		n++;
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	put_squoted(f, b.data ? b.data : "");
	dcatit_buf_release(&b);
}

/* The zsh action of a value kind. */
static void zsh_action(FILE *f, const char *complete)
{
	if (!complete)
		fputs("' '", f);
	else if (is_word_list(complete)) {
		fputs("'(", f);
		put_words(f, complete);
		fputs(")'", f);
	} else if (strcmp(complete, "file") == 0)
		fputs("_files", f);
	else if (strcmp(complete, "dir") == 0)
		fputs("'_files -/'", f);
	else if (strcmp(complete, "profile") == 0)
		fputs("_dcatit_profiles", f);
	else if (strcmp(complete, "source") == 0)
		fputs("_dcatit_sources", f);
	else if (strcmp(complete, "command") == 0)
		fputs("_dcatit_commands", f);
	else
		fputs("_urls", f);
}

static const char zsh_functions[] =
	"_dcatit_commands()\n"
	"{\n"
	"    local -a cmds\n"
	"    cmds=(${(f)_dcatit_command_list})\n"
	"    _describe -t commands 'dcatit command' cmds\n"
	"}\n"
	"\n"
	"_dcatit_profiles()\n"
	"{\n"
	"    local -a profiles\n"
	"    profiles=(${(f)\"$(_call_program profiles $_dcatit_prog __complete profiles 2>/dev/null)\"})\n"
	"    compadd -a profiles\n"
	"}\n"
	"\n"
	"_dcatit_sources()\n"
	"{\n"
	"    local dir=harvest i\n"
	"    local -a sources\n"
	"    for ((i = 1; i < $#words; i++)); do\n"
	"        case $words[i] in\n"
	"        -c|--config) dir=$words[i+1] ;;\n"
	"        --config=*) dir=${words[i]#--config=} ;;\n"
	"        esac\n"
	"    done\n"
	"    sources=($dir/*.(yaml|yml)(N:t:r))\n"
	"    compadd -a sources\n"
	"}\n"
	"\n";

int dcatit_gen_zsh(FILE *f, const DcatitOptCmd *const *cmds, size_t n)
{
	fputs("#compdef dcatit\n"
	      "# zsh completion for dcatit, written by `dcatit __generate zsh` from the\n"
	      "# option tables of the commands: do not edit, rebuild.\n\n", f);
	fputs("_dcatit_command_list='", f);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "%s%s:", i ? "\n" : "", cmds[i]->name);
		/* the summary, without the quote and colon _describe reads */
		for (const char *p = cmds[i]->summary; *p; p++)
			if (*p != '\'' && *p != ':')
				fputc(*p, f);
	}
	fputs("'\n\n", f);
	fputs(zsh_functions, f);
	fputs("_dcatit()\n{\n"
	      "    local curcontext=$curcontext state line ret=1 _dcatit_prog=$words[1]\n"
	      "    typeset -A opt_args\n"
	      "    _arguments -C \\\n"
	      "        '(- :)'{-h,--help}'[list the commands]' \\\n"
	      "        '(- :)'{-V,--version}'[print the version]' \\\n"
	      "        '1:command:_dcatit_commands' \\\n"
	      "        '*::argument:->args' && ret=0\n"
	      "    [[ $state == args ]] || return ret\n"
	      "    curcontext=${curcontext%:*:*}:dcatit-$words[1]:\n"
	      "    case $words[1] in\n", f);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "    %s)\n        _arguments -s \\\n", cmds[i]->name);
		fputs("            '(- *)'{-h,--help}'[show this help]' \\\n", f);
		for (size_t k = 0; cmds[i]->opts[k].kind != DCATIT_OPT_END; k++) {
			const DcatitOpt *o = &cmds[i]->opts[k];
			if (!dcatit_opt_is_shown(o))
				continue;
			bool value = o->kind != DCATIT_OPT_FLAG;
			const char *eq = value ? "=" : "";
			fputs("            ", f);
			if (o->kind == DCATIT_OPT_LIST)
				fputs("'*'", f);
			else if (o->shrt)
				fprintf(f, "'(-%c --%s)'", o->shrt, o->lng);
			else
				fprintf(f, "'(--%s)'", o->lng);
			if (o->shrt)
				fprintf(f, "{-%c,--%s%s}", o->shrt, o->lng, eq);
			else
				fprintf(f, "--%s%s", o->lng, eq);
			/* '[' 'description' ']': adjacent quoted words are one */
			fputs("'['", f);
			zsh_description(f, o->help);
			fputs("']'", f);
			if (value) {
				fprintf(f, "':%s:'", o->arg ? o->arg : "VALUE");
				zsh_action(f, o->complete);
			}
			fputs(" \\\n", f);
		}
		if (cmds[i]->complete) {
			fprintf(f, "            '*:%s:'", cmds[i]->operands ? "operand" : "argument");
			zsh_action(f, cmds[i]->complete);
			fputs(" \\\n", f);
		}
		fputs("            && ret=0\n        ;;\n", f);
	}
	fputs("    esac\n    return ret\n}\n\n_dcatit \"$@\"\n", f);
	return DCATIT_EXIT_OK;
}

/* ---- values asked for at completion time ---- */

/* The variants a bundled profile's manifest names (besides base and
 * full), as "NAME:PART" lines. */
static void print_variants(FILE *f, const char *datadir, const char *name)
{
	DcatitBuf p;
	dcatit_buf_init(&p);
	dcatit_buf_addf(&p, "%s/%s/%s/%s", datadir, DCATIT_BUNDLE_DIR, name,
	                DCATIT_BUNDLE_MANIFEST);
	FILE *m = p.oom ? NULL : fopen(p.data, "r");
	dcatit_buf_release(&p);
	if (!m)
		return;
	char line[1024], seen[16][64];
	size_t nseen = 0;
	fprintf(f, "%s:base\n%s:full\n", name, name);
	while (fgets(line, sizeof line, m)) {
		if (strncmp(line, "shapes ", 7) != 0)
			continue;
		size_t k = strcspn(line + 7, " \t\n");
		if (!k || k >= 64 || (k == 4 && strncmp(line + 7, "base", 4) == 0) ||
		    (k == 4 && strncmp(line + 7, "full", 4) == 0))
			continue;
		bool dup = false;
		for (size_t i = 0; i < nseen && !dup; i++)
			dup = strlen(seen[i]) == k && strncmp(seen[i], line + 7, k) == 0;
		if (dup || nseen == 16)
			continue;
		snprintf(seen[nseen++], 64, "%.*s", (int)k, line + 7);
		fprintf(f, "%s:%.*s\n", name, (int)k, line + 7);
	}
	fclose(m);
}

int dcatit_gen_values(FILE *f, int argc, char **argv)
{
	if (argc != 2 || strcmp(argv[1], "profiles") != 0)
		return dcatit_msg_usage("__complete", "expected profiles");
	fputs("dcatapit\ndcatapit-strict\nnone\n", f);
	char dir[4096];
	if (dcatit_datadir_find(dir, sizeof dir) != DCATIT_OK)
		return DCATIT_EXIT_OK;
	DcatitBuf p;
	dcatit_buf_init(&p);
	dcatit_buf_addf(&p, "%s/%s", dir, DCATIT_BUNDLE_DIR);
	DIR *d = p.oom ? NULL : opendir(p.data);
	dcatit_buf_release(&p);
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
		if (e->d_name[0] == '.' || !dcatit_bundle_exists(dir, e->d_name))
			continue;
		char **v = dcatit_grow(names, &cap, n + 1, sizeof *v, 8);
		char *s = v ? dcatit_strdup(e->d_name) : NULL;
		if (v)
			names = v;
		if (!s)
			break;
		names[n++] = s;
	}
	if (d)
		closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, dcatit_cmp_str);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "%s\n", names[i]);
		print_variants(f, dir, names[i]);
		free(names[i]);
	}
	free(names);
	return DCATIT_EXIT_OK;
}
