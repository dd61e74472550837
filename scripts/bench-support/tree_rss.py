#!/usr/bin/env python3
"""Samples the resident set size of a process tree until stopped, and writes its peak.

    tree_rss.py ROOT_PID OUT_FILE [INTERVAL_S]

Every INTERVAL_S seconds (default 0.05) sums the resident set sizes of ROOT_PID's descendants
(ROOT_PID itself and the sampler excluded) and keeps the largest sum. On SIGTERM it writes that
peak, in kB, to OUT_FILE. scripts/bench runs it with ROOT_PID the GNU time process of a timed
command, for the "peak tree RSS" of jobs whose work happens in child processes (mrsubmit's task
attempts, GNU sort's helpers), where GNU time's maximum RSS names only the largest process.
"""
import os
import signal
import sys
import time


def children_of():
    """Maps each parent pid to its children's pids, from /proc."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:
        return 0


def tree_rss(root, me):
    children = children_of()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        if pid == me:
            continue
        if pid != root:
            total += rss_kb(pid)
        stack.extend(children.get(pid, []))
    return total


def main():
    root, out = int(sys.argv[1]), sys.argv[2]
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.05
    peak = 0
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    me = os.getpid()
    while not stopping:
        peak = max(peak, tree_rss(root, me))
        time.sleep(interval)
    with open(out, "w") as file:
        file.write(f"{peak}\n")


if __name__ == "__main__":
    main()
