# bytes literals: escapes, raw and triple-quoted forms, concatenation; used with the bytes
# operations the runtime has (decode, len, ==, hashing, printing).
plain = b'hello'
print(plain, len(plain), plain == "hello".encode(), plain.decode())
print(b"double \"quotes\" and 'single'", b'\x41\x42\103\n\t\\', b'\777\0')
print(rb'\x41 raw', Rb"\n", br'\\', b'\N{DASH} \u1234 \q')
print(b'con' b"cat" b'''enated''', b"""multi
line""")
print(b'', len(b''), bool(b''), bool(b'x'))
seen = {b'key': 1}
print(seen[b'key'], b'key' in seen, b'a' != b'b', repr(b'\xff\x00 \r'))
print(b'caf\xc3\xa9'.decode("utf-8"), b'ascii'.decode("ascii"))
