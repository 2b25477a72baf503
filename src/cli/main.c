/* main.c: the dcatit command: one sorted table of subcommands and the
 * dispatch to them, plus `help` and `--version`. */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "base/i18n.h"
#include "cli/cmds.h"
#include "cli/locale.h"
#include "cli/msg.h"

typedef struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} Command;

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

/* Sorted by name. */
static const Command commands[] = {
	{ "build", cmd_build, N_("assemble the catalogue kept as files into DCAT-AP_IT RDF") },
	{ "convert", cmd_convert, N_("read RDF in any syntax and write it normalised") },
	{ "harvest", cmd_harvest, N_("collect metadata from CKAN, DCAT and CSW sources into DCAT-AP_IT") },
	{ "help", cmd_help, N_("show the commands, or the help of one command") },
	{ "push", cmd_push, N_("publish a catalogue to a CKAN instance") },
	{ "quality", cmd_quality, N_("score a catalogue by the data.europa.eu metadata quality assessment") },
	{ "validate", cmd_validate, N_("validate RDF data with SHACL shapes (DCAT-AP_IT by default)") },
	{ "verify", cmd_verify, N_("check what a CKAN portal serves to harvesters against the catalogue") },
	{ "version", cmd_version, N_("print the version of dcatit") },
};

static const Command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void print_overview(FILE *f)
{
	fputs(_("usage: dcatit [--version] [--help] COMMAND [ARGS]\n\n"
	        "commands:\n"), f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\nRun 'dcatit help COMMAND' or 'dcatit COMMAND --help' for the "
	        "options of a command.\n"), f);
}

static int cmd_help(int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs("usage: dcatit help [COMMAND]\n\n"
		      "Without COMMAND, list the commands; with it, show its options.\n",
		      stdout);
		return DCATIT_EXIT_OK;
	}
	if (argc > 2)
		return dcatit_msg_usage("help", "too many arguments");
	if (argc == 1) {
		print_overview(stdout);
		return DCATIT_EXIT_OK;
	}
	const Command *c = find_command(argv[1]);
	if (!c)
		return dcatit_msg_usage(NULL, "'%s' is not a dcatit command", argv[1]);
	char name[64];
	char help[] = "--help";
	snprintf(name, sizeof name, "%s", c->name);
	char *sub[] = { name, help, NULL };
	return c->fn(2, sub);
}

static int cmd_version(int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs("usage: dcatit version\n\nPrint the version of dcatit "
		      "(same as 'dcatit --version').\n", stdout);
		return DCATIT_EXIT_OK;
	}
	if (argc > 1)
		return dcatit_msg_usage("version", "too many arguments");
	printf("dcatit %s\n", DCATIT_VERSION);
	return DCATIT_EXIT_OK;
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
