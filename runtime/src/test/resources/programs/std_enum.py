# CPython's enum module, unchanged (it needs __prepare__'d dict subclasses, type() with keywords, object's slots).
import enum
import sys


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = enum.auto()


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.RED is Color(1), Color.RED == 1, isinstance(Color.RED, Color))
print(Perm.R | Perm.W, int(Perm.R | Perm.X), Perm.W in (Perm.R | Perm.W), Perm(7))
try:
    Color(9)
except ValueError as e:
    print("ValueError", e)
mod = sys.modules[__name__]
print(type(mod.__dict__).__name__, mod.__dict__["Color"] is Color)
