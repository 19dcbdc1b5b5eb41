import sys
class Replacement:
    answer = "replaced itself in sys.modules"
sys.modules[__name__] = Replacement()
