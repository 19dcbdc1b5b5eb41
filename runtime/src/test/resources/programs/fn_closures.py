# Closures: cells shared between inner functions, loops capturing one cell, pass-through free variables.
def counter(start):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    def peek():
        return count
    return increment, peek

inc, peek = counter(10)
inc()
inc(5)
print(peek(), inc(), peek())

def adders():
    fs = []
    for i in range(3):
        def add(x):
            return x + i
        fs.append(add)
    return fs

print([f(100) for f in adders()])

def outer():
    x = "outer x"
    def middle():
        def inner():
            return x
        return inner
    return middle()

print(outer()())

def rebinding():
    value = 1
    def get():
        return value
    first = get()
    value = 2
    return first, get()

print(rebinding())

def make_accumulators(n):
    accs = []
    for k in range(n):
        def make(k):
            total = [0]
            def acc(v):
                total[0] += v * k
                return total[0]
            return acc
        accs.append(make(k))
    return accs

accs = make_accumulators(3)
for a in accs:
    a(1)
print([a(2) for a in accs])

def param_cell(p):
    def show():
        return p * 2
    p = p + 1
    return show()

print(param_cell(20))
