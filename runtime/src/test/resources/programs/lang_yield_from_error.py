# An exception raised inside a sub-generator propagates through yield from, uncaught.
def parse(items):
    for item in items:
        yield int(item)


def total(items):
    result = yield from parse(items)
    return result


for v in total(["1", "2", "x3"]):
    print(v)
