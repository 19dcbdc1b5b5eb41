# An asynchronous comprehension in a function that is not async: CPython's SyntaxError.
def f(items):
    return [[y async for y in x] for x in items]
