/* gen.h: what the build writes from the command tables (cli/opt.h): the
 * overview manual page dcatit(1) and the bash and zsh completions, plus
 * the values the completions ask the installed dcatit for at run time
 * (the profiles of its data directory). One source, so the help, the
 * manual and the completion cannot drift apart. */
#ifndef DCATIT_GEN_H
#define DCATIT_GEN_H

#include <stddef.h>
#include <stdio.h>

#include "cli/opt.h"

/* Write the manual page dcatit-NAME(1) of cmd in roff (man(7)) to f;
 * version goes in the title line, date (YYYY-MM-DD) is the page's date. */
void dcatit_gen_man(const DcatitOptCmd *cmd, FILE *f, const char *version, const char *date);
/* Write dcatit(1) in roff to f: the commands of cmds (n of them, sorted),
 * the environment, files and exit status; version and date (YYYY-MM-DD)
 * go in the title line. */
void dcatit_gen_man_overview(FILE *f, const DcatitOptCmd *const *cmds, size_t n,
                             const char *version, const char *date);
/* Write the bash completion of the commands to f; returns the exit code. */
int dcatit_gen_bash(FILE *f, const DcatitOptCmd *const *cmds, size_t n);
/* Write the zsh completion (#compdef dcatit) to f; returns the exit code. */
int dcatit_gen_zsh(FILE *f, const DcatitOptCmd *const *cmds, size_t n);
/* `dcatit __complete profiles`: print the values the completions cannot
 * know at build time, one per line (argv[0] = "__complete"); returns the
 * exit code. */
int dcatit_gen_values(FILE *f, int argc, char **argv);

#endif
