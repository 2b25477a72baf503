#!/usr/bin/env python3
"""The manual pages match the commands and render cleanly.

usage: test_man.py DCATIT MANDIR

MANDIR is the build's man/ directory (English pages, Italian ones in it/).
For every command, every option that `dcatit COMMAND --help` lists must be
in dcatit-COMMAND(1) (English and Italian); dcatit(1) must name every command
of `dcatit --help`; and every page must render with groff -ww (all
warnings) without a single warning, as `man` would show it.
"""
import os
import re
import subprocess
import sys
import unittest

DCATIT = MANDIR = None
OPTION = re.compile(r"^  (?:(-\w), )?\s*(--[\w-]+)", re.M)


def run(*args, lang="C"):
    env = dict(os.environ, LC_ALL=lang)
    env.pop("LANGUAGE", None)
    return subprocess.run([DCATIT, *args], capture_output=True, text=True, env=env, timeout=60)


def commands():
    out = run("--help").stdout
    return re.findall(r"^  (\w+) ", out.split("commands:", 1)[1], re.M)


def unroff(text):
    """The words of a roff page, as a reader finds them: '\\-' is '-',
    font changes and escapes gone."""
    text = re.sub(r"\\f[BIRP]", "", text)
    return text.replace("\\-", "-").replace("\\e", "\\").replace("\\&", "")


class ManualTest(unittest.TestCase):
    def page(self, name, lang=""):
        path = os.path.join(MANDIR, lang, name + ".1")
        self.assertTrue(os.path.isfile(path), path)
        with open(path, encoding="utf-8") as f:
            return f.read()

    def test_every_option_of_help_is_in_the_manual(self):
        cmds = commands()
        self.assertIn("validate", cmds)
        checked = 0
        for cmd in cmds:
            help_text = run(cmd, "--help").stdout
            opts = OPTION.findall(help_text)
            self.assertTrue(opts, "%s --help lists no option" % cmd)
            for lang in ("", "it"):
                man = unroff(self.page("dcatit-" + cmd, lang))
                for short, long in opts:
                    self.assertRegex(man, r"(?<![\w-])%s(?![\w-])" % re.escape(long),
                                     "%s (%s) of %s --help is not in dcatit-%s(1)"
                                     % (long, lang or "en", cmd, cmd))
                    if short:
                        self.assertIn(short + ",", man)
                    checked += 1
        self.assertGreater(checked, 60)

    def test_the_overview_names_every_command_and_the_environment(self):
        for lang in ("", "it"):
            man = unroff(self.page("dcatit", lang))
            for cmd in commands():
                self.assertIn("dcatit-%s (1)" % cmd, man.replace(".BR ", ""))
            for word in ("DCATIT_DATADIR", "CKAN_API_TOKEN", "LANG", "dcatit/vocab",
                         "harvest/*.yaml"):
                self.assertIn(word, man)

    def test_italian_pages_are_italian(self):
        man = self.page("dcatit-validate", "it")
        self.assertIn(".SH DESCRIZIONE", man)
        self.assertIn("Valida i file RDF", man)
        self.assertIn("\\fILIVELLO\\fR", man)
        self.assertIn(".SH AMBIENTE", self.page("dcatit", "it"))

    def test_every_page_renders_without_a_warning(self):
        pages = []
        for lang in ("", "it"):
            d = os.path.join(MANDIR, lang)
            pages += [os.path.join(d, p) for p in sorted(os.listdir(d)) if p.endswith(".1")]
        self.assertGreaterEqual(len(pages), 2 * (len(commands()) + 1))
        for p in pages:
            r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", p],
                               capture_output=True, text=True, timeout=60)
            self.assertEqual(r.returncode, 0, p + ": " + r.stderr)
            self.assertEqual(r.stderr, "", p + ": " + r.stderr)
            # and as man-db shows it, with its own warnings on
            r = subprocess.run(["man", "--warnings", "-l", p], capture_output=True, text=True,
                               timeout=60, env=dict(os.environ, MANPAGER="cat", MANWIDTH="80",
                                                    LC_ALL="C.UTF-8"))
            self.assertEqual(r.returncode, 0, p + ": " + r.stderr)
            self.assertEqual(r.stderr, "", p + ": " + r.stderr)


if __name__ == "__main__":
    DCATIT, MANDIR = sys.argv[1:3]
    unittest.main(argv=sys.argv[:1], verbosity=2)
