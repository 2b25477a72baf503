/* quality.c: the data quality section of an ISO record. A conformity
 * report (DQ_ConformanceResult) says the data were tested against a
 * specification: conformant data dct:conformsTo it, and every report keeps
 * its degree (conformant, not conformant, not evaluated) and explanation
 * as a GeoDCAT-AP prov:Activity; the lineage is the provenance. */
#include "iso/internal.h"

#include <string.h>

/* The specification a report tested against: its anchor IRI (a dct:Standard
 * and, with the IRI as identifier, a dcatapit:Standard, and a prov:Entity),
 * else a blank node with its title and publication date: a dct:Standard
 * (the object of dct:conformsTo) or a prov:Entity (what the test plan was
 * derived from), as GeoDCAT-AP keeps the two apart. */
static DcatitTermId specification(IsoMap *x, const IsoNode *cit, bool plan)
{
	const IsoNode *tn = iso_xml_kid(cit, "title");
	const char *h = iso_href(x, tn);
	DcatitTermId s;
	if (iso_http(h)) {
		s = iso_iri(x, h);
		iso_type2(x, s, x->v.dct_Standard, x->v.dcatapit_Standard, cit);
		iso_add(x, s, x->v.dct_identifier, iso_lit(x, h, NULL), cit);
		iso_add(x, s, x->v.rdf_type, x->v.prov_Entity, cit);
		return s;
	}
	if (!iso_prop(x, tn, ISO_WS_COLLAPSE))
		return 0;
	/* no identifier to give: a dct:Standard, not a dcatapit:Standard
	 * (which needs one) */
	s = iso_bnode(x);
	iso_add(x, s, x->v.rdf_type, plan ? x->v.prov_Entity : x->v.dct_Standard, cit);
	iso_add_text(x, s, x->v.dct_title, tn, ISO_WS_COLLAPSE);
	ISO_FOR_KIDS(dn, cit, "date") {
		const IsoNode *cd = iso_xml_kid(dn, "CI_Date");
		const char *type = iso_code(x, iso_xml_kid(cd, "dateType"));
		DcatitTermId d = iso_date_lit(x, iso_prop(x, iso_xml_kid(cd, "date"),
		                                          ISO_WS_REMOVE));
		if (d && type && strcmp(type, "publication") == 0) {
			iso_add(x, s, x->v.dct_issued, d, cd);
			break;
		}
	}
	return s;
}

static void conformity(IsoMap *x, const IsoNode *cr)
{
	const IsoNode *cit = iso_xml_path(cr, "specification/CI_Citation");
	const IsoNode *tn = iso_xml_kid(cit, "title");
	const char *name = iso_href(x, tn);
	if (!iso_http(name))
		name = iso_prop(x, tn, ISO_WS_COLLAPSE);
	const char *pass = iso_prop(x, iso_xml_kid(cr, "pass"), ISO_WS_REMOVE);
	const char *degree = "notEvaluated";
	if (pass && (strcmp(pass, "true") == 0 || strcmp(pass, "1") == 0))
		degree = "conformant";
	else if (pass && (strcmp(pass, "false") == 0 || strcmp(pass, "0") == 0))
		degree = "notConformant";
	/* a report repeated word for word is one report */
	const char *expl = iso_prop(x, iso_xml_kid(cr, "explanation"), ISO_WS_TRIM);
	if (!name || !iso_once(x, degree, name, expl))
		return;
	DcatitTermId spec = specification(x, cit, true);
	if (!spec)
		return;
	/* only conformant data conform to the specification */
	if (strcmp(degree, "conformant") == 0)
		iso_add(x, x->res, x->v.dct_conformsTo, specification(x, cit, false), cr);

	DcatitTermId act = iso_bnode(x), gen = iso_bnode(x), assoc = iso_bnode(x),
	             plan = iso_bnode(x);
	iso_add(x, x->res, x->v.rdf_type, x->v.prov_Entity, cr);
	iso_add(x, x->res, x->v.prov_wasUsedBy, act, cr);
	iso_add(x, act, x->v.rdf_type, x->v.prov_Activity, cr);
	iso_add(x, act, x->v.prov_used, x->res, cr);
	iso_add(x, act, x->v.prov_generated, gen, cr);
	iso_add(x, gen, x->v.rdf_type, x->v.prov_Entity, cr);
	iso_add(x, gen, x->v.dct_type,
	        iso_iri2(x, ISO_NS_INSPIRE_CL "DegreeOfConformity/", degree), cr);
	iso_add_text(x, gen, x->v.dct_description, iso_xml_kid(cr, "explanation"),
	             ISO_WS_TRIM);
	iso_add(x, act, x->v.prov_qualifiedAssociation, assoc, cr);
	iso_add(x, assoc, x->v.rdf_type, x->v.prov_Association, cr);
	iso_add(x, assoc, x->v.prov_hadPlan, plan, cr);
	iso_add(x, plan, x->v.rdf_type, x->v.prov_Plan, cr);
	iso_add(x, plan, x->v.prov_wasDerivedFrom, spec, cr);
}

void iso_map_quality(IsoMap *x, const IsoNode *md)
{
	ISO_FOR_KIDS(dq, md, "dataQualityInfo") {
		const IsoNode *q = iso_xml_kid(dq, "DQ_DataQuality");
		ISO_FOR_KIDS(rep, q, "report")
			ISO_FOR_KIDS(res, iso_xml_first(rep), "result") {
				const IsoNode *cr = iso_xml_kid(res, "DQ_ConformanceResult");
				if (cr)
					conformity(x, cr);
			}
		/* lineage: rdfs:label as GeoDCAT-AP 2 writes it, dct:description
		 * as the reference mapping does (one literal, two triples) */
		const IsoNode *st = iso_xml_path(q, "lineage/LI_Lineage/statement");
		if (!iso_prop(x, st, ISO_WS_TRIM) && !iso_xml_kid(st, "PT_FreeText"))
			continue;
		DcatitTermId pv = iso_bnode(x);
		if (!iso_add_text(x, pv, x->v.rdfs_label, st, ISO_WS_TRIM))
			continue;
		iso_add_text(x, pv, x->v.dct_description, st, ISO_WS_TRIM);
		iso_add(x, x->res, x->v.dct_provenance, pv, st);
		iso_add(x, pv, x->v.rdf_type, x->v.dct_ProvenanceStatement, st);
	}
}
