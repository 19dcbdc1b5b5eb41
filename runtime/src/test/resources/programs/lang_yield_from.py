# yield from: delegation to sub-generators and iterables, send/throw/close pass-through, and the
# sub-generator's return value as the value of the expression.


def inner(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("inner got", got)
    return "inner done %d" % n


def outer():
    r = yield from inner(3)
    print("result:", r)
    r2 = yield from [10, 20]
    print("list result:", r2)
    yield from "ab"
    yield from (x * x for x in range(3))
    return "outer done"


print(list(outer()))

g = outer()
print(next(g))
print(g.send("hello"))
print(g.send(None))
try:
    while True:
        print("next", next(g))
except StopIteration:
    print("finished")


def adder():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def collector():
    results = []
    while True:
        r = yield from adder()
        results.append(r)
        if len(results) == 2:
            return results


c = collector()
next(c)
for v in [1, 2, 3, None, 10, 20, None]:
    try:
        print("sent", v, "->", c.send(v))
    except StopIteration as e:
        print("stop", e.value, e.args)


def catcher():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
    finally:
        print("inner finally")
    return "catcher result"


def delegator():
    r = yield from catcher()
    print("delegator got", r)
    yield "after"


d = delegator()
print(next(d))
print(d.throw(ValueError("boom")))
print(next(d))
print(next(d, "exhausted"))

d = delegator()
print(next(d))
d.close()
print("closed")


def failing():
    yield 1
    raise KeyError("from inner")


def wrapper():
    try:
        yield from failing()
    except KeyError as e:
        print("wrapper caught", e)
        yield "wrapped"


print(list(wrapper()))


def no_throw():
    yield from iter([1, 2, 3])


n = no_throw()
print(next(n))
try:
    n.throw(IndexError("into list iterator"))
except IndexError as e:
    print("propagated", e)
print(next(n, "done"))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("liftoff")
        self.n -= 1
        return self.n


def launch():
    r = yield from Countdown(3)
    yield r


print(list(launch()))


def tree(depth):
    if depth == 0:
        yield "leaf"
        return 1
    left = yield from tree(depth - 1)
    right = yield from tree(depth - 1)
    return left + right


t = tree(3)
out = []
try:
    while True:
        out.append(t.send(None))
except StopIteration as e:
    print(len(out), e.value)
