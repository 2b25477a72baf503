/* keywords.c: descriptive keywords and topic categories: free keywords,
 * INSPIRE themes and EU data themes named by text or anchor, topic
 * categories as subjects and, when no keyword gave a theme, the default
 * data theme. */
#include "iso/internal.h"

#include <string.h>

#include "iso/codes.h"

/* dcat:theme <EU data theme code>. */
static void theme(IsoMap *x, const char *code, const IsoNode *at)
{
	iso_add(x, x->res, x->v.dcat_theme,
	        iso_iri2(x, DCATIT_NS_EU_AUTH "data-theme/", code), at);
	x->has_theme = true;
}

void iso_map_keywords(IsoMap *x, const IsoNode *ident)
{
	ISO_FOR_KIDS(dk, ident, "descriptiveKeywords") {
		const IsoNode *mk = iso_xml_kid(dk, "MD_Keywords");
		const char *th = iso_prop(x, iso_xml_path(mk, "thesaurusName/CI_Citation/title"),
		                          ISO_WS_COLLAPSE);
		const char *thref = iso_href(x, iso_xml_path(mk, "thesaurusName/CI_Citation/title"));
		bool is_inspire = (iso_icontains(th, "inspire") &&
		                   (iso_icontains(th, "them") || iso_icontains(th, "tem"))) ||
		                  iso_icontains(thref, "inspire.ec.europa.eu/theme");
		bool is_dt = iso_icontains(th, "data theme") || iso_icontains(th, "data-theme") ||
		             iso_icontains(thref, "authority/data-theme");
		ISO_FOR_KIDS(k, mk, "keyword") {
			const char *kw = iso_prop(x, k, ISO_WS_COLLAPSE);
			const char *hr = iso_href(x, k);
			if (!kw && !hr)
				continue;
			const char *dt = is_dt || (hr && iso_icontains(hr, "authority/data-theme/"))
			                     ? iso_find_data_theme(kw, hr) : NULL;
			if (dt) {
				theme(x, dt, k);
				continue;
			}
			if (is_inspire || (hr && iso_icontains(hr, "inspire.ec.europa.eu/theme/"))) {
				const IsoInspire *it = iso_find_inspire(kw, hr);
				if (it) {
					theme(x, it->theme, k);
					iso_add(x, x->res, x->v.dct_subject,
					        iso_iri2(x, "http://inspire.ec.europa.eu/theme/", it->code), k);
				}
			}
			if (kw)
				iso_add(x, x->res, x->v.dcat_keyword, iso_lit(x, kw, x->tag), k);
		}
	}
}

void iso_map_topics(IsoMap *x, const IsoNode *ident)
{
	const char *fallback = NULL;
	const IsoNode *fat = NULL;
	ISO_FOR_KIDS(tc, ident, "topicCategory") {
		const char *c = iso_prop(x, tc, ISO_WS_REMOVE);
		if (!c)
			continue;
		const char *th = iso_topic_theme(c);
		if (!th)
			continue;
		iso_add(x, x->res, x->v.dct_subject,
		        iso_iri2(x, "http://inspire.ec.europa.eu/metadata-codelist/TopicCategory/", c),
		        tc);
		if (!fallback) {
			fallback = th;
			fat = tc;
		}
	}
	if (!x->has_theme && fallback)
		theme(x, fallback, fat);
}
