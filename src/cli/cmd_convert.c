/* cmd_convert.c: `dcatit convert`: read RDF in any syntax raptor knows and
 * write it normalised (Turtle with prefixes, RDF/XML, N-Triples, or the
 * canonical sorted N-Triples used by tests). The output file is written
 * under a temporary name and renamed, so an error never leaves half a file. */
#include "cli/cmds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/file.h"
#include "base/i18n.h"
#include "cli/input.h"
#include "cli/msg.h"
#include "cli/opt.h"
#include "rdf/model.h"
#include "rdf/prefixes.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"

/* Write the serialised graph to path ("-" = stdout), replacing a file only
 * once the whole text is written (base/file.h). */
static int write_output(const char *path, const DcatitBuf *text)
{
	if (strcmp(path, "-") == 0) {
		/* a failed write is reported once, by dcatit_msg_finish_stdout */
		if (text->len && fwrite(text->data, 1, text->len, stdout) != text->len)
			return DCATIT_EXIT_RUNTIME;
		return DCATIT_EXIT_OK;
	}
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (dcatit_file_write_atomic(path, text->data ? text->data : "", text->len, &d) !=
	    DCATIT_OK)
		return dcatit_msg_diag(&d);
	return DCATIT_EXIT_OK;
}

static DcatitSyntax output_syntax(const char *name)
{
	if (strcmp(name, "ttl") == 0 || strcmp(name, "turtle") == 0)
		return DCATIT_SYNTAX_TURTLE;
	if (strcmp(name, "rdf") == 0 || strcmp(name, "rdfxml") == 0 ||
	    strcmp(name, "xml") == 0)
		return DCATIT_SYNTAX_RDFXML;
	if (strcmp(name, "nt") == 0 || strcmp(name, "ntriples") == 0)
		return DCATIT_SYNTAX_NTRIPLES;
	if (strcmp(name, "nq") == 0 || strcmp(name, "nquads") == 0)
		return DCATIT_SYNTAX_NQUADS;
	if (strcmp(name, "canon") == 0)
		return DCATIT_SYNTAX_CANON;
	if (strcmp(name, "jsonld") == 0 || strcmp(name, "json-ld") == 0)
		return DCATIT_SYNTAX_JSONLD;
	return DCATIT_SYNTAX_GUESS;
}

static DcatitSyntax input_syntax(const char *name)
{
	DcatitSyntax s = dcatit_rdfio_syntax_from_name(name);
	return s == DCATIT_SYNTAX_CANON ? DCATIT_SYNTAX_NTRIPLES : s;
}

static const char *o_out, *o_to, *o_from, *o_base;

static const DcatitOpt convert_opts[] = {
	{ 'o', "output", DCATIT_OPT_STRING, &o_out, N_("OUT"),
	  N_("write to OUT, replacing it only once the output is complete"), "file" },
	{ 't', "to", DCATIT_OPT_STRING, &o_to, N_("SYNTAX"),
	  N_("output syntax: ttl (Turtle with prefixes), rdf (RDF/XML), nt (N-Triples), nq "
	     "(N-Quads: the named graphs of N-Quads, TriG and JSON-LD input kept), jsonld "
	     "(flattened JSON-LD), canon (sorted N-Triples with blank nodes relabelled, for "
	     "comparing graphs); the others write the union of the graphs; default: from OUT's "
	     "extension, else ttl"), "ttl|rdf|nt|nq|jsonld|canon" },
	{ 'f', "from", DCATIT_OPT_STRING, &o_from, N_("SYNTAX"),
	  N_("input syntax: ttl, rdf, nt, nq, trig, jsonld (inline contexts only; remote ones "
	     "are never fetched), or iso (ISO 19139 / RNDT records or a CSW response, mapped to "
	     "DCAT-AP_IT); default: from IN's extension, else sniffed from the content"),
	  "ttl|rdf|nt|nq|trig|jsonld|iso" },
	{ 'b', "base", DCATIT_OPT_STRING, &o_base, N_("IRI"), N_("base IRI for relative IRIs in IN"),
	  NULL },
	{ 0, NULL, DCATIT_OPT_END, NULL, NULL, NULL, NULL },
};

const DcatitOptCmd dcatit_convert_cmd = {
	.name = "convert",
	.summary = N_("read RDF in any syntax and write it normalised"),
	.operands = N_("IN"),
	.complete = "file",
	.description = N_("Read the RDF document IN ('-' for standard input) and write it to OUT "
	                  "(default: standard output; '-' too)."),
	.exit_status = N_("0 done, 2 usage error, 3 unreadable input, syntax error or write "
	                  "failure."),
	.opts = convert_opts,
};

int cmd_convert(int argc, char **argv)
{
	int first = 0;
	o_out = o_to = o_from = o_base = NULL;
	DcatitOptResult pr = dcatit_opt_parse(&dcatit_convert_cmd, argc, argv, &first);
	if (pr != DCATIT_OPT_PARSED)
		return dcatit_opt_exit_code(pr);
	const char *out = o_out ? o_out : "-", *to = o_to, *from = o_from, *base = o_base;
	if (first == argc)
		return dcatit_msg_usage("convert", "no input given");
	if (argc - first > 1)
		return dcatit_msg_usage("convert", "too many inputs ('%s'); convert reads one "
		                        "document", argv[first + 1]);
	const char *in = argv[first];
	DcatitSyntax osyn = DCATIT_SYNTAX_TURTLE;
	if (to) {
		osyn = output_syntax(to);
		if (osyn == DCATIT_SYNTAX_GUESS)
			return dcatit_msg_usage("convert", "unknown output syntax '%s' "
			                        "(ttl, rdf, nt, nq, jsonld or canon)", to);
	} else if (strcmp(out, "-") != 0) {
		DcatitSyntax s = dcatit_rdfio_syntax_from_path(out);
		size_t n = strlen(out);
		if (s == DCATIT_SYNTAX_TURTLE || s == DCATIT_SYNTAX_RDFXML ||
		    s == DCATIT_SYNTAX_NTRIPLES || s == DCATIT_SYNTAX_NQUADS)
			osyn = s;
		else if (n > 7 && strcmp(out + n - 7, ".jsonld") == 0)
			osyn = DCATIT_SYNTAX_JSONLD;
	}
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.base_uri = base;
	bool iso = from && (strcmp(from, "iso") == 0 || strcmp(from, "iso19139") == 0);
	if (from && !iso) {
		po.syntax = input_syntax(from);
		if (po.syntax == DCATIT_SYNTAX_GUESS)
			return dcatit_msg_usage("convert", "unknown input syntax '%s' "
			                        "(ttl, rdf, nt, nq, trig, jsonld or iso)", from);
	}

	int code = DCATIT_EXIT_RUNTIME;
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitBuf text;
	dcatit_buf_init(&text);
	DcatitTerms *terms = dcatit_terms_new();
	DcatitModel *m = terms ? dcatit_model_new(terms) : NULL;
	if (!m) {
		dcatit_msg_nomem();
		goto done;
	}
	DcatitStatus st = iso || (!from && dcatit_input_is_iso(in))
	                      ? dcatit_input_parse_iso(m, in, base, &d)
	                      : dcatit_rdfio_parse_file(m, in, &po, &d);
	if (st != DCATIT_OK) {
		code = dcatit_msg_diag(&d);
		goto done;
	}
	/* a graph that came without prefixes (ISO 19139, N-Triples, JSON-LD
	 * without a context, Turtle in full IRIs) gets the usual ones it uses;
	 * one that has its own keeps them as they are */
	bool prefixed = osyn == DCATIT_SYNTAX_TURTLE || osyn == DCATIT_SYNTAX_RDFXML ||
	                osyn == DCATIT_SYNTAX_TRIG || osyn == DCATIT_SYNTAX_JSONLD;
	if (prefixed && dcatit_model_prefix_count(m) == 0 &&
	    dcatit_prefixes_declare_used(m) != DCATIT_OK) {
		dcatit_msg_nomem();
		goto done;
	}
	st = dcatit_rdfio_write_buf(m, &text, osyn, base, &d);
	if (st == DCATIT_OK && text.oom)
		st = DCATIT_ERR_NOMEM;
	if (st != DCATIT_OK) {
		if (d.status == DCATIT_OK)
			dcatit_diag_set(&d, st, NULL, 0, 0, "%s", dcatit_strerror(st));
		code = dcatit_msg_diag(&d);
		goto done;
	}
	code = write_output(out, &text);
done:
	dcatit_buf_release(&text);
	dcatit_model_free(m);
	dcatit_terms_free(terms);
	return code;
}
