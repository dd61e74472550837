#include "jpeg_stream.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

/* Row groups (iMCU rows for planes, 16 rows for pixels) per band, and bands between threads. */
enum { GROUPS_PER_BAND = 8, BANDS_IN_FLIGHT = 3 };

/* libjpeg's errors end in a longjmp back into this file; its warnings are kept quiet, except
   that running out of data is remembered, since libjpeg would fill the rest with gray. */
typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    int truncated;
} error_manager;

static void exit_with_error(j_common_ptr info) {
    longjmp(((error_manager *)info->err)->jump, 1);
}

static void emit_message(j_common_ptr info, int level) {
    if (level < 0 && info->err->msg_code == JWRN_JPEG_EOF) ((error_manager *)info->err)->truncated = 1;
}

static void install(error_manager *errors) {
    jpeg_std_error(&errors->base);
    errors->base.error_exit = exit_with_error;
    errors->base.emit_message = emit_message;
}

static void describe(j_common_ptr info, char *message, size_t size) {
    char text[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, text);
    snprintf(message, size, "%s", text);
}

/* One band of rows: a buffer per component (planes) or one interleaved buffer (pixels). */
typedef struct {
    JSAMPARRAY rows[MAX_COMPONENTS];
    void *memory;
    size_t groups;    /* row groups decoded into the band */
    size_t row_count; /* image rows of buffer 0 in it */
} band;

typedef struct {
    struct jpeg_decompress_struct info;
    error_manager errors;
    const mr_jpeg_stream_options *options;
    int buffers;
    size_t group_rows[MAX_COMPONENTS]; /* rows of each buffer per row group */
    size_t stride[MAX_COMPONENTS];
    size_t width;                      /* image bytes per row of buffer 0 */
    size_t height;                     /* image rows of buffer 0 */
    size_t next_row;
    band bands[BANDS_IN_FLIGHT];
} decoder;

/* Reads the header and starts decoding in the asked form; sizes the bands. */
static void start_decoder(decoder *d, const unsigned char *input, size_t size) {
    jpeg_mem_src(&d->info, input, (unsigned long)size);
    jpeg_read_header(&d->info, TRUE);
    d->info.dct_method = JDCT_ISLOW;
    if (d->options->planes) {
        d->info.raw_data_out = TRUE;
    } else {
        d->info.out_color_space = d->options->channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    }
    jpeg_start_decompress(&d->info);
    if (d->options->planes) {
        d->buffers = d->info.num_components;
        for (int i = 0; i < d->buffers; i++) {
            jpeg_component_info *component = &d->info.comp_info[i];
            d->group_rows[i] = (size_t)component->v_samp_factor * DCTSIZE;
            d->stride[i] = (size_t)component->width_in_blocks * DCTSIZE;
        }
        d->width = d->info.comp_info[0].downsampled_width;
        d->height = d->info.comp_info[0].downsampled_height;
    } else {
        d->buffers = 1;
        d->group_rows[0] = 16;
        d->stride[0] = d->width = (size_t)d->info.output_width * d->info.output_components;
        d->height = d->info.output_height;
    }
}

/* Allocates one band's buffers and row pointers in one block; 0 when memory is short. */
static int allocate(decoder *d, band *b) {
    size_t pointers = 0, bytes = 0;
    for (int i = 0; i < d->buffers; i++) {
        size_t rows = GROUPS_PER_BAND * d->group_rows[i];
        pointers += rows;
        bytes += rows * d->stride[i];
    }
    b->memory = malloc(pointers * sizeof(JSAMPROW) + bytes);
    if (b->memory == NULL) return 0;
    JSAMPROW *table = b->memory;
    JSAMPLE *sample = (JSAMPLE *)(table + pointers);
    for (int i = 0; i < d->buffers; i++) {
        b->rows[i] = table;
        for (size_t row = 0; row < GROUPS_PER_BAND * d->group_rows[i]; row++) {
            *table++ = sample;
            sample += d->stride[i];
        }
    }
    return 1;
}

/* Decodes the next band; 0 when the image is done. */
static int read_band(decoder *d, band *b) {
    b->groups = 0;
    b->row_count = 0;
    while (b->groups < GROUPS_PER_BAND && d->info.output_scanline < d->info.output_height) {
        if (d->options->planes) {
            JSAMPARRAY planes[MAX_COMPONENTS];
            for (int i = 0; i < d->buffers; i++) planes[i] = b->rows[i] + b->groups * d->group_rows[i];
            if (jpeg_read_raw_data(&d->info, planes, (JDIMENSION)(d->info.max_v_samp_factor * DCTSIZE)) == 0) break;
            b->groups += 1;
        } else {
            size_t wanted = GROUPS_PER_BAND * d->group_rows[0], done = 0;
            while (done < wanted && d->info.output_scanline < d->info.output_height) {
                JDIMENSION read = jpeg_read_scanlines(&d->info, b->rows[0] + done, (JDIMENSION)(wanted - done));
                if (read == 0) break;
                done += read;
            }
            b->groups = GROUPS_PER_BAND;
            b->row_count = done;
            break;
        }
    }
    if (d->options->planes) {
        size_t rows = b->groups * d->group_rows[0];
        b->row_count = d->next_row + rows > d->height ? d->height - d->next_row : rows;
        if (d->options->neutral_chroma) {
            for (int i = 1; i < d->buffers; i++) {
                for (size_t row = 0; row < b->groups * d->group_rows[i]; row++) memset(b->rows[i][row], 128, d->stride[i]);
            }
        }
    }
    d->next_row += b->row_count;
    return b->row_count > 0;
}

static void hand_over(decoder *d, band *b, mr_jpeg_rows_callback callback, void *context) {
    callback(context, b->rows[0][0], b->row_count, d->width, d->stride[0]);
}

static decoder *new_decoder(const mr_jpeg_stream_options *options) {
    decoder *d = calloc(1, sizeof(decoder));
    if (d == NULL) return NULL;
    d->options = options;
    install(&d->errors);
    d->info.err = &d->errors.base;
    return d;
}

static void free_decoder(decoder *d) {
    jpeg_destroy_decompress(&d->info);
    for (int i = 0; i < BANDS_IN_FLIGHT; i++) free(d->bands[i].memory);
    free(d);
}

mr_jpeg_status mr_jpeg_scan(const unsigned char *input, size_t size, const mr_jpeg_stream_options *options,
                            mr_jpeg_rows_callback callback, void *context, char *message, size_t message_size) {
    decoder *d = new_decoder(options);
    if (d == NULL) return MR_JPEG_RESOURCES;
    if (setjmp(d->errors.jump)) {
        describe((j_common_ptr)&d->info, message, message_size);
        free_decoder(d);
        return MR_JPEG_CORRUPT;
    }
    jpeg_create_decompress(&d->info);
    start_decoder(d, input, size);
    if (!allocate(d, &d->bands[0])) {
        free_decoder(d);
        return MR_JPEG_RESOURCES;
    }
    while (read_band(d, &d->bands[0]) && !d->errors.truncated) hand_over(d, &d->bands[0], callback, context);
    mr_jpeg_status status = d->errors.truncated ? MR_JPEG_TRUNCATED : MR_JPEG_OK;
    free_decoder(d);
    return status;
}

/* The bands between the decoding thread, which also runs the callback, and the encoder. */
typedef struct {
    decoder *decoder;
    mr_jpeg_rows_callback callback;
    void *context;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    size_t produced, consumed;
    int finished, cancelled, started;
    mr_jpeg_status failure;
    char *message;
    size_t message_size;
    pthread_t thread;
} pipeline;

static void publish(pipeline *p, int produced, mr_jpeg_status failure) {
    pthread_mutex_lock(&p->lock);
    if (produced) p->produced += 1; else if (failure == MR_JPEG_OK) p->finished = 1; else p->failure = failure;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
}

static void *decode_bands(void *argument) {
    pipeline *p = argument;
    decoder *d = p->decoder;
    if (setjmp(d->errors.jump)) {
        describe((j_common_ptr)&d->info, p->message, p->message_size);
        publish(p, 0, MR_JPEG_CORRUPT);
        return NULL;
    }
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->produced - p->consumed == BANDS_IN_FLIGHT && !p->cancelled) pthread_cond_wait(&p->changed, &p->lock);
        int cancelled = p->cancelled;
        pthread_mutex_unlock(&p->lock);
        if (cancelled) return NULL;
        band *b = &d->bands[p->produced % BANDS_IN_FLIGHT];
        int more = read_band(d, b);
        if (d->errors.truncated) {
            snprintf(p->message, p->message_size, "the data ends before the image does");
            publish(p, 0, MR_JPEG_TRUNCATED);
            return NULL;
        }
        if (!more) {
            publish(p, 0, MR_JPEG_OK);
            return NULL;
        }
        hand_over(d, b, p->callback, p->context);
        publish(p, 1, MR_JPEG_OK);
    }
}

/* The encoder's output: a buffer this file owns, grown by doubling. */
typedef struct {
    struct jpeg_destination_mgr base;
    unsigned char *buffer;
    size_t capacity, size;
} memory_destination;

static void start_output(j_compress_ptr c) {
    memory_destination *destination = (memory_destination *)c->dest;
    destination->buffer = malloc(destination->capacity);
    if (destination->buffer == NULL) ERREXIT1(c, JERR_OUT_OF_MEMORY, 1);
    destination->base.next_output_byte = destination->buffer;
    destination->base.free_in_buffer = destination->capacity;
}

static boolean grow_output(j_compress_ptr c) {
    memory_destination *destination = (memory_destination *)c->dest;
    unsigned char *grown = realloc(destination->buffer, destination->capacity * 2);
    if (grown == NULL) ERREXIT1(c, JERR_OUT_OF_MEMORY, 2);
    destination->buffer = grown;
    destination->base.next_output_byte = grown + destination->capacity;
    destination->base.free_in_buffer = destination->capacity;
    destination->capacity *= 2;
    return TRUE;
}

static void finish_output(j_compress_ptr c) {
    memory_destination *destination = (memory_destination *)c->dest;
    destination->size = destination->capacity - destination->base.free_in_buffer;
}

/* Starts an encoder with the decoder's size and sampling factors, writing into `destination`. */
static void start_encoder(struct jpeg_compress_struct *c, decoder *d, memory_destination *destination) {
    const mr_jpeg_stream_options *options = d->options;
    destination->base.init_destination = start_output;
    destination->base.empty_output_buffer = grow_output;
    destination->base.term_destination = finish_output;
    c->dest = &destination->base;
    c->image_width = d->info.image_width;
    c->image_height = d->info.image_height;
    if (options->planes) {
        c->input_components = d->info.num_components;
        c->in_color_space = d->info.num_components == 1 ? JCS_GRAYSCALE : JCS_YCbCr;
    } else {
        c->input_components = options->channels;
        c->in_color_space = options->channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    }
    jpeg_set_defaults(c);
    if (c->num_components == d->info.num_components) {
        for (int i = 0; i < c->num_components; i++) {
            c->comp_info[i].h_samp_factor = d->info.comp_info[i].h_samp_factor;
            c->comp_info[i].v_samp_factor = d->info.comp_info[i].v_samp_factor;
        }
    }
    jpeg_set_quality(c, options->quality, TRUE);
    /* TurboJPEG's defaults: the fast forward DCT (its effect on accuracy is very slight), but the
       accurate inverse DCT above, where the fast one would show. */
    c->dct_method = JDCT_IFAST;
    c->raw_data_in = options->planes ? TRUE : FALSE;
    jpeg_start_compress(c, TRUE);
}

static void write_band(struct jpeg_compress_struct *c, decoder *d, band *b) {
    if (d->options->planes) {
        for (size_t group = 0; group < b->groups; group++) {
            JSAMPARRAY planes[MAX_COMPONENTS];
            for (int i = 0; i < d->buffers; i++) planes[i] = b->rows[i] + group * d->group_rows[i];
            jpeg_write_raw_data(c, planes, (JDIMENSION)(c->max_v_samp_factor * DCTSIZE));
        }
    } else {
        jpeg_write_scanlines(c, b->rows[0], (JDIMENSION)b->row_count);
    }
}

typedef struct {
    struct jpeg_compress_struct info;
    error_manager errors;
    memory_destination destination;
} encoder;

mr_jpeg_status mr_jpeg_transcode(const unsigned char *input, size_t size, const mr_jpeg_stream_options *options,
                                 mr_jpeg_rows_callback callback, void *context, unsigned char **output,
                                 unsigned long *output_size, char *message, size_t message_size) {
    decoder *d = new_decoder(options);
    encoder *e = calloc(1, sizeof(encoder));
    pipeline *p = calloc(1, sizeof(pipeline));
    if (d == NULL || e == NULL || p == NULL) {
        if (d != NULL) free_decoder(d);
        free(e);
        free(p);
        return MR_JPEG_RESOURCES;
    }
    install(&e->errors);
    e->info.err = &e->errors.base;
    *p = (pipeline){.decoder = d, .callback = callback, .context = context, .message = message, .message_size = message_size};
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->changed, NULL);
    volatile mr_jpeg_status status = MR_JPEG_OK;
    if (setjmp(d->errors.jump)) {
        describe((j_common_ptr)&d->info, message, message_size);
        status = MR_JPEG_CORRUPT;
        goto done;
    }
    jpeg_create_decompress(&d->info);
    start_decoder(d, input, size);
    for (int i = 0; i < BANDS_IN_FLIGHT; i++) {
        if (!allocate(d, &d->bands[i])) {
            status = MR_JPEG_RESOURCES;
            goto done;
        }
    }
    if (setjmp(e->errors.jump)) {
        describe((j_common_ptr)&e->info, message, message_size);
        status = MR_JPEG_ENCODE_FAILED;
        goto done;
    }
    jpeg_create_compress(&e->info);
    e->destination.capacity = size + 65536;
    start_encoder(&e->info, d, &e->destination);
    if (pthread_create(&p->thread, NULL, decode_bands, p) != 0) {
        status = MR_JPEG_RESOURCES;
        goto done;
    }
    p->started = 1;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->produced == p->consumed && !p->finished && p->failure == MR_JPEG_OK) pthread_cond_wait(&p->changed, &p->lock);
        int ready = p->failure == MR_JPEG_OK && p->produced > p->consumed;
        status = p->failure;
        pthread_mutex_unlock(&p->lock);
        if (!ready) break;
        write_band(&e->info, d, &d->bands[p->consumed % BANDS_IN_FLIGHT]);
        pthread_mutex_lock(&p->lock);
        p->consumed += 1;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
    if (status == MR_JPEG_OK) jpeg_finish_compress(&e->info);
done:
    if (p->started) {
        pthread_mutex_lock(&p->lock);
        p->cancelled = 1;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
        pthread_join(p->thread, NULL);
    }
    jpeg_destroy_compress(&e->info);
    free_decoder(d);
    pthread_cond_destroy(&p->changed);
    pthread_mutex_destroy(&p->lock);
    free(p);
    if (status == MR_JPEG_OK) {
        *output = e->destination.buffer;
        *output_size = (unsigned long)e->destination.size;
    } else {
        free(e->destination.buffer);
    }
    free(e);
    return status;
}

void mr_jpeg_free(unsigned char *output) {
    free(output);
}
