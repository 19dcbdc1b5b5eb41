# Lambdas: defaults, closures, immediately called, sorted keys, nested lambdas.
square = lambda x: x * x
print(square(7), (lambda: "no args")(), (lambda a, b=3: a + b)(1))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted([p[1] for p in pairs]))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda n: n + 1
print(compose(square, inc)(4), compose(inc, square)(4))
makers = [lambda i=i: i * 10 for i in range(4)]
print([m() for m in makers])
late = [lambda: i for i in range(4)]
print([m() for m in late])
def apply(f, *args, **kwargs):
    return f(*args, **kwargs)
print(apply(lambda *a, **k: (a, k), 1, 2, x=3))
print((lambda *, key: key)(key="kw"))
print(repr((lambda: None)()))
