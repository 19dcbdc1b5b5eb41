# The hash modules behind hashlib (_md5, _sha1, _sha256, _sha512, _sha3): digests, copies, errors.
import _md5, _sha1, _sha256, _sha512, _sha3

makers = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
          _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512]
for make in makers:
    h = make(b'abc')
    c = h.copy()
    h.update(b'def')
    print(h.name, h.digest_size, h.block_size, h.hexdigest())
    print(c.hexdigest() == make(b'abc').hexdigest(), len(c.digest()), make().hexdigest()[:16])
print(_md5.md5(string=b'a').hexdigest(), _sha1.sha1(b'a', usedforsecurity=False).hexdigest())
print(_sha256.sha256(bytearray(b'x' * 1000)).hexdigest())
h = _sha256.sha256()
for i in range(100):
    h.update(str(i).encode())
print(h.hexdigest(), h.hexdigest() == h.hexdigest())
print(type(_md5.md5()).__name__, _md5.MD5Type is type(_md5.md5()), _sha256.SHA224Type is type(_sha256.sha224()))
for bad in ('text', 3):
    try:
        _md5.md5(bad)
    except TypeError as e:
        print('TypeError:', e)
    try:
        _sha1.sha1().update(bad)
    except TypeError as e:
        print('TypeError:', e)
