# Circular imports: the partly initialised module, and CPython's error for a name not yet bound.
import sys
import imp_lib.circ_a
print(imp_lib.circ_a.a_late, imp_lib.circ_b.seen)
base = imp_lib.__path__[0]
try:
    import imp_lib.circ_c
except ImportError as e:
    print(type(e).__name__, str(e).replace(base, "<pkg>"))
    print(e.name, e.path.replace(base, "<pkg>"))
print("imp_lib.circ_c" in sys.modules, "imp_lib.circ_d" in sys.modules)
# A module whose body fails is removed from sys.modules; importing it again runs it again.
for attempt in range(2):
    try:
        import imp_lib.failing
    except ValueError as e:
        print("attempt", attempt, e, "imp_lib.failing" in sys.modules)
