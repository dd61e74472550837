"""The OpenCV reference of bench-histeq: imread, equalizeHist, imwrite, as the issue describes it.

A gray image is equalized with cv2.equalizeHist. A colour image is equalized on its luma, as
histeq's default mode does: converted to YCrCb, Y equalized, converted back. The output keeps
the input's format: a JPEG at quality 95, a TIFF uncompressed or, with --deflate, Deflate with
the horizontal predictor (as `tiffcp -c zip:2` makes the benchmark's Deflate inputs).

It prints the seconds from imread to the end of imwrite, so the Python interpreter and the
import of cv2 (about 0.2 s here) are not counted: the figure is OpenCV's work alone.

Usage: python3 opencv-equalize.py INPUT OUTPUT [--deflate]
"""
import sys
import time

import cv2


def main() -> None:
    source, destination = sys.argv[1], sys.argv[2]
    deflate = "--deflate" in sys.argv[3:]
    started = time.perf_counter()
    image = cv2.imread(source, cv2.IMREAD_UNCHANGED)
    if image is None:
        sys.exit(f"{source}: OpenCV cannot read it")
    if image.ndim == 2:
        equalized = cv2.equalizeHist(image)
    else:
        planes = cv2.cvtColor(image, cv2.COLOR_BGR2YCrCb)
        planes[:, :, 0] = cv2.equalizeHist(planes[:, :, 0])
        equalized = cv2.cvtColor(planes, cv2.COLOR_YCrCb2BGR)
    if destination.endswith(".jpg"):
        parameters = [cv2.IMWRITE_JPEG_QUALITY, 95]
    elif deflate:
        parameters = [cv2.IMWRITE_TIFF_COMPRESSION, 8, cv2.IMWRITE_TIFF_PREDICTOR, 2]
    else:
        parameters = [cv2.IMWRITE_TIFF_COMPRESSION, 1]
    if not cv2.imwrite(destination, equalized, parameters):
        sys.exit(f"{destination}: OpenCV cannot write it")
    print(f"{time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main()
