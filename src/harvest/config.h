/* config.h: harvest sources as files: harvest/NAME.yaml, one source each
 * (type, url, filters, defaults, limits; harvest/README.md documents the
 * keys). Unknown keys are errors, located by line. */
#ifndef DCATIT_HARVEST_CONFIG_H
#define DCATIT_HARVEST_CONFIG_H

#include <stdbool.h>

#include "base/status.h"
#include "harvest/source.h"

/* Read the source in path into *s (zeroed first; defaults filled), its
 * name being the file name without .yaml/.yml. DCATIT_ERR_SYNTAX or
 * DCATIT_ERR_INVALID located in d on a bad file; *s is then released. */
DcatitStatus dcatit_harvest_source_load(const char *path,
                                        DcatitHarvestSource *s,
                                        DcatitDiag *d);
/* Release a source's strings; NULL is a no-op. */
void dcatit_harvest_source_release(DcatitHarvestSource *s);
/* Is name usable as a source name (and directory): [A-Za-z0-9._-], not
 * starting with '.', 1-64 characters? */
bool dcatit_harvest_name_is_valid(const char *name);

#endif
