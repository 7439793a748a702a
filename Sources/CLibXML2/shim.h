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

/* Streams a UTF-8 page through libxml2's HTML parser with the caller's SAX handler: no tree is built.
   Callbacks receive the parser context; its _private holds `user`. Returns 0, or -1 if no parser
   context could be made. */
static inline int clibxml2_html_sax_parse(const char *buf, int len, htmlSAXHandler *sax, void *user, int options) {
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buf, len);
    if (ctxt == NULL) return -1;
    htmlSAXHandler *own = ctxt->sax;
    ctxt->sax = sax;
    ctxt->_private = user;
    htmlCtxtUseOptions(ctxt, options);
    xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
    if (utf8 != NULL) xmlSwitchToEncoding(ctxt, utf8);
    htmlParseDocument(ctxt);
    ctxt->sax = own;
    if (ctxt->myDoc != NULL) { xmlFreeDoc(ctxt->myDoc); ctxt->myDoc = NULL; }
    htmlFreeParserCtxt(ctxt);
    return 0;
}
#endif
