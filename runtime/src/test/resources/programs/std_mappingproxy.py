import types
d = {"a": 1}
p = types.MappingProxyType(d)
d["b"] = 2
print(p["a"], len(p), sorted(p), p.get("b"), "a" in p, type(p).__name__)
try:
    p["c"] = 3
except TypeError as e:
    print("TypeError", e)
