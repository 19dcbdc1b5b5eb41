s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hELLO wORLD".capitalize())
print("they're bill's friends".title(), "abc1def".title())
print(s.find("o"), s.find("o", 5), s.find("o", 5, 8), s.find("xyz"), s.rfind("o"), s.rfind("l", 0, 5))
print(s.index("W"), s.rindex("l"), s.count("l"), s.count("l", 4), s.count(""), "aaaa".count("aa"))
print(s.startswith("Hell"), s.startswith(("x", "He")), s.endswith("ld"), s.endswith("o", 0, 5), s.startswith("World", 7))
print(s.replace("l", "L"), s.replace("l", "L", 2), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("123".isdigit(), "12a".isdigit(), "".isdigit(), "abc".isalpha(), "ab1".isalpha(), "ab1".isalnum(), " \t\n".isspace(), "".isspace())
print("ABC".isupper(), "AbC".isupper(), "abc".islower(), "a1".islower())
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abcdef".zfill(3))
print("[" + "ab".center(7) + "]", "[" + "ab".center(6, "*") + "]", "[" + "abc".center(6) + "]", "[" + "x".ljust(4, ".") + "]", "[" + "x".rjust(4) + "]")
print("a-b-c".partition("-"), "a-b-c".rpartition("-"), "abc".partition("x"), "abc".rpartition("x"))
print("unhappy".removeprefix("un"), "file.py".removesuffix(".py"), "x".removesuffix(""))
print(", ".join(["a", "b", "c"]), "".join(("x", "y")), "-".join("abc"), "+".join([]))
print("ab" * 3, 2 * "xy", "a" in "cat", "dog" not in "cat", "abc" < "abd", "b" > "abc", "abc" == "abc")
word = ""
for ch in "stressed":
    word = ch + word
print(word, len(word), word[::-1], word[1:4])
b = "héllo".encode()
print(b, len(b), b.decode(), "abc".encode("ascii"), "ab'c".encode(), b == "héllo".encode("utf-8"))
print(repr("it's"), repr('say "hi"'), repr("tab\there"), str(12) + "3")
