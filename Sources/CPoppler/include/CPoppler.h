#ifndef AGENDA_AUDIT_CPOPPLER_H
#define AGENDA_AUDIT_CPOPPLER_H

/* poppler-glib: PDF text per page with the position of every character.
   The few calls the PDF reader needs are wrapped here, so Swift sees plain
   C types and no GLib macros. poppler-glib is loaded (dlopen) at the first
   PDF, not at start-up: linked, it and its ~40 libraries (cairo, X11, nss,
   ...) cost every run of the tool about 6 ms in the dynamic loader. */
#include <stddef.h>

/* The error of `agenda_pdf_open`. */
enum {
    AGENDA_PDF_OK = 0,
    AGENDA_PDF_ENCRYPTED = 1,
    AGENDA_PDF_DAMAGED = 2,
    AGENDA_PDF_OTHER = 3,
    /* libpoppler-glib could not be loaded. */
    AGENDA_PDF_UNAVAILABLE = 4
};

/* An open document (a PopplerDocument). */
typedef struct AgendaPDFDocument AgendaPDFDocument;

/* Opens a PDF from memory (poppler gets no path). The bytes are copied. */
AgendaPDFDocument *agenda_pdf_open(const void *bytes, size_t length, int *error);

void agenda_pdf_close(AgendaPDFDocument *document);

int agenda_pdf_page_count(AgendaPDFDocument *document);

/* One page's text in poppler's reading order and one rectangle per character
   (x1, y1, x2, y2 in points from the top left). Free with `agenda_pdf_free_page`.
   `images` is the number of images drawn on the page. */
typedef struct {
    char *text;
    double *boxes;
    unsigned int count;
    int images;
} AgendaPDFPage;

AgendaPDFPage agenda_pdf_page(AgendaPDFDocument *document, int index);

void agenda_pdf_free_page(AgendaPDFPage page);

#endif
