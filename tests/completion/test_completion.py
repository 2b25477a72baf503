#!/usr/bin/env python3
"""The shell completions complete commands, options, their values,
profiles and harvest sources.

usage: test_completion.py DCATIT COMPLETION_DIR

COMPLETION_DIR is the build's completion/ directory: `dcatit` (bash) and
`_dcatit` (zsh). Bash: the script is sourced into a real bash, COMP_LINE and
COMP_POINT are set as readline sets them and COMPREPLY is read back. Zsh
(when installed): a real interactive zsh in a pseudo-terminal completes the
line (zsh_capture.zsh). Harvest sources come from a directory made here.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

DCATIT = COMPDIR = None
HERE = os.path.dirname(os.path.abspath(__file__))

# line typed -> candidates expected (exactly, in any order)
CASES = [
    ("dcatit va", {"validate"}),
    ("dcatit ve", {"verify", "version"}),
    ("dcatit --v", {"--version"}),
    ("dcatit validate --f", {"--format", "--fail-on"}),
    ("dcatit validate --format ", {"text", "json", "junit", "ttl", "github"}),
    ("dcatit validate -f j", {"json", "junit"}),
    ("dcatit validate --fail-on ", {"violation", "warning", "info"}),
    ("dcatit validate --lang ", {"it", "en"}),
    ("dcatit validate -p dcatapit", {"dcatapit", "dcatapit-strict"}),
    ("dcatit validate -p hv", {"hvd", "hvd:base", "hvd:full"}),
    ("dcatit verify --fail-on ", {"degraded", "invalid"}),
    ("dcatit push --tok", {"--token-file"}),
    ("dcatit harvest src-", {"src-one", "src-two"}),
    ("dcatit harvest -c other ", {"elsewhere"}),
    ("dcatit help pu", {"push"}),
    ("dcatit qu", {"quality"}),
    ("dcatit quality --format ", {"text", "json", "html", "dqv", "csv"}),
    ("dcatit quality --lang ", {"it", "en"}),
    ("dcatit quality --l", {"--lang", "--link-cache", "--link-timeout"}),
    ("dcatit quality --c", {"--check-links", "--compare"}),
    ("dcatit harvest --no-", {"--no-cache", "--no-validate", "--no-quality"}),
    ("dcatit build --dcat-ap ", {"2", "3"}),
]

# bash completes the word after the last '=' or ':' (COMP_WORDBREAKS)
BASH_ONLY = [
    ("dcatit validate --format=j", {"json", "junit"}),
    ("dcatit validate -p dcat-ap-2.1.1:r", {"ranges", "recommended"}),
    ("dcatit validate data/ca", {"data/catalog.ttl"}),
]
ZSH_ONLY = [
    ("dcatit validate --format=j", {"json", "junit"}),
    ("dcatit validate -p dcat-ap-2.1.1:r",
     {"dcat-ap-2.1.1:ranges", "dcat-ap-2.1.1:recommended"}),
    # zsh adds the file name after the directory part it keeps
    ("dcatit validate data/ca", {"catalog.ttl"}),
]


class CompletionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dcatit-completion-")
        for d, names in (("harvest", ["src-one.yaml", "src-two.yml", "README.md"]),
                         ("other", ["elsewhere.yaml"]), ("data", ["catalog.ttl"])):
            os.makedirs(os.path.join(cls.tmp, d))
            for n in names:
                open(os.path.join(cls.tmp, d, n), "w").close()
        # the completions call the program by the name typed: put it on PATH
        cls.bin = os.path.join(cls.tmp, "bin")
        os.makedirs(cls.bin)
        os.symlink(os.path.abspath(DCATIT), os.path.join(cls.bin, "dcatit"))
        cls.env = dict(os.environ, PATH=cls.bin + os.pathsep + os.environ["PATH"],
                       LC_ALL="C")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def bash(self, line):
        script = ('source %s\nCOMP_LINE=%s; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(dcatit)\n'
                  '_dcatit\nprintf "%%s\\n" "${COMPREPLY[@]}"\n'
                  % (os.path.join(COMPDIR, "dcatit"), sh_quote(line)))
        r = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], cwd=self.tmp,
                           env=self.env, capture_output=True, text=True, timeout=60)
        self.assertEqual(r.stderr, "", line)
        return set(filter(None, r.stdout.split("\n")))

    def zsh(self, line):
        out = os.path.join(self.tmp, "zsh-out")
        if os.path.exists(out):
            os.remove(out)
        r = subprocess.run(["zsh", "-f", os.path.join(HERE, "zsh_capture.zsh"), COMPDIR, out,
                            line], cwd=self.tmp, env=self.env, capture_output=True, text=True,
                           timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out) as f:
            got = f.read().split("\n")
        self.assertIn("__DONE__", got, "zsh did not finish completing %r" % line)
        return set(x for x in got if x and x != "__DONE__")

    def test_bash(self):
        for line, want in CASES + BASH_ONLY:
            self.assertEqual(self.bash(line), want, line)

    def test_bash_script_is_valid_and_knows_every_command(self):
        r = subprocess.run(["bash", "-n", os.path.join(COMPDIR, "dcatit")], capture_output=True,
                           text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        help_text = subprocess.run([DCATIT, "--help"], capture_output=True, text=True,
                                   env=self.env).stdout
        cmds = [l.split()[0] for l in help_text.split("commands:")[1].splitlines()
                if l.startswith("  ")]
        self.assertEqual(self.bash("dcatit "), set(cmds))

    @unittest.skipUnless(shutil.which("zsh"), "zsh is not installed (.ci/install-deps adds it)")
    def test_zsh(self):
        for line, want in CASES + ZSH_ONLY:
            self.assertEqual(self.zsh(line), want, line)


def sh_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


if __name__ == "__main__":
    DCATIT, COMPDIR = sys.argv[1:3]
    unittest.main(argv=sys.argv[:1], verbosity=2)
