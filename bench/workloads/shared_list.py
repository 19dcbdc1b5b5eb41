# shared_list.py: many threads appending to one shared list.
#
# Usage: shared_list.py THREADS
#   The program reads its thread count from sys.argv[1] (default 1). Each thread appends
#   ITEMS items to the same list, so the work grows with the thread count (this one measures
#   contention on one object, not speedup): the final length must be THREADS * ITEMS. A
#   shorter list means lost appends, i.e. a list that is not safe without a GIL.
# Prints one deterministic line (it depends on the thread count).
import sys
import threading

ITEMS = 20000


def appender(shared, value):
    for i in range(ITEMS):
        shared.append(value)


def main():
    nthreads = 1
    if 1 < len(sys.argv):
        nthreads = int(sys.argv[1])
    shared = []
    threads = []
    for t in range(nthreads):
        threads.append(threading.Thread(target=appender, args=(shared, t)))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print("shared_list:", nthreads, "threads x", ITEMS, "appends, length", len(shared))


main()
