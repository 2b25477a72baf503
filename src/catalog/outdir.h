/* outdir.h: the output directory of a build and what may replace it. OUT is
 * replaced only when it does not exist, is empty, or holds nothing but a
 * previous build's files, as listed in the manifest OUT/.dcatit-manifest
 * that every build writes; it may not be, contain or lie inside the
 * catalogue directory. The new tree is written next to OUT, swapped in, and
 * the old one removed file by file from its manifest: a file no build
 * wrote is never deleted, even when it appears while a build runs. */
#ifndef DCATIT_OUTDIR_H
#define DCATIT_OUTDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"
#include "catalog/notes.h"

/* The file every build writes at the top of its output. */
#define DCATIT_OUTDIR_MANIFEST ".dcatit-manifest"

/* Stack object: _open / _release. */
typedef struct {
	char *display; /* OUT as given, for messages */
	char *real;    /* its absolute path, symbolic links of its parents resolved */
	char *parent;  /* the real directory holding it */
	char *tmp;     /* the temporary directory next to it, once begun */
	bool committed;
} DcatitOutDir;

/* Resolve out and check that a build may replace it (catalog_dir: the
 * directory holding catalog.yaml). DCATIT_ERR_USAGE, with the reason and
 * the offending file named in d, when out is the catalogue directory, is
 * inside it or contains it, is not a directory (a file, a symbolic link),
 * or holds anything the manifest of a previous build does not list;
 * DCATIT_ERR_IO when its parent cannot be used. o is released on error. */
DcatitStatus dcatit_outdir_open(DcatitOutDir *o, const char *out, const char *catalog_dir,
                                DcatitDiag *d);
/* Create the temporary directory next to OUT (o->tmp) to write into. */
DcatitStatus dcatit_outdir_begin(DcatitOutDir *o, DcatitDiag *d);
/* Write len bytes of data to dir/rel (dir: o->tmp or below), creating
 * the directories of rel when missing. */
DcatitStatus dcatit_outdir_write_file(const char *dir, const char *rel, const char *data,
                                      size_t len, DcatitDiag *d);
/* List every file under o->tmp in its manifest, check OUT again and put
 * the new tree in its place; the previous tree is removed file by file
 * from its own manifest. Anything left there (a file that appeared during
 * the build) is kept, and a warning in notes says where. */
DcatitStatus dcatit_outdir_commit(DcatitOutDir *o, DcatitNotes *notes, DcatitDiag *d);
/* Free o; an uncommitted temporary directory is removed. */
void dcatit_outdir_release(DcatitOutDir *o);

#endif
