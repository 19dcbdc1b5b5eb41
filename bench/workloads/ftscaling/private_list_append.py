# private_list_append.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread appends to its own list.
#
# Usage: private_list_append.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line.
import sys
import threading

RESULTS = []


def worker(count):
    mine = []
    i = 0
    while i < count:
        mine.append(i)
        if len(mine) == 1000:
            mine = []
        i = i + 1
    RESULTS.append(count)


def main():
    nthreads = int(sys.argv[1])
    total = int(sys.argv[2])
    threads = []
    for t in range(nthreads):
        count = total // nthreads
        if t < total % nthreads:
            count = count + 1
        threads.append(threading.Thread(target=worker, args=(count,)))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print("private_list_append:", sum(RESULTS))


main()
