/* vocabs.h: the controlled lists the MQA indicators are checked against,
 * loaded once from the data directory into term ids of the data's store:
 * the EU file-type table (and the media types it maps to file types), the
 * IANA media types, data.europa.eu's machine-readable and non-proprietary
 * format lists, its licence list with skos:exactMatch, the EU access-right
 * table, and the Italian licences vocabulary (for the hint that names the
 * listed licence an Italian licence IRI stands for). */
#ifndef DCATIT_QUALITY_VOCABS_H
#define DCATIT_QUALITY_VOCABS_H

#include <stdbool.h>

#include "base/i18n.h"
#include "base/status.h"
#include "rdf/term.h"

/* Which snapshot of the data.europa.eu lists vocab/mqa holds (reports say
 * it next to every score; vocab/mqa/SOURCES.md has the provenance): English
 * source text, translated by the reports for people, not in JSON. */
#define DCATIT_QUALITY_VOCAB_SNAPSHOT \
	N_("data.europa.eu MQA lists, 2021 snapshot (vocab/mqa/SOURCES.md)")

typedef struct DcatitQualityVocabImpl DcatitQualityVocab;

/* Load the lists from dir (the data directory: dir/mqa, dir/eu/filetypes.ttl,
 * dir/it/licences.ttl), interning their IRIs into t; caller frees. NULL
 * with d set when a file is missing or malformed. */
DcatitQualityVocab *dcatit_quality_vocab_load(DcatitTerms *t, const char *dir,
                                              DcatitDiag *d);
/* Free the lists; NULL is a no-op. */
void dcatit_quality_vocab_free(DcatitQualityVocab *v);

/* The term store the lists were interned into; borrowed. */
DcatitTerms *dcatit_quality_vocab_terms(const DcatitQualityVocab *v);
/* Is id a concept of the EU file-type table? */
bool dcatit_quality_vocab_is_file_type(const DcatitQualityVocab *v, DcatitTermId id);
/* Is id the IRI of an IANA media type (http or https,
 * www.iana.org/assignments/media-types/TYPE/SUBTYPE)? */
bool dcatit_quality_vocab_is_media_type(const DcatitQualityVocab *v, DcatitTermId id);
/* Is id a format (file type) or media type on the machine-readable list? A
 * media type counts through the file types the EU table maps it to. */
bool dcatit_quality_vocab_is_machine_readable(const DcatitQualityVocab *v,
                                              DcatitTermId id);
/* The same for the non-proprietary list. */
bool dcatit_quality_vocab_is_non_proprietary(const DcatitQualityVocab *v,
                                             DcatitTermId id);
/* Is id a licence of the list, by its IRI or one of its skos:exactMatch? */
bool dcatit_quality_vocab_is_known_licence(const DcatitQualityVocab *v, DcatitTermId id);
/* Is id a concept of the EU access-right table? */
bool dcatit_quality_vocab_is_access_right(const DcatitQualityVocab *v, DcatitTermId id);

/* For a licence that is not on the list: a listed IRI that names the same
 * licence, else 0. For an Italian vocabulary licence its reference document
 * (a Creative Commons IRI) when listed, else the licence the list matches
 * it with; for another IRI the listed one that differs only by scheme,
 * "www." or a final slash. */
DcatitTermId dcatit_quality_vocab_licence_hint(const DcatitQualityVocab *v,
                                               DcatitTermId id);
/* For a format that is not an EU file type (a literal "CSV", a relative
 * or other IRI whose last segment is a code): the file-type IRI, else 0. */
DcatitTermId dcatit_quality_vocab_format_hint(const DcatitQualityVocab *v,
                                              DcatitTermId id);
/* For a media type that is not an IANA IRI (a literal "text/csv", another
 * IRI form): the IANA IRI, else 0. */
DcatitTermId dcatit_quality_vocab_media_type_hint(const DcatitQualityVocab *v,
                                                  DcatitTermId id);
/* For an access-rights value that is not in the EU table (a literal
 * "PUBLIC", an Italian or other IRI ending in a code): the EU IRI, else 0. */
DcatitTermId dcatit_quality_vocab_access_right_hint(const DcatitQualityVocab *v,
                                                    DcatitTermId id);

#endif
