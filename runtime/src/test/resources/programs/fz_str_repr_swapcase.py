# Found by the differential fuzzer: repr() left non-printable characters unescaped, and
# swapcase used one-character case mappings ('\u0130' swaps to 'i' plus a combining dot).
for s in ['\xa0', '\u200b', '\u2028', '\ue000', '\xad', 'a\x85b', '\u0378', 'caf\u00e9', '\u00ff\u0100', 'tab\t', "q'", 'q\'"']:
    print(repr(s), len(repr(s)))
print(['\xa0x', {'\u2029': '\u00e9'}])
for s in ['\u0130', 'stra\u00dfe', 'Hello, World', '\u01c5a', '\ufb01x', 'ABC def']:
    print(repr(s.swapcase()), len(s.swapcase()))
