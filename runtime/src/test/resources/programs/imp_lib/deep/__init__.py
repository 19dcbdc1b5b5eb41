from .. import leaf as parent_leaf
from ..leaf import value as parent_value
