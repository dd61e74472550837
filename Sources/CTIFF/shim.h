// Exposes libtiff to Swift, plus typed wrappers around its variadic calls.
//
// Swift cannot call C variadic functions such as TIFFGetField and
// TIFFSetField, so each wrapper below fixes the argument types for one
// family of tags. The formatter turns libtiff's printf-style diagnostics
// (format + va_list) into plain text for the Swift error and log handlers.
#ifndef CTIFF_SHIM_H
#define CTIFF_SHIM_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <tiffio.h>

/// Formats a libtiff diagnostic into `buffer` (always NUL-terminated).
static inline int ctiff_format(char *buffer, size_t size, const char *format,
                               va_list args) {
    return vsnprintf(buffer, size, format, args);
}

/// Reads a uint16 tag, falling back to libtiff's default value.
static inline int ctiff_get_u16(TIFF *tif, uint32_t tag, uint16_t *value) {
    return TIFFGetFieldDefaulted(tif, tag, value);
}

/// Reads a uint32 tag (image size, rows per strip, tile size).
static inline int ctiff_get_u32(TIFF *tif, uint32_t tag, uint32_t *value) {
    return TIFFGetField(tif, tag, value);
}

/// Reads a float tag (XResolution, YResolution).
static inline int ctiff_get_float(TIFF *tif, uint32_t tag, float *value) {
    return TIFFGetField(tif, tag, value);
}

/// Reads a counted uint16 array tag (ExtraSamples).
static inline int ctiff_get_u16_array(TIFF *tif, uint32_t tag,
                                      uint16_t *count, uint16_t **values) {
    return TIFFGetField(tif, tag, count, values);
}

/// Reads a counted byte blob tag (ICCProfile, XMLPacket).
static inline int ctiff_get_blob(TIFF *tif, uint32_t tag, uint32_t *count,
                                 void **data) {
    return TIFFGetField(tif, tag, count, data);
}

/// Sets a uint16 tag (passed as int, as C variadic promotion requires).
static inline int ctiff_set_u16(TIFF *tif, uint32_t tag, uint16_t value) {
    return TIFFSetField(tif, tag, (int)value);
}

/// Sets a uint32 tag.
static inline int ctiff_set_u32(TIFF *tif, uint32_t tag, uint32_t value) {
    return TIFFSetField(tif, tag, value);
}

/// Sets a float tag (passed as double, as C variadic promotion requires).
static inline int ctiff_set_float(TIFF *tif, uint32_t tag, float value) {
    return TIFFSetField(tif, tag, (double)value);
}

/// Sets a counted uint16 array tag (ExtraSamples).
static inline int ctiff_set_u16_array(TIFF *tif, uint32_t tag, uint16_t count,
                                      const uint16_t *values) {
    return TIFFSetField(tif, tag, (int)count, values);
}

/// Sets a counted byte blob tag (ICCProfile, XMLPacket).
static inline int ctiff_set_blob(TIFF *tif, uint32_t tag, uint32_t count,
                                 const void *data) {
    return TIFFSetField(tif, tag, count, data);
}

/// Sets a pseudo-tag that takes an int (e.g. TIFFTAG_JPEGCOLORMODE).
static inline int ctiff_set_int(TIFF *tif, uint32_t tag, int value) {
    return TIFFSetField(tif, tag, value);
}

/// Creates an anonymous file in memory (memfd_create, close-on-exec) for libtiff to write a
/// band's compressed strips or tiles into; -1 when the kernel cannot.
static inline int ctiff_memory_file(void) {
    return (int)syscall(SYS_memfd_create, "tiff-band", 1u);
}

#endif
