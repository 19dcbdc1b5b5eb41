# Generators inside classes: __iter__ as a generator, recursive generators over a tree,
# generators closing over locals, send(), and exceptions thrown inside generator bodies.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def walk(self):
        yield self.value
        for child in self.children:
            for v in child.walk():
                yield v

    def __iter__(self):
        return self.walk()


t = Tree(1, Tree(2, Tree(3)), Tree(4, Tree(5), Tree(6)))
print(list(t), sum(t), [v * 10 for v in t if v % 2 == 0])
print(sorted(t, key=lambda v: -v))


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1


print(list(Countdown(4)), max(Countdown(7)), {n: n * n for n in Countdown(3)})


def windowed(seq, size):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


print(list(windowed(range(6), 3)))


def accumulator():
    total = 0
    while True:
        got = yield total
        if got is None:
            return
        total += got


acc = accumulator()
next(acc)
print(acc.send(5), acc.send(7), acc.send(-2))


def failing(n):
    for i in range(n):
        if i == 2:
            raise ValueError("stop at " + str(i))
        yield i


out = []
try:
    for v in failing(5):
        out.append(v)
except ValueError as e:
    out.append(str(e))
print(out)


class Pipeline:
    def __init__(self, *stages):
        self.stages = stages

    def run(self, items):
        for stage in self.stages:
            items = [stage(x) for x in items]
        for x in items:
            yield x


p = Pipeline(lambda x: x + 1, lambda x: x * 3)
print(list(p.run([1, 2, 3])))
