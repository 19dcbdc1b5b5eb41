print("leaf body runs as", __name__, "package", repr(__package__))
value = 42
_private = 1
def twice(x):
    return 2 * x
