/* i18n.h: marking text for translation (gettext). Every module marks its
 * user-visible text with _() where it is used, N_() where it is stored for
 * later, P_() where a number chooses the form; the library names its
 * domain explicitly (dgettext) so it does not depend on what the program's
 * default domain is. Formats given to dcatit_diag_set, the dcatit_msg_*
 * functions and the notes are translated by those functions: they are not
 * wrapped (po/meson.build lists them as xgettext keywords). */
#ifndef DCATIT_I18N_H
#define DCATIT_I18N_H

#include <libintl.h>

#define DCATIT_TEXTDOMAIN "dcatit"

/* Translate s now. */
#define _(s) dgettext(DCATIT_TEXTDOMAIN, s)
/* Mark s for translation; translate it later with _() on a variable. */
#define N_(s) s
/* Translate the singular s or the plural p, whichever fits n (Italian has
 * the same two forms as English, other languages more). */
#define P_(s, p, n) dngettext(DCATIT_TEXTDOMAIN, s, p, (unsigned long)(n))

/* The language messages are in now: "en", or the code of the message
 * catalogue in use ("it"), which each translation gives for this msgid.
 * Borrowed. */
static inline const char *dcatit_i18n_lang(void)
{
	/* TRANSLATORS: the ISO 639-1 code of this translation's language ("it");
	 * reports pick the shapes' messages (sh:message) tagged with it */
	return dgettext(DCATIT_TEXTDOMAIN, "en");
}

#endif
