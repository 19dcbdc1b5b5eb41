# The walrus cannot rebind a comprehension iteration variable: CPython's SyntaxError.
print([i := 0 for i in range(3)])
