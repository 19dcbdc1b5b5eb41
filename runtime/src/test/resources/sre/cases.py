# Differential cases for the _sre engine: for each pattern, the code list CPython 3.11's
# re/_compiler.py makes, then for each subject CPython's answers (search, fullmatch, and the
# spans finditer gives), one record a line:
#   P <groups> <code words...>
#   S <subject code points, comma separated, or - when empty>
#   R <kind> <spans of groups 0..n as start,end (-1,-1: unset), or None>
#   I <finditer's group-0 spans: start,end ...>
# Fixed patterns first, then random ones over a small alphabet (seeded: the same every run).
import random
import re
import re._compiler as compiler
import re._parser as parser

FIXED = [
    (r'abc', 0), (r'a|b|c', 0), (r'(a|b)*c', 0), (r'(a|ab)(c|bcd)(d*)', 0), (r'a*?b', 0),
    (r'(a+)+b', 0), (r'(a*)*', 0), (r'(a*)+', 0), (r'(a|)*b', 0), (r'(?:a|b)*?c', 0),
    (r'^abc$', re.M), (r'^\w+', re.M), (r'\bfoo\b', 0), (r'\Bo\B', 0), (r'\d+\.\d*', 0),
    (r'\s+', 0), (r'[^a-c]+', 0), (r'[a-cx-z]+', re.I), (r'ABC', re.I), (r'[\w-]+@[\w.]+', 0),
    (r'(?P<word>\w+) (?P=word)', 0), (r'(a)(b)?(c)', 0), (r'(a)|(b)', 0), (r'(?=ab)a', 0),
    (r'(?!ab)a', 0), (r'(?<=a)b', 0), (r'(?<!a)b', 0), (r'(a)(?(1)b|c)', 0), (r'(a)?(?(1)b|c)', 0),
    (r'a{2,3}', 0), (r'a{2,3}?', 0), (r'(ab){2,}', 0), (r'(ab){1,2}?c', 0), (r'.+', 0), (r'.+', re.S),
    (r'a.c', 0), (r'(?>a+)b', 0), (r'(?>a|ab)c', 0), (r'a++b', 0), (r'a*+a', 0), (r'(ab)++c', 0),
    (r'(?:ab)*+ab', 0), (r'(a|b)*+', 0), (r'x*', 0), (r'', 0), (r'$', 0), (r'^', re.M), (r'\Z', 0),
    (r'\A\w', 0), (r'(\w)\1', 0), (r'(\w)\1', re.I), (r'(?i)straße', 0), (r'[ǅ]', re.I), (r'ǅ', re.I),
    (r'\w+', re.A), (r'é+', re.I), (r'[à-ÿ]+', re.I), (r'[^\W\d]+', 0), (r'[\u0100-\u0200ab]+', 0),
    (r'[\u4e00-\u9fff]+', 0), (r'(a)(?:(b)|c)*', 0), (r'((a)|b)+', 0), (r'(a|b)*?(b)', 0),
    (r'(?s:.)\n', 0), (r'(?x) a b # comment', 0), (r'[.]', 0), (r'(?:(a)|b)(?(1)x|y)', 0),
    (r'(?=(a+))a*b\1', 0), (r'(?:a(?=b)|.)*', 0), (r'\n$', 0), (r'a$', 0), (r'a$', re.M),
    (r'(?<=ab)c|(?<=b)d', 0), (r'k', re.I), (r'[k]', re.I), (r'[^k]', re.I), (r'[a-z]', re.I),
    (r'(?i)[\u212a]', 0), (r'ſ', re.I), (r'(a*)b\1', 0), (r'((a)|(b))*', 0), (r'(a)*(b)*', 0),
    (r'(?:(a)|(b))+?c', 0), (r'(\d+)-(\d+)', 0), (r'[\d\s]+', 0), (r'[^\d\s]+', 0), (r'\W+', 0),
    (r'(.)(?!\1)', 0), (r'(?P<x>a)(?P<y>b)?', 0), (r'[\x00-\x7f]+', 0), (r'[^\x00-\x7f]+', 0),
    (r'[\u0100\u0102\u0104\u0106\u0108\u010a\u4e00-\u4e05]+', 0), (r'[^\u0100\u0102\u0104\u0106b]', 0),
    (r'[\u0100\u0102\u0104\u0106\u0108]', re.I), (r'\w+\b', re.A), (r'[^\W]+', re.A | re.I),
    (rb'[a-f]+\w', re.L), (rb'(?i)abc', re.L), (rb'[^a]b', re.L | re.I), (rb'\bab\b', re.L),
    (rb'(\w+)\s*\1', 0), (rb'(?i)[k-z]+', 0), (rb'\W+', 0), (rb'[\x80-\xff]+', 0),
]
SUBJECTS = ['', 'a', 'ab', 'abc', 'aab', 'abab', 'ababc', 'aaab', 'xabcx', 'c', 'abcd', 'abcbcd',
            'foo bar foo', 'foofoo', 'hello hello world', 'a1.5 22.', ' \t\n x', 'ABC abc AbC',
            'line1\nline2\n', 'x@y.z a-b@c.d', 'STRASSE straße', 'ǅǆǄ', 'éÉè', 'ÀàÿŸ', 'ĀāĂ ab',
            '漢字かな', 'kKK\u212a', 'ſsS', 'aaa', 'bbb', 'ababab', '12-34 5-6', 'a\nb', 'abba',
            'aaaab', 'abcabc', 'ab\n', 'xyz']
ALPHABET = ['a', 'b', 'c', 'ab', '.', '[ab]', '[^a]', '\\w', '\\s', '\\b', '^', '$']
QUANT = ['', '', '*', '+', '?', '*?', '+?', '{1,2}', '{2}', '*+', '?+']


def random_pattern(rng, depth=0):
    parts = []
    for _ in range(rng.randint(1, 3)):
        r = rng.random()
        if r < 0.2 and depth < 2:
            inner = random_pattern(rng, depth + 1)
            kind = rng.choice(['(', '(?:', '(?>', '(?=', '(?!'])
            if rng.random() < 0.4:
                inner = inner + '|' + random_pattern(rng, depth + 1)
            atom = kind + inner + ')'
            if kind in ('(?=', '(?!'):
                parts.append(atom)
                continue
        elif r < 0.25 and parts and '(' in ''.join(parts):
            atom = '\\1' if ''.join(parts).count('(') - ''.join(parts).count('(?') > 0 else 'a'
        else:
            atom = rng.choice(ALPHABET)
        if atom in ('\\b', '^', '$'):
            parts.append(atom)
            continue
        parts.append(atom + rng.choice(QUANT))
    return ''.join(parts)


def spans(m, groups):
    if m is None:
        return 'None'
    return ' '.join('%d,%d' % m.span(g) for g in range(groups + 1))


def emit(pattern, flags, subjects):
    try:
        p = parser.parse(pattern, flags)
        code = compiler._code(p, flags)
        compiled = re.compile(pattern, flags)
    except re.error:
        return
    groups = p.state.groups - 1
    print('P', groups, ' '.join(str(int(w)) for w in code))
    if isinstance(pattern, bytes):
        subjects = [s.encode('latin-1') for s in subjects if max(s, default='a') < '\u0100']
    for s in subjects:
        print('S', ','.join(str(c if isinstance(c, int) else ord(c)) for c in s) if s else '-')
        print('R search', spans(compiled.search(s), groups))
        print('R match', spans(compiled.match(s), groups))
        print('R fullmatch', spans(compiled.fullmatch(s), groups))
        print('R search1', spans(compiled.search(s, 1), groups))
        print('I', ' '.join('%d,%d' % m.span() for m in compiled.finditer(s)))


def main():
    for pattern, flags in FIXED:
        emit(pattern, flags, SUBJECTS)
    rng = random.Random(20221207)
    words = ['', 'a', 'b', 'ab', 'ba', 'abc', 'aab', 'abab', 'a b', 'cab a', 'bbaa', 'ab\nba', 'aaaa']
    for _ in range(400):
        emit(random_pattern(rng), rng.choice([0, 0, re.I, re.M, re.S]), words)


main()
