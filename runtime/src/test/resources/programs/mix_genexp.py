# Generator expressions: lazy, with their own scope (the first iterable evaluated at once),
# in calls without extra parentheses, inside methods, nested, and raising while iterated.
print(sum(x * x for x in range(5)))
g = (x for x in range(3) if x)
print(g.__class__.__name__ if False else "gen", list(g), list(g))
def f(n):
    k = 10
    return list(a + k for a in range(n))
print(f(3))
print(max((len(w), w) for w in "a bb ccc".split()))
print(any(x > 2 for x in [1, 2, 3]), all(x for x in []))
class C:
    def __init__(self, xs):
        self.xs = xs
    def total(self):
        return sum(x for x in self.xs)
    def pairs(self):
        return list((a, b) for a in self.xs for b in self.xs if a < b)
print(C([1, 2, 3]).total(), C([1, 2, 3]).pairs())
print(",".join(str(i) for i in range(4)))
it = (1 // x for x in [1, 0])
print(next(it))
try:
    next(it)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(dict((k, v) for k, v in [("a", 1)]), set(c for c in "abca") == {"a", "b", "c"})
print(sorted((x for x in [3, 1, 2]), key=lambda v: -v))
def lazy():
    items = []
    g = (len(items) for _ in range(2))
    items.append(1)
    return list(g)
print(lazy())
