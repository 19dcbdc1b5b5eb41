# ImportError and ModuleNotFoundError: CPython's messages and attributes.
import imp_lib.leaf
base = imp_lib.__path__[0]
def show(stmt):
    try:
        exec(stmt, {"__name__": "imp_errors_ns"})
    except ImportError as e:
        path = e.path.replace(base, "<pkg>") if e.path else e.path
        print(type(e).__name__ + ":", str(e).replace(base, "<pkg>"), "| name:", e.name, "| path:", path)
show("import imp_no_such_module")
show("import imp_lib.no_such")
show("import imp_lib.leaf.no_such")
show("from imp_lib.leaf import no_such_name")
show("from imp_lib import no_such_sub")
show("from . import anything")
show("from .sibling import anything")
try:
    __import__("imp_lib.deep", {"__package__": "imp_lib"}, None, ["x"], 3)
except ImportError as e:
    print(e)
print(issubclass(ModuleNotFoundError, ImportError))
from imp_lib import no_such_at_top
