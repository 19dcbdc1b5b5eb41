# __del__ under threads: objects made and dropped by several threads, some shared through a
# list the threads replace items of (the decref that finalizes happens inside the list's
# operation), some in cycles. Each finalizer runs exactly once; the count is checked after
# the threads end and a collection.
import gc
import threading

lock = threading.Lock()
finalized = []


class Tracked:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        # takes a lock and touches a shared list: must run holding no container lock
        with lock:
            finalized.append(self.tag)
        shared[0] = shared[0]


shared = [None] * 4
N = 200


def worker(t):
    for i in range(N):
        shared[i % 4] = Tracked((t, i))  # replacing drops the previous one, maybe another thread's
        if i % 10 == 0:
            a, b = Tracked((t, i, "a")), Tracked((t, i, "b"))
            a.peer, b.peer = b, a


threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
shared[:] = [None] * 4
gc.collect()
made = 4 * N + 4 * (N // 10) * 2
print(len(finalized) == made, len(set(finalized)) == len(finalized))
print(len(finalized))
