# Too many positional arguments, with keyword-only ones given.
def f(a, b=1, *, c):
    return a + b + c

print(f(1, c=2))
f(1, 2, 3, c=4)
