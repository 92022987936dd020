#ifndef REVAL_CLIBXML2_SHIM_H
#define REVAL_CLIBXML2_SHIM_H
#include <string.h>
/* Debian builds libxml2 with ICU, so libxml/encoding.h would include the system's ICU
   headers, whose UErrorCode enum clashes with the one of Foundation's own ICU module in any
   Swift module that imports both (clang refuses the two definitions). reval uses no ICU and
   no field of the encoding handler those headers add to (only pointers to it), so the
   headers are read without it. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

/* XML_SAX2_MAGIC is an unsigned int macro (0xDEEDBEAF) Swift imports as a wider type. */
static inline unsigned int reval_xml_sax2_magic(void) {
    return XML_SAX2_MAGIC;
}

/* A parser context over `size` bytes in memory that reports to `sax` with `user` as the
   callbacks' first argument (what libxml2's xmlSAXUserParseMemory does, plus options).
   libxml2 frees the context's SAX handler with the context, so it gets a copy made with
   xmlMalloc. NULL when libxml2 cannot allocate. */
static inline xmlParserCtxtPtr reval_xml_memory_context(const char *bytes, int size,
                                                        const xmlSAXHandler *sax, void *user,
                                                        int options) {
    xmlParserCtxtPtr context = xmlCreateMemoryParserCtxt(bytes, size);
    if (context == NULL) return NULL;
    xmlSAXHandlerPtr own = (xmlSAXHandlerPtr) xmlMalloc(sizeof(xmlSAXHandler));
    if (own == NULL) {
        xmlFreeParserCtxt(context);
        return NULL;
    }
    memcpy(own, sax, sizeof(xmlSAXHandler));
    if (context->sax != NULL) xmlFree(context->sax);
    context->sax = own;
    context->userData = user;
    xmlCtxtUseOptions(context, options);
    return context;
}
#endif
