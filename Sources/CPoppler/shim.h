#ifndef AGENDA_AUDIT_CPOPPLER_SHIM_H
#define AGENDA_AUDIT_CPOPPLER_SHIM_H

/* poppler-glib: PDF text per page with the position of every character.
   The few calls the PDF reader needs are wrapped here, so Swift sees plain
   C types and no GLib macros. */
#include <poppler.h>
#include <string.h>

/* The error of `agenda_pdf_open`. */
enum {
    AGENDA_PDF_OK = 0,
    AGENDA_PDF_ENCRYPTED = 1,
    AGENDA_PDF_DAMAGED = 2,
    AGENDA_PDF_OTHER = 3
};

/* Opens a PDF from memory (poppler gets no path). The bytes are copied. */
static inline PopplerDocument *agenda_pdf_open(const void *bytes, size_t length, int *error) {
    GBytes *data = g_bytes_new(bytes, length);
    GError *failure = NULL;
    PopplerDocument *document = poppler_document_new_from_bytes(data, NULL, &failure);
    g_bytes_unref(data);
    *error = AGENDA_PDF_OK;
    if (document == NULL) {
        if (failure != NULL && failure->domain == POPPLER_ERROR && failure->code == POPPLER_ERROR_ENCRYPTED) {
            *error = AGENDA_PDF_ENCRYPTED;
        } else if (failure != NULL && failure->domain == POPPLER_ERROR && failure->code == POPPLER_ERROR_DAMAGED) {
            *error = AGENDA_PDF_DAMAGED;
        } else {
            *error = AGENDA_PDF_OTHER;
        }
        if (failure != NULL) { g_error_free(failure); }
    }
    return document;
}

static inline void agenda_pdf_close(PopplerDocument *document) { g_object_unref(document); }

static inline int agenda_pdf_page_count(PopplerDocument *document) { return poppler_document_get_n_pages(document); }

/* One page's text in poppler's reading order and one rectangle per character
   (x1, y1, x2, y2 in points from the top left). Free with `agenda_pdf_free_page`.
   `images` is the number of images drawn on the page. */
typedef struct {
    char *text;
    double *boxes;
    unsigned int count;
    int images;
} AgendaPDFPage;

static inline AgendaPDFPage agenda_pdf_page(PopplerDocument *document, int index) {
    AgendaPDFPage result = { NULL, NULL, 0, 0 };
    PopplerPage *page = poppler_document_get_page(document, index);
    if (page == NULL) { return result; }
    result.text = poppler_page_get_text(page);
    PopplerRectangle *rectangles = NULL;
    guint count = 0;
    if (result.text != NULL && result.text[0] != 0 && poppler_page_get_text_layout(page, &rectangles, &count) && count > 0) {
        result.boxes = (double *)g_malloc_n(count, 4 * sizeof(double));
        for (guint i = 0; i < count; i++) {
            result.boxes[4 * i] = rectangles[i].x1;
            result.boxes[4 * i + 1] = rectangles[i].y1;
            result.boxes[4 * i + 2] = rectangles[i].x2;
            result.boxes[4 * i + 3] = rectangles[i].y2;
        }
        result.count = count;
        g_free(rectangles);
    }
    if (result.text == NULL || result.text[0] == 0) {
        GList *images = poppler_page_get_image_mapping(page);
        result.images = (int)g_list_length(images);
        poppler_page_free_image_mapping(images);
    }
    g_object_unref(page);
    return result;
}

static inline void agenda_pdf_free_page(AgendaPDFPage page) {
    g_free(page.text);
    g_free(page.boxes);
}

#endif
