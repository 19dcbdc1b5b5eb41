# Found by the differential fuzzer: tuple repetition raised TypeError.
t = (1, 'a', None)
print(t * 2, 2 * t, t * 0, t * -1, () * 3, (t,) * 2)
print((1,) * True, len((0,) * 100))
u = (([],) * 3)
u[0].append(1)
print(u)
try:
    print((1, 2) * 2.0)
except TypeError as e:
    print('TypeError', e)
try:
    print((1, 2) * '3')
except TypeError as e:
    print('TypeError', e)
