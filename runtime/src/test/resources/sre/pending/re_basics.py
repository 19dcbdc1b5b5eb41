# re through CPython 3.11's own re package (Lib/re, pure Python) on the runtime's _sre.
import re

print(re.match(r'(\w+) (\w+)', 'hello world!').groups())
print(re.search(r'(?P<year>\d{4})-(?P<month>\d\d)', 'on 2024-05-17').groupdict())
print(re.findall(r'\b\w+?s\b', 'cats dogs bus a s'))
print([m.span() for m in re.finditer(r'a*', 'baaac')])
print(re.sub(r'(\w)(\w*)', r'\2\1ay', 'pig latin words'))
print(re.sub(r'(?P<n>\d+)', lambda m: str(int(m['n']) * 2), 'a1 b22 c333'))
print(re.subn(r'\s+', ' ', 'a  b \t c\n'))
print(re.split(r'(,)\s*', 'a, b,c'), re.split(r'x*', 'axbc'), re.split(r'\W+', 'a.b;c', maxsplit=1))
print(re.findall(r'^\w', 'ab\ncd', re.M), re.findall(r'a.b', 'a\nb', re.S), re.findall(r'A', 'aA', re.I))
print(re.findall(r'''(?x) \d+  # digits
                     [.]? \d*''', 'pi 3.14 e 2'))
print(re.findall(r'\w+', 'naïve café', re.A), re.findall(r'\w+', 'naïve café'))
print(re.search(r'foo(?=bar)', 'foobaz foobar').span(), re.search(r'(?<!-)\d+', '-1 2').group())
print(re.search(r'(?<=\$)\d+(?:\.\d\d)?', 'cost: $12.50').group())
print(re.match(r'<.*?>', '<a><b>').group(), re.match(r'<.*>', '<a><b>').group())
print(re.match(r'a++b', 'aaab'), re.match(r'a++a', 'aaa'), re.match(r'(?>a|ab)c', 'abc'))
print(re.fullmatch(r'(\w)\1*', 'aaaa'), re.fullmatch(r'(\w)\1*', 'aaab'))
print(re.findall(rb'[a-z]+', b'abc DEF ghi'), re.sub(rb'(\d)', rb'<\1>', b'a1b2'))
print(re.compile(r'a+', re.I | re.M), re.compile(rb'x'), re.compile('(?s).').flags)
m = re.match(r'(a)(b)?(?P<c>c)?', 'ac')
print(m, m.lastindex, m.lastgroup, m.group(0, 1, 2), m.groups('-'), m.regs, m.expand(r'\1-\g<c>'))
print(re.escape('a.b*c'), re.purge())
for bad in ['(', 'a{2,1}', '(?P<1>x)', r'\1(a)', '[z-a]', '(?<=a+)b']:
    try:
        re.compile(bad)
    except re.error as e:
        print('error:', e)
for call in [lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: m.group(9)]:
    try:
        call()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
