s = set([9])
print(s.pop())
s.pop()
