/* sync.c: plan and apply a push to one CKAN organization. Identity is the
 * dataset identifier; the package name is derived from it once, at
 * creation, and then kept. Each package we create carries two extras,
 * dcatit_managed=true and dcatit_hash (of the mapped dict), so an
 * unchanged dataset costs no write, and --prune only ever touches our own
 * packages. Writes that may have happened although their answer was lost
 * (dropped connection, then a retry) are recognised on the retry's 409 by
 * reading the package back, so reruns converge. */
#include "ckan/sync.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/digest.h"
#include "ckan/map.h"
#include "base/str.h"

#define SEARCH_ROWS 1000 /* CKAN's default rows_max: larger is silently cut */

typedef struct {
	char *id, *name, *identifier, *hash, *owner;
	bool managed;
	bool claimed; /* matched by a catalogue dataset */
} Existing;

/* Per dataset, while it is applied: local files to upload. */
typedef struct {
	DcatitJson *uploads;      /* resource dicts with "_path" */
	size_t pending;           /* uploads still running */
	char *pkg_id;
	char *err;
	DcatitSyncAction outcome; /* what to report once the uploads are done */
} Run;

typedef struct {
	DcatitCkan *api;
	const DcatitSyncOpts *o;
	DcatitSyncReport *rep;
	DcatitJson **body;   /* per item: the dict to send */
	char **hash;         /* per item */
	char **pkg_id;       /* per item: existing package id */
	Run *run;            /* per item */
	char *org_id;
	Existing *ex;
	size_t nex, capex;
	long long count;     /* package_search count */
	bool list_failed;
	DcatitStatus fatal;
	char fatal_msg[2200];
	bool org_missing;
	size_t done, total;
} Sync;

typedef struct {
	Sync *s;
	size_t i;
	int stage;
} Op;

enum { ST_CREATE, ST_SHOW_NAME, ST_UPDATE, ST_DELETE, ST_UPDATE_AFTER_CREATE, ST_UPLOAD,
       ST_SHOW_FINAL, ST_UPDATE_FINAL };

#define PENDING "pending-" /* dcatit_hash while uploads are not complete */

const char *dcatit_ckan_sync_action_name(DcatitSyncAction a)
{
	switch (a) {
	case DCATIT_SYNC_CREATE: return "create";
	case DCATIT_SYNC_UPDATE: return "update";
	case DCATIT_SYNC_UNCHANGED: return "unchanged";
	case DCATIT_SYNC_DELETE: return "delete";
	case DCATIT_SYNC_FAILED: return "failed";
	}
	return "?";
}

void dcatit_ckan_sync_hash(const DcatitJson *pkg, char out[40])
{
	/* Two 64-bit FNV-1a lanes with different offsets over the sorted
	 * compact JSON: change detection, not security; 128 bits keeps
	 * accidental collisions out of reach. */
	char *txt = dcatit_json_dump(pkg, true);
	unsigned long long a = 1469598103934665603ULL, b = 0x84222325CBF29CE4ULL;
	for (const char *p = txt ? txt : ""; *p; p++) {
		a = (a ^ (unsigned char)*p) * 1099511628211ULL;
		b = (b ^ (unsigned char)*p) * 0x100000001B3ULL;
		b ^= b >> 29;
	}
	free(txt);
	snprintf(out, 40, "h1-%016llx%016llx", a, b);
}

void dcatit_ckan_sync_report_release(DcatitSyncReport *rep)
{
	for (size_t i = 0; i < rep->n; i++) {
		free(rep->items[i].identifier);
		free(rep->items[i].name);
		free(rep->items[i].message);
	}
	free(rep->items);
	memset(rep, 0, sizeof *rep);
}

static void set_fatal(Sync *s, DcatitStatus st, const char *fmt, const char *a, const char *b)
{
	if (s->fatal != DCATIT_OK)
		return;
	s->fatal = st;
	snprintf(s->fatal_msg, sizeof s->fatal_msg, fmt, a, b);
}

/* ------------------------------------------------------------ phase 1: org */

static void on_org_create(void *ud, const DcatitCkanReply *r)
{
	Sync *s = ud;
	if (r->st != DCATIT_OK) {
		set_fatal(s, r->st, "cannot create organization '%s': %s", s->o->org, r->message);
		return;
	}
	s->org_id = dcatit_strdup(dcatit_json_get_str(r->result, "id"));
	s->rep->org_created = true;
}

static void on_org_show(void *ud, const DcatitCkanReply *r)
{
	Sync *s = ud;
	if (r->st == DCATIT_OK) {
		s->org_id = dcatit_strdup(dcatit_json_get_str(r->result, "id"));
		return;
	}
	if (r->http_status != 404) {
		set_fatal(s, r->st, "cannot read organization '%s': %s", s->o->org, r->message);
		return;
	}
	s->org_missing = true;
	s->rep->org_created = true;
	if (s->o->dry_run)
		return;
	DcatitJson *p = dcatit_json_object();
	dcatit_json_set_str(p, "name", s->o->org);
	dcatit_json_set_str(p, "title", s->o->org_title ? s->o->org_title : s->o->org);
	dcatit_json_set_str(p, "identifier", s->o->org_identifier);
	dcatit_json_set_str(p, "email", s->o->org_email);
	dcatit_json_set_str(p, "telephone", s->o->org_telephone);
	dcatit_json_set_str(p, "site", s->o->org_site);
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_ckan_call(s->api, "organization_create", p, true, on_org_create, s, &d) != DCATIT_OK)
		set_fatal(s, d.status, "cannot create organization '%s': %s", s->o->org, d.message);
	dcatit_json_free(p);
}

/* ------------------------------------------------------------ phase 2: list */

static int cmp_ex(const void *a, const void *b)
{
	const Existing *x = a, *y = b;
	int c = strcmp(x->identifier, y->identifier);
	if (c)
		return c;
	/* among duplicates, our own packages first */
	return (int)y->managed - (int)x->managed;
}

static void on_page(void *ud, const DcatitCkanReply *r)
{
	Sync *s = ud;
	if (r->st != DCATIT_OK) {
		s->list_failed = true;
		set_fatal(s, r->st, "cannot list the packages of '%s': %s", s->o->org, r->message);
		return;
	}
	long long count;
	if (dcatit_json_int(dcatit_json_get(r->result, "count"), &count))
		s->count = count;
	DcatitJson *res = dcatit_json_get(r->result, "results");
	for (size_t i = 0; i < dcatit_json_size(res); i++) {
		DcatitJson *p = dcatit_json_at(res, i);
		if (s->nex == s->capex) {
			size_t cap = s->capex ? s->capex * 2 : 256;
			Existing *n = realloc(s->ex, cap * sizeof *n);
			if (!n) {
				set_fatal(s, DCATIT_ERR_NOMEM, "%s%s", "out of memory", "");
				return;
			}
			s->ex = n;
			s->capex = cap;
		}
		const char *ident = dcatit_ckan_field(p, "identifier");
		const char *managed = dcatit_ckan_field(p, "dcatit_managed");
		Existing *e = &s->ex[s->nex++];
		memset(e, 0, sizeof *e);
		e->id = dcatit_strdup(dcatit_json_get_str(p, "id"));
		e->name = dcatit_strdup(dcatit_json_get_str(p, "name"));
		e->identifier = dcatit_strdup(ident ? ident : "");
		e->hash = dcatit_strdup(dcatit_ckan_field(p, "dcatit_hash"));
		e->owner = dcatit_strdup(dcatit_json_get_str(p, "owner_org"));
		e->managed = managed && strcmp(managed, "true") == 0;
		if (!e->id || !e->name || !e->identifier)
			set_fatal(s, DCATIT_ERR_NOMEM, "%s%s", "out of memory", "");
	}
}

static DcatitStatus list_page(Sync *s, long long start, DcatitDiag *d)
{
	char fq[600], num[32];
	snprintf(fq, sizeof fq, "owner_org:%s", s->org_id);
	DcatitJson *p = dcatit_json_object();
	dcatit_json_set_str(p, "fq", fq);
	snprintf(num, sizeof num, "%d", SEARCH_ROWS);
	dcatit_json_set_str(p, "rows", num);
	snprintf(num, sizeof num, "%lld", start);
	dcatit_json_set_str(p, "start", num);
	dcatit_json_set_str(p, "sort", "id asc");
	dcatit_json_set_str(p, "include_private", "true");
	DcatitStatus st = dcatit_ckan_call(s->api, "package_search", p, false, on_page, s, d);
	dcatit_json_free(p);
	return st;
}

static Existing *find_ex(Sync *s, const char *identifier)
{
	size_t lo = 0, hi = s->nex;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->ex[mid].identifier, identifier);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nex && strcmp(s->ex[lo].identifier, identifier) == 0 ? &s->ex[lo] : NULL;
}

/* ------------------------------------------------------------ phase 4: apply */

static void settle(Sync *s, size_t i, DcatitSyncAction outcome, const char *msg)
{
	DcatitSyncItem *it = &s->rep->items[i];
	it->outcome = outcome;
	if (msg && !it->message)
		it->message = dcatit_strdup(msg);
	s->done++;
	if (s->o->progress)
		s->o->progress(s->o->progress_ud, s->done, s->total);
}

static void on_op(void *ud, const DcatitCkanReply *r);
static void after_write(Op *op, DcatitSyncAction outcome, const char *pkg_id);
static bool final_body(Sync *s, size_t i, const DcatitJson *shown);

static void issue(Op *op, const char *action, DcatitJson *params, bool write)
{
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_ckan_call(op->s->api, action, params, write, on_op, op, &d) != DCATIT_OK) {
		settle(op->s, op->i, DCATIT_SYNC_FAILED, d.message);
		free(op);
	}
}

static bool name_in_use(const DcatitJson *error)
{
	DcatitJson *n = dcatit_json_get(error, "name");
	for (size_t i = 0; i < dcatit_json_size(n); i++) {
		const char *m = dcatit_json_str(dcatit_json_at(n, i));
		if (m && strstr(m, "already in use"))
			return true;
	}
	return false;
}

static void on_op(void *ud, const DcatitCkanReply *r)
{
	Op *op = ud;
	Sync *s = op->s;
	size_t i = op->i;
	DcatitSyncItem *it = &s->rep->items[i];
	switch (op->stage) {
	case ST_CREATE:
		if (r->st == DCATIT_OK) {
			after_write(op, DCATIT_SYNC_CREATE, dcatit_json_get_str(r->result, "id"));
			return;
		}
		if (r->st == DCATIT_ERR_REMOTE && r->http_status == 409 && name_in_use(r->error)) {
			/* ours from an earlier run whose answer was lost, or foreign? */
			op->stage = ST_SHOW_NAME;
			DcatitJson *p = dcatit_json_object();
			dcatit_json_set_str(p, "id", it->name);
			issue(op, "package_show", p, false);
			dcatit_json_free(p);
			return;
		}
		settle(s, i, DCATIT_SYNC_FAILED, r->message);
		break;
	case ST_SHOW_NAME: {
		if (r->st != DCATIT_OK) {
			settle(s, i, DCATIT_SYNC_FAILED, r->message);
			break;
		}
		const char *ident = dcatit_ckan_field(r->result, "identifier");
		const char *managed = dcatit_ckan_field(r->result, "dcatit_managed");
		const char *hash = dcatit_ckan_field(r->result, "dcatit_hash");
		const char *owner = dcatit_json_get_str(r->result, "owner_org");
		const char *id = dcatit_json_get_str(r->result, "id");
		if (!ident || strcmp(ident, it->identifier) != 0 || !managed ||
		    strcmp(managed, "true") != 0 || !owner || !s->org_id ||
		    strcmp(owner, s->org_id) != 0 || !id) {
			DcatitBuf b;
			dcatit_buf_init(&b);
			dcatit_buf_addf(&b, "package name '%s' is taken by a package that dcatit does "
			                "not manage here (identifier '%s'); not overwritten",
			                it->name, ident ? ident : "");
			settle(s, i, DCATIT_SYNC_FAILED, b.oom ? "name taken" : b.data);
			dcatit_buf_release(&b);
			break;
		}
		if (hash && strcmp(hash, s->hash[i]) == 0) {
			/* the final hash is only set once the uploads are complete */
			settle(s, i, DCATIT_SYNC_CREATE, NULL);
			break;
		}
		op->stage = ST_UPDATE_AFTER_CREATE;
		dcatit_json_set_str(s->body[i], "id", id);
		issue(op, "package_update", s->body[i], true);
		return;
	}
	case ST_UPDATE:
	case ST_UPDATE_AFTER_CREATE:
		if (r->st == DCATIT_OK) {
			after_write(op, op->stage == ST_UPDATE ? DCATIT_SYNC_UPDATE : DCATIT_SYNC_CREATE,
			            dcatit_json_get_str(r->result, "id"));
			return;
		}
		settle(s, i, DCATIT_SYNC_FAILED, r->message);
		break;
	case ST_UPLOAD: {
		Run *run = &s->run[i];
		if (r->st != DCATIT_OK && !run->err)
			run->err = dcatit_strdup(r->message);
		if (--run->pending > 0)
			break;
		if (run->err) {
			settle(s, i, DCATIT_SYNC_FAILED, run->err);
			break;
		}
		/* read the package back: a retried upload may have left a twin */
		Op *next = calloc(1, sizeof *next);
		if (!next) {
			settle(s, i, DCATIT_SYNC_FAILED, "out of memory");
			break;
		}
		*next = (Op){ s, i, ST_SHOW_FINAL };
		DcatitJson *p = dcatit_json_object();
		dcatit_json_set_str(p, "id", run->pkg_id);
		issue(next, "package_show", p, false);
		dcatit_json_free(p);
		break;
	}
	case ST_SHOW_FINAL:
		if (r->st != DCATIT_OK) {
			settle(s, i, DCATIT_SYNC_FAILED, r->message);
			break;
		}
		op->stage = ST_UPDATE_FINAL;
		if (!final_body(s, i, r->result)) {
			settle(s, i, DCATIT_SYNC_FAILED, "out of memory");
			break;
		}
		issue(op, "package_update", s->body[i], true);
		return;
	case ST_UPDATE_FINAL:
		settle(s, i, r->st == DCATIT_OK ? s->run[i].outcome : DCATIT_SYNC_FAILED,
		       r->st == DCATIT_OK ? NULL : r->message);
		break;
	case ST_DELETE:
		settle(s, i, r->st == DCATIT_OK ? DCATIT_SYNC_DELETE : DCATIT_SYNC_FAILED,
		       r->st == DCATIT_OK ? NULL : r->message);
		break;
	}
	free(op);
}


/* ------------------------------------------------------------ uploads */

/* The local file behind a download URL, or NULL; caller frees. */
static char *local_path(const DcatitSyncOpts *o, const char *url)
{
	if (!url)
		return NULL;
	if (strncmp(url, "file://", 7) == 0)
		return dcatit_strdup(url + 7);
	for (size_t k = 0; k < o->nuploads; k++) {
		const char *pre = o->uploads[k].prefix;
		size_t n = strlen(pre);
		if (n && strncmp(url, pre, n) == 0 && url[n] && !strstr(url + n, "..")) {
			DcatitBuf b;
			dcatit_buf_init(&b);
			dcatit_buf_addf(&b, "%s/%s", o->uploads[k].dir, url + n);
			return b.oom ? (dcatit_buf_release(&b), NULL) : dcatit_buf_detach(&b);
		}
	}
	return NULL;
}

static bool file_sha256(const char *path, char hex[65], char *err, size_t errcap)
{
	DcatitFileDigest fd;
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_digest_file(path, false, &fd, &d) != DCATIT_OK) {
		snprintf(err, errcap, "%s", d.message);
		return false;
	}
	memcpy(hex, fd.sha256, sizeof fd.sha256);
	return true;
}

/* Move the resources backed by local files out of pkg's resources into
 * *uploads, each with its "upload_sha256" (kept, so the dataset hash covers
 * the files' content) and "_path". false with err set on an unreadable file. */
static bool split_uploads(const DcatitSyncOpts *o, DcatitJson *pkg, DcatitJson **uploads,
                          char *err, size_t errcap)
{
	*uploads = NULL;
	DcatitJson *res = dcatit_json_get(pkg, "resources");
	DcatitJson *keep = dcatit_json_array();
	if (!keep)
		return false;
	for (size_t i = 0; i < dcatit_json_size(res); i++) {
		DcatitJson *r = dcatit_json_at(res, i);
		const char *dl = dcatit_json_get_str(r, "download_url");
		char *path = local_path(o, dl ? dl : dcatit_json_get_str(r, "url"));
		if (!path) {
			dcatit_json_append(keep, dcatit_json_ref(r));
			continue;
		}
		char hex[65];
		if (!file_sha256(path, hex, err, errcap)) {
			free(path);
			dcatit_json_free(keep);
			dcatit_json_free(*uploads);
			*uploads = NULL;
			return false;
		}
		if (!*uploads)
			*uploads = dcatit_json_array();
		DcatitJson *u = dcatit_json_copy(r);
		dcatit_json_set_str(u, "upload_sha256", hex);
		dcatit_json_set_str(u, "_path", path);
		dcatit_json_append(*uploads, u);
		free(path);
	}
	/* the uploads' digests enter the hash through a field of the dict */
	if (*uploads) {
		DcatitJson *digests = dcatit_json_array();
		for (size_t i = 0; i < dcatit_json_size(*uploads); i++)
			dcatit_json_append(digests, dcatit_json_string(
				dcatit_json_get_str(dcatit_json_at(*uploads, i), "upload_sha256")));
		dcatit_json_set(pkg, "dcatit_uploads", digests);
	}
	dcatit_json_set(pkg, "resources", keep);
	return true;
}

static void after_write(Op *op, DcatitSyncAction outcome, const char *pkg_id)
{
	Sync *s = op->s;
	size_t i = op->i;
	Run *run = &s->run[i];
	size_t n = dcatit_json_size(run->uploads);
	if (!n || !pkg_id) {
		settle(s, i, outcome, NULL);
		free(op);
		return;
	}
	free(run->pkg_id);
	run->pkg_id = dcatit_strdup(pkg_id);
	run->outcome = outcome;
	run->pending = n;
	free(op);
	for (size_t k = 0; k < n; k++) {
		DcatitJson *u = dcatit_json_at(run->uploads, k);
		/* size and mimetype are CKAN's, from the file itself */
		static const char *const fields[] = { "name", "description", "format",
			"distribution_format", "license_type", "uri", "access_url", "upload_sha256",
			"hash", "hash_algorithm", "issued", "modified", "language", "conforms_to" };
		DcatitHttpPart parts[2 + sizeof fields / sizeof fields[0]];
		size_t np = 0;
		parts[np++] = (DcatitHttpPart){ .name = "package_id", .value = run->pkg_id };
		for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
			const char *v = dcatit_json_get_str(u, fields[f]);
			if (v)
				parts[np++] = (DcatitHttpPart){ .name = fields[f], .value = v };
		}
		const char *path = dcatit_json_get_str(u, "_path");
		const char *base = strrchr(path, '/');
		parts[np++] = (DcatitHttpPart){ .name = "upload", .file = path,
		                                .filename = base ? base + 1 : path };
		Op *up = calloc(1, sizeof *up);
		DcatitDiag d;
		dcatit_diag_init(&d);
		if (!up || dcatit_ckan_upload(s->api, "resource_create", parts, np, on_op, up, &d)
		    != DCATIT_OK) {
			free(up);
			/* count it as done and failed */
			if (!run->err)
				run->err = dcatit_strdup(up ? d.message : "out of memory");
			if (--run->pending == 0)
				settle(s, i, DCATIT_SYNC_FAILED, run->err);
			continue;
		}
		*up = (Op){ s, i, ST_UPLOAD };
	}
}

/* The body of the last update of a dataset with uploads: our dict, the
 * uploaded resources as CKAN holds them (one per digest and name, so a
 * retried upload leaves no twin), and the final hash. */
static bool final_body(Sync *s, size_t i, const DcatitJson *shown)
{
	DcatitJson *b = s->body[i];
	const char *id = dcatit_json_get_str(shown, "id");
	if (!id || !dcatit_json_set_str(b, "id", id))
		return false;
	DcatitJson *res = dcatit_json_get(b, "resources");
	DcatitJson *got = dcatit_json_get(shown, "resources");
	size_t base = dcatit_json_size(res);
	for (size_t k = 0; k < dcatit_json_size(got); k++) {
		DcatitJson *r = dcatit_json_at(got, k);
		const char *dig = dcatit_json_get_str(r, "upload_sha256");
		const char *name = dcatit_json_get_str(r, "name");
		const char *ut = dcatit_json_get_str(r, "url_type");
		if (!dig || !ut || strcmp(ut, "upload") != 0)
			continue;
		bool twin = false;
		for (size_t j = base; j < dcatit_json_size(res) && !twin; j++) {
			DcatitJson *x = dcatit_json_at(res, j);
			const char *xn = dcatit_json_get_str(x, "name");
			twin = strcmp(dcatit_json_get_str(x, "upload_sha256"), dig) == 0 &&
			       ((!xn && !name) || (xn && name && strcmp(xn, name) == 0));
		}
		if (!twin && !dcatit_json_append(res, dcatit_json_copy(r)))
			return false;
	}
	DcatitJson *ex = dcatit_json_get(b, "extras");
	for (size_t k = 0; k < dcatit_json_size(ex); k++) {
		DcatitJson *e = dcatit_json_at(ex, k);
		const char *key = dcatit_json_get_str(e, "key");
		if (key && strcmp(key, "dcatit_hash") == 0)
			return dcatit_json_set_str(e, "value", s->hash[i]);
	}
	return false;
}


/* ------------------------------------------------------------ string set */

/* Open addressing over borrowed strings: the plan checks identifiers and
 * names of tens of thousands of datasets, so no quadratic scans. */
typedef struct {
	const char **slot;
	size_t cap, n;
} Set;

static size_t str_hash(const char *s)
{
	return (size_t)dcatit_hash_str(s);
}

static bool set_has(const Set *set, const char *s)
{
	if (!set->cap)
		return false;
	for (size_t i = str_hash(s) & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
		if (!set->slot[i])
			return false;
		if (strcmp(set->slot[i], s) == 0)
			return true;
	}
}

/* 1 when added, 0 when already there, -1 on OOM. */
static int set_add(Set *set, const char *s)
{
	if (set_has(set, s))
		return 0;
	if ((set->n + 1) * 2 > set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		const char **slot = calloc(cap, sizeof *slot);
		if (!slot)
			return -1;
		for (size_t k = 0; k < set->cap; k++) {
			if (!set->slot[k])
				continue;
			size_t i = str_hash(set->slot[k]) & (cap - 1);
			while (slot[i])
				i = (i + 1) & (cap - 1);
			slot[i] = set->slot[k];
		}
		free(set->slot);
		set->slot = slot;
		set->cap = cap;
	}
	size_t i = str_hash(s) & (set->cap - 1);
	while (set->slot[i])
		i = (i + 1) & (set->cap - 1);
	set->slot[i] = s;
	set->n++;
	return 1;
}

/* ------------------------------------------------------------ driver */

static bool add_item(DcatitSyncReport *rep, size_t *cap, const char *identifier,
                     const char *name, DcatitSyncAction a, const char *msg)
{
	if (rep->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		DcatitSyncItem *n = realloc(rep->items, nc * sizeof *n);
		if (!n)
			return false;
		rep->items = n;
		*cap = nc;
	}
	DcatitSyncItem *it = &rep->items[rep->n++];
	it->identifier = dcatit_strdup(identifier ? identifier : "");
	it->name = dcatit_strdup(name ? name : "");
	it->planned = a;
	it->outcome = a;
	it->message = dcatit_strdup(msg);
	return it->identifier && it->name && (!msg || it->message);
}

static bool add_extra(DcatitJson *pkg, const char *k, const char *v)
{
	DcatitJson *ex = dcatit_json_get(pkg, "extras");
	if (!ex) {
		if (!dcatit_json_set(pkg, "extras", dcatit_json_array()))
			return false;
		ex = dcatit_json_get(pkg, "extras");
	}
	DcatitJson *e = dcatit_json_object();
	return e && dcatit_json_set_str(e, "key", k) && dcatit_json_set_str(e, "value", v) &&
	       dcatit_json_append(ex, e);
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

DcatitStatus dcatit_ckan_sync(DcatitCkan *api, DcatitModel *m, const DcatitSyncOpts *o,
                              DcatitSyncReport *rep, DcatitDiag *d)
{
	memset(rep, 0, sizeof *rep);
	if (!o || !o->org || !*o->org)
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0, "no organization given");
	Sync s = { .api = api, .o = o, .rep = rep };
	DcatitStatus st = DCATIT_OK;
	DcatitTermId *ds = NULL;
	size_t nds = 0, cap = 0, mapped_failures = 0;
	char **names = NULL; /* sorted names in use, for collisions */
	size_t nnames = 0;
	Set idents = { 0 }; /* identifiers of the catalogue (owned copies) */
	Set used = { 0 };   /* names given to new packages (borrowed) */

	/* phase 1: the organization */
	DcatitJson *p = dcatit_json_object();
	dcatit_json_set_str(p, "id", o->org);
	st = dcatit_ckan_call(api, "organization_show", p, false, on_org_show, &s, d);
	dcatit_json_free(p);
	if (st == DCATIT_OK)
		st = dcatit_ckan_run(api, d);
	if (st == DCATIT_OK && s.fatal != DCATIT_OK)
		st = dcatit_diag_set(d, s.fatal, NULL, 0, 0, "%s", s.fatal_msg);
	if (st != DCATIT_OK)
		goto out;

	/* phase 2: what the organization holds */
	if (s.org_id) {
		st = list_page(&s, 0, d);
		if (st == DCATIT_OK)
			st = dcatit_ckan_run(api, d);
		for (long long start = SEARCH_ROWS; st == DCATIT_OK && s.fatal == DCATIT_OK &&
		     start < s.count; start += SEARCH_ROWS)
			st = list_page(&s, start, d);
		if (st == DCATIT_OK)
			st = dcatit_ckan_run(api, d);
		if (st == DCATIT_OK && s.fatal != DCATIT_OK)
			st = dcatit_diag_set(d, s.fatal, NULL, 0, 0, "%s", s.fatal_msg);
		if (st != DCATIT_OK)
			goto out;
		if (s.nex > 1)
			qsort(s.ex, s.nex, sizeof *s.ex, cmp_ex);
	}

	/* phase 3: the plan */
	st = dcatit_ckan_map_datasets(m, &ds, &nds);
	if (st != DCATIT_OK) {
		dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
		goto out;
	}
	s.body = calloc(nds + 1, sizeof *s.body);
	s.hash = calloc(nds + 1, sizeof *s.hash);
	s.pkg_id = calloc(nds + s.nex + 1, sizeof *s.pkg_id);
	names = calloc(nds + s.nex + 1, sizeof *names);
	s.run = calloc(nds + s.nex + 1, sizeof *s.run);
	if (!s.body || !s.hash || !s.pkg_id || !names || !s.run) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < s.nex; i++)
		names[nnames++] = s.ex[i].name;
	qsort(names, nnames, sizeof *names, cmp_cstr);
	for (size_t k = 0; k < nds; k++) {
		DcatitJson *pkg = NULL;
		DcatitDiag md;
		dcatit_diag_init(&md);
		size_t i = rep->n;
		if (dcatit_ckan_map_dataset(m, ds[k], &pkg, &md) != DCATIT_OK) {
			char msg[1600];
			if (md.file[0])
				snprintf(msg, sizeof msg, "%s:%lu: %s", md.file, md.line, md.message);
			else
				snprintf(msg, sizeof msg, "%s", md.message);
			mapped_failures++;
			if (!add_item(rep, &cap, "", "", DCATIT_SYNC_FAILED, msg))
				goto oom;
			continue;
		}
		const char *ident = dcatit_json_get_str(pkg, "identifier");
		char *ident_copy = dcatit_strdup(ident); /* pkg may go before the set */
		int seen = ident_copy ? set_add(&idents, ident_copy) : -1;
		if (seen <= 0)
			free(ident_copy);
		if (seen < 0)
			goto oom;
		if (seen == 0) {
			add_item(rep, &cap, ident, "", DCATIT_SYNC_FAILED,
			         "the identifier appears twice in the catalogue");
			dcatit_json_free(pkg);
			continue;
		}
		/* claimed first: a dataset that fails below is still no prune target */
		Existing *e = find_ex(&s, ident);
		for (Existing *x = e; x && x < s.ex + s.nex && strcmp(x->identifier, ident) == 0; x++)
			x->claimed = true;
		DcatitJson *uploads = NULL;
		char uerr[1200];
		if (!split_uploads(o, pkg, &uploads, uerr, sizeof uerr)) {
			add_item(rep, &cap, ident, e ? e->name : "", DCATIT_SYNC_FAILED, uerr);
			dcatit_json_free(pkg);
			continue;
		}
		char hash[40];
		dcatit_ckan_sync_hash(pkg, hash);
		s.run[i].uploads = uploads;
		if (e) {
			if (!e->managed) {
				char msg[600];
				snprintf(msg, sizeof msg, "package '%.200s' has this identifier and is not "
				         "managed by dcatit; not overwritten", e->name);
				add_item(rep, &cap, ident, e->name, DCATIT_SYNC_FAILED, msg);
				dcatit_json_free(pkg);
				continue;
			}
			if (!o->force && e->hash && strcmp(e->hash, hash) == 0) {
				add_item(rep, &cap, ident, e->name, DCATIT_SYNC_UNCHANGED, NULL);
				dcatit_json_free(pkg);
				continue;
			}
			if (!add_item(rep, &cap, ident, e->name, DCATIT_SYNC_UPDATE, NULL))
				goto oom;
			dcatit_json_set_str(pkg, "id", e->id);
			dcatit_json_set_str(pkg, "name", e->name);
		} else {
			char name[128];
			if (!dcatit_ckan_name_from_identifier(ident, name, sizeof name))
				snprintf(name, sizeof name, "ds");
			/* a name another identifier already holds: suffix a hash */
			bool taken = strlen(name) < 2 ||
			             bsearch(&(char *){ name }, names, nnames, sizeof *names, cmp_cstr);
			taken = taken || set_has(&used, name);
			if (taken) {
				size_t n = strlen(name);
				if (n > 90)
					n = 90;
				snprintf(name + n, sizeof name - n, "-%.7s", hash + 3);
			}
			if (!add_item(rep, &cap, ident, name, DCATIT_SYNC_CREATE, NULL) ||
			    set_add(&used, rep->items[rep->n - 1].name) < 0)
				goto oom;
			dcatit_json_set_str(pkg, "name", name);
		}
		dcatit_json_set_str(pkg, "owner_org", s.org_id ? s.org_id : o->org);
		char shown_hash[64];
		snprintf(shown_hash, sizeof shown_hash, "%s%s", uploads ? PENDING : "", hash);
		if (!add_extra(pkg, "dcatit_managed", "true") ||
		    !add_extra(pkg, "dcatit_hash", shown_hash))
			goto oom;
		/* bodies are indexed by item number (at most one item per dataset) */
		s.body[rep->n - 1] = pkg;
		s.hash[rep->n - 1] = dcatit_strdup(hash);
		if (!s.hash[rep->n - 1])
			goto oom;
	}
	size_t ncat = rep->n;
	if (o->prune) {
		if (ncat == 0)
			rep->prune_skipped = "the catalogue has no datasets";
		else if (mapped_failures)
			rep->prune_skipped = "some datasets of the catalogue could not be mapped";
		else {
			for (size_t k = 0; k < s.nex; k++) {
				Existing *e = &s.ex[k];
				if (e->claimed || !e->managed)
					continue;
				size_t i = rep->n;
				if (i >= nds + s.nex + 1)
					break;
				if (!add_item(rep, &cap, e->identifier, e->name, DCATIT_SYNC_DELETE, NULL))
					goto oom;
				s.pkg_id[i] = e->id;
			}
		}
	}
	for (size_t i = 0; i < rep->n; i++)
		if (rep->items[i].planned != DCATIT_SYNC_UNCHANGED &&
		    rep->items[i].planned != DCATIT_SYNC_FAILED)
			s.total++;

	/* phase 4: apply */
	if (!o->dry_run) {
		for (size_t i = 0; i < rep->n; i++) {
			DcatitSyncAction a = rep->items[i].planned;
			if (a == DCATIT_SYNC_UNCHANGED || a == DCATIT_SYNC_FAILED)
				continue;
			Op *op = calloc(1, sizeof *op);
			if (!op)
				goto oom;
			op->s = &s;
			op->i = i;
			if (a == DCATIT_SYNC_CREATE) {
				op->stage = ST_CREATE;
				issue(op, "package_create", s.body[i], true);
			} else if (a == DCATIT_SYNC_UPDATE) {
				op->stage = ST_UPDATE;
				issue(op, "package_update", s.body[i], true);
			} else {
				op->stage = ST_DELETE;
				DcatitJson *dp = dcatit_json_object();
				dcatit_json_set_str(dp, "id", s.pkg_id[i]);
				issue(op, "package_delete", dp, true);
				dcatit_json_free(dp);
			}
		}
		st = dcatit_ckan_run(api, d);
		if (st != DCATIT_OK)
			goto out;
	}
	for (size_t i = 0; i < rep->n; i++) {
		switch (rep->items[i].outcome) {
		case DCATIT_SYNC_CREATE: rep->created++; break;
		case DCATIT_SYNC_UPDATE: rep->updated++; break;
		case DCATIT_SYNC_UNCHANGED: rep->unchanged++; break;
		case DCATIT_SYNC_DELETE: rep->deleted++; break;
		case DCATIT_SYNC_FAILED: rep->failed++; break;
		}
	}
	goto out;
oom:
	st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
out:
	for (size_t i = 0; s.body && i <= nds; i++) {
		dcatit_json_free(s.body[i]);
		free(s.hash[i]);
	}
	free(s.body);
	free(s.hash);
	for (size_t i = 0; s.run && i < nds + s.nex + 1; i++) {
		dcatit_json_free(s.run[i].uploads);
		free(s.run[i].pkg_id);
		free(s.run[i].err);
	}
	free(s.run);
	free(s.pkg_id);
	free(names);
	for (size_t k = 0; k < idents.cap; k++)
		free((char *)idents.slot[k]);
	free(idents.slot);
	free(used.slot);
	for (size_t i = 0; i < s.nex; i++) {
		free(s.ex[i].id);
		free(s.ex[i].name);
		free(s.ex[i].identifier);
		free(s.ex[i].hash);
		free(s.ex[i].owner);
	}
	free(s.ex);
	free(s.org_id);
	free(ds);
	return st;
}
