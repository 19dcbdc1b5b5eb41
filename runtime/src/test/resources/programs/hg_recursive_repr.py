# Containers that hold themselves print [...], {...}, (...) as CPython's Py_ReprEnter makes
# them; nesting deeper than the recursion limit raises RecursionError at CPython's depth, fast.
import threading

l = [1]
l.append(l)
print(l, str(l), repr(l))
d = {}
d["self"] = d
d["list"] = [d]
print(d)
s = [1]
t = (s,)
s.append(t)
print(s, t)
v = {}
v[1] = v.values()
print(v)
print(f"{l} {d!r}")


class Node:
    def __init__(self):
        self.children = []

    def __repr__(self):
        return "Node" + repr(self.children)


n = Node()
n.children.append(n)
n.children.append([n])
print(n)
print({frozenset([1]): l})


def nest(k):
    x = []
    for _ in range(k):
        x = [x]
    return x


for k in (997, 998, 2000):
    try:
        print(k, len(repr(nest(k))))
    except RecursionError as e:
        print(k, "RecursionError:", e)


def deeper(frames, k):
    if frames:
        return deeper(frames - 1, k)
    try:
        return len(repr(nest(k)))
    except RecursionError as e:
        return str(e)


print(deeper(500, 400), deeper(500, 600))

# The marker is per thread: two threads showing the same self-containing list both see it whole.
out = []


def show():
    for _ in range(200):
        out.append(repr(l))


ts = [threading.Thread(target=show) for _ in range(4)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print(len(out), set(out))
l.clear()
d.clear()
s.clear()
v.clear()
n.children.clear()
