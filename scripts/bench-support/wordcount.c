/*
 * The benchmark's reference word counter: a straightforward single-threaded C program.
 *
 * A word is a maximal run of bytes that are not ASCII white space in the C locale (space, \t,
 * \n, \v, \f, \r), the same rule as `mrsubmit wordcount` and `LC_ALL=C tr -s '[:space:]' '\n'`.
 * Counts live in an open-addressing hash table of byte strings (FNV-1a, linear probing, kept at
 * most half full); word bytes are copied into a growing arena. Prints `word<TAB>count` lines in
 * table order (unsorted). Reads the files named on the command line, those named in a file of
 * NUL-terminated names given as --files0-from=LIST (as GNU wc takes them), or standard input.
 *
 * Build: cc -O2 -o wordcount wordcount.c
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
    uint64_t count; /* 0: empty slot */
} Entry;

static Entry *table;
static size_t capacity = 1 << 16; /* a power of two */
static size_t used;

static unsigned char *arena;
static size_t arenaSize, arenaCapacity = 1 << 20;

static unsigned char *word; /* the word being read, which may span reads */
static size_t wordLength, wordCapacity = 256;

static void *checked(void *pointer) {
    if (pointer == NULL) {
        fputs("wordcount: out of memory\n", stderr);
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
        if (table[i].count == 0) continue;
        size_t slot = table[i].hash & (newCapacity - 1);
        while (newTable[slot].count != 0) slot = (slot + 1) & (newCapacity - 1);
        newTable[slot] = table[i];
    }
    free(table);
    table = newTable;
    capacity = newCapacity;
}

static void count(const unsigned char *bytes, size_t length) {
    uint64_t hash = hashBytes(bytes, length);
    size_t slot = hash & (capacity - 1);
    while (table[slot].count != 0) {
        Entry *entry = &table[slot];
        if (entry->hash == hash && entry->length == length && memcmp(arena + entry->offset, bytes, length) == 0) {
            entry->count++;
            return;
        }
        slot = (slot + 1) & (capacity - 1);
    }
    if (arenaSize + length > arenaCapacity) {
        while (arenaSize + length > arenaCapacity) arenaCapacity *= 2;
        arena = checked(realloc(arena, arenaCapacity));
    }
    memcpy(arena + arenaSize, bytes, length);
    table[slot] = (Entry){hash, arenaSize, length, 1};
    arenaSize += length;
    if (++used * 2 > capacity) grow();
}

static int isSpace(unsigned char byte) { return byte == ' ' || (byte >= '\t' && byte <= '\r'); }

static void appendToWord(const unsigned char *bytes, size_t length) {
    if (wordLength + length > wordCapacity) {
        while (wordLength + length > wordCapacity) wordCapacity *= 2;
        word = checked(realloc(word, wordCapacity));
    }
    memcpy(word + wordLength, bytes, length);
    wordLength += length;
}

static void endWord(void) {
    if (wordLength > 0) count(word, wordLength);
    wordLength = 0;
}

static int countStream(FILE *file, const char *name) {
    static unsigned char buffer[1 << 16];
    size_t got;
    while ((got = fread(buffer, 1, sizeof buffer, file)) > 0) {
        size_t i = 0;
        /* finish a word carried over from the previous read */
        if (wordLength > 0) {
            size_t start = 0;
            while (i < got && !isSpace(buffer[i])) i++;
            appendToWord(buffer + start, i - start);
            if (i == got) continue;
            endWord();
        }
        while (i < got) {
            while (i < got && isSpace(buffer[i])) i++;
            size_t start = i;
            while (i < got && !isSpace(buffer[i])) i++;
            if (i == start) break;
            if (i == got) {
                appendToWord(buffer + start, i - start); /* may continue in the next read */
            } else {
                count(buffer + start, i - start);
            }
        }
    }
    if (ferror(file)) {
        fprintf(stderr, "wordcount: %s: %s\n", name, strerror(errno));
        return 1;
    }
    endWord(); /* a file's end ends a word */
    return 0;
}

static int countFile(const char *name) {
    FILE *file = fopen(name, "rb");
    if (file == NULL) {
        fprintf(stderr, "wordcount: %s: %s\n", name, strerror(errno));
        return 1;
    }
    int status = countStream(file, name);
    fclose(file);
    return status;
}

/* Counts the files named in `listName`, a file of NUL-terminated names. */
static int countListedFiles(const char *listName) {
    FILE *list = fopen(listName, "rb");
    if (list == NULL) {
        fprintf(stderr, "wordcount: %s: %s\n", listName, strerror(errno));
        return 1;
    }
    int status = 0;
    char *name = NULL;
    size_t nameCapacity = 0;
    ssize_t got;
    while ((got = getdelim(&name, &nameCapacity, '\0', list)) > 0) {
        if (name[0] != '\0') status |= countFile(name); /* getdelim terminates even the last name */
    }
    free(name);
    fclose(list);
    return status;
}

int main(int argc, char **argv) {
    table = checked(calloc(capacity, sizeof(Entry)));
    arena = checked(malloc(arenaCapacity));
    word = checked(malloc(wordCapacity));
    int status = 0;
    if (argc < 2) {
        status |= countStream(stdin, "-");
    } else {
        for (int i = 1; i < argc; i++) {
            if (strncmp(argv[i], "--files0-from=", 14) == 0) {
                status |= countListedFiles(argv[i] + 14);
            } else {
                status |= countFile(argv[i]);
            }
        }
    }
    static char out[1 << 16];
    setvbuf(stdout, out, _IOFBF, sizeof out);
    for (size_t i = 0; i < capacity; i++) {
        if (table[i].count == 0) continue;
        fwrite(arena + table[i].offset, 1, table[i].length, stdout);
        printf("\t%llu\n", (unsigned long long)table[i].count);
    }
    if (fflush(stdout) != 0) {
        perror("wordcount: stdout");
        status = 1;
    }
    return status;
}
