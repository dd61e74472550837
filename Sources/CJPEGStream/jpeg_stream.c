#include "jpeg_stream.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <jerror.h>

#include "band_decoder.h"

/* The bands between the decoding thread and the thread that called: the decoder fills them
   ahead, the caller hands each to the callback and, when transcoding, to the encoder. */
typedef struct {
    decoder *decoder;
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
        mr_errors_describe((j_common_ptr)&d->info, p->message, p->message_size);
        publish(p, 0, MR_JPEG_CORRUPT);
        return NULL;
    }
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->produced - p->consumed == BANDS_IN_FLIGHT && !p->cancelled) pthread_cond_wait(&p->changed, &p->lock);
        int cancelled = p->cancelled;
        pthread_mutex_unlock(&p->lock);
        if (cancelled) return NULL;
        int more = mr_decoder_read(d, &d->bands[p->produced % BANDS_IN_FLIGHT]);
        if (d->errors.truncated) {
            snprintf(p->message, p->message_size, "the data ends before the image does");
            publish(p, 0, MR_JPEG_TRUNCATED);
            return NULL;
        }
        publish(p, more, MR_JPEG_OK);
        if (!more) return NULL;
    }
}

/* A pipeline over `d`, whose decoding has started and whose bands are allocated. */
static pipeline *new_pipeline(decoder *d, char *message, size_t message_size) {
    pipeline *p = calloc(1, sizeof(pipeline));
    if (p == NULL) return NULL;
    *p = (pipeline){.decoder = d, .message = message, .message_size = message_size};
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->changed, NULL);
    p->started = pthread_create(&p->thread, NULL, decode_bands, p) == 0;
    return p;
}

/* Stops the decoding thread, wherever it is, and frees the pipeline. */
static void free_pipeline(pipeline *p) {
    if (p == NULL) return;
    if (p->started) {
        pthread_mutex_lock(&p->lock);
        p->cancelled = 1;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
        pthread_join(p->thread, NULL);
    }
    pthread_cond_destroy(&p->changed);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

/* The encoder's output: the caller's buffer until it is full, then one this file owns, grown by
   doubling. */
typedef struct {
    struct jpeg_destination_mgr base;
    unsigned char *buffer;
    size_t capacity, size;
    int owned;
} memory_destination;

static void start_output(j_compress_ptr c) {
    memory_destination *destination = (memory_destination *)c->dest;
    destination->base.next_output_byte = destination->buffer;
    destination->base.free_in_buffer = destination->capacity;
}

static boolean grow_output(j_compress_ptr c) {
    memory_destination *destination = (memory_destination *)c->dest;
    unsigned char *grown;
    if (destination->owned) {
        grown = realloc(destination->buffer, destination->capacity * 2);
    } else {
        grown = malloc(destination->capacity * 2);
        if (grown != NULL) memcpy(grown, destination->buffer, destination->capacity);
    }
    if (grown == NULL) ERREXIT1(c, JERR_OUT_OF_MEMORY, 2);
    destination->owned = 1;
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

/* Starts an encoder with the decoder's size and sampling factors, writing into `destination`, and
   writes the header and `metadata`'s segments. */
static void start_encoder(struct jpeg_compress_struct *c, decoder *d, memory_destination *destination,
                          const mr_jpeg_metadata *metadata) {
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
    c->write_JFIF_header = metadata->write_jfif ? TRUE : FALSE;
    jpeg_start_compress(c, TRUE);
    for (size_t i = 0; i < metadata->count; i++) {
        const mr_jpeg_segment *segment = &metadata->segments[i];
        jpeg_write_marker(c, segment->marker, segment->payload, segment->size);
    }
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

/* Hands every band, as the decoder finishes it, to the callback and then to `encoder` (if
   any), on this thread; returns how the decoding ended. */
static mr_jpeg_status consume(pipeline *p, mr_jpeg_rows_callback callback, void *context,
                              struct jpeg_compress_struct *encoder) {
    decoder *d = p->decoder;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->produced == p->consumed && !p->finished && p->failure == MR_JPEG_OK) pthread_cond_wait(&p->changed, &p->lock);
        int ready = p->failure == MR_JPEG_OK && p->produced > p->consumed;
        mr_jpeg_status status = p->failure;
        pthread_mutex_unlock(&p->lock);
        if (!ready) return status;
        band *b = &d->bands[p->consumed % BANDS_IN_FLIGHT];
        callback(context, b->rows[0][0], b->row_count, d->width, d->stride[0]);
        if (encoder != NULL) write_band(encoder, d, b);
        pthread_mutex_lock(&p->lock);
        p->consumed += 1;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
}

mr_jpeg_status mr_jpeg_scan(const unsigned char *input, size_t size, const mr_jpeg_stream_options *options,
                            mr_jpeg_rows_callback callback, void *context, char *message, size_t message_size) {
    decoder *d = mr_decoder_new(options);
    if (d == NULL) return MR_JPEG_RESOURCES;
    if (setjmp(d->errors.jump)) {
        mr_errors_describe((j_common_ptr)&d->info, message, message_size);
        mr_decoder_free(d);
        return MR_JPEG_CORRUPT;
    }
    jpeg_create_decompress(&d->info);
    mr_decoder_start(d, input, size);
    if (!mr_decoder_allocate(d)) {
        mr_decoder_free(d);
        return MR_JPEG_RESOURCES;
    }
    pipeline *p = new_pipeline(d, message, message_size);
    mr_jpeg_status status = p != NULL && p->started ? consume(p, callback, context, NULL) : MR_JPEG_RESOURCES;
    free_pipeline(p);
    mr_decoder_free(d);
    return status;
}

mr_jpeg_status mr_jpeg_transcode(const unsigned char *input, size_t size, const mr_jpeg_stream_options *options,
                                 const mr_jpeg_metadata *metadata, mr_jpeg_rows_callback callback, void *context,
                                 unsigned char *buffer, size_t capacity, unsigned char **output,
                                 size_t *output_size, char *message, size_t message_size) {
    decoder *d = mr_decoder_new(options);
    encoder *e = calloc(1, sizeof(encoder));
    if (d == NULL || e == NULL) {
        if (d != NULL) mr_decoder_free(d);
        free(e);
        return MR_JPEG_RESOURCES;
    }
    mr_errors_install(&e->errors);
    e->info.err = &e->errors.base;
    pipeline *volatile p = NULL;
    volatile mr_jpeg_status status = MR_JPEG_OK;
    if (setjmp(d->errors.jump)) {
        mr_errors_describe((j_common_ptr)&d->info, message, message_size);
        status = MR_JPEG_CORRUPT;
        goto done;
    }
    jpeg_create_decompress(&d->info);
    mr_decoder_start(d, input, size);
    if (!mr_decoder_allocate(d)) {
        status = MR_JPEG_RESOURCES;
        goto done;
    }
    if (setjmp(e->errors.jump)) {
        mr_errors_describe((j_common_ptr)&e->info, message, message_size);
        status = MR_JPEG_ENCODE_FAILED;
        goto done;
    }
    jpeg_create_compress(&e->info);
    e->destination.buffer = buffer;
    e->destination.capacity = capacity;
    start_encoder(&e->info, d, &e->destination, metadata);
    p = new_pipeline(d, message, message_size);
    if (p == NULL || !p->started) {
        status = MR_JPEG_RESOURCES;
        goto done;
    }
    status = consume(p, callback, context, &e->info);
    if (status == MR_JPEG_OK) jpeg_finish_compress(&e->info);
done:
    free_pipeline(p);
    jpeg_destroy_compress(&e->info);
    mr_decoder_free(d);
    if (status == MR_JPEG_OK) {
        *output = e->destination.buffer;
        *output_size = e->destination.size;
    } else if (e->destination.owned) {
        free(e->destination.buffer);
    }
    free(e);
    return status;
}

void mr_jpeg_free(unsigned char *output) {
    free(output);
}
