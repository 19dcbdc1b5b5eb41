# list.sort whose __lt__ blocks on a lock that another thread holds while that thread reads
# and then changes the list being sorted. The sort's comparisons run with the list's critical
# section suspended, so the other thread gets the list (empty while it sorts, as in CPython),
# releases the lock, and the sort finishes; the item it appended is dropped with a ValueError.
import threading

gate = threading.Lock()
comparing = threading.Event()


class V:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        comparing.set()
        with gate:  # blocks until the main thread has touched the list
            pass
        return self.v < other.v

    def __repr__(self):
        return "V(%d)" % self.v


items = [V(3), V(1), V(2), V(5), V(4)]
outcome = []


def sorter():
    try:
        items.sort()
        outcome.append("sorted")
    except ValueError as e:
        outcome.append("ValueError: %s" % e)


gate.acquire()
t = threading.Thread(target=sorter)
t.start()
comparing.wait()
print("during the sort:", len(items), items, V(9) in items)
items.append(V(0))
gate.release()
t.join()
print(outcome)
print(items)

# The same without changing the list: the sort completes.
gate.acquire()
comparing.clear()
t = threading.Thread(target=sorter)
items.reverse()
t.start()
comparing.wait()
print("during the second sort:", len(items), items.count(V(1)))
gate.release()
t.join()
print(outcome)
print(items)
