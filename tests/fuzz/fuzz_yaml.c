/* fuzz_yaml.c: libFuzzer target for the YAML reader (base/yaml.c), which
 * reads every catalogue record and harvest source: any input gives a tree
 * or a located error, and a tree's links are consistent. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Walk the tree: each child names its parent and its position. */
static void walk(const DcatitYamlNode *n, unsigned depth)
{
	if (depth > DCATIT_YAML_MAX_DEPTH + 1)
		abort();
	if (n->kind == DCATIT_YAML_SCALAR && !n->value)
		abort();
	if (n->kind == DCATIT_YAML_MAPPING && n->nitems % 2)
		abort();
	for (size_t i = 0; i < n->nitems; i++) {
		const DcatitYamlNode *c = n->items[i];
		if (!c || c->parent != n || c->pos != i || !c->line)
			abort();
		walk(c, depth + 1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	DcatitYamlDoc doc;
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_yaml_read(&doc, (const char *)data, size, "fuzz.yaml", &d) == DCATIT_OK) {
		if (doc.root)
			walk(doc.root, 0);
	} else if (!d.message[0]) {
		abort(); /* every refusal says why */
	}
	dcatit_yaml_release(&doc);
	return 0;
}
