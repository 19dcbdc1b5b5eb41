# Default values are evaluated once, at definition time.
def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1), append_to(2), append_to(3, []))

base = 5
def uses_base(x=base):
    return x

base = 50
print(uses_base(), uses_base(1))

def many(a, b=2, c=3, d=4):
    return a, b, c, d

print(many(1), many(1, 20), many(1, d=40), many(a=0, c=30))

def kwonly(a, *, flag=False, name):
    return a, flag, name

print(kwonly(1, name="n"), kwonly(2, name="m", flag=True))

def with_none(x=None):
    if x is None:
        return "nothing"
    return x

print(with_none(), with_none(0), with_none("given"))
