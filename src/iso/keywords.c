/* keywords.c: descriptive keywords and topic categories. Every keyword
 * text (and its translations) is a dcat:keyword; an anchored keyword keeps
 * its concept IRI as dct:subject, with its thesaurus as skos:inScheme;
 * EU data themes (named, anchored, or aligned from an INSPIRE theme) are
 * dcat:theme; a keyword anchored to an ELI act is the applicable
 * legislation, and HVD categories are dcatap:hvdCategory when the record
 * names the HVD regulation. Topic categories are subjects too. */
#include "iso/internal.h"

#include <string.h>
#include <strings.h>

#include "iso/codes.h"

/* The HVD implementing regulation, (EU) 2023/138. */
#define HVD_ELI "data.europa.eu/eli/reg_impl/2023/138"
#define HVD_CATEGORY "http://data.europa.eu/bna/c_"

/* dcat:theme <EU data theme code>. */
static void theme(IsoMap *x, const char *code, const IsoNode *at)
{
	iso_add(x, x->res, x->v.dcat_theme,
	        iso_iri2(x, DCATIT_NS_EU_AUTH "data-theme/", code), at);
	x->has_theme = true;
}

/* The data themes of an INSPIRE theme ("ECON ENVI"). */
static void themes(IsoMap *x, const char *list, const IsoNode *at)
{
	char code[16];
	while (*list) {
		size_t n = strcspn(list, " ");
		if (n && n < sizeof code) {
			memcpy(code, list, n);
			code[n] = '\0';
			theme(x, code, at);
		}
		list += n;
		while (*list == ' ')
			list++;
	}
}

/* dct:subject <concept>, a skos:Concept of scheme (0: none given) labelled
 * with the keyword k (DCAT-AP: a concept has a skos:prefLabel). */
static void subject(IsoMap *x, DcatitTermId concept, DcatitTermId scheme,
                    const IsoNode *k)
{
	iso_add(x, x->res, x->v.dct_subject, concept, k);
	iso_add(x, concept, x->v.rdf_type, x->v.skos_Concept, k);
	iso_add_text(x, concept, x->v.skos_prefLabel, k, ISO_WS_COLLAPSE);
	if (scheme)
		iso_add(x, concept, x->v.skos_inScheme, scheme, k);
}

static bool is_eli(const char *href)
{
	return iso_icontains(href, "data.europa.eu/eli/");
}

/* Does the record name the HVD regulation in a keyword? Then its HVD
 * category keywords are categories of a high-value dataset. */
static bool names_hvd(IsoMap *x, const IsoNode *ident)
{
	ISO_FOR_KIDS(dk, ident, "descriptiveKeywords")
		ISO_FOR_KIDS(k, iso_xml_kid(dk, "MD_Keywords"), "keyword")
			if (iso_icontains(iso_href(x, k), HVD_ELI))
				return true;
	return false;
}

/* The thesaurus of an MD_Keywords as a skos:ConceptScheme IRI, when it is
 * anchored; its title on the scheme. 0 when none. */
static DcatitTermId scheme_of(IsoMap *x, const IsoNode *mk)
{
	const IsoNode *tn = iso_xml_path(mk, "thesaurusName/CI_Citation/title");
	const char *h = iso_href(x, tn);
	if (!iso_http(h))
		return 0;
	DcatitTermId s = iso_iri(x, h);
	iso_add(x, s, x->v.rdf_type, x->v.skos_ConceptScheme, tn);
	iso_add_text(x, s, x->v.dct_title, tn, ISO_WS_COLLAPSE);
	return s;
}

void iso_map_keywords(IsoMap *x, const IsoNode *ident)
{
	x->hvd = names_hvd(x, ident);
	ISO_FOR_KIDS(dk, ident, "descriptiveKeywords") {
		const IsoNode *mk = iso_xml_kid(dk, "MD_Keywords");
		const IsoNode *tn = iso_xml_path(mk, "thesaurusName/CI_Citation/title");
		const char *th = iso_prop(x, tn, ISO_WS_COLLAPSE);
		const char *thref = iso_href(x, tn);
		bool is_inspire = (iso_icontains(th, "inspire") &&
		                   (iso_icontains(th, "them") || iso_icontains(th, "tem"))) ||
		                  iso_icontains(thref, "inspire.ec.europa.eu/theme") ||
		                  iso_icontains(thref, "gemet/inspire_themes") ||
		                  iso_icontains(thref, "gemet/en/inspire-themes");
		bool is_dt = iso_icontains(th, "data theme") || iso_icontains(th, "data-theme") ||
		             iso_icontains(thref, "authority/data-theme");
		DcatitTermId scheme = 0;
		bool scheme_done = false;
		ISO_FOR_KIDS(k, mk, "keyword") {
			const char *kw = iso_prop(x, k, ISO_WS_COLLAPSE);
			const char *hr = iso_href(x, k);
			if (!kw && !hr)
				continue;
			const char *dt = is_dt || iso_icontains(hr, "authority/data-theme/")
			                     ? iso_find_data_theme(kw, hr) : NULL;
			if (dt) {
				theme(x, dt, k); /* a theme code is no keyword */
				continue;
			}
			iso_add_text(x, x->res, x->v.dcat_keyword, k, ISO_WS_COLLAPSE);
			if (is_inspire || iso_icontains(hr, "inspire.ec.europa.eu/theme/")) {
				const IsoInspire *it = iso_find_inspire(kw, hr);
				if (it) {
					themes(x, it->themes, k);
					subject(x, iso_iri2(x, ISO_NS_INSPIRE_THEME "/", it->code),
					        iso_iri(x, ISO_NS_INSPIRE_THEME), k);
					continue;
				}
			}
			/* a service category: by anchor, or by its code as keyword
			 * (INSPIRE asks for it so, without a thesaurus) */
			const char *cat = NULL;
			if (x->service && iso_icontains(hr, "SpatialDataServiceCategory/"))
				cat = iso_service_category(strrchr(hr, '/') + 1);
			if (x->service && !cat)
				cat = iso_service_category(kw);
			if (cat) {
				DcatitTermId ci = iso_iri2(x, ISO_NS_INSPIRE_CL
				                           "SpatialDataServiceCategory/", cat);
				iso_add(x, x->res, x->v.geodcat_serviceCategory, ci, k);
				continue;
			}
			if (!iso_http(hr))
				continue;
			if (is_eli(hr)) {
				DcatitTermId act = iso_iri(x, hr);
				iso_add(x, x->res, x->v.dcatap_applicableLegislation, act, k);
				iso_add(x, act, x->v.rdf_type, x->v.eli_LegalResource, k);
				continue;
			}
			if (x->hvd && strncmp(hr, HVD_CATEGORY, strlen(HVD_CATEGORY)) == 0)
				iso_add(x, x->res, x->v.dcatap_hvdCategory, iso_iri(x, hr), k);
			if (!scheme_done) {
				scheme = scheme_of(x, mk);
				scheme_done = true;
			}
			subject(x, iso_iri(x, hr), scheme, k);
		}
	}
}

void iso_map_topics(IsoMap *x, const IsoNode *ident)
{
	const char *fallback = NULL;
	const IsoNode *fat = NULL;
	ISO_FOR_KIDS(tc, ident, "topicCategory") {
		const char *c = iso_prop(x, tc, ISO_WS_REMOVE);
		const char *th = iso_topic_theme(c);
		if (!th)
			continue;
		DcatitTermId t = iso_iri2(x, ISO_NS_INSPIRE_CL "TopicCategory/", c);
		iso_add(x, x->res, x->v.dct_subject, t, tc);
		iso_add(x, x->res, x->v.geodcat_topicCategory, t, tc);
		if (!fallback) {
			fallback = th;
			fat = tc;
		}
	}
	if (!x->has_theme && fallback)
		theme(x, fallback, fat);
}
