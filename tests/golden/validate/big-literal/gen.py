# Writes data with one 50 MB literal (too big to commit).
import os, sys
with open(os.path.join(sys.argv[1], "big.ttl"), "w") as f:
    f.write('@prefix dct: <http://purl.org/dc/terms/> .\n<http://example.org/a> dct:description "')
    f.write("\u00e0bc " * (10 * 1024 * 1024))
    f.write('" .\n')
