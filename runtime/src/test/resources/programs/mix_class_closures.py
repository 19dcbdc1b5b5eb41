# Classes whose methods are closures: over the method's locals, over an enclosing function's
# variables (through the class body, which they cannot see themselves), and nonlocal counters.
def make_scaler(factor):
    class Scaler:
        base = 10
        label = "scaler"

        def scale(self, x):
            return x * factor

        def all(self, n):
            return [self.scale(i) for i in range(n)]

        def counter(self):
            n = 0

            def inc(step=1):
                nonlocal n
                n += step
                return n
            return inc

        doubled = [i * 2 for i in range(3)]  # a comprehension in a class body sees no class names
    return Scaler


S = make_scaler(3)
s = S()
print(s.scale(2), s.all(4), S.doubled, S.base)
c = s.counter()
print(c(), c(), c(10))
T = make_scaler(-1)
print(T().scale(5), S().scale(5))


def shadow():
    x = "function"

    class C:
        x = "class"

        def get(self):
            return x  # the function's x: class names are not enclosing scopes
    return C.x, C().get()


print(shadow())


class Registry:
    def __init__(self):
        self.handlers = {}

    def on(self, name):
        def register(fn):
            self.handlers[name] = fn
            return fn
        return register

    def fire(self, name, *args):
        return self.handlers[name](*args)


r = Registry()


def greet(who, punct="!"):
    return "hello " + who + punct


r.on("greet")(greet)
r.on("add")(lambda a, b: a + b)
print(r.fire("greet", "bob"), r.fire("add", 2, 3), sorted(r.handlers))


class Outer:
    class Inner:
        def who(self):
            return type(self).__name__

    def make(self):
        return self.Inner()


print(Outer().make().who())


def late_binding():
    fns = [lambda: i for i in range(3)]
    fixed = [lambda i=i: i for i in range(3)]
    return [f() for f in fns], [f() for f in fixed]


print(late_binding())
