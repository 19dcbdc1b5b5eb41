# The negative control of programs/lang_with_lock.py: the same increments without `with lock:`.
# With no GIL, `self.count += 1` is a read, an add and a write; threads lose each other's updates.
import threading


class Counter:
    def __init__(self):
        self.count = 0

    def work(self, n):
        for i in range(n):
            self.count += 1


c = Counter()
threads = []
for i in range(4):
    threads.append(threading.Thread(target=c.work, args=(20000,)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(c.count)
