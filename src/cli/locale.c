/* locale.c: choosing the language of messages (see locale.h).
 *
 * gettext translates only when the process locale is not "C". A container
 * or CI runner often has LANG=it_IT.UTF-8 set without that locale being
 * generated, so setlocale() fails and the user would get English without
 * knowing why; in that case dcatit falls back to the built-in C.UTF-8
 * locale (which gettext does not treat as "C") and asks for the language
 * through LANGUAGE, so the messages are still Italian. */
#include "cli/locale.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/datadir.h"

/* The language asked for by the environment, the way gettext reads it:
 * LANGUAGE first (a colon-separated list), then LC_ALL, LC_MESSAGES,
 * LANG. */
static const char *env_language(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return "";
}

static char current[3] = "en";

static void remember(const char *lang)
{
	current[0] = (lang[0] == 'i' && lang[1] == 't') ? 'i' : 'e';
	current[1] = (lang[0] == 'i' && lang[1] == 't') ? 't' : 'n';
	current[2] = '\0';
}

void dcatit_locale_init(void)
{
	const char *lang = env_language();
	if (!setlocale(LC_ALL, "")) {
		/* the asked locale is not installed: keep the language */
		if (setlocale(LC_ALL, "C.UTF-8") && strncmp(lang, "it", 2) == 0)
			setenv("LANGUAGE", "it", 1);
	}
	/* numbers in reports and RDF stay in the C form */
	setlocale(LC_NUMERIC, "C");
	/* found like the data directory, so a moved install speaks Italian */
	char dir[4096];
	dcatit_datadir_locale(dir, sizeof dir);
	bindtextdomain(DCATIT_TEXTDOMAIN, dir);
	bind_textdomain_codeset(DCATIT_TEXTDOMAIN, "UTF-8");
	textdomain(DCATIT_TEXTDOMAIN);
	remember(lang);
}

int dcatit_locale_use(const char *lang)
{
	if (strcmp(lang, "it") != 0 && strcmp(lang, "en") != 0)
		return -1;
	const char *loc = setlocale(LC_MESSAGES, NULL);
	if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", lang, 1);
	/* gettext caches translations per language: tell it LANGUAGE changed */
	textdomain(DCATIT_TEXTDOMAIN);
	remember(lang);
	return 0;
}

const char *dcatit_locale_lang(void)
{
	return current;
}
