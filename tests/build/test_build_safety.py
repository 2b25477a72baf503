#!/usr/bin/env python3
"""Tests of `dcatit build` on hostile catalogues and output directories
(issue 9, reliability probe 2): what OUT may hold and what replaces it, files
that lead out of the catalogue or are not regular files, NUL bytes, YAML
alias bombs and deep nesting, records that cost work out of proportion to
their size.

usage: test_build_safety.py DCATIT SOURCE_ROOT

Like test_build.py (whose helpers it uses), each case works on a fresh copy
of SOURCE_ROOT/catalog. Subprocess timeouts here only turn a hang into a
failure; DCATIT_TEST_TIMEOUT_SCALE stretches them under the sanitizers.
"""
import os
import re
import shutil
import subprocess
import sys
import unittest

import test_build
from test_build import CatalogueCase, bundled, run, tree

SCALE = float(os.environ.get("DCATIT_TEST_TIMEOUT_SCALE", "1"))


class SafetyTest(CatalogueCase):
    def test_an_output_that_is_not_a_directory_is_refused_before_building(self):
        out = os.path.join(self.tmp, "out")
        with open(out, "w", encoding="utf-8") as fh:
            fh.write("not a directory\n")
        r = self.build()
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("is not a directory", r.stderr)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["catalog", "out"])
        with open(out, encoding="utf-8") as fh:
            self.assertEqual(fh.read(), "not a directory\n")

    def previous_output(self):
        """A copy of the shared build of the bundled catalogue as OUT (a
        build under the sanitizers takes tens of seconds)."""
        r, built = bundled()
        self.assertEqual(r.returncode, 0, r.stderr)
        out = os.path.join(self.tmp, "out")
        shutil.copytree(built, out)
        return out

    def test_the_manifest_lists_every_file_the_build_wrote(self):
        _, out = bundled()
        with open(os.path.join(out, ".dcatit-manifest"), encoding="utf-8") as fh:
            lines = [l for l in fh.read().splitlines() if not l.startswith("#")]
        self.assertEqual(lines, sorted(lines))
        self.assertEqual(set(lines), set(tree(out)) - {".dcatit-manifest"})
        self.assertIn("funding/files/ripartizione-fondi-l145-2018.csv", lines)

    def test_a_rebuild_replaces_what_the_previous_build_wrote_and_leaves_nothing_else(self):
        # a previous build that also wrote pages (listed in its manifest)
        out = self.previous_output()
        os.makedirs(os.path.join(out, "page"))
        with open(os.path.join(out, "page", "1.ttl"), "w") as fh:
            fh.write("# page\n")
        with open(os.path.join(out, ".dcatit-manifest"), "a") as fh:
            fh.write("page/1.ttl\n")
        r = self.build("out", "--format", "ttl")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertFalse(os.path.exists(os.path.join(out, "page")))
        self.assertFalse(os.path.exists(os.path.join(out, "catalog.nt")))
        self.assertTrue(os.path.isfile(os.path.join(out, "catalog.ttl")))
        self.assertEqual(sorted(os.listdir(self.tmp)), ["catalog", "out"])

    def test_an_output_directory_holding_a_users_files_is_refused_and_kept(self):
        # reliability probe 2, finding 2: -o on a home directory
        home = os.path.join(self.tmp, "fakehome")
        os.makedirs(os.path.join(home, "docs"))
        with open(os.path.join(home, "docs", "thesis.tex"), "w") as fh:
            fh.write("thesis\n")
        with open(os.path.join(home, ".ssh_key"), "w") as fh:
            fh.write("key\n")
        before = tree(home)
        r = self.build("fakehome")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("'.ssh_key'", r.stderr)
        self.assertIn("not the output of a dcatit build", r.stderr)
        self.assertNotIn("built", r.stdout)
        self.assertEqual(tree(home), before)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["catalog", "fakehome"])

    def test_a_file_added_to_a_previous_output_is_named_and_nothing_is_written(self):
        out = self.previous_output()
        for rel in ("notes.txt", "dataset/mine.ttl"):
            with open(os.path.join(out, rel), "w", encoding="utf-8") as fh:
                fh.write("the user's\n")
            before = tree(out)
            r = self.build()
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn(f"'{rel}', which no dcatit build wrote", r.stderr)
            self.assertEqual(tree(out), before)
            os.remove(os.path.join(out, rel))
        # a planted symbolic link is the user's too, and never followed
        victim = os.path.join(self.tmp, "victim")
        os.makedirs(victim)
        with open(os.path.join(victim, "x.ttl"), "w") as fh:
            fh.write("precious\n")
        shutil.rmtree(os.path.join(out, "dataset"))
        os.symlink(victim, os.path.join(out, "dataset"))
        r = self.build()
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("'dataset', which no dcatit build wrote", r.stderr)
        self.assertEqual(os.listdir(victim), ["x.ttl"])
        self.assertEqual(sorted(os.listdir(self.tmp)), ["catalog", "out", "victim"])

    def test_the_catalogue_directory_what_holds_it_and_what_is_inside_are_refused(self):
        # reliability probe 2, finding 2: -o on the catalogue, on a project
        # holding it (with .git), inside it, through symbolic links, '..'
        proj = os.path.join(self.tmp, "proj")
        os.makedirs(os.path.join(proj, ".git"))
        shutil.copytree(self.cat, os.path.join(proj, "catalog"))
        os.symlink(self.tmp, os.path.join(self.tmp, "link"))
        os.symlink(self.cat, os.path.join(self.tmp, "catlink"))
        before = tree(self.tmp)
        cases = [
            (["-C", self.cat, "-o", self.cat], "is the catalogue directory"),
            (["-C", os.path.join(proj, "catalog"), "-o", proj], "contains the catalogue directory"),
            (["-C", proj, "-o", proj], "contains the catalogue directory"),
            (["-C", self.cat, "-o", os.path.join(self.cat, "out")], "is inside the catalogue"),
            (["-C", self.cat, "-o", os.path.join(self.tmp, "link", "catalog")],
             "is the catalogue directory"),
            (["-C", os.path.join(self.tmp, "catlink"), "-o", os.path.join(self.cat, "gis")],
             "is inside the catalogue"),
            (["-C", self.cat, "-o", os.path.join(self.tmp, "catlink")], "is a symbolic link"),
            (["-C", ".", "-o", ".."], "contains the catalogue directory"),
            (["-C", self.cat, "-o", "/"], "cannot be the output directory"),
        ]
        for args, want in cases:
            r = run(*args, cwd=self.cat)
            self.assertEqual(r.returncode, 2, f"{args}: {r.stderr}")
            self.assertIn(want, r.stderr, args)
            self.assertIn("try 'dcatit build --help'", r.stderr)
        self.assertEqual(tree(self.tmp), before)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["catalog", "catlink", "link", "proj"])

    def test_concurrent_builds_into_one_output_leave_one_complete_tree(self):
        procs = [subprocess.Popen([test_build.DCATIT, "build", "-C", self.cat, "-o",
                                   os.path.join(self.tmp, "out"), "--format", "ttl"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(4)]
        for p in procs:
            _, err = p.communicate(timeout=120 * SCALE)
            self.assertEqual(p.returncode, 0, err)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["catalog", "out"])
        out = os.path.join(self.tmp, "out")
        with open(os.path.join(out, ".dcatit-manifest"), encoding="utf-8") as fh:
            lines = [l for l in fh.read().splitlines() if not l.startswith("#")]
        self.assertEqual(set(lines), set(tree(out)) - {".dcatit-manifest"})

    def test_a_link_out_of_the_catalogue_is_refused_at_the_record_line(self):
        # reliability probe 2, finding 3: a distribution file linked to
        # /proc/self/environ published the build's environment
        rel = "agreements/files/accordo-digitalizzazione-l145-2018.md"
        os.remove(os.path.join(self.cat, rel))
        os.symlink("/proc/self/environ", os.path.join(self.cat, rel))
        line = self.line_of("agreements/accordo-digitalizzazione-l145-2018.yaml",
                            "file: files/accordo-digitalizzazione-l145-2018.md")
        r = subprocess.run([test_build.DCATIT, "build", "-C", self.cat, "-o",
                            os.path.join(self.tmp, "out")], capture_output=True, text=True,
                           timeout=60 * SCALE, env=dict(os.environ, MY_CI_SECRET="ghp_supersecret"))
        self.assert_refused(r, os.path.join(self.cat, "agreements",
                                            f"accordo-digitalizzazione-l145-2018.yaml:{line}:"),
                            "leads outside")
        self.assertNotIn("ghp_supersecret", r.stdout + r.stderr)

    def test_links_inside_the_catalogue_are_followed_and_links_out_are_not(self):
        secret = os.path.join(self.tmp, "secret.txt")
        with open(secret, "w") as fh:
            fh.write("password=hunter2\n")
        # a link that stays inside: fine, and the file is published
        rel = "agreements/files/convenzione-tipo-ia.md"
        os.rename(os.path.join(self.cat, rel), os.path.join(self.cat, "agreements", "ia.md"))
        os.symlink("../ia.md", os.path.join(self.cat, rel))
        r = self.build("out", "--format", "ttl")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.tmp, "out", rel)))
        shutil.rmtree(os.path.join(self.tmp, "out"))
        # the data dictionary, the registry, a record and a record
        # directory, each linked out of the catalogue
        cases = []
        d = "funding/files/ripartizione-fondi-l145-2018.dictionary.yaml"
        cases.append((d, os.path.join(self.cat, "funding", "ripartizione-fondi-l145-2018.yaml")
                      + ":%d:" % self.line_of("funding/ripartizione-fondi-l145-2018.yaml",
                                              "dictionary:")))
        cases.append(("organizations.yaml", os.path.join(self.cat, "catalog.yaml") + ":%d:"
                      % self.line_of("catalog.yaml", "registry:")))
        cases.append(("gis/ortofoto-2013.yaml", os.path.join(self.cat, "gis",
                                                             "ortofoto-2013.yaml") + ": "))
        for rel, where in cases:
            path = os.path.join(self.cat, rel)
            os.rename(path, path + ".orig")
            os.symlink(secret, path)
            r = self.build()
            self.assert_refused(r, where, "leads outside")
            self.assertNotIn("hunter2", r.stderr)
            os.remove(path)
            os.rename(path + ".orig", path)
        outside = os.path.join(self.tmp, "elsewhere")
        shutil.move(os.path.join(self.cat, "gis"), outside)
        os.symlink(outside, os.path.join(self.cat, "gis"))
        r = self.build()
        self.assert_refused(r, os.path.join(self.cat, "catalog.yaml") + ":%d:"
                            % self.line_of("catalog.yaml", "records:"),
                            "leads outside")

    def test_a_fifo_in_a_record_directory_is_an_error_not_a_hang(self):
        # reliability probe 2, finding 10
        os.mkfifo(os.path.join(self.cat, "gis", "zz-fifo.yaml"))
        r = run("-C", self.cat, "-o", os.path.join(self.tmp, "out"), timeout=20)
        self.assert_refused(r, os.path.join(self.cat, "gis", "zz-fifo.yaml") + ": ",
                            "is a FIFO, not a regular file")
        # and as a distribution file, at the record line that names it
        os.remove(os.path.join(self.cat, "gis", "zz-fifo.yaml"))
        rel = "agreements/files/convenzione-tipo-ia.md"
        os.remove(os.path.join(self.cat, rel))
        os.mkfifo(os.path.join(self.cat, rel))
        line = self.line_of("agreements/convenzione-tipo-ia.yaml", "file: files/")
        r = run("-C", self.cat, "-o", os.path.join(self.tmp, "out"), timeout=20)
        self.assert_refused(r, os.path.join(self.cat, "agreements",
                                            f"convenzione-tipo-ia.yaml:{line}:"),
                            "is a FIFO, not a regular file")

    def test_nul_bytes_and_bad_utf8_in_tables_and_texts_are_located_errors(self):
        # reliability probe 2, finding 13
        rel = "funding/files/ripartizione-fondi-l145-2018.csv"
        path = os.path.join(self.cat, rel)
        with open(path, "rb") as fh:
            rows = fh.read().split(b"\n")
        rows[4] = rows[4][:10] + b"\0\0" + rows[4][10:]
        with open(path, "wb") as fh:
            fh.write(b"\n".join(rows))
        r = self.build()
        self.assert_refused(r, f"{path}:5:11: ", "NUL byte")
        with open(path, "wb") as fh:
            fh.write(b"\n".join(rows).replace(b"\0\0", b""))
        md = os.path.join(self.cat, "agreements", "files", "convenzione-tipo-ia.md")
        for bad, what in ((b"\0", "NUL byte"), (b"\xff", "invalid UTF-8")):
            with open(md, "rb") as fh:
                text = fh.read()
            with open(md, "wb") as fh:
                fh.write(text.replace(b"\n", b"\n" + bad, 3).replace(b"\n" + bad, b"\n", 2))
            r = self.build()
            errors = self.assert_refused(r, f"{md}:4:1: ", what)
            self.assertTrue(any("convenzione-tipo-ia.yaml:" in l for l in errors), errors)
            with open(md, "wb") as fh:
                fh.write(text)

    def test_an_alias_bomb_is_refused_at_its_first_anchor_with_one_error(self):
        # reliability probe 2, finding 7: the walk through aliases was
        # exponential and printed one error per visit
        levels = 7
        s = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
            "%s: &%s [%s]\n" % (chr(98 + i), chr(98 + i), ",".join(["*" + chr(97 + i)] * 10))
            for i in range(levels))
        bomb = os.path.join(self.cat, "gis", "zz-bomb.yaml")
        with open(bomb, "w") as fh:
            fh.write(s)
        r = run("-C", self.cat, "-o", os.path.join(self.tmp, "out"), timeout=30)
        errors = self.assert_refused(r, f"{bomb}:1:4: ", "anchors and aliases are not allowed")
        self.assertEqual([l for l in errors if "zz-bomb" in l], [errors[0]], r.stderr)

    def test_deep_flow_nesting_stops_at_a_depth_limit_with_a_located_error(self):
        # reliability probe 2, finding 11: 200,000 levels took over 30 s
        deep = os.path.join(self.cat, "gis", "zz-deep.yaml")
        with open(deep, "w") as fh:
            fh.write("id: deep\ntitle: " + "[" * 200000 + "]" * 200000 + "\n")
        r = run("-C", self.cat, "-o", os.path.join(self.tmp, "out"), timeout=20)
        self.assert_refused(r, f"{deep}:2:", "nested more than 256 levels deep")

    def test_hostile_records_cost_work_in_proportion_to_their_size(self):
        # every check of a record once compared each item with all those
        # before it, searched the whole document for the key path of each
        # error and computed a suggestion for each: 20,000 repeated
        # keywords, unknown themes, repeated languages or keys took minutes
        n = 20000
        src = os.path.join(self.cat, "gis", "ctr-10k.yaml")
        with open(src, encoding="utf-8") as fh:
            base = fh.read()
        shapes = {
            "zz-keywords": ("  it: [carta tecnica regionale, cartografia di base, CTR, WMS, GEOscopio]",
                            "  it: [" + ", ".join(["k"] * n) + "]", "is listed twice"),
            "zz-themes": ("themes: [REGI]", "themes: [REGI, " +
                          ", ".join("ZZ%d" % i for i in range(n)) + "]", "unknown theme"),
            "zz-languages": ("  it: Carta Tecnica Regionale 1:10.000 della Toscana",
                             "\n".join(["  it: x"] * n), "duplicate language"),
            "zz-keys": ("frequency: IRREG", "\n".join(["frequency: IRREG"] * n),
                        "duplicate key"),
        }
        for name, (old, new, _) in shapes.items():
            self.assertIn(old, base)
            with open(os.path.join(self.cat, "gis", name + ".yaml"), "w") as fh:
                fh.write(base.replace("id: ctr-10k", "id: " + name).replace(old, new, 1))
        r = run("-C", self.cat, "-o", os.path.join(self.tmp, "out"), timeout=60)
        for name, (_, _, want) in shapes.items():
            path = os.path.join(self.cat, "gis", name + ".yaml")
            errors = self.assert_refused(r, path + ":", want)
            mine = [l for l in errors if re.match(re.escape(path) + r":\d+:", l)]
            # the first hundred are shown, then one line says there are more
            self.assertEqual(len(mine), 100, name)
            self.assertIn(f"{path}: error: more than 100 errors in this file", r.stderr)
        self.assertRegex(r.stderr, r"dcatit: \d{5} errors in the catalogue")

    def test_a_dictionary_with_many_columns_is_checked_without_pairwise_lookups(self):
        # each column name was looked up among all those before it (and each
        # total_of name among all columns): 30,000 columns took 17 s
        n = 80000
        cols = "".join("  - name: c%d\n    type: decimal\n    title: {it: C}\n" % i
                       for i in range(n))
        cols += ("  - name: c7\n    type: decimal\n    title: {it: again}\n"
                 "  - name: tot\n    type: decimal\n    title: {it: T}\n    total_of: [" +
                 ", ".join("c%d" % i for i in range(n)) + "]\n")
        rel = "funding/files/ripartizione-fondi-l145-2018.dictionary.yaml"
        with open(os.path.join(self.cat, rel), "w") as fh:
            fh.write("table: ripartizione-fondi-l145-2018.csv\ndecimal_separator: \".\"\n"
                     "columns:\n" + cols)
        r = run("-C", self.cat, "-o", os.path.join(self.tmp, "out"), timeout=60)
        path = os.path.join(self.cat, rel)
        self.assert_refused(r, f"{path}:{3 * n + 4}:", "column 'c7' is listed twice")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    test_build.DCATIT = os.path.abspath(sys.argv[1])
    test_build.ROOT = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"])
