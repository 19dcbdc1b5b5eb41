class P:
    __slots__ = ("x",)

class Q(P):
    pass

q = Q()
q.x = 1
print(q.__dict__)
