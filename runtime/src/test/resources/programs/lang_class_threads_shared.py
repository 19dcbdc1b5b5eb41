import threading


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.hits = 0
        self.errors = 0

    def record(self, ok):
        with self.lock:
            if ok:
                self.hits += 1
            else:
                self.errors += 1


class Job(threading.Thread):
    def __init__(self, stats, ident, n):
        super().__init__()
        self.stats = stats
        self.number = ident
        self.n = n
        self.caught = 0

    def run(self):
        for i in range(self.n):
            try:
                if i % 7 == 0:
                    raise ValueError(i)
                self.stats.record(True)
            except ValueError:
                self.caught += 1
                self.stats.record(False)
        setattr(self.stats, "done_" + str(self.number), self.caught)


stats = Stats()
jobs = []
for k in range(4):
    jobs.append(Job(stats, k, 700))
for j in jobs:
    j.start()
for j in jobs:
    j.join()
print(stats.hits, stats.errors, stats.hits + stats.errors)
for k in range(4):
    print(k, getattr(stats, "done_" + str(k)), jobs[k].caught)


def failing_worker():
    raise RuntimeError("worker failed")


t = threading.Thread(target=failing_worker)
t.start()
t.join()
print("main continues after a thread's uncaught exception")
