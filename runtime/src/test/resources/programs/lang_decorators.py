# Decorators on functions and classes: plain, with arguments, stacked, any expression (PEP 614).
order = []


def trace(label):
    order.append("make " + label)

    def deco(f):
        order.append("apply " + label)
        return f
    return deco


def twice(f):
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs) * 2
    order.append("twice " + f.__name__ + " as " + wrapper.__qualname__)
    return wrapper


calls = {}


def counted(f):
    calls[f.__name__] = 0

    def wrapper(*args):
        calls[f.__name__] += 1
        return f(*args)
    return wrapper


@trace("outer")
@trace("middle")
@trace("inner")
def add(a, b):
    return a + b


print(order)
print(add(2, 3))


@twice
def three():
    return 3


print(three(), three.__name__, order[-1])


@counted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(10), calls)

registry = {}


def register(name):
    def deco(cls):
        registry[name] = cls
        cls.tag = name
        return cls
    return deco


@register("point")
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    @twice
    def norm1(self):
        return abs(self.x) + abs(self.y)


print(registry["point"] is Point, Point.tag, Point(1, -2).norm1())

decorators = [twice, counted]


@decorators[0]
@(lambda f: f)
def seven():
    return 7


print(seven())


def replace_with_value(f):
    return f.__name__.upper()


@replace_with_value
def hello():
    pass


print(hello)


def make_adders():
    out = []
    for k in range(3):
        def bind(f, k=k):
            return lambda x: f(x) + k

        @bind
        def ident(x):
            return x
        out.append(ident(10))
    return out


print(make_adders())
