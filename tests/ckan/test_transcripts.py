#!/usr/bin/env python3
"""Replays every recorded CKAN 2.10.10 request in tests/ckan/transcripts/ against
ckan_server.py and compares status and body with the recorded response. Ids are
mapped from recorded to emulated as they appear; timestamps are masked."""

import glob
import json
import os
import re
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ckantest  # noqa: E402

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?")
TOKENS = {"<ADMIN_API_TOKEN>": ckantest.TOKEN, "<DCATAPIT_ADMIN_API_TOKEN>": ckantest.TOKEN,
          "<OTHER:not-a-valid->": "not-a-valid-token"}
# values that depend on the recorded server's history, not on the request
HISTORY = {"number_created_packages", "last_active", "email_hash"}


class Replay:
    def __init__(self, server, recorded_site):
        self.srv = server
        self.recorded_site = recorded_site
        self.ids = {}
        self.conflicts = []

    def subst(self, text):
        text = text.replace(self.recorded_site, self.srv.site)
        return UUID.sub(lambda m: self.ids.get(m.group(0), m.group(0)), text)

    def learn(self, exp, act, path="$"):
        if isinstance(exp, dict) and isinstance(act, dict):
            for k in exp:
                if k in act:
                    self.learn(exp[k], act[k], path + "." + k)
        elif isinstance(exp, list) and isinstance(act, list):
            for i, (e, a) in enumerate(zip(exp, act)):
                self.learn(e, a, "%s[%d]" % (path, i))
        elif isinstance(exp, str) and isinstance(act, str):
            for e, a in zip(UUID.findall(exp), UUID.findall(act)):
                if self.ids.setdefault(e, a) != a:
                    self.conflicts.append("%s: %s seen as %s and %s" % (path, e, self.ids[e], a))

    def normalise(self, obj):
        if isinstance(obj, dict):
            return {k: ("<history>" if k in HISTORY else self.normalise(v)) for k, v in obj.items()}
        if isinstance(obj, list):
            return [self.normalise(v) for v in obj]
        if isinstance(obj, str):
            return TS.sub("<ts>", obj)
        return obj

    def run(self, rec, ck, label):
        req, resp = rec["request"], rec["response"]
        url = self.subst(req["url"])
        path = url[len(self.srv.site):]
        headers = {}
        for k, v in req["headers"].items():
            headers[k] = TOKENS.get(v, v)
        body = req["body"]
        if isinstance(body, dict):
            body = json.dumps(body)
            headers.setdefault("Content-Type", "application/json")
        data = self.subst(body).encode("utf-8") if body is not None else None
        c = self.srv.client()
        r = c.request(req["method"], path, data, headers)
        c.close()
        ck.check(r.status == resp["status"], "%s: status %d" % (label, resp["status"]),
                 "got %d: %s" % (r.status, r.body[:300]))
        if "content_type" in resp:
            ck.check(r.headers.get("content-type") == resp["content_type"],
                     "%s: content type" % label, r.headers.get("content-type"))
        try:
            got = r.json()
        except ValueError:
            ck.check(False, "%s: body is JSON" % label, repr(r.body[:200]))
            return
        exp = resp["body"]
        self.learn(exp, got)
        exp = self.normalise(json.loads(self.subst(json.dumps(exp))))
        got = self.normalise(got)
        same = json.dumps(exp) == json.dumps(got)
        detail = ""
        if not same:
            detail = first_difference(exp, got)
        ck.check(same, "%s: body (keys in order, values)" % label, detail)


def first_difference(exp, got, path="$"):
    if isinstance(exp, dict) and isinstance(got, dict):
        if list(exp) != list(got):
            return "%s keys: expected %s got %s" % (path, list(exp), list(got))
        for k in exp:
            d = first_difference(exp[k], got[k], path + "." + k)
            if d:
                return d
        return ""
    if isinstance(exp, list) and isinstance(got, list):
        if len(exp) != len(got):
            return "%s length: expected %d got %d" % (path, len(exp), len(got))
        for i, (e, g) in enumerate(zip(exp, got)):
            d = first_difference(e, g, "%s[%d]" % (path, i))
            if d:
                return d
        return ""
    if exp != got:
        return "%s: expected %r got %r" % (path, exp, got)
    return ""


def replay(ck, files, schema, recorded_site):
    with ckantest.Server("--schema", schema) as srv:
        rp = Replay(srv, recorded_site)
        for f in files:
            with open(f, encoding="utf-8") as fh:
                rec = json.load(fh)
            rp.run(rec, ck, os.path.basename(f)[:-5])
        ck.check(not rp.conflicts, "%s: recorded ids map one-to-one" % schema,
                 "; ".join(rp.conflicts[:3]))
        with open(srv.log, encoding="utf-8") as fh:
            log = fh.read()
        ck.check(ckantest.TOKEN not in log and "not-a-valid-token" not in log,
                 "%s: request log never holds a token" % schema)
        ck.check(log.count("\n") == len(files), "%s: one log line per request" % schema,
                 "%d lines for %d requests" % (log.count("\n"), len(files)))


def main():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "transcripts")
    ck = ckantest.Checker()
    final = sorted(glob.glob(os.path.join(here, "final_*.json")))
    dcat = sorted(glob.glob(os.path.join(here, "dcatapit_*.json")))
    ck.check(len(final) == 25 and len(dcat) == 7, "all 32 transcripts found")
    replay(ck, final, "ckan", "http://127.0.0.1:5000")
    replay(ck, dcat, "dcatapit", "http://127.0.0.1:5001")
    return ck.finish()


if __name__ == "__main__":
    sys.exit(main())
