# countdown.py: Beazley's experiment ("Understanding the Python GIL", 2010): count(n) twice.
#
# Usage: countdown.py THREADS MODE N
#   MODE seq:     count(N) twice, one after the other, in the main thread (THREADS ignored)
#   MODE threads: the same 2*N of counting split over THREADS threads
# so wall(seq) / wall(threads) is the speedup Beazley measured (old GIL, 2 threads on 2 cores:
# about 0.55, i.e. 1.8x slower; new GIL: about 1; no GIL: about 2).
# Prints one deterministic line.
import sys
import threading


def count(n):
    while n > 0:
        n -= 1


def main():
    nthreads = int(sys.argv[1])
    mode = sys.argv[2]
    n = int(sys.argv[3])
    if mode == "seq":
        count(n)
        count(n)
    else:
        total = 2 * n
        threads = []
        for t in range(nthreads):
            share = total // nthreads
            if t < total % nthreads:
                share = share + 1
            threads.append(threading.Thread(target=count, args=(share,)))
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    print("countdown:", mode, "2 x", n)


main()
