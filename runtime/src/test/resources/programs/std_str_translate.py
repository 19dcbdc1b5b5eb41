t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdef".translate(t))
print(str.maketrans({"a": "AA", 98: None, "c": 67}) == {97: "AA", 98: None, 99: 67})
print("aabbcc".translate({97: "AA", 98: None, 99: 67}), "héllo".translate({ord("é"): "e"}))
print("abc".translate(["x"] * 98), "x".translate({}))
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans({1.5: 1}),
            lambda: str.maketrans([1]), lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: -1}),
            lambda: str.maketrans("a", 1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
