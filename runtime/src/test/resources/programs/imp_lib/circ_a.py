print("circ_a starts")
a_early = "early"
from imp_lib import circ_b
a_late = "late"
print("circ_a ends, circ_b.seen =", circ_b.seen)
