# Functions made and dropped in loops, returned, stored, captured by closures and deleted:
# deferred functions must be counted whenever a reference leaves a frame (a list, a dict, a
# cell, an attribute, a default, a return value) and must not be freed while one remains.
made = []
for i in range(5):
    def step(x, i=i):       # redefined each time round: the old one is dropped
        return x + i
    if i % 2 == 0:
        made.append(step)   # some of them are kept
print([f(10) for f in made])
print(step(1))


def make_adder(n):
    def add(x):
        return x + n
    return add


adders = [make_adder(k) for k in range(3)]
print([a(100) for a in adders])


def identity(f):
    return f


@identity
def decorated(x):
    return -x


print(decorated(4))


def holder():
    box = []
    g = decorated
    box.append(g)
    return box


b = holder()
print(b[0](5), b[0] is decorated)


class Registry:
    def __init__(self):
        self.table = {}

    def register(self, name, f):
        self.table[name] = f
        return f


reg = Registry()
reg.register("sq", lambda v: v * v)
reg.register("dec", decorated)
reg.handler = make_adder(7)
print(reg.table["sq"](6), reg.table["dec"](6), reg.handler(6))


def counter():
    count = 0

    def bump():
        nonlocal count
        count = count + 1
        return count
    return bump


bump = counter()
bump()
print(bump())


def gen():
    yield decorated
    yield make_adder
    yield Registry


for thing in gen():
    print(thing.__name__)

alias = make_adder
del make_adder
print(alias(1)(1))
funcs = {name: fn for name, fn in (("a", identity), ("b", holder))}
print(sorted(funcs), funcs["a"](3))
try:
    identity()
except TypeError as e:
    print("TypeError:", e)
