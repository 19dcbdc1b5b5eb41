# A bad format code is a ValueError, as in CPython.
print(f"{3.5:.1f}")
print("{:d}".format(3.5))
