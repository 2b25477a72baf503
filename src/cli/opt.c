/* opt.c: option scanning for the subcommands (see opt.h). */
#include "cli/opt.h"

#include <string.h>

#include "cli/msg.h"

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
