/* yaml.c: the reader of yaml.h, on libyaml's event parser (not its
 * document loader, which resolves every alias before a caller can refuse
 * one). Events are turned into nodes as they come, with an explicit stack,
 * so the work is linear in the events read and stops at the first refusal:
 * libyaml only scans a bounded distance ahead of the event it returns. */
#include "base/yaml.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "base/buf.h"

static void free_node(DcatitYamlNode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nitems; i++)
		free_node(n->items[i]);
	free(n->items);
	free(n->value);
	free(n->tag);
	free(n);
}

void dcatit_yaml_release(DcatitYamlDoc *doc)
{
	free_node(doc->root);
	doc->root = NULL;
}

/* Steal a string libyaml allocated (it frees with free()). */
static char *take(yaml_char_t **s)
{
	char *p = (char *)*s;
	*s = NULL;
	return p;
}

/* A new node for event e, attached to parent (when any); NULL on OOM. */
static DcatitYamlNode *new_node(DcatitYamlKind kind, yaml_event_t *e, DcatitYamlNode *parent,
                                size_t *caps)
{
	DcatitYamlNode *n = calloc(1, sizeof *n);
	if (!n)
		return NULL;
	n->kind = kind;
	n->line = (unsigned long)e->start_mark.line + 1;
	n->col = (unsigned long)e->start_mark.column + 1;
	if (kind == DCATIT_YAML_SCALAR) {
		n->tag = take(&e->data.scalar.tag);
		n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		n->len = e->data.scalar.length;
		n->value = take(&e->data.scalar.value);
	} else if (kind == DCATIT_YAML_SEQUENCE) {
		n->tag = take(&e->data.sequence_start.tag);
	} else {
		n->tag = take(&e->data.mapping_start.tag);
	}
	/* no tag, the non-specific '!' and the default tag of the kind all
	 * mean "untagged" */
	static const char *const defaults[] = { "", YAML_STR_TAG, YAML_SEQ_TAG, YAML_MAP_TAG };
	if (n->tag && (strcmp(n->tag, "!") == 0 || strcmp(n->tag, defaults[kind]) == 0)) {
		free(n->tag);
		n->tag = NULL;
	}
	if (kind == DCATIT_YAML_SCALAR && !n->value) {
		free(n->tag);
		free(n);
		return NULL;
	}
	if (parent) {
		DcatitYamlNode **p = dcatit_grow(parent->items, caps, parent->nitems + 1,
		                                 sizeof *p, 4);
		if (!p) {
			free_node(n);
			return NULL;
		}
		parent->items = p;
		n->parent = parent;
		n->pos = parent->nitems;
		p[parent->nitems++] = n;
	}
	return n;
}

/* The anchor an event defines, NULL when none. */
static const char *anchor_of(const yaml_event_t *e)
{
	switch (e->type) {
	case YAML_SCALAR_EVENT:
		return (const char *)e->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return (const char *)e->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return (const char *)e->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

DcatitStatus dcatit_yaml_read(DcatitYamlDoc *doc, const char *data, size_t len,
                              const char *name, DcatitDiag *d)
{
	doc->root = NULL;
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	/* the open collections, and the capacity of each one's items */
	DcatitYamlNode *stack[DCATIT_YAML_MAX_DEPTH + 1];
	size_t caps[DCATIT_YAML_MAX_DEPTH + 1];
	size_t depth = 0, docs = 0;
	DcatitStatus st = DCATIT_OK;
	for (bool done = false; !done && st == DCATIT_OK;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e)) {
			if (p.error == YAML_MEMORY_ERROR)
				st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			else
				st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, name,
				                     (unsigned long)p.problem_mark.line + 1,
				                     (unsigned long)p.problem_mark.column + 1,
				                     "invalid YAML: %s%s%s",
				                     p.problem ? p.problem : "error",
				                     p.context ? " " : "", p.context ? p.context : "");
			break;
		}
		unsigned long line = (unsigned long)e.start_mark.line + 1;
		unsigned long col = (unsigned long)e.start_mark.column + 1;
		const char *anchor = anchor_of(&e);
		DcatitYamlNode *parent = depth ? stack[depth - 1] : NULL;
		DcatitYamlNode *n = NULL;
		if (anchor || e.type == YAML_ALIAS_EVENT) {
			/* refused here, before anything walks what they share */
			st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, name, line, col,
			                     "anchors and aliases are not allowed ('%c%s')",
			                     anchor ? '&' : '*',
			                     anchor ? anchor : (const char *)e.data.alias.anchor);
		} else switch (e.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, name, line, col,
				                     "only one YAML document per file");
			break;
		case YAML_SCALAR_EVENT:
			n = new_node(DCATIT_YAML_SCALAR, &e, parent, depth ? &caps[depth - 1] : NULL);
			if (!n)
				st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			else if (!parent)
				doc->root = n;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == DCATIT_YAML_MAX_DEPTH) {
				st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, name, line, col,
				                     "lists and mappings nested more than %d levels deep",
				                     DCATIT_YAML_MAX_DEPTH);
				break;
			}
			n = new_node(e.type == YAML_SEQUENCE_START_EVENT ? DCATIT_YAML_SEQUENCE
			                                                 : DCATIT_YAML_MAPPING,
			             &e, parent, depth ? &caps[depth - 1] : NULL);
			if (!n) {
				st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
				break;
			}
			if (!parent)
				doc->root = n;
			caps[depth] = 0;
			stack[depth++] = n;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth)
				depth--;
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	if (st != DCATIT_OK)
		dcatit_yaml_release(doc);
	return st;
}

DcatitStatus dcatit_yaml_read_file(DcatitYamlDoc *doc, const char *path, DcatitDiag *d)
{
	doc->root = NULL;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0) {
		DcatitStatus st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s",
		                                  path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return st;
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': not a "
		                       "regular file", path);
	}
	DcatitBuf text;
	dcatit_buf_init(&text);
	int err = dcatit_buf_read_fd(&text, fd);
	close(fd);
	DcatitStatus st;
	if (err == ENOMEM)
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	else if (err)
		st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path,
		                     strerror(err));
	else
		st = dcatit_yaml_read(doc, text.data ? text.data : "", text.len, path, d);
	dcatit_buf_release(&text);
	return st;
}
