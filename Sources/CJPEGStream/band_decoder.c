#include "band_decoder.h"

#include <stdlib.h>
#include <string.h>

#include <jerror.h>

static void exit_with_error(j_common_ptr info) {
    longjmp(((error_manager *)info->err)->jump, 1);
}

/* Whether a warning says the compressed data is damaged, so that libjpeg would go on with made-up
   pixels (gray blocks, zeroed coefficients) rather than the image's. */
static int is_corrupt_data(int code) {
    switch (code) {
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_ARITH_BAD_CODE:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL:
    case JWRN_BOGUS_PROGRESSION:
    case JWRN_EXTRANEOUS_DATA:
        return 1;
    default:
        return 0;
    }
}

/* Running out of data is remembered (the decoder reports the file as truncated); any other
   warning about corrupt data becomes an error; the rest (an unknown JFIF revision, a bad ICC
   chunk) stay quiet. */
static void emit_message(j_common_ptr info, int level) {
    error_manager *errors = (error_manager *)info->err;
    if (level >= 0 || errors->truncated) return;
    if (info->err->msg_code == JWRN_JPEG_EOF) {
        errors->truncated = 1;
    } else if (is_corrupt_data(info->err->msg_code)) {
        exit_with_error(info);
    }
}

void mr_errors_install(error_manager *errors) {
    jpeg_std_error(&errors->base);
    errors->base.error_exit = exit_with_error;
    errors->base.emit_message = emit_message;
}

void mr_errors_describe(j_common_ptr info, char *message, size_t size) {
    char text[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, text);
    snprintf(message, size, "%s", text);
}

void mr_decoder_start(decoder *d, const unsigned char *input, size_t size) {
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

int mr_decoder_read(decoder *d, band *b) {
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

int mr_decoder_allocate(decoder *d) {
    for (int i = 0; i < BANDS_IN_FLIGHT; i++) {
        if (!allocate(d, &d->bands[i])) return 0;
    }
    return 1;
}

decoder *mr_decoder_new(const mr_jpeg_stream_options *options) {
    decoder *d = calloc(1, sizeof(decoder));
    if (d == NULL) return NULL;
    d->options = options;
    mr_errors_install(&d->errors);
    d->info.err = &d->errors.base;
    return d;
}

void mr_decoder_free(decoder *d) {
    jpeg_destroy_decompress(&d->info);
    for (int i = 0; i < BANDS_IN_FLIGHT; i++) free(d->bands[i].memory);
    free(d);
}
