#!/usr/bin/env python3
"""Reads a profile of `digest build` taken with perf, for the speed work of bench/speed.sh.

This machine has no hardware counters and valgrind cannot run the binary, so a profile's
sample shares are what can be compared (within one profile; the machine's speed drifts).

    perf record -F 1999 -g -o cpu.data .build/release/digest build --no-cache --output /tmp/new-folder ...
    perf script -i cpu.data -F tid,time,ip,sym | swift demangle --simplified > cpu.txt

    bench/perf_report.py inclusive cpu.txt [PATTERN] [N]   share of samples with a frame matching PATTERN
    bench/perf_report.py children cpu.txt FRAME [N]        what FRAME's share is spent in, callee by callee
    bench/perf_report.py callers cpu.txt FRAME [DEPTH]     the chains of frames above FRAME
    bench/perf_report.py timeline cpu.txt [SECONDS]        cores busy in each slice of the run

Off-CPU time (threads waiting: locks, semaphores, I/O), by the stack a thread stopped with:

    perf record -a -e sched:sched_switch -g -o sched.data -- .build/release/digest build ...
    perf script -i sched.data -F tid,time,ip,sym,trace | swift demangle --simplified > sched.txt
    bench/perf_report.py offcpu sched.txt [DEPTH]
"""
import collections
import re
import sys

HEADER = re.compile(r"\s*(\d+)(?:\s+([\d.]+):)?\s*(.*)")
SWITCH = re.compile(r"prev_comm=(.+?) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.+?) next_pid=(\d+)")


def samples(path):
    """(thread, time, header rest, frames innermost first) for each sample of `perf script`."""
    head, frames = None, []
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if not line.strip():
            if head:
                yield head + (frames,)
            head, frames = None, []
        elif not line.startswith("\t"):  # frames are indented with a tab, headers are not
            m = HEADER.match(line)
            head = (int(m.group(1)), float(m.group(2) or 0), m.group(3)) if m else None
        else:
            parts = line.strip().split(None, 1)
            if len(parts) == 2:
                frames.append(re.sub(r"\+0x[0-9a-f]+$", "", parts[1])[:150])
    if head:
        yield head + (frames,)


def inclusive(path, pattern="", n=60):
    counts, total = collections.Counter(), 0
    for *_, frames in samples(path):
        total += 1
        for frame in set(frames):
            counts[frame] += 1
    for frame, count in counts.most_common():
        if pattern in frame:
            print(f"{100 * count / total:6.2f}% {frame}")
            n -= 1
            if n == 0:
                break


def children(path, pattern, n=30):
    counts, total, under = collections.Counter(), 0, 0
    for *_, frames in samples(path):
        total += 1
        for k, frame in enumerate(frames):
            if pattern in frame:
                under += 1
                counts[frames[k - 1] if k > 0 else "<self>"] += 1
                break
    print(f"{pattern}: {100 * under / max(total, 1):.2f}% of {total}")
    for frame, count in counts.most_common(n):
        print(f"{100 * count / total:6.2f}% {frame}")


def callers(path, pattern, depth=6):
    counts = collections.Counter()
    for *_, frames in samples(path):
        for k, frame in enumerate(frames):
            if pattern in frame:
                counts[" <- ".join(f[:60] for f in frames[k + 1:k + 1 + depth])] += 1
                break
    for chain, count in counts.most_common(15):
        print(count, chain)


def timeline(path, slice_seconds=0.25, rate=1999):
    """Samples per slice over the sampling rate: how many cores the build kept busy."""
    times = [time for _, time, _, _ in samples(path)]
    slices = collections.Counter(int((time - min(times)) / slice_seconds) for time in times)
    print(" ".join(f"{k * slice_seconds:.2f}:{slices[k] / (slice_seconds * rate):.2f}" for k in sorted(slices)))


def offcpu(path, depth=9):
    """Each digest thread's time from switching out to switching in again, by its stack then."""
    waiting, totals = {}, collections.Counter()
    for _, time, rest, frames in samples(path):
        m = SWITCH.search(rest)
        if not m:
            continue
        prev_comm, prev, state, _, following = m.group(1), int(m.group(2)), m.group(3), m.group(4), int(m.group(5))
        # Dispatch's workers are named after their queues (`…oot.default-qos`).
        if ("digest" in prev_comm or "qos" in prev_comm) and not state.startswith("R"):
            stack = [f for f in frames if not f.startswith(("__schedule", "schedule", "io_schedule", "[unknown]"))]
            waiting[prev] = (time, state + " " + " < ".join(stack[:depth]))
        if following in waiting:
            since, key = waiting.pop(following)
            totals[key] += time - since
    for key, seconds in totals.most_common(25):
        print(f"{seconds:7.3f}s {key}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    command, path, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    if command == "inclusive":
        inclusive(path, rest[0] if rest else "", int(rest[1]) if len(rest) > 1 else 60)
    elif command == "children" and rest:
        children(path, rest[0], int(rest[1]) if len(rest) > 1 else 30)
    elif command == "callers" and rest:
        callers(path, rest[0], int(rest[1]) if len(rest) > 1 else 6)
    elif command == "timeline":
        timeline(path, float(rest[0]) if rest else 0.25)
    elif command == "offcpu":
        offcpu(path, int(rest[0]) if rest else 9)
    else:
        sys.exit(__doc__)
