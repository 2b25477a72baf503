#!/usr/bin/env python3
"""An installed dcatit finds its data without the source tree.

usage: test_install.py MESON BUILD_ROOT PREFIX BINDIR DATADIR MANDIR BASHCOMPDIR ZSHCOMPDIR
                       LOCALEDIR

Installs the build with `DESTDIR=D meson install`, checks the layout, moves
the installed prefix somewhere else (as a relocated install or an unpacked
.deb would be) and runs `dcatit build` on the installed example catalogue and
`dcatit validate` on the result from there, with DCATIT_DATADIR unset and the
working directory outside the source tree. Then it removes the moved tree's
data and checks that dcatit says where the data is missing instead of falling
back to the source tree.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

MESON = BUILD_ROOT = PREFIX = BINDIR = DATADIR = None
MANDIR = BASHCOMP = ZSHCOMP = LOCALEDIR = None
COMMANDS = ["build", "convert", "harvest", "help", "push", "quality", "validate", "verify",
            "version"]


def rel(p):
    """An install path as meson gives it (relative to the prefix or absolute)
    made relative to the prefix."""
    if os.path.isabs(p):
        return os.path.relpath(p, PREFIX)
    return p


class InstallTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dcatit-install-")
        dest = os.path.join(cls.tmp, "destdir")
        env = dict(os.environ, DESTDIR=dest)
        r = subprocess.run([MESON, "install", "-C", BUILD_ROOT, "--no-rebuild", "--quiet"],
                           env=env, capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            raise AssertionError("meson install failed:\n" + r.stdout + r.stderr)
        cls.installed = os.path.join(dest, PREFIX.lstrip("/"))
        # the relocated tree: the whole prefix moved to a path it was not built for
        cls.moved = os.path.join(cls.tmp, "elsewhere", "dcatit")
        os.makedirs(os.path.dirname(cls.moved))
        os.rename(cls.installed, cls.moved)
        cls.exe = os.path.join(cls.moved, rel(BINDIR), "dcatit")
        cls.data = os.path.join(cls.moved, rel(DATADIR), "dcatit")
        cls.env = {k: v for k, v in os.environ.items()
                   if k not in ("DCATIT_DATADIR", "DCATIT_LOCALEDIR", "LANGUAGE")}
        cls.env["LC_ALL"] = "C"

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_dcatit(self, *args):
        return subprocess.run([self.exe, *args], cwd=self.tmp, env=self.env,
                              capture_output=True, text=True, timeout=300)

    def test_1_layout_has_binary_vocab_schemas_and_example_catalogue(self):
        self.assertTrue(os.access(self.exe, os.X_OK), self.exe)
        for f in ["vocab/shapes/dcatapit.ttl", "vocab/shapes/dcatapit-extra.ttl",
                  "vocab/organizations.ttl", "vocab/eu/data-theme.ttl",
                  "catalog/catalog.yaml", "catalog/README.md",
                  "schema/record.schema.json", "schema/catalog.schema.json",
                  "schema/organizations.schema.json", "schema/dictionary.schema.json"]:
            self.assertTrue(os.path.isfile(os.path.join(self.data, f)), f)
        # development tools stay in the source tree
        self.assertFalse(os.path.exists(os.path.join(self.data, "vocab", "tools")))
        self.assertFalse(os.path.exists(os.path.join(self.data, "catalog", "tools")))
        self.assertFalse(os.path.exists(os.path.join(self.data, "catalog", "sources")))
        self.assertFalse(os.path.exists(os.path.join(self.data, "catalog", "meson.build")))

    def test_1_manual_pages_completions_and_translations_are_installed(self):
        man = os.path.join(self.moved, rel(MANDIR))
        for page in ["dcatit"] + ["dcatit-" + c for c in COMMANDS]:
            for sub in ("man1", os.path.join("it", "man1")):
                path = os.path.join(man, sub, page + ".1")
                self.assertTrue(os.path.isfile(path), path)
        self.assertTrue(os.path.isfile(os.path.join(self.moved, rel(BASHCOMP), "dcatit")))
        self.assertTrue(os.path.isfile(os.path.join(self.moved, rel(ZSHCOMP), "_dcatit")))
        self.assertTrue(os.path.isfile(os.path.join(self.moved, rel(LOCALEDIR), "it",
                                                    "LC_MESSAGES", "dcatit.mo")))

    def test_2_moved_install_builds_and_validates_the_example(self):
        out = os.path.join(self.tmp, "out")
        r = self.run_dcatit("build", "-C", os.path.join(self.data, "catalog"), "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("0 violations", r.stdout + r.stderr)
        self.assertTrue(os.path.getsize(os.path.join(out, "catalog.ttl")) > 0)
        r = self.run_dcatit("validate", os.path.join(out, "catalog.ttl"))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        # quality reads data.europa.eu's lists from the moved data directory
        r = self.run_dcatit("quality", os.path.join(out, "catalog.ttl"), "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('"schema"', r.stdout)
        # nothing was written into the installed data
        self.assertFalse(os.path.exists(os.path.join(self.data, "catalog", "out")))

    def test_2_moved_install_speaks_italian(self):
        configured = os.path.join(PREFIX, rel(LOCALEDIR), "it", "LC_MESSAGES", "dcatit.mo")
        if os.path.exists(configured):
            self.skipTest("%s exists on this machine: it would answer too" % configured)
        env = dict(self.env, LC_ALL="it_IT.UTF-8")
        env.pop("DCATIT_LOCALEDIR", None)
        r = subprocess.run([self.exe, "validate", "--help"], cwd=self.tmp, env=env,
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("uso: dcatit validate"), r.stdout[:200])
        # a message, and a report's texts (quality's table through gettext)
        r = subprocess.run([self.exe, "quality", "no-such-file.ttl"], cwd=self.tmp, env=env,
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("impossibile leggere 'no-such-file.ttl'", r.stderr)
        cat = os.path.join(self.data, "vocab", "organizations.ttl")
        r = subprocess.run([self.exe, "quality", "--no-validate", cat], cwd=self.tmp, env=env,
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Qualità dei metadati", r.stdout)

    def test_3_moved_install_without_its_data_says_where_it_looked(self):
        configured = os.path.join(PREFIX, rel(DATADIR), "dcatit", "vocab")
        if os.path.isdir(configured):
            # the configured prefix is a legitimate second place to look
            print("skipping the missing-data check: %s exists on this machine" % configured)
            return
        vocab = os.path.join(self.data, "vocab")
        os.rename(vocab, vocab + ".away")
        try:
            r = self.run_dcatit("validate", os.devnull)
        finally:
            os.rename(vocab + ".away", vocab)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("'%s' is not a directory" % vocab, r.stderr)
        self.assertNotIn(os.path.dirname(os.path.abspath(__file__)).rsplit("/tests/", 1)[0],
                         r.stderr)


if __name__ == "__main__":
    MESON, BUILD_ROOT, PREFIX, BINDIR, DATADIR = sys.argv[1:6]
    MANDIR, BASHCOMP, ZSHCOMP, LOCALEDIR = sys.argv[6:10]
    unittest.main(argv=sys.argv[:1], verbosity=2)
