# Generator-based coroutines: what types.coroutine does to a generator function (CPython's
# CO_ITERABLE_COROUTINE flag, set through __code__.replace), and await on such a generator.
def coroutine(func):
    co = func.__code__
    if co.co_flags & 0x20:
        func.__code__ = co.replace(co_flags=co.co_flags | 0x100)
    return func

@coroutine
def sleep0():
    got = yield "sleeping"
    return got

def plain():
    yield "plain"

async def main():
    a = await sleep0()
    b = await sleep0()
    return a + b

print(sleep0.__code__.co_flags & 0x1a0, plain.__code__.co_flags & 0x1a0)
m = main()
print(m.send(None), m.send(10))
try:
    m.send(5)
except StopIteration as e:
    print("result", e.value)

async def awaits_plain():
    await plain()
try:
    awaits_plain().send(None)
except TypeError as e:
    print(e)

async def simple():
    return "from coroutine"

@coroutine
def bridge():
    # a generator-based coroutine may yield from a native one
    r = yield from simple()
    return r.upper()

async def top():
    return await bridge()
try:
    top().send(None)
except StopIteration as e:
    print(e.value)

def not_coro():
    yield from simple()
try:
    next(not_coro())
except TypeError as e:
    print(e)

try:
    sleep0.__code__ = 5
except TypeError as e:
    print(e)
print(type(sleep0()).__name__, sleep0().gi_code.co_name)
