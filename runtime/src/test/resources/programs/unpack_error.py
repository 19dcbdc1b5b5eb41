# Too few values for a starred target.
a, *b = [1]
print(a, b)
a, *b, c, d = [1, 2]
