# Four threads read sys.stdin at once: every line is read whole, by exactly one of them.
import sys
import threading

got = []
lock = threading.Lock()


def reader():
    mine = []
    for line in sys.stdin:
        mine.append(line)
    with lock:
        got.extend(mine)


threads = [threading.Thread(target=reader) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(got), sorted(got) == ["line %03d\n" % i for i in range(300)])
