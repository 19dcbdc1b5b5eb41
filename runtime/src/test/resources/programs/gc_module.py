# The gc module's deterministic surface: switches, thresholds, argument errors, referents.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(len(gc.get_count()), len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None))
print(type(gc.collect()), gc.collect(0) >= 0, gc.collect(generation=1) >= 0)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError", e)
print(gc.garbage)
a = [1, "x"]
b = [a]
print(gc.get_referents(b) == [a], a in gc.get_referents(b))
print(any(r is b for r in gc.get_referrers(a)))
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())

class Holder:
    pass

h = Holder()
h.me = h
del h
print(gc.collect() >= 1)
