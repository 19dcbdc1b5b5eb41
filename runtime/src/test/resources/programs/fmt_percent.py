# printf-style % formatting of str.
print("%d items" % 3)
print("%s and %r" % ("str", "repr"))
print("%5.2f|%-8s|%08.3f" % (3.14159, "left", -2.5))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%e %g %g" % (12345.678, 0.00001, 123456789.0))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 41})
print("%c%c %%" % (72, "i"))
print("%+d % d %03d %.3d" % (5, 5, 5, 5))
print("%s" % [1, 2], "%s" % (None,), "%d" % True, "%d" % 7.9)
print("%*d|%-*d|" % (5, 1, 4, 2))
msg = "value: %s"
msg %= 10
print(msg)
