#!/usr/bin/env python3
"""The CI templates for catalogue repositories, run here.

usage: test_templates.py DCATIT SOURCE_ROOT

For templates/github/dcatit.yml, templates/gitlab/.gitlab-ci.yml and
.pre-commit-hooks.yaml: reads the YAML, takes the commands a runner would run
and runs them in a fresh copy of a catalogue repository (the bundled catalog/)
with DCATIT first on PATH instead of the install step (which needs the
network), then checks what a runner would look at: exit codes, GitHub
annotations, the JUnit report, the artifact paths. A copy with a broken record
must make each of them fail. The package list of the from-source install
step must match the build dependencies in debian/control.

Every step runs, the quality report's included: the artifact must hold
report/quality.html and report/quality.json.
"""
import os
import re
import shutil
import shlex
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

try:
    import yaml
except ImportError:
    print("python3-yaml is missing: skipped")
    sys.exit(77)

DCATIT = ROOT = None


def load(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return yaml.safe_load(f)


class Repo:
    """A catalogue repository: a copy of catalog/ in a temporary directory,
    and a PATH whose dcatit is the one under test."""

    def __init__(self, broken=False):
        self.dir = tempfile.mkdtemp(prefix="dcatit-templates-")
        shutil.copytree(os.path.join(ROOT, "catalog"), os.path.join(self.dir, "catalog"),
                        ignore=shutil.ignore_patterns("tools", "meson.build"))
        if broken:
            # an unknown key: the loader rejects the record with file:line
            p = os.path.join(self.dir, "catalog", "gis", "ctr-10k.yaml")
            with open(p, "a", encoding="utf-8") as f:
                f.write("not_a_key: 1\n")
        bindir = os.path.join(self.dir, ".bin")
        os.mkdir(bindir)
        os.symlink(os.path.abspath(DCATIT), os.path.join(bindir, "dcatit"))
        self.env = {k: v for k, v in os.environ.items()
                    if k != "DCATIT_DATADIR" and not k.startswith(("GITHUB_", "CI_"))}
        self.env["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin")
        self.env["LC_ALL"] = "C"

    def run(self, script, shell=("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"),
            extra_env=None):
        env = dict(self.env, **(extra_env or {}))
        return subprocess.run([*shell, script], cwd=self.dir, env=env, capture_output=True,
                              text=True, timeout=300)

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def install_packages(script):
    """The apt packages of the from-source branch of an install script."""
    script = re.sub(r"\\\n", " ", script)  # shell line continuations
    m = re.search(r"else\s+apt-get install ([^\n]*)", script)
    assert m, "no from-source apt-get install in the install step"
    words = m.group(1).split()
    return {w for w in words if not w.startswith("-")}


def build_depends():
    with open(os.path.join(ROOT, "debian", "control"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^Build-Depends:(.*?)^\S", text, re.S | re.M)
    deps = set()
    for item in m.group(1).split(","):
        item = item.strip()
        if not item or "<!nocheck>" in item or item.startswith("debhelper-compat"):
            continue  # test-only dependencies, and debhelper itself
        name = item.split("|")[-1].split()[0]  # "pkgconf | pkg-config" -> pkg-config
        deps.add(name)
    return deps


# the from-source install adds what debhelper brings in a package build
INSTALL_EXTRA = {"ca-certificates", "git", "build-essential"}


class GitHubWorkflow(unittest.TestCase):
    def setUp(self):
        self.wf = load("templates/github/dcatit.yml")
        on = self.wf.get("on", self.wf.get(True))  # YAML 1.1 reads `on` as true
        self.assertIn("push", on)
        self.assertIn("pull_request", on)
        self.job = self.wf["jobs"]["catalogue"]

    def steps(self, repo):
        """Run the job's steps as a runner would (the install step replaced by
        PATH); returns [(step, CompletedProcess or None)] and the upload paths."""
        env = {k: str(v) for k, v in self.wf.get("env", {}).items()}
        results, uploads, failed = [], [], False
        for step in self.job["steps"]:
            cond = str(step.get("if", ""))
            if failed and "cancelled()" not in cond and "always()" not in cond:
                continue
            if step.get("id") == "install-dcatit":
                continue
            uses = step.get("uses", "")
            if uses.startswith("actions/upload-artifact@"):
                uploads += [p for p in step["with"]["path"].split("\n") if p.strip()]
                continue
            if uses:
                continue  # checkout: the repository is already there
            r = repo.run(step["run"], extra_env=env)
            results.append((step, r))
            failed = failed or r.returncode != 0
        return results, uploads

    def test_install_step_builds_with_the_packages_debian_control_names(self):
        step = next(s for s in self.job["steps"] if s.get("id") == "install-dcatit")
        self.assertEqual(install_packages(step["run"]) - INSTALL_EXTRA, build_depends())

    def test_the_bundled_catalogue_passes_with_annotations_and_artifacts(self):
        repo = Repo()
        try:
            results, uploads = self.steps(repo)
            for step, r in results:
                self.assertEqual(r.returncode, 0, "%s: %s%s" % (step["name"], r.stdout, r.stderr))
            validate = next(r for s, r in results if s["name"] == "Validate")
            # the bundled catalogue has warnings: GitHub workflow commands
            self.assertRegex(validate.stdout, r"(?m)^::warning file=[^,]*out/catalog\.ttl,line=\d+")
            self.assertEqual(sorted(p.strip() for p in uploads), ["out/", "report/"])
            self.assertTrue(os.path.isfile(os.path.join(repo.dir, "out", "catalog.ttl")))
            for report in ("quality.html", "quality.json"):
                self.assertTrue(os.path.getsize(os.path.join(repo.dir, "report", report)))
        finally:
            repo.close()

    def test_a_broken_record_fails_the_job(self):
        repo = Repo(broken=True)
        try:
            results, _ = self.steps(repo)
            build = next(r for s, r in results if s["name"] == "Build the catalogue")
            self.assertEqual(build.returncode, 1, build.stderr)
            self.assertIn("ctr-10k.yaml:", build.stderr)
        finally:
            repo.close()


class GitLabJob(unittest.TestCase):
    def setUp(self):
        self.ci = load("templates/gitlab/.gitlab-ci.yml")
        self.job = self.ci["dcatit"]

    def script(self, repo):
        env = {k: str(v) for k, v in self.ci.get("variables", {}).items()}
        # GitLab runs the script lines in one shell and stops at the first failure
        return repo.run("\n".join(self.job["script"]), shell=("sh", "-e", "-c"), extra_env=env)

    def test_runs_for_pushes_and_merge_requests(self):
        rules = [r.get("if", "") for r in self.ci["workflow"]["rules"]]
        self.assertTrue(any("merge_request_event" in r for r in rules))
        self.assertTrue(any(r.strip() == "$CI_COMMIT_BRANCH" for r in rules))

    def test_install_step_builds_with_the_packages_debian_control_names(self):
        self.assertEqual(install_packages("\n".join(self.job["before_script"])) - INSTALL_EXTRA,
                         build_depends())

    def test_the_bundled_catalogue_passes_with_a_junit_report_and_artifacts(self):
        repo = Repo()
        try:
            r = self.script(repo)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            art = self.job["artifacts"]
            self.assertEqual(art["when"], "always")
            for p in art["paths"]:
                self.assertTrue(os.path.exists(os.path.join(repo.dir, p)), p)
            for report in ("quality.html", "quality.json"):
                self.assertTrue(os.path.getsize(os.path.join(repo.dir, "report", report)))
            junit = os.path.join(repo.dir, art["reports"]["junit"])
            root = ET.parse(junit).getroot()
            self.assertIn(root.tag, ("testsuites", "testsuite"))
            # the bundled catalogue's warnings are test cases with their line
            cases = list(root.iter("testcase"))
            self.assertTrue(cases, "no test case in the JUnit report")
            self.assertTrue(all(c.get("name", "").startswith("line ") for c in cases))
        finally:
            repo.close()

    def test_a_broken_record_fails_the_job(self):
        repo = Repo(broken=True)
        try:
            r = self.script(repo)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("ctr-10k.yaml:", r.stderr)
        finally:
            repo.close()


class PreCommitHooks(unittest.TestCase):
    def setUp(self):
        self.hooks = {h["id"]: h for h in load(".pre-commit-hooks.yaml")}

    def hook(self, repo, hid, files):
        """Run a hook as pre-commit does: entry split with shlex, then args,
        then the matching files unless pass_filenames is false."""
        h = self.hooks[hid]
        self.assertEqual(h["language"], "system")
        argv = shlex.split(h["entry"]) + h.get("args", [])
        match = [f for f in files if re.search(h.get("files", ""), f)
                 and not (h.get("exclude") and re.search(h["exclude"], f))]
        if not match:
            return None
        if h.get("pass_filenames", True):
            argv += match
        return subprocess.run(argv, cwd=repo.dir, env=repo.env, capture_output=True,
                              text=True, timeout=300)

    def test_build_hook_passes_the_bundled_catalogue_and_writes_nothing(self):
        repo = Repo()
        try:
            before = sorted(os.listdir(repo.dir))
            r = self.hook(repo, "dcatit-build", ["catalog/gis/ctr-10k.yaml"])
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(sorted(os.listdir(repo.dir)), before)
            # only files under catalog/ trigger it
            self.assertIsNone(self.hook(repo, "dcatit-build", ["README.md"]))
        finally:
            repo.close()

    def test_build_hook_fails_on_a_broken_record(self):
        repo = Repo(broken=True)
        try:
            r = self.hook(repo, "dcatit-build", ["catalog/gis/ctr-10k.yaml"])
            self.assertEqual(r.returncode, 1)
            self.assertIn("ctr-10k.yaml:", r.stderr)
        finally:
            repo.close()

    def test_validate_hook_checks_committed_rdf_files(self):
        repo = Repo()
        try:
            r = repo.run("dcatit build -C catalog -o published")
            self.assertEqual(r.returncode, 0, r.stderr)
            r = self.hook(repo, "dcatit-validate", ["published/catalog.ttl", "notes.txt"])
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            bad = os.path.join(repo.dir, "published", "bad.ttl")
            with open(bad, "w", encoding="utf-8") as f:
                f.write("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
                        "<http://example.org/d> a dcat:Dataset .\n")
            r = self.hook(repo, "dcatit-validate", ["published/bad.ttl"])
            self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
            # records in catalog/ are the build hook's
            self.assertIsNone(self.hook(repo, "dcatit-validate", ["catalog/x.ttl"]))
        finally:
            repo.close()


if __name__ == "__main__":
    DCATIT, ROOT = sys.argv[1], sys.argv[2]
    unittest.main(argv=sys.argv[:1], verbosity=2)
