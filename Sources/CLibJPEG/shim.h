// Exposes libjpeg-turbo's libjpeg API (jpeglib.h), which streams rows, to the C stream codec.
#ifndef CLIBJPEG_SHIM_H
#define CLIBJPEG_SHIM_H

#include <stddef.h>
#include <stdio.h>
#include <jpeglib.h>

#endif
