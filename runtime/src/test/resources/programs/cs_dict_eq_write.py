# A dict key whose __eq__ writes to the dict it is being looked up in: a store, a store that
# resizes the table, a delete of the very key being compared, a clear. The lookup must not
# deadlock (the callee runs with the dict's critical section suspended) and must start again
# when the table changed under it, as CPython's lookdict does.
d = {}
mode = []


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 11

    def __eq__(self, other):
        m = mode[0] if mode else None
        if m == "store":
            d["side"] = self.v
        elif m == "grow":
            mode.clear()
            for i in range(100):
                d["g%d" % i] = i
        elif m == "delete":
            mode.clear()
            for k in list(d):
                if isinstance(k, K) and k.v == other.v:
                    del d[k]
        elif m == "clear":
            mode.clear()
            d.clear()
        return isinstance(other, K) and self.v == other.v


d[K(1)] = "a"
d[K(2)] = "b"
mode.append("store")
print(d[K(2)], d["side"], len(d))
mode.clear()
mode.append("grow")
print(d[K(2)], len(d))
mode.append("delete")
print(K(1) in d, K(2) in d, len(d))
d[K(5)] = "e"
mode.append("clear")
print(d.get(K(5), "gone"), len(d))
d[K(6)] = "f"
d[K(7)] = "g"
mode.append("store")
d[K(7)] = "G"
mode.clear()
print(d[K(6)], d[K(7)], d["side"], len(d))
