x = 1
y = [1, 2, 3, 4, 5]
d = {"a": 1, "b": 2, "c": 3}
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
del y[0], y[-1]
print(y)
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)
try:
    del y[10]
except IndexError as e:
    print("IndexError:", e)


class Box:
    pass


b = Box()
b.a = 1
b.b = 2
del b.a
print(hasattr(b, "a"), b.b)
try:
    del b.a
except AttributeError as e:
    print("AttributeError:", e)


def local_del():
    v = 10
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(local_del())
a, c = 1, 2
del a, c
print("deleted pair")
assert True
assert 1 + 1 == 2, "math"
try:
    assert 1 > 2
except AssertionError as e:
    print("bare assert", repr(e), e.args)
try:
    assert [], "empty list is " + "falsy"
except AssertionError as e:
    print("assert message:", e)
