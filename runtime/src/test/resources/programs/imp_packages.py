# Packages and modules next to the script: import forms, relative imports, import *.
import imp_lib
import imp_lib.leaf
print(imp_lib.top_value, imp_lib.leaf.value)
import imp_lib.leaf as lf
print(lf is imp_lib.leaf, lf.twice(5))
from imp_lib import leaf
print(leaf is lf)
from imp_lib.leaf import value, twice as tw
print(value, tw(7))
from imp_lib import rel
print(rel.result)
import imp_lib.deep
print(imp_lib.deep.parent_value, imp_lib.deep.parent_leaf is leaf, imp_lib.deep.inner.name)
# Module attributes.
print(leaf.__name__, leaf.__package__, leaf.__spec__.name, leaf.__spec__.parent)
print(leaf.__file__.endswith("imp_lib/leaf.py"), leaf.__spec__.origin == leaf.__file__)
print(imp_lib.__package__, imp_lib.__spec__.parent, len(imp_lib.__path__), imp_lib.__path__[0].endswith("imp_lib"))
print(imp_lib.__spec__.submodule_search_locations == imp_lib.__path__, leaf.__spec__.submodule_search_locations)
print(imp_lib.__doc__)
print(hasattr(leaf, "__path__"), type(leaf).__name__)
# A directory without __init__.py: a namespace package.
import imp_lib.extra.elsewhere
print(imp_lib.extra.elsewhere.where, imp_lib.extra.__file__ if hasattr(imp_lib.extra, "__file__") else "no __file__")
# import * with and without __all__.
from imp_lib.starall import *
print(shown, _hidden_but_listed, "not_listed" in globals())
from imp_lib.starpublic import *
print(alpha, beta, "_gamma" in globals())
# Importing inside a function binds a local.
def f():
    import imp_lib.leaf as inner_leaf
    from imp_lib.leaf import twice
    return inner_leaf.value + twice(1)
print(f(), "inner_leaf" in globals())
# A module's own if __name__ == "__main__" block does not run when imported.
from imp_lib import mainguard
print(mainguard.guard)
if __name__ == "__main__":
    print("main block runs; __name__ is", __name__)
