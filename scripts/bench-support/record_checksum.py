#!/usr/bin/env python3
"""Prints an order-independent checksum of the 100-byte records in a directory's files.

    record_checksum.py DIR

Reads every regular file of DIR whose name does not start with `.` or `_` (as mrsubmit lists a
job's inputs), cuts it into 100-byte records and prints `RECORDS SUM`: the record count and the
sum, modulo 2^64, of each record's CRC-32. Two directories holding the same records in any order
and any split into files print the same line. scripts/bench uses it as an oracle for TeraSort
that does not depend on teravalidate. A file whose size is not a multiple of 100 is an error.
"""
import os
import sys
import zlib

RECORD = 100


def main():
    directory = sys.argv[1]
    count, total = 0, 0
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if name.startswith((".", "_")) or not os.path.isfile(path):
            continue
        size = os.path.getsize(path)
        if size % RECORD:
            sys.exit(f"record_checksum: {path}: {size} bytes is not a whole number of {RECORD}-byte records")
        crc = zlib.crc32
        with open(path, "rb") as file:
            while True:
                block = file.read(RECORD * 100_000)
                if not block:
                    break
                total += sum(crc(block[i:i + RECORD]) for i in range(0, len(block), RECORD))
                count += len(block) // RECORD
    print(count, total % (1 << 64))


if __name__ == "__main__":
    main()
