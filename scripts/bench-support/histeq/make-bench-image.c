// Makes a large benchmark image from a photo: decodes a JPEG with TurboJPEG, tiles it
// (mirroring every other tile so there are no seams) to WIDTH x HEIGHT, gray or RGB, and
// writes it as a baseline JPEG (quality 95, 4:2:0 for RGB) or an uncompressed TIFF with strips
// of 16 rows. Usage: make-bench-image SOURCE.jpg WIDTH HEIGHT gray|rgb OUTPUT.(jpg|tif)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tiffio.h>
#include <turbojpeg.h>

static unsigned char *read_file(const char *path, unsigned long *size) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); exit(1); }
    fseek(file, 0, SEEK_END);
    *size = (unsigned long)ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(*size);
    if (fread(bytes, 1, *size, file) != *size) { perror(path); exit(1); }
    fclose(file);
    return bytes;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s SOURCE.jpg WIDTH HEIGHT gray|rgb OUTPUT.(jpg|tif)\n", argv[0]);
        return 2;
    }
    int width = atoi(argv[2]), height = atoi(argv[3]);
    int channels = strcmp(argv[4], "gray") == 0 ? 1 : 3;
    const char *output = argv[5];
    unsigned long size;
    unsigned char *jpeg = read_file(argv[1], &size);
    tjhandle decoder = tjInitDecompress();
    int sourceWidth, sourceHeight, subsampling, colorspace;
    if (tjDecompressHeader3(decoder, jpeg, size, &sourceWidth, &sourceHeight, &subsampling, &colorspace) != 0) {
        fprintf(stderr, "%s: %s\n", argv[1], tjGetErrorStr2(decoder));
        return 1;
    }
    int format = channels == 1 ? TJPF_GRAY : TJPF_RGB;
    unsigned char *source = malloc((size_t)sourceWidth * sourceHeight * channels);
    if (tjDecompress2(decoder, jpeg, size, source, sourceWidth, 0, sourceHeight, format, 0) != 0) {
        fprintf(stderr, "%s: %s\n", argv[1], tjGetErrorStr2(decoder));
        return 1;
    }
    size_t rowBytes = (size_t)width * channels;
    unsigned char *image = malloc(rowBytes * height);
    for (int y = 0; y < height; y++) {
        int tileRow = y / sourceHeight, sy = y % sourceHeight;
        if (tileRow % 2) sy = sourceHeight - 1 - sy;
        unsigned char *row = image + (size_t)y * rowBytes;
        for (int x = 0; x < width; x++) {
            int tileColumn = x / sourceWidth, sx = x % sourceWidth;
            if (tileColumn % 2) sx = sourceWidth - 1 - sx;
            memcpy(row + (size_t)x * channels, source + ((size_t)sy * sourceWidth + sx) * channels, channels);
        }
    }
    const char *dot = strrchr(output, '.');
    if (dot && (strcmp(dot, ".jpg") == 0 || strcmp(dot, ".jpeg") == 0)) {
        tjhandle encoder = tjInitCompress();
        unsigned char *encoded = NULL;
        unsigned long encodedSize = 0;
        int sampling = channels == 1 ? TJSAMP_GRAY : TJSAMP_420;
        if (tjCompress2(encoder, image, width, 0, height, format, &encoded, &encodedSize, sampling, 95, 0) != 0) {
            fprintf(stderr, "%s: %s\n", output, tjGetErrorStr2(encoder));
            return 1;
        }
        FILE *file = fopen(output, "wb");
        if (!file || fwrite(encoded, 1, encodedSize, file) != encodedSize || fclose(file) != 0) { perror(output); return 1; }
        tjFree(encoded);
    } else {
        TIFF *tif = TIFFOpen(output, "w");
        if (!tif) return 1;
        TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, width);
        TIFFSetField(tif, TIFFTAG_IMAGELENGTH, height);
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, channels);
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, channels == 1 ? PHOTOMETRIC_MINISBLACK : PHOTOMETRIC_RGB);
        TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
        TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 16);
        for (int y = 0; y < height; y++) {
            if (TIFFWriteScanline(tif, image + (size_t)y * rowBytes, y, 0) < 0) return 1;
        }
        TIFFClose(tif);
    }
    return 0;
}
