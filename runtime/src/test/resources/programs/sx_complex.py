vals = [1j, -1j, 0j, -0j, complex(-0.0, 0), 1 + 2j, 1e16j, 2.5 - 0j, 2j * 2, 3 - 4j, complex(1, -0.0)]
for v in vals:
    print(repr(v), str(v), v.real, v.imag, v.conjugate(), abs(v), bool(v))
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** 0.5, a ** b, -a, +a)
print(a + 1, 1 + a, a * 2.5, 2.5 * a, a / 2, 2 / a, a - True)
print(a == 3 + 4j, a != b, (3 + 0j) == 3, 3 == (3 + 0j), 3.0 == complex(3), 1j == 1, 2 ** 0.5j)
print(hash(1 + 2j), hash(1.5j), hash(complex(3, 0)) == hash(3), hash(-1 + 0j))
d = {3: "three"}
print(d[3 + 0j], {1j: 1}[1j])
print(complex(), complex(2), complex(2.5, 1), complex("1+2j"), complex(" ( -1.5-2.5j ) "), complex("j"), complex("-j"),
      complex("5"), complex("1e3j"), complex("infj"), complex(1j, 1j), complex(real=1, imag=2), complex(True))
print((-8) ** (1 / 3), (-1) ** 0.5, (-2.0) ** 1.5)
print(sum([1j, 2, 3.5]), 1j * 1j, (1 + 1j) ** 3, 0j ** 0, (2 + 0j) ** 10)
class C:
    def __complex__(self):
        return 1 + 5j
print(complex(C()))
print(isinstance(1j, complex), type(1j).__name__, type(1j))
for e in ['1j//2', '1j%2', '1j<2j', 'divmod(1j,2)', 'int(1j)', 'float(1j)', '1j/0', '0j**-1', 'round(1j)',
          'complex("x")', 'complex(1,"2")', 'complex("1",2)', 'complex("1+2j+3")', 'complex([])', '~1j',
          '(1e200+1e200j)**5', 'abs(complex(1e308,1e308))', '(1j).foo', '1j & 1', 'complex("")']:
    try:
        print(eval(e))
    except Exception as ex:
        print(type(ex).__name__, ex)
match 1 + 2j:
    case 1 + 2j:
        print("complex pattern")
match -1j:
    case -1j:
        print("negative imaginary pattern")
# a negative base to a fractional power is complex (this runtime used to refuse it)
print((-8) ** 3, 8 ** (1 / 3), (-8.0) ** 2.0, (-2) ** -1, float('-inf') ** 0.5, (-8.0) ** 0.5)
