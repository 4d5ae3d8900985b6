#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples (docs/benchmarks.md, HTTP profile).

Usage: deploy/bench/jfr-summary.py target/bench/server-generated-c32.jfr [TOP]

Prints, over all jdk.ExecutionSample events: the threads that were sampled, the top frames (self time), and the
io.nbo methods on the stack (inclusive: a sample counts once per method however deep the recursion), each as a share
of all samples. Needs `jfr` (the JDK's) on the PATH.
"""
import collections
import re
import subprocess
import sys

FRAME = re.compile(r'^\s+([\w$.<>/]+)\(.*\)\s+line:')


def samples(path):
    out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '200', path],
                         check=True, capture_output=True, text=True).stdout
    thread, frames = None, []
    for line in out.splitlines():
        if line.startswith('jdk.ExecutionSample'):
            if frames:
                yield thread, frames
            thread, frames = None, []
        elif 'sampledThread = ' in line:
            thread = re.sub(r'\s*\(javaThreadId.*', '', line.split('= ', 1)[1]).strip().strip('"')
        else:
            m = FRAME.match(line)
            if m:
                frames.append(m.group(1))
    if frames:
        yield thread, frames


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    total = 0
    threads, selfs, ours = collections.Counter(), collections.Counter(), collections.Counter()
    for thread, frames in samples(path):
        total += 1
        threads[re.sub(r'[-#]?\d+$', '-N', thread or '?')] += 1
        selfs[frames[0]] += 1
        for method in set(f for f in frames if f.startswith('io.nbo.')):
            ours[method] += 1
    print(f'{total} samples in {path}')
    for title, counter in (('threads', threads), ('top frames (self)', selfs), ('io.nbo on the stack', ours)):
        print(f'\n{title}:')
        for name, n in counter.most_common(top):
            print(f'{100.0 * n / total:6.1f}%  {n:6d}  {name}')


if __name__ == '__main__':
    main()
