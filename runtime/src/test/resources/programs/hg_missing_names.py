# Names CPython lacks too fail exactly as in CPython: same exception, same message, no note.
try:
    print(no_such_name)
except NameError as e:
    print(type(e).__name__, e)
try:
    import no_such_module
except ImportError as e:
    print(type(e).__name__, e)
import math
try:
    math.no_such_function
except AttributeError as e:
    print(type(e).__name__, e)
print(undefined_at_the_end)
