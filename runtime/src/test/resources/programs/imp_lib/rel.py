from . import leaf
from .leaf import value, twice
from .deep import inner
from . import deep as deep_pkg
result = (leaf.value, value, twice(3), inner.name, deep_pkg.__name__)
