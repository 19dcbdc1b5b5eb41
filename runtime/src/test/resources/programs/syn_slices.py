# Slicing everywhere: assignment and deletion of list slices (extended ones with their size check), slices of range/str/tuple, slice objects (attributes, indices, equality, unhashable), tuples of slices and Ellipsis in subscripts.
def case_0():
    print(range(10)[2:8:2], range(10)[::-1], range(0,20,3)[1:-1:2], range(5)[10:])
case_0()

def case_1():
    s = slice(1, 10, 2)
    print(s, s.start, s.stop, s.step, s.indices(5), slice(3), slice(None, None, -1).indices(10))
    try:
        hash(s)
    except TypeError as e:
        print(e)
    print(s == slice(1,10,2), [1,2,3,4][slice(1,3)])
case_1()

def case_2():
    try:
        {slice(1,2): 3}
    except TypeError as e:
        print(e)
case_2()

def case_3():
    print(..., Ellipsis, type(...), ... is Ellipsis, repr(...), str(...))
case_3()

def case_4():
    class A:
        def __getitem__(self, k): return k
    a = A()
    print(a[...], a[1:2], a[1:2, ...], a[::3], a[:, 1], a[1:2:3, ::])
case_4()

def case_5():
    def f(): ...
    print(f())
case_5()

def case_6():
    x = [1,2,3,4,5]
    x[1:1] = [7,8]
    print(x)
    x[-1:] = ()
    print(x)
    x[:] = x
    print(x)
    x[5:1] = 'ab'
    print(x)
    x[::-1] = range(len(x))
    print(x)
    del x[:]
    print(x)
case_6()

def case_7():
    x = [1,2,3]
    try:
        x[::2] = 5
    except TypeError as e:
        print(e)
case_7()

def case_8():
    x = [1,2,3]
    try:
        x[0:1] = 5
    except TypeError as e:
        print(e)
case_8()

def case_9():
    x = [1,2,3]
    try:
        x[::0]
    except ValueError as e:
        print(e)
case_9()

def case_10():
    t = (1,2,3)
    try:
        t[0:1] = [1]
    except TypeError as e:
        print(e)
case_10()

def case_11():
    s = 'abc'
    try:
        del s[0:1]
    except TypeError as e:
        print(e)
case_11()

def case_12():
    print('hello world'[-3:], 'abc'[::-1], 'abcdef'[1:5:2], 'x'[5:], [1,2,3][-100:100])
case_12()

def case_13():
    x = list(range(10))
    x[2:8:3] = ['a', 'b']
    print(x)
    del x[-3:]
    print(x)
    del x[::-2]
    print(x)
    x[len(x):] = [1, 2]
    print(x)
    x[:0] = 'xy'
    print(x)
case_13()

def case_14():
    print(range(10)[-3:], range(10)[::3], range(100, 0, -7)[2:5], range(3)[5:1:-1], len(range(0, 10**6, 7)[::11]))
    print(range(10)[2:8:2] == range(2, 8, 2), list(range(20)[::-5]))
case_14()

def case_15():
    print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(None).indices(3), slice(-100, 100, 3).indices(10))
    s = slice(2)
    print(s.start, s.stop, s.step, repr(s), str(s), type(s).__name__)
    try:
        slice(1, 2, 0).indices(3)
    except ValueError as e:
        print(e)
    try:
        slice()
    except TypeError as e:
        print(e)
case_15()

def case_16():
    x = ...
    def f(a=...):
        return a
    print(f(), x, [..., ...], {...: 1}, hash(...) == hash(Ellipsis), ... == ..., bool(...))
case_16()
