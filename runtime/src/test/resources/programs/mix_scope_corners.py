# Scope corners where classes meet closures: a class per loop iteration (each super() sees its own
# class), classes nested in methods, comprehensions in a class body over a function's variable,
# __class__ absent from a class body, a captured 'except ... as' name deleted after the handler.
def make(n):
    out = []
    for i in range(n):
        class Base:
            def tag(self):
                return "base" + str(i)
        class D(Base):
            def tag(self):
                return "D(" + super().tag() + ")"
        out.append(D())
    return out
print([d.tag() for d in make(3)])

class A:
    def run(self):
        class Inner(A):
            def run(self):
                return "inner>" + super().run()
        return Inner
    def base(self):
        return "A"
class A2(A):
    def gen(self):
        yield super().base()
        yield "x"
print(list(A2().gen()))

def outer():
    k = 5
    class C:
        vals = [k * i for i in range(3)]
        doubled = {x: k for x in "ab"}
    return C.vals, C.doubled
print(outer())
try:
    class Q:
        print(__class__)
except NameError as e:
    print("NameError:", e)

def handler():
    fs = []
    try:
        1 / 0
    except ZeroDivisionError as err:
        fs.append(lambda: type(err).__name__)
        print(fs[0]())
    try:
        return fs[0]()
    except NameError as e:
        return "NameError: " + str(e)
print(handler())

class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.id = Counter.total
    def __repr__(self):
        return f"#{self.id}"
cs = [Counter() for _ in range(3)]
print(cs, Counter.total, sorted(cs, key=lambda c: -c.id))
print(f"{cs[0]!r:*^9}", "{0!r}/{1}".format(cs[1], cs[2]))
