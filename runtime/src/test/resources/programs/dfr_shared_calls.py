# Threads calling the same module-level functions, methods, module attributes and classes:
# under deferred counting the frames' references to them are not counted, yet every call,
# every function stored into a container and every function handed back must stay valid.
import math
import threading


def square(x):
    return x * x


def apply(f, x):
    return f(x)


def pick(i):
    return square if i % 2 == 0 else cube


def cube(x):
    return x * x * x


class Counter:
    def __init__(self):
        self.n = 0

    def step(self, k):
        self.n = self.n + k
        return self.n


results = {}
lock = threading.Lock()


def worker(tid):
    c = Counter()
    kept = []
    total = 0
    for i in range(200):
        total = total + square(i) + apply(cube, i % 7) + pick(i)(3)
        total = total + math.floor(math.sqrt(i))
        c.step(1)
        if i % 50 == 0:
            kept.append(square)          # a function stored from the stack into a list
            kept.append(Counter.step)    # a method taken from a class
            kept.append(math.sqrt)       # a module attribute
            kept.append(Counter)         # a class
    pair = (square, cube)                # a tuple built from the stack
    first, second = pair                 # and unpacked back onto it
    total = total + first(2) + second(2) + len(kept)
    with lock:
        results[tid] = (total, c.n, kept[0] is square, kept[1] is Counter.step, kept[2] is math.sqrt,
                        kept[3] is Counter, kept[4](3))


threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for tid in sorted(results):
    print(tid, results[tid])
