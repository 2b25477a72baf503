/* json.c: DcatitJson over jansson. A DcatitJson pointer is a json_t
 * pointer in disguise, so wrapping costs nothing; the cast stays in this
 * file and no other module includes jansson.h. */
#include "base/json.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

#define J(x) ((json_t *)(x))
#define W(x) ((DcatitJson *)(x))

DcatitJson *dcatit_json_parse(const char *s, size_t len, DcatitDiag *d)
{
	return dcatit_json_parse_opts(s, len, 0, NULL, d);
}

DcatitJson *dcatit_json_parse_opts(const char *s, size_t len, unsigned flags,
                                   const char *file, DcatitDiag *d)
{
	json_error_t err;
	size_t jflags = JSON_ALLOW_NUL;
	if (!(flags & DCATIT_JSON_CONTAINER))
		jflags |= JSON_DECODE_ANY;
	json_t *j = json_loadb(s, len, jflags, &err);
	if (!j && (flags & DCATIT_JSON_BIG_INT_AS_REAL) && strstr(err.text, "too big integer"))
		j = json_loadb(s, len, jflags | JSON_DECODE_INT_AS_REAL, &err);
	if (!j) {
		dcatit_diag_set(d, DCATIT_ERR_SYNTAX, file, (unsigned long)(err.line > 0 ? err.line : 0),
		                (unsigned long)(err.column > 0 ? err.column : 0),
		                "invalid JSON: %s", err.text);
		return NULL;
	}
	return W(j);
}

DcatitJson *dcatit_json_load(const char *path, DcatitDiag *d)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitJson *j = NULL;
	int err = 0;
	DcatitStatus st = dcatit_buf_read_file(&b, path, &err);
	if (st == DCATIT_OK) {
		j = dcatit_json_parse(b.data ? b.data : "", b.len, d);
		if (!j)
			snprintf(d->file, sizeof d->file, "%s", path);
	} else if (st == DCATIT_ERR_NOMEM) {
		dcatit_diag_set(d, st, NULL, 0, 0, "out of memory reading '%s'", path);
	} else {
		dcatit_diag_set(d, err == ENOENT ? DCATIT_ERR_NOT_FOUND : DCATIT_ERR_IO, NULL, 0, 0,
		                "cannot read '%s': %s", path, strerror(err));
	}
	dcatit_buf_release(&b);
	return j;
}

char *dcatit_json_dump(const DcatitJson *j, bool sorted)
{
	size_t flags = JSON_COMPACT | JSON_ENCODE_ANY;
	if (sorted)
		flags |= JSON_SORT_KEYS;
	return json_dumps(J(j), flags);
}

char *dcatit_json_dump_pretty(const DcatitJson *j)
{
	return json_dumps(J(j), JSON_INDENT(2) | JSON_SORT_KEYS);
}

void dcatit_json_free(DcatitJson *j)
{
	if (j)
		json_decref(J(j));
}

DcatitJson *dcatit_json_ref(DcatitJson *j)
{
	return W(json_incref(J(j)));
}

DcatitJson *dcatit_json_copy(const DcatitJson *j)
{
	return W(json_deep_copy(J(j)));
}

DcatitJson *dcatit_json_object(void) { return W(json_object()); }
DcatitJson *dcatit_json_array(void) { return W(json_array()); }
DcatitJson *dcatit_json_string(const char *s) { return s ? W(json_string(s)) : NULL; }
DcatitJson *dcatit_json_bool(bool v) { return W(json_boolean(v)); }
DcatitJson *dcatit_json_integer(long long v) { return W(json_integer((json_int_t)v)); }
DcatitJson *dcatit_json_stringn(const char *s, size_t n) { return W(json_stringn(s, n)); }

DcatitJson *dcatit_json_pair(const char *key, DcatitJson *val)
{
	DcatitJson *obj = val ? dcatit_json_object() : NULL;
	if (!obj) {
		dcatit_json_free(val);
		return NULL;
	}
	if (!dcatit_json_set(obj, key, val)) {
		dcatit_json_free(obj);
		return NULL;
	}
	return obj;
}

bool dcatit_json_set(DcatitJson *obj, const char *key, DcatitJson *val)
{
	if (!val)
		return false;
	if (!json_is_object(J(obj))) {
		json_decref(J(val));
		return false;
	}
	return json_object_set_new(J(obj), key, J(val)) == 0;
}

bool dcatit_json_set_str(DcatitJson *obj, const char *key, const char *s)
{
	if (!s)
		return true;
	return dcatit_json_set(obj, key, dcatit_json_string(s));
}

void dcatit_json_del(DcatitJson *obj, const char *key)
{
	if (json_is_object(J(obj)))
		json_object_del(J(obj), key);
}

bool dcatit_json_append(DcatitJson *arr, DcatitJson *val)
{
	if (!val)
		return false;
	if (!json_is_array(J(arr))) {
		json_decref(J(val));
		return false;
	}
	return json_array_append_new(J(arr), J(val)) == 0;
}

DcatitJson *dcatit_json_get(const DcatitJson *obj, const char *key)
{
	if (!json_is_object(J(obj)))
		return NULL;
	return W(json_object_get(J(obj), key));
}

const char *dcatit_json_get_str(const DcatitJson *obj, const char *key)
{
	return dcatit_json_str(dcatit_json_get(obj, key));
}

size_t dcatit_json_size(const DcatitJson *j)
{
	if (json_is_array(J(j)))
		return json_array_size(J(j));
	if (json_is_object(J(j)))
		return json_object_size(J(j));
	return 0;
}

DcatitJson *dcatit_json_at(const DcatitJson *arr, size_t i)
{
	if (!json_is_array(J(arr)))
		return NULL;
	return W(json_array_get(J(arr), i));
}

bool dcatit_json_next(const DcatitJson *obj, void **it, const char **key,
                      DcatitJson **val)
{
	if (!json_is_object(J(obj)))
		return false;
	void *i = *it ? json_object_iter_next(J(obj), *it) : json_object_iter(J(obj));
	*it = i;
	if (!i)
		return false;
	*key = json_object_iter_key(i);
	*val = W(json_object_iter_value(i));
	return true;
}

const char *dcatit_json_key(const DcatitJson *obj, const char *key, DcatitJson **val)
{
	void *it = json_is_object(J(obj)) ? json_object_iter_at(J(obj), key) : NULL;
	if (!it)
		return NULL;
	*val = W(json_object_iter_value(it));
	return json_object_iter_key(it);
}

const char *dcatit_json_str(const DcatitJson *j)
{
	return json_is_string(J(j)) ? json_string_value(J(j)) : NULL;
}

size_t dcatit_json_strlen(const DcatitJson *j)
{
	return json_is_string(J(j)) ? json_string_length(J(j)) : 0;
}

bool dcatit_json_int(const DcatitJson *j, long long *v)
{
	if (json_is_integer(J(j))) {
		*v = (long long)json_integer_value(J(j));
		return true;
	}
	if (json_is_real(J(j))) {
		double x = json_real_value(J(j));
		if (x == (double)(long long)x) {
			*v = (long long)x;
			return true;
		}
	}
	return false;
}

bool dcatit_json_number(const DcatitJson *j, double *v)
{
	if (!json_is_number(J(j)))
		return false;
	*v = json_number_value(J(j));
	return true;
}

DcatitJsonKind dcatit_json_kind(const DcatitJson *j)
{
	switch (j ? json_typeof(J(j)) : JSON_NULL) {
	case JSON_OBJECT: return DCATIT_JSON_OBJECT;
	case JSON_ARRAY: return DCATIT_JSON_ARRAY;
	case JSON_STRING: return DCATIT_JSON_STRING;
	case JSON_INTEGER: return DCATIT_JSON_INTEGER;
	case JSON_REAL: return DCATIT_JSON_REAL;
	case JSON_TRUE: return DCATIT_JSON_TRUE;
	case JSON_FALSE: return DCATIT_JSON_FALSE;
	case JSON_NULL: break;
	}
	return DCATIT_JSON_NULL;
}

bool dcatit_json_equal(const DcatitJson *a, const DcatitJson *b)
{
	return json_equal(J(a), J(b));
}

bool dcatit_json_is_object(const DcatitJson *j) { return j && json_is_object(J(j)); }
bool dcatit_json_is_array(const DcatitJson *j) { return j && json_is_array(J(j)); }
bool dcatit_json_is_string(const DcatitJson *j) { return j && json_is_string(J(j)); }
bool dcatit_json_is_bool(const DcatitJson *j) { return j && json_is_boolean(J(j)); }
bool dcatit_json_is_true(const DcatitJson *j) { return j && json_is_true(J(j)); }
bool dcatit_json_is_integer(const DcatitJson *j) { return j && json_is_integer(J(j)); }
bool dcatit_json_is_number(const DcatitJson *j) { return j && json_is_number(J(j)); }
bool dcatit_json_is_null(const DcatitJson *j) { return !j || json_is_null(J(j)); }

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if none. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned min;
	unsigned cp;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2;
		min = 0x80;
		cp = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3;
		min = 0x800;
		cp = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4;
		min = 0x10000;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

bool dcatit_json_add_str(DcatitBuf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	dcatit_buf_addc(b, '"');
	size_t run = 0; /* plain bytes waiting to be copied at once */
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		size_t k = c >= 0x20 && c != '"' && c != '\\' ? utf8_seq(p + i, n - i) : 0;
		if (k) {
			run += k;
			i += k;
			continue;
		}
		dcatit_buf_add(b, p + i - run, run);
		run = 0;
		switch (c) {
		case '"': dcatit_buf_adds(b, "\\\""); break;
		case '\\': dcatit_buf_adds(b, "\\\\"); break;
		case '\n': dcatit_buf_adds(b, "\\n"); break;
		case '\r': dcatit_buf_adds(b, "\\r"); break;
		case '\t': dcatit_buf_adds(b, "\\t"); break;
		default:
			if (c < 0x20)
				dcatit_buf_addf(b, "\\u%04x", c);
			else
				dcatit_buf_adds(b, "\\ufffd");
		}
		i++;
	}
	dcatit_buf_add(b, p + n - run, run);
	dcatit_buf_addc(b, '"');
	return !b->oom;
}
