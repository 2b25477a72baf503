/* state.c: what one catalogue build collects: the options, the graph and its
 * vocabularies, the defaults of catalog.yaml, and the datasets, named nodes,
 * agents and files the loaders found. The loaders (records.c) fill it, build.c
 * orchestrates, output.c writes from it. */
#include "catalog/state.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"

/* Make room for one more item in arr (n used of cap). */
#define GROW(arr, n, cap) grow_one((void **)&(arr), &(cap), (n) + 1, sizeof *(arr))

static bool grow_one(void **arr, size_t *cap, size_t need, size_t size)
{
	void *p = dcatit_grow(*arr, cap, need, size, 16);
	if (!p)
		return false;
	*arr = p;
	return true;
}

DcatitBuild *dcatit_build_new(const char *dir, const char *base_override,
                              const char *vocab_dir)
{
	DcatitBuild *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->dir = strdup(dir ? dir : ".");
	b->base_override = base_override ? strdup(base_override) : NULL;
	b->vocab_dir = vocab_dir ? strdup(vocab_dir) : NULL;
	b->terms = dcatit_terms_new();
	b->model = b->terms ? dcatit_model_new(b->terms) : NULL;
	b->orgs = b->terms ? dcatit_orgs_new(b->terms) : NULL;
	b->themes = dcatit_codes_new();
	b->freqs = dcatit_codes_new();
	b->ftypes = dcatit_codes_new();
	b->langs = dcatit_codes_new();
	b->licences = dcatit_codes_new();
	b->hvd = dcatit_codes_new();
	if (!b->hvd || !b->dir || (base_override && !b->base_override) || (vocab_dir && !b->vocab_dir) ||
	    !b->model || !b->orgs || !b->themes || !b->freqs || !b->ftypes || !b->langs ||
	    !b->licences || dcatit_cvocab_init(&b->v, b->terms) != DCATIT_OK) {
		dcatit_build_free(b);
		return NULL;
	}
	return b;
}

void dcatit_build_free(DcatitBuild *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->ndatasets; i++) {
		free(b->datasets[i].id);
		free(b->datasets[i].modified);
		free(b->datasets[i].file);
	}
	free(b->datasets);
	for (size_t i = 0; i < b->nnamed; i++) {
		free(b->named[i].id);
		free(b->named[i].signature);
	}
	free(b->named);
	free(b->agents);
	free(b->agent_index.slots);
	free(b->file_index.slots);
	free(b->named_index.slots);
	for (size_t i = 0; i < b->nfiles; i++)
		free(b->files[i]);
	free(b->files);
	for (size_t i = 0; i < b->nrecord_dirs; i++)
		free(b->record_dirs[i]);
	free(b->record_dirs);
	free(b->registry);
	free(b->def_languages);
	free(b->def_contact_name);
	free(b->def_contact_email);
	free(b->def_contact_url);
	free(b->catalog_modified);
	free(b->base);
	dcatit_codes_free(b->themes);
	dcatit_codes_free(b->freqs);
	dcatit_codes_free(b->ftypes);
	dcatit_codes_free(b->langs);
	dcatit_codes_free(b->licences);
	dcatit_codes_free(b->hvd);
	dcatit_orgs_free(b->orgs);
	dcatit_model_free(b->subject_map);
	dcatit_model_free(b->model);
	dcatit_terms_free(b->terms);
	free(b->dir);
	free(b->base_override);
	free(b->vocab_dir);
	free(b);
}

char *dcatit_build_path(const DcatitBuild *b, const char *rel)
{
	DcatitBuf p;
	dcatit_buf_init(&p);
	if (strcmp(b->dir, ".") != 0)
		dcatit_buf_addf(&p, "%s/", b->dir);
	dcatit_buf_adds(&p, rel);
	return dcatit_buf_detach(&p);
}

DcatitStatus dcatit_build_add_dataset(DcatitBuild *b, const char *id,
                                      DcatitTermId iri, const char *modified,
                                      const char *file, unsigned long line,
                                      unsigned long col)
{
	if (!GROW(b->datasets, b->ndatasets, b->capdatasets))
		return DCATIT_ERR_NOMEM;
	DcatitBuildDataset *e = &b->datasets[b->ndatasets];
	e->id = strdup(id);
	e->modified = strdup(modified ? modified : "");
	e->file = strdup(file ? file : "");
	e->iri = iri;
	e->line = line;
	e->col = col;
	if (!e->id || !e->modified || !e->file) {
		free(e->id);
		free(e->modified);
		free(e->file);
		return DCATIT_ERR_NOMEM;
	}
	b->ndatasets++;
	return DCATIT_OK;
}

/* ---- indexes: agents, files and named nodes are looked up on every use,
 * and a record may use thousands; a linear search made that quadratic */

typedef bool (*SameFn)(const DcatitBuild *b, size_t item, const void *key);
typedef uint64_t (*HashFn)(const DcatitBuild *b, size_t item);

/* The slot of key (hash h) in x: the one holding it, or the empty one
 * where it would go. */
static uint32_t *find_slot(const DcatitBuildIndex *x, uint64_t h, SameFn same,
                           const DcatitBuild *b, const void *key)
{
	size_t mask = x->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask)
		if (!x->slots[i] || same(b, x->slots[i] - 1, key))
			return &x->slots[i];
}

/* Room for item n (at most half full), rehashing the n items there are. */
static bool index_room(DcatitBuildIndex *x, size_t n, HashFn hash, const DcatitBuild *b)
{
	if (n >= UINT32_MAX - 1)
		return false;
	if ((n + 1) * 2 <= x->cap)
		return true;
	size_t cap = x->cap ? x->cap * 2 : 64;
	uint32_t *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t j = (size_t)hash(b, i) & (cap - 1);
		while (slots[j])
			j = (j + 1) & (cap - 1);
		slots[j] = (uint32_t)i + 1;
	}
	free(x->slots);
	x->slots = slots;
	x->cap = cap;
	return true;
}

static uint64_t hash_id(DcatitTermId id)
{
	return (uint64_t)id * 0x9e3779b97f4a7c15ULL >> 16;
}

static bool same_agent(const DcatitBuild *b, size_t i, const void *key)
{
	return b->agents[i] == *(const DcatitTermId *)key;
}

static uint64_t hash_agent(const DcatitBuild *b, size_t i)
{
	return hash_id(b->agents[i]);
}

static bool same_file(const DcatitBuild *b, size_t i, const void *key)
{
	return strcmp(b->files[i], key) == 0;
}

static uint64_t hash_file(const DcatitBuild *b, size_t i)
{
	return dcatit_hash_str(b->files[i]);
}

static bool same_named(const DcatitBuild *b, size_t i, const void *key)
{
	return strcmp(b->named[i].id, key) == 0;
}

static uint64_t hash_named(const DcatitBuild *b, size_t i)
{
	return dcatit_hash_str(b->named[i].id);
}

DcatitStatus dcatit_build_use_agent(DcatitBuild *b, DcatitTermId agent)
{
	if (!index_room(&b->agent_index, b->nagents, hash_agent, b))
		return DCATIT_ERR_NOMEM;
	uint32_t *slot = find_slot(&b->agent_index, hash_id(agent), same_agent, b, &agent);
	if (*slot)
		return DCATIT_OK;
	if (!GROW(b->agents, b->nagents, b->capagents))
		return DCATIT_ERR_NOMEM;
	b->agents[b->nagents++] = agent;
	*slot = (uint32_t)b->nagents;
	return DCATIT_OK;
}

DcatitStatus dcatit_build_add_file(DcatitBuild *b, const char *rel)
{
	if (!index_room(&b->file_index, b->nfiles, hash_file, b))
		return DCATIT_ERR_NOMEM;
	uint32_t *slot = find_slot(&b->file_index, dcatit_hash_str(rel), same_file, b, rel);
	if (*slot)
		return DCATIT_OK;
	if (!GROW(b->files, b->nfiles, b->capfiles))
		return DCATIT_ERR_NOMEM;
	if (!(b->files[b->nfiles] = strdup(rel)))
		return DCATIT_ERR_NOMEM;
	b->nfiles++;
	*slot = (uint32_t)b->nfiles;
	return DCATIT_OK;
}

DcatitBuildNamed *dcatit_build_named(DcatitBuild *b, const char *kind_id,
                                     const char *signature, bool *isnew)
{
	if (!index_room(&b->named_index, b->nnamed, hash_named, b))
		return NULL;
	uint32_t *slot = find_slot(&b->named_index, dcatit_hash_str(kind_id), same_named, b,
	                           kind_id);
	if (*slot) {
		*isnew = false;
		return &b->named[*slot - 1];
	}
	if (!GROW(b->named, b->nnamed, b->capnamed))
		return NULL;
	DcatitBuildNamed *e = &b->named[b->nnamed];
	e->id = strdup(kind_id);
	e->signature = strdup(signature);
	e->iri = 0;
	if (!e->id || !e->signature) {
		free(e->id);
		free(e->signature);
		return NULL;
	}
	b->nnamed++;
	*slot = (uint32_t)b->nnamed;
	*isnew = true;
	return e;
}
