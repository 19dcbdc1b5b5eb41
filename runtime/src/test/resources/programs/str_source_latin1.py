# -*- coding: latin-1 -*-
# PEP 263: the declaration above makes these bytes Latin-1 text.
s = "café £ ÿ"
print(s, len(s), [hex(ord(c)) for c in s], s.encode("utf-8"))
# é in a comment too
