#!/usr/bin/env python3
"""Golden tests for the dcatit command line.

Each case is a directory tests/golden/<cmd>/<case>/ holding:
  args             one argument per line, paths relative to the case dir
                   (the command runs there); @TMP@ is a fresh temp dir
  stdin            optional: fed to standard input (else /dev/null)
  env              optional: KEY=VALUE lines (@TMP@, @SRCDIR@ substituted)
  gen.py           optional: run first as `python3 gen.py TMPDIR`, to make
                   inputs too big to commit (a 50 MB literal)
  timeout          optional: seconds (default 60); a hang fails the case
  outfile          optional: path (usually under @TMP@) compared instead of
                   standard output
  expected.status  the exit code
  expected.stdout  standard output (or outfile), byte for byte, or
  expected.canon   the same compared as canonical N-Triples (RDF outputs:
                   serializer order is not a contract)
  expected.stderr  optional: standard error, byte for byte

Usage: run_golden.py DCATIT [--update] [--filter TEXT]
Prints one line per failure and "N passed, N failed"; exits 1 on failure.
--update rewrites the expected files from the actual results.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
DEFAULT_TIMEOUT = 60
LSAN_SUPP = os.path.join(SRCDIR, "tests", "fuzz", "lsan-raptor.supp")


def read(path, mode="r"):
    with open(path, mode) as f:
        return f.read()


def canon(binary, data, tmp):
    """Canonical N-Triples of an RDF document (bytes), via dcatit itself."""
    src = os.path.join(tmp, "canon-input")
    with open(src, "wb") as f:
        f.write(data)
    p = subprocess.run([binary, "convert", src, "--to", "canon"],
                       capture_output=True, timeout=120)
    if p.returncode != 0:
        return b"# not RDF: " + p.stderr
    return p.stdout


def find_cases(root, filt):
    cases = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        if "args" in filenames:
            rel = os.path.relpath(dirpath, root)
            if not filt or filt in rel:
                cases.append((rel, dirpath))
    return sorted(cases)


def run_case(binary, case_dir, update):
    """Returns a list of failure descriptions (empty: passed)."""
    with tempfile.TemporaryDirectory(prefix="dcatit-golden-") as tmp:
        def subst(s):
            return s.replace("@TMP@", tmp).replace("@SRCDIR@", SRCDIR)

        def unsubst(b):
            # relative IRIs in data resolve against the file's absolute path
            return b.replace(tmp.encode(), b"@TMP@").replace(SRCDIR.encode(), b"@SRCDIR@")

        timeout = DEFAULT_TIMEOUT
        tpath = os.path.join(case_dir, "timeout")
        if os.path.exists(tpath):
            timeout = float(read(tpath).strip())
        # sanitizer builds run several times slower (meson.build's test setup)
        timeout *= float(os.environ.get("DCATIT_TEST_TIMEOUT_SCALE", "1"))
        gen = os.path.join(case_dir, "gen.py")
        if os.path.exists(gen):
            subprocess.run([sys.executable, gen, tmp], check=True,
                           cwd=case_dir, timeout=300)
        args = [subst(a) for a in read(os.path.join(case_dir, "args")).split("\n")
                if a != ""]
        env = dict(os.environ)
        env.pop("DCATIT_DATADIR", None)
        # the messages' language: English unless the case's env says
        # otherwise (LANGUAGE would override an Italian LC_ALL)
        env.pop("LANGUAGE", None)
        env["LC_ALL"] = "C"
        # sanitizer builds: raptor 2.0.15 leaks on its own (see the file)
        env.setdefault("LSAN_OPTIONS", "suppressions=%s:print_suppressions=0" % LSAN_SUPP)
        epath = os.path.join(case_dir, "env")
        if os.path.exists(epath):
            for line in read(epath).splitlines():
                if "=" in line:
                    k, v = line.split("=", 1)
                    env[k] = subst(v)
        spath = os.path.join(case_dir, "stdin")
        stdin = open(spath, "rb") if os.path.exists(spath) else subprocess.DEVNULL
        try:
            p = subprocess.run([binary] + args, cwd=case_dir, stdin=stdin,
                               capture_output=True, env=env, timeout=timeout)
        except subprocess.TimeoutExpired:
            return ["timed out after %gs" % timeout]
        finally:
            if stdin is not subprocess.DEVNULL:
                stdin.close()
        if p.returncode < 0:
            return ["killed by signal %d (crash)" % -p.returncode]
        out = p.stdout
        opath = os.path.join(case_dir, "outfile")
        if os.path.exists(opath):
            target = subst(read(opath).strip())
            out = read(target, "rb") if os.path.exists(target) else b"# no output file\n"
        out = unsubst(out)
        err = unsubst(p.stderr)
        status = "%d\n" % p.returncode
        exp_canon = os.path.join(case_dir, "expected.canon")
        exp_stdout = os.path.join(case_dir, "expected.stdout")
        exp_stderr = os.path.join(case_dir, "expected.stderr")
        exp_status = os.path.join(case_dir, "expected.status")
        use_canon = os.path.exists(exp_canon)
        if use_canon:
            out = canon(binary, out, tmp)
        if update:
            with open(exp_status, "w") as f:
                f.write(status)
            with open(exp_canon if use_canon else exp_stdout, "wb") as f:
                f.write(out)
            with open(exp_stderr, "wb") as f:
                f.write(err)
            return []
        fails = []
        if not os.path.exists(exp_status):
            fails.append("no expected.status (run with --update)")
        elif read(exp_status).strip() != status.strip():
            fails.append("exit status %s, expected %s" %
                         (status.strip(), read(exp_status).strip()))
        exp = exp_canon if use_canon else exp_stdout
        if not os.path.exists(exp):
            fails.append("no expected.stdout or expected.canon (run with --update)")
        elif read(exp, "rb") != out:
            fails.append("%s differs:\n%s" % (os.path.basename(exp),
                                                diff(read(exp, "rb"), out)))
        if os.path.exists(exp_stderr) and read(exp_stderr, "rb") != err:
            fails.append("stderr differs:\n%s" % diff(read(exp_stderr, "rb"), err))
        return fails


def diff(expected, actual, limit=20):
    import difflib
    e = expected.decode("utf-8", "replace").splitlines()
    a = actual.decode("utf-8", "replace").splitlines()
    lines = list(difflib.unified_diff(e, a, "expected", "actual", lineterm=""))
    if len(lines) > limit:
        lines = lines[:limit] + ["... (%d more lines)" % (len(lines) - limit)]
    return "\n".join("    " + l[:300] for l in lines)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    update = "--update" in argv[2:]
    filt = None
    if "--filter" in argv[2:]:
        filt = argv[argv.index("--filter") + 1]
    passed = failed = 0
    for name, case_dir in find_cases(HERE, filt):
        fails = run_case(binary, case_dir, update)
        if fails:
            failed += 1
            print("FAIL %s" % name)
            for f in fails:
                print("  " + f)
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    if passed + failed == 0:
        print("no cases found")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
