# The same argument twice, once through **mapping.
def f(x, **kw):
    return x, kw

print(f(1, y=2))
f(**{"x": 1}, x=2)
