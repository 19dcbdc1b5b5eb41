# Positional-only parameters (PEP 570) and the @ operator (PEP 465), as CPython 3.11.


def f(a, b, /, c, *, d=4):
    return (a, b, c, d)


print(f(1, 2, 3))
print(f(1, 2, c=3, d=5))
try:
    f(1, b=2, c=3)
except TypeError as e:
    print(e)


def g(a, b=2, /, **kw):
    return a, b, sorted(kw.items())


print(g(1, a=10, b=20))
print(g(1, 5))


def h(x, /):
    return x


try:
    h(x=1)
except TypeError as e:
    print(e)

lam = lambda p, q, /: p - q
print(lam(5, 3))


class M:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return M([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __rmatmul__(self, other):
        return ("rmatmul", other)

    def __repr__(self):
        return "M(%r)" % (self.rows,)


a = M([[1, 2], [3, 4]])
b = M([[5, 6], [7, 8]])
print(a @ b)
print(3 @ a)
c = a
c @= b
print(c, a)
try:
    1 @ 2
except TypeError as e:
    print(e)
try:
    x = [1]
    x @= 2
except TypeError as e:
    print(e)
