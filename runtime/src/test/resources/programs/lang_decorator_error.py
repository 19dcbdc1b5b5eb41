# An exception raised by a decorator's call propagates from the def with its traceback.
def checked(f):
    if f.__name__.startswith("_"):
        raise ValueError("private function " + f.__name__ + " cannot be exported")
    return f


@checked
def public():
    return 1


print(public())


@checked
def _private():
    return 2


print("not reached")
