/* opt.h: the small option scanner shared by the dcatit subcommands:
 * "--name VALUE", "--name=VALUE", "-x VALUE", "--" ends options, "-" alone
 * is an operand (stdin/stdout). */
#ifndef DCATIT_OPT_H
#define DCATIT_OPT_H

#include <stdbool.h>

/* Is arg an option (starts with '-' and is not "-")? */
bool dcatit_opt_is_option(const char *arg);
/* Does argv[*i] name the flag lng (or its short form shrt, may be NULL)? */
bool dcatit_opt_flag(char **argv, int i, const char *lng, const char *shrt);
/* If argv[*i] is option lng/shrt, set *val to its value ("--x=v" or the
 * next argument, advancing *i) and return 1; 0 when argv[*i] is another
 * argument; -1 after printing a usage error when the value is missing. */
int dcatit_opt_value(const char *cmd, int argc, char **argv, int *i,
                     const char *lng, const char *shrt, const char **val);

#endif
