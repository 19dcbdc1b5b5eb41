# Two threads each drive their own coroutines (a trampoline per thread), with a shared
# coroutine object resumed from the other thread only after the first has finished with it.
import threading

class Yield:
    def __await__(self):
        v = yield "tick"
        return v

async def worker(name, n):
    total = 0
    for i in range(n):
        total += await Yield()
    return name, total

async def nested(name, n):
    a = await worker(name + "a", n)
    b = await worker(name + "b", n)
    return a, b

def drive(coro):
    value = None
    steps = 0
    while True:
        try:
            coro.send(value)
        except StopIteration as e:
            return e.value, steps
        steps += 1
        value = steps

results = {}
def run(name):
    results[name] = [drive(nested(name, 50)) for _ in range(5)]

threads = [threading.Thread(target=run, args=(n,)) for n in ("x", "y")]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(results):
    print(k, results[k][0], len(results[k]))

handoff = worker("h", 3)
first = handoff.send(None)
t = threading.Thread(target=lambda: results.__setitem__("h", drive_rest(handoff)))
def drive_rest(c):
    v = 1
    while True:
        try:
            c.send(v)
        except StopIteration as e:
            return e.value
        v += 1
t.start()
t.join()
print(first, results["h"])
