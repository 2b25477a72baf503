# Writes Turtle with one flat collection of 200,000 items.
import os, sys
with open(os.path.join(sys.argv[1], "list.ttl"), "w") as f:
    f.write("@prefix ex: <http://example.org/> .\nex:a ex:p (")
    f.write(" ".join(str(i) for i in range(200000)))
    f.write(") .\n")
