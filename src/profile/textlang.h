/* textlang.h: is a text tagged with a language it is not written in? A
 * sober test for one real defect: CKAN portals serve Italian names and
 * titles tagged @de or @en (ckanext-dcatapit copies the Italian value to
 * every portal language). It finds Italian connecting words, not languages:
 * see textlang.c for what it can and cannot tell. */
#ifndef DCATIT_TEXTLANG_H
#define DCATIT_TEXTLANG_H

#include <stddef.h>

/* When the len bytes of UTF-8 text, tagged tag (BCP 47, any case), read as
 * Italian although the tag names another language, the Italian word that
 * shows it ("di", "della", ...; a static string, borrowed); else NULL.
 * NULL too when tag is NULL, empty or Italian ("it", "it-CH"). */
const char *dcatit_textlang_italian_word(const char *text, size_t len, const char *tag);

#endif
