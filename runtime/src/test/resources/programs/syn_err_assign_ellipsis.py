# Ellipsis is not an assignment target: CPython's SyntaxError.
print("never printed")
(...) = 1
