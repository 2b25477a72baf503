#!/usr/bin/env python3
"""Write a DCAT-AP_IT Turtle catalogue of N datasets for the push tests and
benchmark: gen_catalog.py N OUT.ttl [--variant K] (K changes the titles of
every K-th dataset, to test updates)."""
import sys

HEAD = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix theme: <http://publications.europa.eu/resource/authority/data-theme/> .
@prefix freq: <http://publications.europa.eu/resource/authority/frequency/> .
@prefix lang: <http://publications.europa.eu/resource/authority/language/> .
@prefix ft: <http://publications.europa.eu/resource/authority/file-type/> .
@prefix lic: <https://w3id.org/italia/controlled-vocabulary/licences/> .
"""
THEMES = ["ECON", "GOVE", "TRAN", "ENVI", "EDUC", "HEAL", "REGI", "TECH"]
FREQ = ["ANNUAL", "MONTHLY", "IRREG", "QUARTERLY"]


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    variant = 0
    if len(sys.argv) > 4 and sys.argv[3] == "--variant":
        variant = int(sys.argv[4])
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEAD)
        # the catalogue node: push validates first, and --prune needs its IRI
        f.write("""
<https://dati.example.it/catalog> a dcat:Catalog, dcatapit:Catalog ;
    dct:title "Catalogo generato"@it ;
    dct:description "Catalogo di prova per i test di push."@it ;
    dct:modified "2024-12-31"^^xsd:date ;
    dct:publisher [ a dcatapit:Agent, foaf:Agent ; foaf:name "Comune di Prova"@it ; dct:identifier "c_a000" ] ;
    dcat:dataset %s .
""" % (", ".join("<https://dati.example.it/dataset/gen-%05d>" % i for i in range(n)) or
       "<https://dati.example.it/dataset/none>"))
        for i in range(n):
            title = "Dataset di prova numero %d" % i
            if variant and i % variant == 0:
                title += " (rivisto)"
            base = "https://dati.example.it/dataset/gen-%05d" % i
            f.write("""
<%(b)s> a dcat:Dataset, dcatapit:Dataset ;
    dct:identifier "c_a000:gen-%(i)05d" ;
    dct:title "%(t)s"@it ;
    dct:description "Descrizione del dataset generato %(i)d."@it ;
    dct:modified "2024-%(m)02d-15"^^xsd:date ;
    dct:accrualPeriodicity freq:%(f)s ;
    dcat:theme theme:%(th)s ;
    dct:language lang:ITA ;
    dct:publisher [ a dcatapit:Agent, foaf:Agent ; foaf:name "Comune di Prova"@it ; dct:identifier "c_a000" ] ;
    dct:rightsHolder [ a dcatapit:Agent, foaf:Agent ; foaf:name "Comune di Prova"@it ; dct:identifier "c_a000" ] ;
    dcat:keyword "prova", "tag%(k)d" ;
    dcat:distribution <%(b)s/csv> .
<%(b)s/csv> a dcat:Distribution, dcatapit:Distribution ;
    dct:title "Dati %(i)d (CSV)"@it ;
    dcat:accessURL <https://files.example.it/gen-%(i)05d.csv> ;
    dct:format ft:CSV ;
    dct:license lic:A21_CCBY40 .
""" % {"b": base, "i": i, "t": title, "m": i % 12 + 1, "f": FREQ[i % len(FREQ)],
       "th": THEMES[i % len(THEMES)], "k": i % 50})


if __name__ == "__main__":
    main()
