from imp_lib.circ_c import c_late
d_value = 3
