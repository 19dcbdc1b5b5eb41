# _string (what string.Formatter parses with), errno, atexit: CPython's C modules in Java.
import _string, errno, atexit


def parse(s):
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)


for s in ['', 'abc', 'a{}b', '{0}', '{x!r}', '{x!r:>10}', '{x:{y}}', 'a{{b', 'a}}b', '}}{{',
          '}', '{', 'a{b', '{a[}]b}', '{a]}', '{[}', '{!}', '{!r}', '{a!', '{a!r', '{a!rx}',
          '{a!:}', '{a:', '{a:{}', '{a:}}', '{a{b}}', '{0.b[c]:3}', '{a:b{c}d}e', '{a:{b:{c}}}',
          '{a!r:{x}}', '{a:[}]', 'x{a[}', '{\u00e9:\U0001f600}']:
    parse(s)
it = _string.formatter_parser('ok{0}then}')
print(next(it))
try:
    next(it)
except ValueError as e:
    print('lazy error:', e)

for n in ['', 'a', '0', '12', 'a.b[0].c', 'a[x]', 'a[-1]', 'a.', 'a[', 'a[0]x', 'a[]', '3.real']:
    try:
        first, rest = _string.formatter_field_name_split(n)
        print(repr(n), repr(first), list(rest))
    except ValueError as e:
        print(repr(n), 'ValueError:', e)
for bad in (1, b'x'):
    try:
        _string.formatter_parser(bad)
    except TypeError as e:
        print('TypeError:', e)

print(errno.ENOENT, errno.errorcode[errno.ENOENT], errno.EAGAIN == errno.EWOULDBLOCK,
      errno.errorcode[errno.EDEADLK], errno.errorcode[errno.EOPNOTSUPP], len(errno.errorcode))
print(list(errno.errorcode.items())[:6], sorted(errno.errorcode)[-3:])
print(sum(1 for k in dir(errno) if k.startswith('E')))

base = atexit._ncallbacks()  # CPython may hold one of its own already
atexit.register(print, 'last', 'of', 'all', sep='-')


def boom():
    raise ValueError('raised in an atexit callback')


atexit.register(boom)


@atexit.register
def first(tag='first'):
    print(tag)


atexit.register(first, tag='first again')
print(atexit._ncallbacks() - base)
atexit.unregister(first)
print(atexit._ncallbacks() - base, first.__name__)
atexit.register(lambda: print('run early'))
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(print, 'at exit, after', 'the main program')
atexit.register(boom)
try:
    atexit.register(3)
except TypeError as e:
    print('TypeError:', e)
print('end of main')
