# Class attributes changed after instances exist: every cached lookup must see the change,
# through subclasses too (the type version tag and its invalidation).


class Base:
    kind = "base"

    def greet(self):
        return "hello from Base"


class Mid(Base):
    pass


class Leaf(Mid):
    def __init__(self, n):
        self.n = n


def probe(o):
    return o.kind + " / " + o.greet()


items = [Leaf(i) for i in range(3)]
for rnd in range(3):
    print(rnd, [probe(o) for o in items])  # warm the caches at these sites

Base.kind = "changed"
print(probe(items[0]))


def new_greet(self):
    return "new greet n=" + str(self.n)


Base.greet = new_greet
print(probe(items[1]))

Mid.greet = lambda self: "Mid override"
print(probe(items[2]))
del Mid.greet
print(probe(items[2]))

Leaf.kind = "leaf"
print(probe(items[0]), Base.kind, Mid.kind)
del Leaf.kind
print(probe(items[0]))
try:
    del Leaf.kind
except AttributeError as e:
    print("AttributeError:", e)

# a class attribute replaced many times while a loop reads it
class Counter:
    step = 0


c = Counter()
total = 0
for i in range(100):
    Counter.step = i
    total += c.step
print(total)

# an instance attribute added later shadows the class attribute at a warm site
for i in range(3):
    print(c.step)
    c.step = "own"

# methods replaced on the class while a bound method exists
class Box:
    def get(self):
        return 1


bx = Box()
m = bx.get
Box.get = lambda self: 2
print(m(), bx.get(), Box.get(bx))

# a store site warmed on a class, then the class gains a property of that name
class Temp:
    pass


def put(o, v):
    o.x = v


t = Temp()
for v in range(3):
    put(t, v)
print(t.x)
Temp.x = property(lambda self: "prop", lambda self, v: print("setter got", v))
put(t, 99)
print(t.x)
u = Temp()
put(u, 5)
print(u.x)
