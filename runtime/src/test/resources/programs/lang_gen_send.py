def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    yield "closed with " + str(total)


acc = accumulator()
print(next(acc))
print(acc.send(5))
print(acc.send(10))
print(acc.send(None))


def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    print("received", received)


e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send("c")
except StopIteration:
    print("echo done")

try:
    accumulator().send(1)
except TypeError as err:
    print("TypeError:", err)


def nested(n):
    for i in range(n):
        for j in range(i):
            yield (i, j)


print(list(nested(4)))


def stop_inside():
    yield 1
    raise StopIteration


try:
    list(stop_inside())
except RuntimeError as err:
    print("RuntimeError:", err)
