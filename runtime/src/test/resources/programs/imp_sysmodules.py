# sys.modules is a dict the program reads and writes; sys.path is searched at each import.
import sys
import imp_lib.registry as registry
import imp_lib.counted
import imp_lib.counted
print(registry.runs)
del sys.modules["imp_lib.counted"]
import imp_lib.counted
print(registry.runs)
print(sys.modules["imp_lib.registry"] is registry, type(sys.modules).__name__)
class Fake:
    greeting = "a fake module"
sys.modules["imp_fake_module"] = Fake()
import imp_fake_module
print(imp_fake_module.greeting)
from imp_fake_module import greeting
print(greeting)
sys.modules["imp_blocked"] = None
try:
    import imp_blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
import imp_lib.selfreplace
print(imp_lib.selfreplace.answer if hasattr(imp_lib.selfreplace, "answer") else sys.modules["imp_lib.selfreplace"].answer)
sys.path.insert(0, imp_lib.__path__[0] + "/extra")
import elsewhere
print(elsewhere.where, elsewhere.__name__)
print(sys.modules["__main__"].__name__, "sys" in sys.modules, sys.modules["sys"] is sys)
import importlib
m = importlib.import_module("imp_lib.leaf")
print(m.__name__, m is sys.modules["imp_lib.leaf"])
print(importlib.import_module(".starpublic", "imp_lib").alpha)
print(__import__("imp_lib.leaf").__name__, __import__("imp_lib.leaf", fromlist=["x"]).__name__ if False else __import__("imp_lib.leaf", None, None, ["value"]).__name__)
