d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, v)
print("a" in d, "a" in d.keys(), 3 in d.values(), ("b", 2) in d.items())
print(d.pop("a"), d.pop("zz", "default"), d)
d.update({"x": 10, "b": 20})
d.update([("y", 11)], z=12)
print(d)
print(d.popitem(), d)
e = d.copy()
e["new"] = 1
print(d, e, d == e, d == d.copy())
e.clear()
print(e, len(e))
print({}.fromkeys(["p", "q"]), {}.fromkeys("ab", 0))
print(dict([(1, "one"), (2, "two")]), dict(a=1, b=2), dict({"k": "v"}, w=1), dict())
inv = {}
for k, v in {"x": 1, "y": 2, "z": 1}.items():
    inv.setdefault(v, []).append(k)
print(inv)
ks = d.keys()
d["late"] = 0
print(len(ks), ks)
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} == {})
