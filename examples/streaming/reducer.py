#!/usr/bin/env python3
"""Word count reducer: sums the counts of each word, whose lines arrive together, sorted by key."""
import sys

out = sys.stdout.buffer
current, total = None, 0
for line in sys.stdin.buffer:
    word, _, count = line.rstrip(b"\n").partition(b"\t")
    if word != current:
        if current is not None:
            out.write(current + b"\t" + str(total).encode() + b"\n")
        current, total = word, 0
    total += int(count or 1)
if current is not None:
    out.write(current + b"\t" + str(total).encode() + b"\n")
