#!/usr/bin/env python3
"""Drops the files under the given folders from the page cache, after writing them out.

    bench/evict.py FOLDER...

The benchmark keeps the folders of its earlier builds until its end (removing them would cost
the builds after it the kernel time ext4 spends passing over freed inodes, see bench/speed.sh).
Their pages stay in memory: some 8 GB by the 50,000-article builds, which then paid for the
kernel reclaiming memory while they wrote theirs (kernel time 8.7-10.8 s against 5.3 s for the
same build after a pause). Written out and dropped, the earlier folders cost a later build
nothing, as an editor's earlier sites on disk cost nothing. The files stay; only their cached
pages go (posix_fadvise POSIX_FADV_DONTNEED, which drops clean pages).
"""
import os
import sys

os.sync()
dropped = 0
for folder in sys.argv[1:]:
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                fd = os.open(os.path.join(root, name), os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                dropped += 1
            finally:
                os.close(fd)
print(f"evict: {dropped} files dropped from the page cache", file=sys.stderr)
