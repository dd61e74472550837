/*
 * The benchmark's reference for `mrsubmit logbytes`: a single-threaded C program that parses
 * access log lines exactly as the job's AccessLogLine does and sums the bytes per client host.
 *
 * Lines end at \n (a \r before it is dropped; the last line needs no newline); a UTF-8 byte
 * order mark at the start of a file is dropped. Fields are separated by single spaces. Accepted:
 *   two fields          host bytes
 *   Common              host ident authuser [date] "request" status bytes
 *   Combined            Common + ` "referer" "user-agent"`, optionally followed by more fields
 * where bytes is 1 to 18 decimal digits or `-` (zero), status is three digits, a quoted field
 * may contain \" escapes, and a bracketed field ends at the first ]. Any other line is malformed:
 * counted, not summed. Sums live in an open-addressing hash table (FNV-1a, linear probing, at
 * most half full). Prints `host<TAB>bytes` lines in table order (unsorted) on standard output
 * and `MALFORMED_LINES <n>` on standard error.
 *
 * Build: cc -O2 -o logbytes logbytes.c       Run: logbytes FILE...
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t hash;
    size_t offset; /* into the arena */
    size_t length;
    int64_t bytes;
    int used;
} Entry;

static Entry *table;
static size_t capacity = 1 << 16; /* a power of two */
static size_t used;
static unsigned char *arena;
static size_t arenaSize, arenaCapacity = 1 << 20;
static long long malformed;

static void *checked(void *pointer) {
    if (pointer == NULL) {
        fputs("logbytes: out of memory\n", stderr);
        exit(2);
    }
    return pointer;
}

static uint64_t hashBytes(const unsigned char *bytes, size_t length) {
    uint64_t hash = 14695981039346656037ULL;
    for (size_t i = 0; i < length; i++) {
        hash ^= bytes[i];
        hash *= 1099511628211ULL;
    }
    return hash;
}

static void grow(void) {
    size_t newCapacity = capacity * 2;
    Entry *newTable = checked(calloc(newCapacity, sizeof(Entry)));
    for (size_t i = 0; i < capacity; i++) {
        if (!table[i].used) continue;
        size_t slot = table[i].hash & (newCapacity - 1);
        while (newTable[slot].used) slot = (slot + 1) & (newCapacity - 1);
        newTable[slot] = table[i];
    }
    free(table);
    table = newTable;
    capacity = newCapacity;
}

static void add(const unsigned char *host, size_t length, int64_t bytes) {
    uint64_t hash = hashBytes(host, length);
    size_t slot = hash & (capacity - 1);
    while (table[slot].used) {
        Entry *entry = &table[slot];
        if (entry->hash == hash && entry->length == length && memcmp(arena + entry->offset, host, length) == 0) {
            entry->bytes += bytes;
            return;
        }
        slot = (slot + 1) & (capacity - 1);
    }
    if (arenaSize + length > arenaCapacity) {
        while (arenaSize + length > arenaCapacity) arenaCapacity *= 2;
        arena = checked(realloc(arena, arenaCapacity));
    }
    memcpy(arena + arenaSize, host, length);
    table[slot] = (Entry){hash, arenaSize, length, bytes, 1};
    arenaSize += length;
    if (++used * 2 > capacity) grow();
}

/* A position in a line; each reader returns 0 when the line is not in an accepted form. */
typedef struct {
    const unsigned char *bytes;
    size_t count, index;
} Cursor;

/* Up to the next space (consumed) or the end; 0 at the end of the line. */
static int token(Cursor *c, const unsigned char **start, size_t *length) {
    if (c->index >= c->count) return 0;
    size_t first = c->index;
    while (c->index < c->count && c->bytes[c->index] != ' ') c->index++;
    *start = c->bytes + first;
    *length = c->index - first;
    if (c->index < c->count) c->index++;
    return 1;
}

/* The space after a field, or the end of the line. */
static int separator(Cursor *c) {
    if (c->index >= c->count) return 1;
    if (c->bytes[c->index] != ' ') return 0;
    c->index++;
    return 1;
}

static int bracketed(Cursor *c) {
    if (c->index >= c->count || c->bytes[c->index] != '[') return 0;
    while (c->index < c->count && c->bytes[c->index] != ']') c->index++;
    if (c->index >= c->count) return 0;
    c->index++;
    return separator(c);
}

static int quoted(Cursor *c) {
    if (c->index >= c->count || c->bytes[c->index] != '"') return 0;
    c->index++;
    while (c->index < c->count && c->bytes[c->index] != '"') c->index += c->bytes[c->index] == '\\' ? 2 : 1;
    if (c->index >= c->count) return 0;
    c->index++;
    return separator(c);
}

static int size(const unsigned char *field, size_t length, int64_t *value) {
    if (length == 1 && field[0] == '-') {
        *value = 0;
        return 1;
    }
    if (length == 0 || length > 18) return 0;
    int64_t sum = 0;
    for (size_t i = 0; i < length; i++) {
        if (field[i] < '0' || field[i] > '9') return 0;
        sum = sum * 10 + (field[i] - '0');
    }
    *value = sum;
    return 1;
}

static void parseLine(const unsigned char *line, size_t length) {
    Cursor c = {line, length, 0};
    const unsigned char *host, *second, *field, *status, *sizeField;
    size_t hostLength, secondLength, fieldLength, statusLength, sizeLength;
    int64_t bytes;
    if (!token(&c, &host, &hostLength) || hostLength == 0 || !token(&c, &second, &secondLength)) goto bad;
    if (c.index >= c.count) {
        if (!size(second, secondLength, &bytes)) goto bad;
        add(host, hostLength, bytes);
        return;
    }
    if (!token(&c, &field, &fieldLength) || !bracketed(&c) || !quoted(&c) || !token(&c, &status, &statusLength)) goto bad;
    if (statusLength != 3) goto bad;
    for (int i = 0; i < 3; i++)
        if (status[i] < '0' || status[i] > '9') goto bad;
    if (!token(&c, &sizeField, &sizeLength) || !size(sizeField, sizeLength, &bytes)) goto bad;
    if (c.index < c.count && !(quoted(&c) && quoted(&c))) goto bad;
    add(host, hostLength, bytes);
    return;
bad:
    malformed++;
}

static int parseFile(const char *name) {
    FILE *file = fopen(name, "rb");
    if (file == NULL) {
        fprintf(stderr, "logbytes: %s: %s\n", name, strerror(errno));
        return 1;
    }
    size_t bufferCapacity = 1 << 20, head = 0, tail = 0;
    unsigned char *buffer = checked(malloc(bufferCapacity));
    int first = 1, atEnd = 0;
    for (;;) {
        unsigned char *newline = tail > head ? memchr(buffer + head, '\n', tail - head) : NULL;
        if (newline != NULL) {
            size_t end = (size_t)(newline - buffer);
            size_t contentEnd = end > head && buffer[end - 1] == '\r' ? end - 1 : end;
            parseLine(buffer + head, contentEnd - head);
            head = end + 1;
            continue;
        }
        if (atEnd) {
            if (tail > head) parseLine(buffer + head, tail - head);
            break;
        }
        memmove(buffer, buffer + head, tail - head);
        tail -= head;
        head = 0;
        if (tail == bufferCapacity) buffer = checked(realloc(buffer, bufferCapacity *= 2));
        size_t got = fread(buffer + tail, 1, bufferCapacity - tail, file);
        if (got == 0) {
            if (ferror(file)) {
                fprintf(stderr, "logbytes: %s: %s\n", name, strerror(errno));
                fclose(file);
                free(buffer);
                return 1;
            }
            atEnd = 1;
        }
        tail += got;
        if (first && tail >= 3) {
            first = 0;
            if (buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) head = 3;
        } else if (first && atEnd) {
            first = 0;
        }
    }
    fclose(file);
    free(buffer);
    return 0;
}

int main(int argc, char **argv) {
    table = checked(calloc(capacity, sizeof(Entry)));
    arena = checked(malloc(arenaCapacity));
    int status = 0;
    for (int i = 1; i < argc; i++) status |= parseFile(argv[i]);
    static char out[1 << 16];
    setvbuf(stdout, out, _IOFBF, sizeof out);
    for (size_t i = 0; i < capacity; i++) {
        if (!table[i].used) continue;
        fwrite(arena + table[i].offset, 1, table[i].length, stdout);
        printf("\t%lld\n", (long long)table[i].bytes);
    }
    fprintf(stderr, "MALFORMED_LINES %lld\n", malformed);
    return status;
}
