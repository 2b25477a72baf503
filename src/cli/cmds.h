/* cmds.h: the subcommands of dcatit, one file each (git's builtin/).
 * Each takes argv with argv[0] = the command name and returns the exit
 * code; its option table (cli/opt.h) is exported too, for the command
 * list, the manual pages and the shell completion. */
#ifndef DCATIT_CMDS_H
#define DCATIT_CMDS_H

#include "cli/opt.h"

/* The option tables of the commands, for main.c and cli/gen.c. */
extern const DcatitOptCmd dcatit_build_cmd;
extern const DcatitOptCmd dcatit_convert_cmd;
extern const DcatitOptCmd dcatit_harvest_cmd;
extern const DcatitOptCmd dcatit_push_cmd;
extern const DcatitOptCmd dcatit_quality_cmd;
extern const DcatitOptCmd dcatit_validate_cmd;
extern const DcatitOptCmd dcatit_verify_cmd;

/* dcatit build: assemble the catalogue kept as files into DCAT-AP_IT RDF. */
int cmd_build(int argc, char **argv);
/* dcatit convert: read RDF in any syntax, write it normalised. */
int cmd_convert(int argc, char **argv);
/* dcatit harvest: collect metadata from CKAN, DCAT and CSW sources. */
int cmd_harvest(int argc, char **argv);
/* dcatit push: publish a catalogue to a CKAN instance. */
int cmd_push(int argc, char **argv);
/* dcatit quality: the data.europa.eu metadata-quality score of a catalogue. */
int cmd_quality(int argc, char **argv);
/* dcatit validate: SHACL validation of data files with a report. */
int cmd_validate(int argc, char **argv);
/* dcatit verify: what a CKAN portal serves to harvesters, against the
 * catalogue. */
int cmd_verify(int argc, char **argv);

#include <stddef.h>

#include "rdf/model.h"

/* Read back from the portal url what harvesters read of the datasets of m
 * (cmd_verify.c), print the report (format "text" or "json"), and return
 * the exit code for fail_on ("degraded", "invalid" or NULL); orgs are
 * --orgs files for the DCAT-AP_IT checks. For `verify` and `push --verify`. */
int cmd_verify_portal(const char *url, DcatitModel *m, unsigned jobs, const char *format,
                      const char *fail_on, const char *const *orgs, size_t norgs);

#endif
