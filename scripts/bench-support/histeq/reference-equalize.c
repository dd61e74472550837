// The reference of bench-histeq: what an ideal single-process histogram equalizer on the same
// libraries must do, with no framework. It reads the image once into memory and makes the two
// passes over the pixels that equalization needs (histogram, then lookup), then writes the result.
//
//   JPEG: TurboJPEG decodes once (gray to TJPF_GRAY; color to its YUV planes, so no color
//         conversion either way), the Y (or gray) plane is equalized, and the image is encoded at
//         quality 95 with the source's chroma subsampling, chroma planes untouched. The output is
//         byte for byte histeq's.
//   TIFF: 8-bit contiguous gray or RGB strips are read with TIFFReadEncodedStrip; gray values go
//         through the table, RGB pixels all move by lut[Y] - Y with
//         Y = (19595 R + 38470 G + 7471 B + 32768) >> 16, clamped to 0..255; the result is written
//         uncompressed with the source's layout (size, samples, photometric, rows per strip).
//
// The table is OpenCV's equalizeHist rule, as histeq uses: with N pixels and cdf_min the count of
// the first non-empty bin, lut[v] = round((cdf(v) - cdf_min) * 255 / (N - cdf_min)) in 32-bit
// floats, ties to even; an image with a single value is left unchanged.
//
// Usage: reference-equalize INPUT OUTPUT (the format is the input's: JPEG or TIFF).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tiffio.h>
#include <turbojpeg.h>

// lut from a 256-bin histogram, OpenCV's equalizeHist rule.
static void make_table(const uint64_t histogram[256], unsigned char lut[256]) {
    uint64_t total = 0;
    for (int v = 0; v < 256; v++) total += histogram[v];
    int first = 0;
    while (first < 256 && histogram[first] == 0) first++;
    if (first == 256 || histogram[first] == total) {
        for (int v = 0; v < 256; v++) lut[v] = (unsigned char)v;
        return;
    }
    float scale = 255.0f / (float)(total - histogram[first]);
    uint64_t sum = 0;
    memset(lut, 0, 256);
    for (int v = first + 1; v < 256; v++) {
        sum += histogram[v];
        float scaled = (float)sum * scale;  // 0...255: the fraction below is exact
        int whole = (int)scaled;
        float fraction = scaled - (float)whole;
        if (fraction > 0.5f || (fraction == 0.5f && (whole & 1))) whole++;  // to nearest, ties to even
        lut[v] = (unsigned char)(whole > 255 ? 255 : whole);
    }
}

// Equalizes a plane of bytes in place: the histogram of its WIDTH x HEIGHT image pixels (rows
// STRIDE apart), the table applied to all STRIDE x ROWS bytes. A YUV plane from TurboJPEG is
// padded to whole chroma blocks (4:2:0: even width and height); equalizing the padding too keeps
// the edge blocks smooth, as histeq does.
static void equalize_plane(unsigned char *plane, int width, int height, int stride, int rows) {
    uint64_t histogram[256] = {0};
    for (int y = 0; y < height; y++) {
        const unsigned char *row = plane + (size_t)y * stride;
        for (int x = 0; x < width; x++) histogram[row[x]]++;
    }
    unsigned char lut[256];
    make_table(histogram, lut);
    size_t count = (size_t)stride * rows;
    for (size_t i = 0; i < count; i++) plane[i] = lut[plane[i]];
}

static inline int luma(const unsigned char *p) {
    return (19595 * p[0] + 38470 * p[1] + 7471 * p[2] + 32768) >> 16;
}

// Equalizes COUNT contiguous RGB pixels in place by the luma: each moves by lut[Y] - Y, clamped.
// The moves are tabled per Y (64 KiB), which halves the time of the second pass.
static void equalize_rgb(unsigned char *pixels, size_t count) {
    uint64_t histogram[256] = {0};
    for (size_t i = 0; i < count; i++) histogram[luma(pixels + 3 * i)]++;
    unsigned char lut[256];
    make_table(histogram, lut);
    static unsigned char moved[256][256];  // moved[Y][v] = clamp(v + lut[Y] - Y)
    for (int y = 0; y < 256; y++) {
        for (int v = 0; v < 256; v++) {
            int value = v + lut[y] - y;
            moved[y][v] = (unsigned char)(value < 0 ? 0 : value > 255 ? 255 : value);
        }
    }
    for (size_t i = 0; i < count; i++) {
        unsigned char *p = pixels + 3 * i;
        const unsigned char *to = moved[luma(p)];
        p[0] = to[p[0]];
        p[1] = to[p[1]];
        p[2] = to[p[2]];
    }
}

// Reads a whole file; NULL (with a message) on failure.
static unsigned char *read_file(const char *path, unsigned long *size) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); return NULL; }
    unsigned char *bytes = NULL;
    long length;
    if (fseek(file, 0, SEEK_END) != 0 || (length = ftell(file)) < 0 || fseek(file, 0, SEEK_SET) != 0) {
        perror(path);
    } else if (!(bytes = malloc(length > 0 ? (size_t)length : 1))) {
        fprintf(stderr, "%s: out of memory\n", path);
    } else if (fread(bytes, 1, (size_t)length, file) != (size_t)length) {
        fprintf(stderr, "%s: short read\n", path);
        free(bytes);
        bytes = NULL;
    }
    fclose(file);
    *size = (unsigned long)(length > 0 ? length : 0);
    return bytes;
}

static int write_file(const char *path, const unsigned char *bytes, unsigned long size) {
    FILE *file = fopen(path, "wb");
    if (!file) { perror(path); return 1; }
    int failed = fwrite(bytes, 1, size, file) != size;
    if (fclose(file) != 0) failed = 1;
    if (failed) { perror(path); return 1; }
    return 0;
}

static int equalize_jpeg(const char *input, unsigned char *jpeg, unsigned long size, const char *output) {
    int status = 1;
    tjhandle decoder = tjInitDecompress(), encoder = tjInitCompress();
    unsigned char *pixels = NULL, *planes[3] = {NULL, NULL, NULL}, *encoded = NULL;
    unsigned long encodedSize = 0;
    int width, height, subsampling, colorspace;
    if (!decoder || !encoder) {
        fprintf(stderr, "%s: cannot start TurboJPEG: %s\n", input, tjGetErrorStr2(NULL));
        goto done;
    }
    if (tjDecompressHeader3(decoder, jpeg, size, &width, &height, &subsampling, &colorspace) != 0) {
        fprintf(stderr, "%s: %s\n", input, tjGetErrorStr2(decoder));
        goto done;
    }
    if (subsampling == TJSAMP_GRAY) {
        pixels = malloc((size_t)width * height);
        if (!pixels) { fprintf(stderr, "%s: out of memory\n", input); goto done; }
        if (tjDecompress2(decoder, jpeg, size, pixels, width, width, height, TJPF_GRAY, 0) != 0) {
            fprintf(stderr, "%s: %s\n", input, tjGetErrorStr2(decoder));
            goto done;
        }
        equalize_plane(pixels, width, height, width, height);
        if (tjCompress2(encoder, pixels, width, width, height, TJPF_GRAY, &encoded, &encodedSize,
                        TJSAMP_GRAY, 95, 0) != 0) {
            fprintf(stderr, "%s: %s\n", output, tjGetErrorStr2(encoder));
            goto done;
        }
    } else {
        if (colorspace != TJCS_YCbCr) {
            fprintf(stderr, "%s: only gray and YCbCr JPEGs are supported\n", input);
            goto done;
        }
        // Planes with no stride padding: each row is tjPlaneWidth bytes.
        for (int c = 0; c < 3; c++) {
            unsigned long bytes = tjPlaneSizeYUV(c, width, 0, height, subsampling);
            if (bytes == (unsigned long)-1 || !(planes[c] = malloc(bytes))) {
                fprintf(stderr, "%s: cannot allocate the YUV planes\n", input);
                goto done;
            }
        }
        if (tjDecompressToYUVPlanes(decoder, jpeg, size, planes, width, NULL, height, 0) != 0) {
            fprintf(stderr, "%s: %s\n", input, tjGetErrorStr2(decoder));
            goto done;
        }
        equalize_plane(planes[0], width, height, tjPlaneWidth(0, width, subsampling),
                       tjPlaneHeight(0, height, subsampling));
        if (tjCompressFromYUVPlanes(encoder, (const unsigned char **)planes, width, NULL, height, subsampling,
                                    &encoded, &encodedSize, 95, 0) != 0) {
            fprintf(stderr, "%s: %s\n", output, tjGetErrorStr2(encoder));
            goto done;
        }
    }
    status = write_file(output, encoded, encodedSize);
done:
    tjFree(encoded);
    free(pixels);
    for (int c = 0; c < 3; c++) free(planes[c]);
    if (decoder) tjDestroy(decoder);
    if (encoder) tjDestroy(encoder);
    return status;
}

// The offset and size of strip `strip` of an image of `total` bytes stored in strips of
// `strip_bytes`, the last one shorter.
static size_t strip_extent(uint32_t strip, size_t strip_bytes, size_t total, size_t *offset) {
    *offset = (size_t)strip * strip_bytes;
    return total - *offset < strip_bytes ? total - *offset : strip_bytes;
}

static int equalize_tiff(const char *input, const char *output) {
    int status = 1;
    TIFF *in = TIFFOpen(input, "r"), *out = NULL;
    unsigned char *pixels = NULL;
    uint32_t width = 0, height = 0, rowsPerStrip = 0;
    uint16_t samples = 1, bits = 1, photometric = 0, planar = PLANARCONFIG_CONTIG;
    if (!in) { fprintf(stderr, "%s: cannot open the TIFF\n", input); goto done; }
    if (!TIFFGetField(in, TIFFTAG_IMAGEWIDTH, &width) || !TIFFGetField(in, TIFFTAG_IMAGELENGTH, &height) ||
        !TIFFGetField(in, TIFFTAG_PHOTOMETRIC, &photometric)) {
        fprintf(stderr, "%s: no size or photometric interpretation\n", input);
        goto done;
    }
    TIFFGetFieldDefaulted(in, TIFFTAG_SAMPLESPERPIXEL, &samples);
    TIFFGetFieldDefaulted(in, TIFFTAG_BITSPERSAMPLE, &bits);
    TIFFGetFieldDefaulted(in, TIFFTAG_PLANARCONFIG, &planar);
    TIFFGetFieldDefaulted(in, TIFFTAG_ROWSPERSTRIP, &rowsPerStrip);
    if (rowsPerStrip == 0 || rowsPerStrip > height) rowsPerStrip = height;
    int gray = samples == 1 && photometric == PHOTOMETRIC_MINISBLACK;
    int rgb = samples == 3 && photometric == PHOTOMETRIC_RGB && planar == PLANARCONFIG_CONTIG;
    if (TIFFIsTiled(in) || bits != 8 || !(gray || rgb) || width == 0 || height == 0) {
        fprintf(stderr, "%s: only 8-bit stripped gray (min-is-black) or contiguous RGB TIFFs are supported\n", input);
        goto done;
    }
    size_t rowBytes = (size_t)width * samples, total = rowBytes * height;
    if (!(pixels = malloc(total))) { fprintf(stderr, "%s: out of memory\n", input); goto done; }
    uint32_t strips = TIFFNumberOfStrips(in);
    if ((uint64_t)strips * rowsPerStrip < height) {
        fprintf(stderr, "%s: %u strips of %u rows do not cover %u rows\n", input, strips, rowsPerStrip, height);
        goto done;
    }
    for (uint32_t strip = 0; strip * (size_t)rowsPerStrip < height; strip++) {
        size_t offset, bytes = strip_extent(strip, rowsPerStrip * rowBytes, total, &offset);
        if (TIFFReadEncodedStrip(in, strip, pixels + offset, (tmsize_t)bytes) != (tmsize_t)bytes) {
            fprintf(stderr, "%s: cannot read strip %u\n", input, strip);
            goto done;
        }
    }
    if (gray) equalize_plane(pixels, (int)width, (int)height, (int)width, (int)height);
    else equalize_rgb(pixels, (size_t)width * height);
    if (!(out = TIFFOpen(output, "w"))) { fprintf(stderr, "%s: cannot create the TIFF\n", output); goto done; }
    TIFFSetField(out, TIFFTAG_IMAGEWIDTH, width);
    TIFFSetField(out, TIFFTAG_IMAGELENGTH, height);
    TIFFSetField(out, TIFFTAG_SAMPLESPERPIXEL, samples);
    TIFFSetField(out, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(out, TIFFTAG_PHOTOMETRIC, photometric);
    TIFFSetField(out, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(out, TIFFTAG_ROWSPERSTRIP, rowsPerStrip);
    TIFFSetField(out, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
    for (uint32_t strip = 0; strip * (size_t)rowsPerStrip < height; strip++) {
        size_t offset, bytes = strip_extent(strip, rowsPerStrip * rowBytes, total, &offset);
        if (TIFFWriteEncodedStrip(out, strip, pixels + offset, (tmsize_t)bytes) != (tmsize_t)bytes) {
            fprintf(stderr, "%s: cannot write strip %u\n", output, strip);
            goto done;
        }
    }
    if (!TIFFFlush(out)) { fprintf(stderr, "%s: cannot write the TIFF\n", output); goto done; }
    status = 0;
done:
    if (out) TIFFClose(out);
    if (in) TIFFClose(in);
    free(pixels);
    return status;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s INPUT OUTPUT\n", argv[0]);
        return 2;
    }
    unsigned char magic[4] = {0};
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 1; }
    size_t got = fread(magic, 1, sizeof magic, file);
    fclose(file);
    if (got >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF) {
        unsigned long size;
        unsigned char *jpeg = read_file(argv[1], &size);
        if (!jpeg) return 1;
        int status = equalize_jpeg(argv[1], jpeg, size, argv[2]);
        free(jpeg);
        return status;
    }
    if (got == 4 && ((magic[0] == 'I' && magic[1] == 'I') || (magic[0] == 'M' && magic[1] == 'M'))) {
        return equalize_tiff(argv[1], argv[2]);  // libtiff reads the file itself
    }
    fprintf(stderr, "%s: neither a JPEG nor a TIFF\n", argv[1]);
    return 1;
}
