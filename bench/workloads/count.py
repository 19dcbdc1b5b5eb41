# count.py: David Beazley's countdown ("Understanding the Python GIL", 2010).
#
# Usage: count.py THREADS
#   The program reads its thread count from sys.argv[1] (default 1). A fixed total COUNT is
#   split over the threads, each counting its share down to zero in a tight loop, so
#   wall(1 thread) / wall(N threads) is a speedup. Under the old GIL two threads on two cores
#   were about 1.8x slower than one; under the new GIL about equal; without a GIL about 2x faster.
#
# Only local variables and small ints: no shared mutable object besides the ints themselves.
# Prints one deterministic line (it names the thread count).
# Size: about 1-3 s on one thread under CPython 3.11.
import sys
import threading

COUNT = 50000000


def count(n, done):
    while 0 < n:
        n = n - 1
    done.append(n)


def main():
    nthreads = 1
    if 1 < len(sys.argv):
        nthreads = int(sys.argv[1])
    done = []
    threads = []
    for t in range(nthreads):
        share = COUNT // nthreads
        if t < COUNT % nthreads:
            share = share + 1
        threads.append(threading.Thread(target=count, args=(share, done)))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print("count:", COUNT, "counted down by", len(done), "threads")


main()
