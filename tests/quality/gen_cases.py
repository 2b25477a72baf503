#!/usr/bin/env python3
"""gen_cases.py: write the MQA indicator fixtures of tests/quality/cases/ from base.ttl.

Each case is base.ttl with one change (a property dropped, a value replaced, a dataset or
distribution added) and the expected result written at its top as comment lines that
run_cases.py checks against `dcatit quality --format json`:

    # args: --no-validate                  extra arguments (--check-links is added for links)
    # links: yes                           the URLs point at @SERVER@, the test's local server
    # expect ds1: keywordAvailability=0 ... score=265 assessed_max=295 band=good
    # expect catalogue: score=265.00 band=good

An indicator's value is its points, or null when it is not assessed. The expected values are
computed here from the methodology (points of the MQA page), not copied from dcatit's output:
every case lists all 23 indicators, so a change that moves another indicator fails too.

    python3 tests/quality/gen_cases.py        # rewrites tests/quality/cases/*.ttl
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

POINTS = [
    ("keywordAvailability", 30), ("categoryAvailability", 30), ("spatialAvailability", 20),
    ("temporalAvailability", 20), ("accessUrlStatusCode", 50), ("downloadUrlAvailability", 20),
    ("downloadUrlStatusCode", 30), ("formatAvailability", 20), ("mediaTypeAvailability", 10),
    ("formatMediaTypeVocabularyAlignment", 10), ("formatMediaTypeNonProprietary", 20),
    ("formatMediaTypeMachineInterpretable", 20), ("dcatApCompliance", 30),
    ("licenceAvailability", 20), ("knownLicence", 10), ("accessRightsAvailability", 10),
    ("accessRightsVocabularyAlignment", 5), ("contactPointAvailability", 20),
    ("publisherAvailability", 10), ("rightsAvailability", 5), ("byteSizeAvailability", 5),
    ("dateIssuedAvailability", 5), ("dateModifiedAvailability", 5),
]
PTS = dict(POINTS)
FT = "http://publications.europa.eu/resource/authority/file-type/"
AR = "http://publications.europa.eu/resource/authority/access-right/"
LINKS = ("accessUrlStatusCode", "downloadUrlStatusCode")

# ds1 of base.ttl, offline: every indicator met but the two link statuses (not assessed)
# and, without validation, DCAT-AP compliance (not assessed).
def state(validate=False, links=False):
    s = {k: v for k, v in POINTS}
    if not links:
        for k in LINKS:
            s[k] = None
    if not validate:
        s["dcatApCompliance"] = None
    return s


def band(score):
    return ("excellent" if score >= 351 else "good" if score >= 221 else
            "sufficient" if score >= 121 else "bad")


def expect_line(name, st):
    score = sum(v for v in st.values() if v is not None)
    amax = 405 - sum(PTS[k] for k, v in st.items() if v is None)
    parts = ["%s=%s" % (k, "null" if st[k] is None else st[k]) for k, _ in POINTS]
    return score, "# expect %s: %s score=%d assessed_max=%d band=%s" % (
        name, " ".join(parts), score, amax, band(score))


BASE = open(os.path.join(HERE, "base.ttl")).read()
BODY = BASE[BASE.index("@prefix"):]

# Text of base.ttl the mutations act on (each occurs once).
KEYWORD = '    dcat:keyword "accordi"@it, "collaborazione"@it ;\n'
THEME = '    dcat:theme <http://publications.europa.eu/resource/authority/data-theme/GOVE> ;\n'
SPATIAL = '    dct:spatial ds:ds1-location ;\n'
TEMPORAL = '    dct:temporal ds:ds1-period ;\n'
ACCESS = '    dcat:accessURL <https://dati.example/dataset/agreements-2024> ;\n'
DOWNLOAD = '    dcat:downloadURL <https://dati.example/files/agreements-2024.csv> ;\n'
FORMAT = '    dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;\n'
MEDIA = '    dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> ;\n'
DIST_LICENCE = ('    dct:license <https://creativecommons.org/licenses/by/4.0/> ;\n'
                '    dcat:byteSize')
ACCESS_RIGHTS = ('    dct:accessRights <http://publications.europa.eu/resource/authority/'
                 'access-right/PUBLIC> ;\n')
CONTACT = '    dcat:contactPoint ex:contact-opendata ;\n'
PUBLISHER = '    dct:publisher org:r_toscan ;\n    dct:creator'
DIST_RIGHTS = '    dct:rights ex:rights-catalog ;\n    adms:status'
BYTE_SIZE = '    dcat:byteSize "12345"^^xsd:decimal ;\n'
DS_DATES = '    dct:modified "2024-06-30"^^xsd:date ;\n    dct:issued "2024-01-10"^^xsd:date ;\n'
DS_ISSUED_ONLY = '    dct:issued "2024-01-10"^^xsd:date ;\n'
DS_MODIFIED_ONLY = '    dct:modified "2024-06-30"^^xsd:date ;\n'
DIST_ISSUED = '    dct:issued "2024-01-10"^^xsd:date ;\n    dct:modified "2024-06-30T10'
DIST_MODIFIED = '    dct:modified "2024-06-30T10:00:00Z"^^xsd:dateTime ;\n'
IDENTIFIER = '    dct:identifier "r_toscan:agreements-2024-001" ;\n'


def sub(text, old, new):
    assert text.count(old) == 1, old
    return text.replace(old, new)


def drop(text, old):
    """Drop the lines of old; a snippet that goes on into the next line keeps that part."""
    if old.endswith("\n"):
        return sub(text, old, "")
    head, tail = old.rsplit("\n", 1)
    return sub(text, old, tail if tail.startswith("    ") else "    " + tail)


def links_at_server(text):
    text = sub(text, ACCESS, "    dcat:accessURL <http://@SERVER@/ok> ;\n")
    return sub(text, DOWNLOAD, "    dcat:downloadURL <http://@SERVER@/ok> ;\n")


CASES = []


def case(name, comment, body, expects, args="--no-validate", links=False):
    CASES.append((name, comment, body, expects, args, links))


def single(name, comment, body, changes, validate=False, links=False, hint=None):
    st = state(validate=validate, links=links)
    st.update(changes)
    args = "" if validate else "--no-validate"
    case(name, comment, body, [("ds1", st)] + ([("hint", hint)] if hint else []), args, links)


# Building blocks of synthetic datasets for the band edges: (name, points by indicator,
# Turtle of the dataset, Turtle of its distribution). Links point at the test server.
ATOMS = [
    ("K", {"keywordAvailability": 30}, 'dcat:keyword "k"', None),
    ("T", {"categoryAvailability": 30}, "dcat:theme <http://publications.europa.eu/resource/authority/"
     "data-theme/GOVE>", None),
    ("S", {"spatialAvailability": 20}, "dct:spatial <https://dati.example/place/toscana>", None),
    ("Te", {"temporalAvailability": 20}, "dct:temporal <https://dati.example/period/2024>", None),
    ("C", {"contactPointAvailability": 20}, "dcat:contactPoint <https://dati.example/contact>", None),
    ("P", {"publisherAvailability": 10}, "dct:publisher <https://dati.example/org>", None),
    ("I", {"dateIssuedAvailability": 5}, 'dct:issued "2024-01-10"^^xsd:date', None),
    ("M", {"dateModifiedAvailability": 5}, 'dct:modified "2024-01-10"^^xsd:date', None),
    ("ARV", {"accessRightsAvailability": 10, "accessRightsVocabularyAlignment": 5},
     "dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC>", None),
    ("AR", {"accessRightsAvailability": 10}, "dct:accessRights <https://dati.example/ar>", None),
    ("ACC", {"accessUrlStatusCode": 50}, None, "dcat:accessURL <http://@SERVER@/ok>"),
    ("DL", {"downloadUrlAvailability": 20, "downloadUrlStatusCode": 30}, None,
     "dcat:downloadURL <http://@SERVER@/ok>"),
    ("DLX", {"downloadUrlAvailability": 20}, None, "dcat:downloadURL <http://@SERVER@/missing>"),
    ("FM", {"formatAvailability": 20, "mediaTypeAvailability": 10,
            "formatMediaTypeVocabularyAlignment": 10, "formatMediaTypeNonProprietary": 20,
            "formatMediaTypeMachineInterpretable": 20}, None,
     "dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ; "
     "dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv>"),
    ("F", {"formatAvailability": 20}, None, 'dct:format "ZZZ"'),
    ("MT", {"mediaTypeAvailability": 10}, None, 'dcat:mediaType "zz/zz"'),
    ("LK", {"licenceAvailability": 20, "knownLicence": 10}, None,
     "dct:license <https://creativecommons.org/licenses/by/4.0/>"),
    ("L", {"licenceAvailability": 20}, None, "dct:license <https://dati.example/licence>"),
    ("R", {"rightsAvailability": 5}, None, "dct:rights <https://dati.example/rights>"),
    ("B", {"byteSizeAvailability": 5}, None, 'dcat:byteSize "1"^^xsd:decimal'),
]
EXCLUSIVE = [{"ARV", "AR"}, {"DL", "DLX"}, {"FM", "F"}, {"FM", "MT"}, {"LK", "L"}]


def pick_atoms(target):
    """The first set of atoms (in ATOMS order) whose points add up to target."""
    def rec(i, left, chosen):
        if left == 0:
            return chosen
        if i == len(ATOMS) or left < 0:
            return None
        name, pts = ATOMS[i][0], sum(ATOMS[i][1].values())
        if not any(name in ex and (ex - {name}) & set(chosen) for ex in EXCLUSIVE):
            got = rec(i + 1, left - pts, chosen + [name])
            if got:
                return got
        return rec(i + 1, left, chosen)
    got = rec(0, target, [])
    assert got, target
    return got


def synth(local, target):
    """Turtle of dataset `local` scoring target (links checked, not validated) and its state."""
    names = pick_atoms(target)
    st = {k: 0 for k, _ in POINTS}
    st["dcatApCompliance"] = None
    ds_props, dist_props = ["dct:title \"%s\"@it" % local], []
    for name, pts, ds_ttl, dist_ttl in ATOMS:
        if name not in names:
            continue
        st.update(pts)
        if ds_ttl:
            ds_props.append(ds_ttl)
        if dist_ttl:
            dist_props.append(dist_ttl)
    ttl = "\nds:%s a dcat:Dataset ;\n    %s" % (local, " ;\n    ".join(ds_props))
    if dist_props:
        ttl += " ;\n    dcat:distribution ds:%s-d .\n\nds:%s-d a dcat:Distribution ;\n    %s .\n" % (
            local, local, " ;\n    ".join(dist_props))
    else:
        ttl += " .\n"
    assert sum(v for v in st.values() if v) == target
    return ttl, st


PREFIXES = BODY[:BODY.index("ex:catalog")]


def band_edges():
    """The rating edges 120/121, 220/221, 350/351, for datasets and for catalogue means
    (dataset scores are multiples of 5; a mean of five datasets reaches 121, 221, 351)."""
    for low in (120, 220, 350):
        ttl, st = synth("e1", low)
        case("band-%d" % low, "a dataset scoring exactly %d, alone in its catalogue" % low,
             PREFIXES + ttl, [("e1", st), ("catalogue", "score=%d.00 band=%s" % (low, band(low)))],
             args="--no-validate", links=True)
        body, expects = PREFIXES, []
        for k in range(5):
            ttl, st = synth("e%d" % (k + 1), low if k < 4 else low + 5)
            body += ttl
            expects.append(("e%d" % (k + 1), st))
        mean = (4 * low + low + 5) / 5
        expects.append(("catalogue", "score=%.2f band=%s" % (mean, band(int(mean)))))
        case("band-%d" % (low + 1), "four datasets at %d and one at %d: the catalogue mean is %d"
             % (low, low + 5, mean), body, expects, args="--no-validate", links=True)


def main():
    b = BODY
    single("base", "every indicator that can be assessed offline is met", b, {})
    single("base-validated", "validated: dcatApCompliance is assessed and met", b, {}, validate=True)
    # Findability
    single("keyword-off", "no dcat:keyword", drop(b, KEYWORD), {"keywordAvailability": 0})
    single("category-off", "no dcat:theme", drop(b, THEME), {"categoryAvailability": 0})
    single("spatial-off", "no dct:spatial", drop(b, SPATIAL), {"spatialAvailability": 0})
    single("temporal-off", "no dct:temporal", drop(b, TEMPORAL), {"temporalAvailability": 0})
    # Accessibility (statuses need the server)
    lb = links_at_server(b)
    single("access-url-on", "the access URL answers 200", lb, {}, links=True)
    single("access-url-off", "the access URL answers 404",
           sub(lb, "dcat:accessURL <http://@SERVER@/ok>", "dcat:accessURL <http://@SERVER@/missing>"),
           {"accessUrlStatusCode": 0}, links=True)
    single("access-url-two", "two access URLs, one 404, one 200: the best counts",
           sub(lb, "dcat:accessURL <http://@SERVER@/ok>",
               "dcat:accessURL <http://@SERVER@/missing>, <http://@SERVER@/ok>"), {}, links=True)
    single("access-url-head-refused", "HEAD answers 405, the GET without body 200",
           sub(lb, "dcat:accessURL <http://@SERVER@/ok>", "dcat:accessURL <http://@SERVER@/head-refused>"),
           {}, links=True)
    single("access-url-literal", "an access URL that is not an http(s) URL: 1300, not met",
           sub(lb, "dcat:accessURL <http://@SERVER@/ok>", 'dcat:accessURL "ftp://files.example/a.csv"'),
           {"accessUrlStatusCode": 0}, links=True)
    single("download-url-off", "no dcat:downloadURL: its status is assessed (0), not missing",
           drop(b, DOWNLOAD), {"downloadUrlAvailability": 0, "downloadUrlStatusCode": 0})
    single("download-url-status-on", "the download URL answers 200", lb, {}, links=True)
    single("download-url-status-off", "the download URL answers 500",
           sub(lb, "dcat:downloadURL <http://@SERVER@/ok>", "dcat:downloadURL <http://@SERVER@/error>"),
           {"downloadUrlStatusCode": 0}, links=True)
    single("access-url-none", "no dcat:accessURL: its status is assessed (0) offline too",
           drop(b, ACCESS), {"accessUrlStatusCode": 0})
    # Interoperability
    single("format-off", "no dct:format: alignment needs both; CSV media type keeps the lists",
           drop(b, FORMAT), {"formatAvailability": 0, "formatMediaTypeVocabularyAlignment": 0})
    single("media-type-off", "no dcat:mediaType: alignment needs both",
           drop(b, MEDIA), {"mediaTypeAvailability": 0, "formatMediaTypeVocabularyAlignment": 0})
    single("vocab-format-literal", 'dct:format "CSV" (a literal) is not from the vocabulary',
           sub(b, FORMAT, '    dct:format "CSV" ;\n'), {"formatMediaTypeVocabularyAlignment": 0},
           hint="kind=format value=CSV suggestion=" + FT + "CSV")
    single("vocab-media-literal", 'dcat:mediaType "text/csv" (a literal) is not an IANA IRI',
           sub(b, MEDIA, '    dcat:mediaType "text/csv" ;\n'),
           {"formatMediaTypeVocabularyAlignment": 0},
           hint="kind=media_type value=text/csv "
                "suggestion=https://www.iana.org/assignments/media-types/text/csv")
    single("vocab-media-https", "the https form of the IANA IRI is aligned too",
           sub(b, MEDIA, '    dcat:mediaType <https://www.iana.org/assignments/media-types/text/csv> ;\n'),
           {})
    xlsx = sub(sub(b, FORMAT, '    dct:format <http://publications.europa.eu/resource/authority/file-type/XLSX> ;\n'),
               MEDIA, '    dcat:mediaType <http://www.iana.org/assignments/media-types/application/'
               'vnd.openxmlformats-officedocument.spreadsheetml.sheet> ;\n')
    single("non-proprietary-off", "XLSX: machine-readable, not non-proprietary", xlsx,
           {"formatMediaTypeNonProprietary": 0})
    html = sub(sub(b, FORMAT, '    dct:format <http://publications.europa.eu/resource/authority/file-type/HTML> ;\n'),
               MEDIA, '    dcat:mediaType <http://www.iana.org/assignments/media-types/text/html> ;\n')
    single("machine-readable-off", "HTML: non-proprietary, not machine-readable", html,
           {"formatMediaTypeMachineInterpretable": 0})
    pdf = sub(sub(b, FORMAT, '    dct:format <http://publications.europa.eu/resource/authority/file-type/PDF> ;\n'),
              MEDIA, '    dcat:mediaType <http://www.iana.org/assignments/media-types/application/pdf> ;\n')
    single("pdf", "PDF: neither machine-readable nor non-proprietary", pdf,
           {"formatMediaTypeMachineInterpretable": 0, "formatMediaTypeNonProprietary": 0})
    single("machine-readable-by-media-type", "no format; the media type text/csv maps to CSV in the "
           "EU file-type table, which both lists have", drop(b, FORMAT),
           {"formatAvailability": 0, "formatMediaTypeVocabularyAlignment": 0})
    single("no-format-no-media", "neither format nor media type: proprietary and not machine-readable",
           drop(drop(b, FORMAT), MEDIA),
           {"formatAvailability": 0, "mediaTypeAvailability": 0, "formatMediaTypeVocabularyAlignment": 0,
            "formatMediaTypeNonProprietary": 0, "formatMediaTypeMachineInterpretable": 0})
    single("dcat-ap-off", "validated, the dataset lacks dct:identifier (a violation)",
           drop(b, IDENTIFIER), {"dcatApCompliance": 0}, validate=True)
    single("dcat-ap-off-distribution", "validated, a violation on the distribution (format as a "
           "literal) costs the dataset its compliance",
           sub(b, FORMAT, '    dct:format "CSV" ;\n'),
           {"dcatApCompliance": 0, "formatMediaTypeVocabularyAlignment": 0}, validate=True)
    # Reusability
    single("licence-off", "no dct:license on the distribution",
           drop(b, DIST_LICENCE), {"licenceAvailability": 0, "knownLicence": 0})
    single("known-licence-off", "the Italian vocabulary IRI is not on the data.europa.eu list; "
           "the hint names the CC IRI of its reference document, which is",
           sub(b, DIST_LICENCE, '    dct:license lic:A21_CCBY40 ;\n    dcat:byteSize'),
           {"knownLicence": 0},
           hint="kind=licence value=https://w3id.org/italia/controlled-vocabulary/licences/"
                "A21_CCBY40 suggestion=https://creativecommons.org/licenses/by/4.0/ datasets=1")
    single("known-licence-near-miss", "an IRI that differs from a listed one only by its final "
           "slash is not known; the hint names the listed one",
           sub(b, DIST_LICENCE, '    dct:license <http://creativecommons.org/licenses/by/4.0> ;\n'
               '    dcat:byteSize'), {"knownLicence": 0},
           hint="kind=licence value=http://creativecommons.org/licenses/by/4.0 "
                "suggestion=http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
    single("known-licence-eu", "the EU authority IRI is on the list",
           sub(b, DIST_LICENCE, '    dct:license <http://publications.europa.eu/resource/authority/'
               'licence/CC_BY_4_0> ;\n    dcat:byteSize'), {})
    single("access-rights-off", "no dct:accessRights", drop(b, ACCESS_RIGHTS),
           {"accessRightsAvailability": 0, "accessRightsVocabularyAlignment": 0})
    single("access-rights-vocab-off", "dct:accessRights outside the EU access-right table",
           sub(b, ACCESS_RIGHTS, '    dct:accessRights <https://dati.example/access/public> ;\n'),
           {"accessRightsVocabularyAlignment": 0},
           hint="kind=access_rights suggestion=" + AR + "PUBLIC")
    single("rights-as-access-rights", "the access-right IRI given as dct:rights of the dataset "
           "instead of dct:accessRights: the hint says so",
           sub(b, ACCESS_RIGHTS, '    dct:rights <' + AR + 'PUBLIC> ;\n'),
           {"accessRightsAvailability": 0, "accessRightsVocabularyAlignment": 0},
           hint="kind=rights_as_access_rights value=" + AR + "PUBLIC")
    single("rights-as-access-rights-distribution", "the access-right IRI given as dct:rights of "
           "the distribution, none as dct:accessRights: the rights count, the hint says so",
           sub(drop(b, ACCESS_RIGHTS), DIST_RIGHTS, '    dct:rights <' + AR + 'PUBLIC> ;\n    adms:status'),
           {"accessRightsAvailability": 0, "accessRightsVocabularyAlignment": 0},
           hint="kind=rights_as_access_rights value=" + AR + "PUBLIC datasets=1")
    single("contact-point-off", "no dcat:contactPoint", drop(b, CONTACT),
           {"contactPointAvailability": 0})
    single("publisher-off", "no dct:publisher on the dataset", drop(b, PUBLISHER),
           {"publisherAvailability": 0})
    # Contextuality
    single("rights-off", "no dct:rights on the distribution", drop(b, DIST_RIGHTS),
           {"rightsAvailability": 0})
    single("byte-size-off", "no dcat:byteSize", drop(b, BYTE_SIZE), {"byteSizeAvailability": 0})
    no_ds_issued = sub(b, DS_DATES, DS_MODIFIED_ONLY)
    no_ds_modified = sub(b, DS_DATES, DS_ISSUED_ONLY)
    single("issued-off", "no dct:issued anywhere", drop(no_ds_issued, DIST_ISSUED),
           {"dateIssuedAvailability": 0})
    single("issued-dataset-only", "dct:issued on the dataset only: 5", drop(b, DIST_ISSUED), {})
    single("issued-distribution-only", "dct:issued on the distribution only: 5", no_ds_issued, {})
    single("issued-both", "dct:issued on the dataset and on the distribution: 5, counted once", b, {})
    single("modified-off", "no dct:modified anywhere", drop(no_ds_modified, DIST_MODIFIED),
           {"dateModifiedAvailability": 0})
    single("modified-dataset-only", "dct:modified on the dataset only: 5", drop(b, DIST_MODIFIED), {})
    single("modified-distribution-only", "dct:modified on the distribution only: 5", no_ds_modified, {})

    # The best distribution, not the union nor the mean of the distributions: ds1's own
    # distribution is replaced by two halves. A: format + media type (both aligned, CSV)
    # = 20 + 10 + 10 + 20 + 20 = 80 interoperability points; B: licence (known), rights,
    # byte size and a download URL = 20 + 10 + 5 + 5 + 20 = 60, and its issued date 5. A wins:
    # the dataset gets 80 of them, not 145 (union) nor a mean.
    two = sub(b, "    dcat:distribution ds:ds1-csv ;\n",
              "    dcat:distribution ds:ds1-a, ds:ds1-b ;\n")
    two += """
ds:ds1-a a dcatapit:Distribution, dcat:Distribution ;
    dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
    dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> .

ds:ds1-b a dcatapit:Distribution, dcat:Distribution ;
    dct:license <https://creativecommons.org/licenses/by/4.0/> ;
    dct:rights ex:rights-catalog ;
    dcat:byteSize "10"^^xsd:decimal ;
    dct:issued "2024-01-10"^^xsd:date ;
    dcat:downloadURL <https://dati.example/files/b.csv> .
"""
    st = state()
    st.update({"accessUrlStatusCode": 0, "downloadUrlAvailability": 0, "downloadUrlStatusCode": 0,
               "licenceAvailability": 0, "knownLicence": 0, "rightsAvailability": 0,
               "byteSizeAvailability": 0})
    case("best-distribution", "the dataset counts its single best distribution (A: 80), not the "
         "union (145) nor the mean; A has no URL, so both statuses are assessed as 0; issued and "
         "modified come from the dataset (B's issued counts only in B's own sum)",
         two, [("ds1", st)])

    # Issued counted once, and only from the chosen distribution: the dataset has no dates
    # of its own; B (not chosen) has both, A (chosen) none -> 0 and 0.
    nodates = drop(two, DS_DATES)
    nodates = sub(nodates, '    dct:issued "2024-01-10"^^xsd:date ;\n    dcat:downloadURL',
                  '    dct:issued "2024-01-10"^^xsd:date ;\n    dct:modified "2024-02-01"^^xsd:date ;\n'
                  '    dcat:downloadURL')
    st2 = dict(st)
    st2.update({"dateIssuedAvailability": 0, "dateModifiedAvailability": 0})
    case("dates-from-best-only", "the dataset has no dates; only the distribution that is not "
         "chosen has them: they do not count", nodates, [("ds1", st2)])

    # Equal sums: the distribution whose links are not checked yet is chosen (it may still
    # gain points), so the dataset is reported as not fully assessed.
    tie = sub(b, "    dcat:distribution ds:ds1-csv ;\n", "    dcat:distribution ds:ds1-csv, ds:ds1-nourl ;\n")
    tie = drop(tie, DOWNLOAD)
    tie += """
ds:ds1-nourl a dcatapit:Distribution, dcat:Distribution ;
    dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
    dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> ;
    dct:license <https://creativecommons.org/licenses/by/4.0/> ;
    dct:rights ex:rights-catalog ;
    dcat:byteSize "10"^^xsd:decimal ;
    dct:issued "2024-01-10"^^xsd:date ;
    dct:modified "2024-06-30"^^xsd:date .
"""
    st3 = state()
    st3.update({"downloadUrlAvailability": 0, "downloadUrlStatusCode": 0})
    case("tie-prefers-unchecked", "two distributions with the same points: the one with an "
         "unchecked access URL is chosen (not assessed, not 0)", tie, [("ds1", st3)])

    # No distribution at all: every distribution indicator is 0 and assessed.
    nodist = sub(b, "    dcat:distribution ds:ds1-csv ;\n", "")
    st4 = state()
    for k in ("accessUrlStatusCode", "downloadUrlAvailability", "downloadUrlStatusCode",
              "formatAvailability", "mediaTypeAvailability", "formatMediaTypeVocabularyAlignment",
              "formatMediaTypeNonProprietary", "formatMediaTypeMachineInterpretable",
              "licenceAvailability", "knownLicence", "rightsAvailability", "byteSizeAvailability"):
        st4[k] = 0
    case("no-distribution", "no distribution: the distribution indicators are 0 (assessed); "
         "issued and modified come from the dataset", nodist, [("ds1", st4)])

    # A catalogue is the mean of its datasets; ds2 (typed dcat:Dataset only) has keywords
    # and a theme: 60.
    mean = b + """
ds:ds2 a dcat:Dataset ;
    dct:title "Secondo"@it ;
    dcat:keyword "due"@it ;
    dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ECON> .
"""
    st5 = {k: 0 for k, _ in POINTS}
    st5.update({"keywordAvailability": 30, "categoryAvailability": 30, "dcatApCompliance": None})
    case("catalogue-mean", "the catalogue score is the mean of its datasets: (295 + 60) / 2 = "
         "177.5, Sufficient", mean, [("ds1", state()), ("ds2", st5),
                                     ("catalogue", "score=177.50 assessed_max=335.00 band=sufficient")])

    # Validation closure: a violation on a shared agent reaches every dataset that links
    # to it; a violation on another dataset does not.
    shared = sub(b, '    foaf:name "Regione Toscana"@it ;\n', "")
    shared += """
ds:ds3 a dcatapit:Dataset, dcat:Dataset ;
    dct:title "Terzo"@it ;
    dcat:keyword "tre"@it .
"""
    st6 = state(validate=True)
    st6["dcatApCompliance"] = 0
    st7 = {k: 0 for k, _ in POINTS}
    st7["keywordAvailability"] = 30
    case("dcat-ap-shared-agent", "validated: the publisher agent lacks foaf:name (a violation on "
         "the agent): ds1, which links to it, loses compliance; ds3, invalid on its own, too",
         shared, [("ds1", st6), ("ds3", st7)], args="")
    other = b + """
ds:ds3 a dcatapit:Dataset, dcat:Dataset ;
    dct:title "Terzo"@it ;
    dcat:keyword "tre"@it .
"""
    case("dcat-ap-other-dataset", "validated: ds3 has violations; ds1 keeps its compliance",
         other, [("ds1", state(validate=True)), ("ds3", st7)], args="")

    band_edges()

    out = os.path.join(HERE, "cases")
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith(".ttl"):
            os.remove(os.path.join(out, f))
    for name, comment, body, expects, args, links in CASES:
        lines = ["# %s: %s (generated by gen_cases.py from base.ttl)" % (name, comment)]
        if args:
            lines.append("# args: %s" % args)
        if links:
            lines.append("# links: yes")
        for who, st in expects:
            if isinstance(st, str):
                lines.append("# expect %s: %s" % (who, st))
                continue
            else:
                lines.append(expect_line(who, st)[1])
        with open(os.path.join(out, name + ".ttl"), "w") as f:
            f.write("\n".join(lines) + "\n\n" + body)
    print("%d cases" % len(CASES))


if __name__ == "__main__":
    main()
