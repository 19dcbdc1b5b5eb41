# str.isidentifier (enum and namedtuple check their names with it).
for s in ["abc", "_x1", "1x", "", "a-b", "héllo", "über", "a b", "__init__", "x\u200b", "℘", "a·b", "٣x", "x٣"]:
    print(repr(s), s.isidentifier())
