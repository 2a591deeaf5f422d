/* The least any reader of these documents can spend with libxml2 and zlib:
 * for the XML parts listed in FILE (one path per line, already inflated: the
 * parts the reader parses, of DOCS documents), times inflating them, parsing
 * each into a DOM and freeing it (what the reader does), one streaming pass
 * (xmlTextReader), and deflating each at zlib's default level (what writing
 * them again costs). Prints one line per measurement: its name and the median
 * over RUNS runs of milliseconds per document (all parts ÷ DOCS), one core.
 * With OUT and SUBMISSIONS it also times what the file system alone spends on
 * review's outputs: a folder per submission and four files of 8 KiB in it,
 * each written through a temporary name renamed into place, into a new folder.
 *
 * usage: floor FILE DOCS [RUNS [OUT SUBMISSIONS]]    (scripts/bench runs it) */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

typedef struct { char *xml; long size; unsigned char *deflated; uLong deflatedSize; } Document;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One run of review's file work: SUBMISSIONS folders of four files, in a
 * folder of the run's own under OUT. Nothing is deleted (see scripts/bench). */
static double createOutputs(const char *out, int run, int submissions) {
    static char bytes[8192];
    char root[4096], folder[4200], temporary[4300], final[4300];
    snprintf(root, sizeof root, "%s/run-%d", out, run);
    double start = now();
    mkdir(out, 0755);
    mkdir(root, 0755);
    for (int s = 0; s < submissions; s++) {
        snprintf(folder, sizeof folder, "%s/%06d", root, s);
        mkdir(folder, 0755);
        for (int f = 0; f < 4; f++) {
            snprintf(temporary, sizeof temporary, "%s/.out%d.tmp", folder, f);
            snprintf(final, sizeof final, "%s/out%d", folder, f);
            int descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (descriptor < 0 || write(descriptor, bytes, sizeof bytes) != (ssize_t)sizeof bytes) { perror(temporary); exit(1); }
            close(descriptor);
            rename(temporary, final);
        }
    }
    return now() - start;
}

static uLong deflateInto(const Document *d, unsigned char *out, uLong room) {
    z_stream s;
    memset(&s, 0, sizeof s);
    deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    s.next_in = (Bytef *)d->xml; s.avail_in = (uInt)d->size;
    s.next_out = out; s.avail_out = (uInt)room;
    deflate(&s, Z_FINISH);
    uLong produced = s.total_out;
    deflateEnd(&s);
    return produced;
}

static void inflateOne(const Document *d, unsigned char *out) {
    z_stream s;
    memset(&s, 0, sizeof s);
    inflateInit2(&s, -15);
    s.next_in = d->deflated; s.avail_in = (uInt)d->deflatedSize;
    s.next_out = out; s.avail_out = (uInt)d->size;
    inflate(&s, Z_FINISH);
    inflateEnd(&s);
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: floor FILE DOCS [RUNS]\n"); return 2; }
    int documents = atoi(argv[2]);
    int runs = argc > 3 ? atoi(argv[3]) : 5;
    if (documents < 1 || runs < 1) { fprintf(stderr, "usage: floor FILE DOCS [RUNS]\n"); return 2; }
    FILE *list = fopen(argv[1], "r");
    if (!list) { perror(argv[1]); return 1; }
    Document *docs = NULL;
    int count = 0, capacity = 0;
    long largest = 0;
    char path[4096];
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        if (!*path) continue;
        FILE *f = fopen(path, "rb");
        if (!f) { perror(path); return 1; }
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        rewind(f);
        if (count == capacity) { capacity = capacity ? capacity * 2 : 256; docs = realloc(docs, capacity * sizeof *docs); }
        docs[count].xml = malloc(size + 1);
        docs[count].size = (long)fread(docs[count].xml, 1, size, f);
        fclose(f);
        if (size > largest) largest = size;
        count++;
    }
    fclose(list);
    if (count == 0) { fprintf(stderr, "no documents\n"); return 1; }
    uLong room = compressBound(largest);
    unsigned char *scratch = malloc(room + largest);
    for (int i = 0; i < count; i++) {
        docs[i].deflated = malloc(compressBound(docs[i].size));
        docs[i].deflatedSize = deflateInto(&docs[i], docs[i].deflated, compressBound(docs[i].size));
    }

    const char *names[] = {"inflate", "dom", "stream", "deflate"};
    for (int op = 0; op < 4; op++) {
        double *samples = malloc(runs * sizeof *samples);
        for (int r = 0; r < runs; r++) {
            double start = now();
            for (int i = 0; i < count; i++) {
                const Document *d = &docs[i];
                if (op == 0) {
                    inflateOne(d, scratch);
                } else if (op == 1) {
                    xmlDocPtr doc = xmlReadMemory(d->xml, (int)d->size, "x.xml", NULL, XML_PARSE_NONET);
                    xmlFreeDoc(doc);
                } else if (op == 2) {
                    xmlTextReaderPtr reader = xmlReaderForMemory(d->xml, (int)d->size, "x.xml", NULL, XML_PARSE_NONET);
                    while (xmlTextReaderRead(reader) == 1) {}
                    xmlFreeTextReader(reader);
                } else {
                    deflateInto(d, scratch, room);
                }
            }
            samples[r] = (now() - start) * 1000.0 / documents;
        }
        qsort(samples, runs, sizeof *samples, compare);
        printf("%s %.4f\n", names[op], samples[runs / 2]);
        free(samples);
    }
    if (argc > 5) {
        int submissions = atoi(argv[5]);
        double *samples = malloc(runs * sizeof *samples);
        for (int r = 0; r < runs; r++) samples[r] = createOutputs(argv[4], r, submissions) * 1000.0 / documents;
        qsort(samples, runs, sizeof *samples, compare);
        printf("files %.4f\n", samples[runs / 2]);
        free(samples);
    }
    return 0;
}
