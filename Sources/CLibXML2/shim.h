#ifndef AGENDA_AUDIT_CLIBXML2_SHIM_H
#define AGENDA_AUDIT_CLIBXML2_SHIM_H

/* libxml2 may be built with ICU; its ICU headers clash with the ICU copy
   inside Foundation. Nothing here uses ICU converters, so leave them out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

/* `xmlFree` is a global function pointer in libxml2; Swift 6 rejects it as
   shared mutable state, so call it through a function. */
static inline void agenda_xml_free(void *pointer) {
    if (pointer != NULL) { xmlFree(pointer); }
}

#endif
