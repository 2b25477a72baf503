# 200,000 named shapes chained by sh:node (S0 -> S1 -> ... -> S200000 -> S0):
# evaluation nests one level per link, so it must be bounded.
import os, sys
SH = "http://www.w3.org/ns/shacl#"
N = 200000
with open(os.path.join(sys.argv[1], "shapes.nt"), "w") as f:
    f.write("<http://example.org/S0> <%stargetNode> <http://example.org/a> .\n" % SH)
    for i in range(N):
        f.write("<http://example.org/S%d> <%snode> <http://example.org/S%d> .\n" % (i, SH, i + 1))
    f.write("<http://example.org/S%d> <%snode> <http://example.org/S0> .\n" % (N, SH))
