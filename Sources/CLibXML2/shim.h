#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, whose headers clash with the ICU that
// Foundation bundles; include xmlversion.h first and switch the ICU part off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlmemory.h>

// xmlFree is a global function pointer that Swift 6 will not call directly.
static inline void clibxml2_free(void *p) { xmlFree(p); }

#endif
