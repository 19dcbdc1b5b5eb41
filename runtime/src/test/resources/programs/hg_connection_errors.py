# The OSError subclasses of connections are built-in names, as in CPython.
for e in (ConnectionError, ConnectionRefusedError, ConnectionResetError, BrokenPipeError):
    print(e.__name__, issubclass(e, OSError), issubclass(e, ConnectionError))
try:
    raise BrokenPipeError("pipe")
except OSError as e:
    print("caught", type(e).__name__, e)
