# An exception inside a comprehension propagates out of it.
data = [1, 2, 0, 4]
print([10 // d for d in data if d])
print([10 // d for d in data])
