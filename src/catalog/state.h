/* state.h: the state of one catalogue build: options, the graph with its
 * vocabularies, the defaults of catalog.yaml, and what the loaders collect
 * (datasets, named nodes, agents, files to publish). records.c fills it,
 * build.c orchestrates the loading, output.c writes from it. */
#ifndef DCATIT_STATE_H
#define DCATIT_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/status.h"
#include "profile/orgs.h"
#include "rdf/codes.h"
#include "rdf/cvocab.h"
#include "rdf/model.h"

typedef struct {
	char *id;
	DcatitTermId iri;
	char *modified;  /* YYYY-MM-DD, "" when unknown (Turtle records) */
	char *file;      /* the record, for messages */
	unsigned long line, col; /* where its id is written */
} DcatitBuildDataset;

typedef struct {
	char *id;
	char *signature; /* the YAML content, to check repeated definitions */
	DcatitTermId iri;
} DcatitBuildNamed;

/* A hash index of one of the lists below: slots hold 1 + item number. */
typedef struct {
	uint32_t *slots; /* 0: empty */
	size_t cap;      /* a power of two, or 0 */
} DcatitBuildIndex;

/* The state of one build. Fields are filled by dcatit_build_load (and the
 * loaders it calls); callers only set the options before loading. */
typedef struct {
	/* options */
	char *dir;            /* catalogue directory (holds catalog.yaml) */
	char *base_override;  /* --base-uri, NULL when not given */
	char *vocab_dir;      /* the data directory with organizations.ttl */
	bool checksum_sha1;   /* spdx:checksum with SHA-1 (DCAT-AP 2.1.1) instead
	                       * of SHA-256; set before loading */
	int dcat_ap;          /* 2 (default, also when 0): DCAT-AP 2.1.1 forms;
	                       * 3: DCAT-AP 3.0.1 (dcat:byteSize as
	                       * xsd:nonNegativeInteger); set before loading */

	/* graph */
	DcatitTerms *terms;   /* owned */
	DcatitModel *model;   /* the catalogue graph, owned */
	DcatitCatVocab v;
	DcatitOrgs *orgs;
	DcatitCodes *themes, *freqs, *ftypes, *langs, *licences;
	DcatitCodes *hvd;     /* HVD categories (profiles/vocabularies/hvd-category.ttl) */
	DcatitModel *subject_map; /* AgID theme -> EuroVoc table (skos:narrowMatch),
	                           * NULL when vocab/ has none */

	/* catalog.yaml */
	char *base;           /* effective base URI, no trailing slash */
	DcatitTermId catalog; /* <base>/catalog */
	uint32_t catalog_src; /* source id of catalog.yaml */
	char *catalog_modified; /* as written, NULL: latest record date */
	char **record_dirs;   /* relative to dir */
	size_t nrecord_dirs;
	char *registry;       /* relative to dir, NULL when none */
	/* defaults: 0 / NULL when not given */
	DcatitTermId def_license, def_publisher, def_rights_holder;
	DcatitTermId *def_languages;
	size_t ndef_languages;
	char *def_contact_name, *def_contact_email, *def_contact_url;
	DcatitLoc def_loc;   /* where the defaults were written */
	/* own_files: the maintainer's terms for the files the catalogue wrote
	 * itself; 0 when not given */
	DcatitTermId own_license, own_rights;

	/* collected while loading */
	DcatitBuildDataset *datasets;
	size_t ndatasets, capdatasets;
	DcatitBuildNamed *named; /* services and places with geometry */
	size_t nnamed, capnamed;
	DcatitBuildIndex named_index;
	DcatitTermId *agents;    /* referenced agents, emitted at the end */
	size_t nagents, capagents;
	DcatitBuildIndex agent_index;
	char **files;            /* local files to publish, relative to dir */
	size_t nfiles, capfiles;
	DcatitBuildIndex file_index;
} DcatitBuild;

/* A new build for the catalogue in dir; base_override and vocab_dir may be
 * NULL. NULL on out of memory. */
DcatitBuild *dcatit_build_new(const char *dir, const char *base_override,
                              const char *vocab_dir);
/* Free a build; NULL is a no-op. */
void dcatit_build_free(DcatitBuild *b);
/* The path b->dir/rel as shown in messages and used to open files
 * (no "./" prefix); caller frees. NULL on out of memory. */
char *dcatit_build_path(const DcatitBuild *b, const char *rel);

/* Remember that a dataset exists (for dcat:dataset, per-dataset files);
 * file/line/col locate its id for the "used twice" error. */
DcatitStatus dcatit_build_add_dataset(DcatitBuild *b, const char *id,
                                      DcatitTermId iri, const char *modified,
                                      const char *file, unsigned long line,
                                      unsigned long col);
/* Remember an agent to emit from the registry. */
DcatitStatus dcatit_build_use_agent(DcatitBuild *b, DcatitTermId agent);
/* Remember a local file to publish (path relative to dir). */
DcatitStatus dcatit_build_add_file(DcatitBuild *b, const char *rel);
/* Find or remember a named node (service, place): returns the existing
 * entry with *isnew false, or a new one with *isnew true; NULL on OOM. */
DcatitBuildNamed *dcatit_build_named(DcatitBuild *b, const char *kind_id,
                                     const char *signature, bool *isnew);

#endif
