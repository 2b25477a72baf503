/* agents.c: the responsible parties of an ISO record by their role: the
 * publisher, the rights holder (owner, else custodian), the creators
 * (author, originator) and the contact points, as DCAT-AP_IT agents and
 * vCard organisations. */
#include "iso/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

/* An agent (publisher, rights holder, creator) for a responsible party. */
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
	if (name)
		iso_add(x, a, x->v.foaf_name, iso_lit(x, name, NULL), at);
	if (ipa)
		iso_add(x, a, x->v.dct_identifier, iso_lit(x, ipa, NULL), at);
	if (x->nseen < sizeof x->seen / sizeof *x->seen)
		x->seen[x->nseen++] = (IsoSeen){ role, name, NULL, a };
}

static void contact(IsoMap *x, const char *name, const char *email,
                    const char *url, const char *phone, const IsoNode *at)
{
	for (size_t i = 0; i < x->nseen; i++)
		if (strcmp(x->seen[i].role, "pointOfContact") == 0 &&
		    ((name && x->seen[i].name && strcmp(x->seen[i].name, name) == 0) ||
		     (!name && !x->seen[i].name)) &&
		    ((email && x->seen[i].email && strcmp(x->seen[i].email, email) == 0) ||
		     (!email && !x->seen[i].email)))
			return;
	DcatitTermId c = iso_bnode(x);
	iso_add(x, x->res, x->v.dcat_contactPoint, c, at);
	iso_type2(x, c, x->v.vcard_Organization, x->v.dcatapit_Organization, at);
	iso_add(x, c, x->v.rdf_type, x->v.vcard_Kind, at);
	if (name)
		iso_add(x, c, x->v.vcard_fn, iso_lit(x, name, NULL), at);
	if (email) {
		DcatitBuf b;
		dcatit_buf_init(&b);
		dcatit_buf_adds(&b, "mailto:");
		dcatit_buf_adds(&b, email);
		if (!b.oom && iso_iri_ok(b.data))
			iso_add(x, c, x->v.vcard_hasEmail, dcatit_terms_iri(x->t, b.data, b.len), at);
		dcatit_buf_release(&b);
	}
	if (url && iso_iri_ok(url))
		iso_add(x, c, x->v.vcard_hasURL, iso_iri(x, url), at);
	if (phone) {
		DcatitTermId tel = iso_bnode(x);
		iso_add(x, c, x->v.vcard_hasTelephone, tel, at);
		iso_add(x, tel, x->v.rdf_type, x->v.vcard_TelephoneType, at);
		iso_add(x, tel, x->v.vcard_value, iso_lit(x, phone, NULL), at);
	}
	if (x->nseen < sizeof x->seen / sizeof *x->seen)
		x->seen[x->nseen++] = (IsoSeen){ "pointOfContact", name, email, c };
}

bool iso_has_role(IsoMap *x, const char *role)
{
	for (size_t i = 0; i < x->nseen; i++)
		if (strcmp(x->seen[i].role, role) == 0)
			return true;
	return false;
}

/* A CI_ResponsibleParty by its role. Roles outside DCAT-AP_IT (distributor,
 * resourceProvider, processor, user, principalInvestigator) are left out. */
static void party(IsoMap *x, const IsoNode *rp)
{
	const char *role = iso_code(x, iso_xml_kid(rp, "role"));
	const char *org = iso_prop(x, iso_xml_kid(rp, "organisationName"), ISO_WS_COLLAPSE);
	const char *ind = iso_prop(x, iso_xml_kid(rp, "individualName"), ISO_WS_COLLAPSE);
	const IsoNode *ci = iso_xml_path(rp, "contactInfo/CI_Contact");
	const char *email = iso_prop(x, iso_xml_path(ci, "address/CI_Address/electronicMailAddress"),
	                             ISO_WS_REMOVE);
	const char *url = iso_prop(x, iso_xml_path(ci, "onlineResource/CI_OnlineResource/linkage"),
	                           ISO_WS_REMOVE);
	const char *phone = iso_prop(x, iso_xml_path(ci, "phone/CI_Telephone/voice"),
	                             ISO_WS_COLLAPSE);
	const char *name = org ? org : ind;
	if (!role)
		return;
	if (strcmp(role, "pointOfContact") == 0) {
		contact(x, name, email, url, phone, rp);
	} else if (strcmp(role, "publisher") == 0) {
		iso_map_agent(x, x->v.dct_publisher, "publisher", name,
		              x->o->default_publisher, rp);
	} else if (strcmp(role, "owner") == 0 || strcmp(role, "custodian") == 0) {
		/* one rights holder: the owner wins over a custodian */
		if (iso_has_role(x, "rightsHolder"))
			return;
		iso_map_agent(x, x->v.dct_rightsHolder, "rightsHolder", name, x->ipa, rp);
	} else if (strcmp(role, "author") == 0 || strcmp(role, "originator") == 0) {
		iso_map_agent(x, x->v.dct_creator, "creator", name, NULL, rp);
	}
}

/* Parties in document order, owners before custodians so the owner is the
 * rights holder when both are given. */
void iso_map_parties(IsoMap *x, const IsoNode *ident)
{
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
