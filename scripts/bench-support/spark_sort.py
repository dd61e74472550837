#!/usr/bin/env python3
"""Sorts a file of lines by their first 10 bytes with PySpark's sortByKey on local[2].

    spark_sort.py LINES OUT_DIR

The Spark side of scripts/bench's TeraSort rows (reported, not a target): reads LINES as text,
keys each line by its first 10 characters, sorts with sortByKey into 2 partitions (total order:
Spark samples the keys for its range partitioner, as TeraSort's sampler does) and writes the
lines, in order, as OUT_DIR/part-*. Needs PySpark (pip install pyspark) and a JDK.
"""
import sys

from pyspark.sql import SparkSession


def main():
    lines, out = sys.argv[1], sys.argv[2]
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bench-sortbykey")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    records = spark.sparkContext.textFile(lines).map(lambda line: (line[:10], line[10:]))
    records.sortByKey(numPartitions=2).map(lambda pair: pair[0] + pair[1]).saveAsTextFile(out)
    spark.stop()


if __name__ == "__main__":
    main()
