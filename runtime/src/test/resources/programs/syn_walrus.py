# The walrus operator (PEP 572): in conditions, displays, calls, f-strings, defaults and lambdas;
# in comprehensions it binds the enclosing function's or module's name; CPython's SyntaxErrors
# for rebinding an iteration variable and for a comprehension in a class body.
if (n := 10) > 5:
    print(n)
data = [1, 2, 3, 4]
while (x := data.pop()) > 2:
    print(x)
print(x, [y := 5, y ** 2], f'{(z := 3)}', z)
print(len(s := 'abc'), s)

def f():
    vals = [1, 2, 3]
    r = [last := v * 2 for v in vals if (t := v) > 1]
    print(r, last, t)
    g = (tot := tot + v for v in vals) if False else None
    return last
print(f())

total = 0
sums = [total := total + v for v in range(5)]
print(sums, total)
print(any((hit := w) > 3 for w in [1, 5, 2]), hit)

def outer():
    def inner():
        return [(k := i) for i in range(3)], k
    return inner()
print(outer())

try:
    exec("[i := 0 for i in range(3)]")
except SyntaxError as e:
    print(e.msg)

try:
    exec("class C:\n    [(q := 1) for j in range(2)]")
except SyntaxError as e:
    print(e.msg)

def f(a, b=(w := 7)):
    return a + b
print(f(1), w)
print((lambda: (m := 4) * m)())
