# Found by the differential fuzzer: dict | dict (PEP 584) raised TypeError.
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
c = a | b
print(c, a, b, c is a)
print(b | a, {} | {}, a | {})
print({1: 'one'} | {True: 'true'})
try:
    print(a | [('k', 1)])
except TypeError as e:
    print('TypeError', e)
try:
    print(a | {1, 2})
except TypeError as e:
    print('TypeError', e)
