# str(SyntaxError): msg plus " (file, line N)" from the details tuple; the attributes
e = SyntaxError('invalid syntax', ('dir/f.py', 3, 4, 'x = = 1\n'))
print(str(e))
print(e.args)
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
print(str(SyntaxError('m', ('f.py', None, 4, 'x'))))
print(str(SyntaxError('m', (None, 5, 4, 'x'))))
print(str(SyntaxError('m', ('a/b.py', 5, 4, 'x', 5, 6))), SyntaxError('m', ('a', 5, 4, 'x', 5, 6)).end_offset)
print(str(SyntaxError('m')), SyntaxError('m').lineno)
print(str(SyntaxError()), SyntaxError().msg)
print(SyntaxError('a', 'b', 'c').msg, SyntaxError('a', 'b', 'c').filename)
print(repr(SyntaxError('m', ('f.py', 3, 4, 'x'))))


class Mine(SyntaxError):
    pass


print(str(Mine('q', ['d/x.py', 7, 1, 'z'])), Mine('q').msg)
print(str(IndentationError('unexpected indent', ('g.py', 2, 1, ' y'))))
for details in [(1, 2), (1, 2, 3, 4, 5, 6, 7)]:
    try:
        SyntaxError('a', details)
    except TypeError as t:
        print('TypeError', t)
try:
    exec("def f(:\n  pass")
except SyntaxError as x:
    print(str(x), '|', x.msg, x.lineno, x.filename)
raise SyntaxError('raised by hand', ('h.py', 9, 2, 'zz'))
