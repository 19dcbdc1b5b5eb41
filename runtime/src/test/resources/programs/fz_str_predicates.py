# Found by the differential fuzzer: str.istitle, str.isascii and str.isprintable were missing.
words = ['', 'a', 'Abc', 'Title Case', 'Title case', 'ABC', 'aBc', "Don'T", 'Hello, World', '1st Place',
         '\u01c5a', '\u00c9t\u00e9', 'stra\u00dfe', ' - ', '\t\n', 'tab\there', '\x00z', '\x7f', '\u00a0',
         '\u200b', '\u2028', '\ue000', 'caf\u00e9 au lait', '123', 'A1 B2']
for w in words:
    print(repr(w), w.istitle(), w.isascii(), w.isprintable())
print(''.isascii(), ''.isprintable(), ''.istitle(), repr('\u0130').isprintable())
