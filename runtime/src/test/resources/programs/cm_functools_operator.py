# _functools (reduce, partial) and _operator written in Java.
import _functools
import _operator as op

print(_functools.reduce(op.add, [1, 2, 3, 4]), _functools.reduce(op.mul, [], 1), _functools.reduce(lambda a, b: a + b, "abc", "x"))
try:
    _functools.reduce(op.add, [])
except TypeError as e:
    print("TypeError", e)


def f(a, b, c=0, *, d=1):
    return (a, b, c, d)


p = _functools.partial(f, 1, d=4)
print(p(2), p(2, 3), p(2, d=5), p.args, p.keywords, p.func is f)
q = _functools.partial(p, 9)
print(q(), repr(_functools.partial(len, [1])), repr(_functools.partial(max, 1, default=2)))
print(sorted([3, 1, 2], key=_functools.partial(op.mul, -1)))
for bad in (lambda: _functools.partial(), lambda: _functools.partial(3)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

print(op.add(1, 2), op.sub(5, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(3), op.pos(-2), op.not_(0), op.truth([1]), op.invert(5), op.inv(0), op.lshift(1, 3), op.rshift(16, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.concat([1], [2]), op.index(True), op.is_(None, None),
      op.is_not(1, None))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt("b", "a"), op.ge(1, 2), op.contains("abc", "b"),
      op.countOf([1, 2, 1], 1), op.length_hint([1, 2]), op.length_hint(object(), 5))
d = {"a": 1}
op.setitem(d, "b", 2)
print(op.getitem(d, "b"), d)
op.delitem(d, "a")
print(d)
l = [1]
print(op.iadd(l, [2]) is l, l, op.iadd(1, 2), op.isub(5, 1), op.ior({1}, {2}))
g = op.itemgetter(1)
print(g("xyz"), op.itemgetter(0, 2)("xyz"), g, op.itemgetter("k")({"k": 7}))
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=op.itemgetter(1)))


class Q:
    x = "q"


class P:
    def __init__(self, x):
        self.x = x
        self.inner = Q()

    def scaled(self, k, extra=0):
        return self.x * k + extra


print(op.attrgetter("x")(P(4)), op.attrgetter("x", "inner.x")(P(5)), op.attrgetter("x"))
m = op.methodcaller("scaled", 3, extra=1)
print(m(P(2)), m, op.methodcaller("upper")("abc"))
for bad in (lambda: op.concat(1, 2), lambda: op.index(1.5), lambda: op.itemgetter(), lambda: op.attrgetter(1),
            lambda: op.methodcaller(), lambda: op.add(1), lambda: g([])):
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)

# CPython's operator.py, which re-exports _operator
import operator
print(operator.add(2, 3), operator.abs(-4), operator.itemgetter(1)("ab"), operator.attrgetter("x")(P(6)),
      type(operator.itemgetter(0)).__name__, operator.add is op.add)
