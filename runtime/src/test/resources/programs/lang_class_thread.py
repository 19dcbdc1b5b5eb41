import threading


class Worker(threading.Thread):
    def __init__(self, ident, n, results):
        super().__init__()
        self.ident_no = ident
        self.n = n
        self.results = results

    def run(self):
        total = 0
        for i in range(self.n):
            total += i * self.ident_no
        self.results[self.ident_no] = total


class Named(threading.Thread):
    def run(self):
        out.append("named ran")


results = {}
workers = []
for i in range(4):
    workers.append(Worker(i, 20000, results))
for w in workers:
    w.start()
for w in workers:
    w.join()
for i in range(4):
    print(i, results[i])
print(isinstance(workers[0], threading.Thread), workers[0].is_alive())

out = []
t = Named()
t.start()
t.join()
print(out)


def target(x):
    out.append(x * 2)


plain = threading.Thread(target=target, args=(21,))
plain.start()
plain.join()
print(out)


class Shared:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    def add(self, n):
        for i in range(n):
            with self.lock:
                self.count += 1


shared = Shared()
ts = []
for i in range(4):
    ts.append(threading.Thread(target=shared.add, args=(5000,)))
for t in ts:
    t.start()
for t in ts:
    t.join()
print(shared.count)
