# 200,000 sh:not nested in one another, written as N-Triples (the Turtle
# parser stops at 10,000 levels of brackets; N-Triples has no such bound),
# so that a recursive shape compiler would overflow the C stack.
import os, sys
SH = "http://www.w3.org/ns/shacl#"
N = 200000
with open(os.path.join(sys.argv[1], "shapes.nt"), "w") as f:
    f.write("<http://example.org/S> <%stargetNode> <http://example.org/a> .\n" % SH)
    f.write("<http://example.org/S> <%snot> _:b0 .\n" % SH)
    for i in range(N):
        f.write("_:b%d <%snot> _:b%d .\n" % (i, SH, i + 1))
    f.write("_:b%d <%sclass> <http://example.org/C> .\n" % (N, SH))
