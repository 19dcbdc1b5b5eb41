# Instance attributes through shapes and inline caches: same names in different orders,
# many attributes (beyond the shape limit), __dict__ (dict mode), del, getattr/setattr/hasattr.


class P:
    def __init__(self, a, b, flip):
        if flip:
            self.b = b
            self.a = a
        else:
            self.a = a
            self.b = b

    def total(self):
        return self.a + self.b


ps = [P(i, 10 * i, i % 2 == 0) for i in range(6)]
print([p.total() for p in ps])
for p in ps:
    p.a = p.a + 1  # one store site, two shapes
print([p.a for p in ps], [p.b for p in ps])
print(sorted(ps[0].__dict__.items()), sorted(ps[1].__dict__.items()))

# __dict__ is live both ways
q = P(1, 2, False)
d = q.__dict__
d["c"] = 3
q.e = 5
print(q.c, sorted(d.items()), q.total())
del q.a
print(hasattr(q, "a"), sorted(q.__dict__))
q.a = 7
print(q.total())

# del and re-add, on a shape-mode instance
r = P(3, 4, True)
del r.b
try:
    r.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.b
except AttributeError as e:
    print("AttributeError:", e)
r.b = 40
print(r.total())


# many attributes: more than any shape holds
class Bag:
    pass


b = Bag()
for i in range(50):
    setattr(b, "x" + str(i), i)
print(sum(getattr(b, "x" + str(i)) for i in range(50)), b.x49, len(b.__dict__))
b.x0 = 100
print(b.x0, hasattr(b, "x50"), getattr(b, "x50", "missing"))

# a site that sees instances of several classes and shapes in turn


class A:
    def __init__(self):
        self.v = "A"

    def who(self):
        return "A.who " + self.v


class B:
    v = "B class attr"

    def who(self):
        return "B.who " + self.v


class C(A):
    def who(self):
        return "C.who " + self.v


objs = [A(), B(), C(), A(), B(), C()]
objs[4].v = "B instance attr"
for o in objs:
    print(o.who(), o.v)

# instance attribute shadows a method, then goes away again
a = A()
print(a.who())
a.who = lambda: "instance lambda"
print(a.who())
del a.who
print(a.who())

try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
o = object()
print(hasattr(o, "y"))
print(type(b).__name__, b.__class__.__name__)
