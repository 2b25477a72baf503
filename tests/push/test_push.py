#!/usr/bin/env python3
"""dcatit push against the CKAN test server (tests/ckan/ckan_server.py):
round trip of the fixture through package_show, zero writes on a second
push, dry run, updates, prune rules, foreign packages, CKAN's error text,
faults (5xx, drops, 429 burst), SIGKILL half-way, and the token never shown.
Also the bundled catalogue's round trip, the organization's contact
fields, the summary line, the progress line on a terminal.
Usage: test_push.py DCATIT PUSH_DRIVER CKAN_GRAPH SOURCE_ROOT"""

import json
import os
import shutil
import signal
import subprocess
import sys
import pty
import re
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "ckan"))
import ckantest  # noqa: E402

TOKEN = "push-secret-7d1e55c0a9"
FIXTURE = os.path.join(HERE, "fixture.ttl")
GEN = os.path.join(HERE, "gen_catalog.py")
ORG = "regione-toscana"

ck = ckantest.Checker()
tmp = tempfile.mkdtemp(prefix="push-test-")
seen_output = []   # every stdout/stderr, grepped for the token at the end
logs = []          # server request logs, same


PUSH = ckantest.push_command(sys.argv[1], sys.argv[2])
GRAPH = sys.argv[3]
ROOT = sys.argv[4]   # the source tree, for catalog/


def push(srv, *args, token=TOKEN, env_extra=None, timeout=300):
    # the fixture carries what real catalogues carry, profile violations
    # included (two dct:spatial, dcat:startDate only): it tests the mapping,
    # so its pushes skip the validation that comes first
    if FIXTURE in args:
        args = ("--no-validate",) + args
    env = dict(os.environ)
    env.pop("CKAN_API_TOKEN", None)
    if token:
        env["CKAN_API_TOKEN"] = token
    if env_extra:
        env.update(env_extra)
    cmd = PUSH + ["--ckan", srv.site, "--org", ORG] + list(args)
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    seen_output.append(r.stdout + r.stderr)
    return r


def gen(n, name, variant=0):
    path = os.path.join(tmp, name)
    args = [sys.executable, GEN, str(n), path]
    if variant:
        args += ["--variant", str(variant)]
    subprocess.run(args, check=True)
    return path


def server(*args):
    s = ckantest.Server(*args, token=TOKEN, log=os.path.join(tmp, "log-%d" % len(logs)))
    logs.append(s.log)
    return s


def stats(srv):
    return srv.control("stats")


def dump(srv):
    return srv.control("dump")


def state(srv):
    """What a push leaves: per active package its name, identifier, hash,
    resources; plus the count of packages in any state."""
    d = dump(srv)
    act = {}
    for p in d["packages"]:
        if p["state"] != "active":
            continue
        ex = {e["key"]: e["value"] for e in p.get("extras", [])}
        act[p["name"]] = (p.get("identifier"), ex.get("dcatit_hash"),
                          tuple(sorted(r["url"] for r in p["resources"])))
    return act, len(d["packages"])


def summary(r):
    for line in r.stdout.splitlines():
        if line.endswith(" failed") and "created" in line:
            return line
    return ""


def graph(*args):
    r = subprocess.run([GRAPH] + list(args), capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else "ERROR " + r.stderr


def test_roundtrip_and_idempotence():
    with server() as srv:
        r = push(srv, "--dry-run", FIXTURE)
        st = stats(srv)
        ck.check(r.returncode == 0 and st["writes"] == 0, "dry run writes nothing",
                 "rc %d writes %d" % (r.returncode, st["writes"]))
        ck.check("would create organization" in r.stdout and
                 r.stdout.count("\ncreate ") + r.stdout.startswith("create ") == 3,
                 "dry run prints the plan", r.stdout)
        r = push(srv, FIXTURE)
        ck.check(r.returncode == 0 and summary(r) ==
                 "3 created, 0 updated, 0 unchanged, 0 deleted, 0 failed",
                 "first push creates the 3 datasets", r.stdout + r.stderr)
        org = srv.client().action("organization_show", {"id": ORG}, token=TOKEN,
                                  method="GET").json()["result"]
        ck.check(org.get("identifier") == "r_toscan" and org.get("title") == "Regione Toscana",
                 "the organization is created with the rights holder's IPA code",
                 json.dumps({k: org.get(k) for k in ("identifier", "title")}))
        ck.check(org.get("email") == "opendata@regione.toscana.it" and
                 org.get("telephone") == "+39-055-4382111" and
                 org.get("site") == "https://www.regione.toscana.it/",
                 "the organization gets email and telephone from the contact point and its "
                 "site from the holder's homepage",
                 json.dumps({k: org.get(k) for k in ("email", "telephone", "site")}))
        # read every package back with package_show and map it to RDF
        files = []
        c = srv.client()
        for p in dump(srv)["packages"]:
            resp = c.action("package_show", {"id": p["name"]}, token=TOKEN, method="GET")
            path = os.path.join(tmp, "show-%s.json" % p["name"])
            with open(path, "wb") as f:
                f.write(resp.body)
            files.append(path)
        c.close()
        sent = graph("sent", FIXTURE)
        read = graph("read", "--lang", "it", *files)
        ck.check(sent == read and sent.count("\n") > 100,
                 "package_show mapped back equals the fixture on the carried properties "
                 "(%d triples)" % sent.count("\n"),
                 "\n".join(l for l in set(sent.splitlines()) ^ set(read.splitlines()))[:3000])
        before = stats(srv)["writes"]
        r = push(srv, FIXTURE)
        after = stats(srv)["writes"]
        ck.check(r.returncode == 0 and after == before and
                 summary(r) == "0 created, 0 updated, 3 unchanged, 0 deleted, 0 failed",
                 "second push of an unchanged catalogue makes zero writes",
                 "writes %d -> %d; %s" % (before, after, r.stdout))
        r = push(srv, "--force", FIXTURE)
        ck.check(summary(r) == "0 created, 3 updated, 0 unchanged, 0 deleted, 0 failed" and
                 stats(srv)["writes"] == after + 3, "--force updates unchanged packages",
                 r.stdout)


def read_back(srv, tag):
    """package_show of every package on srv, saved to files; their paths."""
    files = []
    c = srv.client()
    for p in dump(srv)["packages"]:
        resp = c.action("package_show", {"id": p["name"]}, token=TOKEN, method="GET")
        path = os.path.join(tmp, "show-%s-%s.json" % (tag, p["name"]))
        with open(path, "wb") as f:
            f.write(resp.body)
        files.append(path)
    c.close()
    return files


def build_bundled():
    """dcatit build of a copy of catalog/ (as tests/build does); the path of
    catalog.ttl, or None."""
    cat = os.path.join(tmp, "bundled", "catalog")
    out = os.path.join(tmp, "bundled", "out")
    if os.path.exists(os.path.join(out, "catalog.ttl")):
        return os.path.join(out, "catalog.ttl")
    shutil.copytree(os.path.join(ROOT, "catalog"), cat)
    r = subprocess.run([sys.argv[1], "build", "-C", cat, "-o", out], capture_output=True,
                       text=True, timeout=120)
    ck.check(r.returncode == 0, "the bundled catalogue builds", r.stderr[-800:])
    path = os.path.join(out, "catalog.ttl")
    return path if os.path.exists(path) else None


def test_bundled_roundtrip():
    """The figure of issue 5: catalog/ built, pushed, read back with
    package_show, mapped back to RDF, equal on what CKAN carries."""
    cat = build_bundled()
    if not cat:
        return
    with server() as srv:
        r = push(srv, cat)
        ck.check(r.returncode == 0 and summary(r) ==
                 "10 created, 0 updated, 0 unchanged, 0 deleted, 0 failed",
                 "the bundled catalogue is pushed (10 datasets)", r.stdout + r.stderr)
        sent = graph("sent", cat)
        read = graph("read", "--lang", "it", *read_back(srv, "bundled"))
        preds = {l.split(" ")[1] for l in sent.splitlines() if l.count(" ") >= 3}
        want = {"<http://spdx.org/rdf/terms#checksumValue>", "<http://www.w3.org/ns/dcat#byteSize>",
                "<http://www.w3.org/ns/dcat#mediaType>", "<http://purl.org/dc/terms/creator>",
                "<http://purl.org/dc/terms/temporal>", "<http://purl.org/dc/terms/conformsTo>",
                "<http://purl.org/dc/terms/subject>", "<http://purl.org/dc/terms/spatial>"}
        ck.check(sent.count("\n") > 700 and want <= preds,
                 "the carried projection of the bundled catalogue has %d triples, checksums, "
                 "sizes, media types, creators, periods, standards included" % sent.count("\n"),
                 sent[:300] + " missing " + " ".join(sorted(want - preds)))
        ck.check(sent == read,
                 "bundled catalogue: package_show mapped back equals what was sent on every "
                 "property CKAN carries (ROUNDTRIP.md)",
                 "\n".join(sorted(set(sent.splitlines()) ^ set(read.splitlines())))[:3000])
        c = srv.client()
        org = c.action("organization_show", {"id": ORG}, token=TOKEN, method="GET").json()["result"]
        ck.check(org.get("identifier") == "r_toscan" and org.get("title") == "Regione Toscana" and
                 org.get("email") == "regionetoscana@postacert.toscana.it",
                 "the organization is created with the IPA code, name and contact email of the "
                 "catalogue's rights holder",
                 json.dumps({k: org.get(k) for k in ("identifier", "title", "email")}))
        s0 = stats(srv)["writes"]
        r = push(srv, cat)
        ck.check(stats(srv)["writes"] == s0 and summary(r) ==
                 "0 created, 0 updated, 10 unchanged, 0 deleted, 0 failed",
                 "a second push of the bundled catalogue makes zero writes", r.stdout)
        # the comparison sees a change made on the portal (it can fail)
        pkg = c.action("package_show", {"id": "r_toscan-ctr-10k"}, token=TOKEN,
                       method="GET").json()["result"]
        res = pkg["resources"]
        res[0]["mimetype"] = "text/plain"
        c.action("package_patch", {"id": pkg["id"], "resources": res}, token=TOKEN)
        c.close()
        again = graph("read", "--lang", "it", *read_back(srv, "patched"))
        diff = set(sent.splitlines()) ^ set(again.splitlines())
        ck.check(len(diff) == 1 and "text/plain" in "".join(diff),
                 "a media type changed in CKAN shows up as a difference of exactly one triple",
                 "\n".join(sorted(diff))[:1000])


def portal_rdf(srv, path):
    """GET a DCAT RDF view of the test server, as canonical N-Triples lines."""
    import urllib.request
    with urllib.request.urlopen(srv.site + path, timeout=30) as r:
        body = r.read()
    f = os.path.join(tmp, "rdf-%d.ttl" % len(os.listdir(tmp)))
    with open(f, "wb") as fh:
        fh.write(body)
    out = subprocess.run([sys.argv[1], "convert", f, "--to", "canon"], capture_output=True,
                         text=True, timeout=60)
    return out.stdout.splitlines()


def test_what_we_send():
    """Issue 12: what push sends is what the portal's RDF serves back, where the portal
    lets it (shared/ckan-transcripts/roundtrip README, the changes marked [push])."""
    cat = build_bundled()
    if not cat:
        return
    with server() as srv:
        c = srv.client()
        c.action("organization_create", {"name": ORG, "title": "Regione Toscana (BARS test)",
                                         "identifier": "r_toscan"}, token=TOKEN)
        # the portal names the rights holder of every dataset after the organization
        r = push(srv, "--dry-run", cat)
        org = c.action("organization_show", {"id": ORG}, method="GET").json()["result"]
        ck.check("would retitle organization 'regione-toscana' 'Regione Toscana' (was "
                 "'Regione Toscana (BARS test)')" in r.stdout and
                 org["title"] == "Regione Toscana (BARS test)",
                 "dry run: the organization would get the holder's official IPA name", r.stdout)
        r = push(srv, cat)
        org = c.action("organization_show", {"id": ORG}, method="GET").json()["result"]
        ck.check(r.returncode == 0 and "retitled organization" in r.stdout and
                 org["title"] == "Regione Toscana",
                 "the organization gets the holder's official IPA name", r.stdout + r.stderr)
        # loudly: the four GIS layers under C1_Unknown will show CC BY 4.0
        warn = [l for l in r.stderr.splitlines() if "will publish CC BY 4.0" in l]
        gis = ("ctr-10k", "geoportale-governo-territorio", "limiti-comunali", "ortofoto-2013")
        ck.check(len(warn) == 4 and all(any("r_toscan:%s'" % g in w for w in warn) for g in gis)
                 and "4 datasets will show a licence nobody granted" in r.stderr,
                 "push warns for each dataset the portal will relicense as CC BY 4.0",
                 r.stderr[:1500])
        pkg = c.action("package_show", {"id": "r_toscan-accordo-punto-impresa-digitale"},
                       method="GET").json()["result"]
        res = pkg["resources"][0]
        ck.check(json.loads(pkg["themes_aggregate"]) == [
            {"theme": "ECON", "subthemes": ["http://eurovoc.europa.eu/100268"]},
            {"theme": "TECH", "subthemes": ["http://eurovoc.europa.eu/100261"]}],
            "every EuroVoc subtheme under its own theme", pkg["themes_aggregate"])
        ck.check(res.get("mimetype") == "https://www.iana.org/assignments/media-types/text/markdown"
                 and res.get("license") == "https://creativecommons.org/licenses/by/4.0/"
                 and pkg.get("license_id") == "cc-by" and pkg.get("isopen") is True,
                 "resource media type as IRI, licence as the document the portal knows, "
                 "CKAN's own licence id", json.dumps(res)[:600])
        c.close()
        # what the portal then serves to harvesters
        acc = portal_rdf(srv, "/dataset/r_toscan-accordo-punto-impresa-digitale.ttl")
        dist = "<https://dati.toscana.it/dcatit/dataset/accordo-punto-impresa-digitale/distribution/testo>"
        ck.check(dist + " <http://purl.org/dc/terms/license> <https://creativecommons.org/licenses/"
                 "by/4.0/> ." in acc, "the portal serves the CC BY 4.0 document, not its fallback "
                 "IRI (change 19)", "\n".join(l for l in acc if "license" in l))
        ck.check(dist + " <http://www.w3.org/ns/dcat#mediaType> <https://www.iana.org/assignments/"
                 "media-types/text/markdown> ." in acc, "the portal serves the media type as an "
                 "IRI (change 20)")
        ck.check(any('<http://xmlns.com/foaf/0.1/name> "Regione Toscana"@en' in l for l in acc) and
                 not any("BARS test" in l for l in acc),
                 "the rights holder is named with the official IPA name (change 5)")
        pro = portal_rdf(srv, "/dataset/r_toscan-protocollo-anci-toscana-innovazione.ttl")
        ck.check(any('<http://purl.org/dc/terms/issued> "2015-11-02T00:00:00"' in l for l in pro),
                 "issued 2015-11-02 is served as 2015-11-02, not 2015-02-11 (change 3)",
                 "\n".join(l for l in pro if "issued" in l))
        ctr = portal_rdf(srv, "/dataset/r_toscan-ctr-10k.ttl")
        ck.check(any("<http://purl.org/dc/terms/license> <http://creativecommons.org/licenses/by/"
                     "4.0/it/>" in l for l in ctr),
                 "C1_Unknown is still served as CC BY 4.0 by the portal (the warning is true)")


def read_pty(master):
    data = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:   # EIO once the child side is closed
            break
        if not chunk:
            break
        data += chunk
    return data.decode(errors="replace")


def test_summary_progress_exit():
    """All five counts at once, CKAN's own text for the refused dataset,
    exit 1, and the progress line only on a terminal."""
    with server() as srv:
        cat12 = gen(12, "s12.ttl")
        r = push(srv, cat12)
        ck.check(summary(r).startswith("12 created"), "12 datasets created", r.stdout)
        # 0, 3, 6, 9 change; 10, 11 leave; 1 loses dct:modified; 12 is new
        text = open(gen(10, "s10v.ttl", variant=3), encoding="utf-8").read()
        blocks = text.split("\n<")
        blocks = [b if '"c_a000:gen-00001"' not in b else
                  b.replace('dct:modified "2024-02-15"^^xsd:date ;', "", 1) for b in blocks]
        new = open(gen(13, "s13.ttl"), encoding="utf-8").read().split("\n<")
        path = os.path.join(tmp, "mixed.ttl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n<".join(blocks + [b for b in new if "gen-00012" in b]))
        r = push(srv, "--prune", "--no-validate", path)
        errs = [l for l in r.stderr.splitlines() if "c_a000:gen-00001" in l]
        ck.check(r.returncode == 1 and
                 summary(r) == "1 created, 4 updated, 5 unchanged, 2 deleted, 1 failed",
                 "the summary counts created, updated, unchanged, deleted and failed; exit 1",
                 "rc %d: %s" % (r.returncode, r.stdout + r.stderr))
        ck.check(len(errs) == 1 and
                 errs[0] == "dcatit: push: cannot update 'c_a000:gen-00001': "
                            "Validation Error: modified: Missing value",
                 "the refused dataset is reported once, by identifier, with CKAN's own text",
                 r.stderr)
        ck.check("\r" not in r.stderr and "datasets" not in r.stderr,
                 "no progress line when stderr is not a terminal", repr(r.stderr[:300]))
        # stderr on a pseudo-terminal: 10 and 11 come back, the rest is forced
        master, slave = pty.openpty()
        env = dict(os.environ, CKAN_API_TOKEN=TOKEN)
        p = subprocess.Popen(PUSH + ["--ckan", srv.site, "--org", ORG, "--force", cat12],
                             stdout=subprocess.PIPE, stderr=slave, env=env)
        os.close(slave)
        tty = read_pty(master)
        out = p.communicate()[0].decode()
        os.close(master)
        seen_output.append(out + tty)
        ck.check(p.returncode == 0 and "push: 12/12 datasets" in tty and
                 tty.endswith("\r\x1b[K") and "push:" not in out and
                 summary(subprocess.CompletedProcess([], 0, out, "")) ==
                 "2 created, 10 updated, 0 unchanged, 0 deleted, 0 failed",
                 "on a terminal a progress line counts the datasets and is erased at the end; "
                 "stdout keeps the summary", repr(tty[-200:]) + " " + out)


def test_updates_prune_and_foreign():
    with server() as srv:
        cat10 = gen(10, "c10.ttl")
        r = push(srv, "--jobs", "4", cat10)
        ck.check(r.returncode == 0 and summary(r).startswith("10 created"), "10 datasets created",
                 r.stdout + r.stderr)
        changed = gen(10, "c10v.ttl", variant=3)   # datasets 0, 3, 6, 9 change title
        s0 = stats(srv)["writes"]
        r = push(srv, "--dry-run", changed)
        ck.check(stats(srv)["writes"] == s0 and r.stdout.count("update    c_a000:gen-") == 4 and
                 "dry run: 0 to create, 4 to update, 6 unchanged, 0 to delete, 0 failed"
                 in r.stdout, "dry run plans the 4 updates", r.stdout)
        r = push(srv, changed)
        s1 = stats(srv)["writes"]
        ck.check(summary(r) == "0 created, 4 updated, 6 unchanged, 0 deleted, 0 failed"
                 and s1 - s0 == 4, "only the 4 changed datasets are updated, one write each",
                 "%s writes %d" % (r.stdout, s1 - s0))
        # a package in the same org that dcatit did not create
        c = srv.client()
        foreign = {"name": "foreign-ds", "title": "foreign", "owner_org": ORG, "notes": "n",
                   "identifier": "c_a000:foreign", "modified": "2024-01-01",
                   "frequency": "ANNUAL",
                   "themes_aggregate": json.dumps([{"theme": "ECON", "subthemes": []}])}
        ck.check(c.action("package_create", foreign, token=TOKEN).status == 200,
                 "a foreign package is created directly")
        cat8 = gen(8, "c8.ttl")
        r = push(srv, cat8)
        act, _ = state(srv)
        ck.check(len(act) == 11 and summary(r).endswith("0 deleted, 0 failed"),
                 "without --prune nothing is deleted", r.stdout)
        r = push(srv, "--prune", cat8)
        act, _ = state(srv)
        ck.check(summary(r).endswith("2 deleted, 0 failed") and len(act) == 9 and
                 "foreign-ds" in act and "c_a000-gen-00008" not in act,
                 "--prune deletes the 2 datasets that left, never the foreign one",
                 r.stdout + " " + " ".join(sorted(act)))
        empty = os.path.join(tmp, "empty.ttl")
        with open(empty, "w") as f:
            f.write("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n")
        s0 = stats(srv)["writes"]
        r = push(srv, "--prune", "--no-validate", empty)
        ck.check(stats(srv)["writes"] == s0 and "prune skipped" in r.stderr,
                 "--prune with an empty catalogue deletes nothing", r.stderr)
        broken = os.path.join(tmp, "broken.ttl")
        with open(broken, "w") as f:
            f.write("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<a> dcat:x \"unterminated .\n")
        r = push(srv, "--prune", broken)
        ck.check(r.returncode == 3 and stats(srv)["writes"] == s0,
                 "a catalogue that fails to load pushes and prunes nothing", r.stderr)
        # a name taken by a package dcatit does not manage, in another org
        c.action("organization_create", {"name": "other-org", "title": "o",
                                         "identifier": "c_o000"}, token=TOKEN)
        taken = dict(foreign, name="c_a000-gen-00012", owner_org="other-org",
                     identifier="someone:else")
        c.action("package_create", taken, token=TOKEN)
        c.close()
        cat13 = gen(13, "c13.ttl")
        r = push(srv, cat13)
        act, _ = state(srv)
        ck.check(r.returncode == 1 and summary(r).startswith("4 created") and
                 summary(r).endswith("1 failed") and "c_a000:gen-00012" in r.stderr and
                 "not overwritten" in r.stderr,
                 "a name collision with a foreign package is reported, not overwritten, "
                 "the rest goes on", r.stdout + r.stderr)
        # CKAN's own error text for a dataset it refuses (dcatapit needs modified)
        bad = os.path.join(tmp, "bad.ttl")
        with open(bad, "w") as f:
            f.write(open(cat8).read().replace(
                'dct:modified "2024-02-15"^^xsd:date ;', "", 1))
        dup = os.path.join(tmp, "dup.ttl")
        with open(dup, "w") as f:
            f.write(open(cat8).read().replace('"c_a000:gen-00001"', '"c_a000:gen-00000"'))
        r = push(srv, dup)
        ck.check(r.returncode == 1 and "appears twice" in r.stderr and
                 summary(r).endswith("1 failed"),
                 "an identifier used twice in the catalogue is reported", r.stdout + r.stderr)
        r = push(srv, "--no-validate", bad)
        ck.check(r.returncode == 1 and "modified: Missing value" in r.stderr and
                 summary(r).endswith("1 failed"),
                 "a refused dataset is reported with CKAN's error text", r.stderr)


def test_faults_converge():
    n = 120
    cat = gen(n, "c120.ttl")
    with server() as clean:
        r = push(clean, "--jobs", "8", cat)
        want, _ = state(clean)
    ck.check(r.returncode == 0 and len(want) == n, "clean push of %d datasets" % n, r.stderr)
    with server() as srv:
        srv.control("faults", {"reset": True, "seed": 7, "p500": 0.10, "p_drop": 0.05,
                               "p_truncate": 0.05, "burst_429": 5, "retry_after": 1})
        r = push(srv, "--jobs", "8", cat)
        st = stats(srv)
        got, total = state(srv)
        ck.check(r.returncode == 0 and got == want and total == n,
                 "under 10%% 5xx, 5%% drops, 5%% truncated bodies and a 429 burst the final state equals a clean push "
                 "(faults %s)" % json.dumps(st["faults"]),
                 "rc %d, %d vs %d packages; %s" % (r.returncode, len(got), len(want), r.stderr[-800:]))
        srv.control("faults", {"reset": True, "seed": 11, "p_drop": 0.2, "drop_after": True})
        srv.control("reset", {"what": ["data"]})
        r = push(srv, "--jobs", "8", cat)
        got, total = state(srv)
        lost = stats(srv)["faults"]["drop_after"]
        ck.check(r.returncode == 0 and got == want and total == n and lost > 0,
                 "writes whose answers are lost (%d, drop after the action) converge, "
                 "no duplicate" % lost,
                 "rc %d; %d packages; %s" % (r.returncode, total, r.stderr[-800:]))


def test_sigkill_rerun():
    n = 200
    cat = gen(n, "c200.ttl")
    with server() as clean:
        push(clean, "--jobs", "4", cat)
        want, _ = state(clean)
    with server("--latency-ms", "20") as srv:
        env = dict(os.environ, CKAN_API_TOKEN=TOKEN)
        p = subprocess.Popen(PUSH + ["--ckan", srv.site, "--org", ORG, "--jobs", "2", cat],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if stats(srv)["writes_ok"] >= n // 3:
                break
            time.sleep(0.05)
        p.send_signal(signal.SIGKILL)
        out, err = p.communicate()
        seen_output.append(out.decode(errors="replace") + err.decode(errors="replace"))
        half, _ = state(srv)
        srv.control("faults", {"reset": True})
        r = push(srv, "--jobs", "4", cat)
        got, total = state(srv)
        ck.check(0 < len(half) < n and r.returncode == 0 and got == want and total == n,
                 "killed with SIGKILL after %d of %d, a rerun converges with no duplicate "
                 "and no lost dataset" % (len(half), n),
                 "rc %d, %d packages (%d active)" % (r.returncode, total, len(got)))


UPLOAD_TTL = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ft: <http://publications.europa.eu/resource/authority/file-type/> .
"""


def upload_catalog(n):
    """n datasets, each with two local files under https://ex.it/files/
    (dN.csv, tN.txt: uploaded with --upload https://ex.it/files/=DIR) and one
    link; a valid catalogue, as push validates first."""
    path = os.path.join(tmp, "up.ttl")
    with open(path, "w", encoding="utf-8") as f:
        f.write(UPLOAD_TTL)
        f.write("""
<https://ex.it/catalog> a dcat:Catalog, dcatapit:Catalog ; dct:title "Upload"@it ;
  dct:description "Catalogo con file locali."@it ; dct:modified "2024-01-01"^^xsd:date ;
  dct:publisher [ a dcatapit:Agent, foaf:Agent ; foaf:name "Comune"@it ; dct:identifier "c_a000" ] ;
  dcat:dataset %s .
""" % ", ".join("<https://ex.it/ds/u%d>" % i for i in range(n)))
        for i in range(n):
            f.write("""
<https://ex.it/ds/u%(i)d> a dcat:Dataset, dcatapit:Dataset ;
  dct:identifier "c_a000:u%(i)d" ; dct:title "Upload %(i)d"@it ; dct:description "d"@it ;
  dct:modified "2024-01-01"^^xsd:date ;
  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/ANNUAL> ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ECON> ;
  dct:publisher [ a dcatapit:Agent, foaf:Agent ; foaf:name "Comune"@it ; dct:identifier "c_a000" ] ;
  dct:rightsHolder [ a dcatapit:Agent, foaf:Agent ; foaf:name "Comune"@it ; dct:identifier "c_a000" ] ;
  dcat:distribution <https://ex.it/ds/u%(i)d/csv>, <https://ex.it/ds/u%(i)d/txt>,
      <https://ex.it/ds/u%(i)d/link> .
<https://ex.it/ds/u%(i)d/csv> a dcat:Distribution, dcatapit:Distribution ; dct:title "CSV %(i)d"@it ;
  dcat:accessURL <https://ex.it/files/d%(i)d.csv> ;
  dcat:downloadURL <https://ex.it/files/d%(i)d.csv> ; dct:format ft:CSV ;
  dct:license <https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40> .
<https://ex.it/ds/u%(i)d/txt> a dcat:Distribution, dcatapit:Distribution ; dct:title "TXT %(i)d"@it ;
  dcat:accessURL <https://ex.it/files/t%(i)d.txt> ;
  dcat:downloadURL <https://ex.it/files/t%(i)d.txt> ; dct:format ft:TXT ;
  dct:license <https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40> .
<https://ex.it/ds/u%(i)d/link> a dcat:Distribution, dcatapit:Distribution ; dct:title "Link"@it ;
  dcat:accessURL <https://other.it/x.csv> ; dct:format ft:CSV ;
  dct:license <https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40> .
""" % {"i": i})
    return path


def upload_state(srv):
    out = {}
    for p in dump(srv)["packages"]:
        if p["state"] != "active":
            continue
        out[p["name"]] = sorted((r["name"], r.get("url_type"), r.get("upload_sha256"))
                                for r in p["resources"])
    return out


def test_uploads():
    files = os.path.join(tmp, "files")
    os.makedirs(files, exist_ok=True)
    n = 12
    for i in range(n):
        with open(os.path.join(files, "d%d.csv" % i), "w") as f:
            f.write("id,v\n%d,a\n" % i)
        with open(os.path.join(files, "t%d.txt" % i), "w") as f:
            f.write("text %d\n" % i)
    cat = upload_catalog(n)
    up = "--upload", "https://ex.it/files/=" + files
    with server() as srv:
        r = push(srv, *up, cat)
        st = upload_state(srv)
        c = srv.client()
        pkg = c.action("package_show", {"id": "c_a000-u3"}, token=TOKEN, method="GET").json()
        csv = [x for x in pkg["result"]["resources"] if x["name"] == "CSV 3"]
        body = b""
        if csv:
            from urllib.parse import urlparse
            body = c.request("GET", urlparse(csv[0]["url"]).path).body
        c.close()
        ck.check(r.returncode == 0 and len(st) == n and
                 all([x[1] for x in v] == ["upload", None, "upload"] for v in st.values())
                 and body == b"id,v\n3,a\n",
                 "local distribution files are uploaded as resources (multipart), links kept",
                 r.stderr + json.dumps(st)[:500])
        s0 = stats(srv)["writes"]
        r = push(srv, *up, cat)
        ck.check(stats(srv)["writes"] == s0 and summary(r).startswith("0 created, 0 updated, 12"),
                 "a second push with uploads makes zero writes", r.stdout)
        with open(os.path.join(files, "d5.csv"), "w") as f:
            f.write("id,v\n5,changed\n")
        r = push(srv, *up, cat)
        st2 = upload_state(srv)
        ck.check(summary(r).startswith("0 created, 1 updated, 11 unchanged") and
                 st2["c_a000-u5"] != st["c_a000-u5"] and len(st2["c_a000-u5"]) == 3,
                 "a changed file is uploaded again, replacing the old resource", r.stdout)
        want = st2
        os.rename(os.path.join(files, "t2.txt"), os.path.join(files, "t2.gone"))
        r = push(srv, "--prune", *up, cat)
        act = upload_state(srv)
        ck.check(r.returncode == 1 and "cannot read" in r.stderr and "c_a000-u2" in act and
                 summary(r).endswith("0 deleted, 1 failed"),
                 "a missing local file fails its dataset, which --prune still keeps", r.stderr)
        os.rename(os.path.join(files, "t2.gone"), os.path.join(files, "t2.txt"))
    with server() as srv:
        srv.control("faults", {"reset": True, "seed": 5, "p_drop": 0.25, "drop_after": True,
                               "actions": ["resource_create", "package_create"]})
        r = push(srv, *up, cat)
        got = upload_state(srv)
        lost = stats(srv)["faults"]["drop_after"]
        ck.check(r.returncode == 0 and got == want and lost > 0,
                 "uploads whose answers are lost (%d) leave no duplicate resource" % lost,
                 r.stderr[-600:] + json.dumps(got)[:600])


def test_help():
    """`push --help` says where the token comes from, and every option it
    lists is one the command accepts."""
    r = subprocess.run(PUSH + ["--help"], capture_output=True, text=True)
    text = " ".join(r.stdout.split())
    ck.check(r.returncode == 0 and "CKAN_API_TOKEN" in text and "--token-file" in text and
             "never from the command line" in text and "never printed" in text and
             "N created, N updated, N unchanged, N deleted, N failed" in text and
             "Exit status: 0 done, 1 some dataset failed, the catalogue has violations or "
             "--prune was refused, 2 usage error, 3" in text,
             "push --help says the token comes from CKAN_API_TOKEN or --token-file, never "
             "argv, and documents the summary and the exit status", r.stdout)
    opts = []
    for line in r.stdout.splitlines():
        m = re.match(r"  (?:(-\w), )?\s*(--[\w-]+)(?: (\S+))?(?:\s|$)", line)
        if m:
            opts.append((m.group(1), m.group(2), m.group(3)))
    tf = os.path.join(tmp, "help-token")
    with open(tf, "w") as f:
        f.write(TOKEN + "\n")
    values = {"URL": None, "NAME": None, "N": "2", "F": tf, "IPA": "c_a000",
              "TITLE": "Titolo", "URL=DIR": "https://nowhere.example/=" + tmp, "PCT": "20",
              "LEVEL": "invalid", "LANG": "en"}
    bad = []
    with server() as srv:
        for short, opt, arg in opts:
            if opt in ("--ckan", "--org"):
                continue
            for name in filter(None, (opt, short)):
                args = [name] + ([values[arg]] if arg else [])
                r = push(srv, "--dry-run", *args, FIXTURE)
                if r.returncode != 0 or "unknown option" in r.stderr:
                    bad.append("%s: rc %d %s" % (" ".join(args), r.returncode, r.stderr[-200:]))
        r = push(srv, "--dry-run", "--no-such-option", FIXTURE)
    ck.check(len(opts) >= 11 and not bad,
             "each of the %d options push --help lists is accepted" % len(opts), "; ".join(bad))
    ck.check(r.returncode == 2 and "unknown option" in r.stderr and "--help" in r.stderr,
             "an option --help does not list is a usage error", r.stderr)


def test_token_handling():
    with server() as srv:
        r = push(srv, "--token", TOKEN, FIXTURE)
        ck.check(r.returncode == 2 and TOKEN not in r.stderr, "--token on argv is refused "
                 "without echoing it", r.stderr)
        r = push(srv, "--token=" + TOKEN, FIXTURE)
        ck.check(r.returncode == 2 and TOKEN not in r.stderr, "--token=... is refused too")
        tf = os.path.join(tmp, "token")
        with open(tf, "w") as f:
            f.write(TOKEN + "\n")
        r = push(srv, "--token-file", tf, "--dry-run", FIXTURE, token=None)
        ck.check(r.returncode == 0, "--token-file is read", r.stderr)
        r = push(srv, FIXTURE, token="wrong-" + TOKEN)
        ck.check(r.returncode == 3 and "Authorization Error" in r.stderr,
                 "a bad token gets CKAN's 403 text", r.stderr)
    every = "".join(seen_output)
    logtext = ""
    for path in logs:
        if os.path.exists(path):
            logtext += open(path, encoding="utf-8", errors="replace").read()
    ck.check(len(every) > 0 and TOKEN not in every,
             "the token never appears in stdout or stderr (%d bytes checked)" % len(every))
    bad = [w for w in ("AddressSanitizer", "LeakSanitizer", "runtime error:") if w in every]
    ck.check(not bad, "no sanitizer report in any output", str(bad))
    ck.check(len(logtext) > 0 and TOKEN not in logtext,
             "the token never appears in the test server's logs (%d bytes)" % len(logtext))


def main():
    try:
        test_roundtrip_and_idempotence()
        test_bundled_roundtrip()
        test_what_we_send()
        test_summary_progress_exit()
        test_help()
        test_updates_prune_and_foreign()
        test_faults_converge()
        test_sigkill_rerun()
        test_uploads()
        test_token_handling()   # last: greps everything the others printed
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return ck.finish()


if __name__ == "__main__":
    sys.exit(main())
