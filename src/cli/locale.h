/* locale.h: the language dcatit speaks: the user's locale (LANG, LC_ALL,
 * LC_MESSAGES, LANGUAGE) at start-up, or a --lang option, with the Italian
 * and English catalogues of po/. */
#ifndef DCATIT_LOCALE_H
#define DCATIT_LOCALE_H

/* Set up the locale and the message catalogue from the environment; call
 * once at the start of main. */
void dcatit_locale_init(void);
/* Speak lang ("it" or "en") from now on, whatever the environment says;
 * returns 0, or -1 when lang is not one of them. */
int dcatit_locale_use(const char *lang);
/* The language messages are in now: "it" or "en"; borrowed. */
const char *dcatit_locale_lang(void);

#endif
