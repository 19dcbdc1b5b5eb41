# Threads adding and overwriting attributes of one shared instance, and replacing a class
# attribute, while others read: no attribute may be lost, every read must see a live value.
import threading


class Shared:
    tag = "t0"

    def __init__(self):
        self.base = 0


obj = Shared()
N = 2000
THREADS = 4
seen_bad = []


def writer(k):
    for i in range(N):
        setattr(obj, "w" + str(k) + "_" + str(i % 20), [k, i])  # new names: shape changes
        obj.base = i  # a shared name, overwritten by every thread
        if i % 100 == 0:
            Shared.tag = "t" + str(i)  # class attribute replaced: version bumps


def reader():
    for i in range(N):
        v = obj.base
        t = obj.tag
        if not isinstance(v, int) or not t.startswith("t"):
            seen_bad.append((v, t))
        for k in range(THREADS):
            w = getattr(obj, "w" + str(k) + "_" + str(i % 20), None)
            if w is not None and (len(w) != 2 or w[0] != k):
                seen_bad.append(w)


threads = [threading.Thread(target=writer, args=(k,)) for k in range(THREADS)]
threads += [threading.Thread(target=reader) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
names = sorted(n for n in obj.__dict__ if n.startswith("w"))
print(len(names), names[:3], names[-1])
print(all(obj.__dict__[n][1] >= N - 20 for n in names))
print(isinstance(obj.base, int), obj.tag.startswith("t"), seen_bad)


# many threads, each with its own instances of one class, sharing the caches of one function
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return Point(self.x + dx, self.y)


results = [None] * THREADS


def mover(k):
    p = Point(k, -k)
    for i in range(N):
        p = p.moved(1)
    results[k] = (p.x, p.y)


threads = [threading.Thread(target=mover, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
