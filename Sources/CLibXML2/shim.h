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

/* An anonymous in-memory file for a .docx upload (Linux memfd_create,
   which Swift's Glibc module does not show); -1 elsewhere or on failure. */
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
static inline int agenda_memory_file(const char *name) {
    return (int)syscall(SYS_memfd_create, name, 1u /* MFD_CLOEXEC */);
}
#else
static inline int agenda_memory_file(const char *name) { (void)name; return -1; }
#endif

/* Gives freed heap back to the system (glibc keeps it otherwise). */
#if defined(__GLIBC__)
#include <malloc.h>
static inline void agenda_release_memory(void) { malloc_trim(0); }
#else
static inline void agenda_release_memory(void) { }
#endif

#endif
