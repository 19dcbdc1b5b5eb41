# Unpacking something that is not iterable.
a, b = "xy"
print(a, b)
for p, q in [(1, 2), 3]:
    print(p, q)
