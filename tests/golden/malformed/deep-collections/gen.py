# Writes Turtle with collections nested 100,000 deep.
import os, sys
n = 100000
with open(os.path.join(sys.argv[1], "deep.ttl"), "w") as f:
    f.write("@prefix ex: <http://example.org/> .\nex:a ex:p " + "(" * n + " 1 " + ")" * n + " .\n")
