# _collections written in Java: deque (every method, indexing, iteration, comparison, repr,
# errors) and defaultdict (a dict whose missing keys get default_factory()).
from _collections import deque, defaultdict

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d, bool(d), bool(deque()))
d.extend([5, 6])
d.extendleft("ab")
print(d)
print(d.pop(), d.popleft(), d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate()
print(d, d.count(2), d.index(3), d.index(3, 1), d.index(3, -5, -1))
d.remove("a")
d.insert(2, "x")
d.insert(-1, "y")
d.insert(100, "z")
print(d)
d.reverse()
print(d, list(reversed(d)))
d[0] = "first"
del d[1]
print(d, d[2])
c = d.copy()
print(c == d, c is d, c != d, deque([1, 2]) < deque([1, 3]), deque([2]) >= deque([1, 5]), d == [1])
c.clear()
print(c, d.maxlen)

b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10)
b.appendleft(-1)
print(b)
b.extend([20, 21])
print(b)
z = deque(maxlen=0)
z.append(1)
print(z, list(iter(z)))

s = deque([1])
s.append(s)
print(s)
s.pop()  # the cycle broken: this runtime has no cycle collector yet
print(type(iter(s)).__name__, type(reversed(s)).__name__, deque.__name__)

for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2),
            lambda: deque([1]).index(2), lambda: b.insert(0, 1), lambda: deque()[0], lambda: deque(maxlen=-1),
            lambda: deque(3), lambda: hash(deque()), lambda: deque([1])["a"], lambda: deque([1]).rotate("x"),
            lambda: deque([1, 2]).index(2, 0, 1)):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
m = deque([1, 2, 3])
try:
    for x in m:
        m.append(x)
except RuntimeError as e:
    print("RuntimeError", e)

dd = defaultdict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"]
print(dd, len(dd), "a" in dd, "c" in dd, dd.get("c"), isinstance(dd, dict))
print(dd.default_factory, repr(defaultdict()), defaultdict(int, {1: 2}), defaultdict(None, a=1))
counts = defaultdict(int)
for w in "the cat and the hat and the bat".split():
    counts[w] += 1
print(sorted(counts.items()), counts["zebra"], len(counts))
e = counts.copy()
print(type(e).__name__, e == counts, e.default_factory)
counts.default_factory = None
try:
    counts["nope"]
except KeyError as k:
    print("KeyError", k)
print(dd.__missing__("q"), sorted(dd))
for bad in (lambda: defaultdict(3), lambda: defaultdict()["x"], lambda: defaultdict(list, 3)):
    try:
        bad()
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
