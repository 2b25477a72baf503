/* sync.h: publish the datasets of a model to one CKAN organization.
 * Plan (create / update / unchanged / delete per dataset, by identifier,
 * with a content hash kept on each package) and apply it with parallel
 * calls; one failed dataset never stops the others. Local files are
 * uploaded only from the directories the caller names, and --prune
 * deletes only this catalogue's packages, a bounded share of them. */
#ifndef DCATIT_CKAN_SYNC_H
#define DCATIT_CKAN_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"
#include "ckan/api.h"
#include "rdf/model.h"

typedef enum {
	DCATIT_SYNC_CREATE = 0,
	DCATIT_SYNC_UPDATE,
	DCATIT_SYNC_UNCHANGED,
	DCATIT_SYNC_DELETE,
	DCATIT_SYNC_FAILED,
} DcatitSyncAction;

/* One dataset of the plan and what became of it. */
typedef struct {
	char *identifier;         /* dct:identifier ("" when missing) */
	char *name;               /* CKAN package name */
	DcatitSyncAction planned;
	DcatitSyncAction outcome; /* planned action when done, FAILED otherwise */
	char *message;            /* why it failed (CKAN's text), or NULL */
	bool held;                /* a deletion the removal guard refused:
	                             planned, never applied */
} DcatitSyncItem;

/* Progress: called after each dataset is settled. */
typedef void (*DcatitSyncProgress)(void *ud, size_t done, size_t total);

/* Distributions whose download URL (else access URL) starts with prefix
 * are uploaded from the file dir/REST, REST being the rest of the URL as
 * written, instead of linked (multipart resource_create). The file must
 * be a regular file whose real path stays inside dir (base/fsafe.h). No
 * other local file is ever read: a file: URL anywhere else in a dataset
 * fails that dataset. */
typedef struct {
	const char *prefix;
	const char *dir;
} DcatitSyncUpload;

/* Options; zero-initialise. */
typedef struct {
	const char *org;            /* organization name (required) */
	const char *org_title;      /* title if it has to be created (default org) */
	const char *org_identifier; /* its IPA code, needed to create it */
	const char *org_email;      /* contact fields of ckanext-dcatapit's */
	const char *org_telephone;  /* organization schema, set when it is */
	const char *org_site;       /* created; NULL: left out */
	bool dry_run;               /* plan only, write nothing */
	bool prune;                 /* delete this catalogue's packages gone from
	                               the model */
	unsigned max_prune_pct;     /* delete at most this share of the packages
	                               this catalogue manages (0: 20) */
	bool allow_mass_removal;    /* no share limit on --prune */
	bool force;                 /* update managed packages even when unchanged */
	const DcatitSyncUpload *uploads;
	size_t nuploads;
	DcatitSyncProgress progress;
	void *progress_ud;
} DcatitSyncOpts;

/* The plan and its outcome; caller releases. */
typedef struct {
	DcatitSyncItem *items;
	size_t n;
	size_t created, updated, unchanged, deleted, failed;
	bool org_created;           /* organization created (or would be) */
	char *catalog;              /* the catalogue IRI recorded in the marker
	                               (dcatit_catalog) of every package, or NULL
	                               when the model has not exactly one */
	char *org_old_title;        /* the organization's title before push gave it
	                             * the holder's official name (or would), or NULL */
	char *org_old_identifier;   /* the same for its identifier (IPA code) */
	char *org_message;          /* why that update failed, or NULL */
	const char *prune_skipped;  /* why --prune did nothing, or NULL */
	size_t managed;             /* packages of the organization whose marker
	                               names this catalogue */
	size_t prune_planned;       /* of them, gone from the catalogue */
	size_t prune_limit;         /* the most the share allows */
	bool prune_refused;         /* the guard held every deletion back */
	size_t legacy;              /* packages with the marker of older
	                               versions (no catalogue): never pruned */
	size_t other_catalog;       /* packages another catalogue manages */
} DcatitSyncReport;

/* Sync the datasets of m into opts->org. Per-dataset failures go to the
 * report (status stays OK); a failure that stops everything (organization
 * unreadable, listing failed) returns an error with d set. */
DcatitStatus dcatit_ckan_sync(DcatitCkan *api, DcatitModel *m, const DcatitSyncOpts *opts,
                              DcatitSyncReport *rep, DcatitDiag *d);
/* Free what a report holds. */
void dcatit_ckan_sync_report_release(DcatitSyncReport *rep);
/* "create", "update", "unchanged", "delete", "failed", in the user's
 * language (for display); borrowed. */
const char *dcatit_ckan_sync_action_name(DcatitSyncAction a);
/* The hash kept on a package for a mapped dict (as dcatit_hash); out has
 * room for 40 bytes. The dict includes the dcatit_catalog extra, so a
 * package whose marker names no or another catalogue is rewritten once. */
void dcatit_ckan_sync_hash(const DcatitJson *pkg, char out[40]);

#endif
