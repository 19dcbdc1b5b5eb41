# Four threads append to a list subclass and write a dict subclass: every write lands.
import threading

class Log(list):
    def add(self, x):
        self.append(x)

class Tally(dict):
    def bump(self, k):
        self[k] = self.get(k, 0) + 1

log = Log()
tally = Tally()
lock = threading.Lock()

def work(i):
    for j in range(200):
        log.add((i, j))
        with lock:
            tally.bump(i % 2)
        tally["t%d" % i] = j

ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(log), type(log).__name__, sorted(log) == sorted((i, j) for i in range(4) for j in range(200)))
print(sorted(tally.items(), key=str), type(tally).__name__)
