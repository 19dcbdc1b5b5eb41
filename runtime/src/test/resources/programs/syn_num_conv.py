# int.to_bytes/from_bytes, bit_count, as_integer_ratio, float.hex/fromhex/as_integer_ratio/is_integer.
def case_0():
    print((0.5).as_integer_ratio(), (2.0).is_integer(), (1.5).hex(), float.fromhex('0x1.8p+0'), (0.0).hex(), (-0.1).hex(), float.fromhex('inf'))
case_0()

def case_1():
    for v in [1.0, -2.5, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, float('inf'), -0.0]:
        print(v.hex(), float.fromhex(v.hex()) == v)
    print(float.fromhex('0x1p-1074'), float.fromhex('-0X1.ffffP+3'), float.fromhex(' 1.8 '), float.fromhex('.8'), float.fromhex('-infinity'))
    try:
        float.fromhex('0x1p5000')
    except OverflowError as e:
        print(e)
    try:
        float.fromhex('zz')
    except ValueError as e:
        print(e)
case_1()
