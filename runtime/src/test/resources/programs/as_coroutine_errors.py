# CPython's errors around await and coroutine objects.
class NoIter:
    def __await__(self):
        return 42
class ReturnsCoro:
    def __await__(self):
        return co()
async def co():
    return 1
async def aw(x):
    return await x
def step(c, v=None):
    try:
        return c.send(v)
    except StopIteration as e:
        return ("stop", e.value)
    except Exception as e:
        return (type(e).__name__, str(e))
print(step(aw(NoIter())))
print(step(aw(ReturnsCoro())))
print(step(aw(None)))
print(step(aw([1])))
print(step(co(), 5))
c = co()
print(step(c))
print(step(c))
try:
    c.throw(ValueError)
except RuntimeError as e:
    print("throw:", e)
async def raises_stop():
    raise StopIteration(3)
print(step(raises_stop()))
class Fut:
    def __await__(self):
        yield self
shared = aw(Fut())
a = aw(shared)
b = aw(shared)
print(step(a) is not None)
print(step(b))
def gen():
    yield from co()
print(step(gen()))
async def ignores():
    while True:
        try:
            await Fut()
        except GeneratorExit:
            pass
i = ignores()
i.send(None)
try:
    i.close()
except RuntimeError as e:
    print("close:", e)
print(step(co().__await__(), 1))
async def reenter():
    return me.send(None)
me = reenter()
print(step(me))
try:
    next(co())
except TypeError as e:
    print(e)
for bad in ["x = 1\nawait x", "def f():\n    await x", "async def f():\n    yield from x"]:
    try:
        compile(bad, "s.py", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
