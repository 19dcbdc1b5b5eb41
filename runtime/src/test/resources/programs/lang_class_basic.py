class Counter:
    """A counter with a class-level total."""
    total = 0

    def __init__(self, name, start):
        self.name = name
        self.count = 0 if start is None else start

    def increment(self, by):
        self.count += by
        Counter.total += by
        return self

    def describe(self):
        return self.name + "=" + str(self.count)


a = Counter("a", None)
b = Counter("b", 10)
a.increment(2).increment(3)
b.increment(1)
print(a.describe(), b.describe(), Counter.total)
print(a.count, b.count, a.total, b.total)
a.extra = [1, 2]
a.extra.append(3)
print(a.extra, hasattr(a, "extra"), hasattr(b, "extra"))
print(getattr(b, "missing", "default"))
setattr(b, "label", "bee")
print(b.label)
m = a.describe
print(m())
print(type(a).__name__, type(a) is Counter, isinstance(a, Counter), isinstance(a, object))
print(Counter.describe(b))
try:
    print(a.nothing)
except AttributeError as e:
    print("AttributeError:", e)
try:
    Counter()
except TypeError as e:
    print("TypeError:", e)


class Outer:
    class Inner:
        def method(self, a):
            return a

    def make(self):
        def helper(x, y):
            return x + y
        return helper


try:
    Outer.Inner().method()
except TypeError as e:
    print("TypeError:", e)
try:
    Outer().make()(1)
except TypeError as e:
    print("TypeError:", e)


class Empty:
    pass


e = Empty()
e.x = 1
print(e.x, isinstance(e, Empty), Empty.__name__)
try:
    Empty(1)
except TypeError as err:
    print("TypeError:", err)
