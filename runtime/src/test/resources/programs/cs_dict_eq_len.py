# A dict key whose __eq__ reads the dict it is being looked up in (len, get, in, iteration).
# Under a free-threaded preset the lookup runs in the dict's critical section; the __eq__
# must run with it suspended, or the dict's own lock deadlocks the thread against itself.
d = {}


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 7  # every key collides: each lookup compares

    def __eq__(self, other):
        n = len(d)
        seen.append((self.v, n, d.get("x"), "x" in d, len(list(d))))
        return isinstance(other, K) and self.v == other.v


seen = []
d["x"] = 0
d[K(1)] = "one"
d[K(2)] = "two"
d[K(3)] = "three"
print(d[K(3)], d.get(K(2)), K(4) in d, K(1) in d)
print(d.setdefault(K(2), "dflt"), d.pop(K(1)), len(d))
for s in seen:
    print(s)
