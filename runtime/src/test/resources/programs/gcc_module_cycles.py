# Modules the program imports are freed when nothing references them (taken out of
# sys.modules): by their counts, or by the cycle collector when the module is in a cycle
# (its namespace holds it), with the finalizers of what their namespaces held, as CPython's.
import gc
import sys

gc.collect()
import gcc_lib.plain
f = gcc_lib.plain.hello
print(f())
del sys.modules["gcc_lib.plain"]
del gcc_lib.plain
print("plain still referenced by its function's globals:", f())
del f
print("collected after plain:", gc.collect() >= 0)

import gcc_lib.selfref
del sys.modules["gcc_lib.selfref"]
del gcc_lib.selfref
print("before collect")
n = gc.collect()
print("after collect", n > 0)

# a module imported again after it was freed runs its body again
import gcc_lib.selfref
print(gcc_lib.selfref.me is sys.modules["gcc_lib.selfref"])
del sys.modules["gcc_lib.selfref"]
del gcc_lib.selfref
print("again", gc.collect() > 0)
print("end")
