class P:
    __slots__ = ("x", "__dict__")


p = P()
p.x = 1
p.y = 2
print(p.__dict__)
