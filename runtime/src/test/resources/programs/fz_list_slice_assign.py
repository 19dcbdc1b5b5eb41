# Found by the differential fuzzer: l[a:b] = x and del l[a:b] raised
# "TypeError: list indices must be integers or slices, not slice".
l = list(range(10))
l[2:5] = ['a', 'b']
print(l)
l[1:1] = 'xyz'
print(l)
l[-3:0] = [None]
print(l)
l[100:] = (7, 8)
print(l)
l[:] = l
print(l)
alias = l
l[:] = range(3)
print(alias, alias is l)
l[::2] = ['e', 'o']
print(l)
l[::-1] = [1, 2, 3]
print(l)
del l[::2]
print(l)
m = list(range(12))
del m[1:9:3]
print(m)
del m[-2:]
print(m)
del m[5:1]
print(m)
m[len(m):] = [99]
m[0:2] = []
print(m, len(m))
try:
    m[::2] = [1]
except ValueError as e:
    print('ValueError', e)
try:
    m[0:1] = 5
except TypeError as e:
    print('TypeError', e)
print(m)
