# shared_container.py: appends to a list and updates a dict, shared by all threads or private.
#
# Usage: shared_container.py THREADS MODE ITEMS
#   MODE shared:  every thread appends to ONE list and updates ONE dict (lock contention)
#   MODE private: every thread has its own list and dict (no sharing)
# ITEMS operations in total, split over the threads. Prints one deterministic line; a shared
# list shorter than ITEMS would mean lost appends.
import sys
import threading


def work(count, items, table, base):
    i = 0
    while i < count:
        items.append(i)
        key = (base + i) % 64
        table[key] = table.get(key, 0) + 1
        i = i + 1


def main():
    nthreads = int(sys.argv[1])
    mode = sys.argv[2]
    total = int(sys.argv[3])
    shared_items = []
    shared_table = {}
    lists = []
    tables = []
    threads = []
    for t in range(nthreads):
        count = total // nthreads
        if t < total % nthreads:
            count = count + 1
        if mode == "shared":
            items = shared_items
            table = shared_table
        else:
            items = []
            table = {}
        lists.append(items)
        tables.append(table)
        threads.append(threading.Thread(target=work, args=(count, items, table, t * 7)))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    length = len(shared_items)
    if mode != "shared":
        length = 0
        for items in lists:
            length = length + len(items)
    print("shared_container:", mode, "items", total, "length", length)


main()
