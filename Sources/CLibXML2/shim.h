#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU, and its encoding header then pulls in ICU's headers, which clash
   with Foundation's copy of ICU in the same Swift module. We never touch the ICU-only fields. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/* Swift 6 rejects the global xmlFree function pointer as not concurrency-safe. */
static inline void clibxml2_free(void *p) { xmlFree(p); }

/* A structured-error handler that drops every message: parse errors are expected on real pages. */
static void clibxml2_silent(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
static inline void clibxml2_silence_errors(void) {
    xmlSetStructuredErrorFunc(NULL, clibxml2_silent);
}
#endif
