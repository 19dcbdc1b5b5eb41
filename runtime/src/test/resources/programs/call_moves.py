# Calls that move their arguments into the callee's frame (plain positional parameters), and
# bound methods unpacked on the caller's stack: every path must keep the counts right
# (RefCheckTest runs this with --check-refs) and give CPython's results.
class Box:
    def __init__(self, v):
        self.v = v

    def add(self, other):
        return Box(self.v + other.v)

    def gen(self, n):
        for i in range(n):
            yield self.v + i


def pair(a, b):
    return [a, b]


def fails(a, b):
    raise ValueError("fails with " + str(a.v) + " " + str(b))


def deep(x, n):
    return deep(x, n + 1)


b = Box(1)
m = b.add                       # a bound method as a value: CALL unpacks it in place
print(m(Box(2)).v, m(b).v)
holder = Box(0)
holder.f = b.add                # a bound method in an instance attribute: CALL_METHOD, no self
print(holder.f(Box(5)).v)
print(list(b.gen(3)), list(Box(10).gen(2)))
g = b.gen                       # a generator function behind a bound method
print(sum(g(4)))
print(pair([1], "two"), pair(*[3, 4]), pair(b=5, a=6))
for i in range(3):
    try:
        fails(Box(i), [i])
    except ValueError as e:
        print("caught", e)
try:
    deep([1, 2, 3], 0)
except RecursionError:
    print("recursion error, arguments released")
ms = [Box(i).add for i in range(3)]
print([f(Box(100)).v for f in ms])
