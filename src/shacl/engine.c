/* engine.c: the SHACL Core validator. dcatit_shapes_compile() finds every
 * shape of the shapes graph and turns it into a Shape with an array of
 * Constraints (parameters parsed, lists read, regexes compiled, paths
 * built); dcatit_shacl_validate() then only follows indexes and compares
 * term ids. Nested shapes (sh:node, sh:not, sh:and, ...) are evaluated in
 * a "check" mode that stops at the first failure and records nothing. */
#include "shacl/engine.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "shacl/idmap.h"
#include "shacl/path.h"
#include "shacl/xsd.h"

#define SH "http://www.w3.org/ns/shacl#"
#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define XSD "http://www.w3.org/2001/XMLSchema#"

/* Nesting of shape evaluations (sh:node in sh:node ...) before we give up
 * with DCATIT_ERR_LIMIT: far beyond any real shapes graph, well within the
 * C stack. */
#define MAX_DEPTH 1000

/* sh:pattern gets a budget linear in the length of the value: what a
 * regular expression that does not backtrack wildly needs, and no more.
 * PCRE2's own limit (10 million steps) let one value of "^(a+)+$" cost
 * 53 ms, 200 such values 10 s; with this budget each gives up after about
 * 0.5 ms. Measured on an 84 KB WKT POLYGON (4,000 points), the shipped
 * patterns need at most 252,034 steps (3 per character, the CRS84
 * lookahead) and a backtracking depth of 32,001 (the WKT grammar, in the
 * interpreter); 10 steps and 1 depth level per character keep 3x room.
 * The depth bounds the interpreter's backtracking memory. A value that
 * exhausts the budget is a failure of the check, reported apart
 * (DcatitResults.failures), not a violation of the data. */
#define PATTERN_BASE_STEPS 100000u
#define PATTERN_STEPS_PER_BYTE 10u
#define PATTERN_MAX_STEPS 100000000u
#define PATTERN_BASE_DEPTH 10000u
#define PATTERN_MAX_DEPTH 2000000u

/* X(field, IRI) */
#define SH_TERMS(X) \
	X(NodeShape, SH "NodeShape") \
	X(PropertyShape, SH "PropertyShape") \
	X(path, SH "path") \
	X(targetClass, SH "targetClass") \
	X(targetNode, SH "targetNode") \
	X(targetSubjectsOf, SH "targetSubjectsOf") \
	X(targetObjectsOf, SH "targetObjectsOf") \
	X(severity, SH "severity") \
	X(message, SH "message") \
	X(deactivated, SH "deactivated") \
	X(Violation, SH "Violation") \
	X(flags, SH "flags") \
	X(qualifiedMinCount, SH "qualifiedMinCount") \
	X(qualifiedMaxCount, SH "qualifiedMaxCount") \
	X(qualifiedValueShapesDisjoint, SH "qualifiedValueShapesDisjoint") \
	X(ignoredProperties, SH "ignoredProperties") \
	X(property, SH "property") \
	X(BlankNode, SH "BlankNode") \
	X(IRI, SH "IRI") \
	X(Literal, SH "Literal") \
	X(BlankNodeOrIRI, SH "BlankNodeOrIRI") \
	X(BlankNodeOrLiteral, SH "BlankNodeOrLiteral") \
	X(IRIOrLiteral, SH "IRIOrLiteral") \
	X(rdf_type, RDF "type") \
	X(rdf_first, RDF "first") \
	X(rdf_rest, RDF "rest") \
	X(rdf_nil, RDF "nil") \
	X(rdfs_subClassOf, RDFS "subClassOf") \
	X(rdfs_Class, RDFS "Class") \
	X(xsd_boolean, XSD "boolean")

typedef struct {
#define SH_FIELD(f, iri) DcatitTermId f;
	SH_TERMS(SH_FIELD)
#undef SH_FIELD
	DcatitTermId true_lit; /* "true"^^xsd:boolean */
} ShTerms;

/* X(kind, parameter, component): one constraint component each. */
#define KINDS(X) \
	X(K_CLASS, "class", "ClassConstraintComponent") \
	X(K_DATATYPE, "datatype", "DatatypeConstraintComponent") \
	X(K_NODEKIND, "nodeKind", "NodeKindConstraintComponent") \
	X(K_MINCOUNT, "minCount", "MinCountConstraintComponent") \
	X(K_MAXCOUNT, "maxCount", "MaxCountConstraintComponent") \
	X(K_MINEXCL, "minExclusive", "MinExclusiveConstraintComponent") \
	X(K_MININCL, "minInclusive", "MinInclusiveConstraintComponent") \
	X(K_MAXEXCL, "maxExclusive", "MaxExclusiveConstraintComponent") \
	X(K_MAXINCL, "maxInclusive", "MaxInclusiveConstraintComponent") \
	X(K_MINLEN, "minLength", "MinLengthConstraintComponent") \
	X(K_MAXLEN, "maxLength", "MaxLengthConstraintComponent") \
	X(K_PATTERN, "pattern", "PatternConstraintComponent") \
	X(K_LANGIN, "languageIn", "LanguageInConstraintComponent") \
	X(K_UNIQUELANG, "uniqueLang", "UniqueLangConstraintComponent") \
	X(K_EQUALS, "equals", "EqualsConstraintComponent") \
	X(K_DISJOINT, "disjoint", "DisjointConstraintComponent") \
	X(K_LT, "lessThan", "LessThanConstraintComponent") \
	X(K_LTE, "lessThanOrEquals", "LessThanOrEqualsConstraintComponent") \
	X(K_NOT, "not", "NotConstraintComponent") \
	X(K_AND, "and", "AndConstraintComponent") \
	X(K_OR, "or", "OrConstraintComponent") \
	X(K_XONE, "xone", "XoneConstraintComponent") \
	X(K_NODE, "node", "NodeConstraintComponent") \
	X(K_PROPERTY, "property", "PropertyConstraintComponent") \
	X(K_QMIN, "qualifiedValueShape", "QualifiedMinCountConstraintComponent") \
	X(K_QMAX, "qualifiedValueShape", "QualifiedMaxCountConstraintComponent") \
	X(K_CLOSED, "closed", "ClosedConstraintComponent") \
	X(K_HASVALUE, "hasValue", "HasValueConstraintComponent") \
	X(K_IN, "in", "InConstraintComponent")

typedef enum {
#define KIND_ENUM(k, param, comp) k,
	KINDS(KIND_ENUM)
#undef KIND_ENUM
	K_COUNT
} Kind;

static const char *const kind_param[K_COUNT] = {
#define KIND_PARAM(k, param, comp) SH param,
	KINDS(KIND_PARAM)
#undef KIND_PARAM
};

static const char *const kind_component[K_COUNT] = {
#define KIND_COMP(k, param, comp) SH comp,
	KINDS(KIND_COMP)
#undef KIND_COMP
};

enum { NK_IRI = 1, NK_BNODE = 2, NK_LITERAL = 4 };

typedef struct {
	Kind kind;
	DcatitTermId param;   /* the parameter's value in the shapes graph */
	DcatitTermId term;    /* class, datatype, property, hasValue term */
	long long num;        /* counts and lengths */
	uint32_t shape;       /* node, not, property, qualified value shape */
	uint32_t off, n;      /* pool slice: in, languageIn, shape lists,
	                       * closed: allowed predicates (sorted) */
	uint32_t off2, n2;    /* pool slice: qualified sibling shapes */
	unsigned mask;        /* node kinds */
	DcatitXsdType xsd;
	pcre2_code *re;
} Constraint;

typedef enum { T_CLASS, T_NODE, T_SUBJECTS_OF, T_OBJECTS_OF } TargetKind;

typedef struct {
	TargetKind kind;
	DcatitTermId term;
} Target;

typedef struct {
	DcatitTermId node;
	DcatitTermId path_node; /* 0 for node shapes */
	DcatitPath *path;
	DcatitTermId severity;
	DcatitTermId message;
	bool deactivated;
	uint32_t con_off, ncon;
	uint32_t tgt_off, ntgt;
} Shape;

struct DcatitShapesImpl {
	DcatitModel *g;
	DcatitTerms *t;
	ShTerms sh;
	DcatitTermId param_pred[K_COUNT];
	DcatitTermId component[K_COUNT];
	DcatitXsdMap xsd;
	Shape *shapes;
	size_t nshapes, capshapes;
	Constraint *cons;
	size_t ncons, capcons;
	Target *targets;
	size_t ntargets, captargets;
	uint32_t *pool;
	size_t npool, cappool;
	DcatitIdMap index; /* shape node -> shape index */
};

/* ---- small growable arrays ---- */

static bool grow_array(void **p, size_t *cap, size_t need, size_t size)
{
	void *q = dcatit_grow(*p, cap, need, size, 32);
	if (!q)
		return false;
	*p = q;
	return true;
}

static bool pool_push(DcatitShapes *s, uint32_t v)
{
	if (!grow_array((void **)&s->pool, &s->cappool, s->npool + 1, sizeof *s->pool))
		return false;
	s->pool[s->npool++] = v;
	return true;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Sort v[off .. off+n): an empty run may sit in a still-NULL array, and
 * both NULL + 0 and qsort(NULL, 0) are undefined behaviour. */
static void sort_u32(uint32_t *v, size_t off, size_t n)
{
	if (n > 1)
		qsort(v + off, n, sizeof *v, cmp_u32);
}

/* Is key in the sorted run v[off .. off+n)? v may be NULL when n is 0. */
static bool sorted_has(const uint32_t *v, size_t off, size_t n, uint32_t key)
{
	if (n == 0)
		return false;
	v += off;
	size_t a = 0, b = n;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (v[mid] < key)
			a = mid + 1;
		else
			b = mid;
	}
	return a < n && v[a] == key;
}

/* ---- compilation ---- */

typedef struct {
	DcatitShapes *s;
	DcatitDiag *d;
} Comp;

static DcatitTermId obj(const DcatitShapes *s, uint32_t idx)
{
	return dcatit_model_triple(s->g, idx)->o;
}

/* A located DCATIT_ERR_SHAPES about the triple (node, pred, ...). */
static DcatitStatus shape_error(Comp *c, DcatitTermId node, DcatitTermId pred,
                                const char *what)
{
	DcatitShapes *s = c->s;
	DcatitRange r = dcatit_model_sp(s->g, node, pred);
	DcatitLoc loc = r.n ? dcatit_model_loc(s->g, r.idx[0])
	                    : dcatit_model_node_loc(s->g, node);
	const char *name = dcatit_terms_str(s->t, pred);
	const char *local = strrchr(name, '#');
	return dcatit_diag_set(c->d, DCATIT_ERR_SHAPES,
	                       dcatit_model_source_name(s->g, loc.file), loc.line, 0,
	                       "ill-formed shape %s%s: sh:%s %s",
	                       dcatit_terms_is_bnode(s->t, node) ? "_:" : "",
	                       dcatit_terms_str(s->t, node), local ? local + 1 : name,
	                       _(what));
}

static DcatitStatus nomem(Comp *c)
{
	return dcatit_diag_set(c->d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

/* The index of the shape at node, registering it when new. */
static DcatitStatus shape_ref(Comp *c, DcatitTermId node, uint32_t *out)
{
	DcatitShapes *s = c->s;
	if (dcatit_idmap_get(&s->index, node, out))
		return DCATIT_OK;
	if (!grow_array((void **)&s->shapes, &s->capshapes, s->nshapes + 1,
	                sizeof *s->shapes))
		return nomem(c);
	uint32_t idx = (uint32_t)s->nshapes;
	if (dcatit_idmap_put(&s->index, node, idx) < 0)
		return nomem(c);
	memset(&s->shapes[idx], 0, sizeof s->shapes[idx]);
	s->shapes[idx].node = node;
	s->nshapes++;
	*out = idx;
	return DCATIT_OK;
}

/* Read an RDF list into the pool; off and n receive the slice. */
static DcatitStatus list_to_pool(Comp *c, DcatitTermId owner, DcatitTermId pred,
                                 DcatitTermId head, uint32_t *off, uint32_t *n)
{
	DcatitShapes *s = c->s;
	DcatitTermId *items;
	size_t k;
	DcatitStatus st = dcatit_model_list(s->g, head, s->sh.rdf_first,
	                                    s->sh.rdf_rest, s->sh.rdf_nil, &items, &k);
	if (st == DCATIT_ERR_NOMEM)
		return nomem(c);
	if (st)
		return shape_error(c, owner, pred, "is not a well-formed rdf list");
	*off = (uint32_t)s->npool;
	*n = (uint32_t)k;
	for (size_t i = 0; i < k; i++)
		if (!pool_push(s, items[i])) {
			free(items);
			return nomem(c);
		}
	free(items);
	return DCATIT_OK;
}

/* A list of shapes: read the list, then replace each node by its index. */
static DcatitStatus shape_list(Comp *c, DcatitTermId owner, DcatitTermId pred,
                               DcatitTermId head, uint32_t *off, uint32_t *n)
{
	DcatitStatus st = list_to_pool(c, owner, pred, head, off, n);
	for (uint32_t i = 0; !st && i < *n; i++) {
		DcatitTermId node = c->s->pool[*off + i];
		if (dcatit_terms_is_literal(c->s->t, node))
			return shape_error(c, owner, pred, "lists a literal as a shape");
		st = shape_ref(c, node, &c->s->pool[*off + i]);
	}
	return st;
}

/* A non-negative integer parameter. */
static DcatitStatus int_param(Comp *c, DcatitTermId node, DcatitTermId pred,
                              DcatitTermId v, long long *out)
{
	const DcatitTerms *t = c->s->t;
	const char *str = dcatit_terms_str(t, v);
	size_t len = dcatit_terms_len(t, v);
	if (!dcatit_terms_is_literal(t, v) ||
	    !dcatit_xsd_lexical_ok(DCATIT_XSD_INTEGER, str, len) || len > 18)
		return shape_error(c, node, pred, "needs an integer");
	*out = strtoll(str, NULL, 10);
	return DCATIT_OK;
}

static bool is_true(const DcatitShapes *s, DcatitTermId v)
{
	return v == s->sh.true_lit;
}

static DcatitStatus add_con(Comp *c, const Constraint *k)
{
	DcatitShapes *s = c->s;
	if (!grow_array((void **)&s->cons, &s->capcons, s->ncons + 1, sizeof *s->cons))
		return nomem(c);
	s->cons[s->ncons++] = *k;
	return DCATIT_OK;
}

static DcatitStatus compile_pattern(Comp *c, DcatitTermId node, DcatitTermId v,
                                    pcre2_code **out)
{
	DcatitShapes *s = c->s;
	const DcatitTerms *t = s->t;
	if (!dcatit_terms_is_literal(t, v))
		return shape_error(c, node, c->s->param_pred[K_PATTERN], "needs a literal");
	/* XPath regex semantics: '$' is the end of the string, not also before
	 * a final newline (unless 'm') */
	uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY;
	DcatitTermId flags = dcatit_model_object(s->g, node, s->sh.flags);
	if (flags) {
		const char *f = dcatit_terms_str(t, flags);
		for (; *f; f++) {
			switch (*f) {
			case 'i': opts |= PCRE2_CASELESS; break;
			case 'm': opts |= PCRE2_MULTILINE; break;
			case 's': opts |= PCRE2_DOTALL; break;
			case 'x': opts |= PCRE2_EXTENDED; break;
			case 'q': opts |= PCRE2_LITERAL; break;
			default:
				return shape_error(c, node, s->sh.flags, "has an unknown flag");
			}
		}
	}
	int err;
	PCRE2_SIZE at;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)dcatit_terms_str(t, v),
	                               dcatit_terms_len(t, v), opts, &err, &at, NULL);
	if (!re) {
		char msg[256];
		pcre2_get_error_message(err, (PCRE2_UCHAR *)msg, sizeof msg);
		DcatitRange r = dcatit_model_sp(s->g, node, s->param_pred[K_PATTERN]);
		DcatitLoc loc = r.n ? dcatit_model_loc(s->g, r.idx[0])
		                    : dcatit_model_node_loc(s->g, node);
		return dcatit_diag_set(c->d, DCATIT_ERR_SHAPES,
		                       dcatit_model_source_name(s->g, loc.file), loc.line,
		                       0, "bad sh:pattern '%s' at offset %zu: %s",
		                       dcatit_terms_str(t, v), (size_t)at, msg);
	}
	/* JIT is an optimisation: without it (no support) matching still works */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	*out = re;
	return DCATIT_OK;
}

/* Predicates a closed shape allows: the IRI paths of its property shapes
 * and the sh:ignoredProperties, sorted into the pool. */
static DcatitStatus closed_allowed(Comp *c, DcatitTermId node, Constraint *k)
{
	DcatitShapes *s = c->s;
	DcatitRange props = dcatit_model_sp(s->g, node, s->sh.property);
	uint32_t off = (uint32_t)s->npool;
	for (size_t i = 0; i < props.n; i++) {
		DcatitRange paths = dcatit_model_sp(s->g, obj(s, props.idx[i]), s->sh.path);
		for (size_t j = 0; j < paths.n; j++) {
			DcatitTermId p = obj(s, paths.idx[j]);
			if (dcatit_terms_is_iri(s->t, p) && !pool_push(s, p))
				return nomem(c);
		}
	}
	DcatitRange ign = dcatit_model_sp(s->g, node, s->sh.ignoredProperties);
	for (size_t i = 0; i < ign.n; i++) {
		uint32_t o2, n2;
		DcatitStatus st = list_to_pool(c, node, s->sh.ignoredProperties,
		                               obj(s, ign.idx[i]), &o2, &n2);
		if (st)
			return st;
	}
	k->off = off;
	k->n = (uint32_t)(s->npool - off);
	sort_u32(s->pool, off, k->n);
	return DCATIT_OK;
}

/* Shapes of sh:qualifiedValueShape of the siblings of property shape node
 * (the other sh:property values of its parents). */
static DcatitStatus qualified_siblings(Comp *c, DcatitTermId node, Constraint *k)
{
	DcatitShapes *s = c->s;
	DcatitRange parents = dcatit_model_po(s->g, s->sh.property, node);
	/* collect sibling nodes first: shape_ref may not move the ranges, but
	 * the pool grows while we read */
	DcatitIds sib = {0};
	for (size_t i = 0; i < parents.n; i++) {
		DcatitTermId parent = dcatit_model_triple(s->g, parents.idx[i])->s;
		DcatitRange props = dcatit_model_sp(s->g, parent, s->sh.property);
		for (size_t j = 0; j < props.n; j++) {
			DcatitTermId p = obj(s, props.idx[j]);
			if (p == node)
				continue;
			DcatitRange q = dcatit_model_sp(s->g, p, s->param_pred[K_QMIN]);
			for (size_t m = 0; m < q.n; m++)
				if (!dcatit_ids_push(&sib, obj(s, q.idx[m]))) {
					dcatit_ids_release(&sib);
					return nomem(c);
				}
		}
	}
	dcatit_ids_unique_from(&sib, 0);
	k->off2 = (uint32_t)s->npool;
	k->n2 = 0;
	for (size_t i = 0; i < sib.n; i++) {
		uint32_t idx;
		if (dcatit_terms_is_literal(s->t, sib.v[i]))
			continue;
		DcatitStatus st = shape_ref(c, sib.v[i], &idx);
		if (st || !pool_push(s, idx)) {
			dcatit_ids_release(&sib);
			return st ? st : nomem(c);
		}
		k->n2++;
	}
	dcatit_ids_release(&sib);
	return DCATIT_OK;
}

static DcatitStatus compile_constraint(Comp *c, uint32_t si, Kind kind,
                                       DcatitTermId v)
{
	DcatitShapes *s = c->s;
	const DcatitTerms *t = s->t;
	DcatitTermId node = s->shapes[si].node;
	DcatitTermId pred = s->param_pred[kind];
	Constraint k;
	memset(&k, 0, sizeof k);
	k.kind = kind;
	k.param = v;
	k.term = v;
	DcatitStatus st = DCATIT_OK;
	switch (kind) {
	case K_CLASS:
	case K_EQUALS:
	case K_DISJOINT:
	case K_LT:
	case K_LTE:
		if (dcatit_terms_is_literal(t, v))
			return shape_error(c, node, pred, "needs an IRI");
		break;
	case K_DATATYPE:
		if (!dcatit_terms_is_iri(t, v))
			return shape_error(c, node, pred, "needs an IRI");
		k.xsd = dcatit_xsd_map_type(&s->xsd, v);
		break;
	case K_NODEKIND:
		if (v == s->sh.IRI)
			k.mask = NK_IRI;
		else if (v == s->sh.BlankNode)
			k.mask = NK_BNODE;
		else if (v == s->sh.Literal)
			k.mask = NK_LITERAL;
		else if (v == s->sh.BlankNodeOrIRI)
			k.mask = NK_BNODE | NK_IRI;
		else if (v == s->sh.BlankNodeOrLiteral)
			k.mask = NK_BNODE | NK_LITERAL;
		else if (v == s->sh.IRIOrLiteral)
			k.mask = NK_IRI | NK_LITERAL;
		else
			return shape_error(c, node, pred, "is not one of the six node kinds");
		break;
	case K_MINCOUNT:
	case K_MAXCOUNT:
	case K_MINLEN:
	case K_MAXLEN:
		st = int_param(c, node, pred, v, &k.num);
		break;
	case K_MINEXCL:
	case K_MININCL:
	case K_MAXEXCL:
	case K_MAXINCL:
	case K_HASVALUE:
		break;
	case K_PATTERN:
		st = compile_pattern(c, node, v, &k.re);
		break;
	case K_LANGIN:
		st = list_to_pool(c, node, pred, v, &k.off, &k.n);
		for (uint32_t i = 0; !st && i < k.n; i++)
			if (!dcatit_terms_is_literal(t, s->pool[k.off + i]))
				st = shape_error(c, node, pred, "lists a non-literal");
		break;
	case K_IN:
		st = list_to_pool(c, node, pred, v, &k.off, &k.n);
		if (!st)
			sort_u32(s->pool, k.off, k.n);
		break;
	case K_UNIQUELANG:
		/* only the literal true activates it (W3C uniqueLang-002) */
		if (!is_true(s, v))
			return DCATIT_OK;
		break;
	case K_CLOSED:
		if (!is_true(s, v))
			return DCATIT_OK;
		st = closed_allowed(c, node, &k);
		break;
	case K_AND:
	case K_OR:
	case K_XONE:
		st = shape_list(c, node, pred, v, &k.off, &k.n);
		break;
	case K_NOT:
	case K_NODE:
	case K_PROPERTY:
		if (dcatit_terms_is_literal(t, v))
			return shape_error(c, node, pred, "needs a shape, not a literal");
		st = shape_ref(c, v, &k.shape);
		break;
	case K_QMIN:
	case K_QMAX: {
		if (dcatit_terms_is_literal(t, v))
			return shape_error(c, node, pred, "needs a shape, not a literal");
		DcatitTermId cp = kind == K_QMIN ? s->sh.qualifiedMinCount
		                                 : s->sh.qualifiedMaxCount;
		DcatitTermId cv = dcatit_model_object(s->g, node, cp);
		if (!cv)
			return DCATIT_OK;
		st = int_param(c, node, cp, cv, &k.num);
		k.param = cv; /* the count says more in a message than the shape */
		if (!st)
			st = shape_ref(c, v, &k.shape);
		if (!st && dcatit_model_has(s->g, node, s->sh.qualifiedValueShapesDisjoint,
		                            s->sh.true_lit))
			st = qualified_siblings(c, node, &k);
		break;
	}
	case K_COUNT:
		break;
	}
	if (!st)
		st = add_con(c, &k);
	if (st)
		pcre2_code_free(k.re);
	return st;
}

/* Is node a SHACL class in the shapes graph (an implicit class target)?
 * rdfs:Class and its subclasses there. owl:Class only counts when the
 * graph says it is a subclass of rdfs:Class, as the spec requires. */
static bool is_class(DcatitShapes *s, DcatitTermId node)
{
	DcatitRange types = dcatit_model_sp(s->g, node, s->sh.rdf_type);
	for (size_t i = 0; i < types.n; i++) {
		DcatitTermId ty = obj(s, types.idx[i]);
		if (ty == s->sh.rdfs_Class)
			return true;
	}
	/* subclasses of rdfs:Class declared in the shapes graph: rare, so a
	 * bounded walk per candidate is enough */
	for (size_t i = 0; i < types.n; i++) {
		DcatitTermId cur = obj(s, types.idx[i]);
		for (int depth = 0; depth < 16 && cur; depth++) {
			DcatitTermId up = dcatit_model_object(s->g, cur, s->sh.rdfs_subClassOf);
			if (up == s->sh.rdfs_Class)
				return true;
			cur = up;
		}
	}
	return false;
}

/* The sh:message to report: English, else untagged, else the first. */
static DcatitTermId pick_message(DcatitShapes *s, DcatitTermId node)
{
	DcatitRange r = dcatit_model_sp(s->g, node, s->sh.message);
	DcatitTermId first = 0, plain = 0;
	for (size_t i = 0; i < r.n; i++) {
		DcatitTermId m = obj(s, r.idx[i]);
		const char *lang = dcatit_terms_lang(s->t, m);
		if ((lang[0] == 'e' || lang[0] == 'E') && (lang[1] == 'n' || lang[1] == 'N') &&
		    (lang[2] == 0 || lang[2] == '-'))
			return m;
		if (!lang[0] && !plain)
			plain = m;
		if (!first)
			first = m;
	}
	return plain ? plain : first;
}

static DcatitStatus add_target(Comp *c, TargetKind kind, DcatitTermId term)
{
	DcatitShapes *s = c->s;
	if (!grow_array((void **)&s->targets, &s->captargets, s->ntargets + 1,
	                sizeof *s->targets))
		return nomem(c);
	s->targets[s->ntargets++] = (Target){kind, term};
	return DCATIT_OK;
}

static DcatitStatus compile_shape(Comp *c, uint32_t si)
{
	DcatitShapes *s = c->s;
	DcatitTermId node = s->shapes[si].node;
	DcatitStatus st;

	DcatitRange pr = dcatit_model_sp(s->g, node, s->sh.path);
	if (pr.n > 1)
		return shape_error(c, node, s->sh.path, "has more than one value");
	if (pr.n == 1) {
		DcatitTermId pn = obj(s, pr.idx[0]);
		DcatitPath *p = dcatit_path_compile(s->g, pn, c->d);
		if (!p)
			return c->d ? c->d->status : DCATIT_ERR_SHAPES;
		s->shapes[si].path = p;
		s->shapes[si].path_node = pn;
	}
	DcatitTermId sev = dcatit_model_object(s->g, node, s->sh.severity);
	s->shapes[si].severity = sev ? sev : s->sh.Violation;
	s->shapes[si].message = pick_message(s, node);
	s->shapes[si].deactivated =
	        dcatit_model_has(s->g, node, s->sh.deactivated, s->sh.true_lit);

	s->shapes[si].tgt_off = (uint32_t)s->ntargets;
	static const struct {
		size_t field;
		TargetKind kind;
	} tk[] = {
		{offsetof(ShTerms, targetClass), T_CLASS},
		{offsetof(ShTerms, targetNode), T_NODE},
		{offsetof(ShTerms, targetSubjectsOf), T_SUBJECTS_OF},
		{offsetof(ShTerms, targetObjectsOf), T_OBJECTS_OF},
	};
	for (size_t i = 0; i < sizeof tk / sizeof tk[0]; i++) {
		DcatitTermId pred = *(const DcatitTermId *)((const char *)&s->sh + tk[i].field);
		DcatitRange r = dcatit_model_sp(s->g, node, pred);
		for (size_t j = 0; j < r.n; j++)
			if ((st = add_target(c, tk[i].kind, obj(s, r.idx[j]))))
				return st;
	}
	if (is_class(s, node) && (st = add_target(c, T_CLASS, node)))
		return st;
	s->shapes[si].ntgt = (uint32_t)(s->ntargets - s->shapes[si].tgt_off);

	s->shapes[si].con_off = (uint32_t)s->ncons;
	for (int kind = 0; kind < K_COUNT; kind++) {
		DcatitRange r = dcatit_model_sp(s->g, node, s->param_pred[kind]);
		/* compile_constraint may add triples' terms to the store but not
		 * triples to the graph, so the range stays valid */
		for (size_t j = 0; j < r.n; j++)
			if ((st = compile_constraint(c, si, (Kind)kind, obj(s, r.idx[j]))))
				return st;
	}
	s->shapes[si].ncon = (uint32_t)(s->ncons - s->shapes[si].con_off);
	return DCATIT_OK;
}

static bool intern_terms(DcatitShapes *s)
{
	DcatitTerms *t = s->t;
#define SH_INTERN(f, iri) \
	if (!(s->sh.f = dcatit_terms_iri_z(t, iri))) \
		return false;
	SH_TERMS(SH_INTERN)
#undef SH_INTERN
	s->sh.true_lit = dcatit_terms_literal_z(t, "true", s->sh.xsd_boolean, NULL);
	if (!s->sh.true_lit)
		return false;
	for (int k = 0; k < K_COUNT; k++)
		if (!(s->param_pred[k] = dcatit_terms_iri_z(t, kind_param[k])) ||
		    !(s->component[k] = dcatit_terms_iri_z(t, kind_component[k])))
			return false;
	return dcatit_xsd_map_init(&s->xsd, t);
}

/* Register the shapes that do not depend on being referenced: instances of
 * sh:NodeShape / sh:PropertyShape, subjects of targets and of constraint
 * parameters. Shapes that are only referenced (sh:node, sh:property, ...)
 * are registered while compiling. */
static DcatitStatus find_roots(Comp *c)
{
	DcatitShapes *s = c->s;
	DcatitStatus st;
	uint32_t idx;
	DcatitTermId classes[2] = {s->sh.NodeShape, s->sh.PropertyShape};
	for (int i = 0; i < 2; i++) {
		/* instances of the class and of its subclasses in the shapes graph */
		DcatitIds todo = {0};
		if (!dcatit_ids_push(&todo, classes[i]))
			return nomem(c);
		for (size_t k = 0; k < todo.n && k < 256; k++) {
			DcatitRange r = dcatit_model_po(s->g, s->sh.rdf_type, todo.v[k]);
			for (size_t j = 0; j < r.n; j++) {
				DcatitTermId n = dcatit_model_triple(s->g, r.idx[j])->s;
				if ((st = shape_ref(c, n, &idx))) {
					dcatit_ids_release(&todo);
					return st;
				}
			}
			DcatitRange sub = dcatit_model_po(s->g, s->sh.rdfs_subClassOf, todo.v[k]);
			for (size_t j = 0; j < sub.n; j++)
				if (!dcatit_ids_push(&todo, dcatit_model_triple(s->g, sub.idx[j])->s)) {
					dcatit_ids_release(&todo);
					return nomem(c);
				}
		}
		dcatit_ids_release(&todo);
	}
	DcatitTermId preds[4 + K_COUNT];
	size_t np = 0;
	preds[np++] = s->sh.targetClass;
	preds[np++] = s->sh.targetNode;
	preds[np++] = s->sh.targetSubjectsOf;
	preds[np++] = s->sh.targetObjectsOf;
	for (int k = 0; k < K_COUNT; k++)
		preds[np++] = s->param_pred[k];
	for (size_t i = 0; i < np; i++) {
		DcatitRange r = dcatit_model_po(s->g, preds[i], 0);
		for (size_t j = 0; j < r.n; j++)
			if ((st = shape_ref(c, dcatit_model_triple(s->g, r.idx[j])->s, &idx)))
				return st;
	}
	return DCATIT_OK;
}

DcatitShapes *dcatit_shapes_compile(DcatitModel *shapes_graph, DcatitDiag *d)
{
	DcatitShapes *s = calloc(1, sizeof *s);
	if (!s) {
		dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	s->g = shapes_graph;
	s->t = dcatit_model_terms(shapes_graph);
	dcatit_idmap_init(&s->index);
	Comp c = {s, d};
	DcatitStatus st = DCATIT_OK;
	if (!intern_terms(s))
		st = nomem(&c);
	if (!st)
		st = dcatit_model_freeze(shapes_graph);
	if (!st)
		st = find_roots(&c);
	/* compiling a shape may register more (referenced) shapes */
	for (uint32_t i = 0; !st && i < s->nshapes; i++)
		st = compile_shape(&c, i);
	if (st) {
		if (st == DCATIT_ERR_NOMEM)
			nomem(&c);
		dcatit_shapes_free(s);
		return NULL;
	}
	return s;
}

void dcatit_shapes_free(DcatitShapes *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nshapes; i++)
		dcatit_path_free(s->shapes[i].path);
	for (size_t i = 0; i < s->ncons; i++)
		pcre2_code_free(s->cons[i].re);
	free(s->shapes);
	free(s->cons);
	free(s->targets);
	free(s->pool);
	dcatit_idmap_release(&s->index);
	free(s);
}

DcatitModel *dcatit_shapes_graph(const DcatitShapes *s)
{
	return s->g;
}

size_t dcatit_shapes_count(const DcatitShapes *s)
{
	return s->nshapes;
}

/* ---- validation ---- */

typedef struct {
	uint32_t shape;
	DcatitTermId focus;
} Frame;

typedef struct {
	const DcatitShapes *s;
	DcatitModel *d;
	const DcatitTerms *t;
	DcatitResults *out;
	DcatitDiag *diag;
	DcatitStatus st;
	DcatitIds vals;         /* value nodes of the shapes being evaluated */
	Frame *stack;
	size_t depth;
	DcatitIdMap classes;    /* class -> index into closures */
	DcatitIds closure_pool; /* sorted subclass closures, back to back */
	struct {
		uint32_t off, n;
	} *closures;
	size_t nclosures, capclosures;
	pcre2_match_data *md;
	pcre2_match_context *mctx; /* the limits of sh:pattern */
	DcatitIdMap *memo;      /* per shape: focus -> conforms, check mode */
} Ctx;

static int fail_nomem(Ctx *c)
{
	c->st = dcatit_diag_set(c->diag, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	return -1;
}

/* The subclass closure of cls in the data graph (cls included), cached. */
static bool class_closure(Ctx *c, DcatitTermId cls, const DcatitTermId **v,
                          size_t *n)
{
	uint32_t ci;
	if (!dcatit_idmap_get(&c->classes, cls, &ci)) {
		size_t off = c->closure_pool.n;
		if (!dcatit_ids_push(&c->closure_pool, cls))
			return false;
		DcatitTermId sub = c->s->sh.rdfs_subClassOf;
		DcatitIdMap seen;
		dcatit_idmap_init(&seen);
		if (dcatit_idmap_put(&seen, cls, 0) < 0)
			return false;
		for (size_t k = off; k < c->closure_pool.n; k++) {
			DcatitRange r = dcatit_model_po(c->d, sub, c->closure_pool.v[k]);
			for (size_t j = 0; j < r.n; j++) {
				DcatitTermId x = dcatit_model_triple(c->d, r.idx[j])->s;
				int added = dcatit_idmap_put(&seen, x, 0);
				if (added < 0 || (added && !dcatit_ids_push(&c->closure_pool, x))) {
					dcatit_idmap_release(&seen);
					return false;
				}
			}
		}
		dcatit_idmap_release(&seen);
		sort_u32(c->closure_pool.v, off, c->closure_pool.n - off);
		if (!grow_array((void **)&c->closures, &c->capclosures, c->nclosures + 1,
		                sizeof *c->closures))
			return false;
		ci = (uint32_t)c->nclosures++;
		c->closures[ci].off = (uint32_t)off;
		c->closures[ci].n = (uint32_t)(c->closure_pool.n - off);
		if (dcatit_idmap_put(&c->classes, cls, ci) < 0)
			return false;
	}
	*v = c->closure_pool.v + c->closures[ci].off;
	*n = c->closures[ci].n;
	return true;
}

/* Is v a SHACL instance of cls? -1 on out of memory. */
static int is_instance(Ctx *c, DcatitTermId v, DcatitTermId cls)
{
	DcatitRange types = dcatit_model_sp(c->d, v, c->s->sh.rdf_type);
	if (!types.n)
		return 0;
	const DcatitTermId *cl;
	size_t ncl;
	if (!class_closure(c, cls, &cl, &ncl))
		return fail_nomem(c);
	for (size_t i = 0; i < types.n; i++) {
		DcatitTermId ty = dcatit_model_triple(c->d, types.idx[i])->o;
		if (ncl == 1 ? ty == cls : sorted_has(cl, 0, ncl, ty))
			return 1;
	}
	return 0;
}

/* Location of triple (s, p, o) in the data, false when absent. */
static bool triple_loc(DcatitModel *m, DcatitTermId s, DcatitTermId p,
                       DcatitTermId o, DcatitLoc *loc)
{
	DcatitRange r = dcatit_model_sp(m, s, p);
	size_t a = 0, b = r.n;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (dcatit_model_triple(m, r.idx[mid])->o < o)
			a = mid + 1;
		else
			b = mid;
	}
	if (a < r.n && dcatit_model_triple(m, r.idx[a])->o == o) {
		*loc = dcatit_model_loc(m, r.idx[a]);
		return true;
	}
	return false;
}

/* Record a result (collect mode), or with failure a check that could not
 * be completed. path is the result path (0: the shape's own), value 0 for
 * none. Returns 0 (the constraint failed) or -1. */
static int report_to(Ctx *c, const Shape *sh, const Constraint *k,
                     DcatitTermId focus, DcatitTermId path, DcatitTermId value,
                     const DcatitLoc *at, bool failure)
{
	DcatitResult r;
	memset(&r, 0, sizeof r);
	r.focus = focus;
	r.value = value;
	r.shape = sh->node;
	r.component = c->s->component[k->kind];
	r.severity = sh->severity;
	r.message = sh->message;
	r.param = k->param;
	bool found = false;
	if (at) {
		r.loc = *at;
		found = true;
	}
	if (path) {
		r.path = path;
	} else if (sh->path) {
		const DcatitPath *p = sh->path;
		r.path = p->kind == DCATIT_PATH_PREDICATE ? p->pred : sh->path_node;
		if (!found && value && p->kind == DCATIT_PATH_PREDICATE)
			found = triple_loc(c->d, focus, p->pred, value, &r.loc);
		else if (!found && value && p->kind == DCATIT_PATH_INVERSE &&
		         p->sub[0]->kind == DCATIT_PATH_PREDICATE)
			found = triple_loc(c->d, value, p->sub[0]->pred, focus, &r.loc);
	}
	if (!found)
		r.loc = dcatit_model_node_loc(c->d, focus);
	if (failure ? dcatit_results_add_failure(c->out, &r) : dcatit_results_add(c->out, &r))
		return fail_nomem(c);
	return 0;
}

/* Record a result (collect mode); see report_to. */
static int report(Ctx *c, const Shape *sh, const Constraint *k,
                  DcatitTermId focus, DcatitTermId path, DcatitTermId value,
                  const DcatitLoc *at)
{
	return report_to(c, sh, k, focus, path, value, at, false);
}

static int eval_shape(Ctx *c, uint32_t si, DcatitTermId focus, bool collect);

/* pcre2_match within the budget of a value of len bytes. A JIT stack too
 * small for the value (a long WKT) is not a verdict: the interpreter,
 * bounded by the same budget, decides. */
static int pattern_match(Ctx *c, const pcre2_code *re, const char *s, size_t len)
{
	uint64_t steps = PATTERN_BASE_STEPS + (uint64_t)PATTERN_STEPS_PER_BYTE * len;
	uint64_t depth = PATTERN_BASE_DEPTH + (uint64_t)len;
	pcre2_set_match_limit(c->mctx, (uint32_t)(steps < PATTERN_MAX_STEPS ? steps
	                                          : PATTERN_MAX_STEPS));
	pcre2_set_depth_limit(c->mctx, (uint32_t)(depth < PATTERN_MAX_DEPTH ? depth
	                                          : PATTERN_MAX_DEPTH));
	int rc = pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, c->md, c->mctx);
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc = pcre2_match(re, (PCRE2_SPTR)s, len, 0, PCRE2_NO_JIT, c->md, c->mctx);
	return rc;
}

/* Value v failed: in check mode stop (0), else report and go on. */
#define FAILED(v) \
	do { \
		if (!collect) \
			return 0; \
		if (report(c, sh, k, focus, 0, (v), NULL) < 0) \
			return -1; \
		ok = 0; \
	} while (0)

static unsigned node_kind(const DcatitTerms *t, DcatitTermId v)
{
	switch (dcatit_terms_kind(t, v)) {
	case DCATIT_TERM_IRI: return NK_IRI;
	case DCATIT_TERM_BNODE: return NK_BNODE;
	case DCATIT_TERM_LITERAL: return NK_LITERAL;
	case DCATIT_TERM_NONE: return 0;
	}
	return 0;
}

static bool datatype_ok(Ctx *c, const Constraint *k, DcatitTermId v)
{
	const DcatitTerms *t = c->t;
	if (!dcatit_terms_is_literal(t, v) || dcatit_terms_datatype(t, v) != k->term)
		return false;
	if (k->xsd == DCATIT_XSD_LANGSTRING)
		return dcatit_terms_lang(t, v)[0] != 0;
	if (k->xsd == DCATIT_XSD_OTHER)
		return true;
	return dcatit_xsd_lexical_ok(k->xsd, dcatit_terms_str(t, v),
	                             dcatit_terms_len(t, v));
}

/* Number of Unicode code points of a UTF-8 string. */
static size_t utf8_length(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static bool ascii_ieq(char a, char b)
{
	if (a >= 'A' && a <= 'Z')
		a = (char)(a - 'A' + 'a');
	if (b >= 'A' && b <= 'Z')
		b = (char)(b - 'A' + 'a');
	return a == b;
}

/* SPARQL langMatches(tag, range) for a basic range. */
static bool lang_matches(const char *tag, const char *range)
{
	if (!tag[0])
		return false;
	if (range[0] == '*' && !range[1])
		return true;
	size_t i = 0;
	for (; range[i]; i++)
		if (!tag[i] || !ascii_ieq(tag[i], range[i]))
			return false;
	return tag[i] == 0 || tag[i] == '-';
}

static int lower_ascii(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : (unsigned char)c;
}

static bool lang_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (!ascii_ieq(*a, *b))
			return false;
	return *a == *b;
}

/* qsort order of language tags, ignoring ASCII case */
static int cmp_lang(const void *pa, const void *pb)
{
	const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
	for (; *a && lower_ascii(*a) == lower_ascii(*b); a++, b++)
		;
	return lower_ascii(*a) - lower_ascii(*b);
}

/* Values of predicate p at the focus node, as a sorted range of triples. */
static DcatitRange values_of(Ctx *c, DcatitTermId focus, DcatitTermId p)
{
	return dcatit_model_sp(c->d, focus, p);
}

static bool in_values(Ctx *c, DcatitTermId focus, DcatitTermId p, DcatitTermId v)
{
	return dcatit_model_has(c->d, focus, p, v);
}

/* A value node conforms to shape si: 1, 0, or -1 on error. */
static int conforms(Ctx *c, uint32_t si, DcatitTermId v)
{
	return eval_shape(c, si, v, false);
}

static int eval_constraint(Ctx *c, const Shape *sh, const Constraint *k,
                           DcatitTermId focus, size_t from, size_t to,
                           bool collect)
{
	const DcatitShapes *s = c->s;
	const DcatitTerms *t = c->t;
	int ok = 1, r;
	size_t count = to - from;
	switch (k->kind) {
	case K_CLASS:
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			if ((r = is_instance(c, v, k->term)) < 0)
				return -1;
			if (!r)
				FAILED(v);
		}
		break;
	case K_DATATYPE:
		for (size_t i = from; i < to; i++)
			if (!datatype_ok(c, k, c->vals.v[i]))
				FAILED(c->vals.v[i]);
		break;
	case K_NODEKIND:
		for (size_t i = from; i < to; i++)
			if (!(node_kind(t, c->vals.v[i]) & k->mask))
				FAILED(c->vals.v[i]);
		break;
	case K_MINCOUNT:
		if ((long long)count < k->num)
			FAILED(0);
		break;
	case K_MAXCOUNT:
		if ((long long)count > k->num)
			FAILED(0);
		break;
	case K_MINEXCL:
	case K_MININCL:
	case K_MAXEXCL:
	case K_MAXINCL:
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			int cmp;
			bool good = dcatit_xsd_compare(&s->xsd, t, v, k->term, &cmp);
			if (good) {
				switch (k->kind) {
				case K_MINEXCL: good = cmp > 0; break;
				case K_MININCL: good = cmp >= 0; break;
				case K_MAXEXCL: good = cmp < 0; break;
				default: good = cmp <= 0; break;
				}
			}
			if (!good)
				FAILED(v);
		}
		break;
	case K_MINLEN:
	case K_MAXLEN:
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			bool good = !dcatit_terms_is_bnode(t, v);
			if (good) {
				size_t n = utf8_length(dcatit_terms_str(t, v), dcatit_terms_len(t, v));
				good = k->kind == K_MINLEN ? (long long)n >= k->num
				                           : (long long)n <= k->num;
			}
			if (!good)
				FAILED(v);
		}
		break;
	case K_PATTERN:
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			bool good = !dcatit_terms_is_bnode(t, v);
			if (good) {
				int rc = pattern_match(c, k->re, dcatit_terms_str(t, v),
				                       dcatit_terms_len(t, v));
				good = rc >= 0;
				if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
					/* a limit hit says nothing about the value: a failure of
					 * the check, reported apart (also from inside sh:not,
					 * sh:or...), and the value is not held against the data */
					if (report_to(c, sh, k, focus, 0, v, NULL, true) < 0)
						return -1;
					good = true;
				}
			}
			if (!good)
				FAILED(v);
		}
		break;
	case K_LANGIN:
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			bool good = false;
			if (dcatit_terms_is_literal(t, v)) {
				const char *lang = dcatit_terms_lang(t, v);
				for (uint32_t j = 0; j < k->n && !good; j++)
					good = lang_matches(lang, dcatit_terms_str(t, s->pool[k->off + j]));
			}
			if (!good)
				FAILED(v);
		}
		break;
	case K_UNIQUELANG: {
		/* one result per tag used more than once: sort the tags, count runs */
		if (count < 2)
			break;
		const char **tags = malloc(count * sizeof *tags);
		if (!tags)
			return fail_nomem(c);
		size_t nt = 0;
		for (size_t i = from; i < to; i++) {
			const char *l = dcatit_terms_lang(t, c->vals.v[i]);
			if (l[0])
				tags[nt++] = l;
		}
		qsort(tags, nt, sizeof *tags, cmp_lang);
		for (size_t i = 0; i + 1 < nt; i++) {
			if (!lang_eq(tags[i], tags[i + 1]))
				continue;
			while (i + 1 < nt && lang_eq(tags[i], tags[i + 1]))
				i++;
			if (!collect) {
				free(tags);
				return 0;
			}
			if (report(c, sh, k, focus, 0, 0, NULL) < 0) {
				free(tags);
				return -1;
			}
			ok = 0;
		}
		free(tags);
		break;
	}
	case K_EQUALS: {
		for (size_t i = from; i < to; i++)
			if (!in_values(c, focus, k->term, c->vals.v[i]))
				FAILED(c->vals.v[i]);
		/* value nodes come sorted from path evaluation */
		DcatitRange r2 = values_of(c, focus, k->term);
		for (size_t j = 0; j < r2.n; j++) {
			DcatitTermId o = dcatit_model_triple(c->d, r2.idx[j])->o;
			if (!sorted_has(c->vals.v, from, count, o))
				FAILED(o);
		}
		break;
	}
	case K_DISJOINT:
		for (size_t i = from; i < to; i++)
			if (in_values(c, focus, k->term, c->vals.v[i]))
				FAILED(c->vals.v[i]);
		break;
	case K_LT:
	case K_LTE: {
		DcatitRange r2 = values_of(c, focus, k->term);
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			for (size_t j = 0; j < r2.n; j++) {
				DcatitTermId o = dcatit_model_triple(c->d, r2.idx[j])->o;
				int cmp;
				bool good = dcatit_xsd_compare(&s->xsd, t, v, o, &cmp) &&
				            (k->kind == K_LT ? cmp < 0 : cmp <= 0);
				if (!good)
					FAILED(v);
			}
		}
		break;
	}
	case K_NOT:
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			if ((r = conforms(c, k->shape, v)) < 0)
				return -1;
			if (r)
				FAILED(v);
		}
		break;
	case K_AND:
	case K_OR:
	case K_XONE:
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			uint32_t n = 0;
			bool good;
			for (uint32_t j = 0; j < k->n; j++) {
				if ((r = conforms(c, s->pool[k->off + j], v)) < 0)
					return -1;
				n += (uint32_t)r;
				if (k->kind == K_AND && !r)
					break;
				if (k->kind == K_OR && r)
					break;
				if (k->kind == K_XONE && n > 1)
					break;
			}
			if (k->kind == K_AND)
				good = n == k->n;
			else if (k->kind == K_OR)
				good = n > 0;
			else
				good = n == 1;
			if (!good)
				FAILED(v);
		}
		break;
	case K_NODE:
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			if ((r = conforms(c, k->shape, v)) < 0)
				return -1;
			if (!r)
				FAILED(v);
		}
		break;
	case K_PROPERTY:
		for (size_t i = from; i < to; i++) {
			if ((r = eval_shape(c, k->shape, c->vals.v[i], collect)) < 0)
				return -1;
			if (!r) {
				if (!collect)
					return 0;
				ok = 0;
			}
		}
		break;
	case K_QMIN:
	case K_QMAX: {
		long long n = 0;
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			if ((r = conforms(c, k->shape, v)) < 0)
				return -1;
			for (uint32_t j = 0; r && j < k->n2; j++) {
				int r2 = conforms(c, s->pool[k->off2 + j], v);
				if (r2 < 0)
					return -1;
				if (r2)
					r = 0;
			}
			n += r;
		}
		if (k->kind == K_QMIN ? n < k->num : n > k->num)
			FAILED(0);
		break;
	}
	case K_CLOSED:
		for (size_t i = from; i < to; i++) {
			DcatitTermId v = c->vals.v[i];
			DcatitRange all = dcatit_model_sp(c->d, v, 0);
			for (size_t j = 0; j < all.n; j++) {
				const DcatitTriple *tr = dcatit_model_triple(c->d, all.idx[j]);
				if (sorted_has(s->pool, k->off, k->n, tr->p))
					continue;
				if (!collect)
					return 0;
				DcatitLoc at = dcatit_model_loc(c->d, all.idx[j]);
				if (report(c, sh, k, focus, tr->p, tr->o, &at) < 0)
					return -1;
				ok = 0;
			}
		}
		break;
	case K_HASVALUE: {
		bool found = false;
		for (size_t i = from; i < to && !found; i++)
			found = c->vals.v[i] == k->term;
		if (!found)
			FAILED(0);
		break;
	}
	case K_IN:
		for (size_t i = from; i < to; i++)
			if (!sorted_has(s->pool, k->off, k->n, c->vals.v[i]))
				FAILED(c->vals.v[i]);
		break;
	case K_COUNT:
		break;
	}
	return ok;
}

#undef FAILED

/* Validate focus against shape si: 1 conforms, 0 does not, -1 error (in
 * c->st). collect records results; otherwise stop at the first failure. */
static int eval_shape(Ctx *c, uint32_t si, DcatitTermId focus, bool collect)
{
	const Shape *sh = &c->s->shapes[si];
	if (sh->deactivated)
		return 1;
	/* Conformance of a node to a shape is a function of the data, so
	 * check-mode answers are remembered: shared nodes (one publisher of
	 * many datasets) are checked once, and recursive shapes over dense
	 * graphs stay polynomial. */
	uint32_t known;
	if (!collect && dcatit_idmap_get(&c->memo[si], focus, &known))
		return (int)known;
	/* The same shape on the same node again, further down: a recursive
	 * shape. Its conformance is undefined in SHACL; we take it as
	 * conforming, which ends the recursion. */
	for (size_t i = 0; i < c->depth; i++)
		if (c->stack[i].shape == si && c->stack[i].focus == focus)
			return 1;
	if (c->depth == MAX_DEPTH) {
		DcatitLoc loc = dcatit_model_node_loc(c->s->g, sh->node);
		c->st = dcatit_diag_set(c->diag, DCATIT_ERR_LIMIT,
		                        dcatit_model_source_name(c->s->g, loc.file),
		                        loc.line, 0,
		                        "shape %s nests more than %d shape evaluations",
		                        dcatit_terms_str(c->t, sh->node), MAX_DEPTH);
		return -1;
	}
	c->stack[c->depth++] = (Frame){si, focus};

	size_t from = c->vals.n;
	bool okv;
	if (sh->path)
		okv = dcatit_path_eval(sh->path, c->d, focus, &c->vals);
	else
		okv = dcatit_ids_push(&c->vals, focus);
	int ok = okv ? 1 : fail_nomem(c);
	size_t to = c->vals.n;
	for (uint32_t i = 0; ok >= 0 && i < sh->ncon; i++) {
		const Constraint *k = &c->s->cons[sh->con_off + i];
		int r = eval_constraint(c, sh, k, focus, from, to, collect);
		if (r < 0)
			ok = -1;
		else if (r == 0) {
			ok = 0;
			if (!collect)
				break;
		}
	}
	c->vals.n = from;
	c->depth--;
	if (!collect && ok >= 0 && dcatit_idmap_put(&c->memo[si], focus, (uint32_t)ok) < 0)
		ok = fail_nomem(c);
	return ok;
}

/* The focus nodes of shape si, appended to out (deduplicated). */
static bool focus_nodes(Ctx *c, const Shape *sh, DcatitIds *out)
{
	const DcatitShapes *s = c->s;
	out->n = 0;
	for (uint32_t i = 0; i < sh->ntgt; i++) {
		const Target *tg = &s->targets[sh->tgt_off + i];
		switch (tg->kind) {
		case T_NODE:
			if (!dcatit_ids_push(out, tg->term))
				return false;
			break;
		case T_CLASS: {
			const DcatitTermId *cl;
			size_t ncl;
			if (!class_closure(c, tg->term, &cl, &ncl))
				return false;
			/* cl points into closure_pool, which no longer grows here */
			for (size_t j = 0; j < ncl; j++) {
				DcatitRange r = dcatit_model_po(c->d, s->sh.rdf_type, cl[j]);
				for (size_t m = 0; m < r.n; m++)
					if (!dcatit_ids_push(out, dcatit_model_triple(c->d, r.idx[m])->s))
						return false;
			}
			break;
		}
		case T_SUBJECTS_OF:
		case T_OBJECTS_OF: {
			DcatitRange r = dcatit_model_po(c->d, tg->term, 0);
			for (size_t m = 0; m < r.n; m++) {
				const DcatitTriple *tr = dcatit_model_triple(c->d, r.idx[m]);
				if (!dcatit_ids_push(out, tg->kind == T_SUBJECTS_OF ? tr->s : tr->o))
					return false;
			}
			break;
		}
		}
	}
	dcatit_ids_unique_from(out, 0);
	return true;
}

DcatitStatus dcatit_shacl_validate(const DcatitShapes *s, DcatitModel *data,
                                   DcatitResults *out, DcatitDiag *d)
{
	return dcatit_shacl_validate_counted(s, data, out, NULL, d);
}

DcatitStatus dcatit_shacl_validate_counted(const DcatitShapes *s, DcatitModel *data,
                                           DcatitResults *out, DcatitShaclStats *stats,
                                           DcatitDiag *d)
{
	DcatitShaclStats none;
	if (!stats)
		stats = &none;
	memset(stats, 0, sizeof *stats);
	stats->shapes = s->nshapes;
	Ctx c;
	memset(&c, 0, sizeof c);
	c.s = s;
	c.d = data;
	c.t = dcatit_model_terms(data);
	c.out = out;
	c.diag = d;
	dcatit_idmap_init(&c.classes);
	DcatitIds focus = {0};
	c.st = dcatit_model_freeze(data);
	if (c.st) {
		dcatit_diag_set(d, c.st, NULL, 0, 0, "out of memory");
		return c.st;
	}
	c.stack = malloc(MAX_DEPTH * sizeof *c.stack);
	c.md = pcre2_match_data_create(1, NULL);
	c.mctx = pcre2_match_context_create(NULL);
	c.memo = calloc(s->nshapes ? s->nshapes : 1, sizeof *c.memo);
	if (!c.stack || !c.md || !c.mctx || !c.memo)
		fail_nomem(&c);

	for (size_t si = 0; !c.st && si < s->nshapes; si++) {
		const Shape *sh = &s->shapes[si];
		if (sh->deactivated || !sh->ntgt)
			continue;
		if (!focus_nodes(&c, sh, &focus)) {
			fail_nomem(&c);
			break;
		}
		stats->targeted++;
		stats->focus_nodes += focus.n;
		for (size_t i = 0; i < focus.n; i++)
			if (eval_shape(&c, (uint32_t)si, focus.v[i], true) < 0)
				break;
	}
	dcatit_ids_release(&focus);
	dcatit_ids_release(&c.vals);
	dcatit_ids_release(&c.closure_pool);
	dcatit_idmap_release(&c.classes);
	free(c.closures);
	free(c.stack);
	pcre2_match_data_free(c.md);
	pcre2_match_context_free(c.mctx);
	for (size_t i = 0; c.memo && i < s->nshapes; i++)
		dcatit_idmap_release(&c.memo[i]);
	free(c.memo);
	return c.st;
}
