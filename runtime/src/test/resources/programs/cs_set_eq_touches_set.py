# A set element whose __eq__ reads and writes the set it is being looked up in. Under a
# free-threaded preset the probe runs in the set's critical section; the __eq__ must run with
# it suspended (or the set's own lock deadlocks the thread against itself), and the probe must
# start again when the table changed under it.
s = set()
log = []


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 7  # every element collides: each probe compares

    def __eq__(self, other):
        log.append((self.v, len(s), 0 in s))
        if self.v == 2 and len(s) < 20:
            for i in range(10, 20):
                s.add(i)  # grows the table while the probe waits for this answer
        return isinstance(other, K) and self.v == other.v

    def __repr__(self):
        return "K(%d)" % self.v


s.add(0)
s.add(K(1))
s.add(K(2))
print(K(1) in s, K(3) in s, len(s))
s.add(K(2))
print(len(s), sorted(x for x in s if isinstance(x, int)))
s.discard(K(1))
print(K(1) in s, len(s))
for entry in log:
    print(entry)
