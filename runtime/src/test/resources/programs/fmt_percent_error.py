# Too few arguments for a % format.
print("%s-%s" % ("a", "b"))
print("%s %s %s" % ("only", "two"))
