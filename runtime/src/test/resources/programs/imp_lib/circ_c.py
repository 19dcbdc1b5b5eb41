c_early = 1
from imp_lib.circ_d import d_value
c_late = 2
