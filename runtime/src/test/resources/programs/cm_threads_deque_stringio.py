# Four threads append to and pop from one deque and write one StringIO. Each deque operation
# and each write is atomic (a critical section on the object), so no item is lost and no line
# is torn; the negative control (SharedListNegativeControlTest) runs this without locks.
import io
import threading
from _collections import deque

N = 20000
d = deque()
out = io.StringIO()


def worker(t):
    for i in range(N):
        d.append(i)
        if i % 2:
            d.popleft()
    for i in range(100):
        out.write("%d:%d\n" % (t, i))


threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(len(d))
lines = out.getvalue().splitlines()
print(len(lines), sorted(lines) == sorted("%d:%d" % (t, i) for t in range(4) for i in range(100)))
