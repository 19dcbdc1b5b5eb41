# The _sre module directly, as re/_compiler.py drives it: patterns compiled to the code lists
# CPython 3.11's compiler emits (written out here, so the program needs no import of re),
# then the Pattern and Match API: match/search/fullmatch, groups, named groups, spans,
# findall/finditer/split/sub/subn with a callable, scanner, reprs, and the type errors.
import _sre

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord('a')), _sre.ascii_iscased(ord('1')), _sre.unicode_iscased(ord('é')))
print(_sre.ascii_tolower(ord('Q')), _sre.unicode_tolower(ord('É')), _sre.ascii_tolower(ord('É')))
x = _sre.compile('(?P<key>\\w+)=(?P<val>\\d*)', 32, [14, 4, 0, 2, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 61, 17, 2, 24, 9, 0, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 1], 2, {'key': 1, 'val': 2}, (None, 'key', 'val'))
ws = _sre.compile('\\s+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 12, 0, 1, 1], 0, {}, (None,))
word = _sre.compile('\\b\\w+\\b', 32, [14, 4, 0, 1, 4294967295, 6, 10, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 6, 10, 1], 0, {}, (None,))
ic = _sre.compile('(?i)hello', 34, [14, 4, 0, 5, 5, 40, 104, 40, 101, 40, 108, 40, 108, 40, 111, 1], 0, {}, (None,))
ml = _sre.compile('^(\\w)(\\w*)$', 40, [14, 4, 0, 1, 4294967295, 6, 1, 17, 0, 13, 4, 8, 14, 0, 17, 1, 17, 2, 24, 9, 0, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 6, 6, 1], 2, {}, (None, None, None))
opt = _sre.compile('(a)(b)?', 32, [14, 8, 1, 1, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2, 16, 98, 17, 3, 18, 1], 2, {}, (None, None, None))
bs = _sre.compile(b'[a-c]+', 0, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 97, 99, 0, 1, 1], 0, {}, (None,))
empty = _sre.compile('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,))
nested = _sre.compile('((a)|(b))+', 32, [14, 4, 0, 1, 4294967295, 23, 27, 1, 4294967295, 17, 0, 7, 9, 17, 2, 16, 97, 17, 3, 15, 11, 9, 17, 4, 16, 98, 17, 5, 15, 2, 0, 17, 1, 18, 1], 3, {}, (None, None, None, None))
dot = _sre.compile('a.b', 48, [14, 8, 1, 3, 3, 1, 1, 97, 0, 16, 97, 3, 16, 98, 1], 0, {}, (None,))
la = _sre.compile('\\w+(?=,)', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 4, 5, 0, 16, 44, 1, 1], 0, {}, (None,))
lb = _sre.compile('(?<=-)\\d+', 32, [14, 4, 0, 1, 4294967295, 4, 5, 1, 16, 45, 1, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,))
poss = _sre.compile('(?:ab)++', 32, [14, 4, 0, 2, 4294967295, 28, 7, 1, 4294967295, 16, 97, 16, 98, 1, 1], 0, {}, (None,))
atomic = _sre.compile('(?>a+)b', 32, [14, 4, 0, 2, 4294967295, 27, 9, 24, 6, 1, 4294967295, 16, 97, 1, 1, 16, 98, 1], 0, {}, (None,))
lazy = _sre.compile('<.*?>', 32, [14, 8, 1, 2, 4294967295, 1, 1, 60, 0, 16, 60, 26, 5, 0, 4294967295, 2, 1, 16, 62, 1], 0, {}, (None,))
uni = _sre.compile('[é-ï]+', 34, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 39, 5, 22, 233, 239, 0, 1, 1], 0, {}, (None,))

m = x.search("  alpha=42 beta= ")
print(m)
print(m.group(), m.group(1), m.group('val'), m.group(1, 'key', 0), m[2], m['key'])
print(m.groups(), m.groupdict(), m.span(), m.span('val'), m.start(2), m.end(1))
print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.re is x, m.string, m.regs)
print(x, x.pattern, x.flags, x.groups, x.groupindex)
print(x.findall("a=1 b=22 c= d"))
print([mm.span() for mm in x.finditer("a=1 b=22 c= d")])
print(x.sub(lambda mm: mm.group('val') + ':' + mm.group('key'), "a=1 b=22 c= d"))
print(x.subn(lambda mm: '<' + mm[0] + '>', "a=1 b=22 c= d", 2))
print(ws.split(" a  b\tc\n"), ws.split("a b c", 1), ws.split("a b c", maxsplit=1))
print(ws.sub('-', "a  b   c"), ws.subn('', "a b c"))
print(word.findall("Hello, wide world!"))
print(ic.match("HeLLo there"), ic.fullmatch("HELLO"), ic.fullmatch("HELLO!"), ic)
print(ml.findall("ab\ncd\n\nx"))
print(opt.match("a").groups(), opt.match("a").groups('-'), opt.match("a").groupdict(), opt.match("ab").lastindex)
print(opt.match("a").span(2), opt.match("a").group(2), opt.match("zz"))
print(bs.findall(b"xxabcyyca"), bs.sub(b"!", b"abc-cab"), bs.search(b"zzba"), bs)
print(empty.findall("axxbx"), empty.sub("-", "axxb"), empty.split("axxb"))
print([m.span() for m in empty.finditer("xax")])
print(nested.match("abba").groups(), nested.match("abba").lastindex)
print(dot.findall("a\nb axb"), la.findall("one,two,three"), lb.findall("1-2 -34 5"))
print(poss.match("ababa"), atomic.match("aaab"), atomic.match("aaa"), lazy.findall("<a><bb></c>"))
print(uni.findall("café ÉTÉ ïle"))
print(x.match("k=5", 0, 2), x.match("zk=5", 1), x.search("k=5", 10), x.fullmatch("k=5", pos=0, endpos=3))
s = x.scanner("a=1 b=2")
print(s.search().group(), s.search().group(), s.search(), s.search(), s.pattern is x)
sc = ws.scanner("  a")
print(sc.match(), sc.match(), sc.match())
print(x.sub(lambda mm: None, "a=1!"), x.subn(lambda mm: '', "a=1 b=2", count=1))
long_m = ws.search("x" + " " * 80 + "y")
print(long_m)
for bad in [lambda: x.search(b"a=1"), lambda: bs.search("abc"), lambda: x.search(5),
            lambda: m.group(3), lambda: m.group('nope'), lambda: m.span(-1),
            lambda: x.sub(lambda mm: 5, "a=1"), lambda: bs.sub(lambda mm: "s", b"abc"),
            lambda: x.match(), lambda: x.match("a", foo=1)]:
    try:
        print(bad())
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
for code in [[1], [14, 4, 0, 1, 1, 16], [14, 4, 0, 0, 0, 99, 1]]:
    try:
        print(_sre.compile('a', 0, code, 0, {}, (None,)).match('a'))
    except RuntimeError as e:
        print('RuntimeError', e)
