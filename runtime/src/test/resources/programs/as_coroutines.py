import sys
async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return x, y
c = main()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
class Fut:
    def __await__(self):
        v = yield "suspend"
        return v * 2
async def waiter():
    r = await Fut()
    return r + 1
w = waiter()
print(w.send(None))
print(w.cr_await is not None)
try:
    w.send(20)
except StopIteration as e:
    print("got", e.value)
async def bad():
    await 5
try:
    bad().send(None)
except TypeError as e:
    print("TypeError", e)
print(hasattr(c, "__next__"), hasattr(c, "__await__"))
try:
    iter(c)
except TypeError as e:
    print("TypeError", e)
async def thrower():
    try:
        await Fut()
    except ValueError as e:
        return "caught %s" % e
t = thrower()
t.send(None)
try:
    t.throw(ValueError("boom"))
except StopIteration as e:
    print(e.value)
t2 = thrower()
t2.send(None)
t2.close()
print("closed", t2.cr_frame)
# A coroutine awaiting another's __await__() iterator, and a chain of awaits.
async def inner():
    await Fut()
    return "inner done"
class Delegating:
    def __await__(self):
        return inner().__await__()
async def outer():
    return await Delegating()
o = outer()
print(o.send(None))
try:
    o.send(1)
except StopIteration as e:
    print(e.value)
w = inner().__await__()
print(type(w).__name__, next(w))
try:
    w.send(3)
except StopIteration as e:
    print("wrapper", e.value)
# finally blocks run on close(); cr_running inside.
async def closing():
    try:
        print("running", cc.cr_running)
        await Fut()
    finally:
        print("finally ran")
cc = closing()
cc.send(None)
cc.close()
cc.close()
print(repr(cc).startswith("<coroutine object closing at 0x"))
