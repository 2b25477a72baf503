/* i18n.h: marking text for translation (gettext). Every module marks its
 * user-visible text with _() where it is used, or N_() where it is stored
 * for later; the library names its domain explicitly (dgettext) so it does
 * not depend on what the program's default domain is. */
#ifndef DCATIT_I18N_H
#define DCATIT_I18N_H

#include <libintl.h>

#define DCATIT_TEXTDOMAIN "dcatit"

/* Translate s now. */
#define _(s) dgettext(DCATIT_TEXTDOMAIN, s)
/* Mark s for translation; translate it later with _() on a variable. */
#define N_(s) (s)

#endif
