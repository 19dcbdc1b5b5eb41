# Found by the differential fuzzer: title() and capitalize() used one-character case mappings
# ('\ufb01x'.title() is 'Fix' in CPython, where the ligature's title case is two characters).
for s in ['\ufb01x', '\ufb01', 'stra\u00dfe', '\u00dfa b\u00df', 'hello world', "they're bill's", '\u01c6a', 'ABC d\u0130F', '\u0130x', '']:
    print(repr(s.title()), repr(s.capitalize()), len(s.title()))
