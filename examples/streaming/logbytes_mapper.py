#!/usr/bin/env python3
"""Log bytes mapper: `host<TAB>bytes` for each access log line, as the course's `ip bytes` pairs.

Reads Apache Common and Combined Log Format lines and two-field `host bytes` lines, as the
built-in logbytes job does (`-` counts as 0 bytes); other lines are skipped and counted in the
job counter `logbytes.MALFORMED_LINES`.
"""
import re
import sys

ACCESS = re.compile(rb'^(\S+) \S+ \S+ \[[^\]]*\] "(?:[^"\\]|\\.)*" \d{3} (\d+|-)(?: "(?:[^"\\]|\\.)*" "(?:[^"\\]|\\.)*".*)?$')
TWO_FIELDS = re.compile(rb"^(\S+) (\d+|-)$")

out = sys.stdout.buffer
for line in sys.stdin.buffer:
    line = line.rstrip(b"\n").rstrip(b"\r")
    match = ACCESS.match(line) or TWO_FIELDS.match(line)
    if match:
        size = match.group(2)
        out.write(match.group(1) + b"\t" + (b"0" if size == b"-" else size) + b"\n")
    else:
        sys.stderr.write("reporter:counter:logbytes,MALFORMED_LINES,1\n")
