# Objects without a repr of their own print CPython's default, <module.Type object at 0x...>,
# never a Java class name. Addresses differ from run to run: only what precedes them is printed.
import queue
import threading


def shown(o):
    r = repr(o)
    return r.split(" at 0x")[0] + (">" if " at 0x" in r else "")


for o in [queue.Queue(), iter([]), iter(()), iter("ab"), iter({1: 2}), iter({1}), iter(range(2)),
          reversed([1]), reversed((1,)), threading.Lock(), threading.local(), map(len, []),
          enumerate([]), object(), type(queue.Queue()), type(threading.Event())]:
    print(shown(o))
print(repr(threading.Event()).split(": ")[1])
