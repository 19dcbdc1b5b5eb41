# An annotated name cannot be declared global: CPython's SyntaxError.
def f():
    global x
    x: int = 1
