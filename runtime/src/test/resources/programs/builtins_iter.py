def square(x):
    return x * x

def is_even(x):
    return x % 2 == 0

def add(a, b):
    return a + b

print(list(map(square, range(6))), list(map(add, [1, 2, 3], [10, 20])))
print(list(filter(is_even, range(10))), list(filter(None, [0, 1, "", "a", None, 2])))
print(list(zip([1, 2, 3], "abc", (True, False, None))), list(zip([1, 2], [3])), list(zip()))
print(list(enumerate("abc")), list(enumerate(["x", "y"], start=10)), list(enumerate([], 5)))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(1, 10, 3))), list(reversed((4, 5))))
print(list(reversed(range(0))), list(reversed({"k1": 1, "k2": 2})))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
print(any([0, "", None]), any([0, 3]), all([1, "a"]), all([1, 0]), any([]), all([]))
m = map(square, [1, 2, 3])
print(next(m), list(m), list(m))
for i, (a, b) in enumerate(zip("xy", [7, 8])):
    print(i, a, b)
calls = []

def noisy(x):
    calls.append(x)
    return x > 1

lazy = filter(noisy, [1, 2, 3])
print(calls)
print(next(lazy), calls)
total = 0
for v in map(square, filter(is_even, range(10))):
    total += v
print(total, sum(map(square, range(4))), sorted(map(abs, [-3, 1, -2])))
print(list(iter("hi")), list(iter((1, 2))), tuple(zip("ab", "cd")), dict(zip("ab", [1, 2])))
