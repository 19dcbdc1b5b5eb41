def f(*a):
    return *a, 9
print(f(1, 2))
def g(*a):
    yield *a, 0
print(list(g(3)))
for x in *[1, 2], *(3,):
    print(x, end=" ")
print()
a = [1]
b = 2
del (a), [b]
x = [y := 5, y ** 2]
print(x)
print([(z := i) for i in range(3)], z)
def po(a, /, b, *, c):
    return a, b, c
print(po(1, 2, c=3))
@(lambda fn: fn)
def deco(): return "deco"
print(deco())
print(f"{'nested' + f'{1+1}'}", f"{3.14159:.{2}f}", f"{x!r:>12}")
t = 1,
print(t, (*t, *t))
print({**{1: 2}, 3: 4}, {*{1}, 2})
if (n := 10) > 5: print("walrus", n)
while (n := n - 4) > 0: print("while", n)
print(0x_ff, 0b_1, 1_000.000_1, 1e1_0)
print(not 1 in [2], 1 if 0 else 2 if 0 else 3)
class A: pass
a = A(); a.x = a.y = 3; print(a.x, a.y)
lst = [0] * 4; lst[1:3] = [7, 8]; print(lst)
print(type(lambda: (yield)).__name__)
def gen2():
    x = yield from range(2)
    return x
print(list(gen2()))
assert True, "msg"
print(__debug__)
print(...)
print(type(...))
print(b'\x00' b'a', 'a' 'b', r'\n', rb'\n')
global gg
gg = 1
nonlocal_ok = True
