#!/usr/bin/env python3
"""Word count as an mrjob job, with the logic of examples/streaming/mapper.py and reducer.py.

Lines are read and written as bytes (`BytesValueProtocol` in, `BytesProtocol` between the steps
and out), words are runs of bytes that are not ASCII white space, and the reducer sums the counts
of each word, so its output equals the streaming job's. scripts/bench-streaming runs it with
mrjob's local runner (`-r local`) beside the streaming job, on the same corpus.
"""
from mrjob.job import MRJob
from mrjob.protocol import BytesProtocol, BytesValueProtocol


class WordCount(MRJob):
    INPUT_PROTOCOL = BytesValueProtocol
    INTERNAL_PROTOCOL = BytesProtocol
    OUTPUT_PROTOCOL = BytesProtocol

    def mapper(self, _, line):
        for word in line.split():
            yield word, b"1"

    def reducer(self, word, counts):
        yield word, str(sum(int(count or 1) for count in counts)).encode()


if __name__ == "__main__":
    WordCount.run()
