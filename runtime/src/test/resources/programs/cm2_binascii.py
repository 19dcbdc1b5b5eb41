# binascii (what base64.py is built on): hex, base64 and CRC-32 with CPython's errors.
import binascii

data = bytes(range(0, 256, 7))
print(binascii.hexlify(data), binascii.b2a_hex(b''), binascii.unhexlify('0aFF'), binascii.a2b_hex(b'00ff'))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-', 2), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', -2),
      binascii.hexlify(b'\x01\x02\x03', ' '))
for bad in ['abc', 'zz', b'0g']:
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print('Error:', e)
for n in range(6):
    enc = binascii.b2a_base64(data[:n * 7])
    print(enc, binascii.a2b_base64(enc) == data[:n * 7], binascii.b2a_base64(data[:n], newline=False))
for text in ['YWJj', 'YW Jj\n', 'YQ==', 'YQ==trailing', 'YWI=', 'Y', 'YWJjZ', 'YQ', 'YQ=', '!!YW@Jj', b'YWJj']:
    try:
        print(repr(text), binascii.a2b_base64(text))
    except binascii.Error as e:
        print(repr(text), 'Error:', e)
try:
    binascii.a2b_base64('\u00e9')
except ValueError as e:
    print('ValueError:', e)
print(binascii.crc32(b''), binascii.crc32(b'hello'), binascii.crc32(b' world', binascii.crc32(b'hello')),
      binascii.crc32(b'hello world'), binascii.crc32(data, 12345))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__name__)
