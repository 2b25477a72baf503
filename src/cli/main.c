/* main.c: the dcatit command: one sorted table of subcommands and the
 * dispatch to them, plus `help` and `--version`, and the hidden commands
 * the build runs to write the manual pages and shell completions from the
 * same tables (cli/gen.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "base/i18n.h"
#include "cli/cmds.h"
#include "cli/gen.h"
#include "cli/locale.h"
#include "cli/msg.h"
#include "cli/opt.h"

typedef struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const DcatitOptCmd *table; /* NULL: not on a table yet, summary below */
	const char *summary;
} Command;

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const DcatitOpt no_opts[] = {
	{ 0, NULL, DCATIT_OPT_END, NULL, NULL, NULL, NULL },
};

static const DcatitOptCmd help_cmd = {
	.name = "help",
	.summary = N_("show the commands, or the help of one command"),
	.operands = N_("[COMMAND]"),
	.complete = "command",
	.description = N_("Without COMMAND, list the commands; with it, show its options."),
	.opts = no_opts,
};

static const DcatitOptCmd version_cmd = {
	.name = "version",
	.summary = N_("print the version of dcatit"),
	.description = N_("Print the version of dcatit (same as 'dcatit --version')."),
	.opts = no_opts,
};

/* Sorted by name. */
static const Command commands[] = {
	{ "build", cmd_build, &dcatit_build_cmd, NULL },
	{ "convert", cmd_convert, &dcatit_convert_cmd, NULL },
	{ "harvest", cmd_harvest, &dcatit_harvest_cmd, NULL },
	{ "help", cmd_help, &help_cmd, NULL },
	{ "push", cmd_push, &dcatit_push_cmd, NULL },
	{ "quality", cmd_quality, &dcatit_quality_cmd, NULL },
	{ "validate", cmd_validate, &dcatit_validate_cmd, NULL },
	{ "verify", cmd_verify, &dcatit_verify_cmd, NULL },
	{ "version", cmd_version, &version_cmd, NULL },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const Command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void print_overview(FILE *f)
{
	fputs(_("usage: dcatit [--version] [--help] COMMAND [ARGS]\n\n"
	        "commands:\n"), f);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name,
		        _(commands[i].table ? commands[i].table->summary : commands[i].summary));
	fputs(_("\nRun 'dcatit help COMMAND' or 'dcatit COMMAND --help' for the "
	        "options of a command.\n"), f);
}

static int cmd_help(int argc, char **argv)
{
	int first;
	DcatitOptResult r = dcatit_opt_parse(&help_cmd, argc, argv, &first);
	if (r != DCATIT_OPT_PARSED)
		return dcatit_opt_exit_code(r);
	if (argc - first > 1)
		return dcatit_msg_usage("help", "too many arguments");
	if (first == argc) {
		print_overview(stdout);
		return DCATIT_EXIT_OK;
	}
	const Command *c = find_command(argv[first]);
	if (!c)
		return dcatit_msg_usage(NULL, "'%s' is not a dcatit command", argv[first]);
	if (!c->table) {
		char name[64], help[] = "--help";
		snprintf(name, sizeof name, "%s", c->name);
		char *sub[] = { name, help, NULL };
		return c->fn(2, sub);
	}
	dcatit_opt_print_help(c->table, stdout);
	return DCATIT_EXIT_OK;
}

static int cmd_version(int argc, char **argv)
{
	int first;
	DcatitOptResult r = dcatit_opt_parse(&version_cmd, argc, argv, &first);
	if (r != DCATIT_OPT_PARSED)
		return dcatit_opt_exit_code(r);
	if (first < argc)
		return dcatit_msg_usage("version", "too many arguments");
	printf("dcatit %s\n", DCATIT_VERSION);
	return DCATIT_EXIT_OK;
}

/* The date of generated pages: SOURCE_DATE_EPOCH when set (reproducible
 * builds, as dpkg-buildpackage sets it), else today. */
static void page_date(char out[11])
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	long long v = sde && *sde ? strtoll(sde, &end, 10) : -1;
	time_t t = (end && !*end && v >= 0) ? (time_t)v : time(NULL);
	struct tm tm;
	if (!gmtime_r(&t, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(out, 11, "1970-01-01");
}

/* `dcatit __generate man [COMMAND]`, `__generate bash|zsh`: what the build
 * installs (meson.build in man/ and completion/). Not listed anywhere: it is
 * for the build, not for users. */
static int cmd_generate(int argc, char **argv)
{
	const DcatitOptCmd *tables[NCOMMANDS];
	size_t n = 0;
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].table)
			tables[n++] = commands[i].table;
	if (argc == 2 && strcmp(argv[1], "bash") == 0)
		return dcatit_gen_bash(stdout, tables, n);
	if (argc == 2 && strcmp(argv[1], "zsh") == 0)
		return dcatit_gen_zsh(stdout, tables, n);
	if ((argc == 2 || argc == 3) && strcmp(argv[1], "man") == 0) {
		char date[11];
		page_date(date);
		if (argc == 2) {
			dcatit_gen_man_overview(stdout, tables, n, DCATIT_VERSION, date);
			return DCATIT_EXIT_OK;
		}
		const Command *c = find_command(argv[2]);
		if (!c || !c->table)
			return dcatit_msg_usage(NULL, "'%s' is not a dcatit command", argv[2]);
		dcatit_gen_man(c->table, stdout, DCATIT_VERSION, date);
		return DCATIT_EXIT_OK;
	}
	return dcatit_msg_usage("__generate", "expected man [COMMAND], bash or zsh");
}

int main(int argc, char **argv)
{
	int code;
	dcatit_locale_init();
	if (argc < 2) {
		print_overview(stderr);
		return DCATIT_EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		char *sub[] = { argv[1], NULL };
		code = cmd_version(1, sub);
	} else if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		char *sub[] = { argv[1], NULL };
		code = cmd_help(1, sub);
	} else if (strcmp(name, "__generate") == 0) {
		code = cmd_generate(argc - 1, argv + 1);
	} else if (strcmp(name, "__complete") == 0) {
		code = dcatit_gen_values(stdout, argc - 1, argv + 1);
	} else if (name[0] == '-') {
		return dcatit_msg_usage(NULL, "unknown option '%s'", name);
	} else {
		const Command *c = find_command(name);
		if (!c)
			return dcatit_msg_usage(NULL, "'%s' is not a dcatit command", name);
		code = c->fn(argc - 1, argv + 1);
	}
	return dcatit_msg_finish_stdout(code);
}
