# Attributes set on functions, as decorators use them (a tag, a counter, __wrapped__, a new __name__).
def tagged(tag):
    def deco(f):
        f.tag = tag
        f.runs = 0
        return f
    return deco


def renamed(f):
    def wrapper(*args):
        f.runs += 1
        return f(*args)
    wrapper.__name__ = "renamed_" + f.__name__
    wrapper.__wrapped__ = f
    return wrapper


@renamed
@tagged("math")
def square(x):
    return x * x


print(square(3), square(4), square.__name__, square.__wrapped__(5), square.__wrapped__.runs)
print("tag" in square.__wrapped__.__dict__, square.__wrapped__.__name__, getattr(square.__wrapped__, "tag"))
setattr(square, "fast", True)
print(square.fast, hasattr(square, "fast"), hasattr(square.__wrapped__, "fast"), hasattr(square, "tag"))
del square.fast
print(hasattr(square, "fast"))
try:
    square.nothing
except AttributeError as e:
    print(e)
try:
    del square.nothing
except AttributeError as e:
    print(e)


def plain():
    return 1


print(plain.__dict__, plain.__name__, plain.__qualname__)
