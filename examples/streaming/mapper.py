#!/usr/bin/env python3
"""Word count mapper: one `word<TAB>1` line per word of each input line.

Words are runs of bytes that are not ASCII white space, as the built-in wordcount's, so the
output of this pair equals `mrsubmit wordcount` on the same files.
"""
import sys

out = sys.stdout.buffer
for line in sys.stdin.buffer:
    for word in line.split():
        out.write(word + b"\t1\n")
