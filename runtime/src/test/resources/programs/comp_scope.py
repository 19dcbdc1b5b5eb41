# Comprehension variables do not leak; comprehensions see enclosing variables and closures.
x = "module x"
result = [x for x in range(3)]
print(result, x)

def f():
    y = 10
    values = [y + i for i in range(3)]
    try_leak = [i for i in range(5)]
    return values, "i" in [k for k in ["a", "b"]]

print(f())

def g(n):
    return [[i * j for j in range(n)] for i in range(n)]

print(g(3))

def h():
    funcs = [lambda: k for k in range(3)]
    return [fn() for fn in funcs]

print(h())

def outer():
    factor = 3
    def scaled(seq):
        return [factor * s for s in seq]
    return scaled([1, 2, 3])

print(outer())
i = "unchanged"
nested = [[i for i in range(2)] for _ in range(2)]
print(nested, i)
