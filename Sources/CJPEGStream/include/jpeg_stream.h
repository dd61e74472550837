// Streams a JPEG through libjpeg-turbo a band of rows at a time: a second thread decodes a few
// bands ahead while the calling thread hands each band to a callback and, when transcoding,
// encodes it. No whole image is ever held, and libjpeg's longjmp-based errors never cross into
// Swift.
#ifndef JPEG_STREAM_H
#define JPEG_STREAM_H

#include <stddef.h>

/// How the rows are presented: the stored planes or decoded pixels.
typedef struct {
    /// 1: the stored Y (or gray) plane, without colour conversion or upsampling; the chroma planes
    /// pass through to the encoder. 0: decoded pixels.
    int planes;
    /// Pixels only: 1 for gray, 3 for RGB.
    int channels;
    /// Planes only: set Cb and Cr to 128, so the output is gray.
    int neutral_chroma;
    /// Transcoding only: the output's quality, 1-100.
    int quality;
} mr_jpeg_stream_options;

/// One APPn or COM segment for the encoder to write.
typedef struct {
    /// The second marker byte: 0xE0-0xEF (APPn) or 0xFE (COM).
    int marker;
    /// The payload, without the marker and the length.
    const unsigned char *payload;
    /// The payload's size, at most 65,533 bytes.
    unsigned int size;
} mr_jpeg_segment;

/// What the encoder writes between the start of image and the frame.
typedef struct {
    /// 1: the encoder's own JFIF APP0 first; 0: none (a segment carries the source's).
    int write_jfif;
    /// The segments, in the order they are written.
    const mr_jpeg_segment *segments;
    size_t count;
} mr_jpeg_metadata;

/// Hears each band of rows in order: `rows` image rows (rows past the image's bottom edge are not
/// counted) of `width` bytes each, `stride` bytes apart. It may change the bytes.
typedef void (*mr_jpeg_rows_callback)(void *context, unsigned char *rows, size_t row_count, size_t width, size_t stride);

/// The outcome of a stream call.
typedef enum {
    MR_JPEG_OK = 0,
    /// The decoder failed: `message` says why.
    MR_JPEG_CORRUPT = 1,
    /// The data ended before the image did.
    MR_JPEG_TRUNCATED = 2,
    /// The encoder failed.
    MR_JPEG_ENCODE_FAILED = 3,
    /// Memory or a thread could not be had.
    MR_JPEG_RESOURCES = 4,
} mr_jpeg_status;

/// Decodes `input` and calls `callback` on this thread with every band of rows, in order.
mr_jpeg_status mr_jpeg_scan(const unsigned char *input, size_t size, const mr_jpeg_stream_options *options,
                            mr_jpeg_rows_callback callback, void *context, char *message, size_t message_size);

/// Decodes `input`, calls `callback` on this thread with every band of rows, in order, and
/// encodes the changed rows, with the input's sampling factors and `metadata`, into a new JPEG.
/// The JPEG is written into `buffer` (`capacity` bytes, the caller's); `*output` points to it
/// afterwards and `*output_size` is its size. When it does not fit, it goes into memory of this
/// file's and `*output` points there instead: free that with `mr_jpeg_free`.
mr_jpeg_status mr_jpeg_transcode(const unsigned char *input, size_t size, const mr_jpeg_stream_options *options,
                                 const mr_jpeg_metadata *metadata, mr_jpeg_rows_callback callback, void *context,
                                 unsigned char *buffer, size_t capacity, unsigned char **output,
                                 size_t *output_size, char *message, size_t message_size);

/// Frees an output of `mr_jpeg_transcode` that is not the caller's buffer.
void mr_jpeg_free(unsigned char *output);

#endif
