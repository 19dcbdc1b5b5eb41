# Constants that every thread of a program loads: tuple displays of literals (one shared
# object per code object, as CPython folds them), floats and large ints, read by two threads.
import threading

PAIR = (1, 2.5, 'x', None, (True, b'q'), 3j, 10 ** 20)
results = []


def worker(k):
    total = 0
    for i in range(200):
        c = PAIR
        if i == (4, 5):
            total += 1000
        total += len(c) + (300, 400)[i % 2] + int(c[1] * 2)
    x = 1.5
    for i in range(50):
        x *= 1.0001
    results.append((k, total, round(x, 6), c[4], c[6] + 1))


def same():
    return (7, (8, 9))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(same() == (7, (8, 9)), same() is same(), type(same()[1]).__name__)
print((1, 1.0) == (1.0, 1), [type(v).__name__ for v in (1, 1.0, True)], (-1, 2), ('a',) * 2)
