from .. import top_value
name = "inner sees top_value %d" % top_value
