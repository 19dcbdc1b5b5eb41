# str.isidentifier(): names by the tokenizer's rules; keywords count as identifiers
for s in ['abc', '_x1', '__init__', '1abc', '', 'a-b', 'a b', 'class', 'None', 'été', 'Ωmega', '变量',
          'x\u0301', '\u0301x', 'a\u00b7b', '_', '9', 'ab$', 'a\tb', '\U0001d49c', 'x\u200d']:
    print(repr(s), s.isidentifier())
print(str.isidentifier('ok'))
try:
    str.isidentifier(1)
except TypeError as e:
    print('TypeError')
