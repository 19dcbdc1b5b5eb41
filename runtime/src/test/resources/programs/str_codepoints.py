# A str is a sequence of code points: characters outside the BMP count once.
s = "\U0001F600 ok"
print(len(s), s.find("ok"), s[::-1])
print(chr(0x1F600), ord(chr(0x1F600)), ord(s[0]), s[0], s[1], s[-1], s[-4], s[0:2], s[1:], s[::2], s[-1::-2])
print(list(s), tuple("a\U0001F600b"), set("\U0001F600\U0001F600"), [c for c in s])
for c in "x\U0001F600y\U00010348":
    print(c, ord(c), len(c), end="|")
print()
try:
    s[4]
except IndexError as e:
    print("IndexError:", e)
try:
    ord("\U0001F600\U0001F600")
except TypeError as e:
    print("TypeError:", e)

# Order is by code point: U+10000 sorts after U+FFFF (UTF-16 puts it before).
words = ["\uffff", "\U00010000", "a", "\ue000", "\U0001F600", "\ud7ff", "zz", "\U0001F600a", "\U0001F600\uffff"]
print([hex(ord(w[0])) for w in sorted(words)], "\uffff" < "\U00010000", "\U00010000" > "\ue000")
print(max("\uffff\U00010000"), min(["\U0001F600", "\uff00"]), sorted("b\U0001F600a\ufffd"))
print("".join(reversed(s)), list(reversed("a\U0001F600")))

# Methods index by code point.
t = "\U0001F600a\U0001F600bc\U0001F600"
print(t.find("b"), t.rfind("\U0001F600"), t.index("c"), t.rindex("a"), t.count("\U0001F600"), t.count(""))
print(t.find("a", 1), t.find("a", 2), t.find("\U0001F600", 1, 3), t.find("c", -2), t.find("", 7), t.find("", 2, 1))
print(t.count("\U0001F600", 1), t.count("\U0001F600", 0, -1), t.startswith("a", 1), t.endswith("c", 0, 5), t.startswith(("x", "\U0001F600a")))
print(t.partition("b"), t.rpartition("\U0001F600"), t.split("\U0001F600"), t.replace("\U0001F600", "-"))
print(t.replace("", "|"), t.replace("", "|", 3), "\U0001F601x\U0001F600".strip("\U0001F600"), "\U0001F600\U0001F601x".lstrip("\U0001F600"))
print("x\U0001F600y".center(7, "*"), "\U0001F600".zfill(4), "\U0001F600".ljust(3, "\U0001F600"), "-\U0001F600".zfill(4), "ab".rjust(5, "\U0001F600"))
print(t.upper(), "\U00010428".upper(), "\U00010400".lower(), "\U00010400\U00010428".swapcase(), "\U00010428bc".title(), "\U00010428BC".capitalize())
print("\U0001D7D8".isdigit(), "\U00010400".isalpha(), "\U00010400".isupper(), "\U00010428".islower(), "\U0001F600".isalpha(), "a\U00010400".isalnum())
print(repr(t), ascii(t), repr("\x85\u200b\ue000\ud800\x7f\xa0"), ascii("\xe9\u20ac"), "\U0001F600\x85".isprintable(), "".isprintable())
print(t.encode(), len(t.encode()), t.encode().decode() == t, "\xe9".encode("latin-1"))
for enc, text in [("ascii", "ab\U0001F600"), ("latin-1", "\xe9\u20ac\U0001F600"), ("utf-8", "a\ud800")]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
print(f"{s:>8}|{s:.2}|{s:*^8}|", "%5s|%-6s|%.1s|%c" % ("\U0001F600", s, s, 0x1F600), "{:^5}|{!r}".format("\U0001F600", "\U0001F600"))
print("\U0001F600" * 3, len("\U0001F600" * 3), "\U0001F600" in s, "k" in s, s + s == "\U0001F600 ok\U0001F600 ok", len(s + "x"))
print({"\U0001F600": 1}["\U0001F600"], str(s), str(s) == s, hash(s) == hash("\U0001F600" + " ok"))
print(" \U0001F600 \U0001F600a ".split(), "a\U0001F600b\U0001F600c".rsplit("\U0001F600", 1), "\U0001F600\n\U0001F600".splitlines())
print("{:\U0001F600^5}|{:\U0001F600<3}".format("a", "b"), f"{'x':\U0001F600>3}", format("\U0001F600", "\U0001F600^4"), format(7, "\U0001F600=+4"))
