# A property path of 200,000 nested sh:inversePath, as N-Triples (see
# deep-not): path compilation must refuse it, not overflow the stack.
import os, sys
SH = "http://www.w3.org/ns/shacl#"
N = 200000
with open(os.path.join(sys.argv[1], "shapes.nt"), "w") as f:
    f.write("<http://example.org/S> <%stargetNode> <http://example.org/a> .\n" % SH)
    f.write("<http://example.org/S> <%sproperty> _:p .\n" % SH)
    f.write("_:p <%sminCount> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" % SH)
    f.write("_:p <%spath> _:b0 .\n" % SH)
    for i in range(N):
        f.write("_:b%d <%sinversePath> _:b%d .\n" % (i, SH, i + 1))
    f.write("_:b%d <%sinversePath> <http://example.org/p> .\n" % (N, SH))
