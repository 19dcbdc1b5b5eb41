# A thread-local attribute holds its value only while its thread lives (ThreadLocalReleaseTest).
import sys
import threading
data = threading.local()
shared = ["payload"]
before = sys.getrefcount(shared)
inside = []


def hold():
    data.held = shared
    inside.append(sys.getrefcount(shared) - before)


t = threading.Thread(target=hold)
t.start()
t.join()
print("held inside:", inside, "after the thread ended:", sys.getrefcount(shared) - before)
