# Writes a Turtle file with one 50 MB literal (too big to commit).
import os, sys
with open(os.path.join(sys.argv[1], "big.ttl"), "w") as f:
    f.write('@prefix ex: <http://example.org/> .\nex:a ex:p "')
    f.write("x" * (50 * 1024 * 1024))
    f.write('" .\n')
