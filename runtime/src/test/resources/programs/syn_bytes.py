# bytes and bytearray: indexing, slicing, slice assignment and deletion, concatenation, repetition, comparison, the constructors and the common methods (hex, fromhex, decode, split, join, ...), with CPython's errors.
def case_0():
    print(b'hello'[1:3], b'hello'[::-1], 'hello'[::2], (1,2,3,4)[::-1])
case_0()

def case_1():
    ba = bytearray(b'abc')
    ba.append(100); ba.extend(b'xy'); ba[0:1] = b'ZZ'
    print(ba, len(ba), ba[0], bytes(ba))
    ba[::2] = b'1234'
    print(ba)
    del ba[::3]
    print(ba)
    ba[1] = 65
    print(ba, ba.pop(), ba, ba.hex(), ba.decode())
    print(bytearray(3), bytearray([1,2]), bytearray('hé', 'utf-8'), bytearray(b'x') * 3, bytearray(b'ab') + b'cd')
    ba += b'!!'
    print(ba, ba == b'1B3!!' , b'B' in ba, ba.find(b'3'), ba.upper())
case_1()

def case_2():
    print(bytes.fromhex('dead beef'), b'\x01\xff'.hex(), b'abc'.decode(), bytearray.fromhex('00ff'), b'abc'.hex(':'))
case_2()

def case_3():
    print(int.from_bytes(b'\x01\x00', 'big'), (256).to_bytes(2, 'little'), (7).bit_count(), (6).as_integer_ratio())
    print(int.from_bytes(b'\xff', 'big', signed=True), (-1).to_bytes(2, 'big', signed=True), int.from_bytes([1,2], byteorder='little'))
case_3()

def case_4():
    try:
        (256).to_bytes(1, 'big')
    except OverflowError as e:
        print(e)
case_4()

def case_5():
    ba = bytearray(b'hello')
    try:
        ba[0] = 256
    except ValueError as e:
        print(e)
    try:
        ba[0] = 'a'
    except TypeError as e:
        print(e)
    try:
        ba[0:1] = 5
    except TypeError as e:
        print(e)
    try:
        ba[::2] = b'ab'
    except ValueError as e:
        print(e)
    try:
        ba[10]
    except IndexError as e:
        print(e)
    try:
        del ba[10]
    except IndexError as e:
        print(e)
    try:
        b'abc'[3]
    except IndexError as e:
        print(e)
    try:
        b'abc' + 'x'
    except TypeError as e:
        print(e)
    try:
        {bytearray(b'a'): 1}
    except TypeError as e:
        print(e)
case_5()

def case_6():
    ba = bytearray(b'hello')
    ba2 = ba
    ba += b' world'
    print(ba2, ba is ba2)
    ba *= 2
    print(ba2)
    print(b'ab' * 3, 3 * b'ab', bytearray(b'x') + b'y', b'y' + bytearray(b'x'), b'abc' < b'abd', b'ab' < b'abc', bytearray(b'a') == b'a', b'a' == bytearray(b'a'), b'\xff' > b'\x01')
    print(list(b'abc'), list(bytearray(b'ab')), 98 in b'abc', b'bc' in b'abc', b'x' in bytearray(b'axb'))
    print(len(b'abc'), bool(b''), bool(bytearray()), sorted([b'b', b'a']))
case_6()

def case_7():
    print(b'a,b,,c'.split(b','), b' a  b '.split(), b'  x y  '.strip(), b'xxhixx'.strip(b'x'), b'-'.join([b'a', b'b', bytearray(b'c')]))
    print(b'hello'.replace(b'l', b'L'), b'hello'.find(b'l'), b'hello'.rfind(b'l'), b'hello'.index(b'e'), b'hello'.count(b'l'), b'hello'.startswith(b'he'), b'hello'.endswith((b'x', b'lo')))
    print(b'Hello'.upper(), b'Hello'.lower(), b'123'.isdigit(), b'ab'.isalpha(), b''.isdigit(), b'abc'.count(b''), b'abc'.replace(b'', b'-'))
    print(b'abcdef'.hex(':', 2), b'abcdef'.hex('-', -4), bytes.fromhex(''), bytearray.fromhex('0a 0B'))
    try:
        bytes.fromhex('0g')
    except ValueError as e:
        print(e)
case_7()

def case_8():
    print(bytes(3), bytes([65, 66]), bytes('hé', 'utf-8'), bytes(b'xy'), bytes(bytearray(b'z')), bytes(range(3)), bytes())
    try:
        bytes('abc')
    except TypeError as e:
        print(e)
    try:
        bytes([256])
    except ValueError as e:
        print(e)
    try:
        bytes(-1)
    except ValueError as e:
        print(e)
    try:
        bytes(1.5)
    except TypeError as e:
        print(e)
case_8()

def case_9():
    ba = bytearray(b'abc')
    ba.insert(0, 120); ba.insert(-1, 121); print(ba)
    print(ba.pop(), ba.pop(0), ba)
    ba.remove(98); print(ba)
    ba.reverse(); print(ba)
    c = ba.copy(); ba.clear(); print(ba, c)
    try:
        bytearray().pop()
    except IndexError as e:
        print(e)
    try:
        ba.remove(5)
    except ValueError as e:
        print(e)
case_9()

def case_10():
    print((255).to_bytes(2), (1024).to_bytes(4, 'little'), int.from_bytes(b'\x00\x10'), int.from_bytes(b'', 'little'), (-129).to_bytes(2, 'big', signed=True), int.from_bytes(b'\x80\x00', 'big', signed=True))
    try:
        (-1).to_bytes(1, 'big')
    except OverflowError as e:
        print(e)
    try:
        (1).to_bytes(1, 'middle')
    except ValueError as e:
        print(e)
    print((2**100).to_bytes(13, 'big').hex(), True.to_bytes(1, 'big'))
case_10()

# Slice deletion and assignment of a bytearray agree with a list's, over random bounds and steps
# (an extended slice assigned no bytes is deleted: CPython's bytearray does that, a list refuses).
import random
random.seed(5)
for t in range(80):
    n = random.randrange(0, 9)
    a = bytearray(range(n)); l = list(range(n))
    i, j = random.randrange(-10, 10), random.randrange(-10, 10)
    k = random.choice([None, 1, 2, 3, -1, -2, -3])
    del a[i:j:k]; del l[i:j:k]
    assert list(a) == l, (n, i, j, k, a, l)
    r = bytes(range(50, 50 + random.randrange(0, 4)))
    if k not in (None, 1) and not r:
        del l[i:j:k]
    try:
        a[i:j:k] = r; l[i:j:k] = list(r)
    except ValueError:
        pass
    assert list(a) == l, (n, i, j, k, a, l)
print('random slices ok')
