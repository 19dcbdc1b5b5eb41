# CPython answers (-8) ** (1/3) with a complex number; this runtime has no complex type.
print((-8) ** 3, 8 ** (1 / 3), (-8.0) ** 2.0, (-2) ** -1, float('-inf') ** 0.5)
try:
    (-8.0) ** 0.5
except NotImplementedError as err:
    print(err)
print((-8) ** (1 / 3))
