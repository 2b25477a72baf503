/* sync.c: plan and apply a push to one CKAN organization, in four phases
 * (sync_org, sync_list, sync_plan, sync_apply). Identity is the dataset
 * identifier; the package name is derived from it once, at creation, and
 * then kept. Each package we write carries three extras: dcatit_managed=
 * true, dcatit_catalog (the catalogue's IRI) and dcatit_hash (of the
 * mapped dict), so an unchanged dataset costs no write, and --prune only
 * ever touches the packages of this catalogue in this organization, and
 * at most a share of them (base/guard.h). Writes that may have happened
 * although their answer was lost (dropped connection, then a retry) are
 * recognised on the retry's 409 by reading the package back, so reruns
 * converge. Local files are read only under --upload directories, opened
 * and checked by base/fsafe.h, and uploaded from the descriptor checked. */
#include "ckan/sync.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/digest.h"
#include "base/fsafe.h"
#include "base/guard.h"
#include "base/i18n.h"
#include "base/str.h"
#include "ckan/map.h"
#include "rdf/term.h"
#include "rdf/vocab.h"

#define SEARCH_ROWS 1000 /* CKAN's default rows_max: larger is silently cut */
/* An organization announcing more packages is a broken or hostile portal:
 * its count would queue a request per 1,000 (10^12 -> 10^9 requests). The
 * largest Italian portals hold tens of thousands of datasets in all. */
#define MAX_LISTED 2000000LL

typedef struct {
	char *id, *name, *identifier, *hash, *owner;
	char *catalog; /* dcatit_catalog of the marker, or NULL */
	bool managed;
	bool claimed; /* matched by a catalogue dataset */
} Existing;

/* Open addressing over borrowed strings: the plan checks identifiers and
 * names of tens of thousands of datasets, so no quadratic scans. */
typedef struct {
	const char **slot;
	size_t cap, n;
} Set;

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
	/* the plan */
	DcatitTermId *ds;    /* datasets of the model */
	size_t nds;
	size_t cap;          /* of rep->items */
	size_t mapped_failures;
	char **names;        /* sorted names in use, for collisions */
	size_t nnames;
	Set idents;          /* identifiers of the catalogue (owned copies) */
	Set used;            /* names given to new packages (borrowed) */
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
	/* TRANSLATORS: the first column of push --dry-run's plan (9 wide) */
	switch (a) {
	case DCATIT_SYNC_CREATE: return _("create");
	case DCATIT_SYNC_UPDATE: return _("update");
	case DCATIT_SYNC_UNCHANGED: return _("unchanged");
	case DCATIT_SYNC_DELETE: return _("delete");
	case DCATIT_SYNC_FAILED: return _("failed");
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
	free(rep->catalog);
	free(rep->org_old_title);
	free(rep->org_old_identifier);
	free(rep->org_message);
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
		set_fatal(s, r->st, _("cannot create organization '%s': %s"), s->o->org, r->message);
		return;
	}
	s->org_id = dcatit_strdup(dcatit_json_get_str(r->result, "id"));
	s->rep->org_created = true;
}

static void on_org_patch(void *ud, const DcatitCkanReply *r)
{
	Sync *s = ud;
	if (r->st != DCATIT_OK)
		s->rep->org_message = dcatit_strdup(r->message);
}

/* ckanext-dcatapit names the rights holder and publisher of every dataset
 * of an organization after the organization (title and identifier): an
 * organization that exists with another title gives the datasets a holder
 * that is not the official IPA name. Align it with the catalogue's holder. */
static void align_org(Sync *s, const DcatitJson *org)
{
	const char *title = dcatit_json_get_str(org, "title");
	const char *ident = dcatit_json_get_str(org, "identifier");
	const char *want_t = s->o->org_title, *want_i = s->o->org_identifier;
	bool t = want_t && *want_t && (!title || strcmp(title, want_t) != 0);
	bool i = want_i && *want_i && (!ident || strcmp(ident, want_i) != 0);
	if (!t && !i)
		return;
	if (t)
		s->rep->org_old_title = dcatit_strdup(title ? title : "");
	if (i)
		s->rep->org_old_identifier = dcatit_strdup(ident ? ident : "");
	if (s->o->dry_run)
		return;
	DcatitJson *p = dcatit_json_object();
	dcatit_json_set_str(p, "id", s->org_id);
	if (t)
		dcatit_json_set_str(p, "title", want_t);
	if (i)
		dcatit_json_set_str(p, "identifier", want_i);
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_ckan_call(s->api, "organization_patch", p, true, on_org_patch, s, &d) != DCATIT_OK)
		s->rep->org_message = dcatit_strdup(d.message);
	dcatit_json_free(p);
}

static void on_org_show(void *ud, const DcatitCkanReply *r)
{
	Sync *s = ud;
	if (r->st == DCATIT_OK) {
		s->org_id = dcatit_strdup(dcatit_json_get_str(r->result, "id"));
		if (s->org_id)
			align_org(s, r->result);
		return;
	}
	if (r->http_status != 404) {
		set_fatal(s, r->st, _("cannot read organization '%s': %s"), s->o->org, r->message);
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
		set_fatal(s, d.status, _("cannot create organization '%s': %s"), s->o->org, d.message);
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
		set_fatal(s, r->st, _("cannot list the packages of '%s': %s"), s->o->org, r->message);
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
		const char *cat = dcatit_ckan_field(p, "dcatit_catalog");
		Existing *e = &s->ex[s->nex++];
		memset(e, 0, sizeof *e);
		e->id = dcatit_strdup(dcatit_json_get_str(p, "id"));
		e->name = dcatit_strdup(dcatit_json_get_str(p, "name"));
		e->identifier = dcatit_strdup(ident ? ident : "");
		e->hash = dcatit_strdup(dcatit_ckan_field(p, "dcatit_hash"));
		e->owner = dcatit_strdup(dcatit_json_get_str(p, "owner_org"));
		e->catalog = cat && *cat ? dcatit_strdup(cat) : NULL;
		e->managed = managed && strcmp(managed, "true") == 0;
		if (!e->id || !e->name || !e->identifier || (cat && *cat && !e->catalog))
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
			dcatit_buf_addf(&b, _("package name '%s' is taken by a package that dcatit does "
			                  "not manage here (identifier '%s'); not overwritten"),
			                it->name, ident ? ident : "");
			settle(s, i, DCATIT_SYNC_FAILED, b.oom ? _("name taken") : b.data);
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

/* Does s start with the file: scheme (any case)? */
static bool is_file_url(const char *s)
{
	return s && strncasecmp(s, "file:", 5) == 0;
}

/* The --upload mapping a URL falls under: its index, *rel set to the rest
 * of the URL; -1 when none does. */
static int upload_map(const DcatitSyncOpts *o, const char *url, const char **rel)
{
	for (size_t k = 0; url && k < o->nuploads; k++) {
		const char *pre = o->uploads[k].prefix;
		size_t n = strlen(pre);
		if (n && strncmp(url, pre, n) == 0 && url[n]) {
			*rel = url + n;
			return (int)k;
		}
	}
	return -1;
}

/* Hash an open file from offset 0; false with err set on a read error. */
static bool fd_sha256(int fd, const char *what, char hex[65], char *err, size_t errcap)
{
	DcatitFileDigest dig;
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_digest_fd(fd, what, false, &dig, &d) != DCATIT_OK) {
		snprintf(err, errcap, "%s", d.message);
		return false;
	}
	memcpy(hex, dig.sha256, sizeof dig.sha256);
	return true;
}

/* The first string of j (depth first) that is a file: URL, or NULL. */
static const char *find_file_url(const DcatitJson *j)
{
	const char *s = dcatit_json_str(j);
	if (s)
		return is_file_url(s) ? s : NULL;
	for (size_t i = 0; i < dcatit_json_size(j) && dcatit_json_is_array(j); i++)
		if ((s = find_file_url(dcatit_json_at(j, i))))
			return s;
	void *it = NULL;
	const char *k;
	DcatitJson *v;
	while (dcatit_json_is_object(j) && dcatit_json_next(j, &it, &k, &v))
		if ((s = find_file_url(v)))
			return s;
	return NULL;
}

/* The identity of an upload's file when it was hashed, kept in the
 * upload dict so the upload can insist on the same file. */
static bool stat_text(const struct stat *st, char *out, size_t cap)
{
	return snprintf(out, cap, "%llu:%llu:%lld:%lld.%09ld:%lld.%09ld",
	                (unsigned long long)st->st_dev, (unsigned long long)st->st_ino,
	                (long long)st->st_size, (long long)st->st_mtim.tv_sec,
	                (long)st->st_mtim.tv_nsec, (long long)st->st_ctim.tv_sec,
	                (long)st->st_ctim.tv_nsec) < (int)cap;
}

/* Move the resources backed by local files (under an --upload mapping)
 * out of pkg's resources into *uploads, each with its "upload_sha256"
 * (kept, so the dataset hash covers the files' content) and the private
 * "_dir", "_rel", "_stat" of the file checked. false with err set on a
 * file that cannot be uploaded, or on a file: URL anywhere in the
 * dataset: nothing of it is then uploaded. */
static bool split_uploads(const DcatitSyncOpts *o, DcatitJson *pkg, DcatitJson **uploads,
                          char *err, size_t errcap)
{
	*uploads = NULL;
	DcatitJson *res = dcatit_json_get(pkg, "resources");
	DcatitJson *keep = dcatit_json_array();
	if (!keep) {
		snprintf(err, errcap, "out of memory");
		return false;
	}
	bool ok = true;
	for (size_t i = 0; ok && i < dcatit_json_size(res); i++) {
		DcatitJson *r = dcatit_json_at(res, i);
		const char *dl = dcatit_json_get_str(r, "download_url");
		const char *url = dl ? dl : dcatit_json_get_str(r, "url");
		const char *rel = NULL;
		int k = upload_map(o, url, &rel);
		if (k < 0) {
			ok = dcatit_json_append(keep, dcatit_json_ref(r));
			continue;
		}
		int fd;
		struct stat st;
		DcatitDiag fd_d;
		dcatit_diag_init(&fd_d);
		if (dcatit_fsafe_open_under(o->uploads[k].dir, rel, &fd, &st, &fd_d) != DCATIT_OK) {
			snprintf(err, errcap, _("cannot upload '%s': %s"), url, fd_d.message);
			ok = false;
			break;
		}
		char hex[65], id[128];
		ok = fd_sha256(fd, url, hex, err, errcap) && stat_text(&st, id, sizeof id);
		close(fd);
		if (!ok)
			break;
		if (!*uploads)
			*uploads = dcatit_json_array();
		DcatitJson *u = dcatit_json_copy(r);
		ok = *uploads && u && dcatit_json_set_str(u, "upload_sha256", hex) &&
		     dcatit_json_set_str(u, "_dir", o->uploads[k].dir) &&
		     dcatit_json_set_str(u, "_rel", rel) && dcatit_json_set_str(u, "_stat", id);
		if (!ok || !dcatit_json_append(*uploads, u)) {
			if (!ok)
				dcatit_json_free(u);
			snprintf(err, errcap, "out of memory");
			ok = false;
		}
	}
	/* what is left is published as is: a file: URL in it would be a local
	 * path on a public portal, or an upload nobody asked for */
	const char *local = NULL;
	for (size_t i = 0; ok && i < dcatit_json_size(keep) && !local; i++)
		local = find_file_url(dcatit_json_at(keep, i));
	void *it = NULL;
	const char *key;
	DcatitJson *v;
	while (ok && !local && dcatit_json_next(pkg, &it, &key, &v))
		if (strcmp(key, "resources") != 0)
			local = find_file_url(v);
	for (size_t i = 0; ok && !local && i < dcatit_json_size(*uploads); i++) {
		DcatitJson *u = dcatit_json_at(*uploads, i);
		it = NULL;
		while (!local && dcatit_json_next(u, &it, &key, &v))
			if (strcmp(key, "url") != 0 && strcmp(key, "download_url") != 0 && key[0] != '_')
				local = find_file_url(v);
	}
	if (ok && local) {
		snprintf(err, errcap, _("'%.600s' is a local file: push uploads local files only from "
		           "the directories given with --upload URL=DIR, and links no file: URL"), local);
		ok = false;
	}
	if (!ok) {
		dcatit_json_free(keep);
		dcatit_json_free(*uploads);
		*uploads = NULL;
		return false;
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

/* Open an upload's file again, with the same checks, and insist it is the
 * file that was hashed: the descriptor is what gets sent. */
static bool reopen_upload(const DcatitJson *u, int *fd, struct stat *st, char *err,
                          size_t errcap)
{
	const char *dir = dcatit_json_get_str(u, "_dir"), *rel = dcatit_json_get_str(u, "_rel");
	const char *was = dcatit_json_get_str(u, "_stat");
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_fsafe_open_under(dir, rel, fd, st, &d) != DCATIT_OK) {
		snprintf(err, errcap, _("cannot upload '%s': %s"), rel, d.message);
		return false;
	}
	char now[128];
	if (!stat_text(st, now, sizeof now) || !was || strcmp(now, was) != 0) {
		snprintf(err, errcap, _("cannot upload '%s/%s': it changed since it was hashed; push "
		           "again"), dir, rel);
		close(*fd);
		*fd = -1;
		return false;
	}
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
		const char *rel = dcatit_json_get_str(u, "_rel");
		const char *base = strrchr(rel, '/');
		char err[1400] = "out of memory";
		int fd = -1;
		struct stat st;
		Op *up = calloc(1, sizeof *up);
		bool ok = up && reopen_upload(u, &fd, &st, err, sizeof err);
		if (ok) {
			parts[np++] = (DcatitHttpPart){ .name = "upload", .filename = base ? base + 1 : rel,
			                                .fd = fd, .size = (long long)st.st_size };
			DcatitDiag d;
			dcatit_diag_init(&d);
			ok = dcatit_ckan_upload(s->api, "resource_create", parts, np, on_op, up, &d)
			     == DCATIT_OK;
			if (!ok)
				snprintf(err, sizeof err, "%s", d.message);
		}
		if (fd >= 0)
			close(fd); /* the transfer holds its own descriptor */
		if (!ok) {
			free(up);
			/* count it as done and failed */
			if (!run->err)
				run->err = dcatit_strdup(err);
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

/* ------------------------------------------------------------ phases */

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
	memset(it, 0, sizeof *it);
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

/* Run what is queued; a fatal failure of a callback becomes the status. */
static DcatitStatus run_queued(Sync *s, DcatitDiag *d)
{
	DcatitStatus st = dcatit_ckan_run(s->api, d);
	if (st == DCATIT_OK && s->fatal != DCATIT_OK)
		st = dcatit_diag_set(d, s->fatal, NULL, 0, 0, "%s", s->fatal_msg);
	return st;
}

/* Phase 1: the organization, created when missing (on_org_show). */
static DcatitStatus sync_org(Sync *s, DcatitDiag *d)
{
	DcatitJson *p = dcatit_json_object();
	if (!p || !dcatit_json_set_str(p, "id", s->o->org)) {
		dcatit_json_free(p);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	DcatitStatus st = dcatit_ckan_call(s->api, "organization_show", p, false, on_org_show, s, d);
	dcatit_json_free(p);
	return st == DCATIT_OK ? run_queued(s, d) : st;
}

/* Phase 2: every package the organization holds, sorted by identifier. */
static DcatitStatus sync_list(Sync *s, DcatitDiag *d)
{
	if (!s->org_id)
		return DCATIT_OK; /* to be created: it holds nothing */
	DcatitStatus st = list_page(s, 0, d);
	if (st == DCATIT_OK)
		st = run_queued(s, d);
	if (st == DCATIT_OK && s->count > MAX_LISTED)
		st = dcatit_diag_set(d, DCATIT_ERR_LIMIT, NULL, 0, 0, "the portal announces %lld "
		                     "packages in '%s', more than dcatit lists (%lld): nothing done",
		                     s->count, s->o->org, MAX_LISTED);
	for (long long start = SEARCH_ROWS; st == DCATIT_OK && start < s->count;
	     start += SEARCH_ROWS)
		st = list_page(s, start, d);
	if (st == DCATIT_OK)
		st = run_queued(s, d);
	if (st == DCATIT_OK && s->nex > 1)
		qsort(s->ex, s->nex, sizeof *s->ex, cmp_ex);
	return st;
}

/* The catalogue IRI of the model: its one dcat:Catalog IRI; NULL when it
 * has none or several (borrowed from the term store). */
static const char *catalog_iri(DcatitModel *m)
{
	DcatitTerms *t = dcatit_model_terms(m);
	DcatitTermId type = dcatit_terms_find_iri(t, DCATIT_NS_RDF "type");
	DcatitTermId cls = dcatit_terms_find_iri(t, DCATIT_NS_DCAT "Catalog");
	if (!type || !cls)
		return NULL;
	DcatitRange r = dcatit_model_po(m, type, cls);
	DcatitTermId found = 0;
	for (size_t i = 0; i < r.n; i++) {
		DcatitTermId c = dcatit_model_triple(m, r.idx[i])->s;
		if (!dcatit_terms_is_iri(t, c) || (found && found != c))
			return NULL;
		found = c;
	}
	return found ? dcatit_terms_str(t, found) : NULL;
}

/* Is e a package of this catalogue in this organization (the only kind
 * --prune may delete)? */
static bool ours(const Sync *s, const Existing *e)
{
	return e->managed && e->catalog && s->rep->catalog &&
	       strcmp(e->catalog, s->rep->catalog) == 0 && e->owner && s->org_id &&
	       strcmp(e->owner, s->org_id) == 0;
}

/* The plan of one dataset: map it, split its uploads, hash it, and add
 * one item (create, update, unchanged or failed) with its body. false on
 * out of memory only. */
static bool plan_dataset(Sync *s, DcatitModel *m, DcatitTermId dsid)
{
	const DcatitSyncOpts *o = s->o;
	DcatitSyncReport *rep = s->rep;
	DcatitJson *pkg = NULL;
	DcatitDiag md;
	dcatit_diag_init(&md);
	size_t i = rep->n;
	if (dcatit_ckan_map_dataset(m, dsid, &pkg, &md) != DCATIT_OK) {
		char msg[1600];
		if (md.file[0])
			snprintf(msg, sizeof msg, "%s:%lu: %s", md.file, md.line, md.message);
		else
			snprintf(msg, sizeof msg, "%s", md.message);
		s->mapped_failures++;
		return add_item(rep, &s->cap, "", "", DCATIT_SYNC_FAILED, msg);
	}
	const char *ident = dcatit_json_get_str(pkg, "identifier");
	char *ident_copy = dcatit_strdup(ident); /* pkg may go before the set */
	int seen = ident_copy ? set_add(&s->idents, ident_copy) : -1;
	if (seen <= 0)
		free(ident_copy);
	if (seen == 0) {
		bool ok = add_item(rep, &s->cap, ident, "", DCATIT_SYNC_FAILED,
		                   _("the identifier appears twice in the catalogue"));
		dcatit_json_free(pkg);
		return ok;
	}
	if (seen < 0) {
		dcatit_json_free(pkg);
		return false;
	}
	/* claimed first: a dataset that fails below is still no prune target */
	Existing *e = find_ex(s, ident);
	for (Existing *x = e; x && x < s->ex + s->nex && strcmp(x->identifier, ident) == 0; x++)
		x->claimed = true;
	DcatitJson *uploads = NULL;
	char uerr[1400];
	if (!split_uploads(o, pkg, &uploads, uerr, sizeof uerr)) {
		bool ok = add_item(rep, &s->cap, ident, e ? e->name : "", DCATIT_SYNC_FAILED, uerr);
		dcatit_json_free(pkg);
		return ok;
	}
	if (rep->catalog && !add_extra(pkg, "dcatit_catalog", rep->catalog)) {
		dcatit_json_free(pkg);
		dcatit_json_free(uploads);
		return false;
	}
	char hash[40];
	dcatit_ckan_sync_hash(pkg, hash);
	s->run[i].uploads = uploads;
	if (e) {
		const char *refuse = !e->managed ? _("is not managed by dcatit")
		                     : (!e->owner || !s->org_id || strcmp(e->owner, s->org_id) != 0)
		                     ? _("belongs to another organization") : NULL;
		if (refuse) {
			char msg[600];
			snprintf(msg, sizeof msg, _("package '%.200s' has this identifier and %s; not "
			           "overwritten"), e->name, refuse);
			bool ok = add_item(rep, &s->cap, ident, e->name, DCATIT_SYNC_FAILED, msg);
			dcatit_json_free(pkg); /* ident is pkg's */
			return ok;
		}
		if (!o->force && e->hash && strcmp(e->hash, hash) == 0) {
			bool ok = add_item(rep, &s->cap, ident, e->name, DCATIT_SYNC_UNCHANGED, NULL);
			dcatit_json_free(pkg);
			return ok;
		}
		if (!add_item(rep, &s->cap, ident, e->name, DCATIT_SYNC_UPDATE, NULL)) {
			dcatit_json_free(pkg);
			return false;
		}
		dcatit_json_set_str(pkg, "id", e->id);
		dcatit_json_set_str(pkg, "name", e->name);
	} else {
		char name[128];
		if (!dcatit_ckan_name_from_identifier(ident, name, sizeof name))
			snprintf(name, sizeof name, "ds");
		/* a name another identifier already holds: suffix a hash */
		bool taken = strlen(name) < 2 ||
		             bsearch(&(char *){ name }, s->names, s->nnames, sizeof *s->names, cmp_cstr);
		taken = taken || set_has(&s->used, name);
		if (taken) {
			size_t n = strlen(name);
			if (n > 90)
				n = 90;
			snprintf(name + n, sizeof name - n, "-%.7s", hash + 3);
		}
		if (!add_item(rep, &s->cap, ident, name, DCATIT_SYNC_CREATE, NULL) ||
		    set_add(&s->used, rep->items[rep->n - 1].name) < 0) {
			dcatit_json_free(pkg);
			return false;
		}
		dcatit_json_set_str(pkg, "name", name);
	}
	dcatit_json_set_str(pkg, "owner_org", s->org_id ? s->org_id : o->org);
	char shown_hash[64];
	snprintf(shown_hash, sizeof shown_hash, "%s%s", uploads ? PENDING : "", hash);
	/* bodies are indexed by item number (at most one item per dataset) */
	s->body[rep->n - 1] = pkg;
	s->hash[rep->n - 1] = dcatit_strdup(hash);
	return s->hash[rep->n - 1] && add_extra(pkg, "dcatit_managed", "true") &&
	       add_extra(pkg, "dcatit_hash", shown_hash);
}

/* The deletions of --prune: this catalogue's packages in this organization
 * that no dataset claimed, all held back when there are more than the
 * share allows. false on out of memory only. */
static bool plan_prune(Sync *s)
{
	const DcatitSyncOpts *o = s->o;
	DcatitSyncReport *rep = s->rep;
	size_t ncat = rep->n;
	for (size_t k = 0; k < s->nex; k++) {
		const Existing *e = &s->ex[k];
		if (ours(s, e))
			rep->managed++;
		else if (e->managed && !e->catalog)
			rep->legacy++;
		else if (e->managed)
			rep->other_catalog++;
	}
	if (!o->prune)
		return true;
	if (ncat == 0) {
		rep->prune_skipped = _("the catalogue has no datasets");
		return true;
	}
	if (s->mapped_failures) {
		rep->prune_skipped = _("some datasets of the catalogue could not be mapped");
		return true;
	}
	if (!rep->catalog) {
		rep->prune_skipped = _("the catalogue files do not describe exactly one dcat:Catalog, "
		                       "so no package can be known to be this catalogue's");
		return true;
	}
	for (size_t k = 0; k < s->nex; k++) {
		Existing *e = &s->ex[k];
		if (e->claimed || !ours(s, e))
			continue;
		size_t i = rep->n;
		if (!add_item(rep, &s->cap, e->identifier, e->name, DCATIT_SYNC_DELETE, NULL))
			return false;
		s->pkg_id[i] = e->id;
		rep->prune_planned++;
	}
	if (!dcatit_guard_allows(rep->managed, rep->prune_planned, o->max_prune_pct,
	                         &rep->prune_limit) && !o->allow_mass_removal) {
		rep->prune_refused = true;
		for (size_t i = ncat; i < rep->n; i++)
			rep->items[i].held = true;
	}
	return true;
}

/* Phase 3: the plan, one item per dataset, then the deletions. */
static DcatitStatus sync_plan(Sync *s, DcatitModel *m, DcatitDiag *d)
{
	DcatitSyncReport *rep = s->rep;
	const char *cat = catalog_iri(m);
	if (cat && !(rep->catalog = dcatit_strdup(cat)))
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	DcatitStatus st = dcatit_ckan_map_datasets(m, &s->ds, &s->nds);
	if (st != DCATIT_OK)
		return dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
	size_t nds = s->nds;
	s->body = calloc(nds + 1, sizeof *s->body);
	s->hash = calloc(nds + 1, sizeof *s->hash);
	s->pkg_id = calloc(nds + s->nex + 1, sizeof *s->pkg_id);
	s->names = calloc(nds + s->nex + 1, sizeof *s->names);
	s->run = calloc(nds + s->nex + 1, sizeof *s->run);
	if (!s->body || !s->hash || !s->pkg_id || !s->names || !s->run)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	for (size_t i = 0; i < s->nex; i++)
		s->names[s->nnames++] = s->ex[i].name;
	qsort(s->names, s->nnames, sizeof *s->names, cmp_cstr);
	for (size_t k = 0; k < nds; k++)
		if (!plan_dataset(s, m, s->ds[k]))
			return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	if (!plan_prune(s))
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	for (size_t i = 0; i < rep->n; i++)
		if (rep->items[i].planned != DCATIT_SYNC_UNCHANGED &&
		    rep->items[i].planned != DCATIT_SYNC_FAILED && !rep->items[i].held)
			s->total++;
	return DCATIT_OK;
}

/* Phase 4: every create, update and delete of the plan, in parallel. */
static DcatitStatus sync_apply(Sync *s, DcatitDiag *d)
{
	DcatitSyncReport *rep = s->rep;
	for (size_t i = 0; i < rep->n; i++) {
		DcatitSyncAction a = rep->items[i].planned;
		if (a == DCATIT_SYNC_UNCHANGED || a == DCATIT_SYNC_FAILED || rep->items[i].held)
			continue;
		Op *op = calloc(1, sizeof *op);
		if (!op)
			return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		op->s = s;
		op->i = i;
		if (a == DCATIT_SYNC_CREATE) {
			op->stage = ST_CREATE;
			issue(op, "package_create", s->body[i], true);
		} else if (a == DCATIT_SYNC_UPDATE) {
			op->stage = ST_UPDATE;
			issue(op, "package_update", s->body[i], true);
		} else {
			op->stage = ST_DELETE;
			DcatitJson *dp = dcatit_json_object();
			dcatit_json_set_str(dp, "id", s->pkg_id[i]);
			issue(op, "package_delete", dp, true);
			dcatit_json_free(dp);
		}
	}
	return dcatit_ckan_run(s->api, d);
}

static void sync_release(Sync *s)
{
	for (size_t i = 0; s->body && i <= s->nds; i++) {
		dcatit_json_free(s->body[i]);
		free(s->hash[i]);
	}
	free(s->body);
	free(s->hash);
	for (size_t i = 0; s->run && i < s->nds + s->nex + 1; i++) {
		dcatit_json_free(s->run[i].uploads);
		free(s->run[i].pkg_id);
		free(s->run[i].err);
	}
	free(s->run);
	free(s->pkg_id);
	free(s->names);
	for (size_t k = 0; k < s->idents.cap; k++)
		free((char *)s->idents.slot[k]);
	free(s->idents.slot);
	free(s->used.slot);
	for (size_t i = 0; i < s->nex; i++) {
		free(s->ex[i].id);
		free(s->ex[i].name);
		free(s->ex[i].identifier);
		free(s->ex[i].hash);
		free(s->ex[i].owner);
		free(s->ex[i].catalog);
	}
	free(s->ex);
	free(s->org_id);
	free(s->ds);
}

DcatitStatus dcatit_ckan_sync(DcatitCkan *api, DcatitModel *m, const DcatitSyncOpts *o,
                              DcatitSyncReport *rep, DcatitDiag *d)
{
	memset(rep, 0, sizeof *rep);
	if (!o || !o->org || !*o->org)
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0, "no organization given");
	Sync s = { .api = api, .o = o, .rep = rep };
	DcatitStatus st = sync_org(&s, d);
	if (st == DCATIT_OK)
		st = sync_list(&s, d);
	if (st == DCATIT_OK)
		st = sync_plan(&s, m, d);
	if (st == DCATIT_OK && !o->dry_run)
		st = sync_apply(&s, d);
	for (size_t i = 0; st == DCATIT_OK && i < rep->n; i++) {
		if (rep->items[i].held)
			continue;
		switch (rep->items[i].outcome) {
		case DCATIT_SYNC_CREATE: rep->created++; break;
		case DCATIT_SYNC_UPDATE: rep->updated++; break;
		case DCATIT_SYNC_UNCHANGED: rep->unchanged++; break;
		case DCATIT_SYNC_DELETE: rep->deleted++; break;
		case DCATIT_SYNC_FAILED: rep->failed++; break;
		}
	}
	sync_release(&s);
	return st;
}
