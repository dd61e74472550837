// The decoding half of the JPEG stream: libjpeg's errors turned into a longjmp back to the
// caller, and a decoder that hands out the image a band of rows at a time. Internal to the
// target: the public interface is jpeg_stream.h.
#ifndef BAND_DECODER_H
#define BAND_DECODER_H

#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>

#include <jpeglib.h>

#include "jpeg_stream.h"

/* Row groups (iMCU rows for planes, 16 rows for pixels) per band, and bands between threads. */
enum { GROUPS_PER_BAND = 8, BANDS_IN_FLIGHT = 3 };

/* libjpeg's errors end in a longjmp to `jump`, which the caller set, and so do its warnings
   about corrupt data; running out of data is remembered, since libjpeg would fill the rest of
   the image with gray; other warnings are kept quiet. */
typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    int truncated;
} error_manager;

/* One band of rows: a buffer per component (planes) or one interleaved buffer (pixels). */
typedef struct {
    JSAMPARRAY rows[MAX_COMPONENTS];
    void *memory;
    size_t groups;    /* row groups decoded into the band */
    size_t row_count; /* image rows of buffer 0 in it */
} band;

/* A decompressor and the bands it decodes into, for one stream call. */
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

/* Points libjpeg's errors at `errors`: a longjmp to its `jump`, and quiet warnings. */
void mr_errors_install(error_manager *errors);

/* Writes libjpeg's last message into `message`. */
void mr_errors_describe(j_common_ptr info, char *message, size_t size);

/* A decoder for `options` with its errors installed; NULL when memory is short. */
decoder *mr_decoder_new(const mr_jpeg_stream_options *options);

/* Reads the header of `input` and starts decoding it in the asked form; sizes the bands. */
void mr_decoder_start(decoder *d, const unsigned char *input, size_t size);

/* Allocates the buffers of every band; 0 when memory is short. */
int mr_decoder_allocate(decoder *d);

/* Decodes the next band into `b`; 0 when the image is done. */
int mr_decoder_read(decoder *d, band *b);

/* Frees the decoder and its bands. */
void mr_decoder_free(decoder *d);

#endif
