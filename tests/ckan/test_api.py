#!/usr/bin/env python3
"""Action API semantics of ckan_server.py beyond the transcripts: request parsing and bare
400s, auth headers, name rules, the dcatapit schema, extras, update/patch/delete,
package_search, uploads, keep-alive, and 5,000 datasets paged by 8 parallel clients."""

import json
import os
import sys
import threading
import time

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ckantest  # noqa: E402
from ckantest import TOKEN  # noqa: E402

THEMES = json.dumps([{"theme": "ECON", "subthemes": []}])


def dataset(name, ident, **kw):
    d = {"name": name, "title": "T " + name, "owner_org": "api-org", "notes": "n",
         "identifier": ident, "modified": "2024-01-15", "frequency": "ANNUAL",
         "themes_aggregate": THEMES}
    d.update(kw)
    return d


def post(c, name, data, token=TOKEN):
    r = c.action(name, data, token=token)
    return r.status, r.json()


def get(c, name, **params):
    r = c.action(name, params, method="GET")
    return r.status, r.json()


def test_request_parsing(ck, srv, c):
    r = c.request("POST", "/api/3/action/no_such_action", b"{}", {"Content-Type": "application/json"})
    ck.check(r.status == 400 and r.json() == "Bad request - Action name not known: no_such_action",
             "unknown action is a bare-string 400", repr(r.body))
    r = c.request("GET", "/api/3/action/package_create?name=x")
    ck.check(r.status == 400 and r.json() == "Bad request - JSON Error: Invalid request. "
             "Please use POST method for your request", "GET on a write action is a bare 400",
             repr(r.body))
    r = c.request("POST", "/api/3/action/package_show", b"{bad json",
                  {"Content-Type": "application/json"})
    ck.check(r.status == 400 and r.json().startswith("Bad request - JSON Error: Error decoding "
                                                     "JSON data."), "malformed JSON is a bare 400",
             repr(r.body))
    r = c.request("POST", "/api/3/action/package_show", b"[1, 2]",
                  {"Content-Type": "application/json"})
    ck.check(r.status == 400 and r.json() == "Bad request - JSON Error: Request data JSON decoded "
             "to [1, 2] but it needs to be a dictionary.", "a JSON list body is a bare 400",
             repr(r.body))
    r = c.request("POST", "/api/3/action/package_show", b"id=x", {"Content-Type": "text/plain"})
    ck.check(r.status == 415, "a non-JSON content type gets 415", str(r.status))
    r = c.request("GET", "/api/action/status_show")
    ck.check(r.status == 200 and r.json()["result"]["ckan_version"] == "2.10.10",
             "the unversioned /api/action/ route works")
    r = c.request("GET", "/it/api/3/action/status_show")
    ck.check(r.status == 200, "a locale prefix is accepted")
    r = c.request("POST", "/api/3/action/organization_show", b"id=api-org",
                  {"Content-Type": "application/x-www-form-urlencoded"})
    ck.check(r.status == 200 and r.json()["result"]["name"] == "api-org",
             "form-encoded POST parameters work")
    r = c.request("POST", "/api/3/action/organization_show", b'%7B%22id%22%3A%20%22api-org%22%7D=',
                  {"Content-Type": "application/x-www-form-urlencoded"})
    ck.check(r.status == 200, "the legacy JSON-as-form-key trick works", repr(r.body[:200]))
    r = c.request("GET", "/nothing/here")
    ck.check(r.status == 404, "an unknown path is 404")


def test_auth(ck, srv, c):
    body = json.dumps(dataset("auth-x", "id-auth-x")).encode()
    r = c.request("POST", "/api/3/action/package_create", body,
                  {"Content-Type": "application/json", "X-CKAN-API-Key": TOKEN})
    ck.check(r.status == 200, "X-CKAN-API-Key carries the token", r.body[:200])
    r = c.request("POST", "/api/3/action/package_create",
                  json.dumps(dataset("auth-y", "id-auth-y")).encode(),
                  {"Content-Type": "application/json", "Authorization": "Bearer " + TOKEN})
    e = r.json()
    ck.check(r.status == 403 and e["error"] == {
        "__type": "Authorization Error",
        "message": "Access denied: User  not authorized to create packages"},
        "a 'Bearer ' prefixed token is anonymous: 403", r.body[:200])
    st, e = post(c, "package_delete", {"id": "auth-x"}, token=None)
    ck.check(st == 403, "anonymous package_delete is 403")
    st, e = post(c, "package_update", {"id": "no-such"}, token=None)
    ck.check(st == 404 and e["error"]["message"] == "Not found: Package was not found.",
             "package_update of a missing dataset is 404 before auth", json.dumps(e))
    st, e = post(c, "organization_create", {"name": "anon-org", "identifier": "x"}, token=None)
    ck.check(st == 403, "anonymous organization_create is 403")


def test_names(ck, srv, c):
    cases = [("a", "Must be at least 2 characters long"),
             ("x" * 101, "Name must be a maximum of 100 characters long"),
             ("Upper", "Must be purely lowercase alphanumeric (ascii) characters and these "
                       "symbols: -_"),
             ("new", "That name cannot be used")]
    for i, (name, msg) in enumerate(cases):
        st, e = post(c, "package_create", dataset(name, "id-name-%d" % i))
        ck.check(st == 409 and e["error"].get("name") == [msg], "name %r: %s" % (name[:12], msg),
                 json.dumps(e.get("error")))
    st, e = post(c, "package_create", dataset("x" * 100, "id-name-100"))
    ck.check(st == 200, "a 100-character name is accepted")
    st, e = post(c, "package_create", dataset("x" * 100, "id-name-100b"))
    ck.check(st == 409 and e["error"]["name"] == ["That URL is already in use."],
             "a duplicate name is 'That URL is already in use.'")


def test_dcatapit(ck, srv, c):
    st, e = post(c, "package_create", {"name": "bare", "owner_org": "api-org"})
    ck.check(st == 409 and sorted(e["error"]) == ["__type", "frequency", "identifier", "modified",
                                                  "notes", "themes_aggregate"],
             "dcatapit required fields are reported together", json.dumps(e))
    st, e = post(c, "package_create", dataset("dc-a", "c_a:1", modified="2024-03-05T10:20:30",
                                              issued="20240101",
                                              temporal_coverage=json.dumps(
                                                  [{"temporal_start": "01-02-2020",
                                                    "temporal_end": "2021-12-31"}])))
    r = e.get("result", {})
    # ckanext-dcatapit's helpers.format rewrites what one of its formats reads and shows
    # the rest as stored (20240101 is none of them)
    ck.check(st == 200 and r.get("modified") == "05-03-2024" and r.get("issued") == "20240101",
             "dates its formats read come back as DD-MM-YYYY, others as stored",
             json.dumps(r)[:300])
    st2, e2 = post(c, "package_create", dataset("dc-dates", "c_a:dates", modified="2015-11-02",
                                                issued="2015-11-02T00:00:00.000000"))
    r2 = e2.get("result", {})
    ck.check(st2 == 200 and r2.get("modified") == "02-11-2015" and
             r2.get("issued") == "2015-11-02T00:00:00.000000",
             "a timestamp with microseconds is shown as stored", json.dumps(r2)[:300])
    ck.check(json.loads(r.get("temporal_coverage", "[]")) == [
        {"temporal_start": "2020-02-01", "temporal_end": "2021-12-31"}],
        "temporal_coverage dates are stored as YYYY-MM-DD", str(r.get("temporal_coverage")))
    ck.check(r.get("holder_name") == "API org" and r.get("holder_identifier") == "c_api",
             "the holder is the owner organization")
    ck.check({"key": "theme", "value": '["ECON"]'} in r.get("extras", []),
             "package_show adds the theme extra")
    st, e = post(c, "package_create", dataset("dc-b", "c_a:1"))
    ck.check(st == 409 and e["error"] == {"identifier": ["Another package exists with the same "
                                                         "identifier"],
                                          "__type": "Validation Error"},
             "a duplicate identifier is rejected")
    st, e = post(c, "package_create", dataset("dc-c", "c_a:3", temporal_coverage="[{\"x\": 1}]",
                                              themes_aggregate=json.dumps(
                                                  [{"theme": "ECON"}, {"theme": "ECON"}])))
    ck.check(st == 409 and "temporal_coverage" in e["error"] and
             e["error"]["themes_aggregate"] == ["There are duplicate themes. Expected 2 items, "
                                                "got 1"], "structured fields are validated",
             json.dumps(e))
    upd = dict(r)
    upd["title"] = "retitled"
    st, e = post(c, "package_update", upd)
    ck.check(st == 200 and e["result"]["title"] == "retitled" and
             e["result"]["identifier"] == "c_a:1", "a show-update round trip keeps the identifier",
             json.dumps(e)[:300])
    st, e = post(c, "package_create", dataset("dc-d", "c_a:4", extras=[
        {"key": "identifier", "value": "x"}]))
    ck.check(st == 409 and e["error"].get("extras") == [
        {"key": ["There is a schema field with the same name"]}],
        "an extra named like a schema field is rejected", json.dumps(e))
    st, e = post(c, "package_create", dataset("dc-e", "c_a:5", extras=[
        {"key": "k", "value": "1"}, {"key": "k", "value": "2"}]))
    ck.check(st == 409 and e["error"].get("extras_validation") == ['Duplicate key "k"'],
             "duplicate extras are rejected", json.dumps(e))
    st, e = post(c, "organization_create", {"name": "org-noid"})
    ck.check(st == 409 and e["error"] == {"identifier": ["Missing value"],
                                          "__type": "Validation Error"},
             "dcatapit organizations need an identifier")


def test_update_patch_delete(ck, srv, c):
    st, e = post(c, "package_create", dataset("up-a", "c_up:1", extras=[
        {"key": "content_hash", "value": "h1"}], resources=[
        {"name": "r1", "url": "http://example.org/a.csv", "distribution_format": "CSV"},
        {"name": "r2", "url": "http://example.org/b.json"}]))
    p = e["result"]
    ck.check(st == 200 and [x["format"] for x in p["resources"]] == ["CSV", "JSON"] and
             p["resources"][0]["distribution_format"] == "CSV",
             "resources get formats and keep extra keys", json.dumps(p["resources"])[:300])
    r1 = p["resources"][0]
    st, e = post(c, "package_update", dataset("up-a", "c_up:1", id=p["id"], resources=[
        dict(r1, name="r1 renamed"), {"name": "r3", "url": "http://example.org/c.csv"}]))
    q = e["result"]
    ck.check(st == 200 and [x["name"] for x in q["resources"]] == ["r1 renamed", "r3"] and
             q["resources"][0]["id"] == r1["id"] and q["resources"][0]["created"] == r1["created"],
             "package_update replaces resources, keeping listed ids", json.dumps(q["resources"])[:300])
    ck.check(q["extras"] == [{"key": "theme", "value": '["ECON"]'}],
             "package_update without extras clears them", json.dumps(q["extras"]))
    st, e = post(c, "package_patch", {"id": "up-a", "title": "patched",
                                      "extras": [{"key": "content_hash", "value": "h2"}]})
    q = e["result"]
    ck.check(st == 200 and q["title"] == "patched" and len(q["resources"]) == 2 and
             {"key": "content_hash", "value": "h2"} in q["extras"],
             "package_patch merges top-level keys only", json.dumps(q)[:300])
    st, e = post(c, "package_update", {"title": "x"})
    ck.check(st == 409 and e["error"] == {"id": "Missing value", "__type": "Validation Error"},
             "package_update without id: 409 with a bare string message")
    st, e = post(c, "package_delete", {"id": "up-a"})
    ck.check(st == 200 and e["result"] is None, "package_delete returns null")
    st, e = get(c, "package_show", id="up-a")
    ck.check(st == 403, "a deleted dataset is 403 to anonymous", str(st))
    r = c.action("package_show", {"id": "up-a"}, token=TOKEN)
    ck.check(r.status == 200 and r.json()["result"]["state"] == "deleted",
             "a deleted dataset is visible with state=deleted to the sysadmin")
    st, e = post(c, "package_create", dataset("up-a", "c_up:1"))
    ck.check(st == 200 and e["result"]["id"] != p["id"],
             "name and identifier of a deleted dataset can be reused", json.dumps(e)[:300])
    r = c.action("package_show", {"id": p["id"]}, token=TOKEN)
    ck.check(r.status == 200 and r.json()["result"]["name"] == p["id"],
             "the deleted dataset gave its name up (renamed to its id)")
    st, e = post(c, "package_delete", {})
    ck.check(st == 409 and e["error"]["id"] == ["Missing value"], "package_delete without id: 409")


def test_upload(ck, srv, c):
    st, e = post(c, "package_create", dataset("upl", "c_upl:1"))
    boundary = "xYzBoundary"
    parts = []
    for k, v in (("package_id", "upl"), ("name", "data file"), ("format", "csv")):
        parts.append('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
                     % (boundary, k, v))
    payload = b"a,b\n1,2\n"
    body = "".join(parts).encode() + (
        '--%s\r\nContent-Disposition: form-data; name="upload"; filename="my data.csv"\r\n'
        'Content-Type: text/csv\r\n\r\n' % boundary).encode() + payload + (
        "\r\n--%s--\r\n" % boundary).encode()
    r = c.request("POST", "/api/3/action/resource_create", body,
                  {"Content-Type": "multipart/form-data; boundary=" + boundary,
                   "Authorization": TOKEN})
    res = r.json().get("result", {})
    ck.check(r.status == 200 and res.get("url_type") == "upload" and res.get("size") == len(payload)
             and res.get("format") == "CSV" and res.get("mimetype") == "text/csv",
             "multipart upload creates an upload resource", r.body[:300])
    url = res.get("url", "")
    ck.check(url.startswith(srv.site + "/dataset/") and url.endswith("/download/my-data.csv"),
             "the upload gets a download URL", url)
    d = c.request("GET", url[len(srv.site):])
    ck.check(d.status == 200 and d.body == payload, "the uploaded bytes are served back")
    st, e = post(c, "resource_create", {"url": "http://example.org/x"})
    ck.check(st == 409 and e["error"]["package_id"] == ["Missing value"],
             "resource_create without package_id: 409")
    st, e = post(c, "resource_patch", {"id": res.get("id"), "description": "d"})
    ck.check(st == 200 and e["result"]["url"] == url and e["result"]["description"] == "d",
             "resource_patch keeps the upload", json.dumps(e)[:300])


def test_search(ck, srv, c):
    ids = {}
    for i in range(12):
        st, e = post(c, "package_create", dataset("s-%02d" % i, "c_s:%d" % i,
                                                  private=(i == 11)))
        ids[i] = e["result"]["id"]
    post(c, "package_delete", {"id": "s-10"})
    st, e = get(c, "package_search", fq='identifier:"c_s:3"')
    ck.check(st == 200 and e["result"]["count"] == 1 and
             e["result"]["results"][0]["name"] == "s-03", "fq identifier finds one dataset",
             json.dumps(e)[:300])
    res0 = e["result"]["results"][0]
    ck.check("identifier" not in res0 and {"key": "identifier", "value": "c_s:3"} in res0["extras"],
             "search results carry dcatapit fields in extras (after_search)")
    st, e = get(c, "package_search", fq="extras_identifier:c_s\\:4")
    ck.check(e["result"]["count"] == 1, "extras_identifier with an escaped colon")
    st, e = get(c, "package_search", fq='identifier:("c_s:1" OR "c_s:2" OR "nope")', rows="10")
    ck.check(sorted(x["name"] for x in e["result"]["results"]) == ["s-01", "s-02"],
             "identifier:(a OR b) finds both")
    st, e = get(c, "package_search", q="name:s-10")
    ck.check(e["result"]["count"] == 0, "deleted datasets are not found")
    st, e = get(c, "package_search", q="name:s-11")
    ck.check(e["result"]["count"] == 0, "private datasets need include_private")
    r = c.action("package_search", {"q": "name:s-11", "include_private": True}, token=TOKEN)
    ck.check(r.json()["result"]["count"] == 1, "include_private with a token finds them")
    st, e = get(c, "package_search", fq="organization:api-org", q="name:s-*", sort="id asc",
                rows="4", start="4")
    page = [x["id"] for x in e["result"]["results"]]
    want = sorted(ids[i] for i in range(10))[4:8]
    ck.check(e["result"]["count"] == 10 and page == want, "sort id asc with rows/start pages",
             "%s vs %s" % (page, want))
    st, e = get(c, "package_search", fq="owner_org:" + e["result"]["results"][0]["owner_org"],
                rows="0")
    ck.check(st == 200 and e["result"]["results"] == [] and e["result"]["count"] >= 10,
             "rows=0 returns only the count")
    st, e = get(c, "package_search", q="*:*", sort="name desc", rows="1")
    ck.check(e["result"]["results"][0]["name"] == "x" * 100, "sort name desc")
    st, e = get(c, "package_search", bogus="1")
    ck.check(st == 400 and e["error"]["__type"] == "Search Query Error",
             "an unknown search parameter is 400 Search Query Error", json.dumps(e))
    st, e = get(c, "package_search", sort="nosuchfield asc")
    ck.check(st == 400, "an unknown sort field is 400")
    st, e = get(c, "package_search", rows="-1")
    ck.check(st == 409, "negative rows is 409")
    st, e = get(c, "package_search", fq="metadata_modified:[2000-01-01T00:00:00Z TO *]", rows="0")
    ck.check(st == 200 and e["result"]["count"] >= 10, "metadata_modified ranges")
    st, e = get(c, "package_search", fq="dcat_theme:ECON", rows="0")
    ck.check(st == 200 and e["result"]["count"] >= 10, "dcat_theme finds datasets by theme")
    st, e = post(c, "package_create", dataset("bad-res", "c_bad", resources="nope"))
    ck.check(st == 400 and e["error"]["__type"] == "Integrity Error" and
             e["error"]["data"]["name"] == "bad-res", "resources that are not dicts: 400 "
             "Integrity Error echoing the data", json.dumps(e)[:300])
    st, e = get(c, "package_list")
    ck.check(st == 200 and "s-00" in e["result"] and "s-10" not in e["result"],
             "package_list lists active datasets")
    st, e = get(c, "organization_list")
    ck.check(e["result"] == ["api-org"], "organization_list gives names")


def test_keepalive(ck, srv):
    before = srv.control("stats")["connections"]
    c = srv.client()
    for _ in range(20):
        c.action("status_show")
    c.close()
    after = srv.control("stats")["connections"]
    # each control() call opens one connection of its own
    ck.check(after - before == 2, "20 requests reuse one keep-alive connection",
             "%d new connections" % (after - before))


def test_client_reconnects(ck):
    """reliability-probe-2 §T: a slow run outlived the server's idle timeout and the test
    client failed on its stale keep-alive connection; it now sends again once."""
    with ckantest.Server("--idle-timeout", "0.3") as srv:
        c = srv.client()
        first = c.action("status_show")
        time.sleep(1.0)  # the server closes the idle connection meanwhile
        try:
            again = c.action("status_show").status
        except (ConnectionError, OSError) as e:  # http.client.RemoteDisconnected included
            again = repr(e)
        c.close()
        ck.check(first.status == 200 and again == 200,
                 "the test client reconnects when the server closed its idle keep-alive "
                 "connection", repr(again))


def test_scale(ck):
    with ckantest.Server() as srv:
        c = srv.client(timeout=60)
        post(c, "organization_create", {"name": "api-org", "title": "API org",
                                        "identifier": "c_api"})
        pkgs = [dataset("bulk-%05d" % i, "c_bulk:%d" % i, resources=[
            {"name": "r", "url": "http://example.org/%d.csv" % i}]) for i in range(5000)]
        t0 = time.monotonic()
        out = srv.control("load", {"packages": pkgs})
        t_load = time.monotonic() - t0
        ck.check(out["created"] == 5000 and not out["errors"], "5000 datasets loaded",
                 json.dumps(out)[:200])
        seen, errors = [], []
        lock = threading.Lock()

        def pager(k):
            cl = srv.client(timeout=60)
            got = []
            start = 0
            try:
                while True:
                    r = cl.action("package_search", {"q": "*:*", "sort": "id asc",
                                                     "rows": 5000, "start": start}, method="GET")
                    res = r.json()["result"]["results"]
                    if not res:
                        break
                    if len(res) > 1000:
                        errors.append("page larger than 1000")
                    got.extend(x["id"] for x in res)
                    start += len(res)
                for i in range(25):
                    r = cl.action("package_show", {"id": "bulk-%05d" % (k * 25 + i)},
                                  method="GET")
                    if r.status != 200:
                        errors.append("show %d" % r.status)
            except Exception as e:  # report, do not hang the test
                errors.append(repr(e))
            cl.close()
            with lock:
                seen.append(got)

        t0 = time.monotonic()
        threads = [threading.Thread(target=pager, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        t_page = time.monotonic() - t0
        ck.check(not errors, "8 parallel clients page without errors", "; ".join(errors[:3]))
        ok = len(seen) == 8 and all(len(s) == 5000 and len(set(s)) == 5000 and s == sorted(s)
                                    for s in seen)
        ck.check(ok, "each client sees all 5000 ids once, in id order (rows capped at 1000)")
        werr = []

        def writer(k):
            cl = srv.client(timeout=60)
            for i in range(50):
                r = cl.action("package_create", dataset("par-%d-%d" % (k, i), "c_par:%d:%d" % (k, i)),
                              token=TOKEN)
                if r.status != 200:
                    werr.append(r.status)
                r = cl.action("package_patch", {"id": "par-%d-%d" % (k, i), "title": "p"},
                              token=TOKEN)
                if r.status != 200:
                    werr.append(r.status)
            cl.close()
        threads = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        st, e = get(c, "package_search", q="name:par-*", rows="0")
        ck.check(not werr and e["result"]["count"] == 400,
                 "8 parallel writers create and patch 400 datasets", str(werr[:5]))
        t0 = time.monotonic()
        for i in range(200):
            c.action("package_search", {"fq": 'identifier:"c_bulk:%d"' % (i * 7)}, method="GET")
        t_ident = time.monotonic() - t0
        c.close()
        print("timing: load 5000 %.2fs; 8 clients x (5 pages + 25 shows) %.2fs; "
              "200 identifier lookups %.2fs" % (t_load, t_page, t_ident))


def test_load_option(ck):
    import tempfile
    fd, path = tempfile.mkstemp(suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump({"organizations": [{"name": "api-org", "title": "API org",
                                      "identifier": "c_api"}],
                   "packages": [dataset("pre-%d" % i, "c_pre:%d" % i) for i in range(3)]}, f)
    try:
        with ckantest.Server("--load", path, "--schema", "dcatapit") as srv:
            c = srv.client()
            st, e = get(c, "package_search", q="name:pre-*")
            ck.check(st == 200 and e["result"]["count"] == 3, "--load creates fixture data at start")
            c.close()
    finally:
        os.unlink(path)


def main():
    ck = ckantest.Checker()
    with ckantest.Server() as srv:
        c = srv.client()
        st, e = post(c, "organization_create", {"name": "api-org", "title": "API org",
                                                "identifier": "c_api"})
        ck.check(st == 200, "setup: organization created", json.dumps(e)[:200])
        test_request_parsing(ck, srv, c)
        test_auth(ck, srv, c)
        test_names(ck, srv, c)
        test_dcatapit(ck, srv, c)
        test_update_patch_delete(ck, srv, c)
        test_upload(ck, srv, c)
        test_search(ck, srv, c)
        c.close()
        test_keepalive(ck, srv)
    test_client_reconnects(ck)
    test_load_option(ck)
    test_scale(ck)
    return ck.finish()


if __name__ == "__main__":
    sys.exit(main())
