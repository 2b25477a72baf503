/* test_iso.c: the ISO 19139 / CSW -> DCAT-AP_IT mapping of src/iso on
 * small documents: code lists, identifiers, agents,
 * licences, geometry, services, and hostile or malformed XML. */
#include "iso/iso.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "config.h"
#include "iso/codes.h"
#include "rdf/canon.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"

#define GMD "xmlns:gmd=\"http://www.isotc211.org/2005/gmd\" " \
            "xmlns:gco=\"http://www.isotc211.org/2005/gco\" " \
            "xmlns:gmx=\"http://www.isotc211.org/2005/gmx\" " \
            "xmlns:xlink=\"http://www.w3.org/1999/xlink\""
#define AUTH "http://publications.europa.eu/resource/authority/"
#define DCT "http://purl.org/dc/terms/"
#define DCAT "http://www.w3.org/ns/dcat#"

typedef struct {
	DcatitBuf out;   /* "# ID\n" + canonical N-Triples per record */
	int calls;
	int fail_at;     /* return an error from this call (1-based), 0: never */
} Sink;

static DcatitStatus sink(void *ud, const char *id, DcatitModel *m, DcatitDiag *d)
{
	Sink *s = ud;
	s->calls++;
	if (s->fail_at && s->calls == s->fail_at)
		return dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "stop");
	dcatit_buf_addf(&s->out, "# %s\n", id);
	ck_assert_int_eq(dcatit_canon_write(m, &s->out), DCATIT_OK);
	return DCATIT_OK;
}

/* Map doc; the output stays in s (release it with dcatit_buf_release). */
static DcatitStatus map(const char *doc, const DcatitIsoOpts *o, Sink *s,
                        DcatitDiag *d)
{
	memset(s, 0, sizeof *s);
	dcatit_buf_init(&s->out);
	dcatit_buf_adds(&s->out, "");
	dcatit_diag_init(d);
	return dcatit_iso_read(doc, strlen(doc), "t.xml", o, NULL, sink, s, d);
}

/* A record with fileIdentifier fid and body inside MD_DataIdentification
 * and after it (tail, e.g. distributionInfo). */
static char *record(const char *fid, const char *ident, const char *tail)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_addf(&b,
	    "<?xml version=\"1.0\"?>\n<gmd:MD_Metadata " GMD ">\n"
	    "<gmd:fileIdentifier><gco:CharacterString>%s</gco:CharacterString></gmd:fileIdentifier>\n"
	    "<gmd:language><gmd:LanguageCode codeList=\"x\" codeListValue=\"ita\"/></gmd:language>\n"
	    "<gmd:identificationInfo><gmd:MD_DataIdentification>\n%s\n"
	    "</gmd:MD_DataIdentification></gmd:identificationInfo>\n%s\n</gmd:MD_Metadata>\n",
	    fid, ident ? ident : "", tail ? tail : "");
	return dcatit_buf_detach(&b);
}

static const char *freq(const char *code)
{
	static char buf[512];
	snprintf(buf, sizeof buf,
	         "<gmd:resourceMaintenance><gmd:MD_MaintenanceInformation>"
	         "<gmd:maintenanceAndUpdateFrequency><gmd:MD_MaintenanceFrequencyCode "
	         "codeList=\"x\" codeListValue=\"%s\"/></gmd:maintenanceAndUpdateFrequency>"
	         "</gmd:MD_MaintenanceInformation></gmd:resourceMaintenance>", code);
	return buf;
}

static bool has(const Sink *s, const char *needle)
{
	return s->out.data && strstr(s->out.data, needle) != NULL;
}

START_TEST(biannually_is_twice_a_year_not_biennial)
{
	char *doc = record("r_toscan:a", freq("biannually"), NULL);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<" DCT "accrualPeriodicity> <" AUTH "frequency/ANNUAL_2> ."));
	ck_assert(!has(&s, "BIENNIAL"));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(frequency_codes_map_to_the_eu_table)
{
	const char *pairs[][2] = {
		{"annually", "ANNUAL"}, {"continual", "CONT"}, {"asNeeded", "IRREG"},
		{"notPlanned", "NEVER"}, {"unknown", "UNKNOWN"}, {"daily", "DAILY"},
		{"monthly", "MONTHLY"}, {"quarterly", "QUARTERLY"}, {"irregular", "IRREG"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		char *doc = record("r_toscan:a", freq(pairs[i][0]), NULL);
		char want[256];
		snprintf(want, sizeof want, "<" AUTH "frequency/%s> .", pairs[i][1]);
		Sink s;
		DcatitDiag d;
		ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
		ck_assert_msg(has(&s, want), "%s", pairs[i][0]);
		dcatit_buf_release(&s.out);
		free(doc);
	}
	char *doc = record("r_toscan:a", freq("sometimes"), NULL);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(!has(&s, "accrualPeriodicity"));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(rndt_file_identifier_is_the_identifier_and_names_the_holder)
{
	char *doc = record("r_toscan:0a1b-22", NULL, NULL);
	DcatitIsoOpts o = { .base_iri = "https://h.example/csw/" };
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "# r_toscan:0a1b-22\n"));
	ck_assert(has(&s, "<https://h.example/csw/r_toscan%3A0a1b-22> <" DCT "identifier> \"r_toscan:0a1b-22\" ."));
	ck_assert(has(&s, "<" DCT "identifier> \"r_toscan\" ."));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(plain_identifier_takes_the_configured_holder_code)
{
	char *doc = record("0a1b-22", NULL, NULL);
	DcatitIsoOpts o = { .default_rights_holder = "c_g702", .default_publisher = "r_toscan" };
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "\"c_g702:0a1b-22\" ."));
	ck_assert(has(&s, "<" DCT "identifier> \"c_g702\" ."));
	ck_assert(has(&s, "<" DCT "identifier> \"r_toscan\" ."));
	free(doc);
	dcatit_buf_release(&s.out);
	/* and without one the identifier is left as it is */
	doc = record("0a1b-22", NULL, NULL);
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<" DCT "identifier> \"0a1b-22\" ."));
	ck_assert(!has(&s, "rightsHolder"));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

static const char *party(const char *role, const char *name, const char *mail)
{
	static char buf[1024];
	snprintf(buf, sizeof buf,
	         "<gmd:pointOfContact><gmd:CI_ResponsibleParty>"
	         "<gmd:organisationName><gco:CharacterString>%s</gco:CharacterString></gmd:organisationName>"
	         "<gmd:contactInfo><gmd:CI_Contact><gmd:address><gmd:CI_Address>"
	         "<gmd:electronicMailAddress><gco:CharacterString>%s</gco:CharacterString>"
	         "</gmd:electronicMailAddress></gmd:CI_Address></gmd:address></gmd:CI_Contact></gmd:contactInfo>"
	         "<gmd:role><gmd:CI_RoleCode codeList=\"x\" codeListValue=\"%s\"/></gmd:role>"
	         "</gmd:CI_ResponsibleParty></gmd:pointOfContact>", name, mail, role);
	return buf;
}

/* The object of the first triple "SUBJ PRED OBJ ." of the output (SUBJ
 * and PRED as written, "<...>" or "_:cN"), into out; false when none. */
static bool object_of(const Sink *s, const char *subj, const char *pred, char *out,
                      size_t cap)
{
	char key[512];
	snprintf(key, sizeof key, "%s %s ", subj, pred);
	for (const char *l = s->out.data; l && *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		size_t k = strlen(key);
		if (n > k + 2 && strncmp(l, key, k) == 0) {
			size_t m = n - k - 2; /* without " ." */
			if (m >= cap)
				return false;
			memcpy(out, l + k, m);
			out[m] = '\0';
			return true;
		}
		l = e ? e + 1 : l + n;
	}
	return false;
}

/* Is "SUBJ PRED OBJ ." in the output? */
static bool triple(const Sink *s, const char *subj, const char *pred, const char *obj)
{
	char line[1024];
	snprintf(line, sizeof line, "%s %s %s .\n", subj, pred, obj);
	return has(s, line);
}

#define FOAF "http://xmlns.com/foaf/0.1/"
#define PROV "http://www.w3.org/ns/prov#"
#define VCARD "http://www.w3.org/2006/vcard/ns#"
#define RES "<https://h.example/r_toscan%3Aa>"

START_TEST(agents_follow_their_roles)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, party("pointOfContact", "Ufficio SIT", "sit@example.it"));
	dcatit_buf_adds(&b, party("publisher", "Regione Toscana", "x@example.it"));
	dcatit_buf_adds(&b, party("custodian", "Custode", "c@example.it"));
	dcatit_buf_adds(&b, party(" owner", "Proprietario", "o@example.it"));
	dcatit_buf_adds(&b, party("originator", "Autore", "a@example.it"));
	dcatit_buf_adds(&b, party("distributor", "Distributore", "d@example.it"));
	char *doc = record("r_toscan:a", b.data, NULL);
	dcatit_buf_release(&b);
	DcatitIsoOpts o = { .base_iri = "https://h.example/" };
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	char n[128];
	/* the contact point: one name (DCAT-AP_IT), in the record's language */
	ck_assert(object_of(&s, RES, "<" DCAT "contactPoint>", n, sizeof n));
	ck_assert(triple(&s, n, "<" VCARD "fn>", "\"Ufficio SIT\"@it"));
	ck_assert(triple(&s, n, "<" VCARD "hasEmail>", "<mailto:sit@example.it>"));
	ck_assert(object_of(&s, RES, "<" DCT "publisher>", n, sizeof n));
	ck_assert(triple(&s, n, "<" FOAF "name>", "\"Regione Toscana\"@it"));
	/* the owner, not the custodian, is the rights holder (IPA code from
	 * the fileIdentifier), with its mailbox */
	ck_assert(object_of(&s, RES, "<" DCT "rightsHolder>", n, sizeof n));
	ck_assert(triple(&s, n, "<" FOAF "name>", "\"Proprietario\"@it"));
	ck_assert(triple(&s, n, "<" DCT "identifier>", "\"r_toscan\""));
	ck_assert(triple(&s, n, "<" FOAF "mbox>", "<mailto:o@example.it>"));
	ck_assert(object_of(&s, RES, "<" DCT "creator>", n, sizeof n));
	ck_assert(triple(&s, n, "<" FOAF "name>", "\"Autore\"@it"));
	/* the roles without a DCAT property keep their role */
	ck_assert(has(&s, "<" DCAT "hadRole> <http://inspire.ec.europa.eu/metadata-codelist/"
	                  "ResponsiblePartyRole/custodian> ."));
	ck_assert(has(&s, "<" DCAT "hadRole> <http://inspire.ec.europa.eu/metadata-codelist/"
	                  "ResponsiblePartyRole/distributor> ."));
	ck_assert(has(&s, "<" FOAF "name> \"Custode\"@it ."));
	ck_assert(has(&s, "<" FOAF "name> \"Distributore\"@it ."));
	ck_assert(!has(&s, "ResponsiblePartyRole/owner"));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

/* distributionInfo names the distributor (GeoDCAT-AP: a qualified
 * attribution), whatever role code its contact carries. */
START_TEST(distributor_contacts_are_attributed_as_distributors)
{
	const char *tail =
	    "<gmd:distributionInfo><gmd:MD_Distribution><gmd:distributor><gmd:MD_Distributor>"
	    "<gmd:distributorContact><gmd:CI_ResponsibleParty>"
	    "<gmd:organisationName><gco:CharacterString>Servizio distribuzione</gco:CharacterString>"
	    "</gmd:organisationName>"
	    "<gmd:role><gmd:CI_RoleCode codeList=\"x\" codeListValue=\"pointOfContact\"/></gmd:role>"
	    "</gmd:CI_ResponsibleParty></gmd:distributorContact>"
	    "</gmd:MD_Distributor></gmd:distributor></gmd:MD_Distribution></gmd:distributionInfo>";
	char *doc = record("r_toscan:a", NULL, tail);
	DcatitIsoOpts o = { .base_iri = "https://h.example/" };
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	char at[64], ag[64];
	ck_assert(object_of(&s, RES, "<" PROV "qualifiedAttribution>", at, sizeof at));
	ck_assert(triple(&s, at, "<" DCAT "hadRole>", "<http://inspire.ec.europa.eu/"
	                 "metadata-codelist/ResponsiblePartyRole/distributor>"));
	ck_assert(object_of(&s, at, "<" PROV "agent>", ag, sizeof ag));
	ck_assert(triple(&s, ag, "<" FOAF "name>", "\"Servizio distribuzione\"@it"));
	/* not the dataset's contact point */
	ck_assert(!has(&s, "<" DCAT "contactPoint>"));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(phones_become_tel_iris_only_in_international_form)
{
	const char *ident =
	    "<gmd:pointOfContact><gmd:CI_ResponsibleParty>"
	    "<gmd:organisationName><gco:CharacterString>A</gco:CharacterString></gmd:organisationName>"
	    "<gmd:contactInfo><gmd:CI_Contact><gmd:phone><gmd:CI_Telephone><gmd:voice>"
	    "<gco:CharacterString>+39 055 438 1</gco:CharacterString></gmd:voice></gmd:CI_Telephone>"
	    "</gmd:phone><gmd:onlineResource><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>"
	    "https://a.example/</gmd:URL></gmd:linkage></gmd:CI_OnlineResource></gmd:onlineResource>"
	    "</gmd:CI_Contact></gmd:contactInfo>"
	    "<gmd:role><gmd:CI_RoleCode codeList=\"x\" codeListValue=\"owner\"/></gmd:role>"
	    "</gmd:CI_ResponsibleParty></gmd:pointOfContact>"
	    "<gmd:pointOfContact><gmd:CI_ResponsibleParty>"
	    "<gmd:organisationName><gco:CharacterString>B</gco:CharacterString></gmd:organisationName>"
	    "<gmd:contactInfo><gmd:CI_Contact><gmd:phone><gmd:CI_Telephone><gmd:voice>"
	    "<gco:CharacterString>0874 123456</gco:CharacterString></gmd:voice></gmd:CI_Telephone>"
	    "</gmd:phone></gmd:CI_Contact></gmd:contactInfo>"
	    "<gmd:role><gmd:CI_RoleCode codeList=\"x\" codeListValue=\"custodian\"/></gmd:role>"
	    "</gmd:CI_ResponsibleParty></gmd:pointOfContact>";
	char *doc = record("r_toscan:a", ident, NULL);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<" FOAF "phone> <tel:+390554381> ."));
	ck_assert(has(&s, "<" FOAF "homepage> <https://a.example/> ."));
	/* a national number says no country: no tel: IRI is made of it */
	ck_assert(!has(&s, "tel:0874") && !has(&s, "tel:+0874") && !has(&s, "tel:+39874"));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(the_metadata_contact_is_the_catalogue_records)
{
	const char *doc =
	    "<gmd:MD_Metadata " GMD ">"
	    "<gmd:fileIdentifier><gco:CharacterString>r_toscan:a</gco:CharacterString></gmd:fileIdentifier>"
	    "<gmd:contact><gmd:CI_ResponsibleParty>"
	    "<gmd:organisationName><gco:CharacterString>SIT</gco:CharacterString></gmd:organisationName>"
	    "<gmd:role><gmd:CI_RoleCode codeList=\"x\" codeListValue=\"pointOfContact\"/></gmd:role>"
	    "</gmd:CI_ResponsibleParty></gmd:contact>"
	    "<gmd:dateStamp><gco:DateTime>2020-01-02T10:11:12</gco:DateTime></gmd:dateStamp>"
	    "</gmd:MD_Metadata>";
	DcatitIsoOpts o = { .base_iri = "https://h.example/" };
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	char n[128];
	const char *rec = "<https://h.example/r_toscan%3Aa#record>";
	ck_assert(triple(&s, RES, "<" FOAF "isPrimaryTopicOf>", rec));
	ck_assert(triple(&s, rec, "<" DCT "identifier>", "\"r_toscan:a\""));
	ck_assert(triple(&s, rec, "<" DCT "modified>",
	                 "\"2020-01-02T10:11:12\"^^<http://www.w3.org/2001/XMLSchema#dateTime>"));
	ck_assert(object_of(&s, rec, "<" DCAT "contactPoint>", n, sizeof n));
	ck_assert(triple(&s, n, "<" VCARD "fn>", "\"SIT\""));
	/* not the dataset's contact point */
	ck_assert(!object_of(&s, RES, "<" DCAT "contactPoint>", n, sizeof n));
	/* the ISO record is the source of the catalogue record, dated */
	ck_assert(object_of(&s, rec, "<" DCT "source>", n, sizeof n));
	ck_assert(triple(&s, n, "<" DCT "modified>",
	                 "\"2020-01-02\"^^<http://www.w3.org/2001/XMLSchema#date>"));
	dcatit_buf_release(&s.out);
}
END_TEST

START_TEST(free_text_translations_are_tagged_literals)
{
	const char *doc =
	    "<gmd:MD_Metadata " GMD ">"
	    "<gmd:fileIdentifier><gco:CharacterString>r_toscan:a</gco:CharacterString></gmd:fileIdentifier>"
	    "<gmd:language><gmd:LanguageCode codeList=\"x\" codeListValue=\"ita\"/></gmd:language>"
	    "<gmd:locale><gmd:PT_Locale id=\"loc1\"><gmd:languageCode><gmd:LanguageCode "
	    "codeList=\"x\" codeListValue=\"ger\"/></gmd:languageCode></gmd:PT_Locale></gmd:locale>"
	    "<gmd:identificationInfo><gmd:MD_DataIdentification>"
	    "<gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>Strade</gco:CharacterString>"
	    "<gmd:PT_FreeText><gmd:textGroup><gmd:LocalisedCharacterString locale=\"#EN\">Roads"
	    "</gmd:LocalisedCharacterString></gmd:textGroup><gmd:textGroup>"
	    "<gmd:LocalisedCharacterString locale=\"#loc1\">Straßen</gmd:LocalisedCharacterString>"
	    "</gmd:textGroup><gmd:textGroup><gmd:LocalisedCharacterString locale=\"#IT\">Vie"
	    "</gmd:LocalisedCharacterString></gmd:textGroup></gmd:PT_FreeText>"
	    "</gmd:title></gmd:CI_Citation></gmd:citation>"
	    "<gmd:descriptiveKeywords><gmd:MD_Keywords><gmd:keyword>"
	    "<gco:CharacterString>strade</gco:CharacterString><gmd:PT_FreeText><gmd:textGroup>"
	    "<gmd:LocalisedCharacterString locale=\"#EN\">roads</gmd:LocalisedCharacterString>"
	    "</gmd:textGroup></gmd:PT_FreeText></gmd:keyword></gmd:MD_Keywords></gmd:descriptiveKeywords>"
	    "</gmd:MD_DataIdentification></gmd:identificationInfo></gmd:MD_Metadata>";
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<" DCT "title> \"Strade\"@it ."));
	ck_assert(has(&s, "<" DCT "title> \"Roads\"@en ."));
	/* the locale id of a PT_Locale gives its language (ISO 639-2/B ger) */
	ck_assert(has(&s, "<" DCT "title> \"Stra\\u00DFen\"@de .") ||
	          has(&s, "<" DCT "title> \"Straßen\"@de ."));
	/* one title per language: a translation into the record's own
	 * language does not add a second Italian title */
	ck_assert(!has(&s, "\"Vie\""));
	ck_assert(has(&s, "<" DCAT "keyword> \"roads\"@en ."));
	ck_assert(has(&s, "<" DCAT "keyword> \"strade\"@it ."));
	dcatit_buf_release(&s.out);
}
END_TEST

START_TEST(anchored_keywords_keep_their_concepts_and_thesaurus)
{
	const char *ident =
	    "<gmd:descriptiveKeywords><gmd:MD_Keywords>"
	    "<gmd:keyword><gmx:Anchor xlink:href=\"http://inspire.ec.europa.eu/theme/lu\">Land use"
	    "</gmx:Anchor></gmd:keyword></gmd:MD_Keywords></gmd:descriptiveKeywords>"
	    "<gmd:descriptiveKeywords><gmd:MD_Keywords>"
	    "<gmd:keyword><gmx:Anchor xlink:href=\"https://www.eionet.europa.eu/gemet/en/concept/4614\">"
	    "land development</gmx:Anchor></gmd:keyword>"
	    "<gmd:thesaurusName><gmd:CI_Citation><gmd:title><gmx:Anchor "
	    "xlink:href=\"https://www.eionet.europa.eu/gemet/en/concept/13102\">GEMET - Concepts"
	    "</gmx:Anchor></gmd:title></gmd:CI_Citation></gmd:thesaurusName>"
	    "</gmd:MD_Keywords></gmd:descriptiveKeywords>"
	    "<gmd:descriptiveKeywords><gmd:MD_Keywords><gmd:keyword>"
	    "<gmx:Anchor xlink:href=\"http://data.europa.eu/eli/reg_impl/2023/138/oj\">HVD</gmx:Anchor>"
	    "</gmd:keyword></gmd:MD_Keywords></gmd:descriptiveKeywords>"
	    "<gmd:descriptiveKeywords><gmd:MD_Keywords><gmd:keyword>"
	    "<gmx:Anchor xlink:href=\"http://data.europa.eu/bna/c_dd313021\">Earth observation"
	    "</gmx:Anchor></gmd:keyword></gmd:MD_Keywords></gmd:descriptiveKeywords>";
	char *doc = record("r_toscan:a", ident, NULL);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	/* the INSPIRE theme is a subject; its EU data themes (SEMIC
	 * alignment: lu -> ECON, ENVI) are the dcat:theme */
	ck_assert(has(&s, "<" DCT "subject> <http://inspire.ec.europa.eu/theme/lu> ."));
	ck_assert(has(&s, "<" DCAT "theme> <" AUTH "data-theme/ECON> ."));
	ck_assert(has(&s, "<" DCAT "theme> <" AUTH "data-theme/ENVI> ."));
	ck_assert(!has(&s, "<" DCAT "theme> <http://inspire"));
	/* a GEMET concept with its thesaurus */
	const char *c = "<https://www.eionet.europa.eu/gemet/en/concept/4614>";
	ck_assert(has(&s, "<" DCT "subject> <https://www.eionet.europa.eu/gemet/en/concept/4614> ."));
	ck_assert(triple(&s, c, "<http://www.w3.org/2004/02/skos/core#inScheme>",
	                 "<https://www.eionet.europa.eu/gemet/en/concept/13102>"));
	ck_assert(triple(&s, "<https://www.eionet.europa.eu/gemet/en/concept/13102>",
	                 "<" DCT "title>", "\"GEMET - Concepts\"@it"));
	/* the HVD regulation named: legislation and category */
	ck_assert(has(&s, "<http://data.europa.eu/r5r/applicableLegislation> "
	                  "<http://data.europa.eu/eli/reg_impl/2023/138/oj> ."));
	ck_assert(has(&s, "<http://data.europa.eu/r5r/hvdCategory> <http://data.europa.eu/bna/c_dd313021> ."));
	dcatit_buf_release(&s.out);
	free(doc);
	/* without the regulation, an HVD category is a subject, not a category */
	char *nohvd = strdup(ident);
	char *p = strstr(nohvd, "reg_impl/2023/138");
	memcpy(p, "reg_impl/2023/999", 17);
	doc = record("r_toscan:a", nohvd, NULL);
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(!has(&s, "hvdCategory"));
	ck_assert(has(&s, "<" DCT "subject> <http://data.europa.eu/bna/c_dd313021> ."));
	dcatit_buf_release(&s.out);
	free(doc);
	free(nohvd);
}
END_TEST

static char *report(const char *title, const char *pass)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_addf(&b,
	    "<gmd:dataQualityInfo><gmd:DQ_DataQuality><gmd:report><gmd:DQ_DomainConsistency>"
	    "<gmd:result><gmd:DQ_ConformanceResult><gmd:specification><gmd:CI_Citation>"
	    "<gmd:title>%s</gmd:title>"
	    "<gmd:date><gmd:CI_Date><gmd:date><gco:Date>2010-12-08</gco:Date></gmd:date>"
	    "<gmd:dateType><gmd:CI_DateTypeCode codeList=\"x\" codeListValue=\"publication\"/>"
	    "</gmd:dateType></gmd:CI_Date></gmd:date></gmd:CI_Citation></gmd:specification>"
	    "<gmd:explanation><gco:CharacterString>see the test</gco:CharacterString></gmd:explanation>"
	    "<gmd:pass>%s</gmd:pass>"
	    "</gmd:DQ_ConformanceResult></gmd:result></gmd:DQ_DomainConsistency></gmd:report>"
	    "</gmd:DQ_DataQuality></gmd:dataQualityInfo>", title, pass);
	return dcatit_buf_detach(&b);
}

START_TEST(conformity_results_give_conforms_to_and_their_degree)
{
	const char *eli = "<gmx:Anchor xlink:href=\"http://data.europa.eu/eli/reg/2010/1089\">"
	                  "Regolamento 1089/2010</gmx:Anchor>";
	char *tail = report(eli, "<gco:Boolean>true</gco:Boolean>");
	char *doc = record("r_toscan:a", NULL, tail);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<" DCT "conformsTo> <http://data.europa.eu/eli/reg/2010/1089> ."));
	ck_assert(has(&s, "<http://inspire.ec.europa.eu/metadata-codelist/DegreeOfConformity/conformant> ."));
	ck_assert(has(&s, "<" DCT "description> \"see the test\"@it ."));
	/* DCAT-AP_IT: a dcatapit:Standard has a dct:identifier */
	ck_assert(has(&s, "<http://data.europa.eu/eli/reg/2010/1089> <" DCT "identifier> "
	                  "\"http://data.europa.eu/eli/reg/2010/1089\" ."));
	dcatit_buf_release(&s.out);
	free(doc);
	free(tail);
	/* failed: no conformsTo, the degree says so */
	tail = report(eli, "<gco:Boolean>false</gco:Boolean>");
	doc = record("r_toscan:a", NULL, tail);
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(!has(&s, "<" DCT "conformsTo> <http://data.europa.eu/eli"));
	ck_assert(has(&s, "DegreeOfConformity/notConformant> ."));
	dcatit_buf_release(&s.out);
	free(doc);
	free(tail);
	/* not evaluated, and a specification named by its title only */
	tail = report("<gco:CharacterString>Specifica tecnica</gco:CharacterString>",
	              "<gco:Boolean/>");
	doc = record("r_toscan:a", NULL, tail);
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "DegreeOfConformity/notEvaluated> ."));
	ck_assert(has(&s, "<" DCT "title> \"Specifica tecnica\"@it ."));
	ck_assert(!has(&s, "<" DCT "conformsTo> _:"));
	dcatit_buf_release(&s.out);
	free(doc);
	free(tail);
}
END_TEST

START_TEST(spatial_resolution_as_distance_and_as_scale)
{
	const char *ident =
	    "<gmd:spatialResolution><gmd:MD_Resolution><gmd:distance>"
	    "<gco:Distance uom=\"m\">2.5</gco:Distance></gmd:distance></gmd:MD_Resolution></gmd:spatialResolution>"
	    "<gmd:spatialResolution><gmd:MD_Resolution><gmd:equivalentScale><gmd:MD_RepresentativeFraction>"
	    "<gmd:denominator><gco:Integer>10000</gco:Integer></gmd:denominator>"
	    "</gmd:MD_RepresentativeFraction></gmd:equivalentScale></gmd:MD_Resolution></gmd:spatialResolution>";
	char *doc = record("r_toscan:a", ident, NULL);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<" DCAT "spatialResolutionInMeters> \"2.5\"^^<http://www.w3.org/2001/XMLSchema#decimal> ."));
	ck_assert(has(&s, "<http://www.w3.org/ns/dqv#isMeasurementOf> <http://data.europa.eu/930/spatialResolutionAsScale> ."));
	ck_assert(has(&s, "<http://www.w3.org/ns/dqv#value> \"0.0001\"^^<http://www.w3.org/2001/XMLSchema#decimal> ."));
	ck_assert(has(&s, "<http://www.w3.org/ns/dqv#isMeasurementOf> <http://data.europa.eu/930/spatialResolutionAsDistance> ."));
	/* the unit, a concept with a label (DCAT-AP 2.1.1 asks one) */
	ck_assert(has(&s, "<http://www.wurvoc.org/vocabularies/om-1.8/metre> "
	                  "<http://www.w3.org/2004/02/skos/core#prefLabel> \"metre\"@en ."));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(formats_media_types_and_sizes_go_to_the_right_distributions)
{
	const char *ident =
	    "<gmd:spatialRepresentationType><gmd:MD_SpatialRepresentationTypeCode codeList=\"x\" "
	    "codeListValue=\"vector\"/></gmd:spatialRepresentationType>"
	    "<gmd:characterSet><gmd:MD_CharacterSetCode codeList=\"x\" codeListValue=\"utf8\"/>"
	    "</gmd:characterSet>";
	const char *tail =
	    "<gmd:distributionInfo><gmd:MD_Distribution>"
	    "<gmd:distributionFormat><gmd:MD_Format><gmd:name><gmx:Anchor "
	    "xlink:href=\"https://www.iana.org/assignments/media-types/application/gml+xml\">gml+xml"
	    "</gmx:Anchor></gmd:name></gmd:MD_Format></gmd:distributionFormat>"
	    "<gmd:transferOptions><gmd:MD_DigitalTransferOptions>"
	    "<gmd:transferSize><gco:Real>0.213701</gco:Real></gmd:transferSize>"
	    "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://d.example/a.zip</gmd:URL>"
	    "</gmd:linkage></gmd:CI_OnlineResource></gmd:onLine>"
	    "</gmd:MD_DigitalTransferOptions></gmd:transferOptions>"
	    "<gmd:transferOptions><gmd:MD_DigitalTransferOptions>"
	    "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://w.example/wms?service=WMS"
	    "</gmd:URL></gmd:linkage></gmd:CI_OnlineResource></gmd:onLine>"
	    "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://w.example/about</gmd:URL>"
	    "</gmd:linkage><gmd:protocol><gco:CharacterString>WWW:LINK-1.0-http--link"
	    "</gco:CharacterString></gmd:protocol><gmd:name><gco:CharacterString>Pagina</gco:CharacterString>"
	    "</gmd:name></gmd:CI_OnlineResource></gmd:onLine>"
	    "</gmd:MD_DigitalTransferOptions></gmd:transferOptions>"
	    "</gmd:MD_Distribution></gmd:distributionInfo>";
	char *doc = record("r_toscan:a", ident, tail);
	DcatitIsoOpts o = { .base_iri = "https://h.example/" };
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	const char *file = "<https://h.example/r_toscan%3Aa/distribution/1>";
	const char *wms = "<https://h.example/r_toscan%3Aa/distribution/2>";
	/* the file gets the format (by the SEMIC alignment), the media type,
	 * its size in bytes (transferSize is in MB) */
	ck_assert(triple(&s, file, "<" DCT "format>", "<" AUTH "file-type/GML>"));
	ck_assert(triple(&s, file, "<" DCAT "mediaType>",
	                 "<https://www.iana.org/assignments/media-types/application/gml+xml>"));
	ck_assert(triple(&s, file, "<" DCAT "byteSize>",
	                 "\"213701\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"));
	ck_assert(triple(&s, file, "<http://www.w3.org/ns/adms#representationTechnique>",
	                 "<http://inspire.ec.europa.eu/metadata-codelist/SpatialRepresentationType/vector>"));
	ck_assert(triple(&s, file, "<http://www.w3.org/2011/content#characterEncoding>", "\"UTF-8\""));
	/* a map view serves images: WMS_SRVC, no GML media type, no size */
	ck_assert(triple(&s, wms, "<" DCT "format>", "<" AUTH "file-type/WMS_SRVC>"));
	char n[256];
	ck_assert(!object_of(&s, wms, "<" DCAT "mediaType>", n, sizeof n));
	ck_assert(!object_of(&s, wms, "<" DCAT "byteSize>", n, sizeof n));
	/* a web link without a function is the landing page, not a
	 * distribution */
	ck_assert(triple(&s, RES, "<" DCAT "landingPage>", "<https://w.example/about>"));
	ck_assert(triple(&s, "<https://w.example/about>", "<" DCT "title>", "\"Pagina\"@it"));
	ck_assert(!has(&s, "distribution/3"));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(series_and_services_say_what_they_are)
{
	const char *doc =
	    "<gmd:MD_Metadata " GMD ">"
	    "<gmd:fileIdentifier><gco:CharacterString>r_toscan:a</gco:CharacterString></gmd:fileIdentifier>"
	    "<gmd:hierarchyLevel><gmd:MD_ScopeCode codeList=\"x\" codeListValue=\"series\"/></gmd:hierarchyLevel>"
	    "</gmd:MD_Metadata>";
	DcatitIsoOpts o = { .base_iri = "https://h.example/" };
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	ck_assert(triple(&s, RES, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
	                 "<" DCAT "DatasetSeries>"));
	/* still a dataset to DCAT-AP_IT 1.0, which has no series */
	ck_assert(triple(&s, RES, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
	                 "<http://dati.gov.it/onto/dcatapit#Dataset>"));
	ck_assert(triple(&s, RES, "<http://data.europa.eu/930/resourceType>",
	                 "<http://inspire.ec.europa.eu/metadata-codelist/ResourceType/series>"));
	dcatit_buf_release(&s.out);
	const char *svc =
	    "<gmd:MD_Metadata " GMD " xmlns:srv=\"http://www.isotc211.org/2005/srv\">"
	    "<gmd:fileIdentifier><gco:CharacterString>r_toscan:a</gco:CharacterString></gmd:fileIdentifier>"
	    "<gmd:identificationInfo><srv:SV_ServiceIdentification>"
	    "<gmd:descriptiveKeywords><gmd:MD_Keywords><gmd:keyword><gco:CharacterString>"
	    "infoMapAccessService</gco:CharacterString></gmd:keyword><gmd:thesaurusName><gmd:CI_Citation>"
	    "<gmd:title><gco:CharacterString>ISO 19119</gco:CharacterString></gmd:title>"
	    "</gmd:CI_Citation></gmd:thesaurusName></gmd:MD_Keywords></gmd:descriptiveKeywords>"
	    "<srv:serviceType><gco:LocalName>view</gco:LocalName></srv:serviceType>"
	    "</srv:SV_ServiceIdentification></gmd:identificationInfo></gmd:MD_Metadata>";
	ck_assert_int_eq(map(svc, &o, &s, &d), DCATIT_OK);
	ck_assert(triple(&s, RES, "<http://data.europa.eu/930/serviceType>",
	                 "<http://inspire.ec.europa.eu/metadata-codelist/SpatialDataServiceType/view>"));
	ck_assert(triple(&s, RES, "<http://data.europa.eu/930/serviceCategory>",
	                 "<http://inspire.ec.europa.eu/metadata-codelist/SpatialDataServiceCategory/"
	                 "infoMapAccessService>"));
	dcatit_buf_release(&s.out);
}
END_TEST

static char *extent(const char *geo, const char *temporal)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_addf(&b, "<gmd:extent><gmd:EX_Extent>%s%s</gmd:EX_Extent></gmd:extent>", geo,
	                temporal);
	return dcatit_buf_detach(&b);
}

START_TEST(geographic_identifiers_name_the_location)
{
	const char *geo =
	    "<gmd:geographicElement><gmd:EX_GeographicDescription><gmd:geographicIdentifier>"
	    "<gmd:MD_Identifier><gmd:authority><gmd:CI_Citation><gmd:title><gco:CharacterString>ISTAT"
	    "</gco:CharacterString></gmd:title></gmd:CI_Citation></gmd:authority>"
	    "<gmd:code><gco:CharacterString>Firenze</gco:CharacterString></gmd:code>"
	    "</gmd:MD_Identifier></gmd:geographicIdentifier></gmd:EX_GeographicDescription></gmd:geographicElement>"
	    "<gmd:geographicElement><gmd:EX_GeographicBoundingBox>"
	    "<gmd:westBoundLongitude><gco:Decimal>011.1</gco:Decimal></gmd:westBoundLongitude>"
	    "<gmd:eastBoundLongitude><gco:Decimal>11.4</gco:Decimal></gmd:eastBoundLongitude>"
	    "<gmd:southBoundLatitude><gco:Decimal>43.7</gco:Decimal></gmd:southBoundLatitude>"
	    "<gmd:northBoundLatitude><gco:Decimal>43.9</gco:Decimal></gmd:northBoundLatitude>"
	    "</gmd:EX_GeographicBoundingBox></gmd:geographicElement>";
	char *ident = extent(geo, "");
	char *doc = record("r_toscan:a", ident, NULL);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	/* one Location (DCAT-AP_IT: one dct:spatial): named, in its scheme,
	 * with the box (leading zeros gone) */
	ck_assert_int_eq((int)(strstr(s.out.data, "<" DCT "spatial>") != NULL), 1);
	ck_assert(strstr(strstr(s.out.data, "<" DCT "spatial>") + 1, "<" DCT "spatial>") == NULL);
	ck_assert(has(&s, "<http://www.w3.org/2004/02/skos/core#prefLabel> \"Firenze\"@it ."));
	ck_assert(has(&s, "<" DCT "title> \"ISTAT\"@it ."));
	ck_assert(has(&s, "\"POLYGON((11.1 43.7,11.4 43.7,11.4 43.9,11.1 43.9,11.1 43.7))\""));
	dcatit_buf_release(&s.out);
	free(doc);
	free(ident);
	/* a place IRI is the Location */
	const char *iri =
	    "<gmd:geographicElement><gmd:EX_GeographicDescription><gmd:geographicIdentifier>"
	    "<gmd:MD_Identifier><gmd:code><gmx:Anchor xlink:href=\"http://sws.geonames.org/3176959/\">"
	    "Firenze</gmx:Anchor></gmd:code></gmd:MD_Identifier></gmd:geographicIdentifier>"
	    "</gmd:EX_GeographicDescription></gmd:geographicElement>";
	ident = extent(iri, "");
	doc = record("r_toscan:a", ident, NULL);
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<" DCT "spatial> <http://sws.geonames.org/3176959/> ."));
	ck_assert(has(&s, "<http://sws.geonames.org/3176959/> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
	                  "<" DCT "Location> ."));
	dcatit_buf_release(&s.out);
	free(doc);
	free(ident);
}
END_TEST

START_TEST(temporal_extents_keep_years_and_months)
{
	const char *tp =
	    "<gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent>"
	    "<gml:TimePeriod xmlns:gml=\"http://www.opengis.net/gml\" gml:id=\"a\">"
	    "<gml:beginPosition>2004-02</gml:beginPosition><gml:endPosition>2008</gml:endPosition>"
	    "</gml:TimePeriod></gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement>"
	    "<gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent>"
	    "<gml:TimeInstant xmlns:gml=\"http://www.opengis.net/gml\" gml:id=\"b\">"
	    "<gml:timePosition>2001-06-30</gml:timePosition>"
	    "</gml:TimeInstant></gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement>";
	char *ident = extent("", tp);
	char *doc = record("r_toscan:a", ident, NULL);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	/* one period covering both, at the precision given; DCAT-AP_IT's own
	 * properties take dates: the first and last day */
	ck_assert(has(&s, "<" DCAT "startDate> \"2001-06-30\"^^<http://www.w3.org/2001/XMLSchema#date> ."));
	ck_assert(has(&s, "<" DCAT "endDate> \"2008\"^^<http://www.w3.org/2001/XMLSchema#gYear> ."));
	ck_assert(has(&s, "<http://dati.gov.it/onto/dcatapit#endDate> \"2008-12-31\"^^"
	                  "<http://www.w3.org/2001/XMLSchema#date> ."));
	ck_assert(strstr(strstr(s.out.data, "<" DCT "temporal>") + 1, "<" DCT "temporal>") == NULL);
	dcatit_buf_release(&s.out);
	free(doc);
	free(ident);
	/* a year-month alone is a gYearMonth, never "2004-02"^^xsd:date */
	const char *ym =
	    "<gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent>"
	    "<gml:TimePeriod xmlns:gml=\"http://www.opengis.net/gml\" gml:id=\"a\">"
	    "<gml:beginPosition>2004-02</gml:beginPosition><gml:endPosition>2004-02</gml:endPosition>"
	    "</gml:TimePeriod></gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement>";
	ident = extent("", ym);
	doc = record("r_toscan:a", ident, NULL);
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "\"2004-02\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> ."));
	ck_assert(!has(&s, "\"2004-02\"^^<http://www.w3.org/2001/XMLSchema#date>"));
	ck_assert(has(&s, "<http://dati.gov.it/onto/dcatapit#startDate> \"2004-02-01\"^^"));
	ck_assert(has(&s, "<http://dati.gov.it/onto/dcatapit#endDate> \"2004-02-29\"^^"));
	dcatit_buf_release(&s.out);
	free(doc);
	free(ident);
}
END_TEST

static char *crs(const char *code, const char *west, const char *east)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_addf(&b,
	    "<gmd:referenceSystemInfo><gmd:MD_ReferenceSystem><gmd:referenceSystemIdentifier>"
	    "<gmd:RS_Identifier><gmd:code><gco:CharacterString>%s</gco:CharacterString></gmd:code>"
	    "</gmd:RS_Identifier></gmd:referenceSystemIdentifier></gmd:MD_ReferenceSystem>"
	    "</gmd:referenceSystemInfo>", code);
	char *t = dcatit_buf_detach(&b);
	dcatit_buf_init(&b);
	dcatit_buf_addf(&b,
	    "<gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>"
	    "<gmd:westBoundLongitude><gco:Decimal>%s</gco:Decimal></gmd:westBoundLongitude>"
	    "<gmd:eastBoundLongitude><gco:Decimal>%s</gco:Decimal></gmd:eastBoundLongitude>"
	    "<gmd:southBoundLatitude><gco:Decimal>42</gco:Decimal></gmd:southBoundLatitude>"
	    "<gmd:northBoundLatitude><gco:Decimal>44</gco:Decimal></gmd:northBoundLatitude>"
	    "</gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></gmd:extent>",
	    west, east);
	char *ident = dcatit_buf_detach(&b);
	/* referenceSystemInfo comes before identificationInfo in a record */
	dcatit_buf_init(&b);
	dcatit_buf_addf(&b,
	    "<gmd:MD_Metadata " GMD ">"
	    "<gmd:fileIdentifier><gco:CharacterString>r_toscan:a</gco:CharacterString></gmd:fileIdentifier>"
	    "%s<gmd:identificationInfo><gmd:MD_DataIdentification>%s"
	    "</gmd:MD_DataIdentification></gmd:identificationInfo></gmd:MD_Metadata>", t, ident);
	free(t);
	free(ident);
	return dcatit_buf_detach(&b);
}

START_TEST(rndt_reference_system_names_become_epsg_iris)
{
	const char *cases[][4] = {
		{"ROMA40/OVEST", "10", "11", "3003"}, {"Roma40/Est", "15", "16", "3004"},
		{"ETRS89/UTM 32N", "10", "11", "25832"}, {"ETRS89/UTM-zone33N", "15", "16", "25833"},
		{"RDN2008/TM32", "10", "11", "6707"}, {"WGS84", "10", "11", "4326"},
		{"Gauss-Boaga Fuso Est", "10", "11", "3004"},
		/* no zone named: the box says which (Tuscany is west of 12 E) */
		{"Gauss-Boaga", "9.7", "12.4", "3003"}, {"Gauss-Boaga", "12.6", "15", "3004"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *doc = crs(cases[i][0], cases[i][1], cases[i][2]);
		char want[128];
		snprintf(want, sizeof want, "<" DCT "conformsTo> <http://www.opengis.net/def/crs/EPSG/0/%s> .",
		         cases[i][3]);
		Sink s;
		DcatitDiag d;
		ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
		ck_assert_msg(has(&s, want), "%s -> %s", cases[i][0], cases[i][3]);
		dcatit_buf_release(&s.out);
		free(doc);
	}
	/* across both zones a bare Gauss-Boaga names none */
	char *doc = crs("Gauss-Boaga", "9", "16");
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(!has(&s, "EPSG/0/300"));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(the_ipa_prefixed_resource_identifier_is_the_identifier)
{
	const char *cit =
	    "<gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>T</gco:CharacterString></gmd:title>"
	    "<gmd:identifier><gmd:MD_Identifier><gmd:code><gco:CharacterString>r_toscan:ctr10k"
	    "</gco:CharacterString></gmd:code></gmd:MD_Identifier></gmd:identifier>"
	    "</gmd:CI_Citation></gmd:citation>";
	char *doc = record("r_toscan:0a1b-22", cit, NULL);
	DcatitIsoOpts o = { .base_iri = "https://h.example/" };
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<https://h.example/r_toscan%3A0a1b-22> <" DCT "identifier> \"r_toscan:ctr10k\" ."));
	/* the fileIdentifier identifies the metadata record */
	ck_assert(has(&s, "<https://h.example/r_toscan%3A0a1b-22#record> <" DCT "identifier> "
	                  "\"r_toscan:0a1b-22\" ."));
	dcatit_buf_release(&s.out);
	free(doc);
	/* no IPA code at all: the resource identifier, as GeoDCAT-AP */
	const char *uri =
	    "<gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>T</gco:CharacterString></gmd:title>"
	    "<gmd:identifier><gmd:MD_Identifier><gmd:code><gco:CharacterString>https://id.example/ds/1"
	    "</gco:CharacterString></gmd:code></gmd:MD_Identifier></gmd:identifier>"
	    "</gmd:CI_Citation></gmd:citation>";
	doc = record("0a1b-22", uri, NULL);
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<" DCT "identifier> \"https://id.example/ds/1\"^^<http://www.w3.org/2001/XMLSchema#anyURI> ."));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(bounding_box_is_a_closed_crs84_polygon)
{
	const char *bb =
	    "<gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>"
	    "<gmd:westBoundLongitude><gco:Decimal>9.68</gco:Decimal></gmd:westBoundLongitude>"
	    "<gmd:eastBoundLongitude><gco:Decimal>12.37</gco:Decimal></gmd:eastBoundLongitude>"
	    "<gmd:southBoundLatitude><gco:Decimal>42.23</gco:Decimal></gmd:southBoundLatitude>"
	    "<gmd:northBoundLatitude><gco:Decimal>44.47</gco:Decimal></gmd:northBoundLatitude>"
	    "</gmd:EX_GeographicBoundingBox></gmd:geographicElement>"
	    "<gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent>"
	    "<gml:TimePeriod xmlns:gml=\"http://www.opengis.net/gml\" gml:id=\"t\">"
	    "<gml:beginPosition>2018-01-01</gml:beginPosition><gml:endPosition/>"
	    "</gml:TimePeriod></gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement>"
	    "</gmd:EX_Extent></gmd:extent>";
	char *doc = record("r_toscan:a", bb, NULL);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<" DCAT "bbox> \"POLYGON((9.68 42.23,12.37 42.23,12.37 44.47,"
	                  "9.68 44.47,9.68 42.23))\"^^<http://www.opengis.net/ont/geosparql#wktLiteral> ."));
	ck_assert(has(&s, "<http://www.w3.org/ns/locn#geometry> \"POLYGON("));
	ck_assert(has(&s, "<http://dati.gov.it/onto/dcatapit#startDate> \"2018-01-01\"^^"));
	ck_assert(!has(&s, "endDate"));
	dcatit_buf_release(&s.out);
	free(doc);
	/* a latitude out of range gives no geometry at all */
	char *bad = strdup(bb);
	char *p = strstr(bad, "44.47");
	memcpy(p, "94.47", 5);
	doc = record("r_toscan:a", bad, NULL);
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(!has(&s, "POLYGON"));
	dcatit_buf_release(&s.out);
	free(doc);
	free(bad);
}
END_TEST

START_TEST(dates_are_typed_and_bad_dates_dropped)
{
	const char *cit =
	    "<gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>T</gco:CharacterString></gmd:title>"
	    "<gmd:date><gmd:CI_Date><gmd:date><gco:Date>20080415</gco:Date></gmd:date>"
	    "<gmd:dateType><gmd:CI_DateTypeCode codeList=\"x\" codeListValue=\"creation\"/></gmd:dateType></gmd:CI_Date></gmd:date>"
	    "<gmd:date><gmd:CI_Date><gmd:date><gco:DateTime>2020-02-30T10:00:00</gco:DateTime></gmd:date>"
	    "<gmd:dateType><gmd:CI_DateTypeCode codeList=\"x\" codeListValue=\"revision\"/></gmd:dateType></gmd:CI_Date></gmd:date>"
	    "<gmd:date><gmd:CI_Date><gmd:date><gco:DateTime>2021-03-04T05:06:07Z</gco:DateTime></gmd:date>"
	    "<gmd:dateType><gmd:CI_DateTypeCode codeList=\"x\" codeListValue=\"revision\"/></gmd:dateType></gmd:CI_Date></gmd:date>"
	    "<gmd:date><gmd:CI_Date><gmd:date><gco:Date>2019</gco:Date></gmd:date>"
	    "<gmd:dateType><gmd:CI_DateTypeCode codeList=\"x\" codeListValue=\"publication\"/></gmd:dateType></gmd:CI_Date></gmd:date>"
	    "</gmd:CI_Citation></gmd:citation>";
	char *doc = record("r_toscan:a", cit, NULL);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	/* a creation date is dct:created, never dct:issued (no publication
	 * date here: no dct:issued at all) */
	ck_assert(has(&s, "<" DCT "created> \"2008-04-15\"^^<http://www.w3.org/2001/XMLSchema#date> ."));
	ck_assert(!has(&s, "<" DCT "issued>"));
	/* the latest revision wins; the two-day February is not a later one
	 * because it is no date at all... */
	ck_assert(has(&s, "<" DCT "modified> \"2021-03-04T05:06:07Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> ."));
	ck_assert(has(&s, "<" DCT "title> \"T\"@it ."));
	ck_assert(!has(&s, "\"2019\""));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(known_licences_become_vocabulary_iris)
{
	const char *texts[][2] = {
		{"Creative Commons CC BY 4.0", "A21_CCBY40"},
		{"Licenza IODL 2.0", "A29_IODL20"},
		{"https://creativecommons.org/publicdomain/zero/1.0/", "A11_CCO10"},
		{"CC BY-SA 4.0", "A31_CCBYSA40"},
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		char ident[512], tail[1024], want[256];
		snprintf(ident, sizeof ident,
		         "<gmd:resourceConstraints><gmd:MD_LegalConstraints>"
		         "<gmd:useConstraints><gmd:MD_RestrictionCode codeList=\"x\" codeListValue=\"otherRestrictions\"/></gmd:useConstraints>"
		         "<gmd:otherConstraints><gco:CharacterString>%s</gco:CharacterString></gmd:otherConstraints>"
		         "</gmd:MD_LegalConstraints></gmd:resourceConstraints>", texts[i][0]);
		snprintf(tail, sizeof tail,
		         "<gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions>"
		         "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://d.example/f.zip</gmd:URL></gmd:linkage>"
		         "<gmd:function><gmd:CI_OnLineFunctionCode codeList=\"x\" codeListValue=\"download\"/></gmd:function>"
		         "</gmd:CI_OnlineResource></gmd:onLine></gmd:MD_DigitalTransferOptions></gmd:transferOptions>"
		         "</gmd:MD_Distribution></gmd:distributionInfo>");
		snprintf(want, sizeof want, "<" DCT "license> <https://w3id.org/italia/controlled-vocabulary/licences/%s> .",
		         texts[i][1]);
		char *doc = record("r_toscan:a", ident, tail);
		Sink s;
		DcatitDiag d;
		ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
		ck_assert_msg(has(&s, want), "%s", texts[i][0]);
		ck_assert(has(&s, "<" DCAT "downloadURL> <https://d.example/f.zip> ."));
		dcatit_buf_release(&s.out);
		free(doc);
	}
}
END_TEST

START_TEST(ogc_links_become_data_services)
{
	const char *tail =
	    "<gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions>"
	    "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://w.example/wms?service=WMS</gmd:URL></gmd:linkage>"
	    "<gmd:protocol><gco:CharacterString>OGC:WMS-1.3.0-http-get-map</gco:CharacterString></gmd:protocol>"
	    "</gmd:CI_OnlineResource></gmd:onLine>"
	    "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://w.example/info</gmd:URL></gmd:linkage>"
	    "<gmd:function><gmd:CI_OnLineFunctionCode codeList=\"x\" codeListValue=\"information\"/></gmd:function>"
	    "</gmd:CI_OnlineResource></gmd:onLine>"
	    "</gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>";
	char *doc = record("r_toscan:a", NULL, tail);
	DcatitIsoOpts o = { .base_iri = "https://h.example/" };
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<https://h.example/r_toscan%3Aa/distribution/1> <" DCAT "accessService> <https://h.example/r_toscan%3Aa/service/1> ."));
	ck_assert(has(&s, "<https://h.example/r_toscan%3Aa/service/1> <" DCT "conformsTo> <http://www.opengis.net/def/serviceType/ogc/wms> ."));
	/* the endpoint is the service root, not a request */
	ck_assert(has(&s, "<https://h.example/r_toscan%3Aa/service/1> <" DCAT "endpointURL> <https://w.example/wms> ."));
	ck_assert(!has(&s, "endpointDescription"));
	ck_assert(has(&s, "<" AUTH "file-type/WMS_SRVC> ."));
	ck_assert(has(&s, "<" AUTH "file-type/WMS_SRVC> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
	                  "<" DCT "MediaTypeOrExtent> ."));
	ck_assert(has(&s, "<http://xmlns.com/foaf/0.1/page> <https://w.example/info> ."));
	ck_assert(!has(&s, "distribution/2"));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(publication_creation_and_revision_dates_keep_their_meaning)
{
	const char *cit =
	    "<gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>T</gco:CharacterString></gmd:title>"
	    "<gmd:date><gmd:CI_Date><gmd:date><gco:Date>2012-06-01</gco:Date></gmd:date>"
	    "<gmd:dateType><gmd:CI_DateTypeCode codeList=\"x\" codeListValue=\"publication\"/></gmd:dateType></gmd:CI_Date></gmd:date>"
	    "<gmd:date><gmd:CI_Date><gmd:date><gco:Date>2008-04-15</gco:Date></gmd:date>"
	    "<gmd:dateType><gmd:CI_DateTypeCode codeList=\"x\" codeListValue=\"creation\"/></gmd:dateType></gmd:CI_Date></gmd:date>"
	    "<gmd:date><gmd:CI_Date><gmd:date><gco:Date>2020-01-31</gco:Date></gmd:date>"
	    "<gmd:dateType><gmd:CI_DateTypeCode codeList=\"x\" codeListValue=\"revision\"/></gmd:dateType></gmd:CI_Date></gmd:date>"
	    "</gmd:CI_Citation></gmd:citation>";
	char *doc = record("r_toscan:a", cit, NULL);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<" DCT "issued> \"2012-06-01\"^^<http://www.w3.org/2001/XMLSchema#date> ."));
	ck_assert(has(&s, "<" DCT "created> \"2008-04-15\"^^<http://www.w3.org/2001/XMLSchema#date> ."));
	ck_assert(has(&s, "<" DCT "modified> \"2020-01-31\"^^<http://www.w3.org/2001/XMLSchema#date> ."));
	ck_assert(!has(&s, "<" DCT "issued> \"2008"));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(get_capabilities_is_the_endpoint_description_of_the_service_root)
{
	const char *tail =
	    "<gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions>"
	    "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>"
	    "https://g.example/ows?service=WFS&amp;version=2.0.0&amp;request=GetCapabilities</gmd:URL></gmd:linkage>"
	    "<gmd:protocol><gco:CharacterString>OGC:WFS</gco:CharacterString></gmd:protocol>"
	    "</gmd:CI_OnlineResource></gmd:onLine>"
	    "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>"
	    "https://m.example/cgi-bin/mapserv?map=/srv/a.map&amp;SERVICE=WMS&amp;REQUEST=getcapabilities</gmd:URL></gmd:linkage>"
	    "<gmd:protocol><gco:CharacterString>OGC:WMS</gco:CharacterString></gmd:protocol>"
	    "</gmd:CI_OnlineResource></gmd:onLine>"
	    "</gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>";
	char *doc = record("r_toscan:a", NULL, tail);
	DcatitIsoOpts o = { .base_iri = "https://h.example/" };
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
	const char *svc = "<https://h.example/r_toscan%3Aa/service/1> <" DCAT;
	char want[512];
	snprintf(want, sizeof want, "%sendpointURL> <https://g.example/ows> .", svc);
	ck_assert_msg(has(&s, want), "%s", s.out.data);
	snprintf(want, sizeof want, "%sendpointDescription> <https://g.example/ows?"
	         "service=WFS&version=2.0.0&request=GetCapabilities> .", svc);
	ck_assert(has(&s, want));
	/* the distribution still links to what the record gives */
	ck_assert(has(&s, "<" DCAT "accessURL> <https://g.example/ows?service=WFS&version=2.0.0&request=GetCapabilities> ."));
	/* vendor parameters name the service and stay in the root */
	ck_assert(has(&s, "<" DCAT "endpointURL> <https://m.example/cgi-bin/mapserv?map=/srv/a.map> ."));
	ck_assert(has(&s, "<" DCAT "endpointDescription> <https://m.example/cgi-bin/mapserv?"
	              "map=/srv/a.map&SERVICE=WMS&REQUEST=getcapabilities> ."));
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(csw_response_gives_one_callback_per_record)
{
	const char *doc =
	    "<csw:GetRecordsResponse xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\">"
	    "<csw:SearchResults numberOfRecordsMatched=\"3\" numberOfRecordsReturned=\"3\" nextRecord=\"0\">"
	    "<gmd:MD_Metadata " GMD "><gmd:fileIdentifier><gco:CharacterString>a</gco:CharacterString></gmd:fileIdentifier></gmd:MD_Metadata>"
	    "<csw:Record><dc:identifier xmlns:dc=\"http://purl.org/dc/elements/1.1/\">dc</dc:identifier></csw:Record>"
	    "<gmi:MI_Metadata xmlns:gmi=\"http://www.isotc211.org/2005/gmi\" " GMD "><gmd:fileIdentifier><gco:CharacterString>b</gco:CharacterString></gmd:fileIdentifier></gmi:MI_Metadata>"
	    "</csw:SearchResults></csw:GetRecordsResponse>";
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert_int_eq(s.calls, 2);
	ck_assert(has(&s, "# a\n") && has(&s, "# b\n"));
	dcatit_buf_release(&s.out);
	/* a callback error stops the mapping and is returned */
	memset(&s, 0, sizeof s);
	dcatit_buf_init(&s.out);
	s.fail_at = 1;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_iso_read(doc, strlen(doc), "t.xml", NULL, NULL, sink, &s, &d),
	                 DCATIT_ERR_IO);
	ck_assert_int_eq(s.calls, 1);
	dcatit_buf_release(&s.out);
}
END_TEST

START_TEST(record_without_file_identifier_gets_a_content_id)
{
	const char *ident = "<gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>T</gco:CharacterString>"
	                    "</gmd:title></gmd:CI_Citation></gmd:citation>";
	char *doc = record("", ident, NULL);
	Sink s, s2;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "# nofileid-"));
	ck_assert(!has(&s, "<" DCT "identifier>"));
	/* the dataset is a blank node */
	const char *t = strstr(s.out.data, " <" DCT "title> \"T\"@it .");
	ck_assert(t != NULL);
	while (t > s.out.data && t[-1] != '\n')
		t--;
	ck_assert(strncmp(t, "_:c", 3) == 0);
	ck_assert_int_eq(map(doc, NULL, &s2, &d), DCATIT_OK);
	ck_assert_str_eq(s.out.data, s2.out.data);
	dcatit_buf_release(&s.out);
	dcatit_buf_release(&s2.out);
	free(doc);
}
END_TEST

/* The `iso:` key of catalogue records names the resource itself. */
START_TEST(a_given_resource_iri_names_the_resource_and_its_parts)
{
	const char *tail =
	    "<gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions>"
	    "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://w.example/a.zip</gmd:URL></gmd:linkage>"
	    "<gmd:function><gmd:CI_OnLineFunctionCode codeList=\"x\" codeListValue=\"download\"/></gmd:function>"
	    "</gmd:CI_OnlineResource></gmd:onLine>"
	    "</gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>";
	const char *fids[2] = { "r_toscan:a", "" };
	for (int i = 0; i < 2; i++) {
		char *doc = record(fids[i], NULL, tail);
		DcatitIsoOpts o = { .base_iri = "https://h.example/",
		                    .resource_iri = "https://c.example/dataset/x" };
		Sink s;
		DcatitDiag d;
		ck_assert_int_eq(map(doc, &o, &s, &d), DCATIT_OK);
		ck_assert(has(&s, "<https://c.example/dataset/x> <" DCAT "distribution> "
		                  "<https://c.example/dataset/x/distribution/1> ."));
		ck_assert(has(&s, "<https://c.example/dataset/x#record> <http://xmlns.com/foaf/0.1/"
		                  "primaryTopic> <https://c.example/dataset/x> ."));
		ck_assert(!has(&s, "https://h.example/"));
		dcatit_buf_release(&s.out);
		free(doc);
	}
}
END_TEST

START_TEST(reading_a_file_maps_it_and_a_missing_file_is_an_io_error)
{
	char path[] = "/tmp/dcatit-iso-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	char *doc = record("r_toscan:f", NULL, NULL);
	ck_assert_int_eq(write(fd, doc, strlen(doc)), (ssize_t)strlen(doc));
	close(fd);
	Sink s;
	memset(&s, 0, sizeof s);
	dcatit_buf_init(&s.out);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_iso_read_file(path, "shown.xml", NULL, NULL, sink, &s, &d),
	                 DCATIT_OK);
	ck_assert_int_eq(s.calls, 1);
	ck_assert(has(&s, "# r_toscan:f"));
	unlink(path);
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_iso_read_file(path, "shown.xml", NULL, NULL, sink, &s, &d),
	                 DCATIT_ERR_IO);
	ck_assert(strstr(d.message, "cannot read 'shown.xml'") != NULL);
	ck_assert_int_eq(s.calls, 1);
	dcatit_buf_release(&s.out);
	free(doc);
}
END_TEST

START_TEST(malformed_xml_is_located)
{
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map("<gmd:MD_Metadata " GMD ">\n<gmd:fileIdentifier>\n</gmd:MD_Metadata>\n",
	                     NULL, &s, &d), DCATIT_ERR_SYNTAX);
	ck_assert_str_eq(d.file, "t.xml");
	ck_assert_uint_eq(d.line, 3);
	ck_assert(strstr(d.message, "malformed XML") != NULL);
	ck_assert_int_eq(s.calls, 0);
	dcatit_buf_release(&s.out);
}
END_TEST

START_TEST(invalid_utf8_is_a_located_error)
{
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gmd:MD_Metadata " GMD ">\n"
	                     "<gmd:fileIdentifier><gco:CharacterString>a\xff\xfe"
	                     "</gco:CharacterString></gmd:fileIdentifier></gmd:MD_Metadata>\n",
	                     NULL, &s, &d), DCATIT_ERR_SYNTAX);
	ck_assert_uint_eq(d.line, 3);
	ck_assert(strstr(d.message, "malformed XML") != NULL);
	ck_assert_int_eq(s.calls, 0);
	dcatit_buf_release(&s.out);
}
END_TEST

START_TEST(billion_laughs_fails_without_expanding)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY l0 \"lol\">\n");
	for (int i = 1; i < 10; i++) {
		dcatit_buf_addf(&b, "<!ENTITY l%d \"", i);
		for (int k = 0; k < 10; k++)
			dcatit_buf_addf(&b, "&l%d;", i - 1);
		dcatit_buf_adds(&b, "\">\n");
	}
	dcatit_buf_adds(&b, "]>\n<gmd:MD_Metadata " GMD "><gmd:fileIdentifier><gco:CharacterString>"
	                    "&l9;</gco:CharacterString></gmd:fileIdentifier></gmd:MD_Metadata>\n");
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(b.data, NULL, &s, &d), DCATIT_ERR_SYNTAX);
	ck_assert_int_eq(s.calls, 0);
	ck_assert(strstr(d.message, "entit") != NULL);
	dcatit_buf_release(&s.out);
	dcatit_buf_release(&b);
}
END_TEST

START_TEST(external_entities_are_never_read)
{
	char path[] = "/tmp/csw-canary-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "CANARY-7731", 11), 11);
	close(fd);
	char doc[1024];
	snprintf(doc, sizeof doc,
	         "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY x SYSTEM \"file://%s\"> ]>\n"
	         "<gmd:MD_Metadata " GMD "><gmd:fileIdentifier><gco:CharacterString>&x;"
	         "</gco:CharacterString></gmd:fileIdentifier></gmd:MD_Metadata>\n", path);
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_ERR_SYNTAX);
	ck_assert(strstr(d.message, "CANARY") == NULL);
	ck_assert(!has(&s, "CANARY"));
	ck_assert_int_eq(s.calls, 0);
	ck_assert_uint_eq(d.line, 2);
	unlink(path);
	dcatit_buf_release(&s.out);
}
END_TEST

START_TEST(exception_report_and_other_roots_are_errors)
{
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map("<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows\">"
	                     "<ows:Exception exceptionCode=\"NoApplicableCode\">"
	                     "<ows:ExceptionText>boom</ows:ExceptionText></ows:Exception>"
	                     "</ows:ExceptionReport>", NULL, &s, &d), DCATIT_ERR_REMOTE);
	ck_assert_str_eq(d.message, "CSW ExceptionReport: NoApplicableCode: boom");
	dcatit_buf_release(&s.out);
	ck_assert_int_eq(map("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>",
	                     NULL, &s, &d), DCATIT_ERR_UNSUPPORTED);
	dcatit_buf_release(&s.out);
}
END_TEST

START_TEST(sniffing_finds_iso_and_csw_roots)
{
	const char *yes[] = {
		"<?xml version=\"1.0\"?>\n<!-- c -->\n<gmd:MD_Metadata xmlns:gmd=\"x\">",
		"<MD_Metadata>", "<csw:GetRecordsResponse>", "<gmi:MI_Metadata/>",
		"\xEF\xBB\xBF<csw:GetRecordByIdResponse xmlns:csw=\"x\">",
	};
	const char *no[] = { "<rdf:RDF>", "@prefix x: <y> .", "", "<html>", "<gmd:MD_MetadataX>" };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		ck_assert_msg(dcatit_iso_is_iso_xml(yes[i], strlen(yes[i])), "%s", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		ck_assert_msg(!dcatit_iso_is_iso_xml(no[i], strlen(no[i])), "%s", no[i]);
}
END_TEST

/* The pairs (subject suffix after sprefix, object suffix after oprefix) of
 * the triples with predicate pred in an alignment file of tests/iso. */
typedef struct {
	char a[128][64], b[128][64];
	size_t n;
} Pairs;

static void alignment(const char *file, const char *pred, const char *sprefix,
                      const char *oprefix, Pairs *out)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/iso/alignments/%s", DCATIT_SRCDIR, file);
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_msg(dcatit_rdfio_parse_file(m, path, &po, &d) == DCATIT_OK, "%s", d.message);
	out->n = 0;
	for (size_t i = 0; i < dcatit_model_size(m); i++) {
		const DcatitTriple *tr = dcatit_model_triple(m, i);
		const char *p = dcatit_terms_str(t, tr->p);
		const char *s = dcatit_terms_str(t, tr->s);
		const char *o = dcatit_terms_str(t, tr->o);
		if (strcmp(p, pred) != 0 || strncmp(s, sprefix, strlen(sprefix)) != 0 ||
		    strncmp(o, oprefix, strlen(oprefix)) != 0)
			continue;
		ck_assert(out->n < 128);
		snprintf(out->a[out->n], 64, "%s", s + strlen(sprefix));
		snprintf(out->b[out->n], 64, "%s", o + strlen(oprefix));
		out->n++;
	}
	ck_assert(out->n > 10);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}

#define SKOS "http://www.w3.org/2004/02/skos/core#"

START_TEST(media_types_follow_the_semic_alignment)
{
	static Pairs al;
	alignment("inspire-media-types-to-mdr-file-types.rdf", SKOS "exactMatch",
	          "http://inspire.ec.europa.eu/media-types/", AUTH "file-type/", &al);
	size_t used = 0;
	for (size_t i = 0; i < al.n; i++) {
		if (strcmp(al.b[i], "??") == 0) {
			/* the alignment has no file type for it: nor do we */
			ck_assert_msg(!iso_media_filetype(al.a[i]), "%s", al.a[i]);
			continue;
		}
		const char *ft = iso_media_filetype(al.a[i]);
		ck_assert_msg(ft && strcmp(ft, al.b[i]) == 0, "%s -> %s, table says %s", al.a[i],
		              al.b[i], ft ? ft : "nothing");
		used++;
	}
	/* and the table has nothing the alignment does not say */
	const char *type, *ft;
	for (size_t i = 0; iso_media_at(i, &type, &ft); i++) {
		bool found = false;
		for (size_t k = 0; k < al.n && !found; k++)
			found = strcmp(al.a[k], type) == 0 && strcmp(al.b[k], ft) == 0;
		ck_assert_msg(found, "%s -> %s is not in the alignment", type, ft);
	}
	ck_assert(used > 15);
}
END_TEST

START_TEST(inspire_themes_follow_the_semic_alignment)
{
	static Pairs al;
	alignment("inspire-themes-to-mdr-data-themes.rdf", SKOS "broadMatch",
	          "http://inspire.ec.europa.eu/theme/", AUTH "data-theme/", &al);
	for (size_t i = 0; i < al.n; i++) {
		char href[128];
		snprintf(href, sizeof href, "http://inspire.ec.europa.eu/theme/%s", al.a[i]);
		const IsoInspire *it = iso_find_inspire(NULL, href);
		ck_assert_msg(it != NULL, "%s", href);
		ck_assert_msg(strstr(it->themes, al.b[i]) != NULL, "%s -> %s, table says %s",
		              al.a[i], al.b[i], it->themes);
	}
	const IsoInspire *it;
	for (size_t i = 0; (it = iso_inspire_at(i)) != NULL; i++) {
		char themes[64];
		snprintf(themes, sizeof themes, "%s", it->themes);
		for (char *tok = themes, *sp; tok && *tok; tok = sp ? sp + 1 : NULL) {
			sp = strchr(tok, ' ');
			if (sp)
				*sp = '\0';
			bool found = false;
			for (size_t k = 0; k < al.n && !found; k++)
				found = strcmp(al.a[k], it->code) == 0 && strcmp(al.b[k], tok) == 0;
			ck_assert_msg(found, "%s -> %s is not in the alignment", it->code, tok);
		}
	}
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("iso");
	TCase *tc = tcase_create("map");
	tcase_add_test(tc, biannually_is_twice_a_year_not_biennial);
	tcase_add_test(tc, frequency_codes_map_to_the_eu_table);
	tcase_add_test(tc, rndt_file_identifier_is_the_identifier_and_names_the_holder);
	tcase_add_test(tc, plain_identifier_takes_the_configured_holder_code);
	tcase_add_test(tc, agents_follow_their_roles);
	tcase_add_test(tc, distributor_contacts_are_attributed_as_distributors);
	tcase_add_test(tc, phones_become_tel_iris_only_in_international_form);
	tcase_add_test(tc, the_metadata_contact_is_the_catalogue_records);
	tcase_add_test(tc, free_text_translations_are_tagged_literals);
	tcase_add_test(tc, anchored_keywords_keep_their_concepts_and_thesaurus);
	tcase_add_test(tc, conformity_results_give_conforms_to_and_their_degree);
	tcase_add_test(tc, spatial_resolution_as_distance_and_as_scale);
	tcase_add_test(tc, formats_media_types_and_sizes_go_to_the_right_distributions);
	tcase_add_test(tc, series_and_services_say_what_they_are);
	tcase_add_test(tc, geographic_identifiers_name_the_location);
	tcase_add_test(tc, temporal_extents_keep_years_and_months);
	tcase_add_test(tc, rndt_reference_system_names_become_epsg_iris);
	tcase_add_test(tc, the_ipa_prefixed_resource_identifier_is_the_identifier);
	tcase_add_test(tc, bounding_box_is_a_closed_crs84_polygon);
	tcase_add_test(tc, dates_are_typed_and_bad_dates_dropped);
	tcase_add_test(tc, known_licences_become_vocabulary_iris);
	tcase_add_test(tc, ogc_links_become_data_services);
	tcase_add_test(tc, publication_creation_and_revision_dates_keep_their_meaning);
	tcase_add_test(tc, get_capabilities_is_the_endpoint_description_of_the_service_root);
	tcase_add_test(tc, csw_response_gives_one_callback_per_record);
	tcase_add_test(tc, record_without_file_identifier_gets_a_content_id);
	tcase_add_test(tc, a_given_resource_iri_names_the_resource_and_its_parts);
	tcase_add_test(tc, reading_a_file_maps_it_and_a_missing_file_is_an_io_error);
	tcase_add_test(tc, malformed_xml_is_located);
	tcase_add_test(tc, invalid_utf8_is_a_located_error);
	tcase_add_test(tc, billion_laughs_fails_without_expanding);
	tcase_add_test(tc, external_entities_are_never_read);
	tcase_add_test(tc, exception_report_and_other_roots_are_errors);
	tcase_add_test(tc, sniffing_finds_iso_and_csw_roots);
	suite_add_tcase(s, tc);
	TCase *codes = tcase_create("codes");
	tcase_add_test(codes, media_types_follow_the_semic_alignment);
	tcase_add_test(codes, inspire_themes_follow_the_semic_alignment);
	suite_add_tcase(s, codes);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(suite());
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
