print("  a b\t c\n d  ".split())
print("a,b,,c,".split(","), "a,b,c".split(",", 1), "a b c d".split(None, 2), "".split(), "".split(","))
print("a,b,c".rsplit(",", 1), "a b c d".rsplit(None, 2), "  x  y  ".rsplit(), "a::b::c".split("::"))
print("one\ntwo\r\nthree\rfour".splitlines(), "x\n\ny\n".splitlines(), "x\ny\n".splitlines(True))
print("[" + "  pad  ".strip() + "]", "[" + "  pad  ".lstrip() + "]", "[" + "  pad  ".rstrip() + "]")
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "--a--".lstrip("-"), "--a--".rstrip("-"))
words = "the quick brown fox jumps over the lazy dog".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(words), len(words), " ".join(reversed(words)))
csv = "name,age\nann,31\nbob,27"
rows = []
for line in csv.splitlines()[1:]:
    name, age = line.split(",")
    rows.append((name, int(age)))
print(rows)
