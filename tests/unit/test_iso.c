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
#include "rdf/canon.h"

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
	Sink s;
	DcatitDiag d;
	ck_assert_int_eq(map(doc, NULL, &s, &d), DCATIT_OK);
	ck_assert(has(&s, "<http://www.w3.org/2006/vcard/ns#fn> \"Ufficio SIT\" ."));
	ck_assert(has(&s, "<http://www.w3.org/2006/vcard/ns#hasEmail> <mailto:sit@example.it> ."));
	ck_assert(has(&s, "<http://xmlns.com/foaf/0.1/name> \"Regione Toscana\" ."));
	/* the owner, not the custodian, is the rights holder (code from the
	 * fileIdentifier) */
	ck_assert(has(&s, "<http://xmlns.com/foaf/0.1/name> \"Proprietario\" ."));
	ck_assert(!has(&s, "\"Custode\""));
	ck_assert(has(&s, "<http://xmlns.com/foaf/0.1/name> \"Autore\" ."));
	ck_assert(!has(&s, "Distributore"));
	ck_assert(has(&s, "<" DCT "creator>"));
	ck_assert(has(&s, "<" DCT "publisher>"));
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
	ck_assert(has(&s, "_:c0 <" DCT "title> \"T\"@it ."));
	ck_assert_int_eq(map(doc, NULL, &s2, &d), DCATIT_OK);
	ck_assert_str_eq(s.out.data, s2.out.data);
	dcatit_buf_release(&s.out);
	dcatit_buf_release(&s2.out);
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

static Suite *suite(void)
{
	Suite *s = suite_create("iso");
	TCase *tc = tcase_create("map");
	tcase_add_test(tc, biannually_is_twice_a_year_not_biennial);
	tcase_add_test(tc, frequency_codes_map_to_the_eu_table);
	tcase_add_test(tc, rndt_file_identifier_is_the_identifier_and_names_the_holder);
	tcase_add_test(tc, plain_identifier_takes_the_configured_holder_code);
	tcase_add_test(tc, agents_follow_their_roles);
	tcase_add_test(tc, bounding_box_is_a_closed_crs84_polygon);
	tcase_add_test(tc, dates_are_typed_and_bad_dates_dropped);
	tcase_add_test(tc, known_licences_become_vocabulary_iris);
	tcase_add_test(tc, ogc_links_become_data_services);
	tcase_add_test(tc, publication_creation_and_revision_dates_keep_their_meaning);
	tcase_add_test(tc, get_capabilities_is_the_endpoint_description_of_the_service_root);
	tcase_add_test(tc, csw_response_gives_one_callback_per_record);
	tcase_add_test(tc, record_without_file_identifier_gets_a_content_id);
	tcase_add_test(tc, malformed_xml_is_located);
	tcase_add_test(tc, invalid_utf8_is_a_located_error);
	tcase_add_test(tc, billion_laughs_fails_without_expanding);
	tcase_add_test(tc, external_entities_are_never_read);
	tcase_add_test(tc, exception_report_and_other_roots_are_errors);
	tcase_add_test(tc, sniffing_finds_iso_and_csw_roots);
	suite_add_tcase(s, tc);
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
