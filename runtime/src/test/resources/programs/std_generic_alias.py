GA = type(list[int])
print(GA, GA(list, int), GA(list, (int, str)), list[int].__origin__, dict[str, int].__args__)
print(list[int] == GA(list, (int,)), list[int].__parameters__, list[int]().__class__)
class C:
    __class_getitem__ = classmethod(GA)
print(C[int], C[int].__origin__ is C)
class S(GA):
    __slots__ = ()
    def __new__(cls, origin, args):
        return super().__new__(cls, origin, args)
    def __repr__(self):
        return "S:" + super().__repr__()
s = S(list, (int,))
print(type(s).__name__, repr(s), s.__args__, s == list[int])
class B(list[int]): pass
print(B.__mro__, list[int].append is list.append if False else list[int].append)
print(C[...], dict[int, ...])
print(B.__orig_bases__)
