/* utf8.c: the UTF-8 check of utf8.h, a byte-at-a-time state machine so a
 * sequence may straddle two reads. Overlong forms, surrogates and code
 * points above U+10FFFF are faults, as RFC 3629 says. */
#include "base/utf8.h"

#include <string.h>

void dcatit_utf8_init(DcatitUtf8Check *c)
{
	memset(c, 0, sizeof *c);
	c->at_line = c->at_col = 1;
}

static void fault(DcatitUtf8Check *c, DcatitUtf8Fault f, unsigned long line,
                  unsigned long col)
{
	c->fault = f;
	c->line = line;
	c->col = col;
}

void dcatit_utf8_feed(DcatitUtf8Check *c, const void *data, size_t len)
{
	static const uint32_t min[] = { 0, 0x80, 0x800, 0x10000 };
	const unsigned char *s = data;
	for (size_t i = 0; i < len && !c->fault; i++) {
		unsigned char b = s[i];
		if (c->need) {
			if ((b & 0xC0) != 0x80) {
				fault(c, DCATIT_UTF8_INVALID, c->seq_line, c->seq_col);
				break;
			}
			c->cp = c->cp << 6 | (b & 0x3F);
			if (--c->need)
				continue;
			if (c->cp < min[c->len] || c->cp > 0x10FFFF ||
			    (c->cp >= 0xD800 && c->cp <= 0xDFFF))
				fault(c, DCATIT_UTF8_INVALID, c->seq_line, c->seq_col);
			c->at_col++;
			continue;
		}
		if (b == 0) {
			fault(c, DCATIT_UTF8_NUL, c->at_line, c->at_col);
		} else if (b < 0x80) {
			if (b == '\n') {
				c->at_line++;
				c->at_col = 1;
			} else {
				c->at_col++;
			}
		} else {
			unsigned need = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 :
			                (b & 0xF8) == 0xF0 ? 3 : 0;
			if (!need) {
				fault(c, DCATIT_UTF8_INVALID, c->at_line, c->at_col);
				break;
			}
			c->need = c->len = need;
			c->cp = b & (0x3Fu >> need);
			c->seq_line = c->at_line;
			c->seq_col = c->at_col;
		}
	}
}

bool dcatit_utf8_end(DcatitUtf8Check *c)
{
	if (!c->fault && c->need)
		fault(c, DCATIT_UTF8_INVALID, c->seq_line, c->seq_col);
	return !c->fault;
}
