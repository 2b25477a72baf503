/* textlang.c: Italian text under another language tag, told by its small
 * words. Names of Italian bodies and titles of their datasets are full of
 * articulated prepositions ("Comune di Prato", "Camera di Commercio delle
 * Marche", "dell'Economia") that no other language writes; a text tagged T
 * is reported when it holds such a word and none of T's own small words
 * ("of", "the", "von", "und", "de", "et"...), so an English title that
 * quotes an Italian name ("Budget of the Comune di Prato") is left alone.
 *
 * Limits, said where they bite: a name of proper nouns only ("Regione
 * Toscana"@de) has no such word and passes (it may well be the name in any
 * language); a text in a third language (Spanish tagged @de) is not
 * recognised; for a tag without a word list here (not en, de, fr, es, pt,
 * nl, ca, sv) two different Italian words are needed, as T's own words
 * cannot be ruled out; only the primary subtag counts ("de-AT" is "de"). */
#include "profile/textlang.h"

#include <stdbool.h>
#include <string.h>

/* Words only Italian writes, of the kind every long name has. Elided forms
 * ("dell'", "all'") are cut at the apostrophe and come out as "dell". */
static const char *const italian[] = {
	"di", "del", "dello", "della", "dei", "degli", "delle", "dell",
	"nel", "nello", "nella", "nei", "negli", "nelle", "nell",
	"al", "allo", "alla", "ai", "agli", "alle", "all",
	"dal", "dallo", "dalla", "dai", "dagli", "dalle", "dall",
	"sul", "sullo", "sulla", "sui", "sugli", "sulle", "sull",
	"gli", "il", "per",
};

typedef struct {
	const char *tag;
	const char *const *own; /* small words of the language, NULL-ended */
	const char *const *also; /* Italian words above that it writes too */
} Lang;

static const char *const en_own[] = {"the", "of", "and", "for", "to", "on", "with", "by",
                                     "from", "at", "an", "its", "or", NULL};
static const char *const en_also[] = {"per", "all", "al", NULL};
static const char *const de_own[] = {"der", "die", "das", "und", "von", "f\xC3\xBCr", "des",
                                     "dem", "den", "im", "zu", "zur", "zum", "mit", "auf",
                                     "bei", "aus", "ein", "eine", "einer", "oder", NULL};
static const char *const de_also[] = {"per", NULL};
static const char *const fr_own[] = {"de", "du", "des", "les", "et", "pour", "au", "aux",
                                     "sur", "une", "ou", "dans", "par", NULL};
static const char *const fr_also[] = {"il", NULL};
static const char *const es_own[] = {"el", "los", "las", "de", "y", "para", "en", "por", NULL};
static const char *const es_also[] = {"del", "al", NULL};
static const char *const pt_own[] = {"de", "do", "da", "dos", "das", "para", "em", "os",
                                     "um", "uma", NULL};
static const char *const pt_also[] = {"dei", "ao", NULL};
static const char *const nl_own[] = {"de", "het", "van", "en", "voor", "op", "met", "een",
                                     NULL};
static const char *const nl_also[] = {"al", NULL};
static const char *const ca_own[] = {"el", "els", "les", "de", "amb", "en", NULL};
static const char *const ca_also[] = {"del", "per", "al", NULL};
static const char *const sv_own[] = {"och", "av", "f\xC3\xB6r", "med", "p\xC3\xA5", "till",
                                     "den", "det", NULL};
static const char *const sv_also[] = {"alla", NULL};
static const char *const mt_also[] = {"il", "al", NULL};
static const char *const la_also[] = {"per", "in", NULL};

static const Lang langs[] = {
	{"en", en_own, en_also}, {"de", de_own, de_also}, {"fr", fr_own, fr_also},
	{"es", es_own, es_also}, {"pt", pt_own, pt_also}, {"nl", nl_own, nl_also},
	{"ca", ca_own, ca_also}, {"sv", sv_own, sv_also}, {"mt", NULL, mt_also},
	{"la", NULL, la_also},
};

static bool in_list(const char *const *l, const char *w)
{
	for (; l && *l; l++)
		if (strcmp(*l, w) == 0)
			return true;
	return false;
}

/* The primary subtag of tag, lower case, into p (cap bytes); false when it
 * is not 2 or 3 letters. */
static bool primary(const char *tag, char *p, size_t cap)
{
	size_t n = 0;
	for (; tag[n] && tag[n] != '-'; n++) {
		char c = tag[n];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z' || n + 1 >= cap)
			return false;
		p[n] = c;
	}
	p[n] = '\0';
	return n == 2 || n == 3;
}

/* Is byte i of s the start of a word character (a letter of any script:
 * ASCII letters and every non-ASCII sequence but the typographic
 * apostrophe U+2019)? */
static size_t word_char(const unsigned char *s, size_t i, size_t len)
{
	unsigned char c = s[i];
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	if (c < 0x80)
		return 0;
	if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x99)
		return 0;
	return 1;
}

const char *dcatit_textlang_italian_word(const char *text, size_t len, const char *tag)
{
	char t[4];
	if (!text || !tag || !primary(tag, t, sizeof t) || strcmp(t, "it") == 0)
		return NULL;
	const Lang *lang = NULL;
	for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
		if (strcmp(langs[i].tag, t) == 0)
			lang = &langs[i];
	const char *first = NULL;
	bool second = false;
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i < len;) {
		if (!word_char(s, i, len)) {
			i++;
			continue;
		}
		char w[16];
		size_t n = 0;
		bool fits = true;
		for (; i < len && word_char(s, i, len); i++) {
			if (n + 1 < sizeof w)
				w[n++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
			else
				fits = false;
		}
		w[n] = '\0';
		if (!fits)
			continue; /* a long word is no small word */
		if (lang && in_list(lang->own, w))
			return NULL; /* T's own words: written in T, or mixed */
		if (lang && in_list(lang->also, w))
			continue;
		for (size_t k = 0; k < sizeof italian / sizeof italian[0]; k++) {
			if (strcmp(italian[k], w) != 0)
				continue;
			if (!first)
				first = italian[k];
			else if (strcmp(first, italian[k]) != 0)
				second = true;
		}
	}
	if (!first)
		return NULL;
	return lang && lang->own ? first : second ? first : NULL;
}
