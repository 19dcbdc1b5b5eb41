print("circ_b starts")
import imp_lib.circ_a as partial
seen = (partial.a_early, hasattr(partial, "a_late"))
print("circ_b ends")
