# Four threads add to one set at once: every add (and every resize of the table it may
# trigger) is atomic under the GIL and, in the free-threaded build, under the set's Py_LOCK.
# SharedListNegativeControlTest runs this without any lock and must see it go wrong.
import threading

shared = set()

def add_all(k, n):
    for i in range(n):
        shared.add(i * 4 + k)
        shared.discard(-1)

threads = []
for k in range(4):
    threads.append(threading.Thread(target=add_all, args=(k, 20000)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared))
print(shared == set(range(80000)))
