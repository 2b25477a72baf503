"""What the tests of catalog/tools share: one check line per expectation, edits on copies of
the catalogue, and the final tally. Standard library only."""
import os
import shutil
import sys

FAILS = []


def expect(cond, what, detail=""):
    """Print 'ok - what' or 'FAIL - what' (and the detail), and remember failures."""
    sys.stdout.write("%s - %s\n" % ("ok" if cond else "FAIL", what))
    if not cond:
        FAILS.append(what)
        if detail:
            sys.stdout.write(detail)


def copy_catalog(src, dst):
    """Copy the catalogue src (and the vocab/ next to it) into dst; the copy's directory."""
    shutil.copytree(src, os.path.join(dst, "catalog"))
    vocab = os.path.join(os.path.dirname(src), "vocab")
    if os.path.isdir(vocab):
        shutil.copytree(vocab, os.path.join(dst, "vocab"))
    return os.path.join(dst, "catalog")


def edit(path, old, new):
    """Replace the first old with new in the file at path; the line of the edit."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        raise SystemExit("test setup: '%s' not found in %s" % (old, path))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))
    return text[:text.index(old)].count("\n") + 1


def finish():
    """The exit status: 0 when every expectation held."""
    if FAILS:
        sys.stdout.write("%d failed\n" % len(FAILS))
        return 1
    sys.stdout.write("all passed\n")
    return 0
