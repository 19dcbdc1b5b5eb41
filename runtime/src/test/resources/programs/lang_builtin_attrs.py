# Attributes and methods of built-in values, read directly and through hasattr/getattr.
print((3).real, (3).imag, (7).numerator, (7).denominator, (5).conjugate())
print((255).bit_length(), (-8).bit_length(), (0).bit_length(), (2 ** 100).bit_length(), (6).bit_count())
print((3).as_integer_ratio(), (-10).numerator, True.real, False.imag, True.numerator)
print((2.5).real, (2.5).imag, (-1.5).conjugate(), (2.0).is_integer(), (2.5).is_integer())
print((0.75).as_integer_ratio(), (-2.0).as_integer_ratio(), (0.1).as_integer_ratio())
print(float("inf").is_integer(), (1e300).is_integer())

values = [1, 2.0, "s", [1], {1: 2}, (1, 2), {1}, frozenset([3]), True, None, range(2, 9, 3)]
names = ["real", "imag", "numerator", "denominator", "conjugate", "bit_length", "is_integer",
         "upper", "append", "keys", "count", "index", "add", "split", "join", "items", "get",
         "pop", "sort", "copy", "clear", "update", "start", "stop", "step",
         "__len__", "__class__", "__iter__", "__contains__", "__getitem__", "no_such_name"]
for v in values:
    print(type(v).__name__, [n for n in names if hasattr(v, n)])

print(getattr(5, "real"), getattr(2.5, "imag"), getattr(1, "missing", "default"))
print((1, 2, 1, 1).count(1), ("a", "b").index("b"), range(5).start, range(2, 9, 3).stop, range(2, 9, 3).step)
print([1, 2, 3].__len__(), "abc".__contains__("b"), {"k": 1}.__getitem__("k"), (4, 5).__class__)
it = iter([10, 20])
print(it.__next__(), next(it.__iter__()))


def gen():
    yield 1


print(gen().__next__(), (1).__class__ is int, "x".__class__.__name__)
try:
    (3).real = 4
except AttributeError as e:
    print("AttributeError")
try:
    ("a", "b").index("z")
except ValueError as e:
    print(e)
try:
    (1.5).bit_length()
except AttributeError as e:
    print(e)
