# _struct (behind struct.py): every format code, byte orders, sizes, alignment, errors.
import struct


def t(fmt, *args):
    try:
        b = struct.pack(fmt, *args)
        print(repr(fmt), args, b, struct.unpack(fmt, b))
    except (struct.error, OverflowError, TypeError) as e:
        print(repr(fmt), args, type(e).__name__, e)


for order in '@=<>!':
    print(order, [struct.calcsize(order + c) for c in 'xcbB?hHiIlLqQefd'])
    t(order + 'bBhHiIlLqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 5, -2**63, 2**64 - 1)
    t(order + 'c?xefd3s2p', b'z', 7, 1.5, 0.1, -2.5e300, b'abcdef', b'xyz')
print(struct.calcsize('nNP'), struct.calcsize('bi'), struct.calcsize('=bi'), struct.calcsize('bi0q'), struct.calcsize('b h'))
t('nNP', -5, 6, 7)
for c in 'bBhHiIlLqQnN':
    t(c, 2**70)
    t(c, -1)
    if c not in 'nN':
        t('<' + c, 2**40)
t('b', 1.0)
t('i', '1')
t('c', b'ab')
t('c', 'a')
t('s', 'x')
t('f', 'x')
t('f', 1e300)
t('<f', 1e300)
t('e', 1e6)
t('<e', 65504.0)
t('<e', 65520.0)
t('<e', 5e-8)
t('<e', float('nan'))
t('>e', float('-inf'))
t('<d', 10**400)
t('d', 2)
t('?', [])
t('<?', 2)
t('<n', 1)
t('zz')
t('3')
t('i', 1, 2)
t('ii', 1)
t('3s', b'abcdef')
t('5p', b'abc')
t('x')
t('0s', b'')
t('2c', b'a', bytearray(b'b'))
t('2s', bytearray(b'b'))
print(struct.pack('255p', b'x' * 300)[:2], struct.unpack('3p', b'\x05ab'))


class Seven:
    def __index__(self):
        return 7


print(struct.pack('i', Seven()), struct.pack('f', Seven()), struct.unpack('<f', struct.pack('<f', Seven())))
print(struct.pack(b'<h', 1), struct.unpack('<H', bytearray(b'\x01\x02')))

for call, args in [(struct.unpack, ('i', b'abc')), (struct.unpack_from, ('i', b'abcd', 2)),
                   (struct.unpack_from, ('i', b'abcd', -9)), (struct.pack_into, ('i', bytearray(3), 0, 1)),
                   (struct.pack_into, ('i', bytearray(8), 6, 1)), (struct.pack_into, ('i', b'abcd', 0, 1)),
                   (struct.iter_unpack, ('i', b'abcde')), (struct.iter_unpack, ('', b'abcde')),
                   (struct.calcsize, (3,))]:
    try:
        print(call(*args))
    except (struct.error, TypeError) as e:
        print(type(e).__name__, e)

print(struct.unpack_from('<h', b'\x00\x01\x02\x03', 1), struct.unpack_from('<h', b'\x00\x01\x02\x03', offset=-2))
buf = bytearray(8)
struct.pack_into('<hh', buf, 2, 1, -1)
struct.pack_into('>h', buf, -2, 258)
print(buf)
print(list(struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))

s = struct.Struct('<2hQ')
print(s.format, s.size, s.pack(1, 2, 3), s.unpack(s.pack(1, 2, 3)), s.unpack_from(b'\x00' + s.pack(4, 5, 6), 1))
print(list(s.iter_unpack(s.pack(1, 2, 3) * 2)), type(s).__name__, struct.error, issubclass(struct.error, Exception))
b2 = bytearray(12)
s.pack_into(b2, 0, 7, 8, 9)
print(b2, struct.Struct(b'i').format)
struct._clearcache()
try:
    struct.Struct(3)
except TypeError as e:
    print('TypeError:', e)
