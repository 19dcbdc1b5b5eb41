# Calls with *sequence and **mapping, mixed with ordinary arguments.
def f(a, b, c=0, *rest, **kw):
    return a, b, c, rest, kw

args = [1, 2]
print(f(*args))
print(f(*args, 3, 4))
print(f(0, *range(3), *"xy"))
print(f(**{"a": 1, "b": 2}))
print(f(1, **{"b": 2}, c=3, **{"d": 4}))
print(f(*(9, 8), **{"z": 0}))
print(max(*[3, 9, 2]), print(*["a", "b"], sep="-"))
words = ["x", "y", "z"]
print(*words)
print(*[w * 2 for w in words], sep="|")
def g(*, key):
    return key
opts = {"key": "value"}
print(g(**opts))
