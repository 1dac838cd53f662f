/* poppler-glib loaded at the first PDF (see CPoppler.h). The types and
   constants below are poppler-glib's and GLib's stable C ABI (poppler.h,
   gerror.h, poppler-page.h): only what the calls need. */
#include "CPoppler.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

typedef unsigned int AgendaGQuark;
typedef struct { AgendaGQuark domain; int code; char *message; } AgendaGError;
typedef struct { double x1, y1, x2, y2; } AgendaPopplerRectangle;
typedef struct AgendaGList { void *data; struct AgendaGList *next, *prev; } AgendaGList;
enum { AGENDA_POPPLER_ERROR_ENCRYPTED = 1, AGENDA_POPPLER_ERROR_DAMAGED = 4 };

static struct {
    void *(*g_bytes_new)(const void *, size_t);
    void (*g_bytes_unref)(void *);
    void (*g_error_free)(AgendaGError *);
    void (*g_free)(void *);
    void (*g_object_unref)(void *);
    unsigned int (*g_list_length)(AgendaGList *);
    AgendaGQuark (*poppler_error_quark)(void);
    void *(*poppler_document_new_from_bytes)(void *, const char *, AgendaGError **);
    int (*poppler_document_get_n_pages)(void *);
    void *(*poppler_document_get_page)(void *, int);
    char *(*poppler_page_get_text)(void *);
    int (*poppler_page_get_text_layout)(void *, AgendaPopplerRectangle **, unsigned int *);
    AgendaGList *(*poppler_page_get_image_mapping)(void *);
    void (*poppler_page_free_image_mapping)(AgendaGList *);
} api;
static int loaded = 0;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *library = dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) { library = dlopen("libpoppler-glib.so", RTLD_NOW | RTLD_LOCAL); }
    if (library == NULL) { return; }
    /* The GLib functions come with poppler-glib (its dependencies), found through its handle. */
#define AGENDA_LOAD(name) if ((*(void **)&api.name = dlsym(library, #name)) == NULL) { return; }
    AGENDA_LOAD(g_bytes_new) AGENDA_LOAD(g_bytes_unref) AGENDA_LOAD(g_error_free) AGENDA_LOAD(g_free)
    AGENDA_LOAD(g_object_unref) AGENDA_LOAD(g_list_length) AGENDA_LOAD(poppler_error_quark)
    AGENDA_LOAD(poppler_document_new_from_bytes) AGENDA_LOAD(poppler_document_get_n_pages)
    AGENDA_LOAD(poppler_document_get_page) AGENDA_LOAD(poppler_page_get_text) AGENDA_LOAD(poppler_page_get_text_layout)
    AGENDA_LOAD(poppler_page_get_image_mapping) AGENDA_LOAD(poppler_page_free_image_mapping)
#undef AGENDA_LOAD
    loaded = 1;
}

AgendaPDFDocument *agenda_pdf_open(const void *bytes, size_t length, int *error) {
    pthread_once(&once, load);
    if (!loaded) { *error = AGENDA_PDF_UNAVAILABLE; return NULL; }
    void *data = api.g_bytes_new(bytes, length);
    AgendaGError *failure = NULL;
    void *document = api.poppler_document_new_from_bytes(data, NULL, &failure);
    api.g_bytes_unref(data);
    *error = AGENDA_PDF_OK;
    if (document == NULL) {
        AgendaGQuark domain = api.poppler_error_quark();
        if (failure != NULL && failure->domain == domain && failure->code == AGENDA_POPPLER_ERROR_ENCRYPTED) {
            *error = AGENDA_PDF_ENCRYPTED;
        } else if (failure != NULL && failure->domain == domain && failure->code == AGENDA_POPPLER_ERROR_DAMAGED) {
            *error = AGENDA_PDF_DAMAGED;
        } else {
            *error = AGENDA_PDF_OTHER;
        }
        if (failure != NULL) { api.g_error_free(failure); }
    }
    return (AgendaPDFDocument *)document;
}

void agenda_pdf_close(AgendaPDFDocument *document) { api.g_object_unref(document); }

int agenda_pdf_page_count(AgendaPDFDocument *document) { return api.poppler_document_get_n_pages(document); }

AgendaPDFPage agenda_pdf_page(AgendaPDFDocument *document, int index) {
    AgendaPDFPage result = { NULL, NULL, 0, 0 };
    void *page = api.poppler_document_get_page(document, index);
    if (page == NULL) { return result; }
    result.text = api.poppler_page_get_text(page);
    AgendaPopplerRectangle *rectangles = NULL;
    unsigned int count = 0;
    if (result.text != NULL && result.text[0] != 0 && api.poppler_page_get_text_layout(page, &rectangles, &count) && count > 0) {
        result.boxes = (double *)malloc((size_t)count * 4 * sizeof(double));
        if (result.boxes != NULL) {
            for (unsigned int i = 0; i < count; i++) {
                result.boxes[4 * i] = rectangles[i].x1;
                result.boxes[4 * i + 1] = rectangles[i].y1;
                result.boxes[4 * i + 2] = rectangles[i].x2;
                result.boxes[4 * i + 3] = rectangles[i].y2;
            }
            result.count = count;
        }
        api.g_free(rectangles);
    }
    if (result.text == NULL || result.text[0] == 0) {
        AgendaGList *images = api.poppler_page_get_image_mapping(page);
        result.images = (int)api.g_list_length(images);
        api.poppler_page_free_image_mapping(images);
    }
    api.g_object_unref(page);
    return result;
}

void agenda_pdf_free_page(AgendaPDFPage page) {
    if (page.text != NULL) { api.g_free(page.text); }
    free(page.boxes);
}
