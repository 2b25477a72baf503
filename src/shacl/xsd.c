/* xsd.c: lexical spaces of the XML Schema datatypes (XSD 1.1 rules, no
 * whitespace collapsing: " 1" is not an xsd:integer literal) and value
 * comparison following SPARQL's operator mapping. Strings here are term
 * strings with a known length; nothing allocates. */
#include "shacl/xsd.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define XSD_NS "http://www.w3.org/2001/XMLSchema#"
#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

static const struct {
	const char *iri;
	DcatitXsdType type;
} type_names[] = {
	{XSD_NS "string", DCATIT_XSD_STRING},
	{XSD_NS "normalizedString", DCATIT_XSD_NORMALIZED_STRING},
	{XSD_NS "token", DCATIT_XSD_TOKEN},
	{XSD_NS "language", DCATIT_XSD_LANGUAGE},
	{XSD_NS "boolean", DCATIT_XSD_BOOLEAN},
	{XSD_NS "decimal", DCATIT_XSD_DECIMAL},
	{XSD_NS "integer", DCATIT_XSD_INTEGER},
	{XSD_NS "nonPositiveInteger", DCATIT_XSD_NON_POSITIVE_INTEGER},
	{XSD_NS "negativeInteger", DCATIT_XSD_NEGATIVE_INTEGER},
	{XSD_NS "long", DCATIT_XSD_LONG},
	{XSD_NS "int", DCATIT_XSD_INT},
	{XSD_NS "short", DCATIT_XSD_SHORT},
	{XSD_NS "byte", DCATIT_XSD_BYTE},
	{XSD_NS "nonNegativeInteger", DCATIT_XSD_NON_NEGATIVE_INTEGER},
	{XSD_NS "unsignedLong", DCATIT_XSD_UNSIGNED_LONG},
	{XSD_NS "unsignedInt", DCATIT_XSD_UNSIGNED_INT},
	{XSD_NS "unsignedShort", DCATIT_XSD_UNSIGNED_SHORT},
	{XSD_NS "unsignedByte", DCATIT_XSD_UNSIGNED_BYTE},
	{XSD_NS "positiveInteger", DCATIT_XSD_POSITIVE_INTEGER},
	{XSD_NS "float", DCATIT_XSD_FLOAT},
	{XSD_NS "double", DCATIT_XSD_DOUBLE},
	{XSD_NS "date", DCATIT_XSD_DATE},
	{XSD_NS "dateTime", DCATIT_XSD_DATETIME},
	{XSD_NS "dateTimeStamp", DCATIT_XSD_DATETIMESTAMP},
	{XSD_NS "time", DCATIT_XSD_TIME},
	{XSD_NS "gYear", DCATIT_XSD_GYEAR},
	{XSD_NS "gYearMonth", DCATIT_XSD_GYEARMONTH},
	{XSD_NS "gMonthDay", DCATIT_XSD_GMONTHDAY},
	{XSD_NS "gDay", DCATIT_XSD_GDAY},
	{XSD_NS "gMonth", DCATIT_XSD_GMONTH},
	{XSD_NS "duration", DCATIT_XSD_DURATION},
	{XSD_NS "dayTimeDuration", DCATIT_XSD_DAYTIMEDURATION},
	{XSD_NS "yearMonthDuration", DCATIT_XSD_YEARMONTHDURATION},
	{XSD_NS "hexBinary", DCATIT_XSD_HEXBINARY},
	{XSD_NS "base64Binary", DCATIT_XSD_BASE64BINARY},
	{XSD_NS "anyURI", DCATIT_XSD_ANYURI},
	{RDF_NS "langString", DCATIT_XSD_LANGSTRING},
};

#define NTYPES (sizeof type_names / sizeof type_names[0])

DcatitXsdType dcatit_xsd_type_from_iri(const char *iri)
{
	for (size_t i = 0; i < NTYPES; i++)
		if (strcmp(type_names[i].iri, iri) == 0)
			return type_names[i].type;
	return DCATIT_XSD_OTHER;
}

bool dcatit_xsd_map_init(DcatitXsdMap *m, DcatitTerms *t)
{
	memset(m, 0, sizeof *m);
	for (size_t i = 0; i < NTYPES; i++) {
		DcatitTermId id = dcatit_terms_iri_z(t, type_names[i].iri);
		if (!id)
			return false;
		m->ids[type_names[i].type] = id;
		/* insertion sort: a few dozen entries, once */
		size_t k = m->n++;
		while (k > 0 && m->sorted[k - 1] > id) {
			m->sorted[k] = m->sorted[k - 1];
			m->sorted_type[k] = m->sorted_type[k - 1];
			k--;
		}
		m->sorted[k] = id;
		m->sorted_type[k] = (unsigned char)type_names[i].type;
	}
	return true;
}

DcatitXsdType dcatit_xsd_map_type(const DcatitXsdMap *m, DcatitTermId dt)
{
	size_t a = 0, b = m->n;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (m->sorted[mid] < dt)
			a = mid + 1;
		else
			b = mid;
	}
	if (a < m->n && m->sorted[a] == dt)
		return (DcatitXsdType)m->sorted_type[a];
	return DCATIT_XSD_OTHER;
}

/* ---- lexical checks ---- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t count_digits(const char *s, size_t len, size_t i)
{
	size_t k = i;
	while (k < len && is_digit(s[k]))
		k++;
	return k - i;
}

/* [+-]?[0-9]+ exactly */
static bool lex_integer(const char *s, size_t len)
{
	size_t i = 0;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	size_t n = count_digits(s, len, i);
	return n > 0 && i + n == len;
}

/* [+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+) exactly; *end receives where the
 * number stopped when end is not NULL (then trailing text is allowed). */
static bool lex_decimal_at(const char *s, size_t len, size_t *end)
{
	size_t i = 0;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	size_t a = count_digits(s, len, i);
	i += a;
	size_t b = 0;
	if (i < len && s[i] == '.') {
		i++;
		b = count_digits(s, len, i);
		i += b;
	}
	if (a == 0 && b == 0)
		return false;
	if (end) {
		*end = i;
		return true;
	}
	return i == len;
}

static bool lex_float(const char *s, size_t len)
{
	if ((len == 3 && memcmp(s, "INF", 3) == 0) ||
	    (len == 4 && (memcmp(s, "+INF", 4) == 0 || memcmp(s, "-INF", 4) == 0)) ||
	    (len == 3 && memcmp(s, "NaN", 3) == 0))
		return true;
	size_t i;
	if (!lex_decimal_at(s, len, &i))
		return false;
	if (i == len)
		return true;
	if (s[i] != 'e' && s[i] != 'E')
		return false;
	i++;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	size_t n = count_digits(s, len, i);
	return n > 0 && i + n == len;
}

/* Compare the magnitude of the digits of a valid integer literal (sign
 * ignored) with a bound written in decimal: <0, 0, >0. */
static int magnitude_cmp(const char *s, size_t len, const char *bound)
{
	size_t i = 0;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	while (i + 1 < len && s[i] == '0')
		i++;
	size_t n = len - i, bn = strlen(bound);
	if (n != bn)
		return n < bn ? -1 : 1;
	return memcmp(s + i, bound, n);
}

static bool is_zero_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '0' && s[i] != '+' && s[i] != '-')
			return false;
	return true;
}

/* Range of a derived integer type: min and max given as sign + magnitude,
 * NULL magnitude = unbounded on that side. */
static bool integer_in_range(const char *s, size_t len, const char *neg_max,
                             const char *pos_max, bool allow_neg_nonzero,
                             bool allow_zero, bool allow_pos_nonzero)
{
	bool neg = len > 0 && s[0] == '-';
	bool zero = is_zero_digits(s, len);
	if (zero)
		return allow_zero;
	if (neg) {
		if (!allow_neg_nonzero)
			return false;
		return !neg_max || magnitude_cmp(s, len, neg_max) <= 0;
	}
	if (!allow_pos_nonzero)
		return false;
	return !pos_max || magnitude_cmp(s, len, pos_max) <= 0;
}

static bool lex_boolean(const char *s, size_t len)
{
	return (len == 4 && memcmp(s, "true", 4) == 0) ||
	       (len == 5 && memcmp(s, "false", 5) == 0) ||
	       (len == 1 && (s[0] == '0' || s[0] == '1'));
}

typedef struct {
	long long year;
	int month, day;
	int hour, minute, second;
	double frac; /* fraction of a second */
	bool has_tz;
	int tz; /* minutes east of UTC */
} DateTime;

static bool is_leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(long long y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && is_leap(y))
		return 29;
	return dm[m - 1];
}

/* Exactly n digits at s[*i] as a number. */
static bool fixed_digits(const char *s, size_t len, size_t *i, size_t n, int *out)
{
	if (*i + n > len)
		return false;
	int v = 0;
	for (size_t k = 0; k < n; k++) {
		char c = s[*i + k];
		if (!is_digit(c))
			return false;
		v = v * 10 + (c - '0');
	}
	*i += n;
	*out = v;
	return true;
}

/* -?[0-9]{4,} without leading zeros beyond four digits */
static bool parse_year(const char *s, size_t len, size_t *i, long long *year)
{
	bool neg = false;
	if (*i < len && s[*i] == '-') {
		neg = true;
		(*i)++;
	}
	size_t n = count_digits(s, len, *i);
	if (n < 4 || n > 12 || (n > 4 && s[*i] == '0'))
		return false;
	long long y = 0;
	for (size_t k = 0; k < n; k++)
		y = y * 10 + (s[*i + k] - '0');
	*i += n;
	*year = neg ? -y : y;
	return true;
}

/* Optional timezone then end of string: Z | [+-]hh:mm, |offset| <= 14:00. */
static bool parse_tz_end(const char *s, size_t len, size_t i, DateTime *dt)
{
	dt->has_tz = false;
	dt->tz = 0;
	if (i == len)
		return true;
	if (s[i] == 'Z') {
		dt->has_tz = true;
		return i + 1 == len;
	}
	if (s[i] != '+' && s[i] != '-')
		return false;
	int sign = s[i] == '-' ? -1 : 1;
	i++;
	int hh, mm;
	if (!fixed_digits(s, len, &i, 2, &hh) || i >= len || s[i] != ':')
		return false;
	i++;
	if (!fixed_digits(s, len, &i, 2, &mm) || i != len)
		return false;
	if (mm > 59 || hh > 14 || (hh == 14 && mm != 0))
		return false;
	dt->has_tz = true;
	dt->tz = sign * (hh * 60 + mm);
	return true;
}

static bool parse_date_part(const char *s, size_t len, size_t *i, DateTime *dt)
{
	if (!parse_year(s, len, i, &dt->year) || *i >= len || s[*i] != '-')
		return false;
	(*i)++;
	if (!fixed_digits(s, len, i, 2, &dt->month) || *i >= len || s[*i] != '-')
		return false;
	(*i)++;
	if (!fixed_digits(s, len, i, 2, &dt->day))
		return false;
	if (dt->month < 1 || dt->month > 12 || dt->day < 1 ||
	    dt->day > days_in_month(dt->year, dt->month))
		return false;
	return true;
}

static bool parse_time_part(const char *s, size_t len, size_t *i, DateTime *dt)
{
	if (!fixed_digits(s, len, i, 2, &dt->hour) || *i >= len || s[*i] != ':')
		return false;
	(*i)++;
	if (!fixed_digits(s, len, i, 2, &dt->minute) || *i >= len || s[*i] != ':')
		return false;
	(*i)++;
	if (!fixed_digits(s, len, i, 2, &dt->second))
		return false;
	dt->frac = 0;
	bool frac_nonzero = false;
	if (*i < len && s[*i] == '.') {
		(*i)++;
		size_t n = count_digits(s, len, *i);
		if (n == 0)
			return false;
		double scale = 0.1;
		for (size_t k = 0; k < n; k++) {
			int d = s[*i + k] - '0';
			if (d)
				frac_nonzero = true;
			dt->frac += d * scale;
			scale /= 10;
		}
		*i += n;
	}
	if (dt->minute > 59 || dt->second > 59)
		return false;
	if (dt->hour == 24)
		return dt->minute == 0 && dt->second == 0 && !frac_nonzero;
	return dt->hour <= 23;
}

static bool parse_datetime(const char *s, size_t len, DateTime *dt)
{
	size_t i = 0;
	memset(dt, 0, sizeof *dt);
	if (!parse_date_part(s, len, &i, dt) || i >= len || s[i] != 'T')
		return false;
	i++;
	if (!parse_time_part(s, len, &i, dt))
		return false;
	return parse_tz_end(s, len, i, dt);
}

static bool parse_date(const char *s, size_t len, DateTime *dt)
{
	size_t i = 0;
	memset(dt, 0, sizeof *dt);
	if (!parse_date_part(s, len, &i, dt))
		return false;
	return parse_tz_end(s, len, i, dt);
}

static bool parse_time(const char *s, size_t len, DateTime *dt)
{
	size_t i = 0;
	memset(dt, 0, sizeof *dt);
	dt->year = 1972;
	dt->month = 12;
	dt->day = 31;
	if (!parse_time_part(s, len, &i, dt))
		return false;
	return parse_tz_end(s, len, i, dt);
}

static bool lex_gregorian(DcatitXsdType type, const char *s, size_t len)
{
	DateTime dt;
	size_t i = 0;
	memset(&dt, 0, sizeof dt);
	switch (type) {
	case DCATIT_XSD_GYEAR:
		if (!parse_year(s, len, &i, &dt.year))
			return false;
		break;
	case DCATIT_XSD_GYEARMONTH:
		if (!parse_year(s, len, &i, &dt.year) || i >= len || s[i] != '-')
			return false;
		i++;
		if (!fixed_digits(s, len, &i, 2, &dt.month) || dt.month < 1 ||
		    dt.month > 12)
			return false;
		break;
	case DCATIT_XSD_GMONTHDAY:
		if (len < 2 || s[0] != '-' || s[1] != '-')
			return false;
		i = 2;
		if (!fixed_digits(s, len, &i, 2, &dt.month) || i >= len || s[i] != '-')
			return false;
		i++;
		if (!fixed_digits(s, len, &i, 2, &dt.day) || dt.month < 1 ||
		    dt.month > 12 || dt.day < 1 || dt.day > days_in_month(2000, dt.month))
			return false;
		break;
	case DCATIT_XSD_GDAY:
		if (len < 3 || memcmp(s, "---", 3) != 0)
			return false;
		i = 3;
		if (!fixed_digits(s, len, &i, 2, &dt.day) || dt.day < 1 || dt.day > 31)
			return false;
		break;
	case DCATIT_XSD_GMONTH:
		if (len < 2 || s[0] != '-' || s[1] != '-')
			return false;
		i = 2;
		if (!fixed_digits(s, len, &i, 2, &dt.month) || dt.month < 1 ||
		    dt.month > 12)
			return false;
		break;
	default:
		return false;
	}
	return parse_tz_end(s, len, i, &dt);
}

/* -?P(nY)?(nM)?(nD)?(T(nH)?(nM)?(n(.n)?S)?)? with at least one part, and
 * at least one part after T. allow_ym / allow_dt restrict the derived
 * duration types. */
static bool lex_duration(const char *s, size_t len, bool allow_ym, bool allow_dt)
{
	size_t i = 0;
	if (i < len && s[i] == '-')
		i++;
	if (i >= len || s[i] != 'P')
		return false;
	i++;
	static const char date_units[] = "YMD";
	static const char time_units[] = "HMS";
	int parts = 0, unit = 0;
	while (i < len && s[i] != 'T') {
		size_t n = count_digits(s, len, i);
		if (n == 0 || i + n >= len)
			return false;
		char u = s[i + n];
		while (unit < 3 && date_units[unit] != u)
			unit++;
		if (unit == 3)
			return false;
		if (unit == 2 ? !allow_dt : !allow_ym)
			return false;
		unit++;
		parts++;
		i += n + 1;
	}
	if (i < len && s[i] == 'T') {
		if (!allow_dt)
			return false;
		i++;
		int tparts = 0;
		unit = 0;
		while (i < len) {
			size_t n = count_digits(s, len, i);
			if (n == 0)
				return false;
			size_t j = i + n;
			bool frac = false;
			if (j < len && s[j] == '.') {
				size_t f = count_digits(s, len, j + 1);
				if (f == 0)
					return false;
				j += 1 + f;
				frac = true;
			}
			if (j >= len)
				return false;
			char u = s[j];
			while (unit < 3 && time_units[unit] != u)
				unit++;
			if (unit == 3 || (frac && u != 'S'))
				return false;
			unit++;
			tparts++;
			i = j + 1;
		}
		if (tparts == 0)
			return false;
		parts += tparts;
	}
	return parts > 0 && i == len;
}

static bool is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool lex_hex(const char *s, size_t len)
{
	if (len % 2)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!is_hex(s[i]))
			return false;
	return true;
}

static bool is_b64(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) ||
	       c == '+' || c == '/';
}

/* base64 characters (single spaces allowed between them), a multiple of
 * four, at most two '=' and only at the end */
static bool lex_base64(const char *s, size_t len)
{
	size_t n = 0, pad = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == ' ')
			continue;
		if (c == '=') {
			pad++;
			n++;
			continue;
		}
		if (pad || !is_b64(c))
			return false;
		n++;
	}
	return n % 4 == 0 && pad <= 2;
}

static bool lex_language(const char *s, size_t len)
{
	size_t i = 0, part = 0;
	for (;;) {
		size_t n = 0;
		while (i < len && n < 9 &&
		       ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		        (part > 0 && is_digit(s[i])))) {
			i++;
			n++;
		}
		if (n == 0 || n > 8)
			return false;
		if (i == len)
			return true;
		if (s[i] != '-')
			return false;
		i++;
		part++;
	}
}

static bool lex_normalized(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\r' || s[i] == '\n' || s[i] == '\t')
			return false;
	return true;
}

static bool lex_token(const char *s, size_t len)
{
	if (!lex_normalized(s, len))
		return false;
	if (len && (s[0] == ' ' || s[len - 1] == ' '))
		return false;
	for (size_t i = 1; i < len; i++)
		if (s[i] == ' ' && s[i - 1] == ' ')
			return false;
	return true;
}

bool dcatit_xsd_lexical_ok(DcatitXsdType type, const char *s, size_t len)
{
	DateTime dt;
	switch (type) {
	case DCATIT_XSD_OTHER:
	case DCATIT_XSD_STRING:
	case DCATIT_XSD_ANYURI:
	case DCATIT_XSD_LANGSTRING:
	case DCATIT_XSD_COUNT_:
		return true;
	case DCATIT_XSD_NORMALIZED_STRING:
		return lex_normalized(s, len);
	case DCATIT_XSD_TOKEN:
		return lex_token(s, len);
	case DCATIT_XSD_LANGUAGE:
		return lex_language(s, len);
	case DCATIT_XSD_BOOLEAN:
		return lex_boolean(s, len);
	case DCATIT_XSD_DECIMAL:
		return lex_decimal_at(s, len, NULL);
	case DCATIT_XSD_INTEGER:
		return lex_integer(s, len);
	case DCATIT_XSD_NON_POSITIVE_INTEGER:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, NULL, NULL, true, true, false);
	case DCATIT_XSD_NEGATIVE_INTEGER:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, NULL, NULL, true, false, false);
	case DCATIT_XSD_LONG:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, "9223372036854775808",
		                        "9223372036854775807", true, true, true);
	case DCATIT_XSD_INT:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, "2147483648", "2147483647", true,
		                        true, true);
	case DCATIT_XSD_SHORT:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, "32768", "32767", true, true, true);
	case DCATIT_XSD_BYTE:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, "128", "127", true, true, true);
	case DCATIT_XSD_NON_NEGATIVE_INTEGER:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, NULL, NULL, false, true, true);
	case DCATIT_XSD_UNSIGNED_LONG:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, NULL, "18446744073709551615", false,
		                        true, true);
	case DCATIT_XSD_UNSIGNED_INT:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, NULL, "4294967295", false, true, true);
	case DCATIT_XSD_UNSIGNED_SHORT:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, NULL, "65535", false, true, true);
	case DCATIT_XSD_UNSIGNED_BYTE:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, NULL, "255", false, true, true);
	case DCATIT_XSD_POSITIVE_INTEGER:
		return lex_integer(s, len) &&
		       integer_in_range(s, len, NULL, NULL, false, false, true);
	case DCATIT_XSD_FLOAT:
	case DCATIT_XSD_DOUBLE:
		return lex_float(s, len);
	case DCATIT_XSD_DATE:
		return parse_date(s, len, &dt);
	case DCATIT_XSD_DATETIME:
		return parse_datetime(s, len, &dt);
	case DCATIT_XSD_DATETIMESTAMP:
		return parse_datetime(s, len, &dt) && dt.has_tz;
	case DCATIT_XSD_TIME:
		return parse_time(s, len, &dt);
	case DCATIT_XSD_GYEAR:
	case DCATIT_XSD_GYEARMONTH:
	case DCATIT_XSD_GMONTHDAY:
	case DCATIT_XSD_GDAY:
	case DCATIT_XSD_GMONTH:
		return lex_gregorian(type, s, len);
	case DCATIT_XSD_DURATION:
		return lex_duration(s, len, true, true);
	case DCATIT_XSD_DAYTIMEDURATION:
		return lex_duration(s, len, false, true);
	case DCATIT_XSD_YEARMONTHDURATION:
		return lex_duration(s, len, true, false);
	case DCATIT_XSD_HEXBINARY:
		return lex_hex(s, len);
	case DCATIT_XSD_BASE64BINARY:
		return lex_base64(s, len);
	}
	return true;
}

/* ---- comparison ---- */

typedef enum {
	V_NONE,
	V_EXACT,  /* integer and decimal family: compared digit by digit */
	V_FLOAT,  /* float, double */
	V_STRING,
	V_BOOL,
	V_DATETIME,
	V_DATE,
	V_TIME,
} ValueKind;

static ValueKind value_kind(DcatitXsdType type)
{
	switch (type) {
	case DCATIT_XSD_DECIMAL:
	case DCATIT_XSD_INTEGER:
	case DCATIT_XSD_NON_POSITIVE_INTEGER:
	case DCATIT_XSD_NEGATIVE_INTEGER:
	case DCATIT_XSD_LONG:
	case DCATIT_XSD_INT:
	case DCATIT_XSD_SHORT:
	case DCATIT_XSD_BYTE:
	case DCATIT_XSD_NON_NEGATIVE_INTEGER:
	case DCATIT_XSD_UNSIGNED_LONG:
	case DCATIT_XSD_UNSIGNED_INT:
	case DCATIT_XSD_UNSIGNED_SHORT:
	case DCATIT_XSD_UNSIGNED_BYTE:
	case DCATIT_XSD_POSITIVE_INTEGER:
		return V_EXACT;
	case DCATIT_XSD_FLOAT:
	case DCATIT_XSD_DOUBLE:
		return V_FLOAT;
	case DCATIT_XSD_STRING:
		return V_STRING;
	case DCATIT_XSD_BOOLEAN:
		return V_BOOL;
	case DCATIT_XSD_DATETIME:
	case DCATIT_XSD_DATETIMESTAMP:
		return V_DATETIME;
	case DCATIT_XSD_DATE:
		return V_DATE;
	case DCATIT_XSD_TIME:
		return V_TIME;
	default:
		return V_NONE;
	}
}

/* Exact comparison of two valid decimal lexical forms. */
static int decimal_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	struct {
		bool neg;
		const char *ip, *fp;
		size_t in, fn;
	} x[2];
	const char *s[2] = {a, b};
	size_t len[2] = {alen, blen};
	for (int k = 0; k < 2; k++) {
		size_t i = 0;
		x[k].neg = false;
		if (i < len[k] && (s[k][i] == '+' || s[k][i] == '-'))
			x[k].neg = s[k][i++] == '-';
		while (i < len[k] && s[k][i] == '0')
			i++;
		x[k].ip = s[k] + i;
		size_t n = count_digits(s[k], len[k], i);
		x[k].in = n;
		i += n;
		x[k].fp = s[k] + i;
		x[k].fn = 0;
		if (i < len[k] && s[k][i] == '.') {
			x[k].fp = s[k] + i + 1;
			x[k].fn = count_digits(s[k], len[k], i + 1);
			while (x[k].fn > 0 && x[k].fp[x[k].fn - 1] == '0')
				x[k].fn--;
		}
		if (x[k].in == 0 && x[k].fn == 0)
			x[k].neg = false; /* -0 == 0 */
	}
	if (x[0].neg != x[1].neg)
		return x[0].neg ? -1 : 1;
	int mag;
	if (x[0].in != x[1].in) {
		mag = x[0].in < x[1].in ? -1 : 1;
	} else {
		mag = memcmp(x[0].ip, x[1].ip, x[0].in);
		if (mag == 0) {
			size_t n = x[0].fn > x[1].fn ? x[0].fn : x[1].fn;
			for (size_t i = 0; i < n && mag == 0; i++) {
				char ca = i < x[0].fn ? x[0].fp[i] : '0';
				char cb = i < x[1].fn ? x[1].fp[i] : '0';
				mag = (ca > cb) - (ca < cb);
			}
		}
	}
	if (mag)
		mag = mag < 0 ? -1 : 1;
	return x[0].neg ? -mag : mag;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's
 * days_from_civil). */
static long long days_from_civil(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static long long dt_seconds(const DateTime *dt)
{
	return days_from_civil(dt->year, dt->month, dt->day) * 86400LL +
	       dt->hour * 3600LL + dt->minute * 60LL + dt->second - dt->tz * 60LL;
}

static bool dt_compare(const DateTime *a, const DateTime *b, int *cmp)
{
	/* With a timezone on one side only the order is indeterminate. */
	if (a->has_tz != b->has_tz)
		return false;
	long long sa = dt_seconds(a), sb = dt_seconds(b);
	if (sa != sb)
		*cmp = sa < sb ? -1 : 1;
	else
		*cmp = (a->frac > b->frac) - (a->frac < b->frac);
	return true;
}

static double to_double(const char *s)
{
	/* lexical forms were checked, so strtod reads the whole number */
	return strtod(s, NULL);
}

bool dcatit_xsd_compare(const DcatitXsdMap *m, const DcatitTerms *t,
                        DcatitTermId a, DcatitTermId b, int *cmp)
{
	if (!dcatit_terms_is_literal(t, a) || !dcatit_terms_is_literal(t, b))
		return false;
	DcatitXsdType ta = dcatit_xsd_map_type(m, dcatit_terms_datatype(t, a));
	DcatitXsdType tb = dcatit_xsd_map_type(m, dcatit_terms_datatype(t, b));
	ValueKind ka = value_kind(ta), kb = value_kind(tb);
	if (ka == V_NONE || kb == V_NONE)
		return false;
	const char *sa = dcatit_terms_str(t, a), *sb = dcatit_terms_str(t, b);
	size_t la = dcatit_terms_len(t, a), lb = dcatit_terms_len(t, b);
	if (!dcatit_xsd_lexical_ok(ta, sa, la) || !dcatit_xsd_lexical_ok(tb, sb, lb))
		return false;
	bool numa = ka == V_EXACT || ka == V_FLOAT;
	bool numb = kb == V_EXACT || kb == V_FLOAT;
	if (numa && numb) {
		if (ka == V_EXACT && kb == V_EXACT) {
			*cmp = decimal_cmp(sa, la, sb, lb);
			return true;
		}
		double x = to_double(sa), y = to_double(sb);
		if (x != x || y != y)
			return false; /* NaN is unordered */
		*cmp = (x > y) - (x < y);
		return true;
	}
	if (ka != kb)
		return false;
	DateTime da, db;
	switch (ka) {
	case V_STRING: {
		size_t n = la < lb ? la : lb;
		int c = memcmp(sa, sb, n);
		if (c == 0)
			c = (la > lb) - (la < lb);
		*cmp = c < 0 ? -1 : c > 0;
		return true;
	}
	case V_BOOL: {
		int x = sa[0] == 't' || sa[0] == '1';
		int y = sb[0] == 't' || sb[0] == '1';
		*cmp = x - y;
		return true;
	}
	case V_DATETIME:
		parse_datetime(sa, la, &da);
		parse_datetime(sb, lb, &db);
		return dt_compare(&da, &db, cmp);
	case V_DATE:
		parse_date(sa, la, &da);
		parse_date(sb, lb, &db);
		return dt_compare(&da, &db, cmp);
	case V_TIME:
		parse_time(sa, la, &da);
		parse_time(sb, lb, &db);
		return dt_compare(&da, &db, cmp);
	default:
		return false;
	}
}
