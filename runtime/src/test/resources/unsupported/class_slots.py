class Point:
    __slots__ = ("x", "y")


print(Point())
