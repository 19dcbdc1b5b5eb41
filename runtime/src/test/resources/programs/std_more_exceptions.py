# The rest of CPython's built-in exception classes (unittest names SystemError), and None.__new__ (enum).
names = ["SystemError", "MemoryError", "BufferError", "BlockingIOError", "ChildProcessError", "InterruptedError",
         "ProcessLookupError", "ConnectionAbortedError", "PendingDeprecationWarning", "SyntaxWarning",
         "RuntimeWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning",
         "EncodingWarning"]
import builtins
for n in names:
    t = getattr(builtins, n)
    print(n, [k.__name__ for k in t.__mro__])
print(IOError is OSError, EnvironmentError is OSError)
try:
    raise SystemError("bad", 1)
except Exception as e:
    print(type(e).__name__, e.args, str(e))
print(type(None).__new__ is None.__new__, (1).__new__ is int.__new__ if hasattr(int, "__new__") else True)
