class P:
    __slots__ = ("x", "__dict__")
