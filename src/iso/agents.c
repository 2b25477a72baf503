/* agents.c: the responsible parties of an ISO record by their role. For
 * DCAT-AP_IT: the publisher, the rights holder (owner, else custodian), the
 * creators (author, originator) as dcatapit:Agent with their IPA code, and
 * the contact points as vCard organisations. For GeoDCAT-AP: every party
 * with its role as a prov:qualifiedAttribution, the roles DCAT has no
 * property for as geodcatap:custodian, :distributor..., and the metadata
 * point of contact on the catalogue record. */
#include "iso/internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"

/* What a CI_ResponsibleParty says. */
typedef struct {
	const IsoNode *at;       /* the CI_ResponsibleParty */
	const char *role;
	const char *org, *ind;   /* organisation and individual names */
	const IsoNode *name_at;  /* the name element (with its translations) */
	const char *email, *url, *phone;
	const char *street, *city, *area, *postcode, *country;
} Party;

static void read_party(IsoMap *x, const IsoNode *rp, Party *p)
{
	memset(p, 0, sizeof *p);
	p->at = rp;
	p->role = iso_code(x, iso_xml_kid(rp, "role"));
	p->org = iso_prop(x, iso_xml_kid(rp, "organisationName"), ISO_WS_COLLAPSE);
	p->ind = iso_prop(x, iso_xml_kid(rp, "individualName"), ISO_WS_COLLAPSE);
	p->name_at = iso_xml_kid(rp, p->org ? "organisationName" : "individualName");
	const IsoNode *ci = iso_xml_path(rp, "contactInfo/CI_Contact");
	const IsoNode *ad = iso_xml_path(ci, "address/CI_Address");
	p->email = iso_prop(x, iso_xml_kid(ad, "electronicMailAddress"), ISO_WS_REMOVE);
	p->url = iso_prop(x, iso_xml_path(ci, "onlineResource/CI_OnlineResource/linkage"),
	                  ISO_WS_REMOVE);
	p->phone = iso_prop(x, iso_xml_path(ci, "phone/CI_Telephone/voice"), ISO_WS_COLLAPSE);
	p->street = iso_prop(x, iso_xml_kid(ad, "deliveryPoint"), ISO_WS_COLLAPSE);
	p->city = iso_prop(x, iso_xml_kid(ad, "city"), ISO_WS_COLLAPSE);
	p->area = iso_prop(x, iso_xml_kid(ad, "administrativeArea"), ISO_WS_COLLAPSE);
	p->postcode = iso_prop(x, iso_xml_kid(ad, "postalCode"), ISO_WS_COLLAPSE);
	p->country = iso_prop(x, iso_xml_kid(ad, "country"), ISO_WS_COLLAPSE);
}

/* <mailto:address>, 0 when the address makes no IRI. */
static DcatitTermId mailto(IsoMap *x, const char *email)
{
	if (!email)
		return 0;
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, "mailto:");
	dcatit_buf_adds(&b, email);
	DcatitTermId id = !b.oom && iso_iri_ok(b.data) ? dcatit_terms_iri(x->t, b.data, b.len) : 0;
	dcatit_buf_release(&b);
	return id;
}

/* <tel:+39...> for a number given in international form. A national number
 * ("0874 123456") makes no tel: IRI: the country it belongs to is not
 * written anywhere, and guessing it would make a wrong number. */
static DcatitTermId tel(IsoMap *x, const char *phone)
{
	if (!phone)
		return 0;
	const char *p = phone;
	bool plus = *p == '+';
	if (!plus && p[0] == '0' && p[1] == '0') { /* 0039 ... */
		plus = true;
		p += 2;
	} else if (plus) {
		p++;
	}
	if (!plus)
		return 0;
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, "tel:+");
	size_t digits = 0;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			dcatit_buf_addc(&b, *p);
			digits++;
		} else if (!strchr(" -./()", *p)) {
			break; /* an extension or a second number: not one number */
		}
	}
	DcatitTermId id = !*p && digits >= 6 && digits <= 15 && !b.oom
	                      ? dcatit_terms_iri(x->t, b.data, b.len) : 0;
	dcatit_buf_release(&b);
	return id;
}

/* The party's mailbox, phone and home page on the agent a. */
static void foaf_contacts(IsoMap *x, DcatitTermId a, const Party *p)
{
	DcatitTermId mb = mailto(x, p->email);
	if (mb)
		iso_add(x, a, x->v.foaf_mbox, mb, p->at);
	DcatitTermId ph = tel(x, p->phone);
	if (ph)
		iso_add(x, a, x->v.foaf_phone, ph, p->at);
	if (iso_http(p->url))
		iso_add(x, a, x->v.foaf_homepage, iso_iri(x, p->url), p->at);
}

/* A FOAF agent node for a party (GeoDCAT-AP): types, names with their
 * translations, mailbox, phone, home page, address. */
static DcatitTermId foaf_agent(IsoMap *x, const Party *p)
{
	DcatitTermId a = iso_bnode(x);
	iso_type2(x, a, x->v.prov_Agent, p->org ? x->v.foaf_Organization : x->v.foaf_Person,
	          p->at);
	iso_add_text(x, a, x->v.foaf_name, p->name_at, ISO_WS_COLLAPSE);
	foaf_contacts(x, a, p);
	if (p->street || p->city || p->area || p->postcode || p->country) {
		DcatitTermId ad = iso_bnode(x);
		iso_add(x, a, x->v.locn_address, ad, p->at);
		iso_add(x, ad, x->v.rdf_type, x->v.locn_Address, p->at);
		const char *vals[5] = { p->street, p->city, p->postcode, p->country, p->area };
		DcatitTermId props[5] = { x->v.locn_thoroughfare, x->v.locn_postName,
		                          x->v.locn_postCode, x->v.locn_adminUnitL1,
		                          x->v.locn_adminUnitL2 };
		for (int i = 0; i < 5; i++)
			if (vals[i])
				iso_add(x, ad, props[i], iso_lit(x, vals[i], NULL), p->at);
	}
	return a;
}

/* Has this party (name, e-mail) been written under key already? A party
 * repeated (as citedResponsibleParty and pointOfContact alike) would give
 * two nodes nothing tells apart. */
static bool repeated(IsoMap *x, const char *key, const Party *p)
{
	return !key || !iso_once(x, key, p->org ? p->org : p->ind, p->email);
}

/* s prov:qualifiedAttribution [ dcat:hadRole <role>; prov:agent [...] ]. */
static void attribution(IsoMap *x, DcatitTermId s, const Party *p)
{
	char key[64];
	snprintf(key, sizeof key, "%s %s", s == x->res ? "attr" : "md-attr", p->role);
	if (repeated(x, iso_pool_keep(&x->pool, dcatit_strdup(key)), p))
		return;
	DcatitTermId at = iso_bnode(x);
	DcatitTermId role = iso_iri2(x, ISO_NS_INSPIRE_CL "ResponsiblePartyRole/", p->role);
	iso_add(x, s, x->v.prov_qualifiedAttribution, at, p->at);
	iso_add(x, at, x->v.rdf_type, x->v.prov_Attribution, p->at);
	iso_add(x, at, x->v.dcat_hadRole, role, p->at);
	iso_type_iri(x, role, x->v.dcat_Role, p->at);
	iso_add(x, at, x->v.prov_agent, foaf_agent(x, p), p->at);
}

void iso_map_agent(IsoMap *x, DcatitTermId p, const char *role, const char *name,
                   const char *ipa, const IsoNode *at)
{
	for (size_t i = 0; i < x->nseen; i++)
		if (strcmp(x->seen[i].role, role) == 0 &&
		    ((name && x->seen[i].name && strcmp(x->seen[i].name, name) == 0) ||
		     (!name && !x->seen[i].name)))
			return;
	DcatitTermId a = iso_bnode(x);
	iso_add(x, x->res, p, a, at);
	iso_type2(x, a, x->v.foaf_Agent, x->v.dcatapit_Agent, at);
	/* one name (DCAT-AP_IT: exactly one foaf:name), in the metadata
	 * language; the translations are on the qualified attribution */
	if (name)
		iso_add(x, a, x->v.foaf_name, iso_lit(x, name, x->tag), at);
	if (ipa)
		iso_add(x, a, x->v.dct_identifier, iso_lit(x, ipa, NULL), at);
	if (x->nseen < sizeof x->seen / sizeof *x->seen)
		x->seen[x->nseen++] = (IsoSeen){ role, name, NULL, a };
}

/* The DCAT-AP_IT agent of a party, with what else the party says. */
static void dcatapit_agent(IsoMap *x, DcatitTermId prop, const char *role,
                           const Party *p, const char *ipa)
{
	const char *name = p->org ? p->org : p->ind;
	size_t before = x->nseen;
	iso_map_agent(x, prop, role, name, ipa, p->at);
	if (x->nseen == before)
		return; /* seen already */
	DcatitTermId a = x->seen[x->nseen - 1].node;
	iso_add(x, a, x->v.rdf_type, p->org ? x->v.foaf_Organization : x->v.foaf_Person, p->at);
	foaf_contacts(x, a, p);
}

/* A vCard contact point of s for a party; dcatapit: the DCAT-AP_IT type
 * to add, or 0. */
static void contact(IsoMap *x, DcatitTermId s, const Party *p, DcatitTermId dcatapit)
{
	const char *name = p->org ? p->org : p->ind;
	const char *key = dcatapit ? "pointOfContact" : "metadataContact";
	for (size_t i = 0; i < x->nseen; i++)
		if (strcmp(x->seen[i].role, key) == 0 &&
		    ((name && x->seen[i].name && strcmp(x->seen[i].name, name) == 0) ||
		     (!name && !x->seen[i].name)) &&
		    ((p->email && x->seen[i].email && strcmp(x->seen[i].email, p->email) == 0) ||
		     (!p->email && !x->seen[i].email)))
			return;
	const IsoNode *at = p->at;
	DcatitTermId c = iso_bnode(x);
	iso_add(x, s, x->v.dcat_contactPoint, c, at);
	iso_type2(x, c, x->v.vcard_Organization, x->v.vcard_Kind, at);
	if (dcatapit)
		iso_add(x, c, x->v.rdf_type, dcatapit, at);
	/* DCAT-AP_IT: one vcard:fn */
	if (name)
		iso_add(x, c, x->v.vcard_fn, iso_lit(x, name, x->tag), at);
	DcatitTermId mb = mailto(x, p->email);
	if (mb)
		iso_add(x, c, x->v.vcard_hasEmail, mb, at);
	if (p->url && iso_iri_ok(p->url))
		iso_add(x, c, x->v.vcard_hasURL, iso_iri(x, p->url), at);
	if (p->phone) {
		DcatitTermId t = iso_bnode(x);
		iso_add(x, c, x->v.vcard_hasTelephone, t, at);
		iso_add(x, t, x->v.rdf_type, x->v.vcard_TelephoneType, at);
		iso_add(x, t, x->v.vcard_value, iso_lit(x, p->phone, NULL), at);
	}
	if (p->street || p->city || p->area || p->postcode || p->country) {
		DcatitTermId ad = iso_bnode(x);
		iso_add(x, c, x->v.vcard_hasAddress, ad, at);
		iso_add(x, ad, x->v.rdf_type, x->v.vcard_Address, at);
		const char *vals[5] = { p->street, p->city, p->area, p->postcode, p->country };
		DcatitTermId props[5] = { x->v.vcard_street_address, x->v.vcard_locality,
		                          x->v.vcard_region, x->v.vcard_postal_code,
		                          x->v.vcard_country_name };
		for (int i = 0; i < 5; i++)
			if (vals[i])
				iso_add(x, ad, props[i], iso_lit(x, vals[i], NULL), at);
	}
	if (x->nseen < sizeof x->seen / sizeof *x->seen)
		x->seen[x->nseen++] = (IsoSeen){ key, name, p->email, c };
}

bool iso_has_role(IsoMap *x, const char *role)
{
	for (size_t i = 0; i < x->nseen; i++)
		if (strcmp(x->seen[i].role, role) == 0)
			return true;
	return false;
}

/* Is role one of ISO 19115's CI_RoleCode values (the INSPIRE register
 * has the same names)? */
static bool known_role(const char *role)
{
	static const char *const roles[] = { "resourceProvider", "custodian", "owner",
	                                     "user", "distributor", "originator",
	                                     "pointOfContact", "principalInvestigator",
	                                     "processor", "publisher", "author" };
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (strcmp(role, roles[i]) == 0)
			return true;
	return false;
}

/* The GeoDCAT-AP property of the roles DCAT has none for. */
static const char *geodcat_role(const char *role)
{
	static const char *const roles[] = { "custodian", "distributor", "originator",
	                                     "principalInvestigator", "processor",
	                                     "resourceProvider", "user" };
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (strcmp(role, roles[i]) == 0)
			return roles[i];
	return NULL;
}

/* A party of the resource by its role. */
static void party(IsoMap *x, const IsoNode *rp)
{
	Party p;
	read_party(x, rp, &p);
	if (!p.role || !known_role(p.role))
		return;
	/* the roles DCAT-AP has a property for are written with it; the
	 * others, and a custodian standing in as rights holder, as a
	 * qualified attribution with the role */
	if (geodcat_role(p.role))
		attribution(x, x->res, &p);
	if (strcmp(p.role, "pointOfContact") == 0) {
		contact(x, x->res, &p, x->v.dcatapit_Organization);
	} else if (strcmp(p.role, "publisher") == 0) {
		dcatapit_agent(x, x->v.dct_publisher, "publisher", &p, x->o->default_publisher);
	} else if (strcmp(p.role, "owner") == 0 || strcmp(p.role, "custodian") == 0) {
		/* one rights holder: the owner wins over a custodian */
		if (!iso_has_role(x, "rightsHolder"))
			dcatapit_agent(x, x->v.dct_rightsHolder, "rightsHolder", &p, x->ipa);
	} else if (strcmp(p.role, "author") == 0 || strcmp(p.role, "originator") == 0) {
		dcatapit_agent(x, x->v.dct_creator, "creator", &p, NULL);
	}
}

void iso_map_parties(IsoMap *x, const IsoNode *ident)
{
	/* document order, owners before custodians so that the owner is the
	 * rights holder when both are given */
	const IsoNode *cit = iso_xml_path(ident, "citation/CI_Citation");
	for (int pass = 0; pass < 2; pass++) {
		const IsoNode *lists[2] = { cit, ident };
		const char *names[2] = { "citedResponsibleParty", "pointOfContact" };
		for (int l = 0; l < 2; l++)
			ISO_FOR_KIDS(pc, lists[l], names[l]) {
				const IsoNode *rp = iso_xml_kid(pc, "CI_ResponsibleParty");
				if (!rp)
					continue;
				const char *role = iso_code(x, iso_xml_kid(rp, "role"));
				bool custodian = role && strcmp(role, "custodian") == 0;
				if ((pass == 0) == !custodian)
					party(x, rp);
			}
	}
}

void iso_map_md_contact(IsoMap *x, const IsoNode *md)
{
	ISO_FOR_KIDS(c, md, "contact") {
		const IsoNode *rp = iso_xml_kid(c, "CI_ResponsibleParty");
		if (!rp)
			continue;
		Party p;
		read_party(x, rp, &p);
		if (!p.role || !known_role(p.role))
			p.role = "pointOfContact";
		/* the record's, not the dataset's: no DCAT-AP_IT type, so that
		 * the dataset rules do not apply to it */
		contact(x, x->record, &p, 0);
	}
}

void iso_map_distributors(IsoMap *x, const IsoNode *md)
{
	ISO_FOR_KIDS(di, md, "distributionInfo") {
		const IsoNode *dist = iso_xml_kid(di, "MD_Distribution");
		ISO_FOR_KIDS(dr, dist, "distributor") {
			const IsoNode *rp = iso_xml_path(dr, "MD_Distributor/distributorContact/"
			                                     "CI_ResponsibleParty");
			if (!rp)
				continue;
			/* the element says the role, whatever the role code says */
			Party p;
			read_party(x, rp, &p);
			p.role = "distributor";
			attribution(x, x->res, &p);
		}
	}
}
