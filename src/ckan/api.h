/* api.h: the CKAN Action API client: `{site}/api/3/action/NAME`, reads as
 * GET with a query string, writes as POST JSON (or multipart for
 * uploads), the {help, success, result | error} envelope unwrapped and
 * CKAN's own error text extracted. The API token travels in both
 * Authorization and X-CKAN-API-Key (CKAN 2.9-2.12), never on a redirect,
 * and is redacted from every message this module produces. */
#ifndef DCATIT_CKAN_API_H
#define DCATIT_CKAN_API_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/status.h"
#include "net/http.h"
#include "base/json.h"

typedef struct DcatitCkanImpl DcatitCkan;

/* Client options; zero-initialise. */
typedef struct {
	const char *url;     /* site URL, e.g. https://dati.toscana.it */
	const char *token;   /* API token or NULL (anonymous) */
	bool allow_http;     /* let the token travel over plain http:// to a
	                        host that is not loopback */
	DcatitHttpOpts http; /* transport: jobs, retries, timeouts (its policy
	                        is set to the site: redirects stay on it) */
} DcatitCkanOpts;

/* The outcome of one action; pointers are borrowed for the callback. */
typedef struct {
	DcatitStatus st;          /* OK (success: true), DCATIT_ERR_REMOTE (CKAN
	                             refused: error set), NETWORK, SYNTAX (no
	                             envelope), LIMIT (body too large) */
	long http_status;
	const DcatitJson *result; /* `result` on success */
	const DcatitJson *error;  /* `error` object on failure, or NULL */
	const char *message;      /* one line: CKAN's error text or the transport
	                             error, token redacted; "" on success */
} DcatitCkanReply;

/* Called once per action, from dcatit_ckan_run. May issue more calls. */
typedef void (*DcatitCkanDone)(void *ud, const DcatitCkanReply *r);

/* A new client; caller frees; NULL with d set: DCATIT_ERR_USAGE for a URL
 * that is not http(s), or a token that would travel over plain http to a
 * host that is not loopback without allow_http. */
DcatitCkan *dcatit_ckan_new(const DcatitCkanOpts *opts, DcatitDiag *d);
/* Free the client; NULL is a no-op. */
void dcatit_ckan_free(DcatitCkan *c);
/* Queue an action: a read (GET, params as query string; params must be
 * an object of strings/numbers/booleans) or a write (POST JSON). */
DcatitStatus dcatit_ckan_call(DcatitCkan *c, const char *action, const DcatitJson *params,
                              bool write, DcatitCkanDone cb, void *ud, DcatitDiag *d);
/* Queue a multipart write (e.g. resource_create with an `upload` file). */
DcatitStatus dcatit_ckan_upload(DcatitCkan *c, const char *action,
                                const DcatitHttpPart *parts, size_t nparts,
                                DcatitCkanDone cb, void *ud, DcatitDiag *d);
/* Run queued calls (and those their callbacks add) to completion. */
DcatitStatus dcatit_ckan_run(DcatitCkan *c, DcatitDiag *d);
/* Write calls issued so far (retries not counted). */
unsigned long dcatit_ckan_writes(const DcatitCkan *c);
/* Transport retries so far. */
unsigned long dcatit_ckan_retries(const DcatitCkan *c);
/* Replace every occurrence of the token in buf (NUL-terminated, in
 * place) by "***". */
void dcatit_ckan_redact(const DcatitCkan *c, char *buf);
/* CKAN's error object as one line: "field: message; field: message" or
 * the `message`, prefixed by `__type`; appended to out. */
void dcatit_ckan_error_text(const DcatitJson *error, DcatitBuf *out);

#endif
