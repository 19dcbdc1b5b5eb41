# Attributes of modules read in loops by two threads (the path that reads a module's
# namespace through the globals cache), and what must still behave as a module: a value
# replaced or deleted between reads, a name it never had, dunder names.
import math
import sys
import threading

this = sys.modules[__name__]


def double(x):
    return x + x


results = []


def worker(k):
    total = 0
    for i in range(300):
        total += this.double(i) + int(math.cos(0.0))
    results.append((k, total))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))


def read():
    return this.value


value = 1
first = read()
value = 2
second = read()
del value
try:
    read()
except AttributeError as e:
    print("AttributeError:", e)
print(first, second)


print(hasattr(this, "missing"), getattr(this, "missing", "default"), this.double(4), this.__name__)
print(math.floor(2.5), math.pi > 3)
