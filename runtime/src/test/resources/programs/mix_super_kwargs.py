# super() (zero-argument, through the __class__ cell), keyword arguments to __init__, *args in
# methods and super().__init__(**kw).
class Base:
    def __init__(self, name, **kw):
        self.name = name
        self.extra = kw

    def describe(self):
        return "Base(" + self.name + ")"


class Middle(Base):
    def __init__(self, name, level=1, **kw):
        super().__init__(name, **kw)
        self.level = level

    def describe(self):
        return "Middle<" + super().describe() + ">"


class Leaf(Middle):
    def __init__(self, *args, tag="leaf", **kw):
        super().__init__(*args, **kw)
        self.tag = tag

    def describe(self):
        inner = lambda me=self: super().describe()  # super() in a lambda uses its first parameter
        return "Leaf[" + inner() + "]"

    def describe_nested(self):
        def name_of_class():
            return __class__.__name__
        return name_of_class()


leaf = Leaf("x", 3, tag="t", color="red", size=2)
print(leaf.name, leaf.level, leaf.tag, sorted(leaf.extra.items()))
print(leaf.describe(), leaf.describe_nested())
m = Middle(name="m")
print(m.name, m.level, m.extra, m.describe())


class Vector:
    def __init__(self, *coords):
        self.coords = list(coords)

    def scaled(self, *factors, default=1):
        out = []
        for i, c in enumerate(self.coords):
            out.append(c * (factors[i] if i < len(factors) else default))
        return Vector(*out)

    def __repr__(self):
        return "Vector(" + ", ".join([str(c) for c in self.coords]) + ")"


v = Vector(1, 2, 3)
print(v, v.scaled(2), v.scaled(2, 3, default=0), Vector(*v.coords, 4))
args = (5, 6)
opts = {"default": 10}
print(v.scaled(*args, **opts))

try:
    Middle()
except TypeError as e:
    print("TypeError:", e)
try:
    Leaf("a", bogus=1).describe()
    Base("a", "b")
except TypeError as e:
    print("TypeError:", e)


def no_class():
    return super()


try:
    no_class()
except RuntimeError as e:
    print("RuntimeError:", e)
