/* Writes small JPEG and TIFF files in the variants our readers meet, as seeds for scripts/fuzz formats.
 *
 *   make-image-seeds DIR
 *
 * Each file is the selector byte FileFormatFuzzTarget expects (1 JPEG, 2 TIFF, 3 probe) followed by the
 * image: JPEGs in 4:4:4, 4:2:0 and grey, baseline and progressive; TIFFs uncompressed, LZW, Deflate,
 * PackBits and JPEG-compressed, stripped and tiled, 8- and 16-bit, grey and RGB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tiffio.h>
#include <turbojpeg.h>

static unsigned char pixels[64 * 64 * 3 * 2];

static void fill(int width, int height, int channels, int bytesPerSample) {
    for (int i = 0; i < width * height * channels * bytesPerSample; i++) pixels[i] = (unsigned char)(i * 7 + i / 13);
}

static void writeWithSelector(const char *dir, const char *name, unsigned char selector, const unsigned char *data,
                              unsigned long size) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *file = fopen(path, "wb");
    if (!file || fwrite(&selector, 1, 1, file) != 1 || fwrite(data, 1, size, file) != size || fclose(file)) {
        fprintf(stderr, "make-image-seeds: cannot write %s\n", path);
        exit(1);
    }
}

static void jpeg(const char *dir, const char *name, int width, int height, int subsampling, int flags) {
    tjhandle handle = tjInitCompress();
    unsigned char *out = NULL;
    unsigned long size = 0;
    int pixelFormat = subsampling == TJSAMP_GRAY ? TJPF_GRAY : TJPF_RGB;
    fill(width, height, tjPixelSize[pixelFormat], 1);
    if (tjCompress2(handle, pixels, width, 0, height, pixelFormat, &out, &size, subsampling, 75, flags)) {
        fprintf(stderr, "make-image-seeds: %s\n", tjGetErrorStr2(handle));
        exit(1);
    }
    writeWithSelector(dir, name, 1, out, size);
    tjFree(out);
    tjDestroy(handle);
}

static void tiff(const char *dir, const char *name, int width, int height, int channels, int bits, int compression,
                 int tile) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.raw", dir, name);
    TIFF *out = TIFFOpen(path, "w");
    if (!out) exit(1);
    TIFFSetField(out, TIFFTAG_IMAGEWIDTH, width);
    TIFFSetField(out, TIFFTAG_IMAGELENGTH, height);
    TIFFSetField(out, TIFFTAG_SAMPLESPERPIXEL, channels);
    TIFFSetField(out, TIFFTAG_BITSPERSAMPLE, bits);
    TIFFSetField(out, TIFFTAG_PHOTOMETRIC, channels == 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MINISBLACK);
    TIFFSetField(out, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(out, TIFFTAG_COMPRESSION, compression);
    int rowBytes = width * channels * bits / 8;
    fill(width, height, channels, bits / 8);
    if (tile) {
        TIFFSetField(out, TIFFTAG_TILEWIDTH, 16);
        TIFFSetField(out, TIFFTAG_TILELENGTH, 16);
        unsigned char tileBytes[16 * 16 * 3 * 2];
        for (int y = 0; y < height; y += 16)
            for (int x = 0; x < width; x += 16) {
                memset(tileBytes, 0, sizeof tileBytes);
                for (int row = 0; row < 16 && y + row < height; row++)
                    for (int col = 0; col < 16 && x + col < width; col++)
                        memcpy(tileBytes + (row * 16 + col) * channels * bits / 8,
                               pixels + (y + row) * rowBytes + (x + col) * channels * bits / 8, channels * bits / 8);
                TIFFWriteTile(out, tileBytes, x, y, 0, 0);
            }
    } else {
        TIFFSetField(out, TIFFTAG_ROWSPERSTRIP, compression == COMPRESSION_JPEG ? 8 : 4);
        for (int y = 0; y < height; y++) TIFFWriteScanline(out, pixels + y * rowBytes, y, 0);
    }
    TIFFClose(out);
    FILE *file = fopen(path, "rb");
    static unsigned char data[1 << 16];
    unsigned long size = fread(data, 1, sizeof data, file);
    fclose(file);
    remove(path);
    writeWithSelector(dir, name, 2, data, size);
    if (compression == COMPRESSION_LZW && !tile) {
        char probe[256];
        snprintf(probe, sizeof probe, "probe-%s", name);
        writeWithSelector(dir, probe, 3, data, size);
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: make-image-seeds DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    jpeg(dir, "jpeg-444", 24, 16, TJSAMP_444, 0);
    jpeg(dir, "jpeg-420", 33, 17, TJSAMP_420, 0);
    jpeg(dir, "jpeg-grey", 16, 16, TJSAMP_GRAY, 0);
    jpeg(dir, "jpeg-progressive", 40, 24, TJSAMP_422, TJFLAG_PROGRESSIVE);
    tiff(dir, "tiff-rgb", 20, 12, 3, 8, COMPRESSION_NONE, 0);
    tiff(dir, "tiff-lzw", 20, 12, 3, 8, COMPRESSION_LZW, 0);
    tiff(dir, "tiff-deflate-16", 17, 9, 1, 16, COMPRESSION_ADOBE_DEFLATE, 0);
    tiff(dir, "tiff-packbits-grey", 12, 12, 1, 8, COMPRESSION_PACKBITS, 0);
    tiff(dir, "tiff-tiled", 40, 20, 3, 8, COMPRESSION_NONE, 1);
    tiff(dir, "tiff-jpeg", 32, 16, 3, 8, COMPRESSION_JPEG, 0);
    return 0;
}
