/* opt.h: the options of a dcatit subcommand as one table (git's
 * parse-options): the same table drives parsing (through getopt_long), the
 * --help text, the manual page and the shell completion (cli/gen.c), so
 * they cannot drift. */
#ifndef DCATIT_OPT_H
#define DCATIT_OPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* What an option does with its value. */
typedef enum {
	DCATIT_OPT_END = 0, /* ends a table */
	DCATIT_OPT_FLAG,    /* no value; dest is a bool*, set true */
	DCATIT_OPT_STRING,  /* one value; dest is a const char**, the last wins */
	DCATIT_OPT_LIST,    /* repeatable value; dest is a DcatitOptList* */
	DCATIT_OPT_LANG,    /* "it" or "en"; dest is a const char**, and the
	                     * messages switch to that language at once */
	DCATIT_OPT_REFUSED, /* never accepted, not shown: its help is the usage
	                     * error, which never repeats the value given (a
	                     * secret on the command line, as push's --token) */
} DcatitOptKind;

/* The values of a repeatable option, in command-line order; the strings
 * are borrowed from argv, the array is freed by dcatit_opt_list_release. */
typedef struct {
	const char **v;
	size_t n;
} DcatitOptList;

/* One option. help is English source text marked with N_() (one
 * paragraph, wrapped when printed, translated on the way out). complete
 * tells the shell completion what a value is: "file", "dir", "url",
 * "profile" (the profiles of the data directory), "source" (the harvest
 * sources of -c DIR), or a '|'-separated list of the values allowed. */
typedef struct {
	char shrt;            /* short name, 0 when none */
	const char *lng;      /* long name without "--" */
	DcatitOptKind kind;
	void *dest;
	const char *arg;      /* value name in help ("FILE"); NULL for flags */
	const char *help;
	const char *complete; /* NULL: no completion of the value */
} DcatitOpt;

/* A command: its name, what it does, its operands and its options. The
 * texts are English source text in paragraphs separated by blank lines; a
 * line starting with two spaces is kept as it is (examples, lists). */
typedef struct {
	const char *name;        /* "build" */
	const char *summary;     /* one line: the command table's and NAME's */
	const char *operands;    /* synopsis after the options ("DATA..."), or NULL */
	const char *complete;    /* what an operand is, as DcatitOpt.complete, or
	                          * "command" (a dcatit command); NULL: none */
	const char *more_usage;  /* a second synopsis line after "dcatit NAME ",
	                          * or NULL */
	const char *description; /* what the command does */
	const char *notes;       /* after the options, or NULL */
	const char *exit_status; /* what each exit code means, or NULL */
	const DcatitOpt *opts;   /* ends with DCATIT_OPT_END; -h/--help is implied */
} DcatitOptCmd;

/* What dcatit_opt_parse found. */
typedef enum {
	DCATIT_OPT_PARSED = 0, /* options stored; operands from *first on */
	DCATIT_OPT_HELP_SHOWN, /* --help was printed to stdout: exit 0 */
	DCATIT_OPT_USAGE,      /* a usage error was printed: exit 2 */
	DCATIT_OPT_NOMEM,      /* out of memory (printed): exit 3 */
} DcatitOptResult;

/* Parse argv (argv[0] = the command name) against cmd's table: stores each
 * option into its dest, permutes the operands to the end and sets *first
 * to the index of the first one. Prints --help or a usage error itself. */
DcatitOptResult dcatit_opt_parse(const DcatitOptCmd *cmd, int argc, char **argv, int *first);
/* Exit code for a result that is not DCATIT_OPT_PARSED. */
int dcatit_opt_exit_code(DcatitOptResult r);
/* Free the arrays of the DCATIT_OPT_LIST options of cmd (not the strings). */
void dcatit_opt_release(const DcatitOptCmd *cmd);
/* Write the --help text of cmd to f. */
void dcatit_opt_print_help(const DcatitOptCmd *cmd, FILE *f);
/* Write the synopsis line(s) "usage: dcatit NAME [-x] ..." to f. */
void dcatit_opt_print_usage(const DcatitOptCmd *cmd, FILE *f);
/* Translate a table text (N_() source text; NULL and "" stay as they are). */
const char *dcatit_opt_text(const char *s);

/* Parse s, the value of option opt ("--jobs") of command cmd, as a whole
 * number from min to max (with pct, a trailing '%' is allowed: a
 * percentage) into *out; false after printing the usage error. */
bool dcatit_opt_number(const char *cmd, const char *opt, const char *s, long min, long max,
                       bool pct, long *out);
/* Is s one of the '|'-separated words of list ("text|json")? */
bool dcatit_opt_is_one_of(const char *s, const char *list);
/* Is the option visible (in help, manual page and completion)? */
bool dcatit_opt_is_shown(const DcatitOpt *o);

#endif
