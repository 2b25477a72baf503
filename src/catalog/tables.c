/* tables.c: CSV checks for tabular distributions. The file, read whole by
 * the caller (tables here are small), is checked for UTF-8 without NUL
 * bytes, then parsed row by row with
 * RFC 4180 rules; decimals are compared as exact fixed-point integers, so
 * 0.1 + 0.2 is 0.3 and a published total that is off is reported, never
 * rounded away. Stated counts are tallied over the same pass and compared
 * at the end, naming the rows that make the difference. */
#include "catalog/tables.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"

/* Decimals are held as integers in millionths: 9.2e12 units of currency
 * fit, and no published table here has more than two decimals. */
#define FRAC_DIGITS 6
#define FRAC_SCALE INT64_C(1000000)

void dcatit_tables_dict_release(DcatitDict *dict)
{
	if (!dict)
		return;
	for (size_t i = 0; i < dict->ncols; i++) {
		DcatitDictColumn *c = &dict->cols[i];
		free(c->name);
		free(c->total_of);
		for (size_t j = 0; j < c->ncounts; j++) {
			free(c->counts[j].prefix);
			free(c->counts[j].source);
		}
		free(c->counts);
	}
	free(dict->cols);
	free(dict->file);
	free(dict->totals_value);
	free(dict->sums);
	memset(dict, 0, sizeof *dict);
}

typedef struct {
	char *s;
	size_t len;
	unsigned long line, col;
} Field;

typedef struct {
	Field *f;
	size_t n, cap;
	unsigned long line; /* where the row starts */
} Row;

typedef struct {
	const char *data;
	size_t len, pos;
	unsigned long line, col;
	const char *display;
	DcatitNotes *notes;
	bool oom;
} Csv;

static void row_clear(Row *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->f[i].s);
	r->n = 0;
}

static bool row_push(Csv *c, Row *r, DcatitBuf *field, unsigned long line,
                     unsigned long col)
{
	Field *p = dcatit_grow(r->f, &r->cap, r->n + 1, sizeof *p, 16);
	if (!p) {
		c->oom = true;
		return false;
	}
	r->f = p;
	size_t len = field->len;
	char *s = malloc(len + 1);
	if (!s) {
		c->oom = true;
		return false;
	}
	if (len)
		memcpy(s, field->data, len);
	s[len] = '\0';
	r->f[r->n++] = (Field){ s, len, line, col };
	dcatit_buf_clear(field);
	return true;
}

static void advance(Csv *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (c->data[c->pos] == '\n') {
			c->line++;
			c->col = 1;
		} else {
			c->col++;
		}
		c->pos++;
	}
}

/* Read the next record: 1 got one, 0 at end, -1 after a syntax error. */
static int next_row(Csv *c, Row *r)
{
	row_clear(r);
	if (c->pos >= c->len)
		return 0;
	r->line = c->line;
	DcatitBuf field;
	dcatit_buf_init(&field);
	for (;;) {
		unsigned long fl = c->line, fc = c->col;
		if (c->pos < c->len && c->data[c->pos] == '"') {
			advance(c, 1);
			for (;;) {
				if (c->pos >= c->len) {
					dcatit_notes_add(c->notes, DCATIT_NOTE_ERROR, c->display, fl, fc,
					                 "quoted field is not closed");
					dcatit_buf_release(&field);
					return -1;
				}
				char ch = c->data[c->pos];
				if (ch == '"') {
					if (c->pos + 1 < c->len && c->data[c->pos + 1] == '"') {
						dcatit_buf_addc(&field, '"');
						advance(c, 2);
						continue;
					}
					advance(c, 1);
					break;
				}
				dcatit_buf_addc(&field, ch);
				advance(c, 1);
			}
			if (c->pos < c->len && c->data[c->pos] != ',' && c->data[c->pos] != '\n' &&
			    !(c->data[c->pos] == '\r' && c->pos + 1 < c->len &&
			      c->data[c->pos + 1] == '\n')) {
				dcatit_notes_add(c->notes, DCATIT_NOTE_ERROR, c->display, c->line, c->col,
				                 "unexpected character after a closing quote");
				dcatit_buf_release(&field);
				return -1;
			}
		} else {
			while (c->pos < c->len) {
				char ch = c->data[c->pos];
				if (ch == ',' || ch == '\n' ||
				    (ch == '\r' && c->pos + 1 < c->len && c->data[c->pos + 1] == '\n'))
					break;
				if (ch == '"' || ch == '\r') {
					dcatit_notes_add(c->notes, DCATIT_NOTE_ERROR, c->display, c->line,
					                 c->col, ch == '"' ? "quote inside an unquoted field" :
					                 _("bare carriage return"));
					dcatit_buf_release(&field);
					return -1;
				}
				dcatit_buf_addc(&field, ch);
				advance(c, 1);
			}
		}
		if (field.oom || !row_push(c, r, &field, fl, fc)) {
			c->oom = true;
			dcatit_buf_release(&field);
			return -1;
		}
		if (c->pos >= c->len)
			break;
		char ch = c->data[c->pos];
		if (ch == ',') {
			advance(c, 1);
			continue;
		}
		advance(c, ch == '\r' ? 2 : 1);
		break;
	}
	dcatit_buf_release(&field);
	return 1;
}

/* Parse -?[0-9]+(\.[0-9]+)? into millionths; *decimals gets the number of
 * decimals written. False when malformed or out of range. */
static bool parse_decimal(const char *s, int64_t *out, int *decimals)
{
	bool neg = *s == '-';
	if (neg)
		s++;
	if (!isdigit((unsigned char)*s))
		return false;
	int64_t v = 0;
	for (; isdigit((unsigned char)*s); s++) {
		if (v > (INT64_MAX / FRAC_SCALE - 9) / 10)
			return false;
		v = v * 10 + (*s - '0');
	}
	v *= FRAC_SCALE;
	int k = 0;
	if (*s == '.') {
		s++;
		if (!isdigit((unsigned char)*s))
			return false;
		int64_t unit = FRAC_SCALE / 10;
		for (; isdigit((unsigned char)*s); s++, k++) {
			if (k >= FRAC_DIGITS)
				return false;
			v += (*s - '0') * unit;
			unit /= 10;
		}
	}
	if (*s)
		return false;
	*out = neg ? -v : v;
	*decimals = k;
	return true;
}

/* Format millionths with the given number of decimals (truncating: the
 * figures compared have at most that many). */
static void format_decimal(int64_t v, int decimals, char out[48])
{
	bool neg = v < 0;
	uint64_t a = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t ip = a / (uint64_t)FRAC_SCALE, fp = a % (uint64_t)FRAC_SCALE;
	int n = snprintf(out, 48, "%s%" PRIu64, neg ? "-" : "", ip);
	if (decimals > 0 && n > 0 && n < 40) {
		char frac[8];
		snprintf(frac, sizeof frac, "%06" PRIu64, fp);
		out[n] = '.';
		memcpy(out + n + 1, frac, (size_t)decimals);
		out[n + 1 + decimals] = '\0';
	}
}

/* Rows named in a count warning: enough to act on, short enough to read. */
#define TALLY_NAMES 8

/* The running count of one stated count: the rows it selects, those with a
 * value other than zero, and the first names of each kind ([0] zero rows,
 * [1] non-zero rows), one of which the warning lists. */
typedef struct {
	size_t ci;
	const DcatitDictCount *cnt;
	size_t rows, nonzero;
	char *names[2][TALLY_NAMES];
	size_t nnames[2];
} Tally;

typedef struct {
	const DcatitDict *dict;
	DcatitOrgs *orgs;
	Csv *c;
	Tally *tally;       /* one per stated count, in column order */
	size_t ntally;
	int64_t *colsum;    /* per column, over data rows */
	int *coldec;        /* most decimals seen per column */
	bool *colbad;       /* a value of the column did not parse */
	size_t ndata;       /* data rows seen */
	bool totals_seen;
	bool after_totals;  /* a row came after the totals row */
	unsigned long totals_line;
} Check;

static const char *row_key(const Row *r)
{
	return r->n ? r->f[0].s : "";
}

/* Join the names of cols with " + ". */
static void check_total_of(Check *k, const Row *r, size_t rowno)
{
	const DcatitDict *dict = k->dict;
	for (size_t ci = 0; ci < dict->ncols && ci < r->n; ci++) {
		const DcatitDictColumn *col = &dict->cols[ci];
		if (!col->ntotal_of)
			continue;
		int64_t declared, sum = 0, v;
		int dec, maxdec, d2;
		if (!r->f[ci].len || !parse_decimal(r->f[ci].s, &declared, &dec))
			continue;
		maxdec = dec;
		bool ok = true;
		for (size_t j = 0; j < col->ntotal_of && ok; j++) {
			size_t pj = col->total_of[j];
			if (pj >= r->n)
				ok = false;
			else if (!r->f[pj].len)
				continue; /* an empty part counts as zero */
			else if (!parse_decimal(r->f[pj].s, &v, &d2))
				ok = false;
			else {
				sum += v;
				if (d2 > maxdec)
					maxdec = d2;
			}
		}
		if (!ok || sum == declared)
			continue;
		char a[48], b[48], diff[48];
		format_decimal(declared, maxdec, a);
		format_decimal(sum, maxdec, b);
		format_decimal(declared - sum, maxdec, diff);
		DcatitBuf parts;
		dcatit_buf_init(&parts);
		for (size_t j = 0; j < col->ntotal_of; j++)
			dcatit_buf_addf(&parts, "%s%s", j ? "+" : "", dict->cols[col->total_of[j]].name);
		dcatit_notes_add(k->c->notes, DCATIT_NOTE_WARNING, k->c->display, r->line, 1,
		                 "row %zu '%s': %s is %s but %s add up to %s (difference %s)", rowno,
		                 row_key(r), col->name, a, parts.data ? parts.data : "", b, diff);
		dcatit_buf_release(&parts);
	}
}

static void check_fields(Check *k, const Row *r, bool totals)
{
	const DcatitDict *dict = k->dict;
	const char *disp = k->c->display;
	for (size_t ci = 0; ci < dict->ncols && ci < r->n; ci++) {
		const DcatitDictColumn *col = &dict->cols[ci];
		const Field *f = &r->f[ci];
		if (totals && col->type != DCATIT_COL_DECIMAL)
			continue; /* only the sums and totals are checked in the totals row */
		if (!f->len) {
			if (col->required && !totals)
				dcatit_notes_add(k->c->notes, DCATIT_NOTE_ERROR, disp, f->line, f->col,
				                 "empty value in required column '%s'", col->name);
			continue;
		}
		if (col->type == DCATIT_COL_DECIMAL) {
			int64_t v;
			int dec;
			if (!parse_decimal(f->s, &v, &dec)) {
				dcatit_notes_add(k->c->notes, DCATIT_NOTE_ERROR, disp, f->line, f->col,
				                 "'%s' is not a decimal number -?[0-9]+(.[0-9]+)? in "
				                 "column '%s'", f->s, col->name);
				k->colbad[ci] = true;
				continue;
			}
			if (col->scale >= 0 && dec != col->scale)
				dcatit_notes_add(k->c->notes, DCATIT_NOTE_ERROR, disp, f->line, f->col,
				                 "'%s' in column '%s' must have exactly %d decimals",
				                 f->s, col->name, col->scale);
			if (!totals) {
				k->colsum[ci] += v;
				if (dec > k->coldec[ci])
					k->coldec[ci] = dec;
			}
		} else if (col->type == DCATIT_COL_IPA_CODE && k->orgs) {
			DcatitTermId agent;
			bool ident;
			if (!dcatit_orgs_find(k->orgs, f->s, &agent, &ident)) {
				const char *sug = dcatit_orgs_suggest(k->orgs, f->s);
				if (sug)
					dcatit_notes_add(k->c->notes, DCATIT_NOTE_ERROR, disp, f->line, f->col,
					                 "unknown organisation '%s' in column '%s', did you mean "
					                 "%s?", f->s, col->name, sug);
				else
					dcatit_notes_add(k->c->notes, DCATIT_NOTE_ERROR, disp, f->line, f->col,
					                 "unknown organisation '%s' in column '%s'", f->s,
					                 col->name);
			}
		}
	}
}

static void check_totals_row(Check *k, const Row *r)
{
	const DcatitDict *dict = k->dict;
	for (size_t i = 0; i < dict->nsums; i++) {
		size_t ci = dict->sums[i];
		if (ci >= r->n || k->colbad[ci] || !r->f[ci].len)
			continue;
		int64_t declared;
		int dec;
		if (!parse_decimal(r->f[ci].s, &declared, &dec) || declared == k->colsum[ci])
			continue;
		int maxdec = dec > k->coldec[ci] ? dec : k->coldec[ci];
		char a[48], b[48], diff[48];
		format_decimal(declared, maxdec, a);
		format_decimal(k->colsum[ci], maxdec, b);
		format_decimal(declared - k->colsum[ci], maxdec, diff);
		dcatit_notes_add(k->c->notes, DCATIT_NOTE_WARNING, k->c->display, r->line, 1,
		                 "row '%s': %s is %s but the %zu data rows add up to %s (difference %s)",
		                 row_key(r), dict->cols[ci].name, a, k->ndata, b, diff);
	}
}

/* One tally per stated count of the dictionary; false on out of memory. */
static bool tally_init(Check *k)
{
	const DcatitDict *dict = k->dict;
	size_t n = 0;
	for (size_t ci = 0; ci < dict->ncols; ci++)
		n += dict->cols[ci].ncounts;
	if (!n)
		return true;
	k->tally = calloc(n, sizeof *k->tally);
	if (!k->tally)
		return false;
	for (size_t ci = 0; ci < dict->ncols; ci++)
		for (size_t j = 0; j < dict->cols[ci].ncounts; j++)
			k->tally[k->ntally++] = (Tally){ .ci = ci, .cnt = &dict->cols[ci].counts[j] };
	return true;
}

static void tally_release(Check *k)
{
	for (size_t i = 0; i < k->ntally; i++)
		for (int kind = 0; kind < 2; kind++)
			for (size_t j = 0; j < k->tally[i].nnames[kind]; j++)
				free(k->tally[i].names[kind][j]);
	free(k->tally);
	k->tally = NULL;
	k->ntally = 0;
}

/* Count a data row in every stated count that selects it. An empty field
 * counts as zero; a value that does not parse is already an error and is
 * left out (the column is then not compared). */
static void tally_row(Check *k, const Row *r)
{
	for (size_t i = 0; i < k->ntally; i++) {
		Tally *t = &k->tally[i];
		const DcatitDictCount *cnt = t->cnt;
		if (t->ci >= r->n)
			continue;
		if (!cnt->all_rows && (cnt->match_col >= r->n ||
		    strncmp(r->f[cnt->match_col].s, cnt->prefix, strlen(cnt->prefix)) != 0))
			continue;
		int64_t v = 0;
		int dec;
		const Field *f = &r->f[t->ci];
		if (f->len && !parse_decimal(f->s, &v, &dec))
			continue;
		int kind = v != 0;
		t->rows++;
		t->nonzero += (size_t)kind;
		if (t->nnames[kind] < TALLY_NAMES) {
			char *name = dcatit_strdup(row_key(r));
			if (!name)
				k->c->oom = true;
			else
				t->names[kind][t->nnames[kind]++] = name;
		}
	}
}

/* Compare every tally with what the source states; the finding is located
 * at the declaration in the dictionary, where the statement is quoted. */
static void tally_report(Check *k)
{
	const DcatitDict *dict = k->dict;
	const char *file = dict->file ? dict->file : k->c->display;
	for (size_t i = 0; i < k->ntally; i++) {
		const Tally *t = &k->tally[i];
		const DcatitDictCount *cnt = t->cnt;
		const char *col = dict->cols[t->ci].name;
		if (k->colbad[t->ci])
			continue;
		DcatitBuf which;
		dcatit_buf_init(&which);
		if (!cnt->all_rows)
			dcatit_buf_addf(&which, _(" whose %s starts with '%s'"),
			                dict->cols[cnt->match_col].name, cnt->prefix);
		if (!t->rows) {
			dcatit_notes_add(k->c->notes, DCATIT_NOTE_ERROR, file, cnt->line, cnt->col,
			                 "stated count of column '%s': no data row%s", col,
			                 which.data ? which.data : "");
		} else if (t->nonzero != cnt->nonzero) {
			/* name the rows that make the difference: the non-zero ones
			 * when there are more than stated, the zero ones when fewer */
			int kind = t->nonzero > cnt->nonzero;
			size_t total = kind ? t->nonzero : t->rows - t->nonzero;
			DcatitBuf names;
			dcatit_buf_init(&names);
			for (size_t j = 0; j < t->nnames[kind]; j++)
				dcatit_buf_addf(&names, "%s%s", j ? ", " : "", t->names[kind][j]);
			if (total > t->nnames[kind])
				dcatit_buf_addf(&names, _(" and %zu more"), total - t->nnames[kind]);
			dcatit_notes_add(k->c->notes, DCATIT_NOTE_WARNING, file, cnt->line, cnt->col,
			                 "column '%s': %zu of the %zu data rows%s have a value other "
			                 "than zero, the source states %zu (%s); %s: %s", col,
			                 t->nonzero, t->rows, which.data ? which.data : "",
			                 cnt->nonzero, cnt->source, kind ? "non-zero" : "zero",
			                 names.data ? names.data : "");
			if (names.oom)
				k->c->oom = true;
			dcatit_buf_release(&names);
		}
		if (which.oom)
			k->c->oom = true;
		dcatit_buf_release(&which);
	}
}

DcatitStatus dcatit_tables_check(const char *data, size_t len, const char *display,
                                 const DcatitDict *dict, DcatitOrgs *orgs,
                                 DcatitNotes *notes)
{
	DcatitStatus st = DCATIT_OK;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		dcatit_notes_add(notes, DCATIT_NOTE_ERROR, display, 1, 1,
		                 "the table starts with a UTF-8 byte order mark; remove it");
		return st;
	}
	DcatitUtf8Check u;
	dcatit_utf8_init(&u);
	dcatit_utf8_feed(&u, data, len);
	if (!dcatit_utf8_end(&u)) {
		dcatit_notes_add(notes, DCATIT_NOTE_ERROR, display, u.line, u.col,
		                 u.fault == DCATIT_UTF8_NUL ? N_("the table contains a NUL byte")
		                                            : N_("the table is not valid UTF-8"));
		return st;
	}
	if (len == 0) {
		dcatit_notes_add(notes, DCATIT_NOTE_ERROR, display, 1, 1, "the table is empty");
		return st;
	}
	Csv c = { data, len, 0, 1, 1, display, notes, false };
	Row row = { NULL, 0, 0, 0 };
	Check k;
	memset(&k, 0, sizeof k);
	k.dict = dict;
	k.orgs = orgs;
	k.c = &c;
	size_t ncols = dict ? dict->ncols : 0;
	k.colsum = calloc(ncols + 1, sizeof *k.colsum);
	k.coldec = calloc(ncols + 1, sizeof *k.coldec);
	k.colbad = calloc(ncols + 1, sizeof *k.colbad);
	if (!k.colsum || !k.coldec || !k.colbad || (dict && !tally_init(&k))) {
		st = DCATIT_ERR_NOMEM;
		goto rows_done;
	}
	int rc = next_row(&c, &row);
	if (rc <= 0)
		goto rows_done;
	size_t width = row.n;
	if (dict) {
		bool same = row.n == dict->ncols;
		for (size_t i = 0; same && i < row.n; i++)
			same = strcmp(row.f[i].s, dict->cols[i].name) == 0;
		if (!same) {
			DcatitBuf want;
			dcatit_buf_init(&want);
			for (size_t i = 0; i < dict->ncols; i++)
				dcatit_buf_addf(&want, "%s%s", i ? "," : "", dict->cols[i].name);
			dcatit_notes_add(notes, DCATIT_NOTE_ERROR, display, row.line, 1,
			                 "the header does not match the columns of %s (expected %s)",
			                 dict->file ? dict->file : _("the dictionary"),
			                 want.data ? want.data : "");
			dcatit_buf_release(&want);
			dict = NULL;
			k.dict = NULL;
			tally_release(&k);
		}
	}
	size_t rowno = 0;
	while ((rc = next_row(&c, &row)) > 0) {
		rowno++;
		if (row.n == 1 && row.f[0].len == 0 && c.pos >= c.len)
			break; /* a final empty line */
		if (row.n != width) {
			dcatit_notes_add(notes, DCATIT_NOTE_ERROR, display, row.line, 1,
			                 "row %zu has %zu fields, the header has %zu", rowno, row.n,
			                 width);
			continue;
		}
		if (!dict)
			continue;
		bool totals = dict->has_totals_row &&
		              strcmp(row.f[dict->totals_col].s, dict->totals_value) == 0;
		if (k.totals_seen) {
			k.after_totals = true;
			dcatit_notes_add(notes, DCATIT_NOTE_ERROR, display, row.line, 1,
			                 "row %zu comes after the totals row (line %lu); the totals "
			                 "row must be the last", rowno, k.totals_line);
		}
		check_fields(&k, &row, totals);
		check_total_of(&k, &row, rowno);
		if (totals) {
			k.totals_seen = true;
			k.totals_line = row.line;
			check_totals_row(&k, &row);
		} else {
			k.ndata++;
			tally_row(&k, &row);
		}
	}
	if (dict && rc == 0)
		tally_report(&k);
	if (dict && dict->has_totals_row && !k.totals_seen && rc == 0)
		dcatit_notes_add(notes, DCATIT_NOTE_ERROR, display, c.line, 1,
		                 "no totals row (%s = '%s') in the table",
		                 dict->cols[dict->totals_col].name, dict->totals_value);
rows_done:
	if (c.oom)
		st = DCATIT_ERR_NOMEM;
	row_clear(&row);
	free(row.f);
	free(k.colsum);
	free(k.coldec);
	free(k.colbad);
	tally_release(&k);
	return st;
}
