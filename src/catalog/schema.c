/* schema.c: the JSON Schemas of the catalog/ files (schema.h). Each
 * mapping of format.c becomes a closed object under "definitions", each
 * code list an enum; only what a kind reaches is emitted. */
#include "catalog/schema.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct {
	DcatitJson *defs;
	DcatitCodes *const *codes;
	bool oom;
} Ctx;

/* set obj[key] = val, remembering a failure (val is stolen either way) */
static void put(Ctx *c, DcatitJson *obj, const char *key, DcatitJson *val)
{
	if (!obj) {
		dcatit_json_free(val);
		c->oom = true;
	} else if (!val || !dcatit_json_set(obj, key, val)) {
		c->oom = true;
	}
}

static void put_str(Ctx *c, DcatitJson *obj, const char *key, const char *s)
{
	put(c, obj, key, dcatit_json_string(s));
}

static void append(Ctx *c, DcatitJson *arr, DcatitJson *val)
{
	if (!arr) {
		dcatit_json_free(val);
		c->oom = true;
	} else if (!val || !dcatit_json_append(arr, val)) {
		c->oom = true;
	}
}

/* {"type": "string", "pattern": pattern} */
static DcatitJson *pattern_string(Ctx *c, const char *pattern)
{
	DcatitJson *o = dcatit_json_object();
	put_str(c, o, "type", "string");
	put_str(c, o, "pattern", pattern);
	return o;
}

static DcatitJson *ref(Ctx *c, const char *name)
{
	char buf[96];
	snprintf(buf, sizeof buf, "#/definitions/%s", name);
	DcatitJson *o = dcatit_json_object();
	put_str(c, o, "$ref", buf);
	return o;
}

/* At least one item, no duplicates (catalog/README.md §2, list of T). */
static DcatitJson *list_of(Ctx *c, DcatitJson *item)
{
	DcatitJson *o = dcatit_json_object();
	put_str(c, o, "type", "array");
	put(c, o, "minItems", dcatit_json_integer(1));
	put(c, o, "uniqueItems", dcatit_json_bool(true));
	put(c, o, "items", item);
	return o;
}

/* A language code -> value mapping (text, keywords). */
static DcatitJson *per_language(Ctx *c, DcatitJson *value, bool it_required)
{
	DcatitJson *o = dcatit_json_object();
	put_str(c, o, "type", "object");
	put(c, o, "minProperties", dcatit_json_integer(1));
	DcatitJson *names = dcatit_json_object();
	put_str(c, names, "pattern", "^[a-z]{2}$");
	put(c, o, "propertyNames", names);
	put(c, o, "additionalProperties", value);
	if (it_required) {
		DcatitJson *req = dcatit_json_array();
		append(c, req, dcatit_json_string("it"));
		put(c, o, "required", req);
	}
	return o;
}

/* A non-empty scalar: YAML gives numbers for unquoted figures (an 11-digit
 * Partita IVA, a version 1.0), which the loader reads as text too. */
static DcatitJson *string_value(Ctx *c)
{
	DcatitJson *o = dcatit_json_object();
	DcatitJson *types = dcatit_json_array();
	append(c, types, dcatit_json_string("string"));
	append(c, types, dcatit_json_string("number"));
	put(c, o, "type", types);
	put_str(c, o, "pattern", "\\S");
	return o;
}

static void define_map(Ctx *c, const DcatitFmtMap *m);

static const char *code_def(DcatitCodeList list)
{
	switch (list) {
	case DCATIT_CODES_THEME: return "code-theme";
	case DCATIT_CODES_FREQUENCY: return "code-frequency";
	case DCATIT_CODES_FILE_TYPE: return "code-file-type";
	case DCATIT_CODES_LANGUAGE: return "code-language";
	case DCATIT_CODES_LICENCE: return "code-licence";
	case DCATIT_CODES_HVD: return "code-hvd";
	case DCATIT_CODES_NONE: case DCATIT_CODES_N: break;
	}
	return "code-unknown";
}

static void define_codes(Ctx *c, DcatitCodeList list)
{
	const char *name = code_def(list);
	if (dcatit_json_get(c->defs, name))
		return;
	const DcatitCodeSource *src = dcatit_fmt_code_source(list);
	DcatitJson *o = dcatit_json_object();
	char desc[160];
	snprintf(desc, sizeof desc, "a %s code of vocab/%s", src ? src->name : "", src ? src->file : "");
	put_str(c, o, "description", desc);
	put_str(c, o, "type", "string");
	DcatitCodes *codes = c->codes ? c->codes[list] : NULL;
	if (codes) {
		DcatitJson *e = dcatit_json_array();
		for (size_t i = 0, n = dcatit_codes_count(codes); i < n; i++)
			append(c, e, dcatit_json_string(dcatit_codes_at(codes, i)));
		put(c, o, "enum", e);
	}
	put(c, c->defs, name, o);
}

/* The schema of one value of key k (an item, for a list). */
static DcatitJson *value_of(Ctx *c, const DcatitFmtKey *k)
{
	switch (k->type) {
	case DCATIT_FMT_STRING:
		return string_value(c);
	case DCATIT_FMT_TEXT:
		if (!dcatit_json_get(c->defs, "text"))
			put(c, c->defs, "text", per_language(c, string_value(c), true));
		return ref(c, "text");
	case DCATIT_FMT_KEYWORDS:
		return per_language(c, list_of(c, string_value(c)), false);
	case DCATIT_FMT_DATE:
		return pattern_string(c, "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
	case DCATIT_FMT_IRI:
		return pattern_string(c, "^https?://[^\\s<>\"{}|\\\\^`]+$");
	case DCATIT_FMT_EMAIL:
		return pattern_string(c, "^[^@\\s:]+@[^@\\s]+\\.[^@\\s]+$");
	case DCATIT_FMT_MEDIA_TYPE:
		return pattern_string(c, "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$");
	case DCATIT_FMT_PATH:
		return pattern_string(c, "^[^/\\s]");
	case DCATIT_FMT_ID: {
		DcatitJson *o = pattern_string(c, "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$");
		put(c, o, "maxLength", dcatit_json_integer(64));
		return o;
	}
	case DCATIT_FMT_NAME:
		return pattern_string(c, "^[a-z][a-z0-9_]*$");
	case DCATIT_FMT_ORG:
		return pattern_string(c, "^[A-Za-z0-9_]+$");
	case DCATIT_FMT_CODE:
		define_codes(c, k->codes);
		return ref(c, code_def(k->codes));
	case DCATIT_FMT_ENUM: {
		DcatitJson *o = dcatit_json_object(), *e = dcatit_json_array();
		for (const char *const *v = k->values; v && *v; v++)
			append(c, e, dcatit_json_string(*v));
		put(c, o, "enum", e);
		return o;
	}
	case DCATIT_FMT_BBOX: {
		DcatitJson *o = dcatit_json_object(), *num = dcatit_json_object();
		put_str(c, num, "type", "number");
		put_str(c, o, "type", "array");
		put(c, o, "minItems", dcatit_json_integer(4));
		put(c, o, "maxItems", dcatit_json_integer(4));
		put(c, o, "items", num);
		return o;
	}
	case DCATIT_FMT_BOOL: {
		DcatitJson *o = dcatit_json_object();
		put_str(c, o, "type", "boolean");
		return o;
	}
	case DCATIT_FMT_COUNT: {
		DcatitJson *o = dcatit_json_object();
		put_str(c, o, "type", "integer");
		put(c, o, "minimum", dcatit_json_integer(0));
		return o;
	}
	case DCATIT_FMT_MAP:
		define_map(c, k->map);
		return ref(c, k->map->id);
	}
	return dcatit_json_object();
}

/* Is key one a dataset record's `iso` key makes optional? */
static bool iso_waived(const char *key)
{
	for (size_t i = 0; dcatit_fmt_iso_waived[i]; i++)
		if (strcmp(dcatit_fmt_iso_waived[i], key) == 0)
			return true;
	return false;
}

/* The closed object of m, not yet in "definitions". */
static DcatitJson *map_schema(Ctx *c, const DcatitFmtMap *m)
{
	DcatitJson *o = dcatit_json_object(), *props = dcatit_json_object();
	DcatitJson *req = dcatit_json_array();
	put_str(c, o, "type", "object");
	put(c, o, "additionalProperties", dcatit_json_bool(false));
	put(c, o, "minProperties", dcatit_json_integer(1));
	for (size_t i = 0; i < m->nkeys; i++) {
		const DcatitFmtKey *k = &m->keys[i];
		DcatitJson *v = value_of(c, k);
		if (k->list && k->scalar_ok) {
			DcatitJson *one = dcatit_json_array(), *w = dcatit_json_object();
			append(c, one, v);
			append(c, one, list_of(c, value_of(c, k)));
			put(c, w, "oneOf", one);
			v = w;
		} else if (k->list) {
			v = list_of(c, v);
		}
		if (k->doc) {
			/* a $ref takes no siblings in draft-07: wrap it */
			if (dcatit_json_get(v, "$ref")) {
				DcatitJson *all = dcatit_json_array(), *w = dcatit_json_object();
				append(c, all, v);
				put(c, w, "allOf", all);
				v = w;
			}
			put_str(c, v, "description", k->doc);
		}
		put(c, props, k->name, v);
		if (k->required && !(m == &dcatit_fmt_record && iso_waived(k->name)))
			append(c, req, dcatit_json_string(k->name));
	}
	put(c, o, "properties", props);
	if (dcatit_json_size(req))
		put(c, o, "required", req);
	else
		dcatit_json_free(req);
	if (m == &dcatit_fmt_record) {
		/* the keys an ISO record may give, or the `iso` key */
		DcatitJson *waived = dcatit_json_array(), *iso = dcatit_json_array();
		for (size_t i = 0; dcatit_fmt_iso_waived[i]; i++)
			append(c, waived, dcatit_json_string(dcatit_fmt_iso_waived[i]));
		append(c, iso, dcatit_json_string("iso"));
		DcatitJson *any = dcatit_json_array(), *a = dcatit_json_object(),
		           *b = dcatit_json_object();
		put(c, a, "required", waived);
		put(c, b, "required", iso);
		append(c, any, a);
		append(c, any, b);
		put(c, o, "anyOf", any);
	}
	return o;
}

static void define_map(Ctx *c, const DcatitFmtMap *m)
{
	if (dcatit_json_get(c->defs, m->id))
		return;
	/* a placeholder first: a map reached again while being built is done */
	put(c, c->defs, m->id, dcatit_json_object());
	put(c, c->defs, m->id, map_schema(c, m));
}

typedef struct {
	const char *file, *title;
	const DcatitFmtMap *root; /* NULL: organizations.yaml */
} Kind;

static const Kind kinds[DCATIT_SCHEMA_N] = {
	[DCATIT_SCHEMA_CATALOG] = { "catalog.schema.json", "dcatit catalog.yaml", &dcatit_fmt_catalog },
	[DCATIT_SCHEMA_ORGANIZATIONS] = { "organizations.schema.json", "dcatit organizations.yaml", NULL },
	[DCATIT_SCHEMA_RECORD] = { "record.schema.json", "dcatit dataset record", &dcatit_fmt_record },
	[DCATIT_SCHEMA_DICTIONARY] = { "dictionary.schema.json", "dcatit data dictionary", &dcatit_fmt_dictionary },
};

const char *dcatit_schema_file(DcatitSchemaKind kind)
{
	return kind < DCATIT_SCHEMA_N ? kinds[kind].file : NULL;
}

DcatitJson *dcatit_schema_new(DcatitSchemaKind kind,
                              DcatitCodes *const codes[DCATIT_CODES_N])
{
	if (kind >= DCATIT_SCHEMA_N)
		return NULL;
	Ctx c = { dcatit_json_object(), codes, false };
	DcatitJson *top;
	if (kinds[kind].root) {
		top = map_schema(&c, kinds[kind].root);
	} else {
		/* a mapping key -> entry; keys are [a-z][a-z0-9_]* */
		define_map(&c, &dcatit_fmt_organisation);
		top = dcatit_json_object();
		DcatitJson *names = dcatit_json_object();
		put_str(&c, names, "pattern", "^[a-z][a-z0-9_]*$");
		put_str(&c, top, "type", "object");
		put(&c, top, "minProperties", dcatit_json_integer(1));
		put(&c, top, "propertyNames", names);
		put(&c, top, "additionalProperties", ref(&c, dcatit_fmt_organisation.id));
	}
	put_str(&c, top, "$schema", "http://json-schema.org/draft-07/schema#");
	put_str(&c, top, "title", kinds[kind].title);
	put_str(&c, top, "description", "generated by dcatit from the tables its loader checks "
	        "against (catalog/README.md); do not edit");
	put(&c, top, "definitions", c.defs);
	if (c.oom) {
		dcatit_json_free(top);
		return NULL;
	}
	return top;
}
