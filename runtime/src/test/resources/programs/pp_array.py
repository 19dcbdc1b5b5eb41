# array.array: typecodes, range and type errors, slices, + * += *=, bytes, copies, comparisons
from array import array
import array as m
tests = ["array('B',[256])","array('B',[-1])","array('b',[128])","array('h',[1<<15])","array('H',[-1])","array('i',[1<<31])","array('I',[-1])","array('l',[1<<63])","array('L',[-1])","array('q',[1<<63])","array('Q',[-1])","array('i',[1.5])","array('d',['x'])","array('z')","array('d','abc')","array('d',[1])+[1]","array('d',[1])+array('i',[1])","array('d',[1])[5]","array('d')[:] ","a=array('d',[1]);a[0:1]=[2]","array('d',[1]).index(5)","array('d',[1]).remove(5)","array('d').pop()","array('d',[1])*'a'","array('d',[1,2]).frombytes(b'abc')", "array('d',[1]) < array('d',[2])", "array('d',[1]) == array('i',[1])", "array('Q',[1<<64])","array('d',[1])[1.0]", "a=array('d',[1]);a[0]='x'", "array('Q', [(1<<64)-1])", "array('f', [0.1])", "array('d', [1,2,3]).count(2)"]
for t in tests:
    try:
        if '=' in t and not '==' in t:
            exec(t); print(t, 'ok')
        else:
            print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
print(array('d', [1, 2.5]), array('B'), array('i', range(3)), array('d', b'\0'*8), array('b', array('b', [1,2])))
a = array('d', [1,2,3]); print(a[::-1], a[1:], a.itemsize, a.typecode, a.tolist(), 2 * a, a * 0, len(a), 2.0 in a, 7 in a)
print(m.typecodes, m.ArrayType)
a += array('d', [4]); a *= 2; print(a)
a[1:3] = array('d', [9, 9, 9]); print(a); del a[::2]; print(a); del a[0]; print(a)
a.insert(0, 5); a.insert(-1, 6); a.append(7); a.extend([8, 9]); a.extend(array('d', [10])); print(a, a.pop(), a.pop(0), a)
a.reverse(); print(a, list(reversed(a)), a.index(9), sorted(a))
b = array('i', [1, 256, -2]); print(b.tobytes(), array('i', b.tobytes()), b.itemsize)
b.byteswap(); print(b); b.byteswap(); print(b)
c = b.__deepcopy__({}); c[0] = 100; print(b, c, c.__copy__())
print(array('h', [1, 2]) == array('h', [1, 2]), array('h', [1, 2]) != array('h', [1, 3]), array('b', [1]) < array('b', [1, 0]))
print([x * 2 for x in array('B', [1, 2, 3])], array('f', [1.5]).tobytes(), array('Q', [2**64-1]).tobytes())
it = iter(array('l', [1, 2])); print(next(it), list(it))
import threading
shared = array('i')


def fill(k):
    for j in range(300):
        shared.append(k)


threads = [threading.Thread(target=fill, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared), sorted(set(shared)), [shared.count(k) for k in range(4)])
