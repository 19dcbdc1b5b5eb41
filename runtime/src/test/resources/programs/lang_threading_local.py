# threading.local(): each thread sees its own attributes; a thread's values go when it ends.
import threading

data = threading.local()
data.x = "main"
results = {}
lock = threading.Lock()


def worker(i):
    had_x = hasattr(data, "x")
    data.x = i
    data.items = [i] * 3
    total = 0
    for _ in range(2000):
        total += data.x
    with lock:
        results[i] = (had_x, data.x, data.items, total)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(results):
    print(k, results[k])
print(data.x, hasattr(data, "items"))
data.y = 5
print(sorted(data.__dict__.items()))
del data.y
print(hasattr(data, "y"), getattr(data, "y", "gone"))
try:
    del data.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    data.missing
except AttributeError as e:
    print("AttributeError:", e)


def per_thread_counter():
    counter = threading.local()

    def bump(n):
        counter.value = 0
        for _ in range(n):
            counter.value += 1
        with lock:
            results["bump%d" % n] = counter.value

    ts = [threading.Thread(target=bump, args=(n,)) for n in (10, 20, 30)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return hasattr(counter, "value")


print(per_thread_counter(), sorted(k for k in results if isinstance(k, str)), results["bump30"])
