# A module in a cycle: its namespace holds the module itself, and a class whose method's
# globals are that namespace.
import sys
me = sys.modules[__name__]
class Thing:
    def __del__(self):
        print("Thing.__del__ of", __name__)
thing = Thing()
