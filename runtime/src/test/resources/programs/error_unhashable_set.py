s = set([1, 2])
print(s)
s.add([3])
